"""Split a line that exceeds an engine's input limit at sentence boundaries, then at word boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable

#: A sentence with what follows it (its spaces): Chinese and Japanese end one without a space after it (a line was
#: cut mid-word there), but not inside a quote or a run of marks (`「そうです。」`, `！？`).
_SENTENCE = re.compile(r".+?(?:[.!?…;:]\s+|[。！？；](?![」』）)！？。])\s*|$)", re.S)


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
        candidate = f"{current}{joiner}{unit}" if current else unit
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
    # sentences keep what followed them (a space, or nothing after 。), so packing them again adds nothing
    units: list[str] = []
    for found in _SENTENCE.finditer(text):
        sentence = found[0]
        if not sentence:
            continue
        if measure(sentence.rstrip()) <= limit:
            units.append(sentence)
            continue
        words: list[str] = []
        for word in sentence.split():
            words.extend([word] if measure(word) <= limit else _hard_split(word, limit, measure))
        units.extend(f"{part} " for part in _pack(words, limit, measure, " "))
    return [chunk.strip() for chunk in _pack(units, limit, lambda piece: measure(piece.rstrip()), "")]
