"""The plugin's options a config file's `INHERIT:` loses: MkDocs merges an inherited config's `plugins` only when
both files write it as a mapping; a list (`- convaudio:`) in either replaces the other's whole, and with it its
`max_characters` (bug bash h-ci: a `mkdocs.prod.yml` built with the cloud voices and no budget, silently)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

_INHERIT = re.compile(r"^INHERIT\s*:", re.MULTILINE)
_PLUGINS = re.compile(r"^plugins\s*:", re.MULTILINE)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads a config file as MkDocs does, without building what its tags stand for (`!ENV`, `!!python/name:`)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _options(config: Any, plugin: str) -> dict[str, Any]:
    """The options a config's `plugins` gives `plugin`, in either form (a list of names and one-key mappings, or a
    mapping), as written: none for a plugin listed without options."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):
        found = plugins.get(plugin)
        return found if isinstance(found, dict) else {}
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and isinstance(item.get(plugin), dict):
            return dict(item[plugin])
    return {}


def _own(config: dict[str, Any]) -> dict[str, Any]:
    """A config file's own keys, as MkDocs merges them (its `INHERIT` taken out)."""
    return {key: value for key, value in config.items() if key != "INHERIT"}


def lost_options(config_file: str, plugin: str = "convaudio") -> tuple[str, int | None, str, list[str]] | None:
    """When the config file inherits (`INHERIT:`, followed as MkDocs does) options of `plugin` that MkDocs' merge
    drops: the file to fix (the first of the chain whose `plugins` replaced an inherited one), its `plugins:` line,
    the file that wrote them and their names; None otherwise. A file without `INHERIT` costs one read, no parse."""
    try:
        text = Path(config_file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if not _INHERIT.search(text):
        return None
    chain: list[tuple[Path, str, Any]] = []  # the config file first, then each file it inherits
    path: Path | None = Path(config_file)
    while path is not None and path.resolve() not in {each.resolve() for each, _, _ in chain}:
        try:
            text = path.read_text(encoding="utf-8-sig")
            loaded = yaml.load(text, Loader=_AnyTagLoader)  # a SafeLoader: a tag it does not know gives None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None  # MkDocs says what is wrong with it
        chain.append((path, text, loaded if isinstance(loaded, dict) else {}))
        inherit = chain[-1][2].get("INHERIT")
        path = path.parent / str(inherit) if isinstance(inherit, str) else None
    from mergedeep import merge  # type: ignore[import-untyped]  # MkDocs' own, so the result is what it builds with

    merged = _own(chain[-1][2])
    for index in range(len(chain) - 1, 0, -1):  # the farthest file first, as MkDocs merges them
        before = _options(merged, plugin)
        merged = merge(copy.deepcopy(merged), _own(chain[index - 1][2]))
        if lost := [name for name in before if name not in _options(merged, plugin)]:
            fixed, text, _ = chain[index - 1]
            line = text.count("\n", 0, found.start()) + 1 if (found := _PLUGINS.search(text)) else None
            # the nearest file that writes them: in a chain (prod.yml → ci.yml → mkdocs.yml) an option of
            # mkdocs.yml that ci.yml's mapping kept was said to be written in ci.yml
            writers = (each for each, _, own in chain[index:] if any(name in _options(own, plugin) for name in lost))
            return str(fixed), line, str(next(writers, chain[index][0])), lost
    return None
