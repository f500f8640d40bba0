"""Split a line that exceeds an engine's input limit at sentence boundaries, then at word boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable

# Chinese and Japanese end sentences without a space after them (a line was cut mid-word there)
_SENTENCE_END = re.compile(r"(?<=[.!?…;:])\s+|(?<=[。！？；])\s*")
_CJK_ENDS = ("。", "！", "？", "；")


def _hard_split(word: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and measure(current + char) > limit:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def _pack(units: list[str], limit: int, measure: Callable[[str], int], joiner: str) -> list[str]:
    chunks: list[str] = []
    current = ""
    for unit in units:
        between = "" if current.endswith(_CJK_ENDS) else joiner  # no space is put into Chinese or Japanese
        candidate = f"{current}{between}{unit}" if current else unit
        if measure(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = unit
    if current:
        chunks.append(current)
    return chunks


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Parts of `text`, each within `limit` as `measure` counts it (bytes for Google, characters for OpenAI)."""
    if measure(text) <= limit:
        return [text]
    units: list[str] = []
    for sentence in filter(None, _SENTENCE_END.split(text)):
        if measure(sentence) <= limit:
            units.append(sentence)
            continue
        words: list[str] = []
        for word in sentence.split():
            words.extend([word] if measure(word) <= limit else _hard_split(word, limit, measure))
        units.extend(_pack(words, limit, measure, " "))
    return _pack(units, limit, measure, " ")
