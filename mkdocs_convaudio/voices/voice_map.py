"""The voice-map file: which voice speaks for whom, chosen once, committed by authors, and theirs to edit."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConvaudioError
from ..store.files import atomic_path

HEADER = """\
# mkdocs-convaudio voice map: which voice speaks for each speaker of each post, per engine.
# Commit this file. New speakers get a voice automatically; change any voice here and your choice wins.
# Keys are language-free post paths, so a translation (talk-fr.md, talk.fr.md) shares its original's voices.
"""

VoiceTable = dict[str, dict[str, dict[str, str]]]


def _node_lines(node: yaml.Node, path: tuple[str, ...], out: dict[tuple[str, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _node_lines(value, (*path, str(key.value)), out)


class VoiceMap:
    """Loaded from and saved to one YAML file: `{engine: {post key: {speaker: voice identity}}}`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.table: VoiceTable = {}
        self.lines: dict[tuple[str, ...], int] = {}
        self.dirty = False
        if path.is_file():
            self._load()

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise ConvaudioError(
                f"the voice map is not UTF-8 (byte {error.start}); save it as UTF-8", str(self.path)
            ) from None
        try:
            # libyaml's loader when PyYAML has it: a blog's voice map is read on every build
            loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data: Any = yaml.load(text, Loader=loader)
            node = yaml.compose(text, Loader=loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConvaudioError(
                f"the voice map is not valid YAML ({getattr(error, 'problem', error)}); fix it or delete it to "
                "let voices be chosen again",
                str(self.path),
                mark.line + 1 if mark is not None else None,
            ) from None
        if data is None:
            return
        if node is not None:
            _node_lines(node, (), self.lines)
        shape_error = ConvaudioError(
            "the voice map must look like `engine: {post path: {speaker: voice}}` (e.g. `espeak: "
            "{blog/talk.md: {A: m3}}`)",
            str(self.path),
        )
        if not isinstance(data, dict):
            raise shape_error
        for engine, posts in data.items():
            if not isinstance(posts, dict):
                raise ConvaudioError(shape_error.message, str(self.path), self.lines.get((str(engine),)))
            for key, speakers in posts.items():
                if not isinstance(speakers, dict) or not all(
                    isinstance(voice, str | int) for voice in speakers.values()
                ):
                    raise ConvaudioError(shape_error.message, str(self.path), self.lines.get((str(engine), str(key))))
                self.table.setdefault(str(engine), {})[str(key)] = {str(s): str(v) for s, v in speakers.items()}

    def line_of(self, engine: str, key: str, speaker: str) -> int | None:
        return self.lines.get((engine, key, speaker))

    def voices_for(
        self, engine: str, key: str, speakers: list[str], pool: list[str], legacy_keys: Collection[str] = ()
    ) -> dict[str, str]:
        """The voice of each speaker: recorded ones as written, new ones the first pool voice not yet used
        in this post, in order of appearance. Deterministic: same file, same speakers, same voices.

        `legacy_keys` are names the entry may have had before: a post that gains a translation moves from
        `talk-en.md` to `talk.md`, and the voices its author chose move with it."""
        section = self.table.setdefault(engine, {})
        if key not in section:
            for old in legacy_keys:
                if old != key and old in section:
                    section[key] = section.pop(old)
                    self.dirty = True
                    break
        entry = section.setdefault(key, {})
        for speaker in speakers:
            if speaker in entry:
                continue
            taken = set(entry.values())
            free = [voice for voice in pool if voice not in taken]
            # more speakers than voices: reuse in pool order rather than fail
            entry[speaker] = free[0] if free else pool[len(entry) % len(pool)]
            self.dirty = True
        return {speaker: entry[speaker] for speaker in speakers}

    def save(self) -> None:
        """Write only when something new was chosen, atomically, keeping every entry already there."""
        if not self.dirty:
            return
        body = yaml.safe_dump(self.table, sort_keys=True, allow_unicode=True, default_flow_style=False)
        with atomic_path(self.path) as temp:
            temp.write_text(HEADER + body, encoding="utf-8")
        self.dirty = False
        text = self.path.read_text(encoding="utf-8")
        self.lines = {}
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is not None:
            _node_lines(node, (), self.lines)
