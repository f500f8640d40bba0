"""WebVTT captions from a conversation's timings: a cue per line, or several for a long one (cut where a sentence or
a clause ends), the speaker in a `<v>` tag. The video's subtitles are cut into the same cues (`audio.video.subrip`):
a change to what a cue holds bumps `showplan.VIDEO_FORMAT`, or cached videos keep the old cues."""

from __future__ import annotations

import base64
import itertools
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..text.math_spans import CJK as _CJK
from ..text.math_spans import MATH_SPAN
from ..text.spoken.held import CODES, Held
from ..text.spoken.markup import CODE_SPAN
from ..text.spoken.stage import without_stage_directions
from ..voices.languages import remembered
from .transcript import line_text


@lru_cache(maxsize=256)
def track_label(language: str) -> str:
    """The captions track's name in its own language (`English`, `Français`), or the code itself."""
    return remembered("label", language, lambda: _track_label(language))


def _track_label(language: str) -> str:
    import langcodes  # loaded when a page first needs a label

    try:
        parsed = langcodes.Language.get(language)
        if not parsed.is_valid():
            return language
        # named in the language's fullest locale: langcodes has no names in `zh-TW` itself, and fell back on
        # English ("Chinese（Taiwan）"); `zh-Hant-TW` names it "中文（台灣）"
        name = str(parsed.display_name(parsed.maximize()))
    except (LookupError, ValueError, ImportError):
        return language
    return name[:1].upper() + name[1:]


def timestamp(seconds: float) -> str:
    """`00:01:02.345`: WebVTT's cue time, to the millisecond."""
    return _clock(round(seconds * 1000))


def _clock(millis: int) -> str:
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


