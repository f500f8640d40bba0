"""Checks that a provider's answer is audio before anything trusts it: type, container sizes, plausible length."""

from __future__ import annotations

import html
import json
import re
import struct

from ..audio.types import Audio
from ..errors import EngineError

#: Speech faster than this (characters per second) is not speech: people read about 15 per second, and the
#: fastest provider setting (4× speed) about 60.
MAX_CHARACTERS_PER_SECOND = 200.0
#: No spoken line is shorter than this, however short its text.
MIN_SECONDS = 0.1
#: An answer longer than this many times its text's expected duration, plus `LONG_ANSWER_SLACK` seconds, is not
#: that text spoken. The expected duration is the text at the engine's `characters_per_second` (15 for the cloud
#: engines: 180 words a minute), already slowed by a configured slow speed (OpenAI's 0.25 makes it 4× longer; a fast
#: one is not counted, since a provider may ignore it). The
#: slowest real speech per character is about 4 characters a second (Chinese and Japanese, whose characters are
#: syllables or words: 3.75× the rate assumed); a deliberately slow English reading (100 words a minute, or
#: gpt-4o-mini-tts told to speak slowly) is 1.8×. 10× leaves 2.5 times room over the slowest of them.
MAX_DURATION_FACTOR = 10.0
#: Seconds allowed beyond that: the silence a provider puts around a line (about half a second at each end) and a
#: one-word line ("OK": 0.13 s expected) are never refused. A 53-character line: 3.5 s expected, refused past 40 s.
LONG_ANSWER_SLACK = 5.0
#: Content types that are never audio: an error page from a proxy or gateway, or an error envelope.
NOT_AUDIO_TYPES = ("text/", "application/json", "application/problem+json", "application/xml")
#: RIFF chunk sizes that mean "unknown" (streamed WAV files write these and never come back to fix them).
UNKNOWN_SIZES = (0, 0xFFFFFFFF, 0x7FFFFFFF)


def bad_answer(provider: str, voice: str, what: str) -> EngineError:
    """A transient error (the build retries it) for an answer that is not the audio asked for."""
    return EngineError(
        f"{provider} sent {what} for voice {voice}, not usable audio (nothing was cached)", transient=True, billed=True
    )


def sniff(data: bytes) -> str | None:
    """What the bytes are when they are plainly not audio (an HTML page, a JSON document), else None."""
    head = data[:512].lstrip()
    lowered = head.lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")):
        return "an HTML page"
    if head.startswith((b"{", b"[")):
        try:
            json.loads(data)
        except ValueError:
            return None
        return "a JSON document"
    return None


#: How much of a gateway's HTML error page a message quotes (its title, or its text without tags).
HTML_QUOTED = 120
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def error_text(text: str) -> str:
    """A provider's error body as a message quotes it: a gateway's HTML page (a 502 or 503 from a proxy or load
    balancer) as "an HTML page (Service Unavailable)", its title or text in one short line (bug bash h-cloud: the
    page's markup was quoted, all 1,100 characters of it, with Google); any other text as it is."""
    if sniff(text[:512].encode("utf-8", "replace")) != "an HTML page":
        return text
    title = _TITLE.search(text)
    shown = " ".join(html.unescape(_TAG.sub(" ", title.group(1) if title else _HIDDEN.sub(" ", text))).split())
    if len(shown) > HTML_QUOTED:
        shown = shown[: HTML_QUOTED - 1].rstrip() + "…"
    return f"an HTML page ({shown})" if shown else "an HTML page"


def check_type(content_type: str, data: bytes, provider: str, voice: str) -> None:
    """Refuse an answer whose declared type or content shows it is not audio."""
    declared = content_type.split(";")[0].strip().lower()
    if declared.startswith(NOT_AUDIO_TYPES):
        seen = sniff(data)
        raise bad_answer(provider, voice, f"{seen or declared} ({len(data)} bytes of {declared})")
    seen = sniff(data)
    if seen is not None:
        raise bad_answer(provider, voice, seen)


