"""A content-addressed, verified audio cache: lines as FLAC, conversations as MP3 + timings, each with a checksum."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConvaudioError
from ..utf8 import utf8
from .files import (
    atomic_path,
    entry_stamp,
    publish,
    read_failure,
    settled,
    unreadable_folder,
    write_bytes,
    write_failure,
)
from .locks import CacheLocks
from .memo import Memo

if TYPE_CHECKING:  # numpy and soundfile are imported where audio is read or written: warm builds need neither
    from ..audio.figures import LineFigures
    from ..audio.types import Audio

CACHE_VERSION = 1

#: Suffix of the record written beside every entry: checksums, sizes and decoded lengths.
CHECK_SUFFIX = ".check"

#: The trusted memo's entry for the cache folder its stamps were taken in: the device, inode and change time of
#: its marker file (see `AudioCache._relocated`).
ROOT_KEY = "cache folder"

#: An entry's last use is recorded (its modification time set to now) at most this often: a warm build
#: leaves unchanged entries' times alone, so the verified-checksum memo can trust them.
TOUCH_EVERY = 3_600.0

#: A file changed within this many nanoseconds of being looked at is not remembered as verified: file times
#: come from a clock that ticks every few milliseconds, so a write right after the look could keep its times.
RACY_NS = 100_000_000


def content_key(payload: dict[str, Any]) -> str:
    """SHA-256 of canonical JSON: the same sound recipe gives the same key on every machine."""
    canonical = json.dumps({"cache_version": CACHE_VERSION, **payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(utf8(canonical)).hexdigest()


def digest(data: bytes | bytearray) -> dict[str, Any]:
    """What a check record holds for one file: its SHA-256 and size."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def file_digest(path: Path) -> dict[str, Any]:
    """`digest` of a file, read in pieces (a two-hour MP3 is 60 MB: never held whole)."""
    with path.open("rb") as handle:
        checksum = hashlib.file_digest(handle, "sha256")
    return {"sha256": checksum.hexdigest(), "bytes": path.stat().st_size}


SECOND_NS = 1_000_000_000


#: What a copy may have cut a modification time to: microseconds, milliseconds (tools on Java or Node.js's
#: `fs.utimes`), seconds (GNU tar's default format, zip files).
TIME_UNITS_NS = (1_000, 1_000_000, SECOND_NS)


