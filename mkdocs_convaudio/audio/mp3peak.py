"""The true peak of an MP3 of any length, decoded a window of frames at a time (memory does not grow with it)."""

from __future__ import annotations

import functools
import io
import math
import os
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import soundfile

from .loudness import K_FFT_STREAM, LoudnessMeter, oversampled_peak, oversampled_peaks
from .mp3 import ENCODER_DELAY, Header, parse_header
from .types import Samples

#: Frames decoded at once (about 6 s at 24 kHz), frames decoded before a window beyond those its bit reservoir
#: may reach (`_lead_frames`; their samples are context, not measured), and after it (the last frame's samples
#: need the next frame's overlap).
WINDOW_FRAMES = 250
LEAD_FRAMES = 2
TAIL_FRAMES = 2

#: Samples a decoder gives before a stream's first input sample: LAME's delay and the decoder's own (529).
DECODED_DELAY = ENCODER_DELAY + 529

T = TypeVar("T")


def mp3_true_peak(source: Path | bytes | bytearray) -> float:
    """The true peak (dBTP, 4× oversampled) of an MP3 file or of MP3 frames in memory (one encoder's stream,
    optionally after an ID3 tag and an Info frame), as its decoder reconstructs it. A file is read a window at a
    time."""
    return _read(source, _true_peak)


def mp3_window_peaks(source: Path | bytes | bytearray) -> list[tuple[int, int, float]]:
    """`mp3_true_peak` window by window: `(start, stop, dBTP)` for each window of `WINDOW_FRAMES` frames, `start`
    and `stop` counted in decoded samples from the first audio frame's (so the encoder's and the decoder's delays
    come before the first input sample). A stream this reader cannot cut is one window."""
    return [(start, stop, _db(peak)) for start, stop, peak in _read(source, _window_peaks)]


def mp3_window_measures(source: Path | bytes | bytearray) -> tuple[list[tuple[int, int, float]], float]:
    """`mp3_window_peaks` and the MP3's integrated loudness (LUFS), from the same decoding: a long show is
    measured whole for the cost of its true-peak check, memory growing by its chunk energies only (about 800 bytes
    a second). The loudness is NaN for a stream this reader cannot cut (decoded whole for its peak alone)."""
    meters: list[LoudnessMeter] = []
    skipped = [0]

    def feed(samples: Samples, rate: int) -> None:
        # the decoders' delay first, as a gapless decoder drops it: the gating blocks fall where the file's do
        if skipped[0] < DECODED_DELAY:
            cut = min(len(samples), DECODED_DELAY - skipped[0])
            samples, skipped[0] = samples[cut:], skipped[0] + cut
        if not meters:
            meters.append(LoudnessMeter(rate, K_FFT_STREAM))
        meters[0].feed(samples.astype(np.float64))  # numpy transforms float64 faster than float32

    windows = _read(source, functools.partial(_window_peaks, on_samples=feed))
    whole = len(windows) == 1 and windows[0][1] == _EVERYTHING
    loudness = meters[0].loudness() if meters and not whole else math.nan
    return [(start, stop, _db(peak)) for start, stop, peak in windows], loudness


def _read(source: Path | bytes | bytearray, measure: Callable[[Callable[[int, int], bytes], int], T]) -> T:
    """`measure(read, size)` of a file, read where asked, or of bytes in memory."""
    if isinstance(source, Path):
        with open(source, "rb") as handle:
            number = handle.fileno()
            return measure(lambda offset, size: os.pread(number, size, offset), os.fstat(number).st_size)
    data = bytes(source)
    return measure(lambda offset, size: data[offset : offset + size], len(data))


def _db(peak: float) -> float:
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def _true_peak(read: Callable[[int, int], bytes], size: int) -> float:
    return _db(max((peak for _start, _stop, peak in _window_peaks(read, size)), default=0.0))


