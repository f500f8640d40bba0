"""The warm row's floor: what `floor_hook.py` (only what any such plugin must do) costs over the plugin disabled."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import meta

from .floor_hook import DURATION, MARK

_PLAYER = re.compile(r'<div class="convaudio".*?</details></div>', re.DOTALL)
_DURATION = re.compile(r'(<span class="convaudio-duration">)([^<]*)(</span>)')
_BLOCK = re.compile(r"```json\n.*?\n```", re.DOTALL)


def floor_table(config: Path) -> Path:
    """The hook's table, from a site the plugin just built with `config`: each post's Markdown digest, its
    Markdown with a marker in place of the conversation, its player as built (duration left out), and the files
    the plugin published for it (the MP3, timings and captions under the cache's `site/` folder)."""
    root = config.parent
    published = root / ".cache" / "plugin" / "convaudio" / "site"
    table: dict[str, Any] = {}
    for page in sorted((root / "docs").glob("*.md")):
        markdown, _ = meta.get_data(page.read_text(encoding="utf-8-sig"))
        html = (root / "site" / f"{page.stem}.html").read_text(encoding="utf-8")
        player = _PLAYER.search(html)
        block = _BLOCK.search(markdown)
        if player is None or block is None:
            continue
        duration = _DURATION.search(player[0])
        assert duration is not None, page
        stem = f"assets/convaudio/{page.stem}-1"
        table[page.name] = {
            "digest": hashlib.sha256(markdown.encode("utf-8")).hexdigest(),
            "markdown": markdown[: block.start()] + MARK + markdown[block.end() :],
            "player": _DURATION.sub(lambda match: match[1] + DURATION + match[3], player[0], count=1),
            "duration": duration[2],
            "files": [[f"{stem}.{kind}", str(published / f"{stem}.{kind}")] for kind in ("mp3", "json", "vtt")],
        }
    path = root / "floor-table.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    return path


def floor_config(config: Path, disabled: Path) -> Path:
    """`mkdocs-floor.yml`: the plugin-disabled site (`disabled`: its process imports the plugin, so the two
    processes hold the same objects and their garbage collections cost the same) with `floor_hook.py` doing the
    job, in the same site folder (see `run.alternate`). `config` is the site the plugin just built."""
    settings = yaml.safe_load(disabled.read_text(encoding="utf-8"))
    hooked = {
        **settings,
        "hooks": [str(Path(__file__).with_name("floor_hook.py"))],
        "extra": {"convaudio_floor_table": str(floor_table(config))},
    }
    floor = config.with_name("mkdocs-floor.yml")
    floor.write_text(yaml.safe_dump(hooked), encoding="utf-8")
    return floor