def _same_copy(recorded: list[int], current: list[int]) -> bool:
    """Whether a file of a copied cache folder is the one a memo recorded: the same size and modification
    time, or that time cut to one of `TIME_UNITS_NS` (an archive that keeps coarser times)."""
    if len(recorded) < 3 or not all(type(value) is int for value in recorded[:3]):
        return False  # another shape (a hand edit, another version's record): compared in full
    if recorded[1] != current[1]:
        return False
    old, new = recorded[2], current[2]
    return old == new or any(new % unit == 0 and old // unit == new // unit for unit in TIME_UNITS_NS)


#: Cache folders this process found to be copies (see `AudioCache._relocated`), with their marker's stamp then.
_relocated_in_process: dict[str, list[int]] = {}


#: The cache's own folders that every build looks into (`locks/` is not one: a build without it still works).
_LOOKED_INTO = ("lines", "conversations", "segments", "videos")
#: What a cache folder a build makes holds first (as pytest's and mypy's caches do): a `git add -A` in CI committed
#: the new cache's locks and memos. Its name starts with a dot, so no cache command takes it for an entry.
GITIGNORE = "# made by mkdocs-convaudio: the audio cache is made again by a build, not committed\n*\n"


def _check_readable(root: Path) -> None:
    """Stop with what to do when the cache folder, or a folder of it a build looks into, exists but this user may
    not read it (a CI cache restored by another user with umask 077): every look inside would fail with a
    traceback. Other folders (a volume's `lost+found`, another tool's) are none of the build's business."""
    if problem := unreadable_folder(root, root):
        raise problem
    with contextlib.suppress(FileNotFoundError, NotADirectoryError), os.scandir(root) as entries:
        for entry in entries:
            if entry.name not in _LOOKED_INTO and not entry.name.startswith("site"):
                continue
            if entry.is_dir() and (problem := unreadable_folder(Path(entry.path), root)):
                raise problem


def _read_entry(path: Path) -> bytes:
    """An entry's bytes; one this user may not read is a `ReadError` (see `read_failure`), not damage."""
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise read_failure(path, error, root=_cache_root_of(path)) from None


def _cache_root_of(path: Path) -> Path:
    """The cache folder an entry is in (`<root>/lines/ab/<key>.flac`, `<root>/conversations/<key>.mp3`)."""
    return next((parent.parent for parent in path.parents if parent.name in _LOOKED_INTO), path.parent)


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one entry: usable, absent, or damaged (`reason` says how; it was discarded)."""

    ok: bool
    reason: str = ""

    @property
    def bad(self) -> bool:
        return not self.ok and bool(self.reason)


OK = Verdict(True)
MISSING = Verdict(False)


class Remote(Protocol):
    """A second copy of the cache elsewhere (see `store/shared.py`), addressed by paths relative to the root."""

    display: str  # its address for messages, without credentials
    available: bool  # False once it could not be reached in this build
    labels: dict[str, str]  # what objects are for (a post's line), by relative path, named in its warnings

    def fetch_many(self, relatives: Iterable[str]) -> set[str]: ...

    def look_again(self, relatives: Iterable[str]) -> set[str]: ...

    def upload(self, relative: str, *, optional: bool = False) -> bool: ...

    def claim(self, relative: str, *, take_over: bool = False) -> bool: ...

    def claimed_elsewhere(self, relative: str) -> bool: ...

    def release(self, relative: str) -> None: ...


class AudioCache:
    """`lines/ab/<key>.flac` holds one synthesized line (lossless), `lines/ab/<key>.<rate>.json` its figures
    (speech bounds, loudness energies, true peaks: see `audio/figures.py`); `conversations/<key>.mp3` and `.json` a
    finished conversation and its timings. Each entry has a `.check` record (SHA-256, size and, for audio,
    the decoded length) written after it: an entry without a matching record is never used or published.
    Keys never contain page paths or secrets.

    Every entry file (and its record) goes through two hooks: `ensure` (present here, else fetched from the
    remote; marks the entry as used) before it is checked, and `share` (uploaded to the remote) after writing."""

    def __init__(self, root: Path, remote: Remote | None = None, *, memo_tag: str = "") -> None:
        self.root = root
        _check_readable(root)
        self.memo_tag = memo_tag  # in the memo files' names (see `build.memo_tag`)
        self._conversations = os.path.join(root, "conversations")  # a string: joined once per entry and build
        self.remote = remote
        self.locks = CacheLocks(root)
        #: Entries verified in this build, by (path, size, inode): checked once, not on every look (the
        #: modification time is no help: marking an entry as used touches it).
        self._verified: set[tuple[str, int, int]] = set()
        #: Conversations found complete and intact in this build (checked once per build, not once per look),
        #: with the stamps their MP3 and timings had then.
        self._conversations_ok: dict[str, list[list[int] | None]] = {}
        #: ... and, for those this build marked as used, the stamps they had before (see `stamps_before`).
        self._earlier: dict[str, list[list[int] | None]] = {}
        self._untouched: dict[int, list[int]] = {}  # by inode
        #: Conversations made, or verified, in this build while their files were too fresh to be remembered by
        #: their stamps (see `RACY_NS`): `settle_fresh` checks them once more when the memos are saved.
        self._fresh: set[str] = set()
        #: Entries verified by earlier builds, by path: [inode, size, mtime_ns, ctime_ns, sha256]. A file whose
        #: inode, size and both times are unchanged still has the checksum it had (any write changes its
        #: ctime), so a warm build hashes none of its MP3s.
        self.verified_memo = Memo(root / f"verified-memo{memo_tag}.json", f"{CACHE_VERSION}")
        #: Conversations verified by earlier builds, by key: the stamps of their MP3, timings and check record
        #: then (see `trusted_conversation`). A memo of its own: a warm build reads this one only.
        self.trusted_memo = Memo(root / f"trusted-memo{memo_tag}.json", f"{CACHE_VERSION}")
        #: What assembly probes measured (see `probed`): made here, not on first use, because the assembly's
        #: worker threads are the first to ask for it.
        self.probes_memo = Memo(root / f"probes-memo{memo_tag}.json", "1")
        self._memos: dict[str, Memo] = {
            "verified": self.verified_memo,
            "trusted": self.trusted_memo,
            "probes": self.probes_memo,
        }
        self._root_made = False  # see `make_root`
        #: Files hashed, and check records read, by this cache object (tests count them).
        self.hashed = 0
        self.records_read = 0
        #: Segments of MP3s this cache object stored: what a build stopped during its assembly says it kept.
        self.segments_stored = 0
        self._segments_lock = threading.Lock()  # stored by the assembly's worker threads
        #: The wall clock in nanoseconds (injectable: see RACY_NS).
        self.clock_ns: Callable[[], int] = time.time_ns
        #: How `settle_fresh` waits for that clock to move on, in seconds (injectable with it).
        self.sleep: Callable[[float], None] = time.sleep
        #: Whether this build found the folder to be a copy (its memos keep the tables the copy brought)...
        self._found_copy = False
        #: ... or an earlier build of this process did: then the records the copy brought are compared by size and
        #: time (see `same_stamps`).
        self.relocated = self._relocated()

    def _relocated(self) -> bool:
        """Whether the cache folder is a copy of the one the memos were written in (a CI cache restored from an
        archive, a folder copied with its times): every file then has another inode and change time, but an
        unchanged one keeps its size and modification time, which is what `same_stamps` then compares.

        Told by a marker file written once and never again (`folder-id`): a copy of it has another change time,
        even where the file system gives it the inode the original had."""
        marker = self.root / "folder-id"
        created = False
        try:
            if not marker.exists() and self.root.is_dir():
                with atomic_path(marker, "cache folder marker") as temp:
                    temp.write_text(os.urandom(8).hex() + "\n", encoding="utf-8")
                created = True
            info = marker.stat()
        except (OSError, ConvaudioError):
            return False  # a read-only or missing folder: compared in full
        here = [info.st_dev, info.st_ino, info.st_ctime_ns]
        recorded = self.trusted_memo.get(ROOT_KEY)
        self.trusted_memo.put(ROOT_KEY, here)
        if not isinstance(recorded, list):  # no memo (deleted, or never written): nothing is relaxed
            _relocated_in_process.pop(str(self.root), None)
            return False
        # a marker written just now tells nothing (a copy has one: it was deleted here): compared in full
        if not created and recorded != here:
            _relocated_in_process[str(self.root)] = here
            self._found_copy = True
            self.trusted_memo.mark_copied()
            return True
        # a later build of the same process (the next language of mkdocs-static-i18n): the first one recorded
        # the marker, but the other languages' entries still have the stamps of the folder copied
        return _relocated_in_process.get(str(self.root)) == here

    def same_stamps(
        self, recorded: Any, current: list[list[int] | None], copied: int | None = None, *, from_copy: bool = False
    ) -> bool:
        """Whether files still have the stamps a memo recorded for them: all of it, or, for a record the copied
        folder brought (`from_copy`: see `Memo.copied`) in a relocated cache (see `_relocated`), their size and
        modification time. A record written since the copy holds this folder's stamps and is compared in full
        (a write in place that puts the time back is caught). Only the first `copied` files (all by default)
        are in the cache folder; the others were not copied with it and are compared in full."""
        if recorded == current:
            return True
        if not (self.relocated and from_copy):
            return False
        if not isinstance(recorded, list) or len(recorded) != len(current):
            return False
        copied = len(current) if copied is None else copied
        return recorded[copied:] == current[copied:] and all(
            (old is None and new is None) or (isinstance(old, list) and new is not None and _same_copy(old, new))
            for old, new in zip(recorded[:copied], current[:copied], strict=True)
        )

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def ensure(self, *paths: Path) -> bool:
        """True when every file is in the local cache, fetching missing ones from the remote first."""
        missing = [path for path in paths if not path.is_file()]
        if missing and self.remote is not None:
            self.remote.fetch_many(self._relative(path) for path in missing)
        if any(not path.is_file() for path in paths):
            return False
        now = time.time()
        stale: list[str] = []
        for path in paths:  # the last use, for `mkdocs-convaudio cache stats` and `prune --older-than`
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < now - TOUCH_EVERY:  # to the hour: see TOUCH_EVERY
                    stale.append(str(path))
        self._mark_used(stale)  # just past the racy window: what is verified next can be remembered at once
        return True

    def memo(self, name: str, version: str, *, stamps: bool = False) -> Memo:
        """A persistent memo kept in the cache folder (`<name>-memo.json`), saved by `save_memo`. One whose records
        hold files' stamps (compared with `same_stamps`) keeps the table a copied folder brought (`stamps`)."""
        if name not in self._memos:
            memo = self._memos[name] = Memo(self.root / f"{name}-memo{self.memo_tag}.json", version)
            if stamps and self._found_copy:
                memo.mark_copied()
        return self._memos[name]

    def make_root(self) -> None:
        """Make the cache folder, before a build's first write into it, with a `.gitignore` that leaves all of it
        out of git (`GITIGNORE`). Only a folder made here gets one: a folder that is there already (an older
        cache, a folder of the user's given as `cache_dir`) is left as it is. A folder that cannot be made is
        reported by the write that needs it."""
        if self._root_made:
            return
        self._root_made = True
        try:
            self.root.mkdir(parents=True)
        except OSError:  # there already (another build may have just made it), or not writable
            return
        with contextlib.suppress(OSError), open(self.root / ".gitignore", "x", encoding="utf-8") as file:
            file.write(GITIGNORE)

    def save_memo(self, *, settle: bool = True) -> None:
        """Keep what this build verified and worked out for the next one (see `verified_memo`); with `settle`,
        remember the entries made just now once they settle (`settle_fresh`): only once they are published,
        since a hard link into the site changes their stamps (see `entry_stamp`)."""
        self.make_root()
        if settle:
            self.settle_fresh()
        for memo in self._memos.values():
            memo.save()

    def prefetch(self, paths: Iterable[Path]) -> None:
        """Fetch many entries (and their check records) at once, in parallel, so the checks that follow need no
        round trips."""
        self.prefetch_files(item for path in paths for item in (path, self.check_path(path)))

    def for_remote(self, path: Path, what: str) -> Path:
        """`path`, an entry whose check record goes with it: what it is for (a post's line) is told to the shared
        cache, whose warnings about its objects (a corrupt one) then name it."""
        if self.remote is not None:
            for item in (path, self.check_path(path)):
                self.remote.labels[self._relative(item)] = what
        return path

    def prefetch_files(self, paths: Iterable[Path]) -> None:
        """`prefetch` of exactly these files (those the local cache lacks): a conversation's, whose timings have
        no check record of their own (`conversation_files`)."""
        if self.remote is not None:
            wanted = [path for path in paths if not path.is_file()]
            self.remote.fetch_many(self._relative(path) for path in wanted)

    def share(self, *paths: Path, optional: bool = False) -> None:
        """Upload new entry files to the shared cache; `optional` ones (made again from shared entries without a
        request to the engine, see `SharedStore.upload`) cost an INFO line, not a warning, when refused."""
        if self.remote is not None:
            for path in paths:  # in order (an entry's record last): after a failure, the rest would be no entry
                if not self.remote.upload(self._relative(path), optional=optional):
                    return

    def sweep_temporary(self, older_than: float = 86_400.0) -> int:
        """Delete temporary files a killed build left behind (older than a day: never a running build's).
        The whole cache folder is scanned at most once per `older_than` (the time is kept in a stamp file)."""
        if not self.root.is_dir():
            return 0
        now = time.time()
        stamp = self.root / "swept"
        with contextlib.suppress(OSError):
            if stamp.stat().st_mtime > now - older_than:
                return 0
        with contextlib.suppress(OSError):
            stamp.touch()
        cutoff = now - older_than
        swept = 0
        with contextlib.suppress(OSError):
            for temp in self.root.rglob(".*.tmp"):
                with contextlib.suppress(OSError):
                    if temp.stat().st_mtime < cutoff:
                        temp.unlink()
                        swept += 1
        return swept

    # -- records --------------------------------------------------------------------------------------
    @staticmethod
    def check_path(entry: Path) -> Path:
        return entry.with_name(entry.name + CHECK_SUFFIX)

    def _write_check(self, entry: Path, record: dict[str, Any]) -> None:
        data = json.dumps(record, sort_keys=True).encode("utf-8")
        write_bytes(self.check_path(entry), data, "cache record")

    def _read_check(self, entry: Path) -> dict[str, Any] | None:
        self.records_read += 1
        try:
            record = json.loads(self.check_path(entry).read_bytes())
        except PermissionError as error:  # not damage: discarding it would pay for the entry again
            raise read_failure(self.check_path(entry), error, "cache record", root=self.root) from None
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def _matches(self, path: Path, expected: Any, data: bytes | None = None) -> str:
        """'' when the file at `path` has the size and checksum `expected` records, else what differs."""
        if not isinstance(expected, dict):
            return "its check record is damaged"
        try:
            info = path.stat()
        except OSError:
            return "it is missing"
        stamp = (str(path), info.st_size, info.st_ino)
        if data is None and stamp in self._verified:
            return ""
        if info.st_size != expected.get("bytes"):
            return f"it has {info.st_size} bytes instead of {expected.get('bytes')}"
        relative = self._relative(path)
        seen = [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, expected.get("sha256")]
        if data is None and self.verified_memo.get(relative) == seen:
            self._verified.add(stamp)
            return ""
        try:
            checksum = file_digest(path)["sha256"] if data is None else hashlib.sha256(data).hexdigest()
        except PermissionError as error:
            raise read_failure(path, error, root=self.root) from None
        except OSError as error:
            return f"it cannot be read ({error.strerror})"
        self.hashed += 1
        if checksum != expected.get("sha256"):
            return "its checksum does not match"
        self._verified.add(stamp)
        if data is None and max(info.st_mtime_ns, info.st_ctime_ns) < self.clock_ns() - RACY_NS:
            self.verified_memo.put(relative, seen)
        return ""

    def discard(self, *entries: Path) -> None:
        """Remove damaged entries and their records (silently impossible in a read-only cache: then the
        re-rendered entry cannot be written either, and that write names the folder)."""
        for entry in entries:
            self._conversations_ok.pop(entry.stem, None)
        for entry in entries:
            for path in (entry, self.check_path(entry)):
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)

    def remove_entry(self, kind: str, key: str) -> None:
        """Remove a conversation's entry ("audio": MP3, timings, record) or a video's, here (not from a shared
        store); a file already gone is no error."""
        if kind == "video":
            self.discard(self.video_path(key))
            return
        self.discard(self.conversation_mp3(key))
        with contextlib.suppress(OSError):
            self.conversation_timings(key).unlink(missing_ok=True)

    # -- lines ----------------------------------------------------------------------------------------
    def line_path(self, key: str) -> Path:
        return self.root / "lines" / key[:2] / f"{key}.flac"

    def verify_line(self, key: str) -> Verdict:
        """Whether the cached line `key` exists and matches its record; a damaged one is discarded."""
        path = self.line_path(key)
        self.ensure(path, self.check_path(path))  # fetched from the shared cache when there is one
        if not path.is_file():
            return MISSING
        record = self._read_check(path)
        if record is None:
            return self._adopt_line(key)
        problem = self._matches(path, record)
        if problem:
            self.discard(path)
            return Verdict(False, problem)
        return OK

    def _adopt_line(self, key: str) -> Verdict:
        """A line written before entries had records (or by a build killed between the two writes): keep it
        if it decodes completely, writing its record now; otherwise discard it."""
        import soundfile

        path = self.line_path(key)
        try:
            data = _read_entry(path)
            samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=False)
            expected = soundfile.info(io.BytesIO(data)).frames
        except (OSError, soundfile.LibsndfileError, RuntimeError, ValueError) as error:
            self.discard(path)
            return Verdict(False, f"it cannot be decoded ({error})")
        if not len(samples) or len(samples) != expected:
            self.discard(path)
            return Verdict(False, f"it decodes to {len(samples)} samples instead of {expected}")
        with contextlib.suppress(ConvaudioError):  # a read-only cache: the line is fine, just unrecorded
            self._write_check(path, {**digest(data), "frames": len(samples), "rate": int(rate)})
        return OK

    def has_line(self, key: str) -> bool:
        return self.verify_line(key).ok

    def look_again_for_line(self, key: str) -> bool:
        """Whether the line, missing here and from the shared cache at the build's start, is there now: fetched
        from the shared cache, where a build on another machine may have uploaded it since (`SharedStore.look_again`).
        Asked right before the line is synthesized, under its lock: the audio first, and its record only once the
        audio is there, so a line still missing costs one small request (its checksum), not two."""
        path = self.line_path(key)
        if self.remote is None or path.is_file() or not self.remote.look_again([self._relative(path)]):
            return False
        self.remote.look_again([self._relative(self.check_path(path))])  # uploaded after the audio
        return self.has_line(key)

    def claim_line(self, key: str, *, take_over: bool = False) -> bool:
        """Whether this build may make the line now: it claimed it in the shared cache (`SharedStore.claim`), or
        there is no shared cache; False when a build on another machine is making it (never with `take_over`:
        a claim there, fresh or not, becomes this build's, which waited for it long enough)."""
        return self.remote is None or self.remote.claim(self._relative(self.line_path(key)), take_over=take_over)

    def line_claimed_elsewhere(self, key: str) -> bool:
        """Whether a build on another machine is making the line now (its claim in the shared cache is fresh)."""
        return self.remote is not None and self.remote.claimed_elsewhere(self._relative(self.line_path(key)))

    def release_line(self, key: str) -> None:
        """This build's claim of the line removed (made and uploaded, or given up)."""
        if self.remote is not None:
            self.remote.release(self._relative(self.line_path(key)))

    def link_line(self, key: str, source: str) -> bool:
        """The verified line `source` taken as `key` too (a hard link, or a copy; its record last): keys that differ
        only in what never reaches the provider share one answer. False when `source` is not cached."""
        if not self.verify_line(source).ok:
            return False
        origin, path = self.line_path(source), self.line_path(key)
        try:
            publish(origin, path)
            publish(self.check_path(origin), self.check_path(path))
        except (OSError, ConvaudioError):  # a read-only cache: the line is made again, as any other miss
            return False
        self.share(path, self.check_path(path), optional=True)
        return True

    def get_line(self, key: str) -> Audio | None:
        """The cached line, verified (checksum and decoded length), or None when it is missing or damaged
        (a damaged entry is discarded)."""
        import numpy as np
        import soundfile

        from ..audio.types import Audio

        path = self.line_path(key)
        self.ensure(path, self.check_path(path))  # fetched from the shared cache when there is one
        if not path.is_file():
            return None
        # checked against its record once, on the bytes decoded below (not hashed a second time from disk)
        record = self._read_check(path)
        if record is None:
            if not self._adopt_line(key).ok:
                return None
            record = self._read_check(path) or {}
        try:
            data = _read_entry(path)
            samples, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=False)
        except (OSError, soundfile.LibsndfileError, RuntimeError, ValueError):
            self.discard(path)
            return None
        if self._matches(path, record, data) or len(samples) != record.get("frames", len(samples)):
            self.discard(path)
            return None
        return Audio(np.asarray(samples, dtype=np.float32), int(rate))

    def put_line(self, key: str, audio: Audio) -> None:
        """Encode to FLAC in memory, then write the entry and its record (record last: it marks completion)."""
        import soundfile

        buffer = io.BytesIO()
        soundfile.write(buffer, audio.samples, audio.rate, format="FLAC", subtype="PCM_24")
        data = buffer.getvalue()
        path = self.line_path(key)
        write_bytes(path, data, "cache entry")
        self._write_check(path, {**digest(data), "frames": len(audio.samples), "rate": audio.rate})
        self.share(path, self.check_path(path))

    # -- segments -------------------------------------------------------------------------------------
    def segment_path(self, content: str, gain_db: float, ceiling_db: float) -> Path:
        """`segments/ab/<content>.g<gain>.c<ceiling>.mp3`: one segment's frames at one gain and ceiling (in
        micro-dB); the entry's key is the content, so `cache prune` keeps or drops every level of it at once."""
        level = f"g{round(gain_db * 1e6)}.c{round(ceiling_db * 1e6)}"
        return self.root / "segments" / content[:2] / f"{content}.{level}.mp3"

    def segment_gains(self, content: str) -> list[tuple[float, float]]:
        """Every (gain dB, ceiling dB) this cache holds segment `content` at (local only: a few small files
        that are cheap to encode again are not worth a round trip to a shared cache)."""
        try:
            names = os.listdir(self.root / "segments" / content[:2])
        except OSError:
            return []
        found: list[tuple[float, float]] = []
        for name in names:
            parts = name.split(".")
            if parts[0] == content and len(parts) == 4 and parts[3] == "mp3":
                with contextlib.suppress(ValueError):
                    found.append((int(parts[1][1:]) / 1e6, int(parts[2][1:]) / 1e6))
        return found

    def probed(self, key: str) -> tuple[float, float] | None:
        """What an assembly probe with this key measured (`audio/stream.py`), remembered in a memo."""
        value = self.probes_memo.get(key)
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, float | int) for v in value):
            return float(value[0]), float(value[1])
        return None

    def remember_probe(self, key: str, loss: float, overshoot: float) -> None:
        self.probes_memo.put(key, [loss, overshoot])

    def level_loss(self, content: str, gain_db: float, ceiling_db: float, true_peak: float) -> float | None:
        """The encoder's loss (LU) measured on the last MP3 decoded whole that segment `content` at this level was
        part of, kept in the segment's record (`audio/stream.py`, `kept_loss`), when that MP3 was checked against
        this `true_peak`; None otherwise."""
        record = self._read_check(self.segment_path(content, gain_db, ceiling_db))
        if record is None or record.get("loss_true_peak") != true_peak:
            return None
        loss = record.get("loss")
        return float(loss) if isinstance(loss, float | int) and not isinstance(loss, bool) else None

    def remember_level_loss(
        self, content: str, gain_db: float, ceiling_db: float, loss: float, true_peak: float
    ) -> None:
        """Keep `loss`, and the `true_peak` its MP3 was checked against, in the record of segment `content` at this
        level (a missing segment is left alone). Not flushed to disk as `_write_check` is (a cold build writes one
        per segment): one lost in a crash only means the next edit measures its MP3 whole."""
        path = self.segment_path(content, gain_db, ceiling_db)
        record = self._read_check(path)
        if record is not None and (record.get("loss"), record.get("loss_true_peak")) != (loss, true_peak):
            data = json.dumps({**record, "loss": loss, "loss_true_peak": true_peak}, sort_keys=True).encode("utf-8")
            with atomic_path(self.check_path(path), "cache record") as temp:
                temp.write_bytes(data)

    def get_segment(self, content: str, gain_db: float, ceiling_db: float) -> tuple[bytes, int] | None:
        """A segment's frames and their count, verified against its record; None when missing or damaged (a
        damaged one is discarded: it is encoded again, nothing to report)."""
        path = self.segment_path(content, gain_db, ceiling_db)
        record = self._read_check(path)
        if record is None:
            return None
        try:
            data = _read_entry(path)
        except OSError:
            return None
        frames = record.get("frames")  # counted when the frames were written; the checksum says they are the same
        if self._matches(path, record, data) or not isinstance(frames, int):
            self.discard(path)
            return None
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < time.time() - TOUCH_EVERY:  # last use, for `cache prune --older-than`
                os.utime(path)
        return data, frames

    def put_segment(
        self, content: str, gain_db: float, ceiling_db: float, data: bytes | bytearray, frames: int
    ) -> None:
        path = self.segment_path(content, gain_db, ceiling_db)
        write_bytes(path, data, "cache entry")
        self._write_check(path, {**digest(data), "frames": frames})
        with self._segments_lock:
            self.segments_stored += 1

    def keep_only(self, content: str, gain_db: float, ceiling_db: float) -> None:
        """Remove segment `content` at every level but this one (see `audio/stream.py`)."""
        for other in self.segment_gains(content):
            if self.segment_path(content, *other) != self.segment_path(content, gain_db, ceiling_db):
                self.discard(self.segment_path(content, *other))

    # -- conversations --------------------------------------------------------------------------------
    def figures_path(self, key: str, rate: int) -> Path:
        """The line's measured figures at one programme rate, beside its audio."""
        return self.line_path(key).with_name(f"{key}.{rate}.json")

    def get_figures(self, key: str, rate: int) -> LineFigures | None:
        """The line's cached figures at `rate`, or None (never measured at this rate, or from an older version).
        Figures are derived data: a missing or unreadable file only means the line is measured again."""
        from ..audio.figures import LineFigures

        path = self.figures_path(key, rate)  # local only: a line fetched from a shared cache is measured here
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        figures = LineFigures.from_json(data) if isinstance(data, dict) else None
        return figures if figures is not None and figures.rate == rate else None

    def put_figures(self, key: str, figures: LineFigures) -> None:
        with atomic_path(self.figures_path(key, figures.rate)) as temp:
            temp.write_text(json.dumps(figures.to_json()), encoding="utf-8")

    def conversation_mp3(self, key: str) -> Path:
        return self.root / "conversations" / f"{key}.mp3"

    def conversation_timings(self, key: str) -> Path:
        return self.root / "conversations" / f"{key}.json"

    def conversation_paths(self, key: str) -> tuple[Path, Path]:
        return self.conversation_mp3(key), self.conversation_timings(key)

    def conversation_files(self, key: str) -> tuple[Path, Path, Path]:
        """Every file of a conversation's entry: its MP3, its timings, and the MP3's check record, which covers
        the timings too (they have none of their own: asking a store for one costs a request for nothing)."""
        mp3 = self.conversation_mp3(key)
        return mp3, self.conversation_timings(key), self.check_path(mp3)

    def video_path(self, key: str) -> Path:
        return self.root / "videos" / f"{key}.mp4"

    def verify_video(self, key: str) -> Verdict:
        """Whether the MP4 of `key` exists and matches its record; a damaged one is discarded. One made before
        videos had records is kept, and its record written now (it was published as it is before)."""
        path = self.video_path(key)
        if not path.is_file():
            return MISSING
        record = self._read_check(path)
        if record is None:
            with contextlib.suppress(OSError, ConvaudioError):
                self.record_video(key)
            return OK
        problem = self._matches(path, record.get("mp4"))
        if problem:
            self.discard(path)
            return Verdict(False, f"its MP4 {_predicate(problem)}")
        return OK

    def video_as_made(self, path: Path) -> bool:
        """Whether the video entry at `path` still has the size and checksum its check record gives, as
        `verify_video` checks, but discarding nothing: a file hard-linked from it and written through since (`cp
        my.mp4 out/ep1.mp4` writes into the file in place) is not the video any more."""
        with contextlib.suppress(ConvaudioError):
            record = self._read_check(path)
            return record is not None and self._matches(path, record.get("mp4")) == ""
        return False

    def conversation_file_as_made(self, path: Path) -> bool:
        """Whether a conversation entry's MP3 or timings file (`path`) still has the size and checksum its check
        record gives, discarding nothing (see `video_as_made`): a file hard-linked from it and written through since
        (an editor keeping its hard links, `cp` onto it) is not the entry any more, even at the same size."""
        mp3 = path.with_suffix(".mp3")
        field = "mp3" if path.suffix == ".mp3" else "timings"
        with contextlib.suppress(ConvaudioError):
            record = self._read_check(mp3)
            return record is not None and self._matches(path, record.get(field)) == ""
        return False

    def record_video(self, key: str) -> None:
        """Write the check record of a video just made (see `verify_video`)."""
        path = self.video_path(key)
        self._write_check(path, {"mp4": file_digest(path)})

    def conversation_stamps(self, key: str) -> list[list[int] | None]:
        """The stamps (see `entry_stamp`) of a conversation's MP3, timings and check record."""
        folder = os.path.join(self._conversations, key)
        return [entry_stamp(folder + suffix) for suffix in (".mp3", ".json", ".mp3" + CHECK_SUFFIX)]

    def verify_conversation(self, key: str) -> Verdict:
        """Whether the MP3 and timings of `key` exist and match their record; damaged ones are discarded.
        Entries without a record (older versions, or a build killed mid-write) are re-assembled silently.

        An entry an earlier build verified whose three files still have the stamps they had then (same inode,
        size and times: nothing wrote to them) is trusted without reading its record; any write, truncation or
        replacement changes a stamp, and the entry is checked in full again."""
        if self.trusted_conversation(key):
            return OK
        now = self.clock_ns()
        verdict = self._verify_conversation(key)
        if verdict.ok:
            stamps = self.conversation_stamps(key)  # after `ensure` marked the entry as used
            self._conversations_ok[key] = stamps[:2]
            if settled(stamps, now, RACY_NS):
                self.trusted_memo.put(key, stamps)
            else:  # made or touched just now (a cold build): checked again once settled (see `settle_fresh`)
                self._fresh.add(key)
        return verdict

    def settle_fresh(self) -> None:
        """Remember the conversations this build verified while their files were fresh, checked in full once more
        now that their times are settled, as a later build would check them: otherwise a cache saved right after
        a cold build (CI's, restored as it was at every run with the same key) is hashed in full at every run.

        Sound as `trusted_conversation` is: the stamps are taken once no file changed for `RACY_NS`, before the
        hash, and again after it; a write in between, even within the clock's tick, moves a time past the one
        taken, so equal stamps mean the hash read the content they name. Waits at most `RACY_NS` once."""
        fresh, self._fresh = self._fresh, set()
        if not fresh:
            return
        stamps = {key: self.conversation_stamps(key) for key in fresh}
        newest = max((stamp[2] for each in stamps.values() for stamp in each if stamp is not None), default=0)
        if (wait := newest + RACY_NS - self.clock_ns()) > 0:
            self.sleep(min(wait, RACY_NS) / 1e9 + 0.001)
        if not self.relocated:
            self._relocated()  # a cold build's folder did not exist when it began: its marker is written now
        for key in fresh:
            before = self.conversation_stamps(key)
            if not settled(before, self.clock_ns(), RACY_NS) or not self._intact(key):
                continue  # still fresh (written meanwhile), or not as recorded: the next build checks it in full
            if self.conversation_stamps(key) == before:
                self.trusted_memo.put(key, before)

    def _intact(self, key: str) -> bool:
        """Whether the MP3 and timings of `key` have the sizes and checksums its record gives, read from disk now."""
        mp3, timings, _check = self.conversation_files(key)
        record = self._read_check(mp3)
        if record is None:
            return False
        for path, expected in ((mp3, record.get("mp3")), (timings, record.get("timings"))):
            if not isinstance(expected, dict):
                return False
            try:
                found = file_digest(path)
            except OSError:
                return False
            self.hashed += 1
            if found["sha256"] != expected.get("sha256") or found["bytes"] != expected.get("bytes"):
                return False
        return True

    def trusted_conversation(self, key: str) -> bool:
        """Whether this build, or an earlier one, verified the entry of `key` and its MP3, timings and check
        record keep the stamps they had then (nothing wrote to them): looked at by stamps alone, nothing read,
        discarded or reported; False means `verify_conversation` must check it."""
        if key in self._conversations_ok:
            return True
        stamps = self.conversation_stamps(key)
        recorded = self.trusted_memo.get(key)
        from_copy = self.relocated and self.trusted_memo.copied(key, recorded)
        if not self.same_stamps(recorded, stamps, from_copy=from_copy):
            return False
        now = self.clock_ns()
        recent = now - int(TOUCH_EVERY * 1e9)
        used_lately = True
        for stamp in stamps:  # a loop, not `all` over a generator: asked for each conversation of a warm build
            if stamp is None or stamp[2] < recent:
                used_lately = False
                break
        if not used_lately:
            # unchanged, but not used for a while: marked as used now, with times just past the racy window so
            # that the new stamps can be remembered at once (and any later write still moves them)
            self._earlier[key] = stamps[:2]
            for stamp in stamps:  # other names of these files (a published timings file) moved with them
                if stamp is not None:
                    self._untouched[stamp[0]] = stamp[:3]
            entry = os.path.join(self._conversations, key)
            self._mark_used([entry + suffix for suffix in (".mp3", ".json", ".mp3" + CHECK_SUFFIX)])
            stamps = self.conversation_stamps(key)
        if stamps != recorded and settled(stamps, now, RACY_NS):  # a restored folder, or times just moved
            self.trusted_memo.put(key, stamps)
        self._conversations_ok[key] = stamps[:2]
        return True

    def _mark_used(self, paths: list[str]) -> None:
        """Set the files' modification time to now (less the racy window): their last use, for `cache stats`
        and `cache prune --older-than`."""
        when = time.time_ns() - 2 * RACY_NS
        for path in paths:
            with contextlib.suppress(OSError):
                os.utime(path, ns=(when, when))

    def stamps_before(self, key: str) -> list[list[int] | None] | None:
        """The stamps of the MP3 and timings of `key` before this build marked them as used, if it did."""
        return self._earlier.get(key)

    def file_stamp_before(self, stamp: list[int] | None) -> list[int] | None:
        """A file's stamp (`file_stamp`) as it was before this build marked it as used, under any of its names."""
        return self._untouched.get(stamp[0], stamp) if stamp is not None else None

    def verified_stamps(self, key: str) -> list[list[int] | None] | None:
        """The stamps of the MP3 and timings of `key` when this build verified it, else None."""
        return self._conversations_ok.get(key)

    def _verify_conversation(self, key: str) -> Verdict:
        mp3, timings, check = self.conversation_files(key)
        self.ensure(mp3, timings, check)  # fetched from the shared cache when there is one
        if not mp3.is_file() or not timings.is_file():
            return MISSING
        record = self._read_check(mp3)
        if record is None:
            return MISSING
        problem = self._matches(mp3, record.get("mp3"))
        if problem:
            problem = f"its MP3 {_predicate(problem)}"
        elif problem := self._matches(timings, record.get("timings")):
            problem = f"its timings file {_predicate(problem)}"
        if problem:
            self.discard(mp3, timings)
            return Verdict(False, problem)
        return OK

    def has_conversation(self, key: str) -> bool:
        return self.verify_conversation(key).ok

    def read_timings(self, key: str) -> dict[str, Any]:
        path = self.conversation_timings(key)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ConvaudioError(f"the cached timings {path} cannot be read ({error}); build again") from None
        return data

    def put_conversation(
        self,
        key: str,
        write_mp3: Callable[[Path], None],
        timings: dict[str, Any] | Callable[[], dict[str, Any]],
        segments: Callable[[], Sequence[str]] = tuple,
        lines: Sequence[str] = (),
    ) -> None:
        """MP3 first, timings next, the record last: only a complete, recorded entry is ever used. `timings` and
        `segments` (the segment contents the MP3 is made of) may be known only once the MP3 is written.
        `segments` and `lines` (the keys of the lines it is made of) are kept by `cache prune` for as long as
        the conversation is: a warm build marks the conversations it uses, not their lines."""
        import soundfile

        mp3 = self.conversation_mp3(key)
        with atomic_path(mp3, "cache entry") as temp:
            try:
                write_mp3(temp)
                written = file_digest(temp)
                frames = soundfile.info(os.fsencode(temp)).frames
            except (soundfile.LibsndfileError, RuntimeError) as error:
                raise write_failure(mp3, error, "cache entry") from None
        timings_data = json.dumps(timings() if callable(timings) else timings, ensure_ascii=False, indent=1).encode(
            "utf-8"
        )
        write_bytes(self.conversation_timings(key), timings_data, "cache entry")
        record: dict[str, Any] = {"mp3": {**written, "frames": frames}, "timings": digest(timings_data)}
        if parts := list(segments()):
            record["segments"] = parts
        if lines:
            record["lines"] = list(dict.fromkeys(lines))
        self._write_check(mp3, record)
        # optional: any machine assembles it again from the shared lines, without a request to the engine
        self.share(*self.conversation_files(key), optional=True)
        self._fresh.add(key)  # remembered once settled (see `settle_fresh`)

    def conversation_segments(self, key: str) -> list[str]:
        """The segment contents the cached conversation `key` is made of (see `put_conversation`)."""
        return recorded_parts(self.conversation_record(key), "segments")

    def conversation_parts(self, key: str) -> list[str]:
        """The keys of the lines and segments the cached conversation `key` is made of, as its record names them
        (the record of one an older version made names no lines)."""
        record = self.conversation_record(key)
        return recorded_parts(record, "lines") + recorded_parts(record, "segments")

    def conversation_record(self, key: str) -> dict[str, Any] | None:
        """The check record of the cached conversation `key`; None when missing or damaged."""
        return self._read_check(self.conversation_mp3(key))


def recorded_parts(record: object, field: str) -> list[str]:
    """The keys a conversation's check record lists under `field` (`lines`, `segments`); none when damaged."""
    parts = record.get(field) if isinstance(record, dict) else None
    return [part for part in parts if isinstance(part, str)] if isinstance(parts, list) else []


def _predicate(problem: str) -> str:
    """`it is short` / `its checksum does not match` without its subject, to follow another one ("its MP3 ...")."""
    for subject in ("its ", "it "):
        if problem.startswith(subject):
            return problem[len(subject) :]
    return problem
