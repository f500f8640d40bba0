"""Written ordinals and dates in words: German `der 2. Platz`, `am 5. Mai`, `27.11.2026`; French `2e`, `1re`, `XXIe`.

eSpeak read them as cardinals ("der zwei Platz", "am fünf Mai", "deux e", "iksgzi"), bug bash 83."""

from __future__ import annotations

import re

from num2words import num2words

_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember")  # fmt: skip
#: Words after which a German ordinal takes the weak ending -en (dative and accusative: "am fünften Mai",
#: "den zweiten Platz"); after der/die/das it is -e ("der zweite Platz").
_GERMAN_EN = {"am", "vom", "zum", "beim", "im", "dem", "den", "des", "ab", "seit", "bis", "zur", "einem", "einen"}
_GERMAN_E = {"der", "die", "das"}
#: `der 2. Platz`, `am 5. Mai`: a number with a point after an article or preposition, before a word
_GERMAN_ORDINAL = re.compile(
    r"\b(" + "|".join(sorted(_GERMAN_EN | _GERMAN_E, key=len, reverse=True)) + r")\s+(\d{1,3})\.\s+(?=(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE,
)
#: `5. Mai` without an article before it (a date's day)
_GERMAN_DAY = re.compile(r"(?<![\w.])(\d{1,2})\.\s+(?=(?:" + "|".join(_MONTHS_DE) + r")\b)")
#: `27.11.2026`, `am 1.1.`: a numeric date; without its year only after a word that introduces one (`Python 3.12.`
#: ending a sentence is a version)
_GERMAN_DATE = re.compile(r"(?<![\w.,])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)?(?![\w]|[.,]\d)")
#: `2e`, `3ème`, `1re`, `1er`, `2nde`, `XXIe`: French ordinals
#: (Roman numerals of two letters or more: `Le`, `Ce` are words)
_FRENCH_ORDINAL = re.compile(r"(?<![\w.,])(\d{1,4}|[IVXLC]{2,8})(e|ème|eme|re|ère|er|nd|nde)(?![\w'+\-−])")  # not 1e-9
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _german_ordinal(number: int, ending: str) -> str:
    """"zweite" → "zweiten" or "zweiter"; num2words gives the -e form."""
    word = str(num2words(number, lang="de", to="ordinal"))
    return word + ending[1:] if ending != "e" else word


def _before(text: str, start: int) -> str:
    """The word just before `start`, lower-case."""
    words = text[:start].split()
    return words[-1].lower().strip("(\"'„«") if words else ""


def german_ordinals(text: str) -> str:
    """German ordinals and dates in words, with the ending the word before them asks for."""
    if "." not in text:
        return text

    def with_article(match: re.Match[str]) -> str:
        ending = "e" if match[1].lower() in _GERMAN_E else "en"
        return f"{match[1]} {_german_ordinal(int(match[2]), ending)} "

    def date(match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[2])
        previous = _before(match.string, match.start())
        if not (1 <= day <= 31 and 1 <= month <= 12) or (not match[3] and previous not in _GERMAN_EN):
            return match[0]
        ending = "en" if previous in _GERMAN_EN else ("e" if previous in _GERMAN_E else "er")
        year = f" {match[3]}" if match[3] else ""
        return f"{_german_ordinal(day, ending)} {_MONTHS_DE[month - 1]}{year}"

    def day(match: re.Match[str]) -> str:
        previous = _before(match.string, match.start())
        ending = "en" if previous in _GERMAN_EN else ("e" if previous in _GERMAN_E else "er")
        return _german_ordinal(int(match[1]), ending) + " "

    text = _GERMAN_DATE.sub(date, text)
    text = _GERMAN_ORDINAL.sub(with_article, text)
    return _GERMAN_DAY.sub(day, text)


def _roman(numeral: str) -> int | None:
    values = [_ROMAN[letter] for letter in numeral]
    following = [*values[1:], 0]
    total = sum(-value if value < after else value for value, after in zip(values, following, strict=True))
    return total if total > 0 else None


def french_ordinals(text: str) -> str:
    """French ordinals in words: "deuxième", "première", "seconde", "vingt et unième"."""

    def ordinal(match: re.Match[str]) -> str:
        written, suffix = match[1], match[2]
        number = int(written) if written.isdigit() else _roman(written)
        if number is None or (not written.isdigit() and suffix not in ("e", "ème", "eme", "er", "re")):
            return match[0]
        if number == 1:
            return "première" if suffix in ("re", "ère") else "premier"
        if number == 2 and suffix in ("nd", "nde"):
            return "seconde" if suffix == "nde" else "second"
        if suffix in ("re", "ère", "er", "nd", "nde"):
            return match[0]  # `3re`: not an ordinal this reads
        return str(num2words(number, lang="fr", to="ordinal"))

    return _FRENCH_ORDINAL.sub(ordinal, text)
