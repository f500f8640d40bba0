"""The spots of a long one-stream MP3 that the encoder took over the true-peak target, turned down by what they
missed for the next pass.

A long show (its music bed runs through the pauses, so it is not cut in segments) is one LAME stream, checked
window by window after encoding. Lowering the limiter's whole ceiling by the worst excess changed the encoder's
input everywhere, and what LAME adds to a peak moves by a few tenths of a dB with any change of its input: the
window over came down, and another went over (450 turns of a bug bash's talk with a bed: -1.00 dBTP, then -0.50
where a window 0.02 dB under the target rose by half a dB, then -1.12; three whole passes, and a 2 h 51 min talk
was encoded three times). A bed's burst under the ceiling is not brought down by a lower one at all. So only the
frames over the target change: the limiter's output is turned down around each, by its excess and a step
(`Dips`), and the rest of the stream is encoded as it was and comes out as it was, at its loudness.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from .mp3peak import DECODED_DELAY
from .types import Samples

#: Seconds a dip takes to go down and to come back (a raised cosine): no click.
RAMP = 0.01


class Dips:
    """Gain dips over spans of the programme, applied to what the limiter gives the encoder. The dips of one pass
    apply together (the deepest where they overlap), each pass's on top of the passes' before."""

    def __init__(self, rate: int) -> None:
        self.ramp = max(1, int(RAMP * rate))
        self.passes: list[list[tuple[int, int, float]]] = []

    def add(self, spans: Sequence[tuple[int, int, float]]) -> None:
        """One pass's dips: `(first sample, end sample, linear gain)`."""
        if spans:
            self.passes.append(list(spans))

    def apply(self, start: int, block: Samples) -> Samples:
        """Samples `[start, start + len(block))` of the programme with the dips that reach them."""
        n, ramp = len(block), self.ramp
        positions: np.ndarray | None = None
        for spans in self.passes:
            envelope: Samples | None = None
            for first, end, gain in spans:
                if end + ramp <= start or first - ramp >= start + n:
                    continue
                if positions is None:
                    positions = np.arange(start, start + n, dtype=np.float64)
                outside = np.clip(np.maximum(first - positions, positions - (end - 1)) / ramp, 0.0, 1.0)
                dip = (1.0 - (1.0 - gain) * (0.5 + 0.5 * np.cos(np.pi * outside))).astype(np.float32)
                envelope = dip if envelope is None else np.minimum(envelope, dip)
            if envelope is not None:
                block = (block * envelope).astype(np.float32)
        return block


def over_spots(
    windows: Sequence[tuple[int, int, float]],
    frame_peaks: Callable[[int, int], Samples | None],
    size: int,
    target: float,
    step: float,
) -> list[tuple[int, int, float]] | None:
    """The dips that bring an MP3's frames over the `target` (dBTP) `step` dB under it: `windows` are the MP3's
    (`mp3_window_peaks`), `frame_peaks(first, count)` the peaks (linear) of its frames of `size` samples, decoded
    again only in the windows over the target. Each dip covers what the encoder was given for that frame and a
    frame either side (its transform overlaps them). None when a window's frames cannot be read."""
    spots: list[tuple[int, int, float]] = []
    for start, stop, peak in windows:
        if peak <= target:
            continue
        first = start // size
        decoded = frame_peaks(first, -(-(stop - start) // size))
        if decoded is None:
            return None
        for index in np.flatnonzero(decoded > 10 ** (target / 20)).tolist():
            at = (first + index) * size - DECODED_DELAY  # where the frame's samples were given to the encoder
            excess = 20 * math.log10(float(decoded[index])) - target
            spots.append((max(0, at - size), at + 2 * size, 10 ** (-(excess + step) / 20)))
    return spots
