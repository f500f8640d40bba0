"""Speakers compared: a new speaker that is likely a misspelling of another."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: A speaker with at most this many turns may be a slip of the keyboard; one who speaks more is meant.
RARE_TURNS = 2
#: Names shorter than this are compared only without case: one edit turns `Ana` into `Anna`, `Bo` into `Bob`.
EDITED_NAME_LENGTH = 4


def one_edit_apart(one: str, other: str) -> bool:
    """Whether one letter inserted, deleted, replaced, or two neighbours swapped, turns `one` into `other`
    (`Hots` and `Host`: a swap, which Levenshtein counts as two edits)."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    shared = min(len(one), len(other))
    start = next((index for index in range(shared) if one[index] != other[index]), shared)
    if len(one) != len(other):
        longer, shorter = (one, other) if len(one) > len(other) else (other, one)
        return longer[start + 1 :] == shorter[start:]
    if one[start + 1 :] == other[start + 1 :]:
        return True  # replaced
    swapped = start + 1 < len(one) and one[start] == other[start + 1] and one[start + 1] == other[start]
    return swapped and one[start + 2 :] == other[start + 2 :]


def likely_typo(speaker: str, turns: Sequence[str]) -> str | None:
    """The speaker of `turns` (each turn's speaker, in order) that `speaker` is likely a misspelling of: one who
    speaks as often or more, whose name is the same but for case, or one edit away for names of four letters or more.
    None when `speaker` speaks more than `RARE_TURNS` turns (`Ana` and `Anna`, each speaking often, are two
    people)."""
    counts = Counter(turns)
    if counts[speaker] > RARE_TURNS:
        return None
    folded = speaker.casefold()
    for other, count in counts.items():  # in the order they first speak
        if other == speaker or count < counts[speaker]:
            continue
        near = other.casefold()
        if near == folded or (min(len(near), len(folded)) >= EDITED_NAME_LENGTH and one_edit_apart(near, folded)):
            return other
    return None
