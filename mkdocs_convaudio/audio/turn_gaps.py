"""How long the silence is when the speaker changes: the configured `pause`, a little shorter or longer by the turns.

In real conversation the gap before a reply varies with what is said: a quick reply follows a short question, a
one-word answer ("Right.", "Exactly.") comes sooner, and a reply to a long explanation or to a long question (one
that needs thought) a little later. One pause for every change of speaker sounds metronomic, like clips glued
together. The rule here is deterministic and local: a gap depends only on the two turns it separates (their
length, the punctuation the first ends with, and their audio keys for a small even spread), so a conversation
always gets the same layout and an edit of one line changes only the gaps next to it (its MP3's other segments
keep their keys, see `segments.py`). The configured `pause` stays the centre: a statement of about `TYPICAL_TURN`
seconds answered by a reply of `TYPICAL_REPLY` seconds or more is followed by `pause` exactly (the spread aside);
the example site's conversations (lines of 1 to 9 s) average within 0.02 s of it.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

#: The widest a gap may move from `pause`, as a fraction of it (at `pause_variation: 1`): 0.6× to 1.4×.
MOST = 0.4
#: A varied gap is never made shorter than this (a configured `pause` shorter still is left as it is).
SHORTEST = 0.2
#: Seconds of speech of a turn answered after exactly `pause`; each halving or doubling of its length moves the
#: gap by half a step of `LENGTH_WEIGHT` (`QUESTION_WEIGHT` after a question).
TYPICAL_TURN = 4.0
LENGTH_WEIGHT = 0.2
#: After a question the length counts more: a short one ("Ready?") is answered at once, a long one needs thought.
QUESTION_WEIGHT = 0.25
#: Seconds of a reply at and above which it starts after `pause`; a shorter one ("Right.", "Yes.") comes sooner.
TYPICAL_REPLY = 2.0
REPLY_WEIGHT = 0.2
#: An exclamation is answered a little sooner (a lively exchange); a line that trails off ("So...", "Well —")
#: leaves a beat before the reply.
EXCLAMATION = -0.08
TRAILING = 0.06
#: An even spread of ± this much, from the two turns' audio keys, so that turns alike are not answered alike.
SPREAD = 0.05

#: How a line may end, once closing quotes and brackets are set aside (the Latin, full-width, Arabic and Spanish
#: forms the engines' languages use).
_QUESTION = ("?", "？", "؟", "⁇", "⁈")
_EXCLAMATION = ("!", "！", "¡", "‼")
_DASHES = ("—", "–", "-")
_TRAILING = ("…", "...", "⋯", *_DASHES)
_CLOSING = "\"'”’»›)]}」』）】"


@dataclass(frozen=True)
class TurnCue:
    """What the gap rule knows of a turn: its seconds of speech, its spoken text and its audio key."""

    seconds: float
    text: str = ""
    key: str = ""


def ending(text: str) -> str:
    """`question`, `exclamation`, `trailing` or `statement`: how a spoken line ends (its intonation)."""
    tail = text.rstrip().rstrip(_CLOSING).rstrip()
    # "Really?!" is a surprised question, as "⁈" is; Greek asks with ";" (its question mark, U+037E, is ";" once
    # normalized), so ";" after a Greek letter ends a question
    if tail.rstrip("!！").endswith(_QUESTION) or (tail.endswith(";") and _greek(tail[-2:-1])):
        return "question"
    if tail.endswith(_EXCLAMATION):
        return "exclamation"
    if tail.endswith(_TRAILING) and not _cut_off(tail):
        return "trailing"
    return "statement"


def _cut_off(tail: str) -> bool:
    """Whether a line ends in a dash against its last word ("I was just—", "the exp-"): a word cut off, where the
    other speaker cuts in, with no beat (a dash after a space, "Well —", trails off as an ellipsis does)."""
    return tail.endswith(_DASHES) and tail.rstrip("".join(_DASHES))[-1:].isalnum()


def _greek(char: str) -> bool:
    """Whether `char` is a Greek letter (basic or extended, with its accents)."""
    return char.isalpha() and ("\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff")


def _octaves(seconds: float, typical: float) -> float:
    """How many halvings (negative) or doublings of `typical` `seconds` is, within -2..2."""
    return max(-2.0, min(2.0, math.log2(max(seconds, 0.05) / typical)))


def _spread(before: TurnCue, after: TurnCue) -> float:
    """An even value in -SPREAD..SPREAD from the two turns' keys: the same turns always give the same value."""
    digest = hashlib.sha256(f"{before.key}\n{after.key}".encode()).digest()
    return SPREAD * (int.from_bytes(digest[:4], "big") / 0xFFFFFFFF * 2 - 1)


def shift(before: TurnCue, after: TurnCue) -> float:
    """How far the gap from `before` to `after` moves from `pause`, as a fraction of it, within -MOST..MOST."""
    kind = ending(before.text)
    weight = QUESTION_WEIGHT if kind == "question" else LENGTH_WEIGHT
    amount = weight * _octaves(before.seconds, TYPICAL_TURN) / 2
    amount += REPLY_WEIGHT * min(0.0, _octaves(after.seconds, TYPICAL_REPLY) / 2)
    amount += {"exclamation": EXCLAMATION, "trailing": TRAILING}.get(kind, 0.0)
    amount += _spread(before, after)
    return max(-MOST, min(MOST, amount))


def speaker_change_gap(pause: float, variation: float, before: TurnCue, after: TurnCue) -> float:
    """Seconds of silence between `before` and `after`, two turns of different speakers: `pause` moved by
    `variation` (0 to 1) of the turns' `shift`, never below `SHORTEST` (or `pause`, when that is shorter)."""
    if variation <= 0:
        return pause
    gap = pause * (1 + variation * shift(before, after))
    return max(gap, min(pause, SHORTEST))
