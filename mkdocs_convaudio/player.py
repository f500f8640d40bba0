"""The HTML a page gets in place of a conversation: audio player, duration, download link and transcript."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from .conversation import Conversation

_DURATION = "<!--convaudio-duration:{key}-->"
_LINE = 'data-convaudio-line="{key}:{index}"'
_DURATION_RE = re.compile(r"<!--convaudio-duration:([0-9a-f]{64})-->")
_LINE_RE = re.compile(r'data-convaudio-line="([0-9a-f]{64}):(\d+)"')


def format_duration(seconds: float) -> str:
    """`3:07`, or `1:02:03` past an hour; truncated, as audio players show it."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def player_html(conversation: Conversation, key: str, audio_url: str, timings_url: str, title: str) -> str:
    """A self-contained block with no blank lines (so Markdown keeps it as raw HTML). Duration and line
    times are placeholders filled in once the audio exists (`fill_placeholders`)."""
    esc = html.escape
    items = "".join(
        f'<li class="convaudio-line" {_LINE.format(key=key, index=index)}>'
        f'<span class="convaudio-speaker">{esc(turn.speaker)}</span> '
        f'<span class="convaudio-text">{esc(turn.line)}</span></li>'
        for index, turn in enumerate(conversation.turns)
    )
    return (
        f'<div class="convaudio" data-convaudio-timings="{esc(timings_url)}">'
        f'<audio class="convaudio-audio" controls preload="metadata" src="{esc(audio_url)}" '
        f'title="{esc(title)}">'
        f'<a href="{esc(audio_url)}">{esc(title)} (MP3)</a></audio>'
        f'<p class="convaudio-meta"><span class="convaudio-label">{esc(title)}</span> · '
        f'<span class="convaudio-duration">{_DURATION.format(key=key)}</span> · '
        f'<a class="convaudio-download" href="{esc(audio_url)}" download>Download MP3</a></p>'
        f'<details class="convaudio-transcript" open><summary>Transcript</summary>'
        f'<ol class="convaudio-lines">{items}</ol></details></div>'
    )


def fill_placeholders(output: str, timings: Mapping[str, Mapping[str, Any]]) -> str:
    """Put real durations and line times into a page's final HTML."""

    def duration(match: re.Match[str]) -> str:
        data = timings.get(match[1])
        return format_duration(float(data["duration"])) if data else ""

    def line(match: re.Match[str]) -> str:
        data = timings.get(match[1])
        index = int(match[2])
        if not data or index >= len(data["lines"]):
            return ""
        entry = data["lines"][index]
        return f'data-start="{entry["start"]:.3f}" data-end="{entry["end"]:.3f}"'

    return _LINE_RE.sub(line, _DURATION_RE.sub(duration, output))
