"""Spoken text remembered between builds: a warm build looks each line up instead of spelling it out again."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..libversions import library_version, remembered

if TYPE_CHECKING:
    from ..store.memo import Memo
    from .spoken import Lexicon

#: What `spoken_text` depends on besides its arguments: its own code and the libraries it reads with.
_LIBRARIES = ("pylatexenc", "num2words", "langcodes", "language_data", "regex")
#: Spoken texts computed in this process (`mkdocs serve` rebuilds in one process), at most this many.
_PROCESS_LIMIT = 50_000
_process: dict[tuple[str, str, str], str] = {}


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that turns lines into spoken text (the `text/spoken` sources and the languages
    module) and of the versions of the libraries it uses: a changed rule never reuses a stale memo."""
    return remembered("spoken code", _code_version)


def _code_version() -> str:
    import unicodedata

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in [*sorted((here / "spoken").glob("*.py")), here.parent / "voices" / "languages.py"]:
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for name in _LIBRARIES:
        digest.update(f"{name}={library_version(name)}\0".encode())
    digest.update(f"unicode={unicodedata.unidata_version} python={sys.version_info[:2]}".encode())
    return digest.hexdigest()[:32]


def lexicon_identity(lexicon: Lexicon | None) -> str:
    """A digest of every entry of the lexicon (not its path: two files with the same entries say the same)."""
    if lexicon is None or not lexicon.sections:
        return "-"
    digest = hashlib.sha256()
    for section in sorted(lexicon.sections):
        for entry in lexicon.sections[section]:
            fields = (section, entry.written, entry.say, str(entry.whole_word), str(entry.case_sensitive))
            digest.update("\0".join(fields).encode("utf-8") + b"\1")
    return digest.hexdigest()[:32]


class SpokenMemo:
    """`spoken_text(line, language, lexicon)`, computed once per (line, language, lexicon entries, code
    version): per process, and across builds in `memo` (a file in the cache folder)."""

    def __init__(self, memo: Memo | None, lexicon: Lexicon | None) -> None:
        self.memo = memo
        self.lexicon = lexicon
        self._lexicon_id: str | None = None
        #: Lines spelled out by `spoken_text` through this memo (tests count them).
        self.computed = 0

    def spoken(self, line: str, language: str) -> str:
        if self._lexicon_id is None:
            self._lexicon_id = lexicon_identity(self.lexicon)
        process_key = (line, language, self._lexicon_id)
        text = _process.get(process_key)
        if text is not None:
            if self.memo is not None:
                self.memo.put(self._key(process_key), text)
            return text
        key = self._key(process_key)
        stored = self.memo.get(key) if self.memo is not None else None
        if isinstance(stored, str):
            text = stored
        else:
            from .spoken import spoken_text  # formulas, numbers and rules load only when a line is new

            text = spoken_text(line, language, self.lexicon)
            self.computed += 1
            if self.memo is not None:
                self.memo.put(key, text)
        if len(_process) >= _PROCESS_LIMIT:
            _process.clear()
        _process[process_key] = text
        return text

    @staticmethod
    def _key(process_key: tuple[str, str, str]) -> str:
        line, language, lexicon = process_key
        return hashlib.sha256("\0".join((language, lexicon, line)).encode("utf-8")).hexdigest()[:40]
