"""A speaker's likely kind of voice from their given name, so that Maya is not handed a man's voice."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

Kind = Literal["female", "male"]

_NAMES = Path(__file__).with_name("given_names.txt")
_KINDS: dict[str, Kind] = {"f": "female", "m": "male"}
#: Titles before a name (`Dr. Maya Chen`, `Prof Tom`): the name is the word after them, unless the title says
#: which kind of voice (`Mrs. Lee`, `Mr Jones`).
_TITLES: dict[str, Kind | None] = {
    **dict.fromkeys(("dr", "prof", "professor", "doctor", "mx"), None),
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "dame", "lady"), "female"),
    **dict.fromkeys(("mr", "sir", "lord"), "male"),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _names() -> dict[str, Kind]:
    # read on the first new speaker of a build only: a build whose speakers all have voices never opens the file
    table: dict[str, Kind] = {}
    for line in _NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, kind = line.split()
            table[name.casefold()] = _KINDS[kind]
    return table


def likely_kind(speaker: str) -> Kind | None:
    """ "female" or "male" when the speaker's title says so (`Mrs. Lee`), or their given name (the first word, after
    a title such as `Dr.`) is borne mostly by women or by men; None for a role (`Host`, `A`), a rare or shared name
    (`Taylor` and `Jamie` are not in the table, nor `Jean`, which is a man's name in French), or a name in another
    script."""
    words = [word.casefold() for word in _WORD.findall(speaker)]
    while words and words[0] in _TITLES:
        if kind := _TITLES[words.pop(0)]:
            return kind
    return _names().get(words[0]) if words else None
