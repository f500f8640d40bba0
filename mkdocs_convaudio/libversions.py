"""Versions of installed libraries and of this package's code, for memo keys: worked out once, then remembered."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store.memo import Memo

#: Where answers are kept between builds (a memo in the cache folder), and under what stamp (see `remember_in`).
_memo: Memo | None = None
_stamp = ""


def remember_in(memo: Memo | None) -> None:
    """Keep the answers of `remembered` in `memo`, under `environment_stamp()`: a build then reads no library's
    metadata and no source file to name versions, until a file they come from changes."""
    global _memo, _stamp
    _memo, _stamp = memo, environment_stamp() if memo is not None else ""


def remembered(name: str, compute: Callable[[], str]) -> str:
    """`compute()`, remembered between builds (see `remember_in`) as `name`."""
    if _memo is None:
        return compute()
    key = f"{_stamp}:{name}"
    value = _memo.get(key)
    if not isinstance(value, str):
        value = compute()
        _memo.put(key, value)
    return value


@cache
def library_version(name: str) -> str:
    """The installed version of distribution `name`, or `-` when it is not installed."""
    return remembered(f"library {name}", lambda: _read_version(name))


def _read_version(name: str) -> str:
    """Read from the `Version:` line of its metadata file: `importlib.metadata.version` parses the whole file as
    an e-mail message (~0.2 ms a library, paid by every build for the memo keys)."""
    try:
        distribution = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return "-"
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO") or ""
    for line in text.splitlines():
        if line.startswith("Version:"):
            return line[len("Version:") :].strip()
        if not line:  # the headers end at the first blank line
            break
    return distribution.version or "-"


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """The name, size and modification time of every source file of this package: what a page's plan and
    player come from. Any edit or reinstall changes it, so a remembered plan never outlives the code."""
    return source_fingerprint(Path(__file__).resolve().parent)


def source_fingerprint(root: Path) -> str:
    """A digest of the name, size and modification time of each source file under `root`."""
    seen: list[tuple[str, int, int]] = []
    # `os.scandir` gives each name with its folder's path already joined (`os.walk` plus `relpath` cost about a
    # millisecond of every warm build)
    folders = [(str(root), "")]
    while folders:
        folder, relative = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, f"{relative}{entry.name}/"))
                elif entry.name.endswith((".py", ".json", ".js", ".css")):
                    info = entry.stat()
                    seen.append((relative + entry.name, info.st_size, info.st_mtime_ns))
    return hashlib.sha256(repr(sorted(seen)).encode("utf-8", "surrogatepass")).hexdigest()


def environment_stamp() -> str:
    """This package's files (`package_fingerprint`), the Python version, and the inode and modification time of
    every folder of installed distributions on the import path: installing, removing or upgrading a library
    changes its folder (its metadata folder is made or removed there), and editing this package changes a file's
    stamp. Other folders on the path (the project's own, whose time changes with every file saved there) hold no
    library's metadata."""
    folders: list[tuple[str, int, int]] = []
    for entry in sys.path:
        if os.path.basename(entry.rstrip("/\\")) not in ("site-packages", "dist-packages"):
            continue
        try:
            info = os.stat(entry or ".")
        except OSError:
            continue
        folders.append((entry, info.st_ino, info.st_mtime_ns))
    payload = repr([package_fingerprint(), sys.version, folders])
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]
