"""A decimal number in prose said in the page's own words where no table reads its language (`2,5`, `17.5`).

eSpeak NG's Ukrainian and Japanese voices drop a decimal's separator: `2,5 км` was "два п'ять кілометра" (two five),
`3,75 %` "три сімдесят п'ять", `17.5` "jūshichi go"; its Russian voice said `2.5` "два точка пять" and `3,75` "три и
семь пятьдесятых" (review f-ru2). So a decimal is written as people say it: "2 целых 5 десятых" in Russian, "2 цілих 5
десятих" in Ukrainian ("одна целая", "дві цілих": `целая` is feminine), "17てん5" in Japanese (whose comma
groups thousands: `1,250`, which the voice reads, stays); more than three decimal places with the separator's word
and digit by digit ("3 запятая 1 4 1 5 9"). Never a version's (`1.2.3`, `v2.5`, `Python 3.12`), a date's
(`15.05.2024`, `15.05`), a time's (`в 10.30`), an address's or a formula's numbers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from num2words import num2words

from .feminine_numbers import in_feminine
from .native_money import agreeing_form
from .native_units import outside_formulas_and_addresses
from .native_words import GENITIVE_PREPOSITIONS


class _Words(NamedTuple):
    #: the whole part's word after one and after any other number
    whole: tuple[str, str]
    #: tenths', hundredths' and thousandths' words, after one and after any other number
    parts: tuple[tuple[str, str], ...]
    #: the separator's word, for more decimal places than `parts` has
    separator: str
    #: prepositions before a time written with a point (`в 10.30`, `о 10.30`)
    before_time: frozenset[str]
    #: prepositions that ask for the genitive (`от 2,5 до 3,5`), and the whole part's and the parts' words in it
    genitive_after: frozenset[str]
    whole_genitive: tuple[str, str]
    parts_genitive: tuple[str, str, str]


_WORDS = {
    "ru": _Words(
        ("целая", "целых"),
        (("десятая", "десятых"), ("сотая", "сотых"), ("тысячная", "тысячных")),
        "запятая",
        frozenset({"в", "во", "к", "до", "с", "со", "после", "около", "на"}),
        frozenset({*GENITIVE_PREPOSITIONS["ru"], "из", "без", "для"}),
        ("целой", "целых"),
        ("десятой", "сотой", "тысячной"),
    ),
    "uk": _Words(
        ("ціла", "цілих"),
        (("десята", "десятих"), ("сота", "сотих"), ("тисячна", "тисячних")),
        "кома",
        frozenset({"о", "об", "до", "з", "із", "від", "після", "на", "в", "у"}),
        frozenset({*GENITIVE_PREPOSITIONS["uk"], "без", "для"}),
        ("цілої", "цілих"),
        ("десятої", "сотої", "тисячної"),
    ),
}
#: A number with one decimal separator: not a version's, a date's or an address's part (`1.2.3`, `15.05.2024`,
#: `192.168.1.1`), nor a standard's (`ГОСТ 2.105-95`), nor glued to a Latin or Cyrillic word (`v2.5`, `x1.5`);
#: Japanese writes its words against it
_DECIMAL = re.compile(r"(?<![\d.,_])(?<![A-Za-z\u0400-\u04ff])(?P<whole>\d+)(?P<mark>[.,])(?P<part>\d+)(?![.,]?\d|-\d)")
#: A version after a program's name or the word for it (`Python 3.12`, `версия 2.5`, `версії 2.5`)
_VERSION_BEFORE = re.compile(r"(?:[A-Za-z][\w+#]*|верси[яиюей]\w*|версі[їяюй]\w*)\s*\Z", re.IGNORECASE)

#: A section's, a clause's, a figure's or a table's number after its word (`п. 3.2`, `в пункте 3.2`, `рис. 2.1`,
#: `таблиця 1.2`): no decimal ("пункт 3 целых две десятых" was said), the voice reads its point
_SECTION_BEFORE = re.compile(
    r"(?:(?<!\w)(?:пункт|раздел|глав|параграф|рисун|таблиц|розділ|підрозділ)[^\W\d_]*\s*"
    r"|(?<![\w.])(?:пп?|рис|табл|разд|розд|гл)\.\s*|§\s*"
    # ... and a range of sections' numbers that `native_abbreviations` wrote (`пп. 3.1-3.4`: "пункты с 3.1 по 3.4")
    r"|(?<!\w)пункт[^\W\d_]*\s+(?:со?|з)\s+)"
    # ... and the sections listed after the first (`пп. 1.1-1.3, 2.5`, `п. 3.2 и 3.5`: "две целых 5 десятых" was said)
    r"(?:\d+(?:\.\d+)+(?:\s+по\s+|\s*,\s*|\s+(?:и|і|й|та)\s+))*\Z",
    re.IGNORECASE,
)


def _said(whole: str, part: str, words: _Words, language: str) -> str:
    """ "2 целых 5 десятых", "одна целая 25 сотых", "3 запятая 1 4 1 5 9"."""
    if len(part) > len(words.parts):
        return f"{whole} {words.separator} {' '.join(part)}"
    tenths = str(int(part))
    whole_word = agreeing_form(whole, (words.whole[0], words.whole[1], words.whole[1], words.whole[1]))
    one, many = words.parts[len(part) - 1]
    part_word = agreeing_form(tenths, (one, many, many, many))
    return f"{in_feminine(whole, language)} {whole_word} {in_feminine(tenths, language)} {part_word}"


#: Russian's prepositions that ask for the locative and the dative of a decimal (`при 2,5 кг`, `к 2,5 км`: "при двух
#: целых пяти десятых", "к двум целым пяти десятым"; "при две целых 5 десятых" was sent), and the whole part's and
#: the parts' words in the dative (the locative's are the genitive's)
_LOCATIVE_AFTER = frozenset({"при", "о", "об"})
_DATIVE_AFTER = frozenset({"к", "ко"})
_DATIVE_WORDS = (("целой", "целым"), (("десятой", "десятым"), ("сотой", "сотым"), ("тысячной", "тысячным")))


def _genitive(number: str, language: str, case: str = "genitive") -> str:
    """`number`'s words in the genitive (or another `case`) before a feminine noun ("двух", "одной"; Ukrainian
    "двох", "однієї", where num2words says "одного")."""
    if not number.strip("0"):
        return {"genitive": "нуля", "prepositional": "нуле", "dative": "нулю"}[case]
    if len(number.lstrip("0")) > 15:  # num2words has no words for 10³³ and above (a KeyError stopped the build)
        return number
    said: str = num2words(int(number), lang=language, case=case, gender="f")
    return re.sub(r"одного\Z", "однієї", said) if language == "uk" else said


def _said_in_genitive(whole: str, part: str, words: _Words, language: str, case: str = "genitive") -> str:
    """ "двух целых пяти десятых", "одной целой одной десятой": after "от", "до" (the voice reads digits in the
    nominative, and `in_feminine` wrote "от две целых"); Russian's locative ("при двух целых пяти десятых") and
    dative ("к двум целым пяти десятым") with another `case`."""
    tenths = str(int(part))
    one, many = _DATIVE_WORDS[0] if case == "dative" else words.whole_genitive
    whole_word = agreeing_form(whole, (one, many, many, many))
    if case == "dative":
        one, many = _DATIVE_WORDS[1][len(part) - 1]
    else:
        one, many = words.parts_genitive[len(part) - 1], words.parts[len(part) - 1][1]
    part_word = agreeing_form(tenths, (one, many, many, many))
    return f"{_genitive(whole, language, case)} {whole_word} {_genitive(tenths, language, case)} {part_word}"


def _date_or_time(match: re.Match[str], words: _Words) -> bool:
    """Whether a number with a point may be a day and month (`15.05`) or a time after a preposition (`в 10.30`)."""
    if match["mark"] != "." or len(match["part"]) != 2:
        return False
    whole, part = int(match["whole"][-3:]), int(match["part"])
    if whole <= 31 and 1 <= part <= 12 and len(match["whole"]) <= 2:
        return True
    before = match.string[max(0, match.start() - 8) : match.start()].split()[-1:]
    return whole <= 23 and part <= 59 and bool(before) and before[0].lower() in words.before_time


def native_decimals(text: str, language: str) -> str:
    """`text` with its decimals said in `language`'s words where this module has them (`2,5` → "2 целых 5 десятых",
    `17.5` → "17てん5" in Japanese); other numbers and languages as written."""
    base = language.split("-")[0].lower()
    if (base not in _WORDS and base != "ja") or ("," not in text and "." not in text):
        return text

    def said(match: re.Match[str]) -> str:
        if _VERSION_BEFORE.search(match.string, max(0, match.start() - 24), match.start()):
            return match[0]
        if match["mark"] == "." and _SECTION_BEFORE.search(match.string, max(0, match.start() - 64), match.start()):
            return match[0]  # `п. 3.2`, `рис. 2.1`: a section's, a figure's number
        if base == "ja":  # "17てん5", "3てん1 4": a decimal's digits one by one, as Japanese says them
            if match["mark"] == ",":  # `1,250件`: Japanese groups thousands with a comma; the voice reads it so
                return match[0]
            return f"{match['whole']}てん{' '.join(match['part'])}"
        words = _WORDS[base]
        if not match["part"].strip("0") or _date_or_time(match, words):
            return match[0]
        before = match.string[max(0, match.start() - 8) : match.start()].split()[-1:]
        if before and before[0].lower() in words.genitive_after and len(match["part"]) <= len(words.parts):
            return _said_in_genitive(match["whole"], match["part"], words, base)
        governed = before[0].lower() if before and base == "ru" and len(match["part"]) <= len(words.parts) else ""
        if governed in _LOCATIVE_AFTER or governed in _DATIVE_AFTER:  # `при 2,5 кг`: "при двух целых пяти десятых"
            case = "prepositional" if governed in _LOCATIVE_AFTER else "dative"
            return _said_in_genitive(match["whole"], match["part"], words, base, case)
        return _said(match["whole"], match["part"], words, base)

    return outside_formulas_and_addresses(text, lambda prose: _DECIMAL.sub(said, prose))
