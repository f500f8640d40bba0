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
#: Cues that name a thing a sentence may be about, or a title hold (`[Music] by Queen was great.`, `[Sound of
#: Music]`, `[Silence] is golden`); not a laugh's nor applause's, always a cue where a model writes them
NOUNS = frozenset(
    """
    beat pause silence music jingle intro outro sound sounds effect effects transition musique pausa musik música
    musica bruit bruitage générique
    """.split()  # noqa: SIM905
)
#: Cues that are an action's words (`laughs`, `laughing`, `clears`, `nervously`, `lacht`, `se ríe`): a direction in
#: square brackets wherever it stands, as no sentence says them so (`It was [laughs] great.`); not their bare forms,
#: which name things too (`[Smile]`, `[Laugh]`), nor Italian `ride` (English "ride")
ACTIONS = frozenset(
    """
    laughs laughed laughing laughingly chuckles chuckling giggles giggling snickers sighs sighing pauses pausing
    applauds applauding claps clapping cheering coughs coughing clears inhales exhales breathes gasps groans sniffs
    yawns hums humming leans smiles smiling grins grinning nods nodding shrugs winks whispers whispering
    excitedly thoughtfully sarcastically enthusiastically nervously softly playfully
    rit rient riant sourit souriant soupire soupirant tousse chuchote chuchotant hésite
    lacht lachend seufzt räuspert ríe riendo suspira ridendo sospira
    """.split()  # noqa: SIM905
)

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
_ARTICLES = _DETERMINERS | frozenset("a an un une ein eine einen uno una".split())  # noqa: SIM905
#: A bracketed aside of words only (a link's text `[text](url)` or `[text][ref]`, an image's, a footnote's, an
#: expectation's `E[X]` and an index's `a[i]` are not: a word character or `!` before it, `(`, `[` or `:` after);
#: in double brackets too (`[[laughs]]`), the brackets' count the same either side
_SQUARE = re.compile(r"(?<![\w!\]\\])(\[\[?)([^\W\d_][^\[\]\d`$]{0,60}?)(\]\]?)(?![(\[:])")
#: An aside in round brackets that is nothing but a cue (`(sighs)`, `(laughing)`): not after a word (`f(x)`)
_ROUND = re.compile(r"(?<![\w\\])\(([^\W\d_][^()\d`$]{0,40}?)\)")
#: A roleplay action between single stars (`*pauses*`, `*sighs*`) or in bold (`**laughs**`), not a product's `a*b*c`
_STARRED = re.compile(r"(?<![\w*\\])(\*\*?)(?![\s*])([^\W\d_][^*\d`$]{0,40}?)(?<!\s)\1(?![\w*])")
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
#: (each from a run of spaces' first: from each space of it, a run far from any cue was looked for again, a line of
#: 50,000 spaces took half a minute: review r-cues2)
_GONE_BEFORE_MARK = re.compile(r"(?:(?<![ \t])[ \t]+)?\uE8FE[ \t]*(?=[.,;:!?…]|$)|^[ \t]*\uE8FE[ \t]*")
_GONE_BETWEEN = re.compile(r"(?:(?<![ \t])[ \t]+)?\uE8FE[ \t]*")
#: A quote of a cue alone (`Yes! "[laughs]"`), its quotes opening and closing (not `"No way" [laughs] "fine"`'s)
_QUOTED_GONE = re.compile("(?:^|(?<=[\\s.!?,;:…(]))[\"“„«][ \t]*\uE8FE[ \t]*[\"”“»](?=[\\s.,;:!?…)]|$)")
#: A cue gone at a quote's start or end: its space goes with it (`She said "[laughs] no way".` was `" no way"`:
#: review r-cues2)
_GONE_AFTER_QUOTE = re.compile("(?:^|(?<=[\\s(]))([\"“„«])[ \t]*\uE8FE[ \t]*")
_GONE_BEFORE_QUOTE = re.compile("(?:(?<![ \t])[ \t]+)?\uE8FE[ \t]*([\"”“»])(?=[\\s.,;:!?…)]|$)")
#: Stars around cues alone (`*[laughs]*`, `**(sighs)**`): they go with them (they were read "times times")
_STARRED_GONE = re.compile(r"(?<![\w*\\])(\*{1,3})(?:[ \t]*\uE8FE)+[ \t]*\1(?![\w*])")
_GONE_IN_COMMAS = re.compile(r"([,;])[ \t]*\uE8FE[ \t]*,")
_GONE_IN_ELLIPSES = re.compile(r"(\.\.\.|…)[ \t]*\uE8FE[ \t]*(?:\.\.\.|…)[ \t]*")
#: What, after a capitalized aside, makes it its sentence's subject: a word in lower case (`[Music] by Queen`)
_AFTER_A_SUBJECT = re.compile(r"[ \t]+([^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*)")
#: Words a model's cue goes on to in lower case, where a subject would be followed by its verb or a preposition:
#: connectors, interjections, greetings and the pronouns that start a clause (`[Intro music] and we're back!`,
#: `[Beat] okay, so`, `[Musique] et on reprend`: review r-cues2, finding A)
CONNECTORS = frozenset(
    """
    and so then now okay ok well but welcome we we're we've let's lets yeah yes alright anyway back here here's hi
    hello hey oh um uh i i'm you you're thanks thank the this that's it's there's what's
    et alors donc puis maintenant bon mais bienvenue nous ouais oui bref voilà retour ici enfin salut bonjour je
    merci c'est
    und dann jetzt nun gut aber willkommen wir ja na zurück hier hallo ich danke
    y así entonces luego ahora bueno pero bienvenidos bienvenidas bienvenido nosotros vale sí pues aquí hola yo
    gracias
    e così quindi allora poi ora adesso bene ma benvenuti benvenute benvenuto bentornati noi dunque ecco eccoci
    ciao io grazie
    """.split()  # noqa: SIM905
)
#: Words a verb follows: an action's word in stars after one, last on the line, is the sentence's verb, emphasized
#: (`He never *laughs*`, `and *smiles*`), not a cue (`That is wild *laughs*`); no object's pronoun (`I love it
#: *laughs*`, German `sie`, `es`) nor an answer's word (`Yeah, really *laughs*`)
_BEFORE_A_VERB = frozenset(
    """
    he she who everyone everybody nobody somebody someone never always just only rarely often still even also
    sometimes usually barely hardly seldom and il elle on er man él ella nie jamais toujours immer nunca siempre mai
    sempre
    """.split()  # noqa: SIM905
)
#: A cue's participles and verbs of sound (`[Music playing]`, `[Music continues]`): an aside holding one is a cue,
#: no subject nor title
PARTICIPLES = frozenset(
    """
    playing plays continues continuing fading fade starts starting stops stopping ends ending swells swelling rises
    rising builds building begins beginning kicks cuts drops returns
    joue continue reprend monte spielt läuft endet sonando suena continúa suona continua sfuma
    """.split()  # noqa: SIM905
)


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


