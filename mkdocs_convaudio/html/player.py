"""The HTML a page gets in place of a conversation: audio player, duration, download link and transcript."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from ..libversions import library_version, remembered
from ..text.conversation import Conversation
from ..voices.languages import language_scripts
from .assets import VERSION_SUFFIX, version_kind
from .labels import labels
from .transcript import MathMarkup, line_html, line_links, with_links

#: Scripts written right to left (ISO 15924): Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Mandaic, Samaritan
RIGHT_TO_LEFT = frozenset({"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Mand", "Samr"})

if TYPE_CHECKING:
    from ..store.memo import Memo

# Placeholders, filled per output page once the audio exists: the same post HTML also appears in blog index
# and archive pages (Material's excerpts), each needing URLs relative to *that* page. Every placeholder holds
# `SENTINEL`, which nothing else in a page does: a page without any is passed over with one string search.
SENTINEL = "convaudio::"
_URL = SENTINEL + "{token}:{kind}"
_DURATION = "<!--" + SENTINEL + "{token}:duration-->"
_LINE_ATTRIBUTE = 'data-convaudio-line="'
_LINE = _LINE_ATTRIBUTE + SENTINEL + '{token}:{index}"'
#: What a page's Markdown holds where a player goes: a comment, which Markdown passes through as one raw
#: block whatever the container (list item, admonition, tab), at almost no cost. The player itself (tens of
#: tags per line) is put in its place in the page's HTML: parsing it as raw HTML in Markdown cost more than
#: the rest of a warm build's audio work.
_MARK = "<!--" + SENTINEL + "player:{token}-->"
MARK_PREFIX = "<!--" + SENTINEL + "player:"
_MARK_AT_RE = re.compile(r"<!--convaudio::player:([0-9a-f]{16})-->")
#: A section's title in the transcript: a heading (a screen reader's user goes from one to the next), inside a
#: list item of its own (the list holds list items only, and the script's lines and keyboard order stay as they were).
#: An ARIA heading, not an `<h2>`: tools that cut a page into sections at its `<h1>`-`<h6>` tags would take the
#: transcript's for the page's (MkDocs' own search left the transcript and the text after it out of the section
#: it is in). Its level is one below the heading the player stands under in the page (see `insert_players`); the
#: transcript's own title is its disclosure's `<summary>`, a control, not a heading.
_OUR_HEADING = 'class="convaudio-heading" role="heading" aria-level="'
_SECTION = '<li class="convaudio-section"><div ' + _OUR_HEADING + '{level}">{title}</div></li>'
_SECTION_LEVEL_RE = re.compile(re.escape(_OUR_HEADING) + '[1-6]"')
#: The sections' level where the page around the player is unknown (a snippet of `mkdocs-convaudio render`), or
#: no heading comes before it (the page's title, its `<h1>`, is then the theme's, outside the page's content)
SECTION_LEVEL = 2
#: A heading's start tag in a page (`<h2>`, `<h3 id="…">`; not `<hr>`, `<head>` or `<header>`)
_HEADING_AT = re.compile(r"<h([1-6])[\s>]")
#: A transcript's link to a file of the site, until the page it is shown on is known: `@` and the file's URL from the
#: site's root (as MkDocs gives it, percent-encoded), with the link's query and anchor; made relative to each page
#: that shows the player (the post's own, a blog index's excerpt), as the player's own URLs are
_LINK_PREFIX = SENTINEL + "@"
#: What follows `SENTINEL` in each kind of placeholder (matched where a search found the sentinel).
_AT_RE = re.compile(
    r'convaudio::(?:player:[0-9a-f]{16}-->|([0-9a-f]{16}):(?:(mp3|json|vtt|mp4)|duration-->|(\d+)")|@([^"\s]*)")'
)


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
        # a URL given already encoded (`--url-prefix https://cdn/my%20talks/`) is not encoded twice
        return quote(uri, safe="/:%?=&#~@!$'()*+,;")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    start = [part for part in base.split("/") if part not in ("", ".")]
    parts = [part for part in uri.split("/") if part not in ("", ".")]
    if ".." in start or ".." in parts:  # not what MkDocs gives: the general (slower, cwd-reading) way
        return quote(posixpath.relpath(uri, start=base or "."))
    common = 0
    while common < min(len(start), len(parts)) and start[common] == parts[common]:
        common += 1
    return quote("/".join([".."] * (len(start) - common) + parts[common:]) or ".")


def link_url(target: str, page_url: str) -> str:
    """A transcript link's `target` (a file's URL from the site's root, percent-encoded, with the link's query and
    anchor) as seen from the page at `page_url`, written as MkDocs writes the page's own links: `../other/`,
    `../../guide/setup.html#install`, `./#end`."""
    cut = min((at for at in (target.find("?"), target.find("#")) if at >= 0), default=len(target))
    path, rest = unquote(target[:cut]), target[cut:]
    url = relative_url(path, page_url)
    if (not path or path.endswith("/")) and not url.endswith("/"):
        url += "/"  # a directory URL keeps its slash (`../other` is a redirect away, or a 404 on some hosts)
    return url + rest


def conversation_links(conversation: Conversation) -> list[tuple[str, str, int]]:
    """The links of a conversation's lines that a site resolves among its files (`site_link`), and those to an
    anchor of the page showing it (`#setup`): each target as written, with the file and line it is written on."""
    return [
        (href, conversation.source_path, turn.source_line)
        for turn in conversation.turns
        for href in line_links(turn.line, anchors=True)
    ]


def player_html(
    conversation: Conversation,
    token: str,
    title: str,
    *,
    language: str = "en",
    captions_label: str | None = None,
    video: bool = False,
    math: MathMarkup | None = None,
    links: Mapping[str, str] | None = None,
    cross_origin: bool = False,
) -> str:
    """A self-contained block with no blank lines (so Markdown keeps it as raw HTML).

    Lines are plain list items: the script adds a seek button to each, so without JavaScript nothing looks
    clickable. With `captions_label`, a `<track kind="captions">` in the page's language points at the WebVTT.
    With `video`, a "Download video" link follows the MP3's. With `math`, the transcript's formulas are written as
    the site's arithmatex writes them. With `links` (a line's link target as written → the file's URL from the
    site's root, with its query and anchor), those links go to the file from whichever page shows the player.
    With `cross_origin` (its files served from another origin, a CDN), the `<audio>` asks for them with CORS
    (`crossorigin="anonymous"`): a browser refuses a `<track>` of another origin without it, and the captions
    were not shown.
    """
    esc = html.escape
    audio, timings = _URL.format(token=token, kind="mp3"), _URL.format(token=token, kind="json")
    items: list[str] = []
    for index, turn in enumerate(conversation.turns):
        if turn.section:
            items.append(_SECTION.format(level=SECTION_LEVEL, title=esc(turn.section)))
        items.append(
            f'<li class="convaudio-line" {_LINE.format(token=token, index=index)}>'
            f'<span class="convaudio-speaker">{esc(turn.speaker)}</span> '
            f'<span class="convaudio-text">{_line(turn.line, math, links)}</span></li>'
        )
    track = (
        f'<track kind="captions" src="{_URL.format(token=token, kind="vtt")}" srclang="{esc(language)}" '
        f'label="{esc(captions_label)}">'
        if captions_label
        else ""
    )
    words = labels(language)  # a French page's player said "Transcript" and "Download MP3" (bug bash 76)
    download_video = (
        f' &middot; <a class="convaudio-download-video" href="{_URL.format(token=token, kind="mp4")}" download>'
        f"{esc(words.download_video)}</a>"
        if video
        else ""
    )
    # a right-to-left language's transcript on a left-to-right site: its lines' numbers and final stops went to
    # the wrong side of the speaker's name (bug bash 77)
    direction = ' dir="rtl"' if language_scripts(language) & RIGHT_TO_LEFT else ""
    cors = ' crossorigin="anonymous"' if cross_origin else ""
    # a transcript whose lines have links tells that Tab goes to those of the line (a screen reader's user was told
    # of the arrows and Enter only); one without says nothing of them
    has_links = any('<a href="' in item for item in items)
    link_keys = f' data-convaudio-link-keys="{esc(words.link_keys)}"' if has_links else ""
    return (
        f'<div class="convaudio" data-convaudio-timings="{timings}" lang="{esc(language)}"{direction} '
        f'data-convaudio-speed="{esc(words.speed)}" data-convaudio-seek="{esc(words.seek)}" '
        f'data-convaudio-keys="{esc(words.keys)}"{link_keys}>'
        # `data-search-exclude`: Material's search indexes the transcript, not the controls' words, which opened
        # every audio post's search snippet ("Listen to this conversation (MP3) Listen to this conversation ·").
        # The separators are `&middot;`, not the character: one character past ASCII made an English page's whole
        # HTML a wider string, which MkDocs then encodes character by character (a quarter of what the plugin
        # added to a warm build of 200 posts, in instructions); browsers and search indexes read the same text
        f'<audio class="convaudio-audio"{cors} controls preload="metadata" src="{audio}" title="{esc(title)}" '
        f'data-search-exclude>{track}<a href="{audio}">{esc(title)} (MP3)</a></audio>'
        f'<p class="convaudio-meta" data-search-exclude><span class="convaudio-label">{esc(title)}</span> &middot; '
        f'<span class="convaudio-duration">{_DURATION.format(token=token)}</span> &middot; '
        f'<a class="convaudio-download" href="{audio}" download>{esc(words.download)}</a>{download_video}</p>'
        f'<details class="convaudio-transcript" open><summary>{esc(words.transcript)}</summary>'
        f'<ol class="convaudio-lines">{"".join(items)}</ol></details></div>'
    )


def _line(text: str, math: MathMarkup | None, links: Mapping[str, str] | None) -> str:
    rendered = line_html(text, math)
    return with_links(rendered, links, _LINK_PREFIX) if links else rendered


#: The player's controls, which a search index leaves out (`data-search-exclude`, which Material's search honours):
#: its `<audio>` element and the line of its label, duration and download links. Not the transcript's `<summary>`,
#: which says what the text under it is.
_SEARCH_EXCLUDED = re.compile(r'<(audio|p) class="convaudio-(?:audio|meta)"[^>]*\sdata-search-exclude>.*?</\1>', re.S)


def excluded_controls(page: str) -> list[str]:
    """The HTML of a page's players' controls (`data-search-exclude`), each as written: what a search index should
    not read."""
    return [match[0] for match in _SEARCH_EXCLUDED.finditer(page)] if "data-search-exclude" in page else []


def player_marker(token: str) -> str:
    """The comment a page's Markdown holds in place of the player with this token (see `insert_players`)."""
    return _MARK.format(token=token)


