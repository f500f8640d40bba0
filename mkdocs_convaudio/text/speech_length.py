"""How long a spoken text is to say, in letters of plain words: what a conversation's length is estimated from.

A voice reads a digit as a word ("7" is "seven", "2019" "twenty nineteen") and an acronym letter by letter ("GPU" is
"gee pee you"), so a line of numbers and acronyms takes far longer than its characters: eSpeak NG said 9 to 14
characters a second of such lines against 18 of plain prose, and a long technical conversation was estimated 10 to
12 % short (new-user bug bash: 52 minutes for 59). Counting each digit and spelled letter as the letters it takes to
say makes the rate the same for both (measured on 600 lines of technical prose in English and French: a digit is
5.0 to 5.2 letters, a spelled letter 2.6 to 3.0).
"""

from __future__ import annotations

import re

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
