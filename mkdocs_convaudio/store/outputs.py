"""The files of conversations `mkdocs-convaudio render` wrote into its `--out` folder (MP3, timings, captions,
chapters, snippet, video), each with the run that wrote it, recorded in its cache folder: a later run that no longer
writes one (a video or captions turned off, a post renamed or deleted) removes it, and only it.

`--out` is a folder of the user's (a blog's `static/` or `assets/`, holding their own files too), so a run never
removes a file it cannot prove it wrote: one recorded with the stamp it had when written (`file_stamp`: inode, size
and modification time), or, for a video, still a hard link of the cache's video it was published from. A file
replaced since (by the user, or another tool), or written before this record existed, is only named."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ConvaudioError
from .cache import AudioCache
from .files import atomic_path, file_stamp

#: `outputs-memo<tag>.json`: named like a memo file, so that it counts among the files of its runs' tag (see
#: `store.inventory`).
VERSION = 1


def record_path(cache: AudioCache) -> Path:
    return cache.root / f"outputs-memo{cache.memo_tag}.json"


class Outputs:
    """The record of one `--out` folder: each file written there by path below it, with its stamp then and, for a
    video, the cache entry it was published from."""

    def __init__(self, cache: AudioCache, out: Path) -> None:
        self.cache = cache
        self.out = out
        self._key = out.resolve().as_posix()
        self._path = record_path(cache)
        self._held = False

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the record's lock while a run reads it, removes files it names and records its own (`update`): two
        runs into one `--out` read it, removed files and wrote it in turns of their own, so one could remove a file
        the other had just recorded, or record what the other had removed. Best effort, as the record: a cache
        folder that cannot hold a lock runs without it."""
        if self._held:
            yield
            return
        with contextlib.ExitStack() as stack:
            if not (self.cache.root.is_dir() and not os.access(self.cache.root, os.W_OK)):
                with contextlib.suppress(ConvaudioError, OSError):
                    stack.enter_context(self.cache.locks.key("outputs"))
            self._held = True
            try:
                yield
            finally:
                self._held = False

    def owners(self) -> set[str]:
        """The runs (`cli.render_owner`) the record names as writers of files in `--out`."""
        files = self._read_all().get(self._key, {})
        return {entry[2] for entry in files.values() if isinstance(entry, list) and len(entry) == 3}

    def _read_all(self) -> dict[str, Any]:
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(self._path.read_bytes())
            if (
                isinstance(loaded, dict)
                and loaded.get("version") == VERSION
                and isinstance(outs := loaded.get("outs"), dict)
            ):
                return outs
        return {}

    def written_before(self, name: str) -> bool:
        """Whether the file `name` (a path below `--out`) is one a run recorded writing, unchanged since: its stamp
        is the recorded one, or it is still a hard link of the video entry it was published from."""
        entry = self._read_all().get(self._key, {}).get(name)
        if not isinstance(entry, list) or len(entry) not in (2, 3):
            return False
        stamp, source = entry[:2]
        path = self.out / name
        # this run may have marked as used the cache entry the file is a hard link of (a renamed post's MP3 and
        # timings are its new name's too): its stamp before that counts
        if stamp is not None and self.cache.file_stamp_before(file_stamp(path)) == stamp:
            return True
        # a file hard-linked from the cache: marking the entry as used (an hour later, by any build) moves both
        # names' times. Still the file it was only while the entry is as made (its checksum record): `cp my.mp4
        # out/ep1.mp4` writes the user's own into the same file
        if isinstance(source, str) and source:
            with contextlib.suppress(OSError):
                entry = self.cache.root / source
                if not os.path.samefile(path, entry):
                    return False
                if name.endswith(".mp4"):
                    return self.cache.video_as_made(entry)
                # the size alone let a file changed in place at the same size pass (review r-render4)
                return (
                    stamp is not None
                    and os.stat(path).st_size == stamp[1]
                    and self.cache.conversation_file_as_made(entry)
                )
        return False

    def owned(self, owner: str) -> list[str]:
        """The files recorded as written by the run `owner` (see `update`), by path below `--out`: the files of
        videos and captions recorded before runs were named are no run's."""
        files = self._read_all().get(self._key, {})
        return sorted(
            name
            for name, entry in files.items()
            if isinstance(entry, list)
            and len(entry) == 3
            and entry[2] == owner
            # only a name below `--out` (one from a symbolic link's target, `../talks/x.html`, is another's)
            and not PurePosixPath(name).is_absolute()
            and ".." not in PurePosixPath(name).parts
        )

    def update(self, written: Mapping[str, Path | None], removed: Iterable[str], owner: str | None = None) -> None:
        """Record the files this run wrote (`written`: path below `--out`, and the cache entry a video was
        published from), as the run `owner`'s (its kind and what it was given: see `cli.render_owner`), and forget
        those it `removed` and those gone from `--out`. The other files recorded stay (another run may write into
        the same `--out`). Best effort: a cache folder that cannot be written keeps no record, and nothing is
        removed later (the file is named instead)."""
        if self.cache.root.is_dir() and not os.access(self.cache.root, os.W_OK):
            return
        with contextlib.suppress(Exception), self.held():
            outs = self._read_all()
            before = outs.get(self._key)
            gone = set(removed)
            files = {
                name: entry
                for name, entry in outs.get(self._key, {}).items()
                if name not in gone and name not in written and (self.out / name).is_file()
            }
            for name, source in written.items():
                relative = None
                if source is not None:
                    with contextlib.suppress(ValueError):
                        relative = source.resolve().relative_to(self.cache.root.resolve()).as_posix()
                files[name] = [file_stamp(self.out / name), relative] + ([owner] if owner is not None else [])
            if files:
                outs[self._key] = files
            else:
                outs.pop(self._key, None)
            if outs.get(self._key) == before:
                return
            data = json.dumps({"version": VERSION, "outs": outs}, indent=1, sort_keys=True, ensure_ascii=False)
            with atomic_path(self._path, "cache memo") as temp:
                temp.write_text(data, encoding="utf-8")
