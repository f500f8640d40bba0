"""Files on disk: written atomically with the umask's permissions, and write failures as clear messages."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import ConvaudioError


def current_umask() -> int:
    """The process umask: from /proc on Linux (reading it there changes nothing); elsewhere by setting it and
    back, which is safe here because files are only created after it is known."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Errors of a write itself (as opposed to, say, an HTTP error raised while producing what is written).
WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG, errno.EIO, errno.EISDIR}
)


#: The option that moves each kind of file elsewhere, for the fix a write error suggests.
OPTION_OF = {
    "cache lock": "cache_dir",
    "cache entry": "cache_dir",
    "cache record": "cache_dir",
    "voice map": "voice_map",
    "published file": "--out",
}


def _in_the_way(path: Path) -> Path:
    """The file standing where a folder of `path` should be (`.cache/plugin/convaudio` for a lock below it)."""
    return next((parent for parent in reversed(path.parents) if os.path.isfile(parent)), path)


class WriteError(ConvaudioError):
    """A file could not be written (disk full, read-only folder...); the message names it and the fix."""


def write_failure(path: Path, error: BaseException, what: str = "file") -> WriteError:
    """A `WriteError` naming `path`, why writing failed and what to do, from an OSError or a codec error."""
    code = getattr(error, "errno", None)
    folder = path.parent
    while not os.path.exists(folder) and folder != folder.parent:  # the folder that exists, where writing failed
        folder = folder.parent
    option = OPTION_OF.get(what)
    elsewhere = f"set {option} to" if option else "write to"
    if code is None:
        # libsndfile reports a failed write as "System error." without the reason: look at the disk
        with contextlib.suppress(OSError):
            if shutil.disk_usage(folder).free < 1_000_000:
                code = errno.ENOSPC
    if code in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full"
        fix = f"free some space on the disk that holds {folder}, or {elsewhere} a folder on another disk"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "the folder is read-only" if code == errno.EROFS else "permission denied"
        fix = f"make {folder} writable for this user, or {elsewhere} a writable folder"
    elif code in (errno.EISDIR, errno.ENOTDIR, errno.EEXIST):  # EEXIST: `mkdir` of a folder a file stands for
        reason = "a folder is in the way" if code == errno.EISDIR else "a file is in the way of a folder"
        fix = f"remove or rename what is at {path if code == errno.EISDIR else _in_the_way(path)}"
    else:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        fix = f"check that {folder} is writable and has free space"
    return WriteError(f"could not write the {what} {path}: {reason}; {fix}")


class ReadError(ConvaudioError):
    """A file of the cache could not be read by this user: not damage (nothing is discarded), a setting to fix."""


def read_failure(path: Path, error: OSError, what: str = "cache entry", *, root: Path | None = None) -> ReadError:
    """A `ReadError` for a file this user may not read (a CI cache restored by another user, or with umask 077):
    treating it as damaged would discard entries a cloud engine was paid for. The fix names the cache folder
    `root`: only its owner (or root) can change another user's files."""
    owner = ""
    with contextlib.suppress(OSError):
        uid = os.stat(path).st_uid
        if uid != os.geteuid():
            owner = f" (it belongs to user id {uid}, this build runs as {os.geteuid()})"
    folder = root or path.parent
    return ReadError(
        f"could not read the {what} {path}: {error.strerror or 'permission denied'}{owner}; give the cache folder "
        f"to the user that builds (`sudo chown -R {os.geteuid()} {folder}`, or restore a CI cache as that user), "
        "or set cache_dir to another folder"
    )


def unreadable_folder(folder: Path, root: Path | None = None) -> ReadError | None:
    """A `ReadError` when `folder` (of the cache folder `root`) exists but this user may not list or enter it."""
    try:
        if not folder.is_dir() or os.access(folder, os.R_OK | os.X_OK):
            return None
    except PermissionError:  # a parent this user may not enter
        pass
    return read_failure(folder, PermissionError(errno.EACCES, "permission denied"), "cache folder", root=root)


