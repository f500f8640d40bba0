"""The HTML a page gets in place of a conversation: audio player, duration, download link and transcript."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from ..text.conversation import Conversation
from .transcript import line_html

# Placeholders, filled per output page once the audio exists: the same post HTML also appears in blog index
# and archive pages (Material's excerpts), each needing URLs relative to *that* page.
_URL = "convaudio:{token}:{kind}"
_DURATION = "<!--convaudio-duration:{token}-->"
_LINE = 'data-convaudio-line="{token}:{index}"'
_URL_RE = re.compile(r"convaudio:([0-9a-f]{16}):(mp3|json|vtt|mp4)")
_DURATION_RE = re.compile(r"<!--convaudio-duration:([0-9a-f]{16})-->")
_LINE_RE = re.compile(r'data-convaudio-line="([0-9a-f]{16}):(\d+)"')


def format_duration(seconds: float) -> str:
    """`3:07`, or `1:02:03` past an hour; truncated, as audio players show it."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@lru_cache(maxsize=8192)  # a page's player names the same files several times
def relative_url(uri: str, page_url: str) -> str:
    """`uri` (a path from the site root) as seen from a page whose URL is `page_url`; an absolute URL
    (`/assets/x.mp3`, `https://...`) stays as it is."""
    if uri.startswith("/") or "://" in uri:
        return quote(uri, safe="/:")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return quote(posixpath.relpath(uri, start=base or "."))


def player_html(
    conversation: Conversation,
    token: str,
    title: str,
    *,
    language: str = "en",
    captions_label: str | None = None,
    video: bool = False,
) -> str:
    """A self-contained block with no blank lines (so Markdown keeps it as raw HTML).

    Lines are plain list items: the script adds a seek button to each, so without JavaScript nothing looks
    clickable. With `captions_label`, a `<track kind="captions">` in the page's language points at the WebVTT.
    With `video`, a "Download video" link follows the MP3's.
    """
    esc = html.escape
    audio, timings = _URL.format(token=token, kind="mp3"), _URL.format(token=token, kind="json")
    items: list[str] = []
    for index, turn in enumerate(conversation.turns):
        if turn.section:
            items.append(f'<li class="convaudio-section">{esc(turn.section)}</li>')
        items.append(
            f'<li class="convaudio-line" {_LINE.format(token=token, index=index)}>'
            f'<span class="convaudio-speaker">{esc(turn.speaker)}</span> '
            f'<span class="convaudio-text">{line_html(turn.line)}</span></li>'
        )
    track = (
        f'<track kind="captions" src="{_URL.format(token=token, kind="vtt")}" srclang="{esc(language)}" '
        f'label="{esc(captions_label)}">'
        if captions_label
        else ""
    )
    download_video = (
        f' · <a class="convaudio-download-video" href="{_URL.format(token=token, kind="mp4")}" download>'
        "Download video</a>"
        if video
        else ""
    )
    return (
        f'<div class="convaudio" data-convaudio-timings="{timings}" lang="{esc(language)}">'
        f'<audio class="convaudio-audio" controls preload="metadata" src="{audio}" title="{esc(title)}">{track}'
        f'<a href="{audio}">{esc(title)} (MP3)</a></audio>'
        f'<p class="convaudio-meta"><span class="convaudio-label">{esc(title)}</span> · '
        f'<span class="convaudio-duration">{_DURATION.format(token=token)}</span> · '
        f'<a class="convaudio-download" href="{audio}" download>Download MP3</a>{download_video}</p>'
        f'<details class="convaudio-transcript" open><summary>Transcript</summary>'
        f'<ol class="convaudio-lines">{"".join(items)}</ol></details></div>'
    )


def fill_placeholders(
    output: str,
    page_url: str,
    uris: Mapping[str, Mapping[str, str]],
    timings: Mapping[str, Mapping[str, Any]],
) -> str:
    """Put URLs relative to this page, real durations and line times into a page's final HTML."""

    def url(match: re.Match[str]) -> str:
        uri = uris.get(match[1], {}).get(match[2])
        return match[0] if uri is None else relative_url(uri, page_url)

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
