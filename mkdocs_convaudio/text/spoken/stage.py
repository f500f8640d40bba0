"""Stage directions a language model writes into a podcast's lines (`[laughs]`, `(sighs)`, `*pauses*`): cues for
the reader, not words for the voice. eSpeak NG and the cloud voices said "laughs", "pauses", "music fades in"
(bug bash h-llm). Only a cue the lists below know is dropped, and in square brackets or stars only where no sentence
goes on through it: `[the model]` in a quote, `(see above)`, `*really*`, `E[X]`, `She said [the music industry] is
dying` and `The song [Smile] by Lily Allen` are words."""

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
    lachen lacht lachend gelächter seufzt seufzer räuspert musik applaus
    risas ríe riendo suspira suspiro música aplausos pausa
    risata risate ride ridendo sospira sospiro musica applausi
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
#: Cues that are nouns: a stage direction in round brackets or stars only alone (`(pause)`, not `(beat the odds)`,
#: `(music was great)`); in square brackets as a direction's first or last word, as are the words that only there
#: name a cue (`[Sound effect: whoosh]`, `[Transition]`, `[Upbeat intro music]`)
ALONE = frozenset("beat pause silence music jingle intro outro applause crosstalk inaudible sfx musique pausa".split())  # noqa: SIM905
SQUARE_ONLY = frozenset("sound sounds effect effects transition fades plays bruit bruitage".split())  # noqa: SIM905
_SQUARE_CUES = CUES | SQUARE_ONLY

#: Words that may stand before the cue (`[both laugh]`, `(he sighs)`, `(elle rit)`, `(sie lacht)`, `(se ríe)`, `(ella
#: se ríe)`)
SUBJECTS = frozenset(
    """
    both all everyone he she they host guest tous tout il elle ils elles les beide er sie todos él ella ellos ellas se
    tutti lui lei
    """.split()  # noqa: SIM905
)
_SUBJECT = "(?:" + "|".join(sorted(SUBJECTS, key=len, reverse=True)) + ")"
_WORD = r"[^\W\d_][^\W\d_'’-]*"
#: A cue first (after one or two subject words): `(sighs)`, `(laughs nervously)`, `*leans in*`, `*clears throat*`
_LED_BY_CUE = re.compile(rf"(?:{_SUBJECT}\s+){{0,2}}({_WORD})(?:\s+{_WORD}){{0,3}}", re.I)
#: Words before a cue noun that make a bracketed pair an editor's insertion, not a direction: `He loved [the music].`
_DETERMINERS = frozenset(
    """
    the this that these those his her its their my your our le la son sa ses der die das dem den sein seine ihr ihre
    el los las su lo gli suo sua
    """.split()  # noqa: SIM905
)
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
_BEFORE_ACTION = re.compile("(?:(?:[.!?…:;—–]|[ \t]-)['\"’”»)\\]]*|\uE8FE)[ \t]*$")
#: How far before a starred aside the sentence's end is looked for (spaces, a closing quote: a bounded look, so a
#: line of a thousand asides costs no more than one)
_LOOK_BACK = 12
#: What, right after a cue in square brackets, ends the sentence there: its end mark, or a cue gone (the line's end,
#: past a closing quote, is looked for apart)
_BEFORE_END = re.compile("[ \t]*[.!?…\uE8FE]")
_GONE_BEFORE_MARK = re.compile(r"[ \t]*\uE8FE[ \t]*(?=[.,;:!?…]|$)|^[ \t]*\uE8FE[ \t]*")
_GONE_BETWEEN = re.compile(r"[ \t]*\uE8FE[ \t]*")


def _reads_as_direction(words: str) -> bool:
    """Whether `words` (a square-bracketed aside's text, six words at most) reads as a stage direction: it starts
    (after its subjects) or ends with a cue word (`[Music fades in]`, `[both laugh]`, `[Upbeat intro music]`), and
    is no article's or possessive's cue noun (`[the music]`); a cue noun inside a phrase (`[the music industry]`) is
    not."""
    found = [word for word in (word.lower().strip(".,:;!?'’-") for word in words.split()) if word]
    if not found or len(found) > 6:
        return False
    if len(found) == 2 and found[0] in _DETERMINERS:
        return False
    led = found
    while len(led) > 1 and led[0] in SUBJECTS:
        led = led[1:]
    return led[0] in _SQUARE_CUES or found[-1] in _SQUARE_CUES


def _is_cue(words: str) -> bool:
    """Whether `words` (an aside's text in round brackets or stars) is a stage direction: its first word a cue (after
    its subjects), a noun cue alone (`(pause)`, not `(beat the market)`)."""
    found = words.split()
    if not found or len(found) > 6:
        return False
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
        if _is_cue(match[1]) and (at_start or after_cue or _BEFORE_ACTION.search(before)):
            kept.append(line[done:start] + _GONE)
            done = match.end()
    return "".join(kept) + line[done:]


def _at_a_boundary(line: str, start: int, end: int) -> bool:
    """Whether no sentence goes on through `line[start:end]`: at the line's start or end, after a sentence's end, a
    colon, a semicolon or a dash, before a sentence's end, or beside a cue gone (a bounded look either side)."""
    before = line[max(0, start - _LOOK_BACK) : start]
    if (start <= _LOOK_BACK and not before.strip(" \t")) or _BEFORE_ACTION.search(before):
        return True
    if _BEFORE_END.match(line, end, end + _LOOK_BACK):
        return True
    return len(line) - end <= _LOOK_BACK and not line[end:].strip(" \t'\"’”»)")


def _without_square_cues(line: str) -> str:
    """`line` without its stage directions in square brackets: an aside that reads as a direction, where no sentence
    goes on through it, or beside another such cue (`Yes [laughs] [claps].`, `Right. [laughs] [nods] Sure.`)."""
    found = [match for match in _SQUARE.finditer(line) if _reads_as_direction(match[1])]
    if not found:
        return line
    gone = [_at_a_boundary(line, match.start(), match.end()) for match in found]

    def beside(left: re.Match[str], right: re.Match[str]) -> bool:
        return right.start() - left.end() <= _LOOK_BACK and not line[left.end() : right.start()].strip(" \t")

    for index in range(1, len(found)):  # a cue after a cue gone, then one before a cue gone
        gone[index] = gone[index] or (gone[index - 1] and beside(found[index - 1], found[index]))
    for index in range(len(found) - 2, -1, -1):
        gone[index] = gone[index] or (gone[index + 1] and beside(found[index], found[index + 1]))
    kept: list[str] = []
    done = 0
    for match, away in zip(found, gone, strict=True):
        if away:
            kept.append(line[done : match.start()] + _GONE)
            done = match.end()
    return "".join(kept) + line[done:]


def without_stage_directions(line: str) -> str:
    """`line` without the stage directions it holds, spaces mended; a line without one is returned as it is (so
    its spoken text, and its cache key, stay what they were)."""
    if not any(mark in line for mark in "[(*"):
        return line
    # round brackets first: a cue in them goes wherever it stands, and lets a square-bracketed one beside it go
    changed = _ROUND.sub(lambda match: _GONE if _is_cue(match[1]) else match[0], line)
    changed = _without_square_cues(changed)
    changed = _without_actions(changed)
    if changed == line:
        return line
    # only the spaces around what went are mended: `[laughs] Thanks`, `Yes! [both laugh]`, `là (rires) !`
    changed = _GONE_BEFORE_MARK.sub("", changed)
    return _GONE_BETWEEN.sub(" ", changed).strip()
