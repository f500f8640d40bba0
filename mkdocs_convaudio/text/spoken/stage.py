"""Stage directions a language model writes into a podcast's lines (`[laughs]`, `(sighs)`, `*pauses*`): cues for
the reader, not words for the voice. eSpeak NG and the cloud voices said "laughs", "pauses", "music fades in"
(bug bash h-llm). Only a cue the lists below know is dropped: `[the model]` in a quote, `(see above)`, `*really*`
and `E[X]` are words."""

from __future__ import annotations

import re

#: Words that make a bracketed aside a stage direction: sounds, gestures and delivery (English, French and the
#: other languages' most common transcript cues: `[rires]`, `[Lachen]`, `[risas]`)
CUES = frozenset(
    """
    laugh laughs laughed laughing laughter chuckle chuckles chuckling giggle giggles giggling snicker snickers
    sigh sighs sighing pause pauses pausing beat silence
    music jingle intro outro applause applauds applauding clap claps clapping cheers cheering
    cough coughs coughing clears inhales exhales breathes gasp gasps groan groans sniff sniffs yawn yawns hums humming
    leans smile smiles smiling grin grins grinning nod nods nodding shrug shrugs wink winks whisper whispers whispering
    crosstalk inaudible sfx
    excitedly thoughtfully sarcastically enthusiastically nervously softly laughingly playfully
    rire rires rit rient riant sourire sourit souriant soupir soupirs soupire soupirant pause silence musique
    applaudissements toux tousse chuchote chuchotant hésite hésitation générique
    lachen lacht lachend seufzt seufzer räuspert musik applaus
    risas ríe riendo suspira suspiro música aplausos
    risate ride ridendo sospira sospiro musica applausi
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
#: Cues that are nouns: a stage direction in round brackets or stars only alone (`(pause)`, not `(beat the odds)`,
#: `(music was great)`); in square brackets anywhere, with the words that only there name a cue (`[Sound effect:
#: whoosh]`, `[Transition]`)
ALONE = frozenset("beat pause silence music jingle intro outro applause crosstalk inaudible sfx musique".split())  # noqa: SIM905
SQUARE_ONLY = frozenset("sound sounds effect effects transition fades plays bruit bruitage".split())  # noqa: SIM905

#: A word that may stand before the cue (`[both laugh]`, `(he sighs)`, `(elle rit)`)
_SUBJECTS = r"(?:both|all|everyone|he|she|they|host|guest|tous|tout|il|elle|ils|elles|les|beide|todos|tutti)"
_WORD = r"[^\W\d_][^\W\d_'’-]*"
#: A cue first (after a subject word): `(sighs)`, `(laughs nervously)`, `*leans in*`, `*clears throat*`
_LED_BY_CUE = re.compile(rf"(?:{_SUBJECTS}\s+)?({_WORD})(?:\s+{_WORD}){{0,3}}", re.I)
#: A bracketed aside of words only (a link's text `[text](url)` or `[text][ref]`, an image's, a footnote's, an
#: expectation's `E[X]` and an index's `a[i]` are not: a word character or `!` before it, `(`, `[` or `:` after)
_SQUARE = re.compile(r"(?<![\w!\]\\])\[([^\W\d_][^\[\]\d`$]{0,60}?)\](?![(\[:])")
#: An aside in round brackets that is nothing but a cue (`(sighs)`, `(laughing)`): not after a word (`f(x)`)
_ROUND = re.compile(r"(?<![\w\\])\(([^\W\d_][^()\d`$]{0,40}?)\)")
#: A roleplay action between single stars (`*pauses*`, `*sighs*`), not emphasis's `**` nor a product's `a*b*c`
_STARRED = re.compile(r"(?<![\w*\\])\*(?!\s)([^\W\d_][^*\d`$]{0,40}?)(?<!\s)\*(?![\w*])")
#: What a stage direction leaves while the line is mended (a private-use character no line holds here: `Held`'s
#: are put in later)
_GONE = "\uE8FE"
#: Where a roleplay action in stars stands: at the line's start, after a sentence's end (and its closing quote or
#: bracket) or after another cue. Inside a sentence, a word in single stars is emphasis (`the *music*`, `a wild
#: *ride*`, `They were *laughing* at us`: review r-llm)
_BEFORE_ACTION = re.compile("(?:[.!?…:;—–]['\"’”»)\\]]*|\uE8FE)[ \t]*$")
#: How far before a starred aside the sentence's end is looked for (spaces, a closing quote: a bounded look, so a
#: line of a thousand asides costs no more than one)
_LOOK_BACK = 12
_GONE_BEFORE_MARK = re.compile(r"[ \t]*\uE8FE[ \t]*(?=[.,;:!?…]|$)|^[ \t]*\uE8FE[ \t]*")
_GONE_BETWEEN = re.compile(r"[ \t]*\uE8FE[ \t]*")


def _is_cue(words: str, *, anywhere: bool) -> bool:
    """Whether `words` (an aside's text) is a stage direction: its first word a cue (after a subject), or with
    `anywhere` (square brackets, which prose rarely uses) any of its first six words."""
    found = [word.lower().strip(".,:;!?'’-") for word in words.split()]
    if not found or len(found) > 6:
        return False
    if anywhere:
        return any(word in CUES or word in SQUARE_ONLY for word in found)
    led = _LED_BY_CUE.fullmatch(words.strip(" .,:;!?"))
    if led is None or (cue := led[1].lower()) not in CUES:
        return False
    return cue not in ALONE or led.end(1) == len(led[0])


def _without_actions(line: str) -> str:
    """`line` without its roleplay actions in single stars: a cue where a sentence could not go on (`*pauses*` at
    the line's start, after `.`, `!` or `?`, or after another cue); elsewhere a starred word is emphasis, a word."""
    kept: list[str] = []
    done = 0
    for match in _STARRED.finditer(line):
        start = match.start()
        before = line[max(0, start - _LOOK_BACK) : start]
        at_start = start <= _LOOK_BACK and not before.strip(" \t")
        after_cue = done > 0 and start - done <= _LOOK_BACK and not line[done:start].strip(" \t")
        if _is_cue(match[1], anywhere=False) and (at_start or after_cue or _BEFORE_ACTION.search(before)):
            kept.append(line[done:start] + _GONE)
            done = match.end()
    return "".join(kept) + line[done:]


def without_stage_directions(line: str) -> str:
    """`line` without the stage directions it holds, spaces mended; a line without one is returned as it is (so
    its spoken text, and its cache key, stay what they were)."""
    if not any(mark in line for mark in "[(*"):
        return line
    changed = _SQUARE.sub(lambda match: _GONE if _is_cue(match[1], anywhere=True) else match[0], line)
    changed = _ROUND.sub(lambda match: _GONE if _is_cue(match[1], anywhere=False) else match[0], changed)
    changed = _without_actions(changed)
    if changed == line:
        return line
    # only the spaces around what went are mended: `[laughs] Thanks`, `Yes! [both laugh]`, `là (rires) !`
    changed = _GONE_BEFORE_MARK.sub("", changed)
    return _GONE_BETWEEN.sub(" ", changed).strip()
