"""Independent references for checking audio: pyloudnorm's BS.1770 meter and a 4× oversampled true peak."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyloudnorm
import soxr


def integrated_loudness(samples: np.ndarray[Any, Any], rate: int) -> float:
    """Integrated loudness in LUFS by pyloudnorm (not the plugin's own meter); silence-padded to one block."""
    block = int(0.4 * rate) + 1
    if len(samples) < block:
        samples = np.concatenate([samples, np.zeros(block - len(samples), dtype=samples.dtype)])
    return float(pyloudnorm.Meter(rate).integrated_loudness(np.asarray(samples, dtype=np.float64)))


def true_peak_db(samples: np.ndarray[Any, Any], rate: int) -> float:
    """True peak in dBTP: the peak of the signal oversampled 4× (soxr, very high quality)."""
    upsampled = soxr.resample(np.asarray(samples, dtype=np.float32), rate, rate * 4, quality="VHQ")
    peak = max(float(np.abs(upsampled).max(initial=0.0)), float(np.abs(samples).max(initial=0.0)))
    return 20 * float(np.log10(peak)) if peak > 0 else -np.inf


def median_pitch(samples: np.ndarray[Any, Any], rate: int) -> float:
    """Median fundamental frequency of voiced 40 ms frames, by autocorrelation (70-400 Hz)."""
    frame = int(0.04 * rate)
    pitches = []
    for start in range(0, len(samples) - frame, frame):
        chunk = samples[start : start + frame] - np.mean(samples[start : start + frame])
        if np.sqrt(np.mean(chunk**2)) < 0.02:
            continue
        corr = np.correlate(chunk, chunk, mode="full")[frame - 1 :]
        low, high = int(rate / 400), int(rate / 70)
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.5 * corr[0]:  # clearly periodic: fricatives and breaths are left out
            pitches.append(rate / lag)
    return float(np.median(pitches)) if pitches else float("nan")
