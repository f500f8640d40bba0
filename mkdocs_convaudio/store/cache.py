"""A content-addressed audio cache: lines as FLAC under a hash of what changes their sound, MP3s by recipe."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import soundfile

from ..audio.types import Audio
from .files import atomic_path
from .locks import CacheLocks

CACHE_VERSION = 1


def content_key(payload: dict[str, Any]) -> str:
    """SHA-256 of canonical JSON: the same sound recipe gives the same key on every machine."""
    canonical = json.dumps({"cache_version": CACHE_VERSION, **payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Remote(Protocol):
    """A second copy of the cache elsewhere (see `store/shared.py`), addressed by paths relative to the root."""

    def fetch_many(self, relatives: Iterable[str]) -> set[str]: ...

    def upload(self, relative: str) -> None: ...


class AudioCache:
    """`lines/ab/<key>.flac` holds one synthesized line (lossless); `conversations/<key>.mp3` and `.json` a
    finished conversation and its timings. Keys never contain page paths or secrets.

    Every entry file goes through two hooks: `ensure` (present here, else fetched from the remote; marks the
    entry as used) before reading, and `share` (uploaded to the remote) after writing."""

    def __init__(self, root: Path, remote: Remote | None = None) -> None:
        self.root = root
        self.remote = remote
        self.locks = CacheLocks(root)

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def ensure(self, *paths: Path) -> bool:
        """True when every file is in the local cache, fetching missing ones from the remote first."""
        missing = [path for path in paths if not path.is_file()]
        if missing and self.remote is not None:
            self.remote.fetch_many(self._relative(path) for path in missing)
        if any(not path.is_file() for path in paths):
            return False
        for path in paths:  # the last use, for `mkdocs-convaudio cache stats` and `prune --older-than`
            with contextlib.suppress(OSError):
                os.utime(path)
        return True

    def prefetch(self, paths: Iterable[Path]) -> None:
        """Fetch many entries at once (in parallel), so the checks that follow need no round trips."""
        if self.remote is not None:
            self.remote.fetch_many(self._relative(path) for path in paths if not path.is_file())

    def share(self, *paths: Path) -> None:
        if self.remote is not None:
            for path in paths:
                self.remote.upload(self._relative(path))

    def sweep_temporary(self, older_than: float = 86_400.0) -> int:
        """Delete temporary files a killed build left behind (older than a day: never a running build's)."""
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than
        swept = 0
        for temp in self.root.rglob(".*.tmp"):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
                    swept += 1
        return swept

    def line_path(self, key: str) -> Path:
        return self.root / "lines" / key[:2] / f"{key}.flac"

    def has_line(self, key: str) -> bool:
        return self.ensure(self.line_path(key))

    def get_line(self, key: str) -> Audio | None:
        path = self.line_path(key)
        try:
            samples, rate = soundfile.read(path, dtype="float32", always_2d=False)
        except (FileNotFoundError, soundfile.LibsndfileError, RuntimeError):
            return None
        return Audio(np.asarray(samples, dtype=np.float32), int(rate))

    def put_line(self, key: str, audio: Audio) -> None:
        with atomic_path(self.line_path(key)) as temp:
            soundfile.write(temp, audio.samples, audio.rate, format="FLAC", subtype="PCM_24")
        self.share(self.line_path(key))

    def conversation_mp3(self, key: str) -> Path:
        return self.root / "conversations" / f"{key}.mp3"

    def conversation_timings(self, key: str) -> Path:
        return self.root / "conversations" / f"{key}.json"

    def conversation_paths(self, key: str) -> tuple[Path, Path]:
        return self.conversation_mp3(key), self.conversation_timings(key)

    def video_path(self, key: str) -> Path:
        return self.root / "videos" / f"{key}.mp4"

    def has_conversation(self, key: str) -> bool:
        return self.ensure(*self.conversation_paths(key))

    def read_timings(self, key: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.conversation_timings(key).read_text(encoding="utf-8"))
        return data

    def put_conversation(self, key: str, write_mp3: Callable[[Path], None], timings: dict[str, Any]) -> None:
        """MP3 first, timings last: the timings file marks a complete entry."""
        with atomic_path(self.conversation_mp3(key)) as temp:
            write_mp3(temp)
        with atomic_path(self.conversation_timings(key)) as temp:
            temp.write_text(json.dumps(timings, ensure_ascii=False, indent=1), encoding="utf-8")
        self.share(*self.conversation_paths(key))