#: A cue's most characters where a line can be cut so: two lines of 42, as subtitles are kept (a 12-second cue of
#: 200 characters was a wall of text, bug bash); a character of Chinese or Japanese counts twice (it is as wide)
CUE_CHARACTERS = 84
#: A word that ends a sentence (`end.`, `why?"`, `so…)`, `終わり。`, Hindi's danda `गया।`, Arabic's `لماذا؟`) or a
#: clause (`first,`, `this;`, `(aside)`, `、`, Arabic's `،` and `؛`): a Hindi cue began with the end of the sentence
#: before it ("लेना। मैंने…", cut at the comma before, bug bash h-scripts)
_SENTENCE_END = re.compile(r"[.!?…。！？।॥؟۔][\"'’”»)\]」』）]*$")
_CLAUSE_END = re.compile(r"[,;:)\]，、；：）،؛][\"'’”»」』]*$")
#: A full stop that is an abbreviation's, no sentence's end (`e.g.`, `i.e.`, `U.S.`, `p.m.`, `vs.`): a cue ended at
#: "…this one, i.e." (review rev3); a cut there is a clause's. Those of every language the plugin reads, in one list
#: (`pág.` is no English word): Russian and Ukrainian ones too (`см. п. 3.2` was cut after `п.`), and two-part ones
#: written with a space or without (`z. B.`, `p. ex.`, `т. е.`), found in the two words joined by a space (the first
#: alternative, so that a match from the first part reaches into the second); a lone letter only where it is no
#: sentence's end in any language (Russian `п.`, `г.`, not `vitamin C.`)
_ABBREVIATION = re.compile(
    r"[(\[\"'‘“«]*(?:(?i:(?:z\.\s?b|d\.\s?h|u\.\s?a|p\.\s?ex|p\.\s?ej|т\.\s?[епдч])\.)"
    r"|(?:[^\W\d_]\.){2,}|(?i:(?:vs|etc|cf|approx|fig|eq|jr|sr|inc|ltd|ca|bzw|usw|nr|vgl|ggf|evtl|resp|env|pág|núm|"
    r"см|пп|рис|табл|стр|гг|им|ул|др|напр|див|стор|ін)\.)|[пгдр]\.)"
)
#: ... before a number it counts or another abbreviation (`Fig. 3`, `S. 12`, `см. п. 3.2`), which a cut would part
#: from it
_NUMBER_WORD = re.compile(r"[(\[]*\d")
#: ... but not one that ends a list (`etc.`, `т. д.`): a capital or a number after it begins the next sentence, and
#: the cut there is a sentence's (`etc. 2024 was`, `и т. д. См. рис. 3` lost theirs to a comma before, review r-small3)
_LIST_END = re.compile(r"[(\[\"'‘“«]*(?i:etc|usw|т\.\s?[дп])\.")
#: ... and German's `S.` (Seite) only there (`auf S. 12`): English ends sentences with the letter (`the letter S.
#: Next`, `in size S. Then`, review r-small3)
_PAGE = re.compile(r"[(\[\"'‘“«]*S\.")
#: ... or a title or an initial before a name (`Dr.`, `Mrs.`, `J.`), which a cut would part from it: a word's
_TITLE = re.compile(r"[(\[\"'‘“«]*(?:Dr|Mr|Mrs|Ms|Prof|St|Mt|Mme|Sra|Dra|Hr|Fr|Sr)\.")
#: ... French's `M.` (monsieur) only on a French line and before a capitalised word, the name (`M. Dupont`):
#: English's `in size M. Then` ends a sentence (it lost its cut to "…size M. Then we" / "went…", review r-small3)
_LETTER_TITLE = re.compile(r"[(\[\"'‘“«]*M\.")
_LETTER_TITLE_LANGUAGES = frozenset({"fr"})
#: ... and an initial (`J.`) between a name's words: after a capitalised word or none (`John F. Kennedy`, `Mrs. J.
#: Smith`), before one; after a lower-case word it ends a sentence (`a pinch of vitamin C. Then`, `option A. Most`)
_INITIAL = re.compile(r"[(\[\"'‘“«]*[^\W\d_]\.")
_NAME_WORD = re.compile(r"[(\[\"'‘“«]*[^\W\d_]*[A-ZÀ-ÖØ-Þ]")
#: ... or after a word that names who wrote, made or said something (`written by J. Smith`, `a talk with A. Lee`): a
#: cue ended at "…written by J." (`vitamin C.`, `option A.` end sentences after other lower-case words)
_NAMING_WORD = re.compile(r"[(\[\"'‘“«]*(?:by|with|from|featuring|feat\.|ft\.|dear)", re.IGNORECASE)
#: ... or after "and" after a name (`Tom and J. Smith`, `A. Lee and J. Smith`), not after a letter (`vitamins A and C.
#: Take them`, `options B and C. Sam chose`: sentences' ends)
_NAME_BEFORE_AND = re.compile(r"[(\[\"'‘“«]*[A-ZÀ-ÖØ-Þ][^\W\d_]+,?")
#: ... which a word that opens a sentence, no name's, does not follow: the letter ends one (`Plan B. Then we`, `take
#: exit C. The road`; review f-spoken6); not a word that is also a surname (`William A. Still`, `Johann A. Most`)
_SENTENCE_OPENER = re.compile(
    r"[(\[\"'‘“«]*(?:The|Then|This|That|These|Those|There|Here|It|Its|We|I|You|He|She|They|A|An|And|But|So|Now|"
    r"Next|After|Before|If|When|What|Why|How|In|On|At|For|Our|My|Your|Their|Let's|Let|All|Some|No|Yes|Finally|"
    r"First|Also|Yet|Or)\b(?![.'’-])"
)
#: A word that opens a clause: a dash or a bracket (the cut goes before it; not `-`, which may be a minus)
_CLAUSE_START = re.compile(r"^(?:[—–]$|[(\[])")
#: ... and Korean's, which has spaces: as wide as two Latin letters, each
_CJK_CHARACTERS = re.compile(f"[{_CJK}\uac00-\ud7af]")
#: ... where a run of them may be cut: after each character (a line of Japanese was one cue of 192 characters)
_CJK_PIECE = re.compile(f"[{_CJK}]|[^{_CJK}]+")
#: What each cue and each kind of cut costs: a cut inside a formula only where nothing else fits, then as few cuts
#: between words (where no sentence or clause ends) as the length allows, then as few cues, then clause cuts
_CUE_COST = 100
_CUT_COST = {"sentence": 0, "clause": 10, "word": 300, "character": 320, "formula": 2000}
#: A cue shorter than this is hard to catch before it goes: each character short costs as much as this
_SHORT_CUE, _SHORT_COST = 24, 4


def columns(text: str) -> int:
    """How wide `text` is in columns: a character of Chinese, Japanese or Korean is two."""
    return len(text) + len(_CJK_CHARACTERS.findall(text))


