"""The versions of a conversation's MP3 and video that builds of this process made and a later build replaced."""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping

from ..errors import ConvaudioError
from .cache import AudioCache

#: Versions a placement keeps besides the one it uses: an edit undone is published again at once, not assembled.
KEEP = 1

#: A cache entry: "audio" (a conversation's MP3, timings and record) or "video", and its key.
Entry = tuple[str, str]


class Superseded:
    """`mkdocs serve` assembles a long conversation again at each save of it: 7 MB of MP3 a save of a 14-minute
    one, kept until `cache prune` (bug bash 116: 700 MB after 85 saves). An entry this process made for a page's
    conversation, which later builds of the same page replaced, is removed once `keep` newer versions replaced it
    too, no build of the process uses it and no other build holds the cache (`CacheLocks.maintenance`).

    Only what this process made: an entry found in the cache (another branch's, CI's, the last `mkdocs build`'s) is
    never removed, and the lines, which cost money, always stay. Removing costs at most an assembly: another build
    sharing the folder that wants a removed entry assembles it again from its cached lines."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        #: what this process made for each placement (site, audio URI), the most recently used last
        self._made: dict[tuple[str, str], list[Entry]] = {}
        #: what each placement used at its last build (mkdocs-static-i18n's languages are builds of one site)
        self._in_use: dict[tuple[str, str], set[Entry]] = {}
        #: what awaits removal, by cache folder
        self._doomed: dict[str, set[Entry]] = {}
        self._lock = threading.Lock()

    def after_build(
        self, cache: AudioCache, site: str, placements: Mapping[str, Collection[Entry]], made: Collection[Entry]
    ) -> int:
        """Note one build of `site` on `cache`: the entries each of its placements (by audio URI) uses, and those
        it `made`; then remove what is superseded, if no other build uses the cache now. Returns how many entries
        were removed."""
        made = set(made)
        with self._lock:
            doomed = self._doomed.setdefault(str(cache.root), set())
            for uri, entries in placements.items():
                self._in_use[(site, uri)] = set(entries)
                history = self._made.setdefault((site, uri), [])
                for entry in entries:  # in use: the most recent
                    if entry in history:
                        history.remove(entry)
                        history.append(entry)
                    elif entry in made:
                        history.append(entry)
                for kind in ("audio", "video"):
                    replaced = [entry for entry in history if entry[0] == kind and entry not in entries]
                    for entry in replaced[: max(0, len(replaced) - self.keep)]:
                        history.remove(entry)
                        doomed.add(entry)
            doomed -= {entry for history in self._made.values() for entry in history}
            doomed -= {entry for used in self._in_use.values() for entry in used}
            if not doomed:
                return 0
            try:
                with cache.locks.maintenance(0):  # not while another build reads entries (it would lose one)
                    for kind, key in doomed:
                        cache.remove_entry(kind, key)
            except ConvaudioError:  # another build is running, or the cache is read-only: at the next build
                return 0
            removed = len(doomed)
            doomed.clear()
            return removed


#: The process's record (`mkdocs serve` builds with a new plugin and session at each rebuild).
SUPERSEDED = Superseded()
