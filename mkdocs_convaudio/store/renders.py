"""The `mkdocs-convaudio render` runs made with a cache folder, recorded there: `cache prune` plans each again."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .cache import AudioCache
from .files import atomic_path

#: `renders-memo<tag>.json`: named like a memo file, so that it counts among the files of its run's tag (a render
#: run's memo files are tagged as a site's are, see `build.memo_tag`).
_NAME = re.compile(r"renders-memo(-[0-9a-f]{10})?\.json")
VERSION = 1


@dataclass(frozen=True)
class RenderRun:
    """What one `render` command line planned from, with every path absolute: enough to plan it again from
    anywhere. `inputs` (dialogue files or folders) or `posts` (a folder of posts)."""

    inputs: tuple[str, ...]
    posts: str | None
    root: str
    lang: str | None
    config_file: str
    toml: str
    engine: str | None
    voice_map: str | None
    cache_dir: str | None

    def key(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode("utf-8")).hexdigest()

    def describe(self) -> str:
        """`render a.json talks/` or `render --posts _posts`, as the user typed it (absolute paths)."""
        what = f"--posts {self.posts}" if self.posts is not None else " ".join(self.inputs)
        return f"render {what}" + (f" --lang {self.lang}" if self.lang else "")


def _from_json(data: Any) -> RenderRun | None:
    try:
        values = {name: data[name] for name in RenderRun.__dataclass_fields__}
        return RenderRun(**{**values, "inputs": tuple(str(item) for item in values["inputs"])})
    except (TypeError, KeyError):
        return None


def record(cache: AudioCache, run: RenderRun) -> None:
    """Add `run` to the runs of its tag (`cache.memo_tag`), once: the same command line is one run. Under the
    key lock `renders`: two runs recording at once both stay. Called while the run holds the cache (`building`),
    so `cache prune` never deletes that lock file meanwhile."""
    path = cache.root / f"renders-memo{cache.memo_tag}.json"
    with cache.locks.key("renders"):
        runs = _read(path)
        runs[run.key()] = {**asdict(run), "inputs": list(run.inputs), "recorded": round(time.time())}
        data = json.dumps({"version": VERSION, "runs": runs}, indent=1, sort_keys=True, ensure_ascii=False)
        with atomic_path(path, "cache memo") as temp:
            temp.write_text(data, encoding="utf-8")


def _read(path: Path) -> dict[str, Any]:
    loaded: Any = None
    with contextlib.suppress(OSError, ValueError):
        loaded = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict) or loaded.get("version") != VERSION or not isinstance(loaded.get("runs"), dict):
        return {}
    return dict(loaded["runs"])


def recorded(cache_root: Path) -> dict[str, list[RenderRun]]:
    """Every run recorded in the cache folder, by tag. A damaged record is no run: its tag's other files keep
    `cache prune` away (see `inventory.sites_in`)."""
    found: dict[str, list[RenderRun]] = {}
    with contextlib.suppress(OSError):
        for path in sorted(cache_root.iterdir()):
            if (match := _NAME.fullmatch(path.name)) is None:
                continue
            runs = [run for data in _read(path).values() if (run := _from_json(data)) is not None]
            if runs:
                found[match[1] or ""] = runs
    return found