def insert_players(output: str, players: Mapping[str, str]) -> str:
    """Each player marker in a page's HTML replaced by its player (its sections levelled by the page's headings); a
    marker of an unknown token stays a comment."""
    at = output.find(MARK_PREFIX)
    if at < 0:
        return output
    # found by string search, not a regex scan of the page: a pattern starting with the optional `<p>` is
    # tried at every position of the HTML (a long transcript's page cost 70 µs a page)
    pieces: list[str] = []
    done = 0
    while at >= 0:
        match = _MARK_AT_RE.match(output, at)
        end = match.end() if match is not None else at + len(MARK_PREFIX)
        player = players.get(match[1]) if match is not None else None
        if player is not None:
            start = at - 3 if at >= 3 and output.startswith("<p>", at - 3) else at  # the paragraph
            end = end + 4 if output.startswith("</p>", end) else end  # Markdown may put it in
            pieces += (output[done:start], _levelled(player, output, start))
            done = end
        at = output.find(MARK_PREFIX, end)
    if not pieces:
        return output
    pieces.append(output[done:])
    return "".join(pieces)


def replace_player(output: str, before: str, after: str) -> str | None:
    """`before`, a player as `insert_players` put it in `output` (its sections' headings at the level the page gave
    them), replaced by `after` at that level; None where `output` holds no such player."""
    if _OUR_HEADING not in before:
        return output.replace(before, after) if before in output else None
    # a player under a page's `##` heading has its sections at level 3, not the plain player's 2: compared as
    # written, a player redone after `render` (its files' new versions) was taken for one another plugin rewrote
    found = False
    for level in range(1, 7):
        heading = f'{_OUR_HEADING}{level}"'
        if (placed := _SECTION_LEVEL_RE.sub(heading, before)) in output:
            output = output.replace(placed, _SECTION_LEVEL_RE.sub(heading, after))
            found = True
    return output if found else None


