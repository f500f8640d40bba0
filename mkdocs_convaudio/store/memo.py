"""A small persistent memo (one JSON file in the cache folder): work a warm build need not do again."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path
from typing import Any

from .files import atomic_path

#: Keys used by the builds of this process, by memo file, with the round (the memo's opening) that last used each:
#: several builds in one process share a memo file (mkdocs-static-i18n builds each language in turn), and one must
#: not drop what another one uses; but `mkdocs serve` rebuilds on every save, so only the last `ROUNDS` openings
#: count (a memo keeps what the last ten languages, or the last few saves, used).
_used_in_process: dict[str, dict[str, int]] = {}
_rounds: dict[str, int] = {}
ROUNDS = 12
#: Entries a save of this process left out, by memo file and version, with the round that left them out. A save
#: knows only what the builds before it used: under mkdocs-static-i18n, the first language's save drops the other
#: languages' entries from the file, and their builds, later in the same process, find them here.
_left_out: dict[tuple[str, str], dict[str, tuple[int, Any]]] = {}
#: Each memo file's table as this process first read it in a copied cache folder (see `mark_copied`).
_copied: dict[str, dict[str, Any]] = {}


class Memo:
    """A string-keyed table loaded once per build and written back (atomically) only when it changed.

    It only ever saves work: a missing, unreadable or concurrently overwritten memo means the work is done
    again, never a wrong result (callers key entries by everything the value depends on)."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self._table: dict[str, Any] | None = None
        self._round = _rounds[str(path)] = _rounds.get(str(path), 0) + 1
        self._used = _used_in_process.setdefault(str(path), {})
        self._left_out = _left_out.setdefault((str(path), version), {})
        self._restored: set[str] = set()  # entries taken from `_left_out`: written back once used
        self._in_file: dict[str, Any] = {}  # the table as the file held it (without what `_left_out` brought back)
        self._changed = False
        self._loading = threading.Lock()

    def _load(self) -> dict[str, Any]:
        if self._table is None:
            with self._loading:  # the assembly's worker threads ask too (verified files, probes)
                if self._table is None:
                    self._table = self._read()
        return self._table

    def _read(self) -> dict[str, Any]:
        """The table in the file, with the entries an earlier save of this process left out (see `_left_out`)."""
        loaded: Any = None
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(self.path.read_bytes())
        ok = isinstance(loaded, dict) and loaded.get("version") == self.version
        table: dict[str, Any] = loaded["memo"] if ok and isinstance(loaded.get("memo"), dict) else {}
        self._in_file = table
        since = self._round - ROUNDS
        for key, (left, value) in self._left_out.items():
            if left > since and key not in table:
                if table is self._in_file:
                    table = dict(table)  # what the file holds stays apart (see `mark_copied`)
                table[key] = value
                if self._used.get(key, since) > since:  # used in this process since that save: written back
                    self._changed = True
                else:
                    self._restored.add(key)
        return table

    def get(self, key: str) -> Any:
        # `_load` and `_use` written out: a warm build of 200 audio posts asks thousands of these
        table = self._table
        value = (self._load() if table is None else table).get(key)
        if value is not None:
            self._used[key] = self._round
            if self._restored and key in self._restored:
                self._use(key)
        return value

    def _use(self, key: str) -> None:
        self._used[key] = self._round
        if self._restored and key in self._restored:
            self._restored.discard(key)
            self._changed = True  # the file lacks it now: the next process would work it out again

    def peek(self, key: str) -> Any:
        """`get` without counting `key` as used: what a build reads only to make another entry from is not
        kept for that alone."""
        return self._load().get(key)

    def touch(self, key: str) -> None:
        """Count `key` as used by this build without reading the memo (it is kept when the memo is saved)."""
        self._use(key)

    def mark_copied(self) -> None:
        """Keep the table as the file held it, in a cache folder found to be a copy: what `copied` compares (not
        the records this process kept from before the copy, see `_left_out`)."""
        self._load()
        _copied[str(self.path)] = dict(self._in_file)

    def copied(self, key: str, value: Any) -> bool:
        """Whether `value` is the very record the copied folder brought for `key` (not one any build, of this
        process or another, wrote since the copy)."""
        return value is not None and _copied.get(str(self.path), {}).get(key) == value

    def put(self, key: str, value: Any) -> None:
        table = self._table
        if table is None:
            table = self._load()
        self._used[key] = self._round
        if self._restored and key in self._restored:
            self._use(key)
        if table.get(key) != value:
            table[key] = value
            self._changed = True

    def save(self) -> None:
        """Write the memo back when it changed, keeping only the entries used by this process's builds (it never
        grows past one site's worth); those left out stay in `_left_out` for this process's later builds. A
        read-only or full cache folder just means no memo next time."""
        since = self._round - ROUNDS
        if self._table is None and any(self._used.get(key, since) > since for key in self._left_out):
            self._load()  # a build that only touched entries an earlier save left out: they are written back
        if not self._changed or self._table is None:
            return
        for key in [key for key, used in self._used.items() if used <= since]:
            del self._used[key]  # `mkdocs serve` runs for hours: only the last ROUNDS openings count
        kept = {key: value for key, value in self._table.items() if self._used.get(key, since) > since}
        left_out = self._left_out
        for key in [key for key, (left, _) in left_out.items() if left <= since or key in kept]:
            del left_out[key]
        for key, value in self._table.items():
            if key not in kept:
                self._restored.add(key)  # the file lacks it now: a use later in this build writes it back
                if key not in left_out:  # one left out before keeps its round: it ages
                    left_out[key] = (self._round, value)
        data = json.dumps({"version": self.version, "memo": kept}, separators=(",", ":"), ensure_ascii=False)
        with contextlib.suppress(Exception), atomic_path(self.path, "cache memo") as temp:
            temp.write_text(data, encoding="utf-8")
        self._changed = False
