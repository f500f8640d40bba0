"""Which writing systems a line uses, and taking out the letters a voice cannot read."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `regex` is imported when a line is checked: a warm build checks none (it is ~7 ms to import)
    import regex

#: ISO 15924 code → name for messages; scripts not listed here are still detected, and named by code.
SCRIPT_NAMES = {
    "Latn": "Latin",
    "Hani": "Han (Chinese characters, kanji)",
    "Hira": "Hiragana",
    "Kana": "Katakana",
    "Hang": "Hangul",
    "Arab": "Arabic",
    "Cyrl": "Cyrillic",
    "Grek": "Greek",
    "Hebr": "Hebrew",
    "Deva": "Devanagari",
    "Beng": "Bengali",
    "Thai": "Thai",
    "Taml": "Tamil",
    "Geor": "Georgian",
    "Armn": "Armenian",
    "Ethi": "Ethiopic",
    "Khmr": "Khmer",
    "Mymr": "Myanmar",
    "Sinh": "Sinhala",
    "Telu": "Telugu",
    "Gujr": "Gujarati",
    "Guru": "Gurmukhi",
    "Knda": "Kannada",
    "Mlym": "Malayalam",
    "Tibt": "Tibetan",
    "Bopo": "Bopomofo",
}


@lru_cache(maxsize=64)
def _foreign_letters(readable: frozenset[str]) -> regex.Pattern[str]:
    import regex

    allowed = "".join(rf"\p{{sc={code}}}" for code in sorted(readable))
    # with the marks on them: a Thai vowel sign or a Hebrew point is a mark of its script, an Arabic vowel sign one
    # of no script (inherited); left behind, eSpeak NG read them out ("Thai letter e31", "fatha": bug bash 77)
    letter = rf"[\p{{L}}\p{{M}}\p{{Nl}}\p{{No}}--[{allowed}\p{{sc=Zyyy}}\p{{sc=Zinh}}]]"
    return regex.compile(rf"(?V1)(?:{letter}\p{{M}}*)+")


def script_of(text: str) -> str:
    """The ISO 15924 code of the first known script in `text`, or `Zzzz` (unknown)."""
    import regex

    for code in SCRIPT_NAMES:
        if regex.search(rf"\p{{sc={code}}}", text):
            return code
    return "Zzzz"


def unreadable_scripts(text: str, readable: Collection[str]) -> tuple[str, list[str]]:
    """`text` without the letters of scripts outside `readable`, and the names of those scripts (in order)."""
    import regex

    pattern = _foreign_letters(frozenset(readable))
    found: dict[str, None] = {}
    for run in pattern.findall(text):
        for char in run:
            if unicodedata.category(char).startswith("M"):
                continue  # named by its letter (an inherited mark has no script of its own)
            code = script_of(char)
            found[SCRIPT_NAMES.get(code, code)] = None
    if not found:
        return text, []
    kept = regex.sub(r"\s+([,.;:!?。、，．])", r"\1", " ".join(pattern.sub(" ", text).split()))
    if not any(char.isalnum() for char in kept):
        kept = ""  # punctuation alone is nothing to say
    return kept, list(found)
