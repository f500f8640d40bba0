"""What the cache holds, locally and in the shared store: entries by kind, use times, pruning, checks, sync."""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import soundfile

from ..pools import map_in_pool
from .cache import CHECK_SUFFIX, AudioCache, file_digest, recorded_parts
from .shared import TRANSFERS, SharedStore, sha256

#: Folders of the cache root that hold no entries (`encoder/`: what assembly learned about the MP3 encoder).
NOT_ENTRIES = frozenset({"site", "locks", "encoder", "uses"})
#: Kinds kept only in the local cache: a conversation's MP3 segments (`audio/segments.py`) spare a local edit
#: re-encoding the whole conversation; they are cheap to make again and not worth a round trip each.
LOCAL_ONLY = frozenset({"segments"})
#: Entry files are named after a content key (a SHA-256); anything else under the cache root (the Piper models
#: the engine downloads into `piper-voices/`, a user's notes) is not an entry: never counted, pruned or pushed.
_KEY = re.compile(r"[0-9a-f]{64}")
#: A line's figures (`lines/ab/<key>.<rate>.json`, see `AudioCache.figures_path`): measured from its audio by each
#: machine, so builds never upload them (`push` copies them, whole entries, so that `pull` warms a laptop fully).
#: Part of the line's entry (prune removes them with it), but counted apart by `stats`: a line's size is then the
#: same in the local cache and in the shared one whether or not they were pushed.
_FIGURES = re.compile(r"lines/[0-9a-f]{2}/[0-9a-f]{64}\.[0-9]+\.json")


@dataclass
class Entry:
    """One cache entry: every file of one kind (`lines`, `conversations`, ...) named after one key."""

    kind: str
    key: str
    files: list[str] = field(default_factory=list)  # paths relative to the cache root
    size: int = 0
    used: float = 0.0  # newest modification (a build marks an entry it uses by touching it)
    figures: int = 0  # how many of its files are a line's figures (builds do not share them: `is_figures`) ...
    figures_size: int = 0  # ... and their bytes (in `size` too)


@dataclass
class KindStats:
    entries: int = 0
    bytes: int = 0  # without figures: the bytes the shared store holds of these entries when it has them all
    figures: int = 0  # a line's figures, apart
    figures_bytes: int = 0
    oldest: float | None = None
    newest: float | None = None

    def add(self, entry: Entry) -> None:
        self.entries += 1
        self.bytes += entry.size - entry.figures_size
        self.figures += entry.figures
        self.figures_bytes += entry.figures_size
        if entry.used:
            self.oldest = entry.used if self.oldest is None else min(self.oldest, entry.used)
            self.newest = entry.used if self.newest is None else max(self.newest, entry.used)


def entry_of(relative: str) -> tuple[str, str] | None:
    """(kind, key) of a file: its top folder and its name up to the first dot; None for non-entry files."""
    parts = relative.split("/")
    name = parts[-1]
    if len(parts) < 2 or parts[0] in NOT_ENTRIES or name.startswith(".") or name.endswith(".tmp"):
        return None
    if parts[0].startswith("site-"):  # another site's published copies (`build.publish_root`)
        return None
    key = name.split(".", 1)[0]
    return (parts[0], key) if _KEY.fullmatch(key) else None


def is_figures(relative: str) -> bool:
    """Whether an entry file is a line's figures (which builds keep in the local cache)."""
    return _FIGURES.fullmatch(relative) is not None


def group(files: Iterable[tuple[str, int, float | None]]) -> dict[tuple[str, str], Entry]:
    entries: dict[tuple[str, str], Entry] = {}
    for relative, size, modified in files:
        identity = entry_of(relative)
        if identity is None:
            continue
        entry = entries.setdefault(identity, Entry(*identity))
        entry.files.append(relative)
        entry.size += size
        if is_figures(relative):
            entry.figures += 1
            entry.figures_size += size
        entry.used = max(entry.used, modified or 0.0)
    return entries


