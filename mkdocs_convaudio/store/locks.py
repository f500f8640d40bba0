"""Locks between builds that share one cache folder: one per cache key, and one for the whole cache."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import filelock

try:
    import fcntl
except ImportError:  # Windows: filelock's SQLite read-write lock instead
    fcntl = None  # type: ignore[assignment]

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

    def _lock_file(self) -> int:
        """The whole-cache lock file (`locks/cache.lock`), opened for `flock`."""
        self.root.mkdir(parents=True, exist_ok=True)
        return os.open(self.root / "cache.lock", os.O_RDWR | os.O_CREAT, 0o666)

    @contextlib.contextmanager
    def building(self) -> Iterator[None]:
        """Held (shared) by every build while it reads and writes entries: builds run side by side, while
        `cache prune` and `cache verify` wait until no build is running. On POSIX systems an `flock` on one
        file (a system call: a warm build pays no SQLite connection); elsewhere filelock's SQLite lock."""
        if fcntl is None:
            with self._building_elsewhere():
                yield
            return
        try:
            handle = self._lock_file()
        except OSError:
            # a read-only cache (a restored CI cache, a shared folder): this build writes nothing to it, and
            # nothing can prune it from here either; a build that must write stops on that write, naming it
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_SH)
            yield
        finally:
            os.close(handle)  # releases the lock

    @contextlib.contextmanager
    def _building_elsewhere(self) -> Iterator[None]:
        import sqlite3

        try:
            lock = self._cache_lock()
            lock.acquire_read()
        except (OSError, sqlite3.Error):
            yield  # a read-only cache (see `building`)
            return
        try:
            yield
        finally:
            lock.release()
            lock.close()

    @contextlib.contextmanager
    def maintenance(self, timeout: float) -> Iterator[None]:
        """Exclusive hold for removing entries; waits up to `timeout` seconds for running builds to finish."""
        busy = ConvaudioError(
            f"a build is using the cache {self.root.parent} (waited {timeout:.0f} s); run this again when "
            "it has finished, or pass a longer --wait"
        )
        if fcntl is None:
            lock = self._cache_lock()
            try:
                try:
                    lock.acquire_write(timeout=timeout)
                except filelock.Timeout:
                    raise busy from None
                try:
                    yield
                finally:
                    lock.release()
            finally:
                lock.close()
            return
        try:
            handle = self._lock_file()
        except OSError as error:
            raise write_failure(self.root / "cache.lock", error, "cache lock") from None
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise busy from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(handle)


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float) -> Iterator[bool]:
    """An exclusive `flock` on `folder` itself, waited for up to `timeout` seconds (then filelock.Timeout): a lock
    that leaves no file anywhere, for files that live outside the cache (the voice map), whose builds may not share
    one cache folder. Yields False, holding nothing, where a folder cannot be locked so (Windows; a file system
    without `flock`): the caller takes another lock then."""
    handle = None
    if fcntl is not None:
        with contextlib.suppress(OSError):
            handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    if handle is None:
        yield False
        return
    try:
        yield _flock_within(handle, timeout, folder)
    finally:
        os.close(handle)  # releases the lock


def _flock_within(handle: int, timeout: float, folder: Path) -> bool:
    """Take `handle`'s exclusive flock within `timeout` seconds; False when its file system refuses folder locks."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise filelock.Timeout(str(folder)) from None
            time.sleep(0.05)
        except OSError:  # EBADF, ENOLCK: an NFS mount locks files opened for writing only
            return False