def _window_peaks(
    read: Callable[[int, int], bytes], size: int, on_samples: Callable[[Samples, int], None] | None = None
) -> list[tuple[int, int, float]]:
    """Each window's decoded samples `[start, stop)` and linear true peak; `on_samples(samples, rate)` is given
    each window's own samples in turn (together, the decoded stream)."""
    offsets, end_of_frames = _frames(read, size)
    if not offsets:
        # nothing this reader finds frames in (junk before them, an ID3 tag it does not skip): decoded whole
        return [(0, _EVERYTHING, _true_peak_whole(read(0, size), None))] if size else []
    first_header = parse_header(read(offsets[0], 4))
    assert first_header is not None
    lead = _lead_frames(first_header)
    per_frame = 1152 if first_header.mpeg1 else 576
    peaks: list[tuple[int, int, float]] = []
    for first in range(0, len(offsets), WINDOW_FRAMES):
        decoded = _decoded(read, offsets, end_of_frames, first, WINDOW_FRAMES, lead)
        if decoded is None:
            # a stream this reader cannot cut (stereo, CRC; not what this package writes): decoded whole
            whole = read(offsets[0], end_of_frames - offsets[0])
            return [(0, _EVERYTHING, _true_peak_whole(whole, first_header.rate))]
        samples, skip, keep = decoded
        peak = oversampled_peak(samples, first_header.rate, skip, skip + keep)
        if on_samples is not None:
            on_samples(samples[skip : skip + keep], first_header.rate)
        peaks.append((first * per_frame, first * per_frame + keep, peak))
    return peaks


