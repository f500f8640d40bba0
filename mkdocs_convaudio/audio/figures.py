"""A line's figures, measured once and cached beside it: where its speech starts and ends, its loudness energies
and true peaks per 10 ms chunk, at the programme's rate."""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import soxr

from .loudness import Floats, chunk_energies, chunk_size, oversampled_peaks, speech_bounds
from .types import Audio, Samples

FIGURES_VERSION = 1
#: Chunks of K-filter ringing kept after a line's end (they fall into the pause that follows).
TAIL_CHUNKS = 5
FADE = 0.005


class Counter:
    """A thread-safe count of loudness measurements (tests prove an edit re-measures one line with it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def add(self) -> None:
        with self._lock:
            self.value += 1


#: Every line measurement of this process.
MEASUREMENTS = Counter()


@dataclass(frozen=True)
class LineFigures:
    """What assembly needs to know of a line without reading its audio.

    `start`/`end` bound the speech in the line resampled to `rate`; `energy[k]` is the K-weighted sum of squares
    and `peak[k]` the 4× oversampled peak of 10 ms chunk k of that speech (energy runs `TAIL_CHUNKS` longer).
    """

    rate: int
    start: int
    end: int
    energy: Floats
    peak: Floats

    @property
    def length(self) -> int:
        return self.end - self.start

    def to_json(self) -> dict[str, Any]:
        def pack(values: Floats) -> str:
            return base64.b64encode(values.astype("<f4").tobytes()).decode("ascii")

        return {
            "version": FIGURES_VERSION,
            "rate": self.rate,
            "start": self.start,
            "end": self.end,
            "energy": pack(self.energy),
            "peak": pack(self.peak),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineFigures | None:
        """None when the data is from another version or malformed (the line is then measured again)."""
        try:
            if data.get("version") != FIGURES_VERSION:
                return None

            def unpack(text: str) -> Floats:
                return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float64)

            return cls(
                int(data["rate"]), int(data["start"]), int(data["end"]), unpack(data["energy"]), unpack(data["peak"])
            )
        except (KeyError, TypeError, ValueError):
            return None


def to_rate(audio: Audio, rate: int) -> Samples:
    """Resample to the programme rate (soxr, high quality)."""
    if audio.rate == rate:
        return np.asarray(audio.samples, dtype=np.float32)
    return np.asarray(soxr.resample(audio.samples, audio.rate, rate, quality="HQ"), dtype=np.float32)


def faded(samples: Samples, rate: int) -> Samples:
    """5 ms fades at both ends, so cuts never click (a copy)."""
    out = np.array(samples, dtype=np.float32)
    fade = min(len(out) // 2, int(FADE * rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    return out


def speech(audio: Audio, rate: int, figures: LineFigures | None = None) -> Samples:
    """The line as the programme plays it: at `rate`, without the engine's silence, faded in and out."""
    samples = to_rate(audio, rate)
    start, end = (figures.start, figures.end) if figures is not None else speech_bounds(samples, rate)
    return faded(samples[start:end], rate)


def measure(audio: Audio, rate: int) -> LineFigures:
    """Measure a line once: its speech bounds, chunk energies and chunk true peaks at `rate`."""
    MEASUREMENTS.add()
    samples = to_rate(audio, rate)
    start, end = speech_bounds(samples, rate)
    spoken = faded(samples[start:end], rate)
    chunk = chunk_size(rate)
    energy = chunk_energies(spoken, rate, TAIL_CHUNKS)
    peaks = oversampled_peaks(spoken, rate)
    count = -(-len(spoken) // chunk)
    padded = np.zeros(count * chunk, dtype=np.float32)
    padded[: len(peaks)] = peaks
    peak = padded.reshape(count, chunk).max(axis=1) if count else np.zeros(0)
    return LineFigures(rate, start, end, as_stored(energy), as_stored(peak))


def as_stored(values: Floats) -> Floats:
    """`values` as the cache keeps them (float32, see `LineFigures.to_json`), in float64: a line measured in this
    build then plans the same gain as one whose figures are read back. With the measurement's full precision, a
    line downloaded from a shared cache (measured where it is used) and one synthesized here (read back) moved
    the gain a millionth of a dB, and two machines that split a conversation's lines made different MP3 bytes."""
    return np.asarray(values, dtype="<f4").astype(np.float64)
