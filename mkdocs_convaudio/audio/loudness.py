"""BS.1770 loudness with numpy only: K-weighting, 10 ms chunk energies, gating; true peak; speech bounds.

Loudness is computed from *chunk energies* (K-weighted sums of squares over 10 ms chunks) so that each line is
measured once, its energies cached, and a conversation's integrated loudness recombined from the cached energies
of its lines placed at their offsets (pauses contribute nothing). A 400 ms gating block is 40 chunks, blocks
start every 10 chunks (75 % overlap), as ITU-R BS.1770-4 asks.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import numpy.typing as npt
import soxr

from .types import Samples

OVERSAMPLE = 4
#: Samples of context either side when oversampling a stretch for its true peak (soxr's HQ filter is shorter).
CONTEXT_PEAK = 64
#: Chunks per 100 ms gating step and per 400 ms gating block.
STEP_CHUNKS = 10
BLOCK_CHUNKS = 40

Floats = npt.NDArray[np.float64]


def chunk_size(rate: int) -> int:
    """Samples in one 10 ms chunk (220 at 22,050 Hz: 0.2 % short, far below what gating can tell)."""
    return rate // 100


def _biquad_response(b: tuple[float, float, float], a: tuple[float, float, float], x: list[float]) -> list[float]:
    """Direct form I on a short list: used once per rate to get the K-filter's impulse response."""
    out: list[float] = []
    x1 = x2 = y1 = y2 = 0.0
    for value in x:
        y = (b[0] * value + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2) / a[0]
        x2, x1, y2, y1 = x1, value, y1, y
        out.append(y)
    return out


