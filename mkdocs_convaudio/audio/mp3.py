"""MP3 frames: LAME through lameenc (bytes out, no header), frame parsing, and the gapless Info header of a file.

A file is written as an `Info` frame (frame count, byte count, seek table and LAME tag with the encoder delay
and padding that make decoders gapless) followed by audio frames. The frames may come from one LAME stream or
from several (segments of a conversation encoded apart and kept in the cache, see `segments.py`): each stream
starts with a frame that needs no earlier one (LAME's bit reservoir is empty at a stream's start), so frames of
streams cut in silence play one after the other, each stream adding `STREAM_OVERHEAD` samples of silence.
"""

from __future__ import annotations

from dataclasses import dataclass

import lameenc
import numpy as np

from .assembly import MPEG1_BITRATES, MPEG2_BITRATES
from .types import Samples

#: LAME's encoder delay, written in the LAME tag; decoders skip it plus their own delay (529 samples), 1105 in
#: all before a stream's first input sample.
ENCODER_DELAY = 576
#: Samples a stream adds to its input when the input is a whole number of frames long (measured for every
#: rate and bitrate: LAME ends the stream 47 samples past the input, then fills the last frame): the start,
#: and 47 at the end. A segment of `n * frame_samples(rate)` samples decodes to 1152 more samples: `n + 2`
#: frames of 576 below 32 kHz, `n + 1` frames of 1152 above.
STREAM_OVERHEAD = 1152
#: LAME's algorithm quality: 3 is its default (2 is slower for no audible gain on speech, 5 and up is coarser).
QUALITY = 3

_MPEG1_RATES = (44100, 48000, 32000)
_MPEG2_RATES = (22050, 24000, 16000)
_MPEG1_BITRATES = (0, *MPEG1_BITRATES)  # by the header's bitrate index
_MPEG2_BITRATES = (0, *MPEG2_BITRATES)
#: LAME's tag version string (every lameenc release bundles LAME 3.100, the last LAME release).
_LAME_VERSION = b"LAME3.100"


def frame_samples(rate: int) -> int:
    """Samples per MP3 frame: 1152 for MPEG-1 rates (32 kHz and up), 576 for MPEG-2."""
    return 1152 if rate >= 32000 else 576


class Encoder:
    """One LAME stream, mono, constant bitrate: float samples in, MP3 frames out (no header, no tag)."""

    def __init__(self, rate: int, bitrate: int) -> None:
        self._lame = lameenc.Encoder()
        self._lame.set_channels(1)
        self._lame.set_in_sample_rate(rate)
        self._lame.set_out_sample_rate(rate)
        self._lame.set_bit_rate(bitrate)
        self._lame.set_quality(QUALITY)

    def encode(self, samples: Samples) -> bytes:
        """Frames for `samples` (float, within ±1; LAME keeps a few frames back until `flush`)."""
        pcm = np.clip(np.rint(samples * 32767.0), -32768, 32767).astype("<i2")
        return bytes(self._lame.encode(pcm.tobytes()))

    def flush(self) -> bytes:
        """The last frames: the stream ends here."""
        return bytes(self._lame.flush())


@dataclass(frozen=True)
class Header:
    """The fields of a frame header this project needs."""

    rate: int
    bitrate: int
    length: int  # bytes, header included

    @property
    def mpeg1(self) -> bool:
        return self.rate in _MPEG1_RATES


#: Headers by their second and third bytes, which hold all they say: a long MP3 has tens of thousands of frames,
#: and its headers are a handful of kinds (padding or not)
_HEADERS: dict[int, Header | None] = {}


def parse_header(data: bytes | memoryview, offset: int = 0) -> Header | None:
    """The Layer III frame header at `offset`, or None when there is none."""
    if offset + 4 > len(data) or data[offset] != 0xFF:
        return None
    key = data[offset + 1] << 8 | data[offset + 2]
    if key in _HEADERS:
        return _HEADERS[key]
    found = _HEADERS[key] = _header(key >> 8, key & 0xFF)
    return found


def _header(b1: int, b2: int) -> Header | None:
    if b1 & 0xE0 != 0xE0 or (b1 >> 1) & 3 != 1:  # sync, layer III
        return None
    version = (b1 >> 3) & 3  # 3: MPEG-1, 2: MPEG-2 (MPEG-2.5 is not written here)
    bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version not in (2, 3) or bitrate_index in (0, 15) or rate_index == 3:
        return None
    if version == 3:
        rate, bitrate = _MPEG1_RATES[rate_index], _MPEG1_BITRATES[bitrate_index]
        length = 144_000 * bitrate // rate + padding
    else:
        rate, bitrate = _MPEG2_RATES[rate_index], _MPEG2_BITRATES[bitrate_index]
        length = 72_000 * bitrate // rate + padding
    return Header(rate, bitrate, length)