def local_entries(cache: AudioCache) -> dict[tuple[str, str], Entry]:
    files: list[tuple[str, int, float | None]] = []
    if cache.root.is_dir():
        for path in cache.root.rglob("*"):
            with contextlib.suppress(OSError):
                if path.is_file():
                    stat = path.stat()
                    files.append((path.relative_to(cache.root).as_posix(), stat.st_size, stat.st_mtime))
    return group(files)


def shared_entries(store: SharedStore) -> dict[tuple[str, str], Entry]:
    return group((item.relative, item.size, item.modified) for item in store.list())


def stats(entries: dict[tuple[str, str], Entry]) -> dict[str, KindStats]:
    by_kind: dict[str, KindStats] = {}
    for entry in entries.values():
        by_kind.setdefault(entry.kind, KindStats()).add(entry)
    return dict(sorted(by_kind.items()))


def unused(
    entries: dict[tuple[str, str], Entry], used_keys: Collection[str], older_than: float, now: float | None = None
) -> list[Entry]:
    """Entries whose key no page uses and that no build touched in the last `older_than` seconds."""
    cutoff = (time.time() if now is None else now) - older_than
    return sorted(
        (entry for entry in entries.values() if entry.key not in used_keys and entry.used <= cutoff),
        key=lambda entry: (entry.kind, entry.key),
    )


def kept_conversations(
    entries: dict[tuple[str, str], Entry], used_keys: Collection[str], older_than: float, now: float | None = None
) -> list[str]:
    """Conversations no page uses that prune keeps all the same: a build used them in the last `older_than`
    seconds (another branch's posts). Their lines and segments must stay too: a warm build marks the
    conversations it uses, not their lines, and an edit of one needs the others."""
    doomed = {entry.key for entry in unused(entries, used_keys, older_than, now)}
    return sorted(
        key for kind, key in entries if kind == "conversations" and key not in used_keys and key not in doomed
    )


def shared_conversation_parts(store: SharedStore, cache: AudioCache, keys: Collection[str]) -> set[str]:
    """The lines and segments of shared conversations (`AudioCache.conversation_parts`): from the local cache's
    record when it lists the lines, else from the shared one (read in parallel). A shared record that cannot be
    read stops prune (raises ConvaudioError): without it, lines still in use would go."""
    parts: set[str] = set()
    unknown = []
    for key in keys:
        local = cache.conversation_record(key)
        if recorded_parts(local, "lines"):
            parts.update(recorded_parts(local, "lines") + recorded_parts(local, "segments"))
        else:  # not in the local cache, damaged there, or made there by an older version
            unknown.append(f"conversations/{key}.mp3{CHECK_SUFFIX}")

    def read(relative: str) -> list[str]:
        try:
            data = store.read(store.remote_path(relative), store.check_timeout)
        except FileNotFoundError:  # no record (an upload cut short, or still under way): no entry yet
            return []
        except Exception as error:
            raise store.failure(f"reading {relative}", error, writing=False) from None
        try:
            record = json.loads(data)
        except ValueError:  # a damaged record: no entry (`cache verify --shared` removes it)
            return []
        return recorded_parts(record, "lines") + recorded_parts(record, "segments")

    if unknown:
        for found in map_in_pool(read, unknown, workers=min(TRANSFERS, len(unknown)), name="convaudio-records"):
            parts.update(found)
    return parts


def remove_local(cache: AudioCache, entry: Entry) -> None:
    for relative in entry.files:
        (cache.root / relative).unlink(missing_ok=True)


