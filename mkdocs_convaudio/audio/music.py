"""A music bed under the conversation: a decoded clip looped with a crossfade, ducked while anyone speaks.

Everything here works on blocks of samples `[start, start + n)`, so the bed is mixed in the same pass that
streams the speech: memory depends on the bed clip (at most `MAX_BED_SECONDS`), never on the programme length.
"""

from __future__ import annotations

import bisect
import contextlib
import math
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import soundfile
import soxr

from ..errors import ConvaudioError
from .production import MusicSettings
from .types import Samples

#: Only this much of a bed file is decoded (and looped): 5 minutes at 48 kHz is 58 MB of float32.
MAX_BED_SECONDS = 300.0
#: The shortest music bed, in seconds: a shorter one would be looped into a buzz.
SHORTEST_BED = 1.0


def _text(head: bytes) -> bool:
    """Whether a file's first bytes are text: a note or a web page saved under a sound's name, in UTF-8, UTF-16
    (its byte order mark) or a one-byte code page (printable bytes only). A sound's bytes are none of these."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not just a character cut at the end of what was read
            # Latin-1, Windows-1252...: printable, and mostly ASCII (an MP3 may follow 0xFF padding)
            printable = all(byte >= 0x20 or byte in b"\t\n\r" for byte in head)
            return printable and sum(byte < 0x80 for byte in head) >= 0.7 * len(head)
    return b"\0" not in head


def audio_file_problem(path: Path) -> str | None:
    """Why `path` is no sound file this package can decode, or None ("holds no sound" for one that decodes to
    nothing). Text is refused before libsndfile sees it: its MP3 decoder, tried last, prints notes on stderr about
    what it cannot sync to."""
    if path.is_dir():
        return "a folder"
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return "this user may not read it" if path.exists() else "no such file"
    if not head or _text(head):
        return "damaged, or not audio"
    if head[4:8] == b"ftyp":  # GarageBand's and most audio libraries' M4A: libsndfile has no AAC decoder
        return "an MP4 (M4A, AAC) file"
    try:
        # a file with no known sound header may reach libsndfile's MP3 decoder, which prints its notes on the
        # terminal itself ("Note: Illegal Audio-MPEG-Header"): silenced while it looks (bug bash 111)
        with contextlib.nullcontext() if _sound_header(head) else _quiet_stderr():
            info = soundfile.info(os.fsencode(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError):
        return "damaged, or not audio"
    return None if info.frames > 0 else "holds no sound"


#: How the sound files libsndfile reads begin (WAV, RF64, Wave64, AIFF, FLAC, Ogg, MP3 with ID3 tags, CAF, AU)
_HEADERS = (b"RIFF", b"RIFX", b"RF64", b"riff", b"FORM", b"fLaC", b"OggS", b"ID3", b"caff", b".snd")
#: One probe at a time quiets standard error (it is the process's: nested, one would restore the other's quiet)
_QUIET = threading.Lock()


def _sound_header(head: bytes) -> bool:
    """Whether a file begins with a sound file's header, which libsndfile reads without comment. An MP3 without
    tags begins with a frame: damaged, libmpg123 comments on it (review 118), so it is probed quietly."""
    return head.startswith(_HEADERS)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """The process's standard error (file descriptor 2, which C libraries write to) pointed at nothing, for a
    moment: only while a file with no sound header is looked at (review 117: other threads' lines are lost then)."""
    with _QUIET, contextlib.ExitStack() as opened:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            opened.callback(os.close, null)
            saved = os.dup(2)
            opened.callback(os.close, saved)
        except OSError:  # no standard error, or no file left to open: not quieted
            yield
            return
        try:
            os.dup2(null, 2)
            yield
        finally:
            os.dup2(saved, 2)


def audio_seconds(path: Path) -> float:
    """How long a sound file `audio_file_problem` accepts lasts."""
    info = soundfile.info(os.fsencode(path))
    return float(info.frames) / float(info.samplerate)


def load_clip(path: Path, rate: int, *, max_seconds: float | None = None) -> Samples:
    """Decode a WAV, FLAC, OGG or MP3 file to mono float32 at `rate` (at most `max_seconds` of it)."""
    if (problem := audio_file_problem(path)) is not None and problem != "holds no sound":
        raise ConvaudioError(f"{path}: cannot decode this audio file ({problem}); use a WAV, FLAC, OGG or MP3 file")
    try:
        with soundfile.SoundFile(os.fsencode(path)) as handle:
            frames = handle.frames if max_seconds is None else min(handle.frames, int(max_seconds * handle.samplerate))
            data = handle.read(frames, dtype="float32", always_2d=True)
            source_rate = int(handle.samplerate)
    except (soundfile.LibsndfileError, RuntimeError, OSError) as error:
        # libsndfile says "does not exist or is not a regular file (possibly a pipe?)" of a file it cannot decode
        if path.is_dir():
            why = "a folder"
        elif path.is_file():
            why = "damaged, or not audio" if os.access(path, os.R_OK) else "this user may not read it"
        else:
            why = f"{error}"
        raise ConvaudioError(
            f"{path}: cannot decode this audio file ({why}); use a WAV, FLAC, OGG or MP3 file"
        ) from None
    mono = np.ascontiguousarray(data.mean(axis=1), dtype=np.float32)
    if source_rate != rate and len(mono):
        mono = np.asarray(soxr.resample(mono, source_rate, rate, quality="HQ"), dtype=np.float32)
    if not len(mono) or not np.any(mono):
        raise ConvaudioError(f"{path}: this audio file is empty or silent")
    return mono


class LoopedBed:
    """A clip repeated for ever, each repeat joined to the last by a crossfade that keeps its level (no click, no
    gap, no swell).

    Sample `t` of the endless bed is `clip[t]` on the first pass; after that the loop of period
    `len(clip) - crossfade` whose first `crossfade` samples blend the clip's tail into its head.
    """

    def __init__(self, clip: Samples, rate: int, crossfade: float) -> None:
        overlap = min(int(crossfade * rate), len(clip) // 4)
        self.clip = clip
        self.overlap = overlap
        self.period = len(clip) - overlap
        loop = clip[: self.period].copy()
        if overlap:
            head, tail = clip[:overlap].astype(np.float64), clip[self.period :].astype(np.float64)
            phase = np.linspace(0.0, np.pi / 2, overlap)
            # An equal-power crossfade keeps unrelated sounds level, but ends that are alike (a steady tone, a clip
            # cut to loop) add up in amplitude and swelled by up to 3 dB at every loop of a short bed (stop 25).
            # With their correlation ρ the mix's power is 1 + ρ·sin 2θ of either end's: divided out, the loop
            # keeps its level whatever the clip (ρ ≤ 0, never boosted, stays equal-power).
            energy = math.sqrt(float(np.dot(head, head)) * float(np.dot(tail, tail)))
            alike = min(1.0, max(0.0, float(np.dot(head, tail)) / energy)) if energy > 0 else 0.0
            mixed = (head * np.sin(phase) + tail * np.cos(phase)) / np.sqrt(1.0 + alike * np.sin(2 * phase))
            loop[:overlap] = mixed.astype(np.float32)
        self.loop = loop

    def block(self, start: int, n: int) -> Samples:
        """Samples `[start, start + n)` of the endless bed."""
        out = np.empty(n, dtype=np.float32)
        filled = 0
        if start < self.overlap:  # the first pass starts clean, without a tail fading out
            first = min(n, self.overlap - start)
            out[:first] = self.clip[start : start + first]
            filled = first
        while filled < n:
            position = (start + filled) % self.period
            take = min(n - filled, self.period - position)
            out[filled : filled + take] = self.loop[position : position + take]
            filled += take
        return out


def ducking_db(
    times: Samples, spans: Sequence[tuple[float, float]], starts: Sequence[float], settings: MusicSettings
) -> Samples:
    """How far below its level the bed is at each time (in dB, 0 or negative), from the line timings:
    down by `depth` while a line is spoken, ramping over `attack` before it and `release` after it."""
    duck = np.zeros(len(times), dtype=np.float32)
    if not len(times) or not spans:
        return duck
    first, last = float(times[0]), float(times[-1])
    # lines whose ramps reach this block: started before last + attack, ended after first - release
    low = max(0, bisect.bisect_left(starts, first - settings.release) - 1)
    high = bisect.bisect_right(starts, last + settings.attack)
    for begin, end in spans[low:high]:
        if end + settings.release < first:
            continue
        rise = np.clip((times - (begin - settings.attack)) / max(settings.attack, 1e-6), 0.0, 1.0)
        fall = np.clip(((end + settings.release) - times) / max(settings.release, 1e-6), 0.0, 1.0)
        np.maximum(duck, np.minimum(rise, fall), out=duck)
    return (-settings.depth * duck).astype(np.float32)


class BedMixer:
    """Adds the ducked, faded bed to blocks of speech; `start` is the block's first sample in the bed's frame
    (sample 0 is where the bed begins, `length` where it has faded out)."""

    def __init__(
        self,
        bed: LoopedBed,
        rate: int,
        gain_db: float,
        spans: Sequence[tuple[float, float]],
        length: int,
        settings: MusicSettings,
    ) -> None:
        self.bed = bed
        self.rate = rate
        self.gain = 10 ** (gain_db / 20)
        self.spans = list(spans)
        self.starts = [begin for begin, _end in self.spans]
        self.length = length
        self.settings = settings

    def envelope(self, start: int, n: int) -> Samples:
        """The bed's gain (linear) for samples `[start, start + n)`: level, ducking and the edge fades."""
        index = np.arange(start, start + n, dtype=np.float64)
        times = (index / self.rate).astype(np.float32)
        gain = self.gain * 10 ** (ducking_db(times, self.spans, self.starts, self.settings) / 20)
        fade_in = max(1, int(self.settings.fade_in * self.rate))
        fade_out = max(1, int(self.settings.fade_out * self.rate))
        edges = np.clip(np.minimum(index / fade_in, (self.length - index) / fade_out), 0.0, 1.0)
        # equal-power fades sound even; a raised sine also starts and ends with zero slope (no clicks)
        shaped = np.sin(edges * np.pi / 2) ** 2
        envelope: Samples = (gain * shaped).astype(np.float32)
        return envelope

    def mix(self, speech: Samples, start: int) -> Samples:
        """Speech samples `[start, start + len(speech))` with the bed under them."""
        n = len(speech)
        end = min(start + n, self.length)
        if end <= max(start, 0):
            return speech
        begin = max(start, 0)
        out = speech.astype(np.float32, copy=True)
        count = end - begin
        out[begin - start : end - start] += self.bed.block(begin, count) * self.envelope(begin, count)
        return out
