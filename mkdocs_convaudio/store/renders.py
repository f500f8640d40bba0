"""What each `mkdocs-convaudio render` run used, recorded in its cache folder: `cache prune` keeps it."""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ..errors import ConvaudioError
from .cache import AudioCache
from .files import atomic_path

#: `renders-memo<tag>.json`: named like a memo file, so that it counts among the files of its runs' tag (a render
#: run's memo files are tagged as a site's are, see `build.memo_tag`).
_NAME = re.compile(r"renders-memo(-[0-9a-f]{10})?\.json")
VERSION = 1


def record_path(cache: AudioCache) -> Path:
    return cache.root / f"renders-memo{cache.memo_tag}.json"


def record(
    cache: AudioCache,
    command: str,
    run: str,
    conversations: Collection[str],
    keys: Collection[str],
    *,
    done: bool,
) -> None:
    """Record the cache keys the run `run` (a digest of its command line) uses: its `conversations` (whose
    segments prune keeps too) and every other key (lines, videos). Before it renders (`done` off) they are added
    to what it used before, which stays until the run is `done` (it rendered every file it was given): a run that
    fails, or is stopped, never drops what its last complete run used. Other runs' records stay. Under the key
    lock `renders`: two runs recording at once both stay. Raises ConvaudioError when the record cannot be kept
    (an unreadable record file is never replaced: `cache prune` stops on it instead of forgetting the other
    runs)."""
    path = record_path(cache)
    with cache.locks.key("renders"):
        runs = read(path)
        if runs is None:
            raise ConvaudioError(
                f"{path} cannot be read (damaged, or written by another version), so this run is not recorded in "
                "it and `cache prune` will stop on it; if it is damaged, delete it and make every render run once"
            )
        before = runs.get(run, {}) if not done else {}
        runs[run] = {
            "command": command,
            "recorded": round(time.time()),
            "conversations": sorted({*conversations, *before.get("conversations", ())}),
            "keys": sorted({*keys, *before.get("keys", ())}),
        }
        _write(path, runs)


def record_drafts(
    cache: AudioCache,
    command: str,
    run: str,
    drafts: Collection[str],
    conversations: Collection[str],
    keys: Collection[str],
) -> None:
    """Record what the drafts a run rendered (`render --posts --drafts`) use, in the entry `run` of their own,
    with the posts they are (`drafts`), which `keep_drafts` reads; without drafts the entry goes. Raises
    ConvaudioError as `record` does."""
    path = record_path(cache)
    with cache.locks.key("renders"):
        runs = _readable(path)
        runs.pop(run, None)
        if drafts:
            runs[run] = _entry(command, conversations, keys, drafts)
        _write(path, runs)


def keep_drafts(cache: AudioCache, command: str, run: str, into: str, drafts: Collection[str]) -> None:
    """Before the run `run` (a `render --posts` that leaves its `drafts` out, the posts it names) replaces its
    record with what its posts use now: the drafts' entry `into` keeps what it holds, and a draft it does not
    hold yet (a post turned draft since, or drafts an older version rendered with the posts) adds all that `run`
    used so far, its audio among it (until a run with `--drafts`, or none left). With no draft left the entry goes:
    a draft published is the posts', one deleted nobody's (an entry copied once and kept for good kept every post's
    old audio from prune, review r-render2). Raises ConvaudioError as `record` does."""
    path = record_path(cache)
    with cache.locks.key("renders"):
        runs = _readable(path)
        kept = runs.pop(into, None) or {"conversations": [], "keys": [], "drafts": []}
        held = set(kept.get("drafts") or ())
        if held == set(drafts):
            return  # the same drafts, the same entry: not written again
        if drafts:
            if not set(drafts) <= held:  # all it used: a line a draft shares with a post is the draft's too
                before = runs.get(run, {})
                kept["conversations"] = {*kept["conversations"], *before.get("conversations", ())}
                kept["keys"] = {*kept["keys"], *before.get("keys", ())}
            runs[into] = _entry(command, kept["conversations"], kept["keys"], set(drafts))
        _write(path, runs)


def _readable(path: Path) -> dict[str, Any]:
    runs = read(path)
    if runs is None:
        raise ConvaudioError(f"{path} cannot be read (damaged, or written by another version)")
    return runs


def _entry(
    command: str, conversations: Collection[str], keys: Collection[str], drafts: Collection[str]
) -> dict[str, Any]:
    entry = {"command": command, "recorded": round(time.time())}
    return {**entry, "conversations": sorted(conversations), "keys": sorted(keys), "drafts": sorted(drafts)}


def _write(path: Path, runs: dict[str, Any]) -> None:
    data = json.dumps({"version": VERSION, "runs": runs}, indent=1, sort_keys=True, ensure_ascii=False)
    try:
        with atomic_path(path, "cache memo") as temp:
            temp.write_text(data, encoding="utf-8")
    except ConvaudioError:
        raise
    except OSError as error:
        raise ConvaudioError(f"cannot write {path}: {error}") from None


def read(path: Path) -> dict[str, Any] | None:
    """The runs in a record file: none when there is no file; None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError):
        return None
    with contextlib.suppress(ValueError):
        loaded = json.loads(text)
        if isinstance(loaded, dict) and loaded.get("version") == VERSION and isinstance(loaded.get("runs"), dict):
            runs = loaded["runs"]
            lists = ("conversations", "keys")
            if all(
                isinstance(entry, dict) and all(_strings(entry.get(name)) for name in lists) for entry in runs.values()
            ):
                return dict(runs)
    return None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def recorded(cache_root: Path) -> tuple[dict[str, tuple[set[str], set[str]]], list[str]]:
    """The conversations and all keys the recorded render runs use, by tag; and the names of the record files that
    cannot be read (their tags are missing: `cache prune` stops on them)."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    damaged: list[str] = []
    with contextlib.suppress(OSError):
        for path in sorted(cache_root.iterdir()):
            if (match := _NAME.fullmatch(path.name)) is None:
                continue
            if (runs := read(path)) is None:
                damaged.append(path.name)
                continue
            conversations = {str(key) for entry in runs.values() for key in entry["conversations"]}
            found[match[1] or ""] = (conversations, {str(key) for entry in runs.values() for key in entry["keys"]})
    return found, damaged
