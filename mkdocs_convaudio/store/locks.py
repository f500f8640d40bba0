"""Locks between builds that share one cache folder: one per cache key, and one for the whole cache."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import filelock

from ..errors import ConvaudioError
from .files import write_failure

#: How long a build waits for another build's work on one key (a cloud request with all its retries).
KEY_TIMEOUT = 900.0


class CacheLocks:
    """OS file locks (`filelock`) under `<cache>/locks/`: the kernel releases them when a process dies, so a
    killed build never leaves a lock that blocks the next one. The lock files themselves stay (empty, harmless)."""

    def __init__(self, cache_root: Path) -> None:
        self.root = cache_root / "locks"

    def key_path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.lock"

    @contextlib.contextmanager
    def key(self, key: str, *, wait: bool = True, timeout: float = KEY_TIMEOUT) -> Iterator[bool]:
        """Hold `key`'s lock: yields True when held, False when `wait` is off and another process holds it."""
        path = self.key_path(key)
        lock = filelock.FileLock(path, timeout=timeout if wait else 0, thread_local=False)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except filelock.Timeout:
            if not wait:
                yield False
                return
            raise ConvaudioError(
                f"another build has held the cache lock {path} for {timeout:.0f} s; if no other build is running, "
                "delete that file and build again"
            ) from None
        except OSError as error:  # a read-only or full cache folder (Timeout is an OSError too: handled above)
            raise write_failure(path, error, "cache lock") from None
        try:
            yield True
        finally:
            lock.release()

    def _cache_lock(self) -> filelock.ReadWriteLock:
        self.root.mkdir(parents=True, exist_ok=True)
        return filelock.ReadWriteLock(self.root / "cache.db", is_singleton=False)

    @contextlib.contextmanager
    def building(self) -> Iterator[None]:
        """Held (shared) by every build while it reads and writes entries: builds run side by side, while
        `cache prune` and `cache verify` wait until no build is running."""
        try:
            lock = self._cache_lock()
            lock.acquire_read()
        except (OSError, sqlite3.Error):
            # a read-only cache (a restored CI cache, a shared folder): this build writes nothing to it, and
            # nothing can prune it from here either; a build that must write stops on that write, naming it
            yield
            return
        try:
            yield
        finally:
            lock.release()
            lock.close()

    @contextlib.contextmanager
    def maintenance(self, timeout: float) -> Iterator[None]:
        """Exclusive hold for removing entries; waits up to `timeout` seconds for running builds to finish."""
        lock = self._cache_lock()
        try:
            try:
                lock.acquire_write(timeout=timeout)
            except filelock.Timeout:
                raise ConvaudioError(
                    f"a build is using the cache {self.root.parent} (waited {timeout:.0f} s); run this again when "
                    "it has finished, or pass a longer --wait"
                ) from None
            try:
                yield
            finally:
                lock.release()
        finally:
            lock.close()
