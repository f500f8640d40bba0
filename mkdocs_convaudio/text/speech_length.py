"""How long a spoken text is to say, in letters of plain words: what a conversation's length is estimated from.

A voice reads a digit as a word ("7" is "seven", "2019" "twenty nineteen") and an acronym letter by letter ("GPU" is
"gee pee you"), so a line of numbers and acronyms takes far longer than its characters: eSpeak NG said 9 to 14
characters a second of such lines against 18 of plain prose, and a long technical conversation was estimated 10 to
12 % short (new-user bug bash: 52 minutes for 59). Counting each digit and spelled letter as the letters it takes to
say makes the rate the same for both (measured on 600 lines of technical prose in English and French: a digit is
5.0 to 5.2 letters, a spelled letter 2.6 to 3.0).

A voice also pauses at a mark inside a line (eSpeak NG: about 0.45 s at a full stop, 0.3 s at a comma): a
conversation of short sentences ("Really? Why?") was estimated 30 to 40 % short without them (review 212).
`interior_pauses` counts them, at the seconds an engine says it pauses (`Engine.speech_seconds`); a mark at the end
of a line takes no time, as its silence is trimmed with the line's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: Letters of plain words a digit takes to say.
DIGIT = 5.0
#: Letters of plain words a letter spelled out takes to say.
SPELLED_LETTER = 2.8

#: A word of capitals and digits (a plural's `s` after it): said letter by letter when it has two capitals or more
#: (`GPU`, `HTTP`, `FP16`, `GPUs`), or is one capital alone that is no word (spoken text writes `G P Us`; `A` and `I`
#: are words)
_CAPITALS = re.compile(r"\b[A-Z0-9]+(?=s?\b)")


def speech_characters(text: str) -> float:
    """The length of `text` said aloud, in letters of plain words (see `DIGIT`, `SPELLED_LETTER`)."""
    digits = sum(char.isdigit() for char in text)
    spelled = 0
    for match in _CAPITALS.finditer(text):
        word = match.group()
        capitals = sum(char.isupper() for char in word)
        if capitals > 1 or (len(word) == 1 and word not in ("A", "I")):
            spelled += capitals
    return len(text) + (DIGIT - 1) * digits + (SPELLED_LETTER - 1) * spelled


#: A mark with more to say after it, in a line: an ellipsis (`...` or `…`) is one mark, `…`
_INTERIOR_MARK = re.compile(r"(\.{2,}|…|[.?!;:,])(?=\s+\S)")


def interior_pauses(text: str, pauses: Mapping[str, float]) -> float:
    """The seconds of pause `text` holds, at `pauses[mark]` for each of its marks (`.`, `?`, `!`, `…`, `;`, `:`,
    `,`) followed by more words; a mark not in `pauses` takes none."""
    return sum(pauses.get("…" if mark.startswith("..") else mark, 0.0) for mark in _INTERIOR_MARK.findall(text))
