"""Parts of a line read on their own (formulas, code spans), held out of it while the rules for the rest run: each
stands in the line as one private-use character, which no rule splits, joins or reads."""

from __future__ import annotations

import re
from collections.abc import Callable

#: Each kind's own characters, in the supplementary private-use planes: enough for the longest line read (100,000
#: characters, a held part at least 3 of them). The ranges were 256 to 2,048 characters of the BMP's private-use
#: area, and one kind's numbers ran into the next's: 2,049 prose formulas in a line crashed it (`IndexError`), a
#: 257th code span was read as another's, or reached the voice as an Arabic ligature
FORMULAS = (0xF0000, 0xFFFFD)
CODES = (0x100000, 0x107FFF)
MARKUP_CODES = (0x108000, 0x10FFFD)
#: What a line may hold of these, dropped before reading it (a pasted icon font's character would be taken for a held
#: part: review 100); and of the BMP's range they had, as before (Nerd Fonts' codicons start at U+EA60)
ANY_HELD = re.compile(r"[\uE100-\uEAFF\U000F0000-\U0010FFFD]")


class Held:
    """The parts held out of one line, in the order held, each standing as its character of `kind`."""

    def __init__(self, kind: tuple[int, int]) -> None:
        self._first, last = kind
        self.pattern = re.compile(f"[{chr(self._first)}-{chr(last)}]")
        self._size = last - self._first + 1
        self.items: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def full(self) -> bool:
        """Whether no character is left to hold another part (the line reads it with the rest, as written)."""
        return len(self.items) >= self._size

    def hold(self, item: str) -> str:
        """The character standing for `item` (check `full` first)."""
        self.items.append(item)
        return chr(self._first + len(self.items) - 1)

    def put_back(self, text: str, said: Callable[[str, re.Match[str]], str] = lambda item, _: item) -> str:
        """`text` with each held part's character replaced by `said` of the part and the character's match."""

        def put(match: re.Match[str]) -> str:
            index = ord(match[0]) - self._first
            return said(self.items[index], match) if index < len(self.items) else match[0]

        return self.pattern.sub(put, text)
