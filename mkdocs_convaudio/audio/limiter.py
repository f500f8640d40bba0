"""A streaming look-ahead true-peak limiter: blocks in, the same samples out a little later, never over the ceiling."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from .loudness import CONTEXT_PEAK as CONTEXT
from .loudness import oversampled_peaks
from .types import Samples


def moving_min(values: npt.NDArray[np.float32], width: int) -> npt.NDArray[np.float32]:
    """`out[i] = min(values[i : i + width])` for every full window (van Herk/Gil-Werman: three passes, any width)."""
    count = len(values) - width + 1
    if count <= 0:
        return np.zeros(0, dtype=values.dtype)
    rows = -(-len(values) // width)
    padded = np.full(rows * width, np.inf, dtype=values.dtype)
    padded[: len(values)] = values
    blocks = padded.reshape(rows, width)
    prefix = np.minimum.accumulate(blocks, axis=1).ravel()
    suffix = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    return np.minimum(suffix[:count], prefix[width - 1 : width - 1 + count])


def moving_mean(values: npt.NDArray[np.float32], width: int) -> npt.NDArray[np.float32]:
    """`out[i] = mean(values[i : i + width])` for every full window."""
    cumulative = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    means: npt.NDArray[np.float32] = ((cumulative[width:] - cumulative[:-width]) / width).astype(np.float32)
    return means


class Limiter:
    """Look-ahead limiter over a stream: `process(block)` returns the limited samples it can release so far
    (`lookahead` samples behind), `flush()` the rest; concatenated, the output has exactly the input's length.

    The gain is a moving average (half-width `attack`) of a moving minimum (half-width `hold`) of the gain each
    sample needs to keep its 4× oversampled peak under the ceiling. Every averaged value covers the sample itself,
    so the smooth gain never exceeds what that sample needs: no overshoot, no clicks, and the same output
    whatever the block sizes.
    """

    def __init__(self, rate: int, ceiling_db: float, attack: float = 0.005, hold: float = 0.03) -> None:
        self.rate = rate
        self.ceiling = 10 ** (ceiling_db / 20)
        self.attack = max(1, int(attack * rate))
        self.hold = max(self.attack, int(hold * rate))
        self.lookahead = self.attack + self.hold
        # raw input from `self.origin` (a stream position) on; `needed` covers the same positions up to `measured`
        self.origin = -self.lookahead - CONTEXT
        self.raw = np.zeros(self.lookahead + CONTEXT, dtype=np.float32)
        self.needed = np.ones(self.lookahead + CONTEXT, dtype=np.float32)
        self.measured = 0  # needed is known for positions < measured
        self.released = 0  # output given out for positions < released
        self.received = 0
        self.limited_samples = 0

    def _measure(self, until: int, final: bool) -> None:
        """Compute the gain each sample needs, for positions [measured, until)."""
        if until <= self.measured:
            return
        lo = self.measured - CONTEXT
        hi = until + CONTEXT
        stretch = np.zeros(hi - lo, dtype=np.float32)
        have_lo, have_hi = max(lo, self.origin), min(hi, self.received)
        stretch[have_lo - lo : have_hi - lo] = self.raw[have_lo - self.origin : have_hi - self.origin]
        if not final and have_hi < hi:
            raise AssertionError("measured past the input")
        peak_now = float(np.abs(stretch).max(initial=0.0))
        count = until - self.measured
        if peak_now * 1.5 < self.ceiling:  # intersample peaks stay far below 3.5 dB over the samples
            needed = np.ones(count, dtype=np.float32)
        else:
            envelope = oversampled_peaks(stretch, self.rate)[CONTEXT : CONTEXT + count]
            needed = np.minimum(1.0, self.ceiling / np.maximum(envelope, 1e-12)).astype(np.float32)
        self.needed = np.concatenate([self.needed[: self.measured - self.origin], needed])
        self.measured = until

    def _smooth_gain(self, window: Samples, count: int) -> Samples:
        """The held and averaged gain of `count` outputs, each reading `window[i : i + 2 * lookahead + 1]`.

        Only the runs of outputs whose windows hold a sample that needs limiting are computed: in speech at
        broadcast loudness that is under half of them (43 % on the speed benchmark), and the rest is exactly 1.
        """
        span = 2 * self.lookahead
        below = np.concatenate(([0], np.cumsum(window < 1.0)))
        touched = (below[span + 1 : span + 1 + count] != below[:count]).astype(np.int8)
        edges = np.flatnonzero(np.diff(touched, prepend=np.int8(0), append=np.int8(0)))
        gain = np.ones(count, dtype=np.float32)
        for first, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            held = moving_min(window[first : end + span], 2 * self.hold + 1)
            gain[first:end] = moving_mean(held, 2 * self.attack + 1)
        return gain

    def _release(self, until: int) -> Samples:
        """Limited output for positions [released, until); needs `needed` up to until + lookahead."""
        if until <= self.released:
            return np.zeros(0, dtype=np.float32)
        start = self.released
        raw = self.raw[start - self.origin : until - self.origin]
        window = self.needed[start - self.lookahead - self.origin : until + self.lookahead - self.origin]
        if window.min() >= 1.0:
            out = raw.copy()
        else:
            gain = self._smooth_gain(window, until - start)
            own = self.needed[start - self.origin : until - self.origin]
            gain = np.minimum(gain, own)  # float rounding in the average must not let a peak through
            self.limited_samples += int(np.count_nonzero(gain < 1.0))
            out = (raw * gain).astype(np.float32)
        self.released = until
        # forget what no later window can reach
        keep_from = self.released - self.lookahead - CONTEXT
        if keep_from > self.origin:
            cut = keep_from - self.origin
            self.raw = self.raw[cut:]
            self.needed = self.needed[cut:]
            self.origin = keep_from
        return out

    def process(self, block: Samples) -> Samples:
        """Feed a block; get back the output released so far (possibly empty)."""
        self.raw = np.concatenate([self.raw, np.asarray(block, dtype=np.float32)])
        self.received += len(block)
        self._measure(self.received - CONTEXT, final=False)
        return self._release(self.measured - self.lookahead)

    def flush(self) -> Samples:
        """The rest of the output, once the input has ended."""
        end = self.received
        self.raw = np.concatenate([self.raw, np.zeros(self.lookahead + CONTEXT, dtype=np.float32)])
        self.received += self.lookahead + CONTEXT
        self._measure(end + self.lookahead, final=True)
        self.received = end
        return self._release(end)


def gain_db(linear: float) -> float:
    """A linear gain in dB."""
    return 20 * math.log10(linear) if linear > 0 else -math.inf
