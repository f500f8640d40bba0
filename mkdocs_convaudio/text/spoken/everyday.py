"""Everyday notation of durations, days and titles: `9 h`, `9h-17h`, `45s`, `1h30`, `9am–5pm`, `Mon–Fri`, `M. Dupont`.

eSpeak read them letter by letter or without their link word ("neuf ache", "forty-fives", "Mon Fri"), bug bash 83.
"""

from __future__ import annotations

import re
from functools import cache, partial

from .ordinals import sentence_end
from .rules import Language

#: Hours without minutes (`15h45` is a clock time, read before): `9 h`, `8,76 h`, and a range `9h-17h`
_HOURS = re.compile(r"(?<![\w.,:/\-])(\d+(?:,\d+)?)\s?h(?![\w'’/]|-\d)")  # `24 h/24` is a phrase
_HOUR_RANGE = re.compile(r"(?<![\w.,:/\-])(\d{1,2})\s?h\s?[-–]\s?(\d{1,2})\s?h(?![\w'’])")
#: The words for hours without minutes, and the range's joiner, where `h` follows the number (`9 h`, `9h-17h`)
#: `M. Dupont`, `MM. Dupont et Durand`: the titles before a name
_FRENCH_TITLE = re.compile(r"(?<!\d )(?<![\w.])(MM?)\.\s+(?=([A-ZÀ-Ý][a-zà-ÿ]+))")  # not `5 M. Ensuite`
#: Not a title: a point, a size or a matrix named M ending a sentence (`Le point M. Ensuite…`), review 84
_NOT_TITLED = {"point", "taille", "soit", "lettre", "matrice", "ensemble", "droite", "sommet", "note", "angle"}
_SENTENCE_OPENERS = {"Ensuite", "Alors", "Donc", "Et", "Il", "Elle", "On", "Ce", "Cela", "Le", "La", "Les", "Un",
                     "Une", "Puis", "Mais", "Nous", "Vous", "Ils", "Elles", "Je", "Tu", "Si", "En", "Dans",
                     "Pour"}  # fmt: skip
#: English durations glued to their number: `2h`, `1h30`, `3h15m`, `3h 15m`, `45s` (not `80s` or `1990s`, decades)
_ENGLISH_HOURS = re.compile(r"(?<![\w.])(\d+)h(?:(\d{2})m?|\s(\d{1,2})m)?(?![\w'’])")
#: `at 6h30`: a clock time, not a duration
_ENGLISH_CLOCK = re.compile(
    r"\b(at|by|until|till|from|before|around|after) ([01]?\d|2[0-3])h([0-5]\d)(?![\w'’])", re.IGNORECASE
)
#: `took 45s`, `a 3s timeout`: seconds after or before a word that makes it a duration (an iPhone 5s, Boeing 737s,
#: the 1s and 0s are none, review 84)
_SECONDS_CUES = "in|after|for|took|takes|take|every|within|wait|waited|timeout|of|than|about|under|over"
_ENGLISH_SECONDS = re.compile(
    rf"(?:\b((?:{_SECONDS_CUES}) |[~:=] ?)(\d*[1-9])s(?![\w'’])"
    r"|(?<![\w.])(\d*[1-9])s(?= (?:timeout|delay|later|ago|each|per|wait|interval|window|latency|TTL)\b))",
    re.IGNORECASE,
)
#: `9am–5pm`, `10 a.m. - 2 p.m.`: a range of clock times, which the dash joins
_CLOCK_RANGE = re.compile(r"(?<![\w.:])(\d{1,2}(?::\d\d)?\s?(?:[ap]m|[ap]\.m\.))\s?[–—-]\s?(?=\d)", re.IGNORECASE)
_ONE_HOUR_DE = re.compile(r"\b(1|ein|eine|einer|pro|je) Std\.", re.IGNORECASE)
#: German, Spanish and Italian hours and minutes glued (`dauert 1h30`, `dura 1h30`), a duration after a word that
#: makes it one (eSpeak NG said "eins ha dreißig", "uno hache treinta", "uno acca trenta"); elsewhere maybe a time of
#: day (`Treffen 14h30`), as written: the words that make it one, the hours' and the minute's words, and 1 hour's
_GLUED_DURATION_WORDS = {
    # not "nach", "für", "etwa", "ca.": `nach 14h30`, `für 14h30`, `ca. 14h30` are times as often (Swiss German's)
    "de": (r"dauert|dauerte|dauern|Dauer:?|Fahrzeit:?|Laufzeit:?|Spielzeit:?|Gehzeit:?|in|innerhalb|während|braucht"
           r"|brauchte|benötigt|benötigte", ("Stunden", "Minute", "Minuten"), "eine Stunde"),
    "es": (r"dura|duró|durará|duración:?|durante|en|tras|tarda|tardó|tardará|tardamos",
           ("horas", "minuto", "minutos"), "una hora"),
    "it": (r"dura|durata:?|durato|durerà|in|dopo|per|impiega|impiegato|richiede|ci vuole|ci vogliono",
           ("ore", "minuto", "minuti"), "un'ora"),
}  # fmt: skip


