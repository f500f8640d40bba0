"""MkDocs' own search plugin (the `mkdocs` and `readthedocs` themes' search) indexes every word of a page; unlike
Material's, it does not honour `data-search-exclude`, so the player's controls ("Listen to this conversation",
"Download MP3") were in every audio page's entry, and searching "download" found them all. Right after that plugin
indexes an audio page, the controls' words are cut out of its entries."""

from __future__ import annotations

import functools
import re
from typing import Any

from mkdocs.contrib.search import SearchPlugin
from mkdocs.contrib.search.search_index import ContentParser, SearchIndex
from mkdocs.structure.pages import Page

from .html.player import excluded_controls

#: what MkDocs' search index collapses into one space (`SearchIndex._add_entry`)
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def own_search_index(plugins: Any) -> SearchIndex | None:
    """The index MkDocs' own search plugin is building, if the site uses that plugin (not Material's)."""
    for plugin in plugins.values():
        if isinstance(plugin, SearchPlugin):
            index = getattr(plugin, "search_index", None)
            return index if isinstance(index, SearchIndex) else None
    return None


def index_without_controls(index: SearchIndex, page: Page) -> None:
    """`page`'s entries in `index`, which the search plugin's `on_page_context` just added (the last ones, at its
    address and its sections'), without the words of the players' controls. The words are cut out of the entries'
    text, not indexed again from the page without them: a second parse of every audio page cost a warm build about
    1 ms a page (12-line posts). Nothing is done if the page has none, or the index keeps its entries where this
    module does not expect them."""
    content = page.content
    entries = getattr(index, "_entries", None)
    if content is None or not isinstance(entries, list) or "data-search-exclude" not in content:
        return
    said = {words for control in excluded_controls(content) if (words := _indexed_text(control))}
    if not said:
        return
    url = page.url
    first = len(entries)
    while first > 0 and _located_in(entries[first - 1], url):
        first -= 1
    ordered = sorted(said, key=len, reverse=True)
    for entry in entries[first:]:
        text = entry.get("text")
        if isinstance(text, str) and text:
            for words in ordered:
                text = _cut(text, words)
            entry["text"] = text


def _cut(text: str, words: str) -> str:
    """`text` (an entry's, one space between words) without each run of `words` that stands between spaces or at
    an end. Found by string search: a pattern starting with a look-behind took 0.6 ms on a 12-line post's entry."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or text[at - 1] == " ") and (end == len(text) or text[end] == " "):
            text = f"{text[:at].rstrip(' ')} {text[end:].lstrip(' ')}".strip(" ")
            at = text.find(words, max(at - 1, 0))
        else:
            at = text.find(words, at + 1)
    return text


@functools.lru_cache(maxsize=256)
def _indexed_text(html: str) -> str:
    """The words MkDocs' search indexes for a piece of HTML, spaced as its entries are (a player's controls differ
    only by their duration and file, so few are parsed)."""
    parser = ContentParser()
    parser.feed(html)
    parser.close()
    return _WHITESPACE.sub(" ", parser.stripped_html.replace("\u00a0", " ")).strip()


def _located_in(entry: object, url: str) -> bool:
    location = entry.get("location") if isinstance(entry, dict) else None
    return isinstance(location, str) and (location == url or location.startswith(url + "#"))