def _heading_level_before(page: str, at: int) -> int:
    """The level of the page's last heading (`<h1>`-`<h6>`) before `at`; 1 if there is none."""
    end = at
    while (start := page.rfind("<h", 0, end)) >= 0:
        if (match := _HEADING_AT.match(page, start)) is not None:
            return int(match[1])
        end = start
    return 1


def _levelled(player: str, page: str, at: int) -> str:
    """`player` as put at `at` in `page`: its sections' headings one level below the page's last heading before it
    (a blog index shows a post's player under the post's title, a level below the post's own page)."""
    if _OUR_HEADING not in player:
        return player
    level = min(6, _heading_level_before(page, at) + 1)
    return _SECTION_LEVEL_RE.sub(f'{_OUR_HEADING}{level}"', player)


@lru_cache(maxsize=1)
def player_code_version() -> str:
    """A digest of the code that writes a player (this module, the transcript's Markdown rendering, the player's
    words and the version of Python-Markdown): a changed template never reuses a remembered player."""
    return remembered("player code", _player_code_version)


def _player_code_version() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in (here / "player.py", here / "transcript.py", here / "labels.py"):
        digest.update(source.read_bytes() + b"\0")
    digest.update(f"markdown={library_version('markdown')}".encode())
    return digest.hexdigest()[:32]