def check_wav(data: bytes, provider: str, voice: str) -> None:
    """Refuse a WAV file whose header promises more data than arrived (an answer cut short)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return
    position = 12
    while position + 8 <= len(data):
        chunk, size = data[position : position + 4], struct.unpack("<I", data[position + 4 : position + 8])[0]
        body = position + 8
        if chunk == b"data":
            available = len(data) - body
            if size not in UNKNOWN_SIZES and size > available:
                raise bad_answer(
                    provider, voice, f"a WAV file cut short ({available} of the {size} audio bytes its header gives)"
                )
            return
        position = body + size + (size & 1)
    raise bad_answer(provider, voice, "a WAV file without audio data")


def check_pcm16(data: bytes, provider: str, voice: str) -> None:
    """Refuse raw 16-bit PCM with half a sample (it was cut short), and a file where bare samples were asked for:
    read as samples, an MP3 is noise, published and cached for good (bug bash 136: a server that says it speaks
    OpenAI's API ignored `response_format=pcm`)."""
    container = container_of(data)
    if container is not None:
        # permanent: a server that ignores the format asked for does so every time, and each try is billed
        raise EngineError(
            f"{provider} sent {container} instead of raw 16-bit PCM for voice {voice} (nothing was cached): the "
            "server does not honour the audio format the engine asks for; check the engine's base_url",
            transient=False,
        )
    if len(data) % 2:
        raise bad_answer(provider, voice, f"{len(data)} bytes, which is not whole 16-bit samples (cut short?)")


#: The first bytes of audio files.
_MAGIC = ((b"ID3", "an MP3 file"), (b"RIFF", "a WAV file"), (b"fLaC", "a FLAC file"), (b"OggS", "an OGG file"))


def container_of(data: bytes) -> str | None:
    """What kind of audio file `data` is, by its first bytes; None for bare samples. Not by its declared type:
    proxies label every speech answer `audio/mpeg`, correct samples too (review 138)."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "an MP4 (AAC) file"
    first = _mpeg_frame_length(data, 0)
    if first and _mpeg_frame_length(data, first):  # two frames in a row: samples never line up so
        return "an MP3 file"
    first = _adts_frame_length(data, 0)
    if first and _adts_frame_length(data, first):
        return "an AAC file"
    return None


def _adts_frame_length(data: bytes, at: int) -> int:
    """The length of the AAC (ADTS) frame whose header starts at `at`, or 0 when none does."""
    if at + 7 > len(data) or data[at] != 0xFF or data[at + 1] & 0xF6 != 0xF0:
        return 0
    length = ((data[at + 3] & 0x03) << 11) | (data[at + 4] << 3) | (data[at + 5] >> 5)
    return length if length >= 7 else 0


_MPEG1_KBPS = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_MPEG2_KBPS = (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_MPEG_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_length(data: bytes, at: int) -> int:
    """The length of the MPEG layer III frame whose header starts at `at`, or 0 when none does."""
    if at + 4 > len(data) or data[at] != 0xFF or data[at + 1] & 0xE0 != 0xE0:
        return 0
    version, layer = (data[at + 1] >> 3) & 3, (data[at + 1] >> 1) & 3
    bitrate, rate, padding = data[at + 2] >> 4, (data[at + 2] >> 2) & 3, (data[at + 2] >> 1) & 1
    if version == 1 or layer != 1 or bitrate in (0, 15) or rate == 3:
        return 0
    kbps = (_MPEG1_KBPS if version == 3 else _MPEG2_KBPS)[bitrate]
    per_frame = 144 if version == 3 else 72
    return per_frame * kbps * 1000 // _MPEG_RATES[version][rate] + padding


def check_duration(
    audio: Audio, text: str, provider: str, voice: str, characters_per_second: float | None = None
) -> None:
    """Refuse audio too short to be `text` spoken at any plausible speed (a stub, a silent header...), and, given
    the rate the voice speaks at, far too long to be it (a stream of silence or noise that ran on: cached, it
    would play for good, bug bash 140)."""
    least = max(MIN_SECONDS, len(text) / MAX_CHARACTERS_PER_SECOND)
    if audio.duration < least:
        raise bad_answer(
            provider,
            voice,
            f"only {audio.duration:.3f} s of audio for {len(text)} characters (at least {least:.2f} s expected)",
        )
    if characters_per_second is None:
        return
    expected = len(text) / characters_per_second
    most = MAX_DURATION_FACTOR * expected + LONG_ANSWER_SLACK
    if audio.duration > most:
        raise EngineError(
            f"{provider} sent {audio.duration:.1f} s of audio for voice {voice} for {len(text)} characters, which "
            f"take about {expected:.1f} s to say (at most {most:.0f} s is plausible), "
            "so it is not this line spoken (nothing was cached). If it happens again, build later: it is the "
            "provider's fault (or the server's at the engine's base_url or endpoint); report it to them if it "
            "persists",
            transient=True,
            billed=True,
        )
