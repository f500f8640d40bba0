"""The versions of a conversation's MP3 and video that builds of this process made and a later build replaced,
and what builds of this process published for pages that are gone since."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Collection, Mapping
from typing import NamedTuple

from ..errors import ConvaudioError
from .cache import AudioCache

#: Versions a placement keeps besides the one it uses: an edit undone is published again at once, not assembled.
KEEP = 1

#: A cache entry: "audio" (a conversation's MP3, timings and record) or "video", and its key.
Entry = tuple[str, str]


class Source(NamedTuple):
    """A file a build read a conversation from: its page, or the dialogue file the page links. (A named tuple, as
    `Placement`: made for each conversation of each build: one call, where a frozen dataclass makes one a field too.)"""

    #: the build's docs folder
    docs_dir: str
    #: the file; None when it has none (a page another plugin made from text)
    path: str | None

    def gone(self) -> bool:
        """Whether the page (or dialogue file) is gone from the site, in every language: its file is no longer in
        the docs folder, which still is. A page of another language missing from a build (mkdocs-static-i18n
        builds each in turn) keeps its file. A page whose file is not in the docs folder (mkdocs-gen-files writes
        its pages to a temporary folder), or a docs folder that is no more (one a plugin made for one build and
        removed), proves nothing: such a page counts as there."""
        if self.path is None:
            return False
        with contextlib.suppress(ValueError):  # another drive (Windows)
            if os.path.commonpath([self.path, self.docs_dir]) == self.docs_dir:
                return os.path.isdir(self.docs_dir) and not os.path.lexists(self.path)
        return False


class Placement(NamedTuple):
    """One conversation a build placed at an audio URI."""

    #: the cache entries it uses
    entries: Collection[Entry]
    #: the pages it was read from (a dialogue file's conversation may be placed by several)
    sources: Collection[Source] = ()
    #: its published files (MP3, timings, captions, video) in the cache's published folder; none when the build
    #: publishes elsewhere (`render --out`: the user's folder, never cleaned by this)
    published: Collection[str] = ()
    #: the dialogue files its conversation was read from (its audio URI names one); none for a page's own
    dialogues: Collection[Source] = ()


class Superseded:
    """`mkdocs serve` assembles a long conversation again at each save of it: 7 MB of MP3 a save of a 14-minute
    one, kept until `cache prune` (bug bash 116: 700 MB after 85 saves). An entry this process made for a page's
    conversation, which later builds of the same page replaced, is removed once `keep` newer versions replaced it
    too, no build of the process uses it and no other build holds the cache (`CacheLocks.maintenance`).

    A page renamed or deleted under `mkdocs serve` left its published copies (MP3, timings, captions) in the
    cache's published folder, and the entry made for it in the cache, until `cache prune` (bug bash 149). A
    placement that no build of the run placed and whose every page is gone (`Source.gone`) is dropped at the end of
    a successful run (`after_run`: after every language mkdocs-static-i18n builds, once `--strict` has nothing to
    fail on): its published copies are removed, and what this process made for it goes as a replaced version
    does. Never by a run that fails: a page missing for a moment (an editor's backup-by-rename) during a rebuild
    that then failed (a later language's problem, a `--strict` warning) lost its copies to its own language's build.

    So is a placement whose every dialogue file is gone, on a site `mkdocs serve` serves in this process
    (`serving`): `one.json` renamed `first.json` under serve, the page linking it edited to match, left
    `one-en.mp3` behind. Only there: `mkdocs-convaudio render` runs of one cache folder (a blog's dialogue files,
    and its posts) are independent runs of one site, each placing a part of it, and `cache prune` keeps what each
    used at its last run (a dialogue file deleted between two runs in one process lost entries prune keeps).

    Only what this process made: an entry found in the cache (another branch's, CI's, the last `mkdocs build`'s) is
    never removed, and the lines, which cost money, always stay. Removing costs at most an assembly: another build
    sharing the folder that wants a removed entry assembles it again from its cached lines, and a page restored
    has its files published again."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        #: what this process made for each placement (site, audio URI), the most recently used last
        self._made: dict[tuple[str, str], list[Entry]] = {}
        #: what each placement used at its last build (mkdocs-static-i18n's languages are builds of one site)
        self._in_use: dict[tuple[str, str], set[Entry]] = {}
        #: the pages each placement was read from, and its published files, by the builds of this process
        self._sources: dict[tuple[str, str], set[Source]] = {}
        self._dialogues: dict[tuple[str, str], set[Source]] = {}
        self._published: dict[tuple[str, str], set[str]] = {}
        #: what awaits removal, by cache folder: entries, and published files of pages that are gone
        self._doomed: dict[str, set[Entry]] = {}
        self._unpublished: dict[str, set[str]] = {}
        #: the sites `mkdocs serve` serves in this process (see `serving`)
        self._served: set[str] = set()
        #: by site, the published files the latest build of a placement no longer has (see `withdrawn`)
        self._withdrawn: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def serving(self, site: str) -> None:
        """Note that `mkdocs serve` serves `site` (its `on_serve`, after its first build): its rebuilds are rounds
        of one session, each placing the whole site, so a placement no later round placed whose dialogue files are
        gone is gone with them."""
        with self._lock:
            self._served.add(site)

    def is_served(self, site: str) -> bool:
        """Whether `mkdocs serve` serves `site` in this process: a build of it now is one of its rebuilds."""
        with self._lock:
            return site in self._served

    def after_build(
        self,
        cache: AudioCache,
        site: str,
        placements: Mapping[str, Placement],
        made: Collection[Entry],
    ) -> int:
        """Note one build of `site` on `cache`: the placements it made (by audio URI), and the entries it `made`;
        then remove what is superseded (and what an earlier run left to remove), if no other build uses the cache
        now. Pages gone wait for the end of the run (`after_run`). Returns how many entries and published files
        were removed."""
        made = set(made)
        with self._lock:
            doomed = self._doomed.setdefault(str(cache.root), set())
            unpublished = self._unpublished.setdefault(str(cache.root), set())
            for uri, placement in placements.items():
                self._note(site, uri, placement, made, doomed, unpublished)
            return self._remove(cache, doomed, unpublished)

    def withdrawn(self, site: str) -> set[str]:
        """The published files of `site` that a placement's latest build no longer has (a video or captions turned
        off), since this was last asked: a `--dirty` build (`mkdocs serve --dirty`) does not clean the built site,
        which kept its copy of each."""
        with self._lock:
            return self._withdrawn.pop(site, set())

    def after_run(self, cache: AudioCache, site: str, placed: Collection[str]) -> int:
        """The end of a successful run of `site` (its build, or every language mkdocs-static-i18n builds): drop
        the placements no build of the run placed (`placed`: audio URIs) whose every page, or on a site being
        served every dialogue file, is gone. Returns how many entries and published files were removed."""
        with self._lock:
            doomed = self._doomed.setdefault(str(cache.root), set())
            unpublished = self._unpublished.setdefault(str(cache.root), set())
            self._drop_gone(site, set(placed), doomed, unpublished)
            return self._remove(cache, doomed, unpublished)

    def _remove(self, cache: AudioCache, doomed: set[Entry], unpublished: set[str]) -> int:
        """Remove the `doomed` entries and `unpublished` files no placement uses, if no other build uses the cache
        now (else they wait for the next build); with the lock held."""
        doomed -= {entry for history in self._made.values() for entry in history}
        doomed -= {entry for used in self._in_use.values() for entry in used}
        # a page restored meanwhile publishes there again; compared without case, as a file system may (on
        # macOS `Talk-1.mp3`, a page's old name, is the `talk-1.mp3` the page renamed publishes), but only
        # where it does: on Linux `Talk-1.mp3` is another file, which goes
        if unpublished:
            published: dict[str, set[str]] = {}
            for paths in self._published.values():
                for path in paths:
                    published.setdefault(path.casefold(), set()).add(path)
            unpublished -= {
                path
                for path in unpublished
                if any(live == path or not _two_files(live, path) for live in published.get(path.casefold(), ()))
            }
        if not doomed and not unpublished:
            return 0
        try:
            with cache.locks.maintenance(0):  # not while another build reads entries (it would lose one)
                for kind, key in doomed:
                    cache.remove_entry(kind, key)
                for path in unpublished:
                    with contextlib.suppress(OSError):
                        os.unlink(path)
        except ConvaudioError:  # another build is running, or the cache is read-only: at the next build
            return 0
        removed = len(doomed) + len(unpublished)
        doomed.clear()
        unpublished.clear()
        return removed

    def _note(
        self, site: str, uri: str, placement: Placement, made: set[Entry], doomed: set[Entry], unpublished: set[str]
    ) -> None:
        """Record one placement of a build, and doom the versions of it that `keep` newer ones replaced, and the
        published files it no longer has (a video turned off, captions turned off)."""
        entries = set(placement.entries)
        self._in_use[(site, uri)] = entries
        self._sources.setdefault((site, uri), set()).update(placement.sources)
        self._dialogues.setdefault((site, uri), set()).update(placement.dialogues)
        # its files as this build published them: one an earlier build published that this one does not (its MP4,
        # `video: true` turned off under `mkdocs serve`) stayed in the published folder until `cache prune`. A run
        # publishing into a folder of the user's (`render --out`) names none, and takes nothing away
        if published := set(placement.published):
            dropped = self._published.get((site, uri), set()) - published
            unpublished.update(dropped)
            self._withdrawn.setdefault(site, set()).update(dropped)
            self._published[(site, uri)] = published
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

    def _drop_gone(self, site: str, placed: Collection[str], doomed: set[Entry], unpublished: set[str]) -> None:
        """Forget the placements of `site` the run did not make (`placed`: audio URIs) whose every page, or on a
        site being served every dialogue file, is gone, dooming what this process made for them and their
        published files. A page a `--dirty` build did not read keeps its file (and its dialogue file) and stays; a
        dialogue file's audio stays while the file is there, whichever pages link it."""
        gone = [
            placement
            for placement, sources in self._sources.items()
            if placement[0] == site
            and placement[1] not in placed
            and (_all_gone(sources) or (site in self._served and _all_gone(self._dialogues.get(placement, ()))))
        ]
        for placement in gone:
            self._in_use.pop(placement, None)
            del self._sources[placement]
            self._dialogues.pop(placement, None)
            unpublished.update(self._published.pop(placement, ()))
            for entry in self._made.pop(placement, ()):
                heirs = [other for other, used in self._in_use.items() if entry in used]
                for heir in heirs:  # the renamed page's: it goes once its own edits replace it
                    if entry not in (history := self._made.setdefault(heir, [])):
                        history.append(entry)
                if not heirs:
                    doomed.add(entry)


def _all_gone(sources: Collection[Source]) -> bool:
    """Whether there are `sources` and every one is gone (none recorded proves nothing)."""
    return bool(sources) and all(source.gone() for source in sources)


def _two_files(one: str, other: str) -> bool:
    """Whether two paths that differ in case alone are two files: their folder lists both names (where case is
    ignored it lists one, and removing either name would remove the other's file). Not by inode: a published
    file may be a hard link of the cache's, as its new name's is."""
    folder = os.path.dirname(one)
    if folder != os.path.dirname(other):
        return False
    try:
        names = set(os.listdir(folder))
    except OSError:
        return False
    return os.path.basename(one) in names and os.path.basename(other) in names


#: The process's record (`mkdocs serve` builds with a new plugin and session at each rebuild).
SUPERSEDED = Superseded()
