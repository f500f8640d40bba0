"""MkDocs' own search plugin (the `mkdocs` and `readthedocs` themes' search) indexes every word of a page; unlike
Material's, it does not honour `data-search-exclude`, so the player's controls ("Listen to this conversation",
"Download MP3") were in every audio page's entry, and searching "download" found them all. The page's entries are
made again, after that plugin's, by its own code from the page without the controls."""

from __future__ import annotations

from typing import Any

from mkdocs.contrib.search import SearchPlugin
from mkdocs.contrib.search.search_index import SearchIndex
from mkdocs.structure.pages import Page

from .html.player import without_controls


def own_search_index(plugins: Any) -> SearchIndex | None:
    """The index MkDocs' own search plugin is building, if the site uses that plugin (not Material's)."""
    for plugin in plugins.values():
        if isinstance(plugin, SearchPlugin):
            index = getattr(plugin, "search_index", None)
            return index if isinstance(index, SearchIndex) else None
    return None


def index_without_controls(index: SearchIndex, page: Page) -> None:
    """`page`'s entries in `index`, which the search plugin's `on_page_context` just added (the last ones, at its
    address and its sections'), made again from its content without the players' controls. Nothing is done if
    the page has none, or the index keeps its entries where this module does not expect them."""
    content = page.content
    entries = getattr(index, "_entries", None)
    if content is None or not isinstance(entries, list) or (shown := without_controls(content)) == content:
        return
    url = page.url
    first = len(entries)
    while first > 0 and _located_in(entries[first - 1], url):
        first -= 1
    if first == len(entries):
        return
    del entries[first:]
    page.content = shown
    try:
        index.add_entry_from_context(page)
    finally:
        page.content = content


def _located_in(entry: object, url: str) -> bool:
    location = entry.get("location") if isinstance(entry, dict) else None
    return isinstance(location, str) and (location == url or location.startswith(url + "#"))
