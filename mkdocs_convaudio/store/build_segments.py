"""The segment store as each conversation of one build sees it.

Conversations that share a segment (the same lines at the same places: a recurring sign-off, posts written from one
template) share its entries in the cache, and a conversation's gain keeps a level the store holds its segments at
(`stream.kept_gain`). Seen live, another conversation's level made in the same build let the order in which threads
finished set the gain: the same cold build of a blog gave a German talk three different MP3s (-16.0, -16.12 and
-16.2 LUFS, review r-upgrade), however the machine was loaded. So during a build each conversation sees the cache
as it was before the build, plus what it wrote itself; what the build's other conversations make is hidden from it,
and the levels they end at are pruned together once all are made (`finish`), so none removes a level another is
still reading.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cache import AudioCache


class BuildSegments:
    """One build's segment writes, by conversation; `view(key)` is the store conversation `key` assembles with."""

    def __init__(self, cache: AudioCache) -> None:
        self.cache = cache
        self._lock = threading.Lock()
        #: segment files this build created, and the conversations that wrote each
        self._made: dict[Path, set[str]] = {}
        #: per segment content, the files the build's conversations ended at (`keep_only`)
        self._kept: dict[str, set[Path]] = {}

    def view(self, owner: str) -> SegmentView:
        return SegmentView(self, owner)

    def visible(self, path: Path, owner: str) -> bool:
        with self._lock:
            writers = self._made.get(path)
        return writers is None or owner in writers

    def wrote(self, path: Path, owner: str) -> None:
        """Record that `owner` is about to write `path` (one the cache held before the build is no one's)."""
        with self._lock:
            if path in self._made:
                self._made[path].add(owner)
            elif not self.cache.check_path(path).exists():
                self._made[path] = {owner}

    def keep(self, content: str, path: Path) -> None:
        with self._lock:
            self._kept.setdefault(content, set()).add(path)

    def finish(self) -> None:
        """Remove every segment at a level none of the build's conversations ended at (see `AudioCache.keep_only`):
        the same whichever conversation finished first."""
        with self._lock:
            kept, self._kept = self._kept, {}
        for content, paths in sorted(kept.items()):
            for level in self.cache.segment_gains(content):
                if (path := self.cache.segment_path(content, *level)) not in paths:
                    self.cache.discard(path)


class SegmentView:
    """The cache's segments (a `stream.SegmentStore`) as one conversation of the build sees them: those the cache
    held before the build and those it wrote."""

    def __init__(self, build: BuildSegments, owner: str) -> None:
        self.build = build
        self.cache = build.cache
        self.owner = owner

    def segment_gains(self, content: str) -> list[tuple[float, float]]:
        return [
            level
            for level in self.cache.segment_gains(content)
            if self.build.visible(self.cache.segment_path(content, *level), self.owner)
        ]

    def get_segment(self, content: str, gain_db: float, ceiling_db: float) -> tuple[bytes, int] | None:
        if not self.build.visible(self.cache.segment_path(content, gain_db, ceiling_db), self.owner):
            return None
        return self.cache.get_segment(content, gain_db, ceiling_db)

    def put_segment(
        self, content: str, gain_db: float, ceiling_db: float, data: bytes | bytearray, frames: int
    ) -> None:
        self.build.wrote(self.cache.segment_path(content, gain_db, ceiling_db), self.owner)
        self.cache.put_segment(content, gain_db, ceiling_db, data, frames)

    def keep_only(self, content: str, gain_db: float, ceiling_db: float) -> None:
        """Deferred to the end of the build (`BuildSegments.finish`)."""
        self.build.keep(content, self.cache.segment_path(content, gain_db, ceiling_db))

    def probed(self, key: str) -> tuple[float, float] | None:
        return self.cache.probed(key)

    def remember_probe(self, key: str, loss: float, overshoot: float) -> None:
        self.cache.remember_probe(key, loss, overshoot)

    def level_loss(self, content: str, gain_db: float, ceiling_db: float, true_peak: float) -> float | None:
        if not self.build.visible(self.cache.segment_path(content, gain_db, ceiling_db), self.owner):
            return None
        return self.cache.level_loss(content, gain_db, ceiling_db, true_peak)

    def remember_level_loss(
        self, content: str, gain_db: float, ceiling_db: float, loss: float, true_peak: float
    ) -> None:
        self.cache.remember_level_loss(content, gain_db, ceiling_db, loss, true_peak)