def cue_texts(text: str, lead: int = 0, language: str = "") -> list[str]:
    """A line's words cut into cues of at most `CUE_CHARACTERS` columns (a longer word stays whole), which joined
    are `text` again (by single spaces, or nothing where a cut falls between characters of Chinese or Japanese): cut
    after a sentence's end or a clause's mark, between other words only where a sentence or clause is longer than a
    cue, as few cues as that allows and none very short (see `_CUT_COST`). Found by dynamic programming over the
    cuts between words, each cue looking back only as far as it can reach (time in proportion to the line's
    length). The first cue is shown after `lead` columns of its own (the video's `Speaker: `), counted in its
    budget (review 212: a long name made a first cue of 129 characters). `language` (the conversation's, `fr` or
    `fr-CA`) tells a French title (`M. Dupont`) from an English sentence's end (`size M. Then`)."""
    if columns(text) + lead <= CUE_CHARACTERS:
        return [text]
    words, spaced = _pieces(text)
    ends = [0]  # ends[k]: the length of words[:k] joined, plus the space after it (or nothing)
    widths = [0]  # ... and as wide as that is: a character of Chinese or Japanese is two columns wide
    for word, space in zip(words, spaced, strict=True):
        ends.append(ends[-1] + len(word) + space)
        widths.append(widths[-1] + columns(word) + space)
    count = len(words)
    # the spaces inside formulas, where a cut would split one
    in_formula = {
        match.start() + at for match in MATH_SPAN.finditer(text) for at, char in enumerate(match[0]) if char == " "
    }
    titled = language.replace("_", "-").split("-")[0].lower() in _LETTER_TITLE_LANGUAGES
    best: list[float] = [0.0] + [float("inf")] * count
    back = [0] * (count + 1)
    for end in range(1, count + 1):
        cut = 0.0
        if end < count:
            kind = _cut_kind(words, end, ends[end] - 1 in in_formula, spaced=bool(spaced[end - 1]), titled=titled)
            cut = _CUT_COST[kind]
        start = end - 1
        while start >= 0:
            length = widths[end] - widths[start] - spaced[end - 1] + (lead if start == 0 else 0)
            if length > CUE_CHARACTERS and start < end - 1:
                break
            cost = best[start] + _CUE_COST + cut + _SHORT_COST * max(0, _SHORT_CUE - length)
            if cost < best[end]:
                best[end], back[end] = cost, start
            start -= 1
    cues: list[str] = []
    end = count
    while end > 0:
        start = back[end]
        cues.append(text[ends[start] : ends[end] - spaced[end - 1]])
        end = start
    return cues[::-1]


def _pieces(text: str) -> tuple[list[str], list[int]]:
    """The words of a line and whether a space follows each (1) or not (0): its words between spaces, and each
    character of Chinese or Japanese on its own (no spaces between its words)."""
    words: list[str] = []
    spaced: list[int] = []
    for word in text.split(" "):
        pieces = _CJK_PIECE.findall(word) if _CJK_CHARACTERS.search(word) else [word]
        words += pieces or [""]
        spaced += [0] * (len(pieces or [""]) - 1) + [1]
    spaced[-1] = 0
    return words, spaced


def _an_initial(words: list[str], index: int) -> bool:
    """Whether `words[index]` is a name's initial: a letter and a full stop between capitalised words (or first, or
    after "by", "with"...: `written by J. Smith`), the next no word that opens a sentence, or before another initial
    after any word (`by J. R. R. Tolkien`)."""
    if not _INITIAL.fullmatch(words[index]) or index + 1 >= len(words) or not _NAME_WORD.match(words[index + 1]):
        return False
    if _SENTENCE_OPENER.match(words[index + 1]):
        return False
    return (
        index == 0
        or _NAME_WORD.match(words[index - 1]) is not None
        or _NAMING_WORD.fullmatch(words[index - 1]) is not None
        or (index > 1 and words[index - 1].lower() == "and" and bool(_NAME_BEFORE_AND.fullmatch(words[index - 2])))
        or _INITIAL.fullmatch(words[index + 1]) is not None
    )