class PlayerMemo:
    """Each conversation's player, remembered between builds in `memo` (a file in the cache folder) by everything
    its HTML depends on: each line's speaker, text and section (or a digest of what they come from), the options,
    and the code that writes it; with its line times filled in, by the timings' digest too. A warm build renders
    no line's Markdown and fills no line's times.

    Players are asked for by token (`want` first): `plain` has every placeholder, `timed` only its URLs'
    (which differ from page to page)."""

    def __init__(self, memo: Memo | None) -> None:
        self.memo = memo
        #: Players written by `player_html` through this memo (tests count them).
        self.computed = 0
        self._wanted: dict[str, tuple[str, Callable[[], str]]] = {}
        self._plain: dict[str, str] = {}

    def want(
        self,
        conversation: Conversation | Callable[[], Conversation],
        token: str,
        title: str,
        *,
        language: str = "en",
        captions_label: str | None = None,
        video: bool = False,
        math: MathMarkup | None = None,
        source_key: str | None = None,
        inline_captions: bool = False,
        links: Mapping[str, str] | None = None,
    ) -> None:
        """Declare the player of `conversation` (or of what a function gives, asked for only if the player is not
        remembered); `source_key`, a digest of everything the conversation's text comes from, keys it instead
        of the text. With `inline_captions`, its captions' URL is left a placeholder when it is finished (the
        page's final HTML gets the captions themselves, as a `data:` URL, once they are known). `links`, as
        `player_html` takes them (a player without any has the key it had before they were)."""
        options: list[Any] = [token, title, language, captions_label, video, math]
        options += ["inline captions"] * inline_captions
        if links:
            options.append(sorted(links.items()))
        if source_key is not None:
            inputs: list[Any] = [source_key, *options]
        else:
            conversation = conversation if isinstance(conversation, Conversation) else conversation()
            inputs = [*options, [[turn.speaker, turn.line, turn.section] for turn in conversation.turns]]
        # `repr` of strings, booleans, None and a math markup (strings, booleans, tuples): exact, and cheaper than JSON
        key = hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()[:40]

        def make() -> str:
            talk = conversation if isinstance(conversation, Conversation) else conversation()
            return player_html(
                talk,
                token,
                title,
                language=language,
                captions_label=captions_label,
                video=video,
                math=math,
                links=links,
            )

        self._wanted[token] = (key, make)
        self._plain.pop(token, None)

    def __contains__(self, token: object) -> bool:
        return token in self._wanted

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def tokens(self) -> list[str]:
        """The tokens of the players wanted so far."""
        return list(self._wanted)

    def plain(self, token: str, *, keep: bool = True) -> str:
        """The player of `token` with all its placeholders; with `keep` false, asked for only to make another
        form of it, which is what the memo keeps (a warm build asks for finished players only)."""
        block = self._plain.get(token)
        if block is not None:
            return block
        key, make = self._wanted[token]
        stored = self.memo.peek(key) if self.memo is not None else None
        if isinstance(stored, str):
            block = stored
            if keep and self.memo is not None:
                self.memo.touch(key)
        else:
            block = make()
            self.computed += 1
            if keep and self.memo is not None:
                self.memo.put(key, block)
        self._plain[token] = block
        return block

    def timed(self, token: str, timings: Mapping[str, Any], digest: str) -> str:
        """The player of `token` with its duration and line times filled in from `timings` (whose digest is
        `digest`), and its URLs still placeholders."""
        key = f"{self._wanted[token][0]}:{digest}"
        stored = self.memo.get(key) if self.memo is not None else None
        if isinstance(stored, str):
            return stored
        block = fill_placeholders(
            self.plain(token, keep=False), "", {}, {token: timings}, keep_durations=True, keep_links=True
        )
        if self.memo is not None:
            self.memo.put(key, block)
        return block

    def finished(
        self, token: str, page_url: str, uris: Mapping[str, str], timings: Mapping[str, Any] | str, digest: str
    ) -> str:
        """The player of `token` as the page at `page_url` shows it: URLs relative to that page, duration and
        line times from `timings` (whose digest is `digest`). Remembered for the player's own page (its URIs
        follow from its token and options, both in its key, but for their files' versions, added to it)."""
        versions = ",".join(f"{kind}={uri}" for kind, uri in sorted(uris.items()) if kind.endswith(VERSION_SUFFIX))
        key = f"{self._wanted[token][0]}:{digest}:{page_url}" + (f":{versions}" if versions else "")
        stored = self.memo.get(key) if self.memo is not None else None
        if isinstance(stored, str):
            return stored
        parsed = json.loads(timings) if isinstance(timings, str) else timings
        # the duration stays a placeholder, filled in the page's final HTML: it is text, which the search index
        # would otherwise hold in a warm build and not in a cold one
        block = fill_placeholders(
            self.plain(token, keep=False), page_url, {token: uris}, {token: parsed}, keep_durations=True
        )
        if self.memo is not None:
            self.memo.put(key, block)
        return block


