"""The HTML a page gets in place of a conversation: audio player, duration, download link and transcript."""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..libversions import library_version
from ..text.conversation import Conversation
from .transcript import line_html

if TYPE_CHECKING:
    from ..store.memo import Memo

# Placeholders, filled per output page once the audio exists: the same post HTML also appears in blog index
# and archive pages (Material's excerpts), each needing URLs relative to *that* page.
_URL = "convaudio:{token}:{kind}"
_DURATION = "<!--convaudio-duration:{token}-->"
_LINE = 'data-convaudio-line="{token}:{index}"'
#: What a page's Markdown holds where a player goes: a comment, which Markdown passes through as one raw
#: block whatever the container (list item, admonition, tab), at almost no cost. The player itself (tens of
#: tags per line) is put in its place in the page's HTML: parsing it as raw HTML in Markdown cost more than
#: the rest of a warm build's audio work.
_MARK = "<!--convaudio-player:{token}-->"
_MARK_RE = re.compile(r"(?:<p>)?<!--convaudio-player:([0-9a-f]{16})-->(?:</p>)?")
MARK_PREFIX = "<!--convaudio-player:"


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
    start = [part for part in base.split("/") if part not in ("", ".")]
    parts = [part for part in uri.split("/") if part not in ("", ".")]
    if ".." in start or ".." in parts:  # not what MkDocs gives: the general (slower, cwd-reading) way
        return quote(posixpath.relpath(uri, start=base or "."))
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return quote("/".join([".."] * (len(start) - common) + parts[common:]) or ".")


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


def player_marker(token: str) -> str:
    """The comment a page's Markdown holds in place of the player with this token (see `insert_players`)."""
    return _MARK.format(token=token)


def insert_players(output: str, players: Mapping[str, str]) -> str:
    """Each player marker in a page's HTML replaced by its player; a marker of an unknown token stays a comment."""
    if MARK_PREFIX not in output:
        return output
    return _MARK_RE.sub(lambda match: players.get(match[1], match[0]), output)


@lru_cache(maxsize=1)
def player_code_version() -> str:
    """A digest of the code that writes a player (this module, the transcript's Markdown rendering and the
    version of Python-Markdown): a changed template never reuses a remembered player."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in (here / "player.py", here / "transcript.py"):
        digest.update(source.read_bytes() + b"\0")
    digest.update(f"markdown={library_version('markdown')}".encode())
    return digest.hexdigest()[:32]


class PlayerMemo:
    """`player_html`, remembered between builds in `memo` (a file in the cache folder) by everything the HTML
    depends on: each line's speaker, text and section, the options, and the code that writes it. A warm build
    renders no line's Markdown."""

    def __init__(self, memo: Memo | None) -> None:
        self.memo = memo
        #: Players written by `player_html` through this memo (tests count them).
        self.computed = 0

    def player(
        self,
        conversation: Conversation,
        token: str,
        title: str,
        *,
        language: str = "en",
        captions_label: str | None = None,
        video: bool = False,
    ) -> str:
        inputs = [
            token,
            title,
            language,
            captions_label,
            video,
            [[turn.speaker, turn.line, turn.section] for turn in conversation.turns],
        ]
        # `repr` of strings, booleans and None: exact, and cheaper than JSON
        key = hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()[:40]
        stored = self.memo.get(key) if self.memo is not None else None
        if isinstance(stored, str):
            return stored
        block = player_html(
            conversation, token, title, language=language, captions_label=captions_label, video=video
        )
        self.computed += 1
        if self.memo is not None:
            self.memo.put(key, block)
        return block


#: The three placeholders in one pattern that starts with a literal (a fast scan of a page's whole HTML).
_ANY_RE = re.compile(
    r'convaudio(?::([0-9a-f]{16}):(mp3|json|vtt|mp4)|-duration:([0-9a-f]{16})-->|-line="([0-9a-f]{16}):(\d+)"'
    r"|-player:[0-9a-f]{16}-->)"
)


def fill_placeholders(
    output: str,
    page_url: str,
    uris: Mapping[str, Mapping[str, str]],
    timings: Mapping[str, Mapping[str, Any]],
    players: Mapping[str, str] | None = None,
) -> str:
    """Put URLs relative to this page, real durations and line times into a page's final HTML; with `players`,
    first each player marker left in it (an excerpt a blog index rendered from a post's Markdown)."""
    pieces: list[str] = []
    done = 0
    for match in _ANY_RE.finditer(output):
        start = match.start()
        token, kind, duration, line_token, index = match.groups()
        if match[0].startswith("convaudio-player:"):
            if players and (inserted := insert_players(output, players)) != output:
                return fill_placeholders(inserted, page_url, uris, timings)
            continue
        if token is not None:
            uri = uris.get(token, {}).get(kind)
            if uri is None:
                continue
            replacement = relative_url(uri, page_url)
        elif duration is not None:
            if not output.endswith("<!--", 0, start):
                continue
            start -= len("<!--")
            data = timings.get(duration)
            replacement = format_duration(float(data["duration"])) if data else ""
        else:
            if not output.endswith("data-", 0, start):
                continue
            start -= len("data-")
            data = timings.get(line_token)
            number = int(index)
            if not data or number >= len(data["lines"]):
                replacement = ""
            else:
                entry = data["lines"][number]
                replacement = f'data-start="{entry["start"]:.3f}" data-end="{entry["end"]:.3f}"'
        pieces += (output[done:start], replacement)
        done = match.end()
    if not pieces:
        return output
    pieces.append(output[done:])
    return "".join(pieces)
