"""Times of day in words: `15h45`, `at 9:00`, `um 9.30`, `9:00–17:00 Uhr`, `9:05 am`, as each language says them."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .rules import Clock, Language

#: 15 h 45, 15h45, 9h05 (French, Portuguese); not in a URL or a file name (`/agenda/10h30`, `backup-02h30.tar.gz`)
_CLOCK_H = re.compile(r"(?<![\w.,:/\-])([01]?\d|2[0-3])\s?h\s?([0-5]\d)(?![\w\-]|\.\d)")  # `15h45.` ends a sentence
#: A place in a recording near the time (`at 1:30 in the video`, `im Video bei 1:30`, `Chapters: 00:00–02:15`): not
#: half past one; looked for within a few words of it (review 97: anywhere in the line, it lost `at 10:00 … 30
#: minutes`)
_MEDIA = re.compile(
    r"\b(?:videos?|vidéos?|vídeos?|episodes?|épisodes?|episodios?|episódios?|episodi|afleveringe?n?|Folgen?|"
    r"podcasts?|clips?|tracks?|timestamps?|songs?|recordings?|chapters?|segments?|Kapitel|Aufzeichnung|chansons?|"
    r"canci[oó]n|grabaci[oó]n|cap[ií]tulos?|canzone|registrazione|música|gravação|opname|hoofdstukken|minuto)\b",
    re.IGNORECASE,
)
#: a duration's or a pace's unit after the time (`1:30 min`, `2:00 hours`, `5:00/km`): minutes and seconds, or
#: hours and minutes of a duration, not a time of day
_DURATION_AFTER = (
    r"(?!\s?(?:min|sec|s|Min|Sek|seg|minutes?|Minuten|minutos|minuti|minuten|secondes|seconds?|hours?|hrs?|"
    r"Stunden|Std|heures|horas|ore|uren)\b|\s?/|\s(?:per|pro|por|par|al)\s+(?:km|mi|mile|Kilometer)\b)"
)
#: Words after an amount that make a point before two digits a decimal point (`um 2.35 Prozent`, `tot 1.25 keer`)
_AMOUNT_WORDS = frozenset(
    {
        "prozent", "prozentpunkte", "punkte", "punkt", "grad", "mal", "cent", "procent", "procentpunt", "punten",
        "keer", "graden", "percent", "points", "fois", "ciento", "veces", "volte", "vezes", "cento",
    }
)  # fmt: skip
#: A recording's chapters: ranges, one from 0:00 (`0:00–4:30 Intro, 4:30–12:00 Interview`)
_CHAPTERS = re.compile(r"(?<![\d:.])0?0:00\s?(?:[–—-]|\s\w{1,3}\s)\s?\d")
_RANGES = re.compile(r"\d:\d\d\s?(?:[–—-]|\s\w{1,3}\s)\s?\d{1,2}:\d\d")
#: Minutes that a range of times usually has at one end at least (a verse's `Romeinen 12:10–15:13` has none)
_ROUND_MINUTES = frozenset({"00", "15", "30", "45"})


def say_time(hours: str, minutes: str, lang: Language, minutes_said: str, whole_said: str, *, early: str = "") -> str:
    """ "15 heures 45", "9 Uhr", "une heure 30", "ein Uhr", "la una y 10": a time in a table's words."""
    number = str(int(hours))
    if minutes == "00":
        said = whole_said.format(h=number)
    else:
        said = (early if early and int(minutes) < 10 else minutes_said).format(h=number, m=str(int(minutes)))
    if int(number) > 1:
        return said
    # one hour, or none: "1 heure 30", "0 hora e 15"; and one in words ("une heure", "uma hora", "ein Uhr", "la
    # una"): eSpeak said "un heure", "um hora" (bug bash 85)
    said = re.sub(r"^(\d+ \w+)s\b", r"\1", said)
    one = lang.one if lang.code == "de" else lang.one_feminine
    return f"{one}{said[1:]}" if number == "1" and one else said