@functools.lru_cache(maxsize=8)
def k_filter(rate: int) -> Floats:
    """The impulse response of BS.1770's K-weighting (high shelf, then high pass), 100 ms long.

    Coefficients for any rate from the analog prototypes (shelf +4 dB at 1,500 Hz, Q 1/√2; high pass 38 Hz,
    Q 0.5), as pyloudnorm derives them; the high pass decays below 10⁻⁷ within 100 ms at every MP3 rate, so
    the truncated response filters exactly enough, with an FFT, and no scipy at build time.
    """
    gain_db, q_shelf, f_shelf = 4.0, 1 / math.sqrt(2), 1500.0
    big_a = 10 ** (gain_db / 40)
    w0 = 2 * math.pi * f_shelf / rate
    alpha = math.sin(w0) / (2 * q_shelf)
    cos, root = math.cos(w0), 2 * math.sqrt(big_a) * alpha
    shelf_b = (
        big_a * ((big_a + 1) + (big_a - 1) * cos + root),
        -2 * big_a * ((big_a - 1) + (big_a + 1) * cos),
        big_a * ((big_a + 1) + (big_a - 1) * cos - root),
    )
    shelf_a = (
        (big_a + 1) - (big_a - 1) * cos + root,
        2 * ((big_a - 1) - (big_a + 1) * cos),
        (big_a + 1) - (big_a - 1) * cos - root,
    )
    w0 = 2 * math.pi * 38.0 / rate
    alpha = math.sin(w0) / (2 * 0.5)
    cos = math.cos(w0)
    pass_b = ((1 + cos) / 2, -(1 + cos), (1 + cos) / 2)
    pass_a = (1 + alpha, -2 * cos, 1 - alpha)
    impulse = [1.0] + [0.0] * (rate // 10 - 1)
    return np.array(_biquad_response(pass_b, pass_a, _biquad_response(shelf_b, shelf_a, impulse)))


@functools.lru_cache(maxsize=8)
def k_spectrum(rate: int, size: int) -> npt.NDArray[np.complex128]:
    """The K-filter's spectrum in `size` points: the same each call (a long MP3's 6 s windows spent a transform in
    four on it)."""
    spectrum: npt.NDArray[np.complex128] = np.fft.rfft(k_filter(rate), size)
    spectrum.flags.writeable = False
    return spectrum


#: FFT length `k_weighted` convolves with: lines' figures and short MP3s are measured with it (a filter that
#: rounded differently would move a cached MP3's gain in its sixth decimal, and its segments' keys with it)
K_FFT = 1 << 16
#: FFT length for a long show's MP3 measured window by window (`LoudnessMeter(rate, K_FFT_STREAM)`): a window of
#: 144,000 samples takes 5 transforms of 32,768 where it took 3 of 65,536 (the third mostly padding), each cheaper
K_FFT_STREAM = 1 << 15


def k_weighted(samples: Samples, rate: int, tail: int = 0, size: int = K_FFT) -> Floats:
    """`samples` through the K-filter (overlap-add FFT convolution in `size` points), plus `tail` samples of
    ringing after the end."""
    taps = k_filter(rate)
    step = size - len(taps) + 1
    out = np.zeros(len(samples) + len(taps) - 1, dtype=np.float64)
    spectrum = k_spectrum(rate, size)
    for start in range(0, len(samples), step):
        piece = samples[start : start + step]
        filtered = np.fft.irfft(np.fft.rfft(piece, size) * spectrum, size)[: len(piece) + len(taps) - 1]
        out[start : start + len(filtered)] += filtered
    return out[: len(samples) + tail]


class KWeighter:
    """`k_weighted` over a stream: blocks in, the same number of filtered samples out (the ringing carried over)."""

    def __init__(self, rate: int, size: int = K_FFT) -> None:
        self.rate = rate
        self.size = size
        self.carry = np.zeros(len(k_filter(rate)) - 1, dtype=np.float64)

    def process(self, block: Samples) -> Floats:
        filtered = k_weighted(block, self.rate, tail=len(self.carry), size=self.size)
        filtered[: len(self.carry)] += self.carry
        self.carry = filtered[len(block) :].copy()
        out: Floats = filtered[: len(block)]
        return out


class LoudnessMeter:
    """Integrated loudness of a stream fed in blocks of any size (a long MP3 decoded a window at a time): its
    K-weighted energy per 10 ms chunk, about 800 bytes a second of audio, gated once it has all been fed."""

    def __init__(self, rate: int, size: int = K_FFT) -> None:
        self.weighter = KWeighter(rate, size)
        self.chunk = chunk_size(rate)
        self.energies: list[Floats] = []
        self.pending = np.zeros(0, dtype=np.float64)  # squares not yet a whole chunk

    def feed(self, block: Samples) -> None:
        squares = np.concatenate([self.pending, np.square(self.weighter.process(block))])
        whole = len(squares) // self.chunk * self.chunk
        self.energies.append(chunk_sums(squares[:whole], self.chunk))
        self.pending = squares[whole:]

    def loudness(self) -> float:
        """LUFS of what was fed (the filter's ringing past its end is not part of it)."""
        return gated_loudness(np.concatenate([*self.energies, chunk_sums(self.pending, self.chunk)]), self.chunk)


def chunk_sums(values: npt.NDArray[np.floating], chunk: int) -> Floats:
    """Sum of each `chunk` consecutive values (the last chunk may be partial)."""
    count = -(-len(values) // chunk)
    padded = np.zeros(count * chunk, dtype=np.float64)
    padded[: len(values)] = values
    sums: Floats = padded.reshape(count, chunk).sum(axis=1)
    return sums


def chunk_energies(samples: Samples, rate: int, tail_chunks: int = 0) -> Floats:
    """K-weighted sum of squares per 10 ms chunk (with `tail_chunks` of the filter's ringing after the end)."""
    chunk = chunk_size(rate)
    weighted = k_weighted(samples, rate, tail_chunks * chunk)
    return chunk_sums(np.square(weighted), chunk)


def gated_loudness(energies: npt.NDArray[np.floating], chunk: int) -> float:
    """Integrated loudness (LUFS) from chunk energies: 400 ms blocks every 100 ms, absolute gate −70 LUFS,
    relative gate −10 LU (BS.1770-4). −inf for silence or less than one block."""
    steps = chunk_sums(np.asarray(energies, dtype=np.float64), STEP_CHUNKS)
    per = BLOCK_CHUNKS // STEP_CHUNKS
    if len(steps) < per:
        steps = np.concatenate([steps, np.zeros(per - len(steps))])
    cumulative = np.concatenate([[0.0], np.cumsum(steps)])
    blocks = (cumulative[per:] - cumulative[:-per]) / (BLOCK_CHUNKS * chunk)
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10 * np.log10(blocks)
    kept = blocks[levels > -70.0]
    if not len(kept):
        return -math.inf
    relative = -0.691 + 10 * math.log10(float(kept.mean())) - 10.0
    kept = blocks[levels > max(relative, -70.0)]
    return -0.691 + 10 * math.log10(float(kept.mean()))


def integrated_loudness(samples: Samples, rate: int) -> float:
    """Integrated loudness of a whole signal in LUFS (for checks and benchmarks; the build uses cached energies)."""
    return gated_loudness(chunk_energies(samples, rate), chunk_size(rate))


def _upsampled(samples: Samples, rate: int) -> Samples:
    """The 4× oversampled signal (soxr HQ), rectified in place."""
    upsampled = np.asarray(soxr.resample(samples, rate, rate * OVERSAMPLE, quality="HQ"), dtype=np.float32)
    return np.abs(upsampled, out=upsampled)


def oversampled_peaks(samples: Samples, rate: int) -> Samples:
    """Per-sample peak of the 4× oversampled signal (soxr): what a DAC or an MP3 decoder may reconstruct."""
    if not len(samples):
        return np.zeros(0, dtype=np.float32)
    upsampled = _upsampled(samples, rate)
    usable = min(len(upsampled) // OVERSAMPLE, len(samples))
    envelope = np.abs(samples).astype(np.float32)
    # the largest of each sample's four phases, with strided views (a reshape-and-max is 4× slower), in place:
    # a new array of the oversampled length costs more in page faults than the arithmetic
    head = envelope[:usable]
    for phase in range(OVERSAMPLE):
        np.maximum(head, upsampled[phase : usable * OVERSAMPLE : OVERSAMPLE], out=head)
    return envelope


def oversampled_peak(samples: Samples, rate: int, start: int = 0, stop: int | None = None) -> float:
    """`oversampled_peaks(samples, rate)[start:stop].max()` (linear, 0 for none) without the per-sample
    envelope, which costs more than the oversampling: the samples outside the range are context for the filter."""
    start, stop = max(0, start), len(samples) if stop is None else min(stop, len(samples))
    if stop <= start:
        return 0.0
    upsampled = _upsampled(samples, rate)
    usable = min(len(upsampled) // OVERSAMPLE, stop)
    peak = float(np.abs(samples[start:stop]).max())
    if usable > start:
        peak = max(peak, float(upsampled[start * OVERSAMPLE : usable * OVERSAMPLE].max()))
    return peak


def true_peak_db(samples: Samples, rate: int) -> float:
    """True peak in dBTP (4× oversampled)."""
    peak = oversampled_peak(samples, rate)
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def speech_bounds(samples: Samples, rate: int, threshold_db: float = -45.0, pad: float = 0.02) -> tuple[int, int]:
    """First and last sample of speech: engines add uneven silence around a line, and we set pauses ourselves."""
    frame = max(1, int(0.01 * rate))
    if len(samples) < frame:
        return 0, len(samples)
    magnitude = np.abs(samples)
    peak = float(magnitude.max(initial=0.0))
    if peak == 0:
        return 0, 0
    indices = np.flatnonzero(magnitude > peak * 10 ** (threshold_db / 20))
    reach = frame // 2 + int(pad * rate)
    return max(0, int(indices[0]) - reach), min(len(samples), int(indices[-1]) + 1 + reach)
