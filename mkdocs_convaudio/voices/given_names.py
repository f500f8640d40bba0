"""A speaker's likely kind of voice from their given name, so that Maya is not handed a man's voice."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal

Kind = Literal["female", "male"]

_NAMES = Path(__file__).with_name("given_names.txt")
_KINDS: dict[str, Kind] = {"f": "female", "m": "male"}
#: Titles before a name (`Dr. Maya Chen`, `Prof Tom`): the name is the word after them, unless the title says
#: which kind of voice (`Mrs. Lee`, `Mr Jones`, `Mme Dupont`, `Herr Weber`), in the languages this plugin speaks;
#: without accents, as the words are looked up (`señora` is `senora`). Not `Sr.`: Spanish `señor`, English `Sister`.
_TITLES: dict[str, Kind | None] = {
    **dict.fromkeys(("dr", "prof", "professor", "doctor", "mx"), None),
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "dame", "lady"), "female"),
    **dict.fromkeys(("madame", "mme", "mademoiselle", "mlle", "frau", "senora", "senorita", "sra", "srta"), "female"),
    **dict.fromkeys(("signora", "signorina", "senhora", "mevrouw", "mevr", "fru", "froken"), "female"),
    **dict.fromkeys(("mr", "sir", "lord", "monsieur", "herr", "senor", "signor", "signore"), "male"),
    **dict.fromkeys(("senhor", "meneer"), "male"),
}
#: The first part of a compound name that the table leaves out but a compound says: `Jean-Luc`, `Jean-Marie`
#: (French men's names; `Jean` alone is left out, a woman's name in English).
_COMPOUND_FIRST: dict[str, Kind] = {"jean": "male"}
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


def _folded(text: str) -> str:
    """`text` in lower case without accents, as the table spells names: `José` is `jose`, `Zoë` `zoe`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def likely_kind(speaker: str) -> Kind | None:
    """ "female" or "male" when the speaker's title says so (`Mrs. Lee`), or their given name (the first word, after
    a title such as `Dr.`; of a compound, its first part: `Anne-Marie`, `Jean-Luc`, or its last when the first says
    nothing: `Lee-Ann`) is borne mostly by women or by men. None for a role (`Host`, `A`), a rare or shared name
    (`Taylor` and `Jamie` are not in the table, nor `Robin`, a man's name in German), or a name in another
    script."""
    words = _WORD.findall(_folded(speaker))
    while words and words[0] in _TITLES:
        if kind := _TITLES[words.pop(0)]:
            return kind
    if not words:
        return None
    first, hyphen, rest = words[0].partition("-")
    if not hyphen:
        return _names().get(first)
    # a compound whose first part says nothing (`Lee-Ann`: Lee is borne by both) is said by its last
    return _names().get(first) or _COMPOUND_FIRST.get(first) or _names().get(rest.rpartition("-")[2])