def _after_a_determiner(line: str, start: int) -> bool:
    """Whether an aside at `start` follows an article or a possessive, which makes it a noun's place: `The (ride)
    was long.`, `I love the (music).` (a bounded look back)."""
    before = line[max(0, start - _LOOK_BACK) : start].split()
    return bool(before) and before[-1].lower() in _ARTICLES


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
        # an action's word last on the line, no sentence's end after it (`That is wild *laughs*`); before a full stop
        # it is as often emphasis (`He just *laughs*.`)
        at_end = len(line) - match.end() <= _LOOK_BACK and not line[match.end() :].strip(" \t'\"’”»)")
        # ... nor after a word a verb follows, a pronoun or an adverb (`He never *laughs*`: review r-cues2)
        at_end = at_end and (before.split() or [""])[-1].lower() not in _BEFORE_A_VERB
        # in bold only an action (`**laughs**`): a bold noun is a word stressed (`**Music** is my life.`); nor a
        # subject's noun (`*Music* is my life.`)
        if (
            _is_cue(match[2])
            and (len(match[1]) == 1 or _an_action(match[2]))
            and not _a_subject(line, match)
            and not (len(match[1]) == 2 and match[2][0].isupper() and _goes_on(line, match.end()))
            and (at_start or after_cue or _BEFORE_ACTION.search(before) or (at_end and _an_action(match[2])))
        ):
            kept.append(line[done:start] + _GONE)
            done = match.end()
    return "".join(kept) + line[done:]


def _at_a_boundary(line: str, start: int, end: int) -> bool:
    """Whether no sentence goes on through `line[start:end]`: at the line's start or end, after a sentence's end, a
    colon, a semicolon or a dash, before a sentence's end, or beside a cue gone (a bounded look either side). Stars
    around it are looked through (`**[Music]** Welcome back.`, `Great point. *[laughter]* So.`: review r-cues2)."""
    for _ in range(3):
        if start > 0 and end < len(line) and line[start - 1] == line[end] == "*":
            start, end = start - 1, end + 1
    before = line[max(0, start - _LOOK_BACK) : start]
    if (start <= _LOOK_BACK and not before.strip(" \t")) or _BEFORE_ACTION.search(before):
        return True
    if _BEFORE_END.match(line, end, end + _LOOK_BACK):
        return True
    return len(line) - end <= _LOOK_BACK and not line[end:].strip(" \t'\"’”»)")