def _cut_kind(words: list[str], index: int, in_formula: bool, *, spaced: bool = True, titled: bool = False) -> str:
    """Where the cut before `words[index]` falls: in a formula, after a sentence or a clause, or between words (or
    characters of Chinese or Japanese, where a space is a better place). `titled`: the line's language writes
    `M.` for a title (French)."""
    if in_formula:
        return "formula"
    before = words[index - 1]
    inside = _ABBREVIATION.match(f"{before} {words[index]}")  # between `z.` and `B.`, `т.` and `е.`
    if (
        _TITLE.fullmatch(before)
        or _an_initial(words, index - 1)
        or (titled and _LETTER_TITLE.fullmatch(before) and _NAME_WORD.match(words[index]))
        or (_PAGE.fullmatch(before) and _NUMBER_WORD.match(words[index]))
        or (inside and inside.end() > len(before) + 1)
    ):
        return "word" if spaced else "character"
    pair = _ABBREVIATION.fullmatch(f"{words[index - 2]} {before}") if index > 1 else None
    abbreviation = pair or _ABBREVIATION.fullmatch(before)  # a two-part one first: `т. д.`, not its `д.`
    following = words[index].lstrip("([\"'‘“«")[:1]
    if abbreviation and _LIST_END.fullmatch(abbreviation[0]) and (following.isupper() or following.isdigit()):
        return "sentence"
    if abbreviation and (_NUMBER_WORD.match(words[index]) or _ABBREVIATION.fullmatch(words[index])):
        return "word" if spaced else "character"
    if _SENTENCE_END.search(before) and not abbreviation:
        return "sentence"
    if _CLAUSE_END.search(before) or _CLAUSE_START.search(words[index]) or abbreviation:
        return "clause"
    return "word" if spaced else "character"


def cues(text: str, start: float, end: float, lead: int = 0, language: str = "") -> list[tuple[int, int, str]]:
    """A line's cues: (start, end in milliseconds, text), covering its time exactly, one after another, each as long
    as its share of the line's characters (the first after `lead` columns of its own, see `cue_texts`). A line too
    quick for a millisecond a cue keeps one."""
    first, last = round(start * 1000), round(end * 1000)
    texts = cue_texts(text, lead, language)
    total = sum(map(len, texts))
    bounds = [first]
    done = 0
    for piece in texts[:-1]:
        done += len(piece)
        bounds.append(first + round((last - first) * done / total))
    bounds.append(last)
    if any(later <= earlier for earlier, later in itertools.pairwise(bounds)):
        return [(first, last, text)]
    return [(bounds[index], bounds[index + 1], piece) for index, piece in enumerate(texts)]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def heard_words(text: str) -> str:
    """A line's words as its captions show them: without the stage directions the voice leaves out (`[laughs]`,
    `*pauses*`: captions caption what is heard, and no laugh is; the transcript keeps the line as written), as the
    spoken text is made: a code span's are read as code, held out while the rest goes (a line with a code span kept
    all its cues: review r-cues2)."""
    if "`" not in text:
        return without_stage_directions(text)
    spans = Held(CODES)
    held = CODE_SPAN.sub(lambda match: match[0] if spans.full else spans.hold(match[0]), text)
    return spans.put_back(without_stage_directions(held))


def heard(lines: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The timings' lines that are heard: those of some length (a reply of only an emoji takes no time)."""
    return [line for line in lines if float(line["end"]) > float(line["start"])]


def data_url(captions: str) -> str:
    """The captions file as a `data:` URL, for a page opened from disk: Chromium loads no `<track>` file from a
    `file://` page ("'file:' URLs are treated as unique security origins"), but it loads a `data:` URL."""
    return "data:text/vtt;charset=utf-8;base64," + base64.b64encode(captions.encode("utf-8")).decode("ascii")


def webvtt(timings: Mapping[str, Any]) -> str:
    """The captions file: each line's cues within its times exactly (several for a long line, see `cues`); cue text
    the line as read (no markup, no stage directions), the speaker in each cue's voice tag. A line that takes no
    time (only an emoji: nothing is heard) has no cue: a cue must last (the transcript shows it)."""
    out = ["WEBVTT", ""]
    number = 0
    language = str(timings.get("language") or "")
    for line in heard(timings["lines"]):
        speaker = _escape(" ".join(str(line["speaker"]).split()))
        text_read = line_text(heard_words(str(line["text"])))
        for start, end, text in cues(text_read, float(line["start"]), float(line["end"]), language=language):
            number += 1
            out += [str(number), f"{_clock(start)} --> {_clock(end)}", f"<v {speaker}>{_escape(text)}", ""]
    return "\n".join(out)
