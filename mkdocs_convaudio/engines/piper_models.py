"""Piper models loaded and hashed in this process, kept between builds (a `mkdocs serve` rebuild has a new engine)."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from piper import PiperVoice

#: Models kept loaded between builds besides those the last build used (all of those are kept), the most recently
#: used last: an idle serve holds what its last build used, or this many models (about 60-100 MB each) if more.
KEEP = 4

#: A file as it is on disk: a model replaced, edited or touched is loaded and hashed again.
Stamp = tuple[str, int, int, int, int]


def stamp(path: Path) -> Stamp:
    """`path`'s identity and version: resolved path, inode, size, modification and change times (ns; the change
    time moves at any write, even one whose modification time was put back, as `cp -p` does: review 122)."""
    status = os.stat(path)
    return (str(path.resolve()), status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def sha256_of(path: Path) -> str:
    from ..store.cache import file_digest  # the cache's own hashing, in pieces

    return str(file_digest(path)["sha256"])


class KeptModels:
    """Loaded voices and model checksums by the stamps of their files, shared by every engine of the process.

    Loading a model takes about 0.5 s and hashing its 60 MB about 0.1 s: at each rebuild of `mkdocs serve` that
    was most of a one-line edit's wait (bug bash 116). An engine still loads and hashes each model at most once
    while it runs; what it used is kept after it closes (`settle`)."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self._voices: OrderedDict[tuple[Stamp, Stamp], PiperVoice] = OrderedDict()
        self._checksums: OrderedDict[Stamp, str] = OrderedDict()
        self._lock = threading.Lock()

    def checksum(self, path: Path) -> str:
        """The SHA-256 of `path`, computed once per version of the file."""
        key = stamp(path)
        with self._lock:
            if (known := self._checksums.get(key)) is not None:
                self._checksums.move_to_end(key)
                return known
        computed = sha256_of(path)
        with self._lock:
            self._checksums[key] = computed
            while len(self._checksums) > 4 * self.keep:  # a few strings; bounded all the same
                self._checksums.popitem(last=False)
        return computed

    def voice(self, onnx: Path, config: Path, load: Callable[[], PiperVoice]) -> PiperVoice:
        """The model `onnx` (with its `config`), loaded by `load` unless this version of both is loaded already.
        Callers serialize loads themselves (`PiperEngine.lock`)."""
        key = (stamp(onnx), stamp(config))
        with self._lock:
            if (loaded := self._voices.get(key)) is not None:
                self._voices.move_to_end(key)
                return loaded
        voice = load()
        with self._lock:
            self._voices[key] = voice  # kept through the build: its engine holds it anyway (see `settle`)
        return voice

    def settle(self, used: int) -> None:
        """After a build that used `used` models: keep them all, and older ones up to `keep` (a site of six voices,
        three languages of two, reloaded every model at each rebuild when only four were kept; review 122)."""
        with self._lock:
            while len(self._voices) > max(self.keep, used):
                self._voices.popitem(last=False)

    def loaded(self) -> int:
        """How many models are kept loaded."""
        with self._lock:
            return len(self._voices)


#: The process's models.
KEPT = KeptModels()
