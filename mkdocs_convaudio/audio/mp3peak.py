"""The true peak of an MP3 of any length, decoded a window of frames at a time (memory does not grow with it)."""

from __future__ import annotations

import io
import math
import os
from array import array
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile

from .loudness import oversampled_peak
from .mp3 import Header, parse_header
from .types import Samples

#: Frames decoded at once (about 6 s at 24 kHz), frames decoded before a window beyond those its bit reservoir
#: may reach (`_lead_frames`; their samples are context, not measured), and after it (the last frame's samples
#: need the next frame's overlap).
WINDOW_FRAMES = 250
LEAD_FRAMES = 2
TAIL_FRAMES = 2


def mp3_true_peak(source: Path | bytes | bytearray) -> float:
    """The true peak (dBTP, 4× oversampled) of an MP3 file or of MP3 frames in memory (one encoder's stream,
    optionally after an ID3 tag and an Info frame), as its decoder reconstructs it. A file is read a window at a
    time."""
    if isinstance(source, Path):
        with open(source, "rb") as handle:
            number = handle.fileno()
            return _true_peak(lambda offset, size: os.pread(number, size, offset), os.fstat(number).st_size)
    data = bytes(source)
    return _true_peak(lambda offset, size: data[offset : offset + size], len(data))


def _true_peak(read: Callable[[int, int], bytes], size: int) -> float:
    offsets, end_of_frames = _frames(read, size)
    if not offsets:
        # nothing this reader finds frames in (junk before them, an ID3 tag it does not skip): decoded whole
        return _true_peak_whole(read(0, size), None) if size else -math.inf
    first_header = parse_header(read(offsets[0], 4))
    assert first_header is not None
    lead = _lead_frames(first_header)
    peak = 0.0
    for first in range(0, len(offsets), WINDOW_FRAMES):
        start = max(0, first - lead)
        stop = min(len(offsets), first + WINDOW_FRAMES + TAIL_FRAMES)
        end = offsets[stop] if stop < len(offsets) else end_of_frames
        window = bytearray(read(offsets[start], end - offsets[start]))
        header = parse_header(memoryview(window))
        assert header is not None
        if start > 0 and not _silence_first_frame(window):
            # a stream this reader cannot cut (stereo, CRC; not what this package writes): decoded whole
            return _true_peak_whole(read(offsets[0], end_of_frames - offsets[0]), header.rate)
        decoded = _decode(bytes(window))
        per_frame = 1152 if header.mpeg1 else 576
        skip = (first - start) * per_frame
        keep = len(decoded) - skip - (stop - first - WINDOW_FRAMES) * per_frame * (stop < len(offsets))
        peak = max(peak, oversampled_peak(decoded, header.rate, skip, skip + max(0, keep)))
    return 20 * math.log10(peak) if peak > 0 else -math.inf


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
    if rate is None:
        samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
        decoded = _mono(samples)
    else:
        decoded = _decode(data)
    peak = oversampled_peak(decoded, int(rate))
    return 20 * math.log10(peak) if peak > 0 else -math.inf