def remove_key_locks(cache: AudioCache) -> int:
    """Delete the per-key lock files (one per line ever made). Only while holding the cache exclusively: no
    build is rendering then, so nobody holds or waits for a key lock."""
    removed = 0
    for path in cache.locks.root.glob("*/*.lock"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def stale_published(cache: AudioCache, used_uris: Collection[str]) -> list[Path]:
    """Files published into `<cache>/site/` (this config's: see `build.publish_root`) for pages that no longer
    exist."""
    site = cache.root / f"site{cache.memo_tag}"
    if not site.is_dir():
        return []
    return sorted(
        path for path in site.rglob("*") if path.is_file() and path.relative_to(site).as_posix() not in used_uris
    )


#: What a build leaves in the cache folder under its site's tag (see `build.memo_tag`): memo files, and its
#: published copies. A page memo, publish records or published copies mark a site (a `render` run's posts too);
#: other memo files alone (`versions-memo.json`, which every command may write) do not.
_TAGGED = re.compile(r"[a-z]+-memo(-[0-9a-f]{10})?\.json|site(-[0-9a-f]{10})?")
_SITE_MARKS = re.compile(r"(?:pages|published)-memo(?:-[0-9a-f]{10})?\.json|site(?:-[0-9a-f]{10})?/")


def sites_in(root: Path) -> dict[str, tuple[list[str], float]]:
    """The sites whose builds use the cache folder `root`, by memo tag: the names of all their files there (a
    published folder ends with `/`) and when the newest of them last changed."""
    found: dict[str, tuple[list[str], float]] = {}
    with contextlib.suppress(OSError):
        for path in sorted(root.iterdir()):
            match = _TAGGED.fullmatch(path.name)
            with contextlib.suppress(OSError):
                if match is None or path.name.startswith("site") != path.is_dir():
                    continue
                tag = match[1] or match[2] or ""
                names, newest = found.get(tag, ([], 0.0))
                name = path.name + ("/" if path.is_dir() else "")
                found[tag] = ([*names, name], max(newest, path.stat().st_mtime))
    return {tag: site for tag, site in found.items() if any(_SITE_MARKS.fullmatch(name) for name in site[0])}


def check_file(path: Path) -> str | None:
    """Why a local entry file is unusable (it differs from its check record, or does not decode or parse), or
    None when it is sound. The record first: a truncated MP3 or a flipped byte still decodes."""
    try:
        if (problem := _against_record(path)) is not None:
            return problem
        if path.suffix in (".flac", ".mp3", ".wav"):
            samples, _rate = soundfile.read(os.fsencode(path), dtype="float32", always_2d=False)
            if not len(samples):
                return "no audio"
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
    except (OSError, RuntimeError, ValueError, soundfile.LibsndfileError) as error:
        return f"{type(error).__name__}: {error}"
    return None


def _record_of(name: str) -> str:
    """The name of the check record that vouches for an entry file: its own `.check`, or for a conversation's
    timings its MP3's."""
    folder, _, file = name.rpartition("/")
    if folder.rpartition("/")[2] == "conversations" and file.endswith(".json"):
        return f"{name[: -len('.json')]}.mp3{CHECK_SUFFIX}"
    return name + CHECK_SUFFIX


def _expected(name: str, record: object) -> dict[str, object] | None:
    """The size and SHA-256 a parsed check record gives for the entry file `name`; None for a damaged record."""
    if not isinstance(record, dict):
        return None
    if name.endswith(".json") and name.rpartition("/")[0].rpartition("/")[2] == "conversations":
        expected = record.get("timings")
    else:
        expected = record if "sha256" in record else record.get(name.rpartition(".")[2])  # an MP3's `mp3`...
    return expected if isinstance(expected, dict) else None


def _against(name: str, digest: str, size: int, record: object) -> str | None:
    """How a file (its SHA-256 and size) differs from what its parsed check record gives, or None."""
    expected = _expected(name, record)
    if expected is None:
        return "its check record is damaged"
    if size != expected.get("bytes"):
        return f"it has {size} bytes, its check record says {expected.get('bytes')}"
    if digest != expected.get("sha256"):
        return "it does not match its check record"
    return None


def _against_record(path: Path) -> str | None:
    """How a file differs from the size and SHA-256 its check record gives (its own `.check`; for a conversation's
    timings, the record of its MP3), or None when it matches or has no record (an entry from before records)."""
    if path.name.endswith(CHECK_SUFFIX):
        return None
    name = f"{path.parent.name}/{path.name}"  # enough of its path to tell a conversation's timings
    try:
        record = json.loads((path.parent.parent / _record_of(name)).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return "its check record is damaged"
    expected, size = _expected(name, record), path.stat().st_size
    if expected is not None and size != expected.get("bytes"):  # no need to read it
        return f"it has {size} bytes, its check record says {expected.get('bytes')}"
    return _against(name, str(file_digest(path)["sha256"]), size, record)


def _pushable(path: Path) -> str | None:
    """`check_file`, and for a check record: whether it parses (`cache push`)."""
    if path.name.endswith(CHECK_SUFFIX):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            return f"{type(error).__name__}: {error}"
        return None if isinstance(record, dict) else "not a check record"
    return check_file(path)


def verify_local(cache: AudioCache, report: Callable[[str], None]) -> int:
    """Drop every entry with a file that does not decode; returns how many were dropped."""
    dropped = 0
    for entry in local_entries(cache).values():
        problems = [(name, why) for name in entry.files if (why := check_file(cache.root / name)) is not None]
        if problems:
            report(f"corrupt: {problems[0][0]} ({problems[0][1]}); entry removed")
            remove_local(cache, entry)
            dropped += 1
    return dropped


def verify_shared(store: SharedStore, report: Callable[[str], None]) -> tuple[int, int]:
    """Re-check every shared object (entries and use records) against its SHA-256; delete corrupt ones. Returns
    (checked, dropped)."""
    objects = store.list() + store.list_uses()
    #: each object's SHA-256 and size, and the check records parsed (a file and its record may both be damaged
    #: in a way their checksums vouch for: uploaded so by an older version, bug bash 120)
    found: dict[str, tuple[str, int]] = {}
    records: dict[str, object] = {}

    def check(relative: str) -> str | None:
        try:
            try:
                expected = store.read(store.checksum_path(relative)).decode("ascii", "replace").strip()
            except FileNotFoundError:
                expected = ""
            data = store.read(store.remote_path(relative))
        except FileNotFoundError:
            return None  # removed meanwhile (another prune): nothing to check
        except Exception as error:  # network, permissions: a clear message, never a traceback
            raise store.failure(f"cannot read {relative}", error) from None
        digest = sha256(data)
        if digest != expected:
            return "checksum mismatch or missing"
        found[relative] = (digest, len(data))
        if relative.endswith(CHECK_SUFFIX):
            try:
                records[relative] = json.loads(data)
            except ValueError:
                records[relative] = None
        return None

    problems = map_in_pool(check, [item.relative for item in objects], workers=TRANSFERS, name="convaudio-verify")
    for index, item in enumerate(objects):
        record = _record_of(item.relative)
        if problems[index] is None and item.relative in found and record in records:
            problems[index] = _against(item.relative, *found[item.relative], records[record])
    dropped = 0
    listed = {item.relative for item in objects}
    for item, problem in zip(objects, problems, strict=True):
        if problem is not None and item.relative in listed:
            report(f"corrupt: {store.display}/{item.relative} ({problem}); object removed")
            store.remove(item.relative)
            # an entry goes whole (its file, its check record, a conversation's MP3 and timings): a part left
            # alone vouches for nothing, and `pull` and `stats` would count it
            entry = entry_of(item.relative)
            for partner in sorted(name for name in listed if entry is not None and entry_of(name) == entry):
                if partner != item.relative:
                    store.remove(partner)
            listed -= {name for name in listed if entry is not None and entry_of(name) == entry} | {item.relative}
            dropped += 1
    return len(objects), dropped


def push(cache: AudioCache, store: SharedStore, report: Callable[[str], None] = print) -> tuple[list[str], int]:
    """Upload every local entry file the shared store lacks, from entries whose files decode (`check_file`): a
    damaged one would reach every machine with a checksum that vouches for it. Returns what was uploaded, and how
    many entries were left out (each reported)."""
    remote = {item.relative for item in store.list()}
    todo: list[str] = []
    refused = 0
    for entry in local_entries(cache).values():
        missing = [name for name in entry.files if name not in remote]
        if entry.kind in LOCAL_ONLY or not missing:
            continue
        # the files it would upload (the share may hold the others already, sound): each decodes, and a record
        # parses, or a checksum made now would vouch for a damaged file on every machine
        problems = [(name, why) for name in missing if (why := _pushable(cache.root / name)) is not None]
        if problems:
            name, why = problems[0]
            report(f"not pushed: {name} ({why}); `mkdocs-convaudio cache verify` removes it, the next build makes it")
            refused += 1
            continue
        todo += missing

    def upload(relative: str) -> None:
        try:
            data = (cache.root / relative).read_bytes()
        except FileNotFoundError:
            return  # pruned locally meanwhile
        try:
            store.put_bytes(relative, data)
        except Exception as error:  # no write access, network: a clear message, never a traceback
            raise store.failure(f"cannot upload {relative}", error) from None

    map_in_pool(upload, todo, workers=TRANSFERS, name="convaudio-push")
    return sorted(todo), refused


def pull(cache: AudioCache, store: SharedStore, report: Callable[[str], None] = print) -> tuple[list[str], int]:
    """Download every shared entry the local cache lacks files of (verified), whole: an entry one of whose files
    was not downloaded (damaged in the store, or removed meanwhile) keeps none of what this pull downloaded for it
    (a check record alone vouches for nothing; a conversation's MP3 goes with its timings), and is reported.
    Returns what was downloaded, and how many entries were left out."""
    wanted: dict[object, list[str]] = {}
    for item in store.list():
        if not (cache.root / item.relative).is_file():
            wanted.setdefault(entry_of(item.relative) or item.relative, []).append(item.relative)
    try:
        store.fetch_many(name for names in wanted.values() for name in names)
    except BaseException:  # the store failed half-way (a dropped connection)
        _drop_incomplete(cache, wanted)
        raise
    incomplete = _drop_incomplete(cache, wanted)
    for identity, lost in incomplete.items():
        where = "/".join(identity) if isinstance(identity, tuple) else str(identity)
        report(
            f"not pulled: {where} ({', '.join(lost)}: damaged in the shared cache, or removed meanwhile); "
            "`mkdocs-convaudio cache verify --shared` removes a damaged one, a build makes it again"
        )
    for identity, names in wanted.items():
        # a file its checksum vouches for that its check record does not (bug bash 120: pulled as sound, and
        # made again by the first build, paid, or not at all offline)
        if identity not in incomplete and (bad := [n for n in names if _against_record(cache.root / n) is not None]):
            for name in names:
                (cache.root / name).unlink(missing_ok=True)
            incomplete[identity] = bad
            where = "/".join(identity) if isinstance(identity, tuple) else str(identity)
            report(
                f"not pulled: {where} ({', '.join(bad)}: it does not match its check record in the shared cache); "
                "`mkdocs-convaudio cache verify --shared` removes it, a build makes it again"
            )
    kept = [name for identity, names in wanted.items() if identity not in incomplete for name in names]
    return sorted(kept), len(incomplete)


def _drop_incomplete(cache: AudioCache, wanted: dict[object, list[str]]) -> dict[object, list[str]]:
    """The entries a pull did not complete, with the files they still lack; what it downloaded for them is removed
    (each file of `wanted` was missing before the pull, so what is there now came with it)."""
    incomplete: dict[object, list[str]] = {}
    for identity, names in wanted.items():
        lost = [name for name in names if not (cache.root / name).is_file()]
        if lost:
            for name in names:
                if name not in lost:
                    (cache.root / name).unlink(missing_ok=True)
            incomplete[identity] = lost
    return incomplete
