"""Everyday notation of durations, days and titles: `9 h`, `9h-17h`, `45s`, `1h30`, `9am–5pm`, `Mon–Fri`, `M. Dupont`.

eSpeak read them letter by letter or without their link word ("neuf ache", "forty-fives", "Mon Fri"), bug bash 83.
"""

from __future__ import annotations

import re

from .rules import Language

#: French hours without minutes (`15h45` is a clock time, read before): `9 h`, `8,76 h`, and a range `9h-17h`
_FRENCH_HOURS = re.compile(r"(?<![\w.,:/\-])(\d+(?:,\d+)?)\s?h(?![\w'’/]|-\d)")  # `24 h/24` is a phrase
_FRENCH_HOUR_RANGE = re.compile(r"(?<![\w.,:/\-])(\d{1,2})\s?h\s?[-–]\s?(\d{1,2})\s?h(?![\w'’])")
#: `M. Dupont`, `MM. Dupont et Durand`: the titles before a name
_FRENCH_TITLE = re.compile(r"(?<!\d )(?<![\w.])(MM?)\.\s+(?=([A-ZÀ-Ý][a-zà-ÿ]+))")  # not `5 M. Ensuite`
#: Not a title: a point, a size or a matrix named M ending a sentence (`Le point M. Ensuite…`), review 84
_NOT_TITLED = {"point", "taille", "soit", "lettre", "matrice", "ensemble", "droite", "sommet", "note", "angle"}
_SENTENCE_OPENERS = {"Ensuite", "Alors", "Donc", "Et", "Il", "Elle", "On", "Ce", "Cela", "Le", "La", "Les", "Un",
                     "Une", "Puis", "Mais", "Nous", "Vous", "Ils", "Elles", "Je", "Tu", "Si", "En", "Dans",
                     "Pour"}  # fmt: skip
#: English durations glued to their number: `2h`, `1h30`, `45s` (not `80s` or `1990s`, decades)
_ENGLISH_HOURS = re.compile(r"(?<![\w.])(\d+)h(\d{2})?(?![\w'’])")
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
_DAYS = {
    "en": (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
           ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "to"),
    "de": (["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
           ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"], "bis"),
}  # fmt: skip
#: `Mon–Fri`, `Mo.–Fr.`: a range of days of the week
_DAY_RANGES = {
    code: re.compile(rf"(?<![\w.])({'|'.join(short)})\.?\s?[–—-]\s?({'|'.join(short)})\.?(?![\w])")
    for code, (short, _, _) in _DAYS.items()
}


def _plural(number: str, singular: str, plural: str) -> str:
    return singular if float(number.replace(",", ".")) < 2 else plural


def everyday_notation(text: str, lang: Language) -> str:
    """Durations, days and titles in words, in English, French and German."""
    if lang.code in _DAYS and ("-" in text or "–" in text or "—" in text):
        short, full, joiner = _DAYS[lang.code]

        def days(match: re.Match[str]) -> str:
            said = f"{full[short.index(match[1])]} {joiner} {full[short.index(match[2])]}"
            # `Open Mon-Fri. Closed…`: the full stop also ends the sentence
            rest = match.string[match.end() :]
            ends = match[0].endswith(".") and (not rest.strip() or re.match(r"\s+[A-ZÄÖÜ]", rest))
            return said + ("." if ends else "")

        text = _DAY_RANGES[lang.code].sub(days, text)
    if lang.code == "de" and "Std." in text:
        text = _ONE_HOUR_DE.sub(r"\1 Stunde", text)  # `1 Std. Pause`, `pro Std.`: not "Stunden"
    if lang.code == "fr":
        if "h" in text:
            text = _FRENCH_HOUR_RANGE.sub(r"\1 heures à \2 heures", text)
            text = _FRENCH_HOURS.sub(
                lambda match: f"{lang.one_feminine} heure"
                if match[1] == "1" and lang.one_feminine
                else f"{match[1]} {_plural(match[1], 'heure', 'heures')}",
                text,
            )
        if "M" in text:

            def title(match: re.Match[str]) -> str:
                before = match.string[: match.start()].split()
                if match[2] in _SENTENCE_OPENERS or (before and before[-1].lower() in _NOT_TITLED):
                    return match[0]
                return "Monsieur " if match[1] == "M" else "Messieurs "

            text = _FRENCH_TITLE.sub(title, text)
    elif lang.code == "en":
        if "h" in text:

            def hours(match: re.Match[str]) -> str:
                said = f"{match[1]} {_plural(match[1], 'hour', 'hours')}"
                return f"{said} {match[2]}" if match[2] else said

            text = _ENGLISH_CLOCK.sub(r"\1 \2:\3", text)
            text = _ENGLISH_HOURS.sub(hours, text)
        if "s" in text:

            def seconds(match: re.Match[str]) -> str:
                number = match[2] or match[3]
                return f"{match[1] or ''}{number} {_plural(number, 'second', 'seconds')}"

            text = _ENGLISH_SECONDS.sub(seconds, text)
        if "m" in text or "M" in text:
            text = _CLOCK_RANGE.sub(r"\1 to ", text)
    return text