def _time(index: int, clock: Clock) -> str:
    """A time of day, its groups numbered `index`: `9:05`, `9.05` before the language's word for a time (`9.05
    Uhr`) or after a cue that allows the point (`dotted`); the word after it (`Uhr`) or the 12-hour mark (`am`)."""
    after = [f"(?P<after{index}>{clock.after})"] if clock.after else []
    if clock.meridiem:
        after.append(rf"(?P<mark{index}>[aApP]\.[mM]\.|[aApP][mM])")
    dotted = rf"|\.(?=[0-5]\d\s?(?:{clock.after})(?!\w))" if clock.after else ""
    return (
        # the first not inside a number, a version, a path or a range; the second after the range's dash
        (r"(?<![\w.,:/\-])" if index == 1 else r"(?<![\w.,:/])")
        + rf"(?P<h{index}>[01]?\d|2[0-4])(?P<sep{index}>:{dotted}|(?P<dot{index}>\.))"
        rf"(?P<m{index}>[0-5]\d)(?![\d:]|[.,]\d){_DURATION_AFTER}"
        + (rf"(?:\s?(?:{'|'.join(after)})(?!\w))?" if after else "")
    )


@lru_cache(maxsize=8)
def _clock_pattern(clock: Clock) -> re.Pattern[str]:
    """One time, or a range of two, and the words before them that make them times."""
    lead = rf"(?<![\w'’])(?:(?P<cue>{clock.cues})|(?P<start>{clock.starts}))(?:\s+|(?<=['’]))"
    joiner = rf"(?P<join>\s?[–—-]\s?|\s+(?:{clock.joiners})\s+)"
    return re.compile(rf"(?i:{lead})?{_time(1, clock)}(?:{joiner}{_time(2, clock)})?")


def _said(match: re.Match[str], index: int, lang: Language, clock: Clock, twenty_four: bool) -> str:
    """One time of the match in words; `twenty_four`: said the 24-hour way (a range with an end after 12)."""
    hours, minutes = match[f"h{index}"], match[f"m{index}"]
    mark = match.groupdict().get(f"mark{index}")
    if mark:
        return f"{say_time(hours, minutes, lang, clock.minutes, '{h}', early=clock.early)} {mark}"
    if int(hours) == 0 and minutes == "00" and clock.midnight:
        return clock.midnight
    if clock.after_words and match[f"after{index}"]:  # `14:30 h`, `1:30 h`: "14 horas 30", "una hora 30"
        return say_time(hours, minutes, lang, f"{{h}} {clock.after_words} {{m}}", f"{{h}} {clock.after_words}")
    whole = clock.whole_24 if clock.whole_24 and (twenty_four or int(hours) == 0) else clock.whole
    return say_time(hours, minutes, lang, clock.minutes, whole, early=clock.early)


def _measured(match: re.Match[str], lang: Language) -> bool:
    """Whether an amount's unit, currency or count follows (`om 2.50 meter`, `um 9.99 €`, `um 2.35 Prozent`): a
    decimal point, no time."""
    after = match.string[match.end() :].split(maxsplit=1)
    word = after[0].strip(".,;:!?)") if after else ""
    if not word:
        return False
    words = _measures(lang)
    return word in words or word.lower() in words or word.lower() in _AMOUNT_WORDS or word[0] in "€$£%"


@lru_cache(maxsize=8)
def _measures(lang: Language) -> frozenset[str]:
    """A table's units and currencies, as written and in words, and its word for `%`."""
    units = set(lang.units) | set(lang.units.values()) | {lang.singular(unit) for unit in lang.units.values()}
    currencies = {lang.symbols[sign] for sign in "$€£"} | set(lang.currency_signs) | set(lang.currency_signs.values())
    return frozenset(units | currencies | {lang.singular(name) for name in currencies} | {lang.symbols["%"]})


def _near_media(match: re.Match[str]) -> bool:
    """Whether a recording is named within a few words of the time (`at 1:30 in the video`, `im Video bei 1:30`)."""
    text = match.string
    return _MEDIA_PLACE.search(text, max(0, match.start() - 30), min(len(text), match.end() + 30)) is not None