@cache
def _glued_duration(language: str) -> re.Pattern[str]:
    cues = _GLUED_DURATION_WORDS[language][0]
    return re.compile(rf"(?<![\w.])((?i:{cues})\s+)(\d{{1,2}})h([0-5]\d)(?![\w'’\-]|[.,:]\d)")


#: An Italian time of day written with a glued `h` (`alle 14h30`, `per 14h30`): after an article of the hours or,
#: after "per" or "dopo" (a duration's cues too: `per 1h30`), an hour a duration is not (13 to 23, or written with its
#: zero, `09h30`), said as a colon's time is (`alle 14:30`: "alle 14 e 30"); "per 14 ore 30 minuti", "alle 14h30"
#: were said
_ITALIAN_GLUED_TIME = re.compile(
    r"(?<![\w.])(?:(?P<article>(?i:alle|le|dalle|delle|fino alle|entro le|verso le|per le|dopo le)\s+)"
    r"(?P<hour>[01]?\d|2[0-3])|(?P<cue>(?i:per|dopo)\s+)(?P<late>1[3-9]|2[0-3]|0[2-9]))h(?P<minutes>[0-5]\d)"
    r"(?![\w'’\-]|[.,:]\d)"
)
#: ... but not after "per" or "dopo" before the period it is counted in (`Lavoro per 14h30 ogni settimana`, `per 14h30
#: al giorno`: a duration, "per 14 ore 30 minuti"; "per le 14 e 30" was said)
_ITALIAN_PERIOD_AFTER = re.compile(
    r"\s+(?:ogni|al|alla|a|per|in|nel|nella|di)\s+(?:giorno|giornata|settimana|mese|anno|notte|turno|volta|fila|totale)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _italian_glued_times(text: str) -> str:
    def said(match: re.Match[str]) -> str:
        minutes = int(match["minutes"])
        if match["article"]:
            hour, before = int(match["hour"]), match["article"]
        elif _ITALIAN_PERIOD_AFTER.match(match.string, match.end()):
            return match[0]  # `per 14h30 ogni settimana`: `_glued_durations`' duration
        else:
            hour, before = int(match["late"]), f"{match['cue']}le "
        return f"{before}{hour} e {minutes}" if minutes else f"{before}{hour}"

    return _ITALIAN_GLUED_TIME.sub(said, text)


def _glued_durations(text: str, language: str) -> str:
    """`dauert 1h30`: "dauert eine Stunde 30 Minuten", `dura 2h15` "dura 2 horas 15 minutos"."""
    _, (hours, minute, minutes), one_hour = _GLUED_DURATION_WORDS[language]

    def said(match: re.Match[str]) -> str:
        count, more = int(match[2]), int(match[3])
        # German's dative or genitive after "in", "innerhalb", "während" (`in 1h30`: "in einer Stunde 30 Minuten";
        # "in eine Stunde" was said)
        dative = language == "de" and match[1].split()[0].lower() in ("in", "innerhalb", "während")
        said_hours = ("einer Stunde" if dative else one_hour) if count == 1 else f"{count} {hours}"
        if more == 0:
            return f"{match[1]}{said_hours}"
        one_minute = "einer" if dative else {"de": "eine", "es": "un", "it": "un"}[language]
        said_minutes = f"{one_minute} {minute}" if more == 1 else f"{more} {minutes}"
        return f"{match[1]}{said_hours} {said_minutes}"

    return _glued_duration(language).sub(said, text)


@cache
def _day_range(short: tuple[str, ...]) -> re.Pattern[str]:
    """`Mon–Fri`, `Mo.–Fr.`: a range of days of the week, abbreviated as `short`."""
    names = "|".join(short)
    return re.compile(rf"(?<![\w.])({names})\.?\s?[–—-]\s?({names})\.?(?![\w])")


#: Words joining days listed before one time (`Sa und So, 10:00`), besides the language's own conjunctions
_DAY_JOINERS = frozenset({"and", "or", "et", "ou", "&"})


def _day_names(short: tuple[str, ...], dotted: bool) -> str:
    """The abbreviated days as a regex alternation; a lower-case table's with their capitalised form (`Sam.`)."""
    return "|".join((*short, *(day.capitalize() for day in short)) if dotted else short)


@cache
def _days_listed(short: tuple[str, ...], joiners: frozenset[str], dotted: bool) -> re.Pattern[str]:
    """`Sat`, `Sa und So`, `Di, Do`, `Sa/So`: one day of the week abbreviated as `short`, or several joined by
    commas, slashes or `joiners`, each list matched once whole (a time after it is looked for apart: a lookahead after
    the list would try the rest of a long list again from each day, quadratic). A `dotted` (lower-case) table's days
    need their full stop: `mar`, `sol`, `mer` alone are words."""
    day = rf"(?:{_day_names(short, dotted)})\.{'' if dotted else '?'}(?!\w)"
    joiner = "|".join(re.escape(word) for word in sorted(joiners))
    # not a range's last day (`Mon–Fri 9:00`), said with its first
    return re.compile(rf"(?<![\w.–—-])(?<![–—-] ){day}(?:(?:,\s?|/|\s(?:{joiner})\s){day})*")


@cache
def _day_name(short: tuple[str, ...], dotted: bool) -> re.Pattern[str]:
    """One abbreviated day inside a list of days, with its full stop."""
    return re.compile(rf"(?<!\w)({_day_names(short, dotted)})\.?(?!\w)")


#: A time of day right after a day or a list of days: `Sat 02:00`, `Sun, 3pm` (group 1: a comma between them); with
#: `h`, also `sam. 14h30`, `sáb. 9 h`
_TIME_AFTER = re.compile(r"(,)?\s+\d{1,2}(?::\d{2}|\s?[ap]\.?m\b)")
_TIME_AFTER_H = re.compile(r"(,)?\s+\d{1,2}(?::\d{2}|\s?[ap]\.?m\b|\s?h(?:\d{2})?\b)")


@cache
def _date_after(months: tuple[str, ...]) -> re.Pattern[str]:
    """A date right after a day: `sam. 5 mars`, `sáb. 5 de marzo`, `lun. 1er avril`, `sam. 05/03`."""
    names = "|".join(sorted({month[:3] for month in months}))
    return re.compile(rf",?\s+\d{{1,2}}(?:er|º)?(?:\s+(?:de\s+)?(?i:{names})|[/.]\d{{1,2}}(?!\d))")


#: What may come before a sentence's first word: nothing, or a sentence's end and spaces
_SENTENCE_START = re.compile(r"(?:\A|[.!?]\s+)\Z")
#: How far back a day looks for the sentence's start or the word before it (search from there, never the whole line)
_LOOK_BACK = 200


def _the_word_so(days: re.Match[str], comma: bool, short: tuple[str, ...]) -> bool:
    """German `So` before a comma and a time, starting a sentence in a line naming no other day, is the word "so"
    (`So, 10:00 passt mir`, was "Sonntag"); after `Am`, `und` or beside another day it is Sunday (`Sa, 10:00–14:00;
    So, 10:00–12:00`, `Am So, 10:00 Uhr`)."""
    if days[0].rstrip(".") != "So" or not comma:
        return False
    if not _SENTENCE_START.search(days.string, max(0, days.start() - _LOOK_BACK), days.start()):
        return False
    others = "|".join(day for day in short if day != "So")
    return re.search(rf"(?<![\w.])(?:{others})\b", days.string) is None


#: An amount's word before what it counts (`di parametri`, `de downloads`), not a distance (`5 mi de extensão`: miles)
_COUNTED_AFTER = r"(?=\s+(?:de|di|d')\b)(?!\s+de\s+(?:extensão|distância|percurso))"


@cache
def _counted_amount(word: str, before_of: bool, dotted: bool = False) -> re.Pattern[str]:
    """`7 mld di parametri`, `1.234,5 mln`, `892 mill. de euros`: an amount's abbreviated word without a currency
    (with one, the money rules read it); with `before_of`, only before what it counts (`70 mi de downloads`). A full
    stop inside a sentence goes with the abbreviation (`200 mln. di euro`)."""
    stop = "" if word.endswith(".") else r"(?!\.)" if dotted else r"(?:\.(?=\s+[a-zà-ÿ]))?"
    number = r"(?<![\w.,$€£])(?<![$€£]\s)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    # not before a currency sign (`3,5 mln €`: the money rules say "di euro")
    return re.compile(
        rf"{number}\s?{re.escape(word)}(?!\w|\.?\s?[$€£]){stop}" + (_COUNTED_AFTER if before_of else "")
    )


def _counted(match: re.Match[str], *, singular: str, plural: str, one: str, below_two: bool, stop: bool) -> str:
    """ "un miliardo", "7 miliardi"; Portuguese says "1,5 milhão" (`below_two`: the singular below two); with
    `stop`, the abbreviation's full stop also ends the sentence (`5 mill. El resto`)."""
    end = sentence_end(match.string, match.end()) if stop else ""
    if match[1] == "1":
        return f"{one} {singular}{end}"
    return f"{match[1]} {singular if below_two and _below_two(match[1]) else plural}{end}"


def _below_two(number: str) -> bool:
    """French and Portuguese count less than two in the singular ("1,5 heure"); Spanish only one ("1,5 horas")."""
    return float(number.replace(",", ".")) < 2


def _a_noun_or_a_name(day: re.Match[str], lang: Language) -> bool:
    """A lower-case table's lone dotted day that is none: capitalised inside a sentence, a name (`avec Sam. 14h30`;
    `Sam. 14h30` starting one is Saturday), or after a word that makes it a noun (`la mer. 14:00`, `al mar. 9:00`:
    the sea), review 211."""
    # only the words just before the day: the whole line for each day grew with the square of its length
    start = max(0, day.start() - _LOOK_BACK)
    before = day.string[start : day.start()]
    if day[0][0].isupper():
        return not _SENTENCE_START.search(day.string, start, day.start()) and not before.rstrip().endswith(":")
    words = before.split()
    return bool(words) and words[-1].lower() in lang.day_nouns_after.get(day[0].rstrip("."), ())


def days_before_times(text: str, lang: Language) -> str:
    """`Sat 02:00`, `Sa und So, 10:00`: the days said in full before a time of day (English said the verb "sat", and
    "sun"; a list's days before its last were left), before the time is read. A lower-case table's days only with
    their full stop, before a time or a date or listed with another day (`sam. 02:00`, `lun. et mer.`, `sáb. 5 de
    marzo`; `la mer.` is the sea), where the table says so (Dutch `zo 14:00`, `zo. 14:00` is "so" too)."""
    short, full, _ = lang.weekdays
    dotted = lang.dotted_weekdays
    if not short or not ("." in text if dotted else short[0][:1].isupper() and (":" in text or "m" in text)):
        return text
    time_after = _TIME_AFTER_H if dotted and lang.hour_words[0] else _TIME_AFTER
    names = _day_name(short, dotted)

    def full_day(day: re.Match[str]) -> str:
        if day[1] in short:
            return full[short.index(day[1])]
        return full[short.index(day[1].lower())].capitalize()  # `Sam.` starting a sentence

    def said(days: re.Match[str]) -> str:
        time = time_after.match(days.string, days.end())
        if time is not None and _the_word_so(days, bool(time[1]), short):
            return days[0]
        several = len(names.findall(days[0])) > 1
        if time is None and not (dotted and (several or _date_after(lang.months).match(days.string, days.end()))):
            return days[0]
        if dotted and not several and _a_noun_or_a_name(days, lang):
            return days[0]
        # `lun. et mer. Ensuite…`: the last day's full stop also ends the sentence
        return names.sub(full_day, days[0]) + (sentence_end(days.string, days.end()) if days[0][-1] == "." else "")

    return _days_listed(short, _DAY_JOINERS | lang.conjunctions | _range_words(lang), dotted).sub(said, text)


def _range_words(lang: Language) -> frozenset[str]:
    """The table's word joining a range of days (`Mon to Fri`, `Mo bis Fr`, `lun. au ven.`, `lun. a vie.`) and its
    contraction with an article (Spanish `del lun. al vie.`): both days said in full, as a dash's are (review 211)."""
    word = lang.weekdays[2]
    contracted = (short for full, short in lang.contractions if full.split()[0] == word and len(full.split()) == 2)
    return frozenset({word, *contracted})


#: A range of two hours joined by a word (`9 h bis 18 h`, `9 h alle 18 h`)
_HOURS_RANGE_WORD = re.compile(r"(?<![\w.,:/\-])(\d{1,2}) ?h ([^\W\d_]+) (\d{1,2}) ?h(?![\w'’/])")


def _clock_hours(text: str, words: frozenset[str], clock: str) -> str:
    """A range of hours joined by one of `words` to an hour past noon: two times of day (`9 h bis 18 h`: "9 Uhr bis
    18 Uhr", `dalle 9 h alle 18 h` "dalle 9 alle 18"). The rest is prose's units': a lone hour after one of them
    stays as written (`um 2 h verlängert`, `le 24 h di Le Mans` are durations as often), `2 h bis 4 h` is hours."""

    def range_said(match: re.Match[str]) -> str:
        start, end = int(match[1]), int(match[3])
        if match[2].lower() not in words or not start < end <= 24 or end <= 12:
            return match[0]
        return f"{clock.format(match[1])} {match[2]} {clock.format(match[3])}"

    return _HOURS_RANGE_WORD.sub(range_said, text)


def everyday_notation(text: str, lang: Language) -> str:
    """Durations, days, counted amounts and titles in words, as each language's table and rules say them."""
    short, full, joiner = lang.weekdays
    if short and ("-" in text or "–" in text or "—" in text):

        def days(match: re.Match[str]) -> str:
            said = f"{full[short.index(match[1])]} {joiner} {full[short.index(match[2])]}"
            # `Open Mon-Fri. Closed…`: the full stop also ends the sentence
            return said + (sentence_end(match.string, match.end()) if match[0].endswith(".") else "")

        text = _day_range(short).sub(days, text)
    for word, (singular, plural, one) in lang.counted_words.items():
        # German capitalizes nouns: a capital after `1,4 Bio.` is what it counts, as after `Mio.`
        below_two, stop = lang.counts_below_two, word.endswith(".") and lang.code != "de"
        counted = partial(_counted, singular=singular, plural=plural, one=one, below_two=below_two, stop=stop)
        dotted = f"{word}." in lang.abbreviations  # `1 Mio. Nutzer`: the abbreviation's, with its full stop
        text = _counted_amount(word, word in lang.counted_before_of, dotted).sub(counted, text)
    if lang.code == "de" and "Std." in text:
        text = _ONE_HOUR_DE.sub(r"\1 Stunde", text)  # `1 Std. Pause`, `pro Std.`: not "Stunden"
    if lang.code == "it" and "h" in text:
        text = _italian_glued_times(text)  # `per 14h30`: "per le 14 e 30", not a duration
    if lang.code in _GLUED_DURATION_WORDS and "h" in text:
        text = _glued_durations(text, lang.code)  # `dauert 1h30`: "dauert eine Stunde 30 Minuten"
    words, clock = lang.clock_hours
    if words and "h" in text:
        text = _clock_hours(text, words, clock)
    singular, plural, to = lang.hour_words
    if singular and "h" in text:
        text = _HOUR_RANGE.sub(rf"\1 {plural} {to} \2 {plural}", text)
        below_two = lang.singular_below_two or lang.counts_below_two

        def hours(match: re.Match[str]) -> str:
            number = match[1]
            if number == "1" and lang.one_feminine:
                return f"{lang.one_feminine} {singular}"
            one = number == "1" or (below_two and _below_two(number))
            return f"{number} {singular if one else plural}"

        text = _HOURS.sub(hours, text)
    if lang.code == "fr":
        if "M" in text:

            def title(match: re.Match[str]) -> str:
                before = match.string[max(0, match.start() - 64) : match.start()].split()
                if match[2] in _SENTENCE_OPENERS or (before and before[-1].lower() in _NOT_TITLED):
                    return match[0]
                return "Monsieur " if match[1] == "M" else "Messieurs "

            text = _FRENCH_TITLE.sub(title, text)
    elif lang.code == "en":
        if "h" in text:

            def hours(match: re.Match[str]) -> str:
                said = f"{match[1]} {'hour' if match[1] == '1' else 'hours'}"
                minutes = match[2] or match[3]
                if not minutes:
                    return said
                count = int(minutes)  # `3h15` took 3 hours 15 minutes ("3 hours 15" was said)
                return f"{said} {count} {'minute' if count == 1 else 'minutes'}"

            text = _ENGLISH_CLOCK.sub(r"\1 \2:\3", text)
            text = _ENGLISH_HOURS.sub(hours, text)
        if "s" in text:

            def seconds(match: re.Match[str]) -> str:
                number = match[2] or match[3]
                return f"{match[1] or ''}{number} {'second' if number == '1' else 'seconds'}"

            text = _ENGLISH_SECONDS.sub(seconds, text)
        if "m" in text or "M" in text:
            text = _CLOCK_RANGE.sub(r"\1 to ", text)
    return text