def _a_subject(line: str, match: re.Match[str]) -> bool:
    """Whether the aside `match` (its words in group 2: in square brackets or stars) is its sentence's subject or a
    title: a capitalized aside of things only (`[Music]`, `[Sound of Music]`, no action's word) that the sentence
    goes on from in lower case (`[Music] by Queen was great.`). A cue is then followed by a capital, as a language
    model writes it (`[Music] Welcome back.`); after an ellipsis a cue is a pause's (`So... [Pause] what now?`); in
    square brackets in capitals it is a transcript's (`[MUSIC] welcome back`: review r-cues2); before a connector
    (`[Intro music] and we're back!`) or holding a cue's participle (`[Music playing]`) it is a cue (review
    r-cues2)."""
    words = match[2]
    if ":" in words or not words[0].isupper() or not _goes_on(line, match.end()):
        return False
    if match[1].startswith("[") and words.isupper() and len(words) > 1:  # `[MUSIC]`: a transcript's cue, no title
        return False
    if line[max(0, match.start() - _LOOK_BACK) : match.start()].rstrip(" \t").endswith(("...", "…")):
        return False
    found = [word for word in (word.lower().strip(".,:;!?'’-") for word in words.split()) if word]
    return all((word not in _SQUARE_CUES or word in NOUNS) and word not in PARTICIPLES for word in found)


def _goes_on(line: str, end: int) -> bool:
    """Whether the sentence goes on after an aside ending at `end` as after its subject: in lower case, with no
    connector, greeting or clause's pronoun (`[Music] by Queen`, `**Nods** are`; not `[Intro music] and we're
    back!`)."""
    for _ in range(3):  # past the stars around it (`**[Music]** by Queen`)
        end += line.startswith("*", end)
    after = _AFTER_A_SUBJECT.match(line, end)
    return after is not None and after[1].islower() and after[1].replace("’", "'") not in CONNECTORS


def _an_action(words: str) -> bool:
    """Whether a square-bracketed aside (one that reads as a direction) leads with an action's word, after its
    subjects (`[laughs]`, `[clears throat]`, `[she laughs]`, not `[smile]`), written as a cue is: in lower case,
    or one word (`[Laughs]`, `[LAUGHS]`); a title's words (`[Smiles of a Summer Night]`) are not."""
    found = words.split()
    if not words[0].islower() and len(found) > 1:
        return False
    led = [word.lower().strip(".,:;!?'’-") for word in found]
    while len(led) > 1 and led[0] in SUBJECTS:
        led = led[1:]
    return led[0] in ACTIONS


def _without_square_cues(line: str) -> str:
    """`line` without its stage directions in square brackets: an aside that reads as a direction, where no sentence
    goes on through it, or beside another such cue (`Yes [laughs] [claps].`, `Right. [laughs] [nods] Sure.`)."""
    found = [
        match
        for match in _SQUARE.finditer(line)
        if len(match[1]) == len(match[3]) and _reads_as_direction(match[2]) and not _a_subject(line, match)
    ]
    if not found:
        return line
    gone = [_at_a_boundary(line, match.start(), match.end()) or _an_action(match[2]) for match in found]

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
    changed = _ROUND.sub(
        lambda match: _GONE if _is_cue(match[1]) and not _after_a_determiner(line, match.start()) else match[0], line
    )
    changed = _without_square_cues(changed)
    changed = _without_actions(changed)
    if changed == line:
        return line
    # only the spaces around what went are mended: `[laughs] Thanks`, `Yes! [both laugh]`, `là (rires) !`; quotes
    # around a cue alone go with it (`Yes! "[laughs]"`), and of two ellipses around one, one stays (`Wait... [pause]
    # ...okay.`: "Wait......okay." was said)
    changed = _STARRED_GONE.sub(_GONE, changed)  # `*[laughs]* Okay.` was "times times Okay."
    changed = _QUOTED_GONE.sub(_GONE, changed)
    changed = _GONE_AFTER_QUOTE.sub(r"\1", changed)  # `She said "[laughs] no way".`: no space after the quote
    changed = _GONE_BEFORE_QUOTE.sub(r"\1", changed)
    changed = _GONE_IN_ELLIPSES.sub(r"\1 ", changed)
    changed = _GONE_IN_COMMAS.sub(r"\1", changed)  # `I was, [clears throat], not ready`: one comma
    changed = _GONE_BEFORE_MARK.sub("", changed)
    return _GONE_BETWEEN.sub(" ", changed).strip()