def new_file_mode(final: Path) -> int:
    """Permissions for a file replacing `final`: its current mode if it exists, else what the umask allows."""
    try:
        return stat.S_IMODE(final.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


#: How a temporary file is made: as `tempfile.mkstemp` makes one (never through a link left in its place).
TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@contextlib.contextmanager
def atomic_path(final: Path, what: str = "file") -> Iterator[Path]:
    """A temporary path beside `final` that replaces it only once fully written: a killed build leaves
    a stray `.tmp` file at worst, never an entry a later build would trust; Ctrl-C (or SIGTERM, taken as one)
    leaves none. The result keeps the mode of the file it replaces, or gets the umask's (never mkstemp's
    private 0600). A failed write raises a `WriteError` naming the file."""
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failure(final, error, what) from None
    # The name is chosen before the file is made, and the file made inside the `try` whose `finally` removes it
    # (a name, so that no Python code runs between): Ctrl-C right after `tempfile.mkstemp` had made its file
    # (within it, or before the `try`) left that file in the output folder, which Hugo publishes from `static/`
    # (bug bash h-render). A name another process made is not this one's to remove.
    name = _temporary_name(final)
    temp = Path(name)
    ours = True
    try:
        try:
            while True:
                try:
                    os.close(os.open(name, TEMPORARY_FLAGS, 0o600))
                    break
                except FileExistsError:
                    ours = False
                    name = _temporary_name(final)
                    temp = Path(name)
                    ours = True  # (not made yet: removing no file is fine)
        except OSError as error:
            raise write_failure(final, error, what) from None
        try:
            yield temp
        except OSError as error:
            if error.errno not in WRITE_ERRNOS:
                raise
            raise write_failure(final, error, what) from None
        try:
            os.chmod(temp, new_file_mode(final))
            os.replace(temp, final)
        except OSError as error:
            raise write_failure(final, error, what) from None
    finally:
        if ours:
            try:  # noqa: SIM105 (`contextlib.suppress` runs Python code before the unlink: a second Ctrl-C could land there)
                os.unlink(name)
            except OSError:
                pass


def _temporary_name(final: Path) -> str:
    """A name for a temporary file beside `final` (`.talk-1.mp3.1f9c2a7b04de.tmp`), which builds sweep from the
    cache folder once it is old (`AudioCache.sweep_temporary`)."""
    return os.path.join(final.parent, f".{final.name}.{os.urandom(6).hex()}.tmp")


def write_bytes(final: Path, data: bytes | bytearray, what: str = "file") -> None:
    """Write `data` to `final` atomically (see `atomic_path`), flushed to disk before it replaces anything."""
    with atomic_path(final, what) as temp, temp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def file_stamp(path: Path | str) -> list[int] | None:
    """What identifies a file's content without reading it: [inode, size, mtime_ns], or None when there is no
    file. A write changes the mtime, a replacement the inode. Not the ctime: published files and cache entries
    are hard-linked into each build's site folder, and adding or removing a link changes the ctime."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def entry_stamp(path: Path | str) -> list[int] | None:
    """`file_stamp`, plus the ctime when no other name links to the file (a cache entry published as a tagged
    copy): then only a write to it (even one that puts its mtime back, as `mp3gain -p` or `rsync --inplace -t` do)
    or a change of its times moves the ctime. An entry hard-linked into the site (tags off) leaves it out."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    stamp = [info.st_ino, info.st_size, info.st_mtime_ns]
    return [*stamp, info.st_ctime_ns] if info.st_nlink == 1 else stamp


def settled(stamps: list[list[int] | None], now_ns: int, racy_ns: int) -> bool:
    """Whether every stamp names a file that has not changed for `racy_ns`: file times come from a clock that
    ticks every few milliseconds, so a write right after a look could keep a fresher file's times."""
    return all(stamp is not None and stamp[2] < now_ns - racy_ns for stamp in stamps)


def write_if_changed(path: Path, data: str | bytes, what: str = "file") -> None:
    """Write a published file (captions, chapters; `render`'s snippets and player files: text, or bytes copied as
    they are) atomically, only when it would change: a warm build's published copies keep their stamps, which a
    deploy that syncs by time and a generator watching the folder (`hugo server` on `static/`) read as changes.
    `what` names the file in a failure (see `write_failure`)."""
    if isinstance(data, bytes):
        if not path.is_file() or path.read_bytes() != data:
            with atomic_path(path, what) as temp:
                temp.write_bytes(data)
    elif not path.is_file() or path.read_text(encoding="utf-8") != data:
        with atomic_path(path, what) as temp:
            temp.write_text(data, encoding="utf-8")


def publish(source: Path, target: Path) -> None:
    """Copy a verified cache entry to `target` (the command line's output folder): a hard link when possible,
    atomically, so a reader never sees half a file."""
    if target.exists() and os.path.samefile(source, target):
        return
    with atomic_path(target, "published file") as temp:
        temp.unlink()
        try:
            os.link(source, temp)
        except OSError:
            shutil.copyfile(source, temp)
