"""Speakers compared: a new speaker that is likely a misspelling of another, and a translation's renamed speakers
paired with its original's by the turns they speak."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

#: A speaker with at most this many turns may be a slip of the keyboard; one who speaks more is meant.
RARE_TURNS = 2
#: The speaker a rare one is taken for speaks at least this many turns, and more than the rare one: in a short
#: conversation where both speak once or twice, neither name is the slip (`Alice` and `alice` each once).
OFTEN_TURNS = 3
#: Names shorter than this are compared only without case: one edit turns `Ana` into `Anna`, `Bo` into `Bob`.
EDITED_NAME_LENGTH = 4
#: A name's label: a number at its end (`Speaker 1`, `P2`), or a token of one or two letters or digits after a
#: space, dot, dash or underscore (`Guest A`, `Team 2b`). Names told apart by it are numbered people, not typos.
_LABEL = re.compile(r"^(?P<stem>.*?)(?:(?P<number>\d+)|[\s._-](?P<token>[^\W_]{1,2}))$")


def _labels_differ(one: str, other: str) -> bool:
    """Whether two names are the same but for their labels (`Speaker 1` and `Speaker 2`, `Guest A` and `Guest B`,
    `P1` and `P2`): in another case only (`Guest a`) the label is the same."""
    first, second = _LABEL.match(one.casefold()), _LABEL.match(other.casefold())
    if first is None or second is None or first["stem"].rstrip(" ._-") != second["stem"].rstrip(" ._-"):
        return False
    return (first["number"] or first["token"]) != (second["number"] or second["token"])


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
    speaks at least `OFTEN_TURNS` turns and more than `speaker`, whose name is the same but for case, or one edit
    away for names of four letters or more, and not the same name with another label (`Speaker 1`, `Speaker 2`).
    None when `speaker` speaks more than `RARE_TURNS` turns (`Ana` and `Anna`, each speaking often, are two
    people). Never both ways: the one taken for the slip speaks less."""
    counts = Counter(turns)
    if counts[speaker] > RARE_TURNS:
        return None
    folded = speaker.casefold()
    for other, count in counts.items():  # in the order they first speak
        if other == speaker or count < OFTEN_TURNS or count <= counts[speaker] or _labels_differ(other, speaker):
            continue
        near = other.casefold()
        if near == folded or (min(len(near), len(folded)) >= EDITED_NAME_LENGTH and one_edit_apart(near, folded)):
            return other
        if _role_dropped(near, folded):
            return other
    return None


#: A role in brackets after a name, as a language model writes speakers (`Alex (host)`, `Sam [guest]`); not a label
#: of one or two letters or a number (`Guest (2)`, `Guest [B]` number people, as `Guest 2` does: review r-llm)
_ROLE = re.compile(r"\s*[(\[](?![^\W_]{1,2}[)\]]|\d+[)\]])[^()\[\]]*[)\]]$")


def _role_dropped(one: str, other: str) -> bool:
    """Whether one name is the other with its role in brackets left out (`Alex` for `Alex (host)`: a model that
    names the speaker in full in the first turns and short later; bug bash h-llm). Two roles (`Alex (host)` and
    `Alex (guest)`) are two people."""
    first, second = _ROLE.sub("", one), _ROLE.sub("", other)
    return bool(first) and first == second and (first == one) != (second == other)


def _changes(turns: Sequence[str]) -> list[str]:
    """The speakers in the order the conversation passes from one to the next (a speaker's turns in a row, one)."""
    return [speaker for index, speaker in enumerate(turns) if index == 0 or turns[index - 1] != speaker]


def paired_speakers(translation: Sequence[str], original: Sequence[str]) -> dict[str, str] | None:
    """Each speaker of a translation's turns and the original's speaker of the same turns, when the two map one
    to one: turn by turn when both have as many turns, else change of speaker by change of speaker (a translator
    who joined two turns of one speaker). None when they do not (a turn added or left out, two speakers mixed up,
    a name both use paired with another): no guess by the order speakers go round in, which cannot tell a question
    and its answer left out from a greeting left out, and swapped two voices (review 212)."""
    pairs_of = ((list(translation), list(original)), (_changes(translation), _changes(original)))
    for ours, theirs in pairs_of:
        if not ours or len(ours) != len(theirs):
            continue
        pairs: dict[str, str] = {}
        back: dict[str, str] = {}
        one_to_one = all(
            pairs.setdefault(a, b) == b and back.setdefault(b, a) == a for a, b in zip(ours, theirs, strict=True)
        )
        # a name both use is the same person: `Guest` paired with the original's `Host` is a shifted reading
        if one_to_one and all(b == a for a, b in pairs.items() if a in back):
            return pairs
    return None
