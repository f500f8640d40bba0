"""The HTML a page gets in place of a conversation: audio player, duration, download link and transcript."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ..text.conversation import Conversation

# Placeholders, filled per output page once the audio exists: the same post HTML also appears in blog index
# and archive pages (Material's excerpts), each needing URLs relative to *that* page.
_URL = "convaudio:{token}:{kind}"
_DURATION = "<!--convaudio-duration:{token}-->"
_LINE = 'data-convaudio-line="{token}:{index}"'
_URL_RE = re.compile(r"convaudio:([0-9a-f]{16}):(mp3|json|mp4)")
_DURATION_RE = re.compile(r"<!--convaudio-duration:([0-9a-f]{16})-->")
_LINE_RE = re.compile(r'data-convaudio-line="([0-9a-f]{16}):(\d+)"')


def format_duration(seconds: float) -> str:
    """`3:07`, or `1:02:03` past an hour; truncated, as audio players show it."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def relative_url(uri: str, page_url: str) -> str:
    """`uri` (a path from the site root) as seen from a page whose URL is `page_url`; an absolute URL
    (`/assets/x.mp3`, `https://...`) stays as it is."""
    if uri.startswith("/") or "://" in uri:
        return quote(uri, safe="/:")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return quote(posixpath.relpath(uri, start=base or "."))


def player_html(conversation: Conversation, token: str, title: str, *, video: bool = False) -> str:
    """A self-contained block with no blank lines (so Markdown keeps it as raw HTML)."""
    esc = html.escape
    audio, timings = _URL.format(token=token, kind="mp3"), _URL.format(token=token, kind="json")
    download_video = (
        f' · <a class="convaudio-download-video" href="{_URL.format(token=token, kind="mp4")}" download>'
        "Download video</a>"
        if video
        else ""
    )
    items = "".join(
        f'<li class="convaudio-line" {_LINE.format(token=token, index=index)}>'
        f'<span class="convaudio-speaker">{esc(turn.speaker)}</span> '
        f'<span class="convaudio-text">{esc(turn.line)}</span></li>'
        for index, turn in enumerate(conversation.turns)
    )
    return (
        f'<div class="convaudio" data-convaudio-timings="{timings}">'
        f'<audio class="convaudio-audio" controls preload="metadata" src="{audio}" title="{esc(title)}">'
        f'<a href="{audio}">{esc(title)} (MP3)</a></audio>'
        f'<p class="convaudio-meta"><span class="convaudio-label">{esc(title)}</span> · '
        f'<span class="convaudio-duration">{_DURATION.format(token=token)}</span> · '
        f'<a class="convaudio-download" href="{audio}" download>Download MP3</a>{download_video}</p>'
        f'<details class="convaudio-transcript" open><summary>Transcript</summary>'
        f'<ol class="convaudio-lines">{items}</ol></details></div>'
    )


def fill_placeholders(
    output: str,
    page_url: str,
    uris: Mapping[str, tuple[str, str]],
    timings: Mapping[str, Mapping[str, Any]],
    videos: Mapping[str, str] | None = None,
) -> str:
    """Put URLs relative to this page, real durations and line times into a page's final HTML."""

    def url(match: re.Match[str]) -> str:
        if match[2] == "mp4":
            video = (videos or {}).get(match[1])
            return relative_url(video, page_url) if video else match[0]
        pair = uris.get(match[1])
        if pair is None:
            return match[0]
        return relative_url(pair[0] if match[2] == "mp3" else pair[1], page_url)

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

    return _URL_RE.sub(url, _LINE_RE.sub(line, _DURATION_RE.sub(duration, output)))
