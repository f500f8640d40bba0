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
_FRENCH_TITLE = re.compile(r"(?<!\d )(?<![\w.])(MM?)\.\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")  # not `5 M. Ensuite`
#: English durations glued to their number: `2h`, `1h30`, `45s` (not `80s` or `1990s`, decades)
_ENGLISH_HOURS = re.compile(r"(?<![\w.])(\d+)h(\d{2})?(?![\w'’])")
_ENGLISH_SECONDS = re.compile(r"(?<![\w.])(\d*[1-9])s(?![\w'’])")
#: `9am–5pm`, `10 a.m. - 2 p.m.`: a range of clock times, which the dash joins
_CLOCK_RANGE = re.compile(r"(?<![\w.:])(\d{1,2}(?::\d\d)?\s?(?:[ap]m|[ap]\.m\.))\s?[–—-]\s?(?=\d)", re.IGNORECASE)
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
        text = _DAY_RANGES[lang.code].sub(
            lambda match: f"{full[short.index(match[1])]} {joiner} {full[short.index(match[2])]}", text
        )
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
            text = _FRENCH_TITLE.sub(lambda match: "Monsieur " if match[1] == "M" else "Messieurs ", text)
    elif lang.code == "en":
        if "h" in text:

            def hours(match: re.Match[str]) -> str:
                said = f"{match[1]} {_plural(match[1], 'hour', 'hours')}"
                return f"{said} {match[2]}" if match[2] else said

            text = _ENGLISH_HOURS.sub(hours, text)
        if "s" in text:
            text = _ENGLISH_SECONDS.sub(lambda match: f"{match[1]} {_plural(match[1], 'second', 'seconds')}", text)
        if "m" in text or "M" in text:
            text = _CLOCK_RANGE.sub(r"\1 to ", text)
    return text
