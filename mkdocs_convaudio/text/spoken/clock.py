"""Times of day in words: `15h45`, `at 9:00`, `um 9.30`, `9:00–17:00 Uhr`, `9:05 am`, as each language says them."""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import Clock, Language

#: 15 h 45, 15h45, 9h05 (French, Portuguese); not in a URL or a file name (`/agenda/10h30`, `backup-02h30.tar.gz`)
_CLOCK_H = re.compile(r"(?<![\w.,:/\-])([01]?\d|2[0-3])\s?h\s?([0-5]\d)(?![\w\-]|\.\d)")  # `15h45.` ends a sentence
#: A line about a video's or an episode's minutes: `at 1:30` is a place in it there, not half past one
_MEDIA = re.compile(
    r"\b(?:videos?|vidéos?|vídeos?|episodes?|épisodes?|episodios?|episódios?|episodi|afleveringe?n?|Folgen?|"
    r"podcasts?|clips?|tracks?|timestamps?|Minuten?|minutes?|minuti|minutos|minuten|Sekunden|secondes|seconds)\b",
    re.IGNORECASE,
)
#: a duration's unit after the time (`1:30 min`): minutes and seconds, not hours and minutes
_DURATION_AFTER = r"(?!\s?(?:min|sec|s|Min|Sek|seg|minutes?|Minuten|minutos|minuti|minuten|secondes|seconds?)\b)"


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
        + rf"(?P<h{index}>[01]?\d|2[0-3])(?P<sep{index}>:{dotted}|(?P<dot{index}>\.))"
        rf"(?P<m{index}>[0-5]\d)(?![\d:]|[.,]\d){_DURATION_AFTER}"
        + (rf"(?:\s?(?:{'|'.join(after)})(?!\w))?" if after else "")
    )


@lru_cache(maxsize=8)
def _clock_pattern(clock: Clock) -> re.Pattern[str]:
    """One time, or a range of two, and the words before them that make them times."""
    lead = rf"(?<![\w'’])(?:(?P<cue>{clock.cues})|(?P<start>{clock.starts}))(?:\s+|(?<=['’]))"
    joiner = rf"(?P<join>\s?[–—-]\s?|\s+(?:{clock.joiners})\s+)"
    return re.compile(rf"(?i:{lead})?{_time(1, clock)}(?:{joiner}{_time(2, clock)})?")


def _said(match: re.Match[str], index: int, lang: Language, clock: Clock) -> str:
    hours, minutes = match[f"h{index}"], match[f"m{index}"]
    mark = match.groupdict().get(f"mark{index}")
    whole = clock.whole_24 if clock.whole_24 and (int(hours) == 0 or int(hours) > 12) and not mark else clock.whole
    said = say_time(hours, minutes, lang, clock.minutes, "{h}" if mark else whole, early=clock.early)
    return f"{said} {mark}" if mark else said


def _measured(match: re.Match[str], lang: Language) -> bool:
    """Whether an amount's unit or currency follows (`om 2.50 meter`, `um 9.99 €`): a decimal point, no time."""
    after = match.string[match.end() :].split(maxsplit=1)
    word = after[0].strip(".,;:!?)") if after else ""
    units = set(lang.units) | set(lang.units.values()) | {lang.singular(unit) for unit in lang.units.values()}
    return bool(word) and (word in units or word.lower() in units or word[0] in "€$£%")


def colon_times(text: str, lang: Language) -> str:
    """`at 9:00` "at 9 o'clock", `um 9.30` "um 9 Uhr 30", `de 9:00 à 17:00` "de 9 heures à 17 heures", `9:05 am`
    "9 oh 5 am": where a cue, a range's words or the language's word for a time make `H:MM` one."""
    clock = lang.colon_clock
    if clock is None or not re.search(r"\d[:.]\d\d", text):
        return text
    media = _MEDIA.search(text) is not None  # `à 1:30 dans la vidéo`: only a time's own word or mark make one

    def marked(index: int, match: re.Match[str]) -> bool:
        return bool(match.groupdict().get(f"after{index}") or match.groupdict().get(f"mark{index}"))

    def time(match: re.Match[str]) -> str:
        cue, start, join = match["cue"], match["start"], match["join"]
        second = match["h2"] is not None
        cued = (cue is not None or (start is not None and second)) and not media
        # a point before minutes is a decimal point (`bis 2.50 Meter`) unless a cue of times says otherwise; before
        # the language's word for a time (`9.30 uur`) the pattern took it already
        dotted_cue = cue is not None and re.fullmatch(clock.dotted_cues, cue, re.IGNORECASE) is not None
        if (match["dot1"] or match["dot2"]) and (not dotted_cue or _measured(match, lang)):
            return match[0]
        first_is_time = cued or marked(1, match) or (second and not join.strip().isalpha() and not media)
        if not first_is_time:
            return match[0]
        lead = match[0][: match.start("h1") - match.start()]
        said = lead + _said(match, 1, lang, clock)
        if not second:
            return said
        joined = f" {lang.word_to} " if not join.strip().isalpha() else join
        return said + joined + _said(match, 2, lang, clock)

    return _clock_pattern(clock).sub(time, text)


def h_times(text: str, lang: Language) -> str:
    """ "15 heures 45" for `15h45` (eSpeak said "quinze ache quarante-cinq")."""
    if not lang.clock or "h" not in text:
        return text
    return _CLOCK_H.sub(lambda m: say_time(m[1], m[2], lang, lang.clock, lang.clock_whole), text)
