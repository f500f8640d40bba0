"""The site's pronunciation lexicon (`convaudio-pronunciations.yml`): written form → what to say, per language."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...errors import ConvaudioError

#: The section that applies to every language.
ALL = "all"
_OPTIONS = {"say", "whole_word", "case_sensitive"}


@dataclass(frozen=True)
class Entry:
    """One pronunciation: whole-word and case-sensitive unless the author says otherwise."""

    written: str
    say: str
    whole_word: bool = True
    case_sensitive: bool = True

    def pattern(self) -> str:
        body = re.escape(self.written)
        if not self.case_sensitive:
            body = f"(?i:{body})"
        if self.whole_word:
            body = rf"(?<!\w){body}(?!\w)"
        return body


@dataclass
class Lexicon:
    """Entries by language section; a page uses `all`, then its base language (`fr`), then its full tag (`fr-CA`)."""

    sections: dict[str, list[Entry]] = field(default_factory=dict)
    path: str | None = None
    _compiled: dict[str, tuple[re.Pattern[str], list[Entry]] | None] = field(default_factory=dict, repr=False)

    def entries_for(self, language: str) -> list[Entry]:
        chosen: dict[str, Entry] = {}
        tag = language.lower()
        for section in (ALL, tag.split("-")[0], tag):
            for entry in self.sections.get(section, []):
                chosen[entry.written] = entry
        return sorted(chosen.values(), key=lambda entry: -len(entry.written))  # longest first: GPT-4o before GPT

    def apply(self, text: str, language: str) -> str:
        """Replace every written form in `text` in one pass (a replacement is never replaced again)."""
        if language not in self._compiled:
            entries = self.entries_for(language)
            self._compiled[language] = (
                (re.compile("|".join(f"({entry.pattern()})" for entry in entries)), entries) if entries else None
            )
        compiled = self._compiled[language]
        if compiled is None:
            return text
        pattern, entries = compiled

        def say(match: re.Match[str]) -> str:
            assert match.lastindex is not None
            return entries[match.lastindex - 1].say

        return pattern.sub(say, text)


def _entry(written: Any, value: Any) -> Entry:
    if written is None or not str(written).strip():
        # an empty key matched between every two characters of every line
        raise ConvaudioError("an entry has an empty key; write the text it replaces (`GPU: G P U`), or remove it")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return Entry(str(written), str(value))
    if isinstance(value, Mapping) and "say" in value and not set(value) - _OPTIONS:
        options = {name: value.get(name, True) for name in ("whole_word", "case_sensitive")}
        if not all(option in (True, False) for option in options.values()):  # "false" in quotes was true
            raise ConvaudioError(
                f"the entry {written!r}: whole_word and case_sensitive are true or false, without quotes"
            )
        return Entry(str(written), str(value["say"]), **{name: bool(option) for name, option in options.items()})
    raise ConvaudioError(
        f"the entry {written!r} must be the words to say (`SPI: S P I`) or "
        "`{say: ..., whole_word: false, case_sensitive: false}`"
    )


def _key_lines(text: str) -> dict[tuple[str, str | None], int]:
    """1-based line of each section (`(section, None)`) and entry (`(section, written)`), for messages."""
    lines: dict[tuple[str, str | None], int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return lines
    for section_key, section in root.value:
        name = str(section_key.value)
        lines[(name, None)] = section_key.start_mark.line + 1
        if isinstance(section, yaml.MappingNode):
            for key, _ in section.value:
                lines[(name, str(key.value))] = key.start_mark.line + 1
    return lines


def load_lexicon(path: Path, normalize: Callable[[str], str] = str.lower) -> Lexicon:
    """Read the lexicon file; a missing file is an empty lexicon, a malformed one an error naming the line
    (every bad section and entry at once).

    `normalize` turns section names into language tags (so a `hant:` section serves `zh-Hant` pages).
    """
    if not path.is_file():
        return Lexicon(path=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = yaml.safe_load(text)
    except OSError as error:
        raise ConvaudioError(
            f"this pronunciation lexicon cannot be read ({error.strerror or error}); check its permissions", str(path)
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConvaudioError(
            f"this pronunciation lexicon is not valid YAML ({getattr(error, 'problem', error)}); fix the syntax",
            str(path),
            mark.line + 1 if mark is not None else None,
        ) from None
    except UnicodeDecodeError:
        raise ConvaudioError("this pronunciation lexicon is not UTF-8; save it as UTF-8", str(path)) from None
    if data is None:
        return Lexicon(path=str(path))
    if not isinstance(data, Mapping) or not all(isinstance(section, Mapping) for section in data.values()):
        raise ConvaudioError(
            "a pronunciation lexicon maps language sections to entries, e.g.\nall:\n  SPI: S P I\nfr:\n  GPT: G P T",
            str(path),
        )
    lines = _key_lines(text)
    problems: list[ConvaudioError] = []
    sections: dict[str, list[Entry]] = {}
    for language, entries in data.items():
        try:
            name = ALL if str(language).lower() == ALL else normalize(str(language)).lower()
        except ConvaudioError as error:
            where = lines.get((str(language), None))
            problems.append(ConvaudioError(f"section {language}: {error.message}", str(path), where))
            continue
        chosen = sections.setdefault(name, [])
        for written, value in entries.items():
            try:
                chosen.append(_entry(written, value))
            except ConvaudioError as error:
                where = lines.get((str(language), str(written)), lines.get((str(language), None)))
                problems.append(ConvaudioError(f"section {language}: {error.message}", str(path), where))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise ConvaudioError(
            f"{len(problems)} problems in this pronunciation lexicon:\n" + "\n".join(f"  {item}" for item in problems)
        )
    return Lexicon(sections=sections, path=str(path))