class Players(Mapping[str, str]):
    """The players of a build by token, for pages' HTML: with their line times filled in once `timings` (and
    `digests`, their digests) hold the token's, else with every placeholder."""

    def __init__(self, memo: PlayerMemo, timings: Mapping[str, Mapping[str, Any]], digests: Mapping[str, str]) -> None:
        self.memo, self.timings, self.digests = memo, timings, digests

    def __getitem__(self, token: str) -> str:
        if token not in self.memo:
            raise KeyError(token)
        digest = self.digests.get(token)
        timings = self.timings.get(token)
        return self.memo.timed(token, timings, digest) if digest and timings else self.memo.plain(token)

    def __iter__(self) -> Iterator[str]:
        return iter(self.memo.tokens())

    def __len__(self) -> int:
        return len(self.memo.tokens())


def fill_placeholders(
    output: str,
    page_url: str,
    uris: Mapping[str, Mapping[str, str]],
    timings: Mapping[str, Mapping[str, Any]],
    players: Mapping[str, str] | None = None,
    *,
    durations: Mapping[str, float] | None = None,
    keep_durations: bool = False,
    keep_links: bool = False,
) -> str:
    """Put URLs relative to this page, real durations and line times into a page's final HTML; with `players`,
    first each player marker left in it (an excerpt a blog index rendered from a post's Markdown). Durations
    come from `durations` when it has the token, else from `timings`; `keep_durations` leaves them out, and
    `keep_links` the transcripts' links to the site's files (for a player not yet on a page)."""
    at = output.find(SENTINEL)
    if at < 0:  # most pages of a site: one search, no copy
        return output
    pieces: list[str] = []
    done = 0
    while at >= 0:
        match = _AT_RE.match(output, at)
        if match is not None and match[4] is not None:  # a transcript's link to a file of the site
            if not keep_links:
                pieces += (output[done:at], html.escape(link_url(html.unescape(match[4]), page_url)))
                done = match.end(4)
            at = output.find(SENTINEL, match.end(4))
            continue
        if match is None or match[1] is None:
            if match is not None and players and (inserted := insert_players(output, players)) != output:
                # the page holds a player marker
                return fill_placeholders(
                    inserted,
                    page_url,
                    uris,
                    timings,
                    durations=durations,
                    keep_durations=keep_durations,
                    keep_links=keep_links,
                )
            at = output.find(SENTINEL, at + len(SENTINEL))  # a marker of an unknown player, or not ours
            continue
        start, end = at, match.end()
        token, kind, index, _ = match.groups()
        if kind is not None:
            kinds = uris.get(token, {})
            uri = kinds.get(kind)
            # a `data:` URL (the captions of a site opened from disk) is the file itself, relative to no page
            if uri is None or uri.startswith("data:"):
                replacement = uri
            else:
                # with the file's version: a browser or CDN holding what an earlier build published asks for this
                version = kinds.get(version_kind(kind))
                replacement = relative_url(uri, page_url) + (f"?v={version}" if version else "")
        elif index is None:  # the duration, inside a comment
            start -= len("<!--")
            if not output.startswith("<!--", start) or keep_durations:
                replacement = None
            elif durations is not None and (seconds := durations.get(token)) is not None:
                replacement = format_duration(seconds)
            else:
                data = timings.get(token)
                replacement = format_duration(float(data["duration"])) if data else ""
        else:
            start -= len(_LINE_ATTRIBUTE)
            data = timings.get(token)
            number = int(index)
            if not output.startswith(_LINE_ATTRIBUTE, start):
                replacement = None
            elif not data or number >= len(data["lines"]):
                replacement = ""
            else:
                entry = data["lines"][number]
                replacement = f'data-start="{entry["start"]:.3f}" data-end="{entry["end"]:.3f}"'
        if replacement is not None:
            pieces += (output[done:start], replacement)
            done = end
        at = output.find(SENTINEL, end)
    if not pieces:
        return output
    pieces.append(output[done:])
    return "".join(pieces)