#: A recording as a place (`in the video`, `im Video`, `del vídeo`, `dans la vidéo`) or a list's label (`Chapters:`),
#: not as a subject (`the new episode drops at 9:00`, `le podcast sort à 6:00`)
_MEDIA_PLACE = re.compile(
    r"(?i)\b(?:in|into|im|ins|del|dello|della|nel|nella|dans|de|do|da|no|na|en|of|uit)\s+"
    r"(?:(?:the|this|that|la|le|el|il|lo|o|a|de|het|dem|der|diesem)\s+)?(?:l['’])?" + _MEDIA.pattern
    + r"|" + _MEDIA.pattern + r"\s*:|\b(?:al|el|no|nel|do|del) minuto\b"
)


def colon_times(text: str, lang: Language, *, ratio_line: bool = False) -> str:
    """`at 9:00` "at 9 o'clock", `um 9.30` "um 9 Uhr 30", `de 9:00 à 17:00` "de 9 heures à 17 heures", `9:05 am`
    "9 oh 5 am": where a cue, a range's words or the language's word for a time make `H:MM` one; `ratio_line`: the
    line speaks of a ratio or a scale (`a 1:10 dilution`), whose colons are no times."""
    clock = lang.colon_clock
    if clock is None or not re.search(r"\d[:.]\d\d", text):
        return text
    chapters = _CHAPTERS.search(text) is not None and len(_RANGES.findall(text)) > 1  # not `von 0:00 bis 24:00`

    def marked(index: int, match: re.Match[str]) -> bool:
        return bool(match.groupdict().get(f"after{index}") or match.groupdict().get(f"mark{index}"))

    def time(match: re.Match[str]) -> str:
        cue, start, join = match["cue"], match["start"], match["join"]
        second = match["h2"] is not None
        dash = second and join.strip() in ("-", "–", "—")  # "e le", "e as": words that join, too
        ends = [index for index in (1, 2) if match[f"h{index}"] is not None]
        if any(match[f"h{i}"] == "24" and match[f"m{i}"] != "00" for i in ends):
            return match[0]
        media = _near_media(match)
        dotted_cue = cue is not None and re.fullmatch(clock.dotted_cues, cue, re.IGNORECASE) is not None
        # a point is no place in a recording (`alle 7.00`); a range after a start word needs a round end (a verse's
        # `de 3:16 à 3:18` has none)
        media = media and not (dotted_cue and match["dot1"])
        # a range needs a round end (a verse's `from 3:16 to 3:18`, `de 5:13 a 5:16` has none; review 100)
        round_end = any(match[f"m{i}"] in _ROUND_MINUTES for i in ends)
        ranged = start is not None and second and round_end
        cued = (ranged or (cue is not None and (not second or round_end))) and not media and not ratio_line
        # a point before minutes is a decimal point (`bis 2.50 Meter`, `um 2.35 Prozent`) unless a cue of times says
        # otherwise, or the range's end has the language's word for a time (`von 9.00 bis 17.00 Uhr`); before that
        # word (`9.30 uur`) the pattern took it already
        if (match["dot1"] or match["dot2"]) and ((not dotted_cue and not marked(2, match)) or _measured(match, lang)):
            return match[0]
        # a range with no cue: a verse's (`Mateus 5:13-7:29`) has no round minutes; in a list of chapters (one starts
        # at 0:00) none is a time
        dashed = dash and not media and not ratio_line and any(match[f"m{i}"] in _ROUND_MINUTES for i in ends)
        if chapters and cue is None and not marked(1, match):
            return match[0]
        if not (cued or marked(1, match) or marked(2, match) or dashed):
            return match[0]
        lead = match[0][: match.start("h1") - match.start()]
        if cue is not None and int(match["h1"]) == 1 and clock.before_one:
            one = dict(clock.before_one)
            lead = re.sub(r"\S+(?=\s*$)", lambda word: one.get(word[0].lower(), word[0]), lead, count=1)
            lead = lead.replace("' ", "'")  # "all'una"
        twenty_four = any(int(match[f"h{i}"]) > 12 for i in ends)
        said = lead + _said(match, 1, lang, clock, twenty_four)
        if not second:
            return said
        joined = f" {lang.word_to} " if dash else join
        return said + joined + _said(match, 2, lang, clock, twenty_four)

    return _clock_pattern(clock).sub(time, text)


