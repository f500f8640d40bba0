"""Loudness to a broadcast target: BS.1770 integrated loudness, then a true-peak limiter, never a bare gain."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import soxr
from scipy.ndimage import maximum_filter1d, minimum_filter1d, uniform_filter1d

from .types import Samples

OVERSAMPLE = 4


def integrated_loudness(samples: Samples, rate: int) -> float:
    """Integrated loudness in LUFS (ITU-R BS.1770-4); silence-padded when shorter than one 400 ms block."""
    block = int(0.4 * rate) + 1
    if len(samples) < block:
        samples = np.concatenate([samples, np.zeros(block - len(samples), dtype=samples.dtype)])
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64)))


def true_peak_envelope(samples: Samples, rate: int) -> Samples:
    """Per-sample peak of the 4× oversampled signal: what a DAC or an MP3 decoder may reconstruct."""
    upsampled = soxr.resample(samples, rate, rate * OVERSAMPLE, quality="HQ")
    usable = min(len(upsampled) // OVERSAMPLE, len(samples))
    envelope = np.abs(samples).astype(np.float32)
    inter = np.abs(upsampled[: usable * OVERSAMPLE]).reshape(usable, OVERSAMPLE).max(axis=1)
    envelope[:usable] = np.maximum(envelope[:usable], inter)
    return envelope


def true_peak_db(samples: Samples, rate: int) -> float:
    """True peak in dBTP."""
    peak = float(true_peak_envelope(samples, rate).max(initial=0.0))
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def limit(
    samples: Samples,
    rate: int,
    ceiling_db: float,
    attack: float = 0.005,
    hold: float = 0.03,
    envelope: Samples | None = None,
) -> Samples:
    """Look-ahead limiter: the gain falls `attack` seconds before a peak and holds, so nothing exceeds the ceiling.

    The gain curve is a moving average (half-width `attack`) of a moving minimum (half-width `hold`) of the
    gain each sample needs; every averaged value covers the sample itself, so the smooth gain never exceeds
    what that sample needs: no overshoot, no clicks. `envelope` is `true_peak_envelope(samples)` when the
    caller already has it.
    """
    if envelope is None:
        envelope = true_peak_envelope(samples, rate)
    ceiling = 10 ** (ceiling_db / 20)
    needed = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12)).astype(np.float32)
    if needed.min() >= 1.0:
        return samples
    attack_n = max(1, int(attack * rate))
    hold_n = max(attack_n, int(hold * rate))
    held = minimum_filter1d(needed, size=2 * hold_n + 1, mode="nearest")
    gain = uniform_filter1d(held, size=2 * attack_n + 1, mode="nearest")
    gain = np.minimum(gain, needed)  # float rounding in the average must not let a peak through
    limited: Samples = (samples * gain).astype(np.float32)
    return limited


def normalize(samples: Samples, rate: int, target_lufs: float, ceiling_db: float) -> Samples:
    """Gain to `target_lufs` and limit to `ceiling_db` true peak; the limiter lowers loudness a little, so the
    gain is raised and the *original* limited again until the result is on target. The true-peak envelope
    of a gained signal is the gained envelope, so it is computed once."""
    if not np.any(samples):
        return samples
    loudness = integrated_loudness(samples, rate)
    if not np.isfinite(loudness):
        return samples
    envelope = true_peak_envelope(samples, rate)
    gain_db = target_lufs - loudness
    previous: tuple[float, float] | None = None  # (gain, loudness) of the last try, for a secant step
    out = samples
    for _ in range(6):
        gain = 10 ** (gain_db / 20)
        out = limit((samples * gain).astype(np.float32), rate, ceiling_db, envelope=envelope * gain)
        result = integrated_loudness(out, rate)
        error = target_lufs - result
        if abs(error) < 0.1:
            break
        # the limiter eats part of any extra gain: step by the measured slope, not one dB per dB
        slope = 1.0
        if previous is not None and gain_db != previous[0]:
            slope = min(1.0, max(0.1, (result - previous[1]) / (gain_db - previous[0])))
        previous = (gain_db, result)
        gain_db += error / slope
    return out


def speech_bounds(samples: Samples, rate: int, threshold_db: float = -45.0, pad: float = 0.02) -> tuple[int, int]:
    """First and last sample of speech: engines add uneven silence around a line, and we set pauses ourselves."""
    frame = max(1, int(0.01 * rate))
    if len(samples) < frame:
        return 0, len(samples)
    peak = float(np.abs(samples).max(initial=0.0))
    if peak == 0:
        return 0, 0
    loud = maximum_filter1d(np.abs(samples), size=frame) > peak * 10 ** (threshold_db / 20)
    indices = np.flatnonzero(loud)
    pad_n = int(pad * rate)
    return max(0, int(indices[0]) - pad_n), min(len(samples), int(indices[-1]) + 1 + pad_n)
