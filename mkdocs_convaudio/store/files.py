"""Files on disk: written atomically, and published into the site by hard link or copy."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside `final` that replaces it only once fully written: a killed build leaves
    a stray `.tmp` file at worst, never an entry a later build would trust."""
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


def publish(source: Path, target: Path) -> None:
    """Put a cache entry where the site build copies it from: a hard link when possible, atomically."""
    if target.exists() and os.path.samefile(source, target):
        return
    with atomic_path(target) as temp:
        temp.unlink()
        try:
            os.link(source, temp)
        except OSError:
            shutil.copyfile(source, temp)