class FrameCounter:
    """Counts the frames of a stream fed in pieces (an encoder's output, whatever its chunking)."""

    def __init__(self) -> None:
        self.frames = 0
        self.bytes = 0
        self._skip = 0  # bytes left of the current frame
        self._head = b""  # the start of a header split between pieces

    def feed(self, data: bytes) -> None:
        self.bytes += len(data)
        view = self._head + data
        self._head = b""
        offset = self._skip
        while offset < len(view):
            if offset + 4 > len(view):
                self._head = bytes(view[offset:])
                break
            header = parse_header(view, offset)
            if header is None:
                raise ValueError(f"no MP3 frame at byte {self.bytes - len(view) + offset}")
            self.frames += 1
            offset += header.length
        self._skip = max(0, offset - len(view))


def encode_file(samples: Samples, rate: int, bitrate: int) -> bytes:
    """A whole gapless MP3 of a short signal, in memory."""
    encoder = Encoder(rate, bitrate)
    data = encoder.encode(samples) + encoder.flush()
    frames = count_frames(data, rate)
    padding = frames * frame_samples(rate) - ENCODER_DELAY - len(samples)
    return info_frame(rate, bitrate, frames, len(data), padding) + data


def count_frames(data: bytes | memoryview, rate: int) -> int:
    """How many whole frames `data` holds, all at `rate`; ValueError when anything else is in it."""
    offset = frames = 0
    while offset < len(data):
        header = parse_header(data, offset)
        if header is None or header.rate != rate or offset + header.length > len(data):
            raise ValueError(f"no MP3 frame at byte {offset}")
        offset += header.length
        frames += 1
    return frames


def crc16(data: bytes) -> int:
    """CRC-16/ARC (polynomial 0x8005, reflected), the checksum of the LAME tag."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def info_frame(rate: int, bitrate: int, frames: int, audio_bytes: int, padding: int) -> bytes:
    """The first frame of a constant-bitrate file: `Info` (Xing) header and LAME tag for `frames` audio frames
    of `audio_bytes`, the last `padding` samples of which (past the decoder delay) are not part of the audio.

    It uses the file's bitrate when its frame is large enough to hold the tag, else the lowest that is (as
    LAME does); decoders read it as a header, not as audio."""
    mpeg1 = rate >= 32000
    table = _MPEG1_BITRATES if mpeg1 else _MPEG2_BITRATES
    side = 17 if mpeg1 else 9  # mono side information
    xing = 4 + side
    need = xing + 120 + 36
    per_kbit = 144_000 if mpeg1 else 72_000
    index = next(i for i in range(1, len(table)) if table[i] >= bitrate and per_kbit * table[i] // rate >= need)
    length = per_kbit * table[index] // rate
    frame = bytearray(length)
    version = 3 if mpeg1 else 2
    rate_index = (_MPEG1_RATES if mpeg1 else _MPEG2_RATES).index(rate)
    frame[0:4] = bytes([0xFF, 0xE0 | version << 3 | 1 << 1 | 1, index << 4 | rate_index << 2, 0b11 << 6 | 1 << 2])
    if not 0 <= padding <= 0xFFF:  # 12 bits in the LAME tag: a longer tail cannot be made gapless
        raise ValueError(f"{padding} samples of padding do not fit the LAME tag")
    total = length + audio_bytes
    # where each percent of the audio starts, as a fraction of the audio bytes (LAME's convention; constant
    # bitrate: a straight line)
    toc = bytes(min(255, 256 * i // 100) for i in range(100))
    tag = bytearray()
    tag += b"Info" + (0xF).to_bytes(4, "big")  # frames, bytes, table and quality present (as LAME writes)
    tag += frames.to_bytes(4, "big") + total.to_bytes(4, "big") + toc
    tag += (100 - 10 * 4 - QUALITY).to_bytes(4, "big")  # LAME's quality indicator for its default VBR scale
    tag += _LAME_VERSION
    tag += bytes([0x01, 0])  # tag revision 0, constant bitrate; lowpass not recorded
    tag += bytes(4 + 2 + 2)  # peak, radio and audiophile replay gain: not measured by LAME here
    tag += bytes([0, min(bitrate, 255)])
    tag += (ENCODER_DELAY << 12 | padding).to_bytes(3, "big")
    source = 0 if rate <= 32000 else 1 if rate == 44100 else 2
    tag += bytes([source << 6, 0])  # mono, no MP3Gain
    tag += bytes(2)  # preset
    tag += total.to_bytes(4, "big")
    tag += bytes(2)  # music CRC: optional, and no decoder checks it
    frame[xing : xing + len(tag)] = tag
    crc_at = xing + len(tag)
    frame[crc_at : crc_at + 2] = crc16(bytes(frame[:crc_at])).to_bytes(2, "big")
    return bytes(frame)