def mp3_frame_peaks(path: Path) -> Callable[[int, int], Samples | None]:
    """A reader of the true peak (linear) of each of frames `[first, first + count)` of an MP3 file, as its
    decoder reconstructs them (decoded with the frames around them); None for a stream this reader cannot cut.
    The file's frames are found once, at the first call: each window over the target asks again (a scan of an
    82 MB MP3's frames took 0.35 s)."""
    found: list[tuple[array[int], int, Header]] = []

    def peaks(first: int, count: int) -> Samples | None:
        with open(path, "rb") as handle:
            number = handle.fileno()

            def read(offset: int, size: int) -> bytes:
                return os.pread(number, size, offset)

            if not found:
                offsets, end_of_frames = _frames(read, os.fstat(number).st_size)
                header = parse_header(read(offsets[0], 4)) if offsets else None
                if header is None:
                    return None
                found.append((offsets, end_of_frames, header))
            offsets, end_of_frames, header = found[0]
            if first >= len(offsets):
                return None
            decoded = _decoded(read, offsets, end_of_frames, first, count, _lead_frames(header))
        if decoded is None:
            return None
        samples, skip, keep = decoded
        per_frame = 1152 if header.mpeg1 else 576
        envelope = oversampled_peaks(samples, header.rate)[skip : skip + keep]
        padded = np.zeros(-(-len(envelope) // per_frame) * per_frame, dtype=np.float32)
        padded[: len(envelope)] = envelope
        frame_peaks: Samples = padded.reshape(-1, per_frame).max(axis=1)
        return frame_peaks

    return peaks


def _decoded(
    read: Callable[[int, int], bytes], offsets: array[int], end_of_frames: int, first: int, count: int, lead: int
) -> tuple[Samples, int, int] | None:
    """Frames `[first, first + count)` decoded with `lead` frames before them and `TAIL_FRAMES` after as context:
    the samples, where the frames' own begin in them, and how many they are; None for a stream this reader
    cannot cut (its first frame cannot be made silent)."""
    start = max(0, first - lead)
    stop = min(len(offsets), first + count + TAIL_FRAMES)
    end = offsets[stop] if stop < len(offsets) else end_of_frames
    window = bytearray(read(offsets[start], end - offsets[start]))
    header = parse_header(memoryview(window))
    assert header is not None
    if start > 0 and not _silence_first_frame(window):
        return None
    samples = _decode(bytes(window))
    per_frame = 1152 if header.mpeg1 else 576
    skip = (first - start) * per_frame
    keep = len(samples) - skip - (stop - first - count) * per_frame * (stop < len(offsets))
    return samples, skip, max(0, keep)


#: The samples a window decoded whole stands for: all of them.
_EVERYTHING = 1 << 62


def _lead_frames(header: Header) -> int:
    """Frames a window starts before its first measured one: enough to hold the most a frame may draw from the bit
    reservoir (255 bytes back in MPEG-2, 511 in MPEG-1) at this bitrate (a frame at 8 kbps holds 11 bytes of
    data), and one for the decoder's overlap."""
    reach, side = (511, 17) if header.mpeg1 else (255, 9)
    return math.ceil(reach / max(1, header.length - 4 - side)) + LEAD_FRAMES


def _frames(read: Callable[[int, int], bytes], size: int) -> tuple[array[int], int]:
    """The offset of each audio frame, after any ID3v2 tag and Info frame (whose sizes, those of the whole
    file, a window's decoder would find wrong, and say so); and where the last whole frame ends."""
    offsets: array[int] = array("q")
    position = 0
    tag = read(0, 10)
    if tag[:3] == b"ID3" and len(tag) == 10:
        position = 10 + ((tag[6] << 21) | (tag[7] << 14) | (tag[8] << 7) | tag[9])
    first = True
    while position < size:
        chunk = read(position, 1 << 20)
        at = 0
        while (header := parse_header(chunk, at)) is not None and at + header.length <= len(chunk):
            if not (first and (b"Info" in chunk[at : at + 64] or b"Xing" in chunk[at : at + 64])):
                offsets.append(position + at)
            first = False
            at += header.length
        if at == 0:  # the end, or what is not a frame
            break
        position += at
    return offsets, position


#: Mono side information, in bits from its start, that a silent frame has zeroed: main_data_begin, then each
#: granule's part2_3_length, big_values and scalefac_compress (MPEG-2 has one granule, MPEG-1 two, and scfsi).
_MPEG2_FIELDS = (72, ((0, 8), (9, 12), (21, 9), (38, 9)))
_MPEG1_FIELDS = (136, ((0, 9), (14, 4), (18, 12), (30, 9), (47, 4), (77, 12), (89, 9), (106, 4)))


def _silence_first_frame(window: bytearray) -> bool:
    """Make a window's first frame decode as silence, taking nothing from the bit reservoir of frames the window
    lacks: its side information says it has no data. Its bytes stay, for the frames after it to draw on. Without
    this, libmpg123 prints an error for the missing reservoir on stderr. False for what is not a mono frame
    without CRC (not what this package writes)."""
    b1, b3 = window[1], window[3]
    version, protected, mono = (b1 >> 3) & 3, not (b1 & 1), (b3 >> 6) == 3
    if version not in (2, 3) or protected or not mono:
        return False
    bits, fields = _MPEG1_FIELDS if version == 3 else _MPEG2_FIELDS
    end = 4 + bits // 8
    cleared = int.from_bytes(window[4:end], "big")
    for start, width in fields:
        cleared &= ~(((1 << width) - 1) << (bits - start - width))
    window[4:end] = cleared.to_bytes(bits // 8, "big")
    return True


def _decode(data: bytes) -> Samples:
    samples, _ = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return _mono(samples)


def _mono(samples: Samples) -> Samples:
    """One channel: the file's own when it has one (what this package writes; a mean of one column costs a fifth
    of the decoding), else their mean."""
    if samples.shape[1] == 1:
        return np.ascontiguousarray(samples[:, 0])
    return np.ascontiguousarray(samples.mean(axis=1, dtype=np.float32))


def _true_peak_whole(data: bytes, rate: int | None) -> float:
    """The linear true peak of MP3 data decoded in one go."""
    if rate is None:
        samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
        decoded = _mono(samples)
    else:
        decoded = _decode(data)
    return oversampled_peak(decoded, int(rate))
