"""WebVTT captions from a conversation's timings: one cue per line, the speaker in a `<v>` tag."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..voices.languages import remembered
from .transcript import line_text


@lru_cache(maxsize=256)
def track_label(language: str) -> str:
    """The captions track's name in its own language (`English`, `Français`), or the code itself."""
    return remembered("label", language, lambda: _track_label(language))


def _track_label(language: str) -> str:
    import langcodes  # loaded when a page first needs a label

    try:
        parsed = langcodes.Language.get(language)
        if not parsed.is_valid():
            return language
        # named in the language's fullest locale: langcodes has no names in `zh-TW` itself, and fell back on
        # English ("Chinese（Taiwan）"); `zh-Hant-TW` names it "中文（台灣）"
        name = str(parsed.display_name(parsed.maximize()))
    except (LookupError, ValueError, ImportError):
        return language
    return name[:1].upper() + name[1:]


def timestamp(seconds: float) -> str:
    """`00:01:02.345`: WebVTT's cue time, to the millisecond."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heard(lines: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The timings' lines that are heard: those of some length (a reply of only an emoji takes no time)."""
    return [line for line in lines if float(line["end"]) > float(line["start"])]


def webvtt(timings: Mapping[str, Any]) -> str:
    """The captions file: cue times exactly those of the timings; cue text the line as read (no markup). A line
    that takes no time (only an emoji: nothing is heard) has no cue: a cue must last (the transcript shows it)."""
    cues = ["WEBVTT", ""]
    for number, line in enumerate(heard(timings["lines"]), 1):
        speaker = _escape(" ".join(str(line["speaker"]).split()))
        cues += [
            str(number),
            f"{timestamp(float(line['start']))} --> {timestamp(float(line['end']))}",
            f"<v {speaker}>{_escape(line_text(str(line['text'])))}",
            "",
        ]
    return "\n".join(cues)
