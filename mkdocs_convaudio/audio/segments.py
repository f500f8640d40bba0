"""Segments: a conversation cut in pauses into pieces encoded apart, so an edit encodes one piece again.

Cuts fall between turns, where the content says so (a hash of the turn's audio keys, as in content-defined
chunking), not at fixed times: an edit that lengthens one line moves no cut elsewhere, so every other segment
keeps its key, and its MP3 frames come from the cache. Each segment is limited and encoded as a stream of its
own (its edges are silence: a limiter and an encoder started there behave as if they had run all along), and
its frames are spliced after the previous segment's (see `mp3.py`). A cut pause is shortened by what the
encoder adds there (`STREAM_OVERHEAD`, rounded to whole frames), so it sounds as long as planned, within half
a frame (12 ms at 24 kHz); the timings of the transcript come from where each segment really lands.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .mp3 import QUALITY, STREAM_OVERHEAD, frame_samples

#: A segment is cut only after at least this many seconds (no tiny cache entries), kept short so that the cuts
#: are the content's: a shorter minimum makes cut sequences that start apart fall in step sooner after an edit.
MIN_SECONDS = 3.0
#: ...and always after this many (an edit never encodes more than about this much again).
MAX_SECONDS = 40.0
#: One turn in this many ends a segment: about 15–25 s of typical dialogue.
ONE_IN = 3
#: Changes whenever what a segment's key covers changes meaning, or the code that makes its samples does (the
#: fades, the limiter, the encoder's settings): a segment kept from an older version is then never reused.
#: 2: a long programme's new segments are checked for true peak as they are encoded (kept ones must have been)
SEGMENT_VERSION = 2


@dataclass(frozen=True)
class Segment:
    """Samples [start, start + length) of the programme, encoded as one stream; the next segment starts at
    `following` (the cut pause's samples between start + length and following are left to the encoder)."""

    start: int
    length: int
    following: int
    #: (line key, offset from `start`, speech start, speech end, dB its speaker's balance raises it) of every line
    lines: tuple[tuple[str, int, int, int, float], ...]

    def content(self, rate: int, bitrate: int) -> str:
        """A key of everything the segment's audio depends on but its gain and ceiling."""
        return _sha256(
            {
                "segment": SEGMENT_VERSION,
                "rate": rate,
                "bitrate": bitrate,
                "quality": QUALITY,
                "length": self.length,
                # a line's balance only where it has one: segments of unbalanced conversations keep their keys
                "lines": [list(line) if line[4] else list(line[:4]) for line in self.lines],
            }
        )


def _sha256(payload: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def cut(
    length: int,
    rate: int,
    spans: Sequence[tuple[int, int]],
    lines: Sequence[tuple[str, int, int, int, float]],
) -> list[Segment]:
    """Segments of a programme of `length` samples whose turns occupy `spans` and whose lines are `lines`
    ((key, programme offset, speech start, speech end, balance dB), in order). Turns are never split; a pause too short
    to hold the encoder's overhead is never cut."""
    frame = frame_samples(rate)
    least_pause = STREAM_OVERHEAD + frame  # room to round the cut to whole frames
    last_keys: list[str] = []  # each turn's last line key
    cursor = 0
    for first, end in spans:
        key = ""
        while cursor < len(lines) and lines[cursor][1] < end:
            if lines[cursor][1] >= first:
                key = lines[cursor][0]
            cursor += 1
        last_keys.append(key)
    starts = [0]
    for index in range(len(spans) - 1):
        end, following = spans[index][1], spans[index + 1][0]
        seconds = (end - starts[-1]) / rate
        if following - end < least_pause or seconds < MIN_SECONDS:
            continue
        if seconds >= MAX_SECONDS or _marks_cut(last_keys[index]):
            starts.append(following)
    segments: list[Segment] = []
    cursor = 0
    for number, start in enumerate(starts):
        last = number + 1 == len(starts)
        following = length if last else starts[number + 1]
        # whole frames before a cut: the stream then adds exactly STREAM_OVERHEAD (see mp3.py)
        size = following - start if last else round((following - start - STREAM_OVERHEAD) / frame) * frame
        inside: list[tuple[str, int, int, int, float]] = []
        while cursor < len(lines) and lines[cursor][1] < following:
            key, offset, speech_start, speech_end, gain_db = lines[cursor]
            inside.append((key, offset - start, speech_start, speech_end, gain_db))
            cursor += 1
        segments.append(Segment(start, size, following, tuple(inside)))
    return segments


def _marks_cut(key: str) -> bool:
    """Whether a turn whose last line has `key` ends a segment: decided by the key alone."""
    return bool(key) and int(key[:8], 16) % ONE_IN == 0


@dataclass(frozen=True)
class Placement:
    """Where each segment landed in the MP3: `starts[k]` is segment k's first sample in the decoded file."""

    origins: tuple[int, ...]  # each segment's first sample in the programme
    starts: tuple[int, ...]
    length: int

    def place(self, sample: int) -> int:
        """The decoded file's sample for programme sample `sample`."""
        index = max(0, bisect.bisect_right(self.origins, sample) - 1)
        return self.starts[index] + sample - self.origins[index]


def placement(segments: Sequence[Segment], frames: Sequence[int], rate: int) -> Placement:
    """Where segments land given how many frames each one's stream made."""
    frame = frame_samples(rate)
    starts: list[int] = []
    position = 0
    for count in frames:
        starts.append(position)
        position += count * frame
    length = starts[-1] + segments[-1].length if segments else 0
    return Placement(tuple(segment.start for segment in segments), tuple(starts), length)