@cache
def _cued_h_time(cues: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?P<cue>(?i:{cues})\s+){_CLOCK_H.pattern}")


def h_times(text: str, lang: Language) -> str:
    """ "15 heures 45" for `15h45` (eSpeak said "quinze ache quarante-cinq")."""
    clock = lang.colon_clock
    if clock is not None and not clock.h_times and lang.code == "es" and "h" in text:
        # a Spanish time glued to its `h` after the clock's article (`a las 14h30`, left as written, "catorce hache
        # treinta"): as its colon's time, "a las 14 30"; elsewhere a duration's as often (`dura 1h30`)
        return _cued_h_time(clock.cues).sub(r"\g<cue>\2:\3", text)
    if clock is None or not clock.h_times or "h" not in text:
        return text
    return _CLOCK_H.sub(lambda m: say_time(m[1], m[2], lang, clock.minutes, clock.whole), text)


#: A race's time or split, hours, minutes and seconds (`3:12:45`, `1:37:10`): one digit of hours, so not a clock's
#: `14:30:00`
_RACE_TIME = re.compile(
    r"(?<![\w.,:/\-])(\d):([0-5]\d):([0-5]\d)(?![\w:/\-]|[.,]\d|\s?(?:Uhr|h|am|pm|[ap]\.m\.|uur|heures?|horas?|ore)\b)"
)
#: Words of a line about a race, a split or a finish time, in the languages with tables (a colon's `3:12:45`
#: elsewhere is a log's time of day or a recording's place)
_RACE_WORDS = re.compile(
    r"\b(?:\w*marathons?|marat[oó]n|maratona|races?|racing|finish\w*|splits?|PR|PB|personal best|ran|"
    r"(?:chip|gun|net|split|total|winning|running|lap) times?|(?:ziel|end|lauf|zwischen|best|netto|brutto)?zeit(?:en)?|"
    r"lief|gelaufen|\w*lauf|temps|chrono|course|couru|arriv\w+|tiempo|marca|carreras?|corr[ií]\w*|llegada|"
    r"tempo|gara|corso|corsa|arrivo|parzial\w*|parcial\w*|corrida|correu|chegada|triathlon|ironman|ultra\w*|looptijd|"
    r"gelopen|tid|sprang)\b",
    re.IGNORECASE,
)


def race_times(text: str, lang: Language) -> str:
    """`3:12:45` "3 hours 12 minutes 45 seconds", "3 Stunden 12 Minuten 45 Sekunden" on a line about a race or a
    split, as a duration (it was left as written, which a voice reads as a clock or digit by digit); not after a cue
    of a time of day (`ran at 3:12:45`) nor near a recording's name (`at 1:02:30 in the video`)."""
    names = [lang.units.get(unit) for unit in ("h", "min", "s")]
    clock = lang.colon_clock
    if ":" not in text or not all(names) or not _RACE_WORDS.search(text):
        return text
    cue = re.compile(rf"(?:{clock.cues})\s+\Z", re.IGNORECASE) if clock is not None else None

    def said(match: re.Match[str]) -> str:
        if _near_media(match) or (cue is not None and cue.search(text, 0, match.start())):
            return match[0]
        before = re.search(r"(\w+)\s+\Z", text[: match.start()])
        parts = [
            lang.counted(str(int(amount)), str(name), before[1] if before and index == 0 else "")
            for index, (amount, name) in enumerate(zip(match.groups(), names, strict=True))
            if int(amount)
        ]
        return " ".join(parts) if parts else match[0]

    return _RACE_TIME.sub(said, text)
