"""Read an MP4's boxes ourselves (ISO/IEC 14496-12): tracks, codecs, picture size, durations, box order."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts"}


@dataclass
class Track:
    """One track: its handler (`vide`, `soun`, `sbtl`/`text`), sample entry (`avc1`, `mp4a`, `tx3g`), size, length."""

    handler: str = ""
    codec: str = ""
    width: int = 0
    height: int = 0
    duration: float = 0.0  # presentation duration (tkhd, in the movie's timescale: edit lists applied)
    media_duration: float = 0.0  # the media's own duration (mdhd)
    language: str = ""  # ISO 639-2 (mdhd; `und` when none is set)
    samples: int = 0
    timescale: int = 1
    deltas: list[int] = field(default_factory=list)  # each sample's duration, in `timescale` units (stts)
    sizes: list[int] = field(default_factory=list)  # each sample's size in bytes (stsz)
    chunk_offsets: list[int] = field(default_factory=list)  # stco / co64
    chunk_runs: list[tuple[int, int]] = field(default_factory=list)  # stsc: (first chunk, samples per chunk)
    texts: list[tuple[float, float, str]] = field(default_factory=list)  # tx3g: (start, end, text) of each cue


@dataclass
class Movie:
    top_level: list[str]
    duration: float
    tracks: list[Track]

    def track(self, handler: str) -> Track:
        [found] = [track for track in self.tracks if track.handler == handler]
        return found


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) for each box in data[start:end]."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[position + 8 : position + 16])[0]
            header = 16
        elif size == 0:
            size = end - position
        assert size >= header, f"broken box {kind!r} at {position}"
        yield kind, position + header, position + size
        position += size


def read_movie(path: Path) -> Movie:
    data = path.read_bytes()
    top = list(_boxes(data, 0, len(data)))
    [moov] = [(start, end) for kind, start, end in top if kind == b"moov"]
    movie_timescale = 1
    movie_duration = 0.0
    tracks: list[Track] = []
    for kind, start, end in _boxes(data, *moov):
        if kind == b"mvhd":
            version = data[start]
            if version == 1:
                movie_timescale, duration = struct.unpack(">IQ", data[start + 20 : start + 32])
            else:
                movie_timescale, duration = struct.unpack(">II", data[start + 12 : start + 20])
            movie_duration = duration / movie_timescale
        if kind == b"trak":
            tracks.append(_track(data, start, end, movie_timescale))
    return Movie([kind.decode() for kind, _s, _e in top], movie_duration, tracks)


def _track(data: bytes, start: int, end: int, movie_timescale: int) -> Track:
    track = Track()
    stack = [(start, end)]
    while stack:
        begin, finish = stack.pop()
        for kind, payload, box_end in _boxes(data, begin, finish):
            if kind in CONTAINERS:
                stack.append((payload, box_end))
            elif kind == b"tkhd":
                version = data[payload]
                offset = payload + (28 if version == 1 else 20)
                duration = struct.unpack(">Q" if version == 1 else ">I", data[offset : offset + (8 if version else 4)])
                track.duration = duration[0] / movie_timescale
                width, height = struct.unpack(">II", data[box_end - 8 : box_end])
                track.width, track.height = width >> 16, height >> 16
            elif kind == b"mdhd":
                version = data[payload]
                if version == 1:
                    timescale, duration = struct.unpack(">IQ", data[payload + 20 : payload + 32])
                else:
                    timescale, duration = struct.unpack(">II", data[payload + 12 : payload + 20])
                # a pad bit, then three letters of 5 bits each (offset by 0x60)
                [packed] = struct.unpack(">H", data[payload + (32 if version == 1 else 20) :][:2])
                track.language = "".join(chr(((packed >> shift) & 0x1F) + 0x60) for shift in (10, 5, 0))
                track.media_duration = duration / timescale
                track.timescale = timescale
            elif kind == b"hdlr":
                track.handler = data[payload + 8 : payload + 12].decode()
            elif kind == b"stsd":
                entry = payload + 8
                track.codec = data[entry + 4 : entry + 8].decode()
                if track.codec == "avc1":  # VisualSampleEntry: the coded picture size
                    width, height = struct.unpack(">HH", data[entry + 32 : entry + 36])
                    track.width, track.height = width, height
            elif kind == b"stsz":
                size, track.samples = struct.unpack(">II", data[payload + 4 : payload + 12])
                track.sizes = (
                    list(struct.unpack(f">{track.samples}I", data[payload + 12 : payload + 12 + 4 * track.samples]))
                    if size == 0
                    else [size] * track.samples
                )
            elif kind == b"stts":
                count = struct.unpack(">I", data[payload + 4 : payload + 8])[0]
                for index in range(count):
                    run, delta = struct.unpack(">II", data[payload + 8 + 8 * index : payload + 16 + 8 * index])
                    track.deltas += [delta] * run
            elif kind == b"stsc":
                count = struct.unpack(">I", data[payload + 4 : payload + 8])[0]
                for index in range(count):
                    entry = payload + 8 + 12 * index
                    track.chunk_runs.append(struct.unpack(">II", data[entry : entry + 8]))
            elif kind in (b"stco", b"co64"):
                count = struct.unpack(">I", data[payload + 4 : payload + 8])[0]
                width = 4 if kind == b"stco" else 8
                fmt = ">I" if kind == b"stco" else ">Q"
                start = payload + 8
                track.chunk_offsets = [
                    struct.unpack(fmt, data[start + width * i : start + width * (i + 1)])[0] for i in range(count)
                ]
    if track.codec == "tx3g":
        track.texts = _cues(data, track)
    return track


def _sample_offsets(track: Track) -> list[int]:
    """Where each sample starts in the file, from the chunk table (stsc + stco) and the sample sizes."""
    offsets: list[int] = []
    sample = 0
    for chunk, base in enumerate(track.chunk_offsets, 1):
        per_chunk = next(count for first, count in reversed(track.chunk_runs) if first <= chunk)
        position = base
        for _ in range(per_chunk):
            if sample >= len(track.sizes):
                break
            offsets.append(position)
            position += track.sizes[sample]
            sample += 1
    return offsets


def _cues(data: bytes, track: Track) -> list[tuple[float, float, str]]:
    """The text samples of a tx3g track with their times: each starts with its text length (16 bits)."""
    cues = []
    time = 0
    for offset, delta in zip(_sample_offsets(track), track.deltas, strict=True):
        length = struct.unpack(">H", data[offset : offset + 2])[0]
        text = data[offset + 2 : offset + 2 + length].decode("utf-8")
        if text:
            cues.append((time / track.timescale, (time + delta) / track.timescale, text))
        time += delta
    return cues
