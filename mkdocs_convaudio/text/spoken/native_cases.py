"""A whole number after a Russian or Ukrainian preposition said in the case the preposition asks for.

eSpeak NG's Russian and Ukrainian voices read digits in the nominative whatever comes before them: `от 5 до 10 минут`
was "от пять до десять минут", `около 300 человек` "около триста человек", `о 5 случаях` "о пять случаях" (the writer
put the noun in its case; the number, left to the voice, was not). So where the preposition asks for one case
unambiguously, the number is written in it (num2words declines both languages): the genitive after "от", "до", "из",
"около" and the like, "с"/"з" only as a range's start (`с 5 до 10`); the dative after "к" before a noun in its dative
plural (`к 5 часам`); the locative after "о", "при", and "в"/"у"/"на" before a noun in its locative plural (`в 5
странах`); the instrumental after "с"/"з" before a noun in its instrumental plural (`с 5 друзьями`). Left to the voice:
`по 5` (distributive), `в 5 раз`, `на 5 минут` (an accusative, read as the nominative), `с 5 по 10`, a number ending
in 1 before a noun whose gender no table gives (`до 1 ночи`; a feminine noun `feminine_numbers` lists and a masculine
one `_MASCULINE` does are known: `до 1 дня`, "до одного дня"), a number before a noun in a singular case (`для 5
класса`, `к 5 классу`: an ordinal's), and what other modules read: a time, a date's day (`до 15 марта`), a year
(`к 2030 году`, `до 2030`), a decimal, an amount of money or of a unit (`около 2 кг`: `native_units` says it with
`unit_amount_after_preposition`, "около двух килограммов"), `№ 5`. A range with a dash, which `native_symbols`
writes "от 5 до 10" (`5-10 человек`), is said in the genitive by `range_in_genitive` where the noun after it tells
it (not `2-3 дня`, whose noun agrees with the nominative), and after a preposition in its case, joined by a hyphen, by
`range_after_preposition` (`около 5-6 часов`: "около пяти-шести часов") and `unit_range_after_preposition` (`около
5-10 км`; after "в" (Ukrainian's "у" too) and before "от", a distance from a place, in the locative: `в 5-10 км от
моря`, "в пяти-десяти километрах от моря", or a length's at a clause's end, `Магазин в 1 км.`; after "за", "через",
"по", the accusative, `за 2-3 км`; after "к", the dative, `к 2-3 км`; after "о", "при", the locative). After "за",
"через", "по" a count's range is an accusative too (`за 5-10 минут`), an animate noun's after 2, 3 or 4 its genitive
(`на 2-3 человек`: "на двух-трёх человек"), and after "с" before a noun's genitive singular a range of ordinals (`с
2-3 дня`: "со второго-третьего дня"). A range that numbers a noun is said in ordinals, in its locative (`в 5-6
классе`: "во" before "втор-": "в пятом-шестом классе") or its accusative (`на 5-6 этаж`: "на пятый-шестой этаж"), a
month's days in ordinals in the preposition's case (`до 5-10 мая`: "до пятого-десятого мая", `с 5-10 мая` "с пятого
по десятое мая"), and one before a masculine noun's few form in the nominative it agrees with (`21-22 дня`:
"двадцать один-двадцать два дня"), or after a preposition that asks for the genitive in it with the noun's plural
(`около 2-3 дня`: "около двух-трёх дней"). "между" asks for the instrumental whatever follows (`между 5 и 10`), and a
size after the number is said in the genitive with it, a currency or a unit after the size in the genitive plural
(`около 2 тыс. человек`: "около двух тысяч человек", `около 2 млн руб.` "около двух миллионов рублей", `около 2 млн
км` "около двух миллионов километров").
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from num2words import num2words

from .feminine_numbers import feminine_noun_follows
from .native_units import (
    full_stop_kept,
    outside_formulas_and_addresses,
    size_alone,
    size_and_counted,
    unit_feminine,
    unit_follows,
    unit_symbols,
)
from .native_words import GENITIVE_PREPOSITIONS, MONTHS_GENITIVE


class _Words(NamedTuple):
    #: prepositions that ask for the genitive of any number after them (`около 300 человек`)
    genitive: str
    #: prepositions that ask for the genitive as a range's start only (`с 5 до 10`; `с 5 друзьями` is instrumental,
    #: `с 5 по 10` a range of what is numbered) or before a time of day or an age (`с 5 утра`, `с 18 лет`), and the
    #: range's end's
    range_start: str
    range_end: str
    #: the words between two numbers in the same case (`из 5 или 6`, `у 2 и 3 пользователей`)
    either: str
    #: prepositions that ask for the dative (`к 5 часам`)
    dative: str
    #: prepositions that ask for the locative, said so before a noun in its locative plural only (`о 5 случаях`, `в 5
    #: странах`; `в 5 раз`, `на 5 минут` are accusatives, and `о 5 классе` an ordinal's)
    locative: str
    #: prepositions that ask for the instrumental before its plural (`с 5 друзьями`, `перед 2 экзаменами`)
    instrumental: str
    #: prepositions that ask for the instrumental whatever follows (`между 5 и 10`: "между пятью и десятью")
    between_two: str
    #: num2words' name for the locative
    locative_case: str
    #: a noun's genitive singular endings: after a count above one the genitive is plural (`до 5 дней`), so a singular
    #: one is an ordinal's (`для 5 класса`, "для пятого класса") or a count's the writer agreed with the nominative
    genitive_singular: str
    #: a time of day's words in the genitive, after an hour's number (`до 5 утра`, "до пяти утра"), and years' after
    #: an age (`с 18 лет`)
    time_of_day: str
    years: str
    #: a noun's genitive plural endings, after which a year's number is a count (`свыше 1000 отзывов`; `до 2030`,
    #: `после 1990` are years)
    genitive_plural: str


_WORDS = {
    "ru": _Words(
        "|".join((*(p for p in GENITIVE_PREPOSITIONS["ru"] if p not in ("с", "со")), "ок\\.", "из", "изо", "из-за",
                  "без", "для", "кроме", "вокруг", "у", "против", "среди", "вместо", "возле", "помимо", "свыше",
                  "сверх", "более", "менее")),
        "с|со", "до", "и|или",
        "к|ко|благодаря|согласно|вопреки",
        "о|об|обо|при|в|во|на",
        "с|со|перед|передо",
        "между|меж",
        "prepositional",
        "[аяыи]|ого|его|ой",
        "утра|вечера|ночи", "лет",
        "ов|ев|ёв|ей|человек",
    ),
    "uk": _Words(
        "|".join((*(p for p in GENITIVE_PREPOSITIONS["uk"] if p not in ("з", "із", "зі")), "без", "для", "біля",
                  "крім", "окрім", "замість", "серед", "навколо", "протягом", "впродовж")),
        "з|із|зі", "до", "і|й|та|або|чи",
        "завдяки|всупереч",
        "при|в|у|на",  # Ukrainian's "о" before a number is a time's (`о 5` "о п'ятій")
        "з|із|зі|перед",
        "між|поміж",
        "locative",
        "[аяуюиі]|ого|ої",
        "ранку|вечора|ночі", "років",
        "ів|їв|ей|осіб",
    ),
}  # fmt: skip
#: A masculine noun of time, money or measure a blog counts, in the genitive singular a number ending in 1 takes
#: after a preposition (`до 1 дня`, `около 21 рубля`) and in the genitive plural a range's end does (`до 1-3 дней`),
#: before which such a number is said masculine ("до одного дня"); "часа" only after a number other than 1 (`после 1
#: часа` is "после часа" as often as an hour counted), and no year's word (`до 1 года`: `native_abbreviations`')
_MASCULINE = {
    "ru": re.compile(
        r"\s+(?:дня|дней|месяца|месяцев|раза|раз|рубля|рублей|доллара|долларов|процента|процентов|человека|человек"
        r"|(?P<hour>часа|часов))(?!\w)",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"\s+(?:дня|днів|тижня|тижнів|місяця|місяців|разу|разів|долара|доларів|рубля|рублів|відсотка|відсотків)(?!\w)",
        re.IGNORECASE,
    ),
}
#: A noun after "в", "на", "о", "при" and a range that numbers what it names, no count of it: an ordinal's, which no
#: rule says (`в 5-6 классе`, `на 3-4 этаже`, `в 18-19 веках` were "в пять-шесть классе", "на три-четыре этаже", "в
#: восемнадцати-девятнадцати веках"): a noun in its locative singular (Russian's in -е or -у; Ukrainian's in -у, -ю
#: or -і, which a count's plural after 2, 3 or 4 also ends in: `на 2-3 дні`) or its accusative singular (`на 10-12
#: число`, `на 2-3 неделю`, `на 5-6 этаж`), or a century's, a school year's
_NUMBERED = {
    # (not "евро", "евроцентов": an invariable currency's, counted, `на 5-6 евро`; "на от пяти до шести евро" was said)
    "ru": re.compile(
        r"\s+(?!евро(?!\w))(?:(?:век|столети|тысячелети|класс|курс)[^\W\d_]*|этаж|[^\W\d_]+[еёуюо])(?!\w)",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"\s+(?:(?:століт|тисячоліт|клас|курс)[^\W\d_]*|поверх|[^\W\d_]+[уюое]"
        r"|(?!(?:дні|тижні|місяці|гривні|ночі)(?!\w))[^\W\d_]+і)(?!\w)",
        re.IGNORECASE,
    ),
}
#: ... and after a range whose last number ends in 2, 3 or 4 (not 12-14), a word a count's noun does not end in there
#: (Russian's genitive singular, Ukrainian's nominative plural, or an adjective's plural before it): `на 2-3 этаж`
_NOT_AFTER_FEW = {
    "ru": re.compile(r"\s+(?![^\W\d_]*(?:[аяыи]|[ыи]х)(?!\w))[^\W\d_]+(?!\w)", re.IGNORECASE),
    "uk": re.compile(r"\s+(?![^\W\d_]*(?:[аяиії]|их)(?!\w))[^\W\d_]+(?!\w)", re.IGNORECASE),
}
#: ... after "между" ("між"): a noun or an adjective in its instrumental singular (`между 2 и 3 этажом`, "между
#: вторым и третьим"; "между двумя и тремя этажом" was said)
_INSTRUMENTAL_SINGULAR = re.compile(r"\s+[^\W\d_]+(?:ом|ем|ём|єм|ой|ей|ою|ею|ым|им)(?!\w)", re.IGNORECASE)
#: A noun (after adjectives in the same case) in its dative, locative or instrumental plural
_PLURAL = {
    "dative": r"(?:[^\W\d_]+(?:ым|им)\s+)*[^\W\d_]+[ая]м",
    "locative": r"(?:[^\W\d_]+[ыи]х\s+)*[^\W\d_]+[ая]х",
    "instrumental": r"(?:[^\W\d_]+(?:ыми|ими)\s+)*[^\W\d_]+(?:[ая]ми|ьми|ыми|ими)",  # `с 5 знакомыми`
}
#: A whole number: not a decimal's, a time's, a date's, a range's (`5-10`, `5–10`), a fraction's (`5/10`), an ordinal's
#: (`5-го`) nor a code's part (`5G`); no leading zero (`007`), and no more than 15 digits (num2words has no words for
#: 10³³ and above: it raised a KeyError; a number that long is the voice's, as before)
_NUMBER = r"(?:[1-9]\d{0,14}|0)(?![\w.,:/\-–—]?\d|[-–—/][^\W\d_]|[^\W\d_])"
#: Words that end as a genitive plural does but count nothing, after which a year's number stays a year; and
#: "годов", which follows years only (`после 1990 годов`: a count's is "лет")
_NOT_COUNTED = re.compile(r"(?:вс|мо|тво|сво|наш|ваш|ч|с)?ей|готов|здоров|суров|таков|каков|годов", re.I)
#: Money's signs before or after an amount (`около 5 $`, `от 5 ₽`): `native_money` agrees its word with the number
_CURRENCY = "$€£¥₽₴₹₩₪₱₦฿"


@cache
def _pattern(language: str) -> re.Pattern[str]:
    words = _WORDS[language]
    return re.compile(
        rf"(?<![\w\-.])(?P<preposition>{words.genitive}|{words.range_start}|{words.dative}|{words.locative}"
        rf"|{words.instrumental}|{words.between_two})\s+(?P<number>{_NUMBER})"
        rf"(?:(?P<between>\s+(?:{words.range_end}|{words.either})\s+)(?P<last>{_NUMBER})"
        # a size after one number (`около 2 тыс. человек`, `около 2 млн`: "около двух тысяч")
        rf"|(?P<size>[ \u00a0\u202f]?(?:тыс|тис|млн|млрд|трлн)\.?(?!\w))"
        # ... and a currency or a unit after the size (`около 2 млн руб.`, `около 21 млн ₽`, `около 2 млн км`), not a
        # rate's (`2 млн ₽/год`)
        rf"(?P<counted>[ \u00a0\u202f]?(?:{unit_symbols(language)}|[$€£₽₴](?![/\w])))?)?",
        re.IGNORECASE,
    )


def _said(number: str, case: str, language: str, *, feminine: bool) -> str:
    """`number`'s words in `case` ("пяти", "двадцати одной"); Ukrainian's hundreds and nineties as its grammar has
    them (num2words says "трьохста", "стами", "дев'яностами", "однієї" not at all)."""
    said: str = num2words(int(number), lang=language, case=case, gender="f" if feminine else "m")
    said = re.sub(r"\Aодн\w+ (?=тысяч|тисяч)", "", said)  # `около 1500`: "около тысячи пятисот", as people say it
    if language == "uk":
        # a hundred's stem ("двох", "п'яти") before "ста", not "дев'яноста", 90's genitive
        said = re.sub(r"(?<=[хи])ста(?!\w)", "сот", said) if case == "genitive" else said  # "трьохсот"
        said = re.sub(r"(?<!\w)ста(?:ми|х)(?!\w)", "ста", said).replace("тисячи", "тисячі")
        said = re.sub(r"(?<!\w)дев'яностами(?!\w)", "дев'яноста", said)  # 90's instrumental, as its other cases
        if feminine:
            said = re.sub(r"одного\Z", "однієї", said)
    return said


def _ends_in_one(number: str) -> bool:
    """Whether `number` takes its noun's gender in its last word (1, 21, 101; not 11)."""
    return number.endswith("1") and not number.endswith("11")


def _year_like(number: str) -> bool:
    """A year's number (`до 2030`, `после 1990`), said as an ordinal where a year's word follows it."""
    return len(number) == 4 and 1000 <= int(number) <= 2099


class _After(NamedTuple):
    """What follows a number: whether another module reads it, and the words after it."""

    taken: bool
    words: str


def _after(text: str, end: int, language: str, start: int) -> _After:
    """What follows the number from `start` to `end`: a unit's, a currency's, a month's, a year's word (read by the
    modules that say them) is `taken`."""
    rest = text[end : end + 60]
    months = "|".join(MONTHS_GENITIVE[language])
    taken = (
        unit_follows(text, start, language)
        or rest.lstrip(" \u00a0\u202f")[:1] in (*_CURRENCY, "%", "‰", "°")
        or re.match(rf"\s+(?:{months}|г\.|гг\.|р\.|рр\.|год|года|году|годах|рік|року|році|роках)(?!\w)", rest, re.I)
        is not None
    )
    return _After(taken, rest)


def _singular_noun(after: str, words: _Words) -> bool:
    """Whether a noun in its genitive singular, or an adjective agreeing with one, follows (`для 5 класса`)."""
    word = re.match(r"\s+([^\W\d_]{3,})(?!\w)", after)
    return (
        word is not None
        and re.fullmatch(rf"[^\W\d_]+(?:{words.genitive_singular})", word[1], re.I) is not None
        and re.fullmatch(words.time_of_day, word[1], re.I) is None
    )


def _declined(numbers: list[str], case: str, string: str, start: int, language: str) -> list[str] | None:
    """The words of `numbers` (one, or a range's or a list's two, the last starting at `start` in `string`, before
    their noun) in `case`; None where they are left to the voice or to another module."""
    words = _WORDS[language]
    last = numbers[-1]
    after = _after(string, start + len(last), language, start)
    if after.taken:  # a first number has "до", "и" or a dash after it, and no unit's or month's word
        return None
    counted = re.match(rf"\s+([^\W\d_]*(?:{words.genitive_plural}))(?!\w)", after.words, re.I)
    # a noun's, not a name's (`после 2014 Иванов уехал`), a pronoun's (`после 2020 ей`, `до 2025 моей семье`) nor a
    # short adjective's (`до 2030 готов ждать`): those follow a year
    counted = counted if counted and counted[1][0].islower() and not _NOT_COUNTED.fullmatch(counted[1]) else None
    if any(_year_like(number) for number in numbers) and not (case == "genitive" and counted):
        return None
    if case == "genitive" and not _ends_in_one(last) and _singular_noun(after.words, words):
        return None
    feminine = False
    if any(_ends_in_one(number) for number in numbers):  # its gender is its noun's
        # an hour's 1 is no feminine noun's (`с 1 до 2 ночи`: "с часу", not "с одной ночи"; Ukrainian `до 21 години`
        # is a time of day's as often as hours counted, "до двадцять першої години"): left as it was
        hour = re.match(rf"\s+(?:{words.time_of_day}|години)(?!\w)", after.words, re.I)
        if case != "genitive" or hour:
            return None
        feminine = feminine_noun_follows(string, start + len(last), language)
        if not feminine and not _masculine_noun_follows(after.words, numbers, language):
            return None
    return [_said(number, case, language, feminine=feminine) for number in numbers]


def _masculine_noun_follows(after: str, numbers: list[str], language: str) -> bool:
    """Whether `after`, the words after `numbers`, begins with a masculine noun of `_MASCULINE`'s (not an hour's
    after a 1, nor before a time of day: `с 1 до 3 часов ночи` is "с часу")."""
    noun = _MASCULINE[language].match(after)
    if noun is None or not noun.groupdict().get("hour"):
        return noun is not None
    return "1" not in numbers and not re.match(rf"\s+\w+\s+(?:{_WORDS[language].time_of_day})(?!\w)", after, re.I)


def range_in_genitive(string: str, first: str, last: str, start: int, language: str) -> tuple[str, str] | None:
    """The words of a range's two numbers in `string` (the last starting at `start`), which `native_symbols` writes
    "от 5 до 10", in the genitive that "от" and "до" ask for ("от пяти до десяти человек"); None where they are left
    to the voice (`2-3 дня`, whose noun agrees with the nominative; `1-3 дня`, a masculine 1) or are no whole
    numbers."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not all(re.fullmatch(r"[1-9]\d{0,14}", number) for number in (first, last)):
        return None
    declined = _declined([first, last], "genitive", string, start, base)
    return None if declined is None else (declined[0], declined[1])


#: Prepositions that ask for a count's accusative only (`за 5-10 минут`, `через 2-3 дня`; "за от пяти до десяти
#: минут" was said)
_ACCUSATIVE_ONLY = {"ru": "за|через|спустя|сквозь", "uk": "за|через|крізь"}
#: An animate noun in its genitive plural after a count: a count of them that ends the range at 2, 3 or 4 is said in
#: its accusative, which is its genitive (`на 2-3 человек`, "на двух-трёх человек"; "на от двух до трёх человек" was
#: said); `на 5-6 человек` is "на пять-шесть человек"
_ANIMATE_GENITIVE = {
    "ru": re.compile(
        r"\s+(?:человек|людей|детей|гостей|взрослых|участников|студентов|учеников|пассажиров|сотрудников|игроков)"
        r"(?!\w)",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"\s+(?:осіб|людей|дітей|гостей|дорослих|учасників|студентів|учнів|пасажирів|працівників|гравців)(?!\w)",
        re.IGNORECASE,
    ),
}


@cache
def _preposition_before(language: str) -> re.Pattern[str]:
    words = _WORDS[language]
    return re.compile(
        rf"(?<![\w\-.])(?P<preposition>{words.genitive}|{words.dative}|{words.locative}|{words.instrumental}"
        rf"|{_ACCUSATIVE_ONLY[language]}|по)\s+\Z",
        re.IGNORECASE,
    )


def range_after_preposition(string: str, at: int, first: str, last: str, start: int, language: str) -> str | None:
    """A range's two numbers in `string` (it begins at `at`, its last number at `start`) after a preposition that
    asks for a case, said in it and joined by a hyphen, with no "от ... до" of its own (`около 5-6 часов`: "около
    пяти-шести часов", `в 5-10 раз`: "в пять-десять раз", an accusative said as the nominative; "около от пяти до
    шести" was said). None where no such preposition comes before it ("от", whose range it is; "с" but before an
    instrumental plural, a time of day or an age: `с 5-10` may be "с 5 по 10"), or the range is left as it was (a
    unit's, a masculine 1's before a noun `_MASCULINE` lacks, a noun agreeing with the nominative). A range that
    numbers its noun (`_NUMBERED`'s: `в 5-6 классе`, `на 5-6 этаж`) or a month's days (`до 5-10 мая`) is said in
    ordinals."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not all(re.fullmatch(r"[1-9]\d{0,14}", number) for number in (first, last)):
        return None
    words = _WORDS[base]
    before = _preposition_before(base).search(string, max(0, at - 16), at)
    if before is None or re.fullmatch("от|від", before["preposition"], re.I):
        return None
    preposition = before["preposition"]
    after = string[start + len(last) : start + len(last) + 60]
    if re.match(r"[-–—]?[^\W\d_]", after):  # `в 2-3-х местах`: "в два-три-х местах" was said; as it was
        return None
    if _MONTH_AFTER[base].match(after):  # `до 5-10 мая`: "до пятого-десятого мая" ("до от 5 до 10 мая" was said)
        return _days_of_month(first, last, preposition, base)
    case: str | None = None
    if re.fullmatch(words.genitive, preposition, re.I) or (
        re.fullmatch(words.range_start, preposition, re.I)
        and re.match(rf"\s+(?:{words.time_of_day}|{words.years})(?!\w)", after, re.I)
    ):
        case = "genitive"
    elif re.fullmatch(words.dative, preposition, re.I) and re.match(rf"\s+{_PLURAL['dative']}(?!\w)", after, re.I):
        case = "dative"
    elif re.fullmatch(words.locative, preposition, re.I):
        # `в 3-4 четверти`: a school year's quarters, whose locative is no count's after "в" (`на 2-3 четверти` is)
        quarter = base == "ru" and re.fullmatch("в|во", preposition, re.I) and _QUARTER.match(after)
        if _NUMBERED[base].match(after) or quarter:  # `в 5-6 классе`, `на 5-6 этаж`: "в пятом-шестом классе"
            return _ordinals_numbering(first, last, string, start + len(last), base, preposition)
        locative = re.match(rf"\s+{_PLURAL['locative']}(?!\w)", after, re.I)
        # `в 5-10 раз`, `на 2-3 дня`: the accusative, which a count says as its nominative
        accusative = re.fullmatch("в|во|у|на", preposition, re.I) is not None
        case = words.locative_case if locative else "accusative" if accusative else None
    elif re.fullmatch(words.instrumental, preposition, re.I) and re.match(
        rf"\s+{_PLURAL['instrumental']}(?!\w)", after, re.I
    ):
        case = "instrumental"
    elif re.fullmatch(rf"{_ACCUSATIVE_ONLY[base]}|по", preposition, re.I):
        case = "accusative"  # "по" distributive: `по 5-6 человек`, "по пять-шесть человек"
    elif (
        base == "ru"
        and re.fullmatch(words.range_start, preposition, re.I)
        and _singular_noun(after, words)
        and not re.match(r"\s+часа(?!\w)", after, re.I)
    ):
        # `с 2-3 дня`, `с 2-3 минуты`: from the second or third one, ordinals in the genitive ("со второй-третьей
        # минуты"; "с 2 до 3 минуты" was said); not an hour of the clock's (`с 2-3 часа ночи`: "со второго-третьего
        # часа ночи" was said, review r-spoken11)
        gender = "f" if feminine_noun_follows(string, start + len(last), base) else "m"
        if len(last) > 15 or _after(string, start + len(last), base, start).taken:
            return None
        return "-".join(
            str(num2words(int(number), lang="ru", to="ordinal", case="genitive", gender=gender))
            for number in (first, last)
        )
    if case is None:
        return None
    if case == "accusative" and int(last) <= 4 and preposition.lower() != "по" and _ANIMATE_GENITIVE[base].match(after):
        # `на 2-3 человек`: an animate noun's accusative, which is its genitive ("на двух-трёх человек")
        return "-".join(_said(number, "genitive", base, feminine=False) for number in (first, last))
    if case == "accusative":
        few = re.search(r"(?<!1)[234]\Z", last) is not None
        if few and _NOT_AFTER_FEW[base].match(after):  # `на 2-3 уровень`: ordinals, "на второй-третий уровень"
            ordinals = _ordinals_numbering(first, last, string, start + len(last), base, preposition)
            # ... else a count's, before an invariable noun (`на 2-3 евро`: "на два-три евро"; "на от двух до трёх
            # евро" was said)
            if ordinals is not None or not re.match(r"\s+евро(?!\w)", after, re.I):
                return ordinals
        said = _in_accusative([first, last], string, start, base)
    else:
        said = _declined([first, last], case, string, start, base)
    return None if said is None else f"{said[0]}-{said[1]}"


#: A school year's quarter (`в 3-4 четверти`), a feminine noun `feminine_numbers` does not list (`1 четверть` is as
#: often a fraction's)
_QUARTER = re.compile(r"\s+четверт(?:и|ях)(?!\w)", re.IGNORECASE)
#: A noun in its locative, after a range that numbers it (`в 5-6 классе`, `в 18-19 веках`, `у 5-6 класі`), and a
#: masculine noun's locative in -у or -ю that a school or a theatre numbers (`в 2-3 ряду`, "во втором-третьем ряду";
#: "в от двух до трёх ряду" was said): those listed, as a feminine noun's accusative ends so too (`на 2-3 поездку`)
_LOCATIVE_NOUN = {
    "ru": re.compile(
        r"\s+(?:[^\W\d_]+(?:е|и|ах|ях)|(?:ряд|год|час|угл|круг|цех|порт|аэропорт)у|(?:бо|кра|стро)ю)(?!\w)",
        re.IGNORECASE,
    ),
    "uk": re.compile(r"\s+[^\W\d_]+(?:і|у|ю|ах|ях)(?!\w)", re.IGNORECASE),
}
#: A noun in its accusative singular after "в" or "на" and a range that numbers it, by its gender (`на 5-6 этаж`, `на
#: 2-3 неделю`, `на 10-12 число`); the masculine and neuter ones listed, as a count's genitive plural ends as they do
#: (`на 2-3 человек`, `на 5-6 евро`), the feminine ones `feminine_numbers`' in -у or -ю (not `в 5-6 часу`)
_ACCUSATIVE_NOUN = {
    "ru": re.compile(
        r"\s+(?:(?P<m>этаж|класс|курс|век|уровень|тур|раунд|этап|день|год|сезон|квартал|семестр|месяц)"
        r"|(?P<n>число|место)|(?P<f>[^\W\d_]+[ую]))(?!\w)",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"\s+(?:(?P<m>поверх|клас|курс|рівень|тур|раунд|етап|день|рік|сезон|квартал|семестр|місяць|тиждень)"
        r"|(?P<n>число|місце)|(?P<f>[^\W\d_]+[ую]))(?!\w)",
        re.IGNORECASE,
    ),
}


def _ordinal_in_locative(number: str, language: str, *, feminine: bool) -> str:
    """`number`'s ordinal in the locative singular ("пятом", "пятой", "п'ятому", "п'ятій"); Ukrainian's from its
    nominative, whose last word alone is declined (num2words has no cases for its ordinals)."""
    if language == "ru":
        gender = "f" if feminine else "m"
        return str(num2words(int(number), lang="ru", to="ordinal", case="prepositional", gender=gender))
    said = str(num2words(int(number), lang="uk", to="ordinal"))
    if feminine:
        return re.sub(r"(?:ий|ій)\Z", "ій", said)
    return re.sub(r"ій\Z", "ьому", re.sub(r"ий\Z", "ому", said))


def _ordinal_in_accusative(number: str, language: str, gender: str) -> str:
    """`number`'s ordinal in the accusative singular of an inanimate noun of `gender` ("пятый", "пятую", "пятое",
    "п'ятий", "п'яту", "п'яте"); Ukrainian's from its nominative, as `_ordinal_in_locative`'s."""
    if language == "ru":
        return str(num2words(int(number), lang="ru", to="ordinal", case="accusative" if gender == "f" else "nominative",
                             gender=gender))  # fmt: skip
    said = str(num2words(int(number), lang="uk", to="ordinal"))
    if gender == "f":
        return re.sub(r"ій\Z", "ю", re.sub(r"ий\Z", "у", said))
    return re.sub(r"ій\Z", "є", re.sub(r"ий\Z", "е", said)) if gender == "n" else said


def range_start_before(string: str, at: int, language: str) -> bool:
    """Whether "с" ("з"), which a range's start takes before "до", comes right before `at` in `string` (`с 9-18`:
    "с девяти до восемнадцати", the range's "от" is not said)."""
    base = language.split("-")[0].lower()
    before = string[max(0, at - 6) : at]
    return base in _WORDS and re.search(rf"(?<![\w\-.])(?:{_WORDS[base].range_start})\s+\Z", before, re.I) is not None


#: A month's name in the genitive, after a range of its days (`до 5-10 мая`)
_MONTH_AFTER = {
    language: re.compile(rf"\s+(?:{'|'.join(months)})(?!\w)", re.IGNORECASE)
    for language, months in MONTHS_GENITIVE.items()
}


def _ordinal_in(number: str, language: str, case: str) -> str:
    """A day's number (a neuter ordinal: "пятое", "п'яте") in `case` (nominative, genitive or dative); Ukrainian's
    from its nominative, as `_ordinal_in_locative`'s."""
    if language == "ru":
        return str(num2words(int(number), lang="ru", to="ordinal", case=case, gender="n"))
    said = str(num2words(int(number), lang="uk", to="ordinal"))
    if case == "nominative":
        return _ordinal_in_accusative(number, language, "n")
    ending = "ого" if case == "genitive" else "ому"
    return re.sub(r"ій\Z", f"ь{ending}", re.sub(r"ий\Z", ending, said))


def _days_of_month(first: str, last: str, preposition: str, language: str) -> str | None:
    """A range of a month's days after a preposition, in ordinals in its case (`до 5-10 мая`: "до пятого-десятого
    мая", `к 5-10 мая` "к пятому-десятому", `на 5-10 мая` "на пятое-десятое"), and after "с" ("з") to the last with
    "по" (`с 5-10 мая`: "с пятого по десятое мая"); None after another preposition or for a number no day has."""
    if int(last) > 31:
        return None
    words = _WORDS[language]
    if re.fullmatch(words.range_start, preposition, re.I):
        return f"{_ordinal_in(first, language, 'genitive')} по {_ordinal_in(last, language, 'nominative')}"
    if re.fullmatch(words.genitive, preposition, re.I):
        case = "genitive"
    elif re.fullmatch(words.dative, preposition, re.I):
        case = "dative"
    elif re.fullmatch("на", preposition, re.I):
        case = "nominative"
    else:
        return None
    return "-".join(_ordinal_in(number, language, case) for number in (first, last))


def _ordinals_numbering(first: str, last: str, string: str, end: int, language: str, preposition: str) -> str | None:
    """A range that numbers the noun after it, in ordinals in the noun's gender: in the locative (`в 5-6 классе`: "в
    пятом-шестом классе", `у 18-19 століттях` "у вісімнадцятому-дев'ятнадцятому століттях"; "в от пяти до шести
    классе" was said), or in the accusative after "в" or "на" (`на 5-6 этаж`: "на пятый-шестой этаж", `на 2-3
    неделю` "на вторую-третью неделю"; "на от пяти до шести этаж" was said). None before another noun or case, or
    for a number above 15 digits."""
    if len(last) > 15:
        return None
    # a school year's quarter (`в 3-4 четверти`), a noun `feminine_numbers` does not list: `1 четверть` is as often a
    # fraction's
    feminine = feminine_noun_follows(string, end, language) or _QUARTER.match(string, end) is not None
    # the accusative first: a Ukrainian feminine noun's in -у (`на 2-3 хвилину`) is no locative's
    noun = _ACCUSATIVE_NOUN[language].match(string, end) if re.fullmatch("в|во|у|на", preposition, re.I) else None
    if noun is not None and (not noun["f"] or feminine):
        gender = "m" if noun["m"] else "n" if noun["n"] else "f"
        return "-".join(_ordinal_in_accusative(number, language, gender) for number in (first, last))
    if _LOCATIVE_NOUN[language].match(string, end):
        return "-".join(_ordinal_in_locative(number, language, feminine=feminine) for number in (first, last))
    return None


#: A masculine noun's form after 2, 3 or 4 (Russian's genitive singular, Ukrainian's nominative plural), after which a
#: range is said in the nominative the noun agrees with (`21-22 дня`: "двадцать один-двадцать два дня")
#: (and the genitive plural a preposition that asks for the genitive takes: `около 2-3 дня`, "около двух-трёх дней")
_FEW_TO_MANY = {
    "ru": {"дня": "дней", "месяца": "месяцев", "раза": "раз", "рубля": "рублей", "доллара": "долларов",
           "процента": "процентов", "человека": "человек", "часа": "часов"},
    "uk": {"дні": "днів", "тижні": "тижнів", "місяці": "місяців", "рази": "разів", "долари": "доларів",
           "рублі": "рублів", "відсотки": "відсотків"},
}  # fmt: skip
_FEW_MASCULINE = {
    language: re.compile(rf"\s+(?:{'|'.join(forms)})(?!\w)", re.IGNORECASE) for language, forms in _FEW_TO_MANY.items()
}


def range_before_few(first: str, last: str, string: str, at: int, end: int, language: str) -> str | None:
    """A range from `at` to `end` in `string` whose last number ends in 2, 3 or 4 (not 12-14), before a masculine
    noun's few form and after no preposition, in the nominative the noun agrees with, joined by a hyphen (`21-22
    дня`: "двадцать один-двадцать два дня", `2-3 дні` "два-три дні"; "от 21 до 22 дня" was said, which the voice
    read "от двадцать один до двадцать два дня"). None elsewhere."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not all(re.fullmatch(r"[1-9]\d{0,14}", number) for number in (first, last)):
        return None
    if not re.search(r"(?<!1)[234]\Z", last) or not _FEW_MASCULINE[base].match(string, end):
        return None
    preposition = re.search(r"(?<![\w\-.])([^\W\d_]+)\.?\s+\Z", string[max(0, at - 16) : at])
    words = _WORDS[base]
    # after a preposition that asks for another case than the accusative (`около 2-3 дня`: as it was); after one
    # that asks for it, the nominative is said (`через 2-3 дня`: "через два-три дня")
    prepositions = "|".join((words.genitive, words.range_start, words.dative, words.locative, words.instrumental,
                             words.between_two, "от|від"))  # fmt: skip
    if preposition and re.fullmatch(prepositions, preposition[1], re.I):
        return None
    return "-".join(str(num2words(int(number), lang=base)) for number in (first, last))


@cache
def _few_after_genitive(language: str) -> re.Pattern[str]:
    words = _WORDS[language]
    genitive = words.genitive  # "от"/"від" too: `від 2-3 дні`, "від двох до трьох днів"
    return re.compile(
        rf"(?<![\w\-.])(?P<preposition>{genitive})\s+(?P<first>[1-9]\d{{0,14}})[-–—](?P<last>[1-9]\d{{0,14}})"
        rf"\s+(?P<noun>{'|'.join(_FEW_TO_MANY[language])})(?!\w)",
        re.IGNORECASE,
    )


def _ranges_of_few_in_genitive(text: str, language: str) -> str:
    """`text` with a range before a masculine noun's few form, after a preposition that asks for the genitive, in the
    genitive with its noun's plural (`около 2-3 дня`: "около двух-трёх дней"; "около от 2 до 3 дня" was said; `от 2-3
    дня` "от двух до трёх дней")."""

    def said(match: re.Match[str]) -> str:
        first, last = match["first"], match["last"]
        if int(first) >= int(last) or not re.search(r"(?<!1)[234]\Z", last):
            return match[0]
        said = [_said(number, "genitive", language, feminine=False) for number in (first, last)]
        # after "от" its range's own "до" (`від 2-3 дні`: "від двох до трьох днів"; "від 2 до 3 дні" was sent)
        joint = f" {_WORDS[language].range_end} " if re.fullmatch("от|від", match["preposition"], re.I) else "-"
        return f"{match['preposition']} {joint.join(said)} {_FEW_TO_MANY[language][match['noun'].lower()]}"

    return _few_after_genitive(language).sub(said, text)


#: Prepositions before a unit's range that ask for the accusative (`за 2-3 км`, `по 2-3 км`: "за два-три
#: километра"), the dative (`к 2-3 км`) and the locative (`при 2-3 км`) of a count
_UNIT_ACCUSATIVE = {"ru": "в|во|на|за|через|по|про|спустя", "uk": "в|у|на|за|через|по|про"}
_UNIT_DATIVE = {"ru": "к|ко", "uk": "завдяки"}
_UNIT_LOCATIVE = {"ru": "о|об|обо|при", "uk": "при"}


def _case_after(preposition: str, language: str, *, accusative: bool) -> str | None:
    """The case a count of a unit takes after `preposition` (`language` is "ru" or "uk"): "genitive", "dative",
    "locative", and with `accusative` "nominative" for a preposition that asks for the accusative (a count's
    accusative is its nominative); None after another."""
    cases = (
        ("genitive", _WORDS[language].genitive),
        ("nominative", _UNIT_ACCUSATIVE[language] if accusative else None),
        ("dative", _UNIT_DATIVE[language]),
        ("locative", _UNIT_LOCATIVE[language]),
    )
    return next(
        (case for case, asking in cases if asking is not None and re.fullmatch(asking, preposition, re.I)), None
    )


def unit_range_after_preposition(
    string: str, at: int, first: str, last: str, language: str, *, feminine: bool = False
) -> tuple[str, str] | None:
    """A range of a unit's amounts in `string` (it begins at `at`: `около 5-10 км`) after a preposition that asks for
    a case: its words joined by a hyphen ("пяти-десяти", "пять-десять") and the case ("genitive": the unit's word is
    then its genitive plural, "около пяти-десяти километров"; "около от 5 до 10 километров" was said; "nominative"
    for an accusative, the word agreeing with the last number, `за 2-3 км` "за два-три километра"; "dative" and
    "locative", the word in its plural: `к 2-3 км` "к двум-трём километрам", `при 2-3 км` "при двух-трёх
    километрах"; "к от 2 до 3 километров" was said); a `feminine` unit's 2 in its gender, `за 2-3 мин` "за две-три
    минуты" ("за два-три минуты" was said). None elsewhere, and for a number ending in 1, whose gender is the
    unit's."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not all(re.fullmatch(r"[1-9]\d{0,14}", number) for number in (first, last)):
        return None
    before = _preposition_before(base).search(string, max(0, at - 16), at)
    if before is None or re.fullmatch(rf"от|від|{_WORDS[base].range_start}", before["preposition"], re.I):
        return None
    case = _case_after(before["preposition"], base, accusative=True)
    # a 1 in the unit's gender (`около 1-3 км`, `за 1-2 км`, `к 1-2 км`: "около одного-трёх километров", "за
    # один-два километра", "к одному-двум километрам"; "около от 1 до 3 километров", "за от 1 до 2 километров" were
    # sent); not a last 1 in the dative or the locative, whose singular would follow a plural's range, nor a feminine
    # 1 in Ukrainian's locative, which num2words has not
    if case is None:
        return None
    if _ends_in_one(last) and case not in ("genitive", "nominative"):
        return None
    if base == "uk" and feminine and _ends_in_one(first) and case not in ("genitive", "nominative"):
        return None
    said_case = _WORDS[base].locative_case if case == "locative" else case
    said = [_said(number, said_case, base, feminine=feminine and case != "nominative") for number in (first, last)]
    if feminine and case == "nominative":  # num2words' Ukrainian has no "дві"; a 1's accusative "одну"
        said = [re.sub(r"(?<!\w)два\Z", "две" if base == "ru" else "дві", words) for words in said]
        said = [re.sub(r"(?<!\w)один\Z", "одну", words) for words in said]
    return "-".join(said), case


#: A range's "от"/"с" and first number before "до" and a unit's amount (`от 5 до 10 км`), whose first number other
#: rules leave as written: the amount after "до" is left too, as the pair was
_RANGE_BEFORE_END = re.compile(r"(?:от|с|со|від|з|із)\s+[\d,.]+\s+\Z", re.IGNORECASE)


def unit_amount_after_preposition(
    string: str, at: int, number: str, language: str, *, feminine: bool
) -> tuple[str, str] | None:
    """A unit's whole amount at `at` in `string` after a preposition that asks for the genitive (`до 5 км`, `около 2
    кг`: "до пяти километров", "около двух килограммов"), the dative (`к 5 км`: "к пяти километрам") or the locative
    (`при 20 %`: "при двадцати процентах"): its words and the case ("до 5 километров", which eSpeak NG said "до
    пять километров", was sent; Ukrainian's `до 1 хв`, "до одна хвилина"). None elsewhere ("с": as often the
    instrumental; "в", "на": `native_units`' distances or an accusative), for a Ukrainian number ending in 1 but in
    the genitive, and for the end of a range written "от 5 до 10 км"."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not re.fullmatch(r"[1-9]\d{0,14}", number):
        return None
    before = _preposition_before(base).search(string, max(0, at - 16), at)
    if before is None:
        return None
    preposition = before["preposition"]
    if re.fullmatch(_WORDS[base].range_start, preposition, re.I) or _RANGE_BEFORE_END.search(
        string, max(0, before.start() - 24), before.start()
    ):
        return None
    case = _case_after(preposition, base, accusative=False)
    if case is None:
        return None
    # a 1 in the unit's gender; Russian's in the dative and the locative too (`при 1 кг`, `к 21 мин`: "при одном
    # килограмме", "к двадцати одной минуте"), whose singular `native_units` gives (num2words' Ukrainian has no
    # feminine locative)
    if _ends_in_one(number) and case != "genitive" and base != "ru":
        return None
    said_case = _WORDS[base].locative_case if case == "locative" else case
    return _said(number, said_case, base, feminine=feminine), case


def range_end_in_genitive(number: str, language: str, *, feminine: bool) -> str | None:
    """A unit's amount in a range "от … до …" in the genitive both ask for (`от 2-3 км`: "от двух до трёх
    километров"; "от 2 до 3", which the voice said "от два до три"), a number ending in 1 in the unit's gender
    (`2-21 км`: "от двух до двадцати одного"; "от 2 до 21 километров" was sent); None for one that is no whole
    number."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not re.fullmatch(r"[1-9]\d{0,14}", number):
        return None
    return _said(number, "genitive", base, feminine=feminine)


#: "от" after a unit's amount after "в" or "у", which is then in the locative: a distance from a place (`в 5 км от
#: моря`: "в пяти километрах от моря")
_FROM = re.compile(r"\s+(?:от|ото|від)(?!\w)", re.IGNORECASE)


#: ... or a length's with no "от" before "отсюда" or a direction (`в 5 км отсюда`, `в 30 км к югу`), or at a clause's
#: end (`Магазин в 1 км.`: "в одном километре"; "в 1 километр" was said) after a place's noun or a distance from a
#: place earlier in the line (`в 1 км от леса, в 5-10 км.`), but after a word that measures with "в" in the
#: accusative (`длиной в 5 км`, `разница в 2 км`: "в пять километров") (a comma before another amount lists sizes:
#: `дом в 3 м, 5 см` stays)
_AWAY = re.compile(
    r"\s+(?:(?:отсюда|звідси)(?!\w)"
    r"|(?:к|на)\s+(?:север|юг|запад|восток|північ|півден|захід|схід)[^\W\d_]*(?:-[^\W\d_]+)?(?!\w))",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?…)»”\"]|,(?!\s*\d)|\Z)")
#: ... a place's noun right before "в" or "у" (`Магазин в 1 км.`), not another's, whose size "в" gives in the
#: accusative (`Пробка в 10 км.`, `Волны в 3 м.`, `Забор в 2 м.`: "в десяти километрах", "в трёх метрах" were said,
#: review r-spoken11)
_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:магазин|супермаркет|гипермаркет|аптек|остановк|станци|метро|вокзал|аэропорт|пляж|озер|парк"
    r"|центр|школ|больниц|поликлиник|кафе|ресторан|отел|гостиниц|хостел|банкомат|заправк|город|деревн|посёлок"
    r"|поселок|зупинк|станці|аеропорт|річк|лікарн|готел)[^\W\d_]*"
    r"|рынок|рынка|море|моря|река|реки|почта|почты|лес|леса|село|села|АЗС|ринок|ринку|пошта|місто|міста|ліс|лісу)"
    r"[ \t\u00a0]+(?:в|во|у)[ \t\u00a0]+\Z",
    re.IGNORECASE,
)
_DISTANCE_BEFORE = re.compile(r"(?<![\w-])(?:в|во|у)\s+[\d,.\-–]+\s*(?:км|м)\.?\s+(?:от|ото|від)(?!\w)", re.IGNORECASE)
_MEASURED_BEFORE = re.compile(
    r"(?:разниц|расстояни|длин|ширин|высот|глубин|толщин|протяж|дистанци|отрыв|пут|пробег|диаметр|радиус|размер"
    r"|рост|шаг|зазор|перепад|величин|маршрут|трасс|забег|удлинени|увеличени|уменьшени|різниц|відстан|довжин"
    r"|висот|глибин|товщин|шлях|дистанці)[^\W\d_]*\s+\Z",
    re.IGNORECASE,
)


def unit_amount_in_locative(
    string: str,
    at: int,
    numbers: list[str],
    end: int,
    language: str,
    *,
    feminine: bool | None = None,
    length: bool = False,
) -> str | None:
    """The words of a unit's amount (one number, or a range's two) from `at` to `end` in `string` in the locative,
    joined by a hyphen, where "в" or "у" comes before it and "от" after its unit (`в 5-10 км от моря`: "в
    пяти-десяти километрах от моря"; "в пять-десять километров от моря" was said). None elsewhere, and for a number
    ending in 1, whose gender is the unit's, unless `feminine` gives it (`в 1 км от моря`, "в одном километре от
    моря"; Ukrainian's masculine only, `у 1 км від моря`, "у одному кілометрі від моря"). A `length`'s at a clause's
    end too (`Магазин в 1 км.`), unless a word before "в" measures with it (`длиной в 5 км`)."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not all(re.fullmatch(r"[1-9]\d{0,14}", number) for number in numbers):
        return None
    before = string[max(0, at - 120) : at]
    if not _FROM.match(string, end) and not (
        length
        and (
            _AWAY.match(string, end)
            or (
                _CLAUSE_END.match(string, end)
                and (_PLACE_BEFORE.search(before[-40:]) or _DISTANCE_BEFORE.search(before))
            )
        )
        and not _MEASURED_BEFORE.search(string[max(0, at - 40) : at].rsplit(" ", 2)[0] + " ")
    ):
        return None
    if any(_ends_in_one(number) for number in numbers) and (feminine is None or (base == "uk" and feminine)):
        return None
    # Russian's "у" asks for the genitive (`у 5 км` is no distance from a place: "у пяти километрах" was said)
    within = "в|во" if base == "ru" else "в|у"
    if not re.search(rf"(?<![\w\-.])(?:{within})\s+\Z", string[max(0, at - 8) : at], re.IGNORECASE):
        return None
    return "-".join(_said(number, _WORDS[base].locative_case, base, feminine=bool(feminine)) for number in numbers)


def half_in_locative(string: str, at: int, amount: str, end: int, language: str) -> str | None:
    """A Russian unit's amount and a half (`1,5`, `2,5`) from `at` to `end` in `string` in the locative, where a
    distance from a place asks for it as `unit_amount_in_locative`'s (`в 1,5 км от моря`: "в полутора"; `в 2,5 км от
    моря` "в двух с половиной"; "в одна целая 5 десятых километра от моря" was said). None elsewhere, and for a whole
    part ending in 1 but 1 itself (`21,5`)."""
    half = re.fullmatch(r"([1-9]\d{0,5})[,.]5", amount)
    if language != "ru" or half is None or (half[1] != "1" and _ends_in_one(half[1])):
        return None
    said = unit_amount_in_locative(string, at, ["2"], end, language)  # the place's words: "в" before, "от" after
    if said is None:
        return None
    return "полутора" if half[1] == "1" else f"{_said(half[1], 'prepositional', 'ru', feminine=False)} с половиной"


#: A count of years after a range (`за 2-3 года`, `через 5-6 лет`), which `_after` takes for a year's word
_YEARS_COUNTED = re.compile(r"\s+(?:года|лет|роки|років)(?!\w)", re.IGNORECASE)
#: A Russian noun in its genitive singular in -ы or -и, a feminine one's (`2-3 персоны`, `2-3 ночи`; a masculine or
#: neuter noun's ends in -а or -я: `2-3 дня`)
_FEMININE_AFTER_FEW = re.compile(r"\s+[^\W\d_]{2,}[ыи](?!\w)", re.IGNORECASE)
#: ... but not a masculine noun in -а or -я, an indeclinable one in -и, nor a neuter one in -мя, whose genitive
#: singular ends so too (`на 2-3 мужчины`, `на 2-3 такси`, `на 2-3 имени`: "на два-три"; review r-spoken12)
_NOT_FEMININE_AFTER_FEW = re.compile(
    r"\s+(?:(?:мужчин|юнош|дедушк|пап|дяд|коллег|судь|слуг|старост|сирот)[ыи]|такси|пенни|шасси|киви|хаки|пари"
    r"|рефери|денди|жюри|[^\W\d_]+мени)(?!\w)",
    re.IGNORECASE,
)


def _in_accusative(numbers: list[str], string: str, start: int, language: str) -> list[str] | None:
    """A count's numbers after a preposition that asks for the accusative (`в 5-10 раз`), said as their nominative, a
    last 1 or 2 before a feminine noun as its accusative (`за 21-25 минут`: "за двадцать одну-двадцать пять минут");
    None where another module reads what follows."""
    last = numbers[-1]
    # a feminine noun's gender is said in a last digit of 1 or 2 (`на 5-10 минут`: "на пять-десять минут"; "на от
    # пяти до десяти минут" was said)
    gendered = any(re.search(r"(?<!1)[12]\Z", number) for number in numbers)
    after = _after(string, start + len(last), language, start)
    # a count of years is no year's (`за 2-3 года`: "за два-три года"; "за от 2 до 3 года" was sent)
    if after.taken and not _YEARS_COUNTED.match(after.words):
        return None
    if any(_year_like(number) for number in numbers):
        return None
    said = [num2words(int(number), lang=language) for number in numbers]
    # ... a feminine noun `feminine_numbers` does not list, in its genitive singular after a last 2, 3 or 4, which
    # only a feminine noun's ends in -ы or -и in Russian (`на 2-3 персоны`: "на две-три персоны")
    few_feminine = (
        language == "ru"
        and re.search(r"(?<!1)[234]\Z", last) is not None
        and _FEMININE_AFTER_FEW.match(after.words) is not None
        and _NOT_FEMININE_AFTER_FEW.match(after.words) is None
    )
    if gendered and (few_feminine or feminine_noun_follows(string, start + len(last), language)):
        # `за 21-25 минут`, `на 2-5 минут`: "за двадцать одну-двадцать пять минут", "на две-пять минут"
        two = "две" if language == "ru" else "дві"
        said = [re.sub(r"(?<!\w)два\Z", two, re.sub(r"(?<!\w)один\Z", "одну", words)) for words in said]
    return said


@cache
def _case_ending(language: str) -> re.Pattern[str]:
    words = _WORDS[language]
    locative = "|".join(p for p in words.locative.split("|") if p not in ("к", "ко"))
    return re.compile(
        rf"(?<![\w\-.])(?P<before>(?P<genitive>{words.genitive})|(?P<locative>{locative}))\s+"
        r"(?P<numbers>(?:[1-9]\d{0,2}[-–—])?[1-9]\d{0,2})-(?P<ending>х|ти)"
        # not before what is numbered (`в 2-3-х классах` may be "вторых-третьих")
        r"(?!\s+(?:век|столети|тысячелети|класс|курс|этаж|ряд))"
        rf"(?=\s+(?(genitive)[^\W\d_]*(?:{words.genitive_plural})|{_PLURAL['locative']})(?!\w))",
        re.IGNORECASE,
    )


#: A Russian number or range with a case's ending before an adjective (`2-3-х комнатная`, `5-ти этажный`, `2-х
#: ближайших`): a compound's first part or a count in the genitive or the locative, said so ("двух-трёх комнатная",
#: "пяти этажный"; "от двух до трёх-х комнатная", "5-ти этажный" were said); "-х" after a number whose words end so
#: (2, 3, 4, 22), "-ти" after one whose words end so (5 to 20, 30, 25)
_BEFORE_ADJECTIVE = re.compile(
    r"(?<![\w.,\-–—])(?P<first>[1-9]\d{0,2}[-–—])?(?P<last>[1-9]\d{0,2})-(?P<ending>х|ти)[ \-](?=[а-яё]+"
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)(?!\w))"
)


def _before_adjective(text: str) -> str:
    """`text` with a Russian number or range and its case's ending before an adjective in the genitive's words."""

    def said(match: re.Match[str]) -> str:
        numbers = [number.rstrip("-–—") for number in (match["first"], match["last"]) if number]
        words = [_said(number, "genitive", "ru", feminine=False) for number in numbers]
        if any(not word.endswith(match["ending"]) for word in words) or (
            len(numbers) == 2 and int(numbers[0]) >= int(numbers[1])
        ):
            return match[0]
        return f"{'-'.join(words)} "

    return _BEFORE_ADJECTIVE.sub(said, text)


def _case_ending_dropped(text: str, language: str) -> str:
    """`text` with the case's ending written after a number or a range (`в 2-3-х местах`, `для 5-ти человек`) left
    out where a preposition asks for that case and a noun in its plural follows, whose case then says the numbers
    ("в двух-трёх местах"; "в от двух до трёх-х местах" was said). Elsewhere as written: `2-3-х комнатная` is a
    compound's ("двух-трёхкомнатная"), `в 2-3-х классах` may be ordinals' ("во вторых-третьих")."""

    def said(match: re.Match[str]) -> str:
        # the ending a count's words have in that case ("двух", "пяти"); another is an ordinal's (`в 90-х годах`,
        # `в 20-х числах`, `до 30-х годов`: "девяностых", not "в девяноста годах")
        case = "genitive" if match["genitive"] else _WORDS[language].locative_case
        numbers = re.split("[-–—]", match["numbers"])
        if any(not _said(number, case, language, feminine=False).endswith(match["ending"]) for number in numbers):
            return match[0]
        return f"{match['before']} {match['numbers']}"

    return _case_ending(language).sub(said, text)


#: Russian's "о" before a number it asks for the locative of, said as a word beginning with a vowel (`о 1 км`, `о 11
#: случаях`: "об одном километре", "об одиннадцати случаях"; "о одном", "о одиннадцати" were said)
_O_BEFORE_VOWEL = re.compile(r"(?<![\w\-.])([Оо])(\s+)(?=од(?:ном|ной|иннадцати)(?!\w))")


def ob_before_vowel(text: str, language: str) -> str:
    """`text` with Russian's "о" as "об" before a number's words that begin with a vowel ("об одном километре")."""
    return _O_BEFORE_VOWEL.sub(r"\1б\2", text) if language.split("-")[0].lower() == "ru" else text


def native_cases(text: str, language: str) -> str:
    """`text` with a whole number after a preposition that asks for one case said in it (`от 5 до 10 минут` → "от
    пяти до десяти минут", `о 5 случаях` → "о пяти случаях"); other numbers and languages as written."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not any(char.isdigit() for char in text):
        return text
    words = _WORDS[base]
    kinds = (
        ("genitive", words.genitive),
        ("range_start", words.range_start),
        ("dative", words.dative),
        ("locative", words.locative),
    )

    def case_of(preposition: str, ranged: bool, after: str) -> str | None:
        """The case `preposition` asks for before a number followed by `after` (None: no one case)."""
        found = [kind for kind, alternatives in kinds if re.fullmatch(alternatives, preposition, re.I)]
        if "range_start" in found and (
            ranged or re.match(rf"\s+(?:{words.time_of_day}|{words.years})(?!\w)", after, re.I)
        ):
            return "genitive"
        if "genitive" in found:
            return "genitive"
        if "dative" in found:
            sure = re.match(rf"\s+(?:{_PLURAL['dative']}|{words.time_of_day})(?!\w)|\s*(?:[,.;:!?)]|\Z)", after, re.I)
            return "dative" if sure else None
        if "locative" in found:
            return words.locative_case if re.match(rf"\s+{_PLURAL['locative']}(?!\w)", after, re.I) else None
        if (re.fullmatch(words.between_two, preposition, re.I) and not _INSTRUMENTAL_SINGULAR.match(after)) or (
            re.fullmatch(words.instrumental, preposition, re.I)
            and re.match(rf"\s+{_PLURAL['instrumental']}(?!\w)", after, re.I)
        ):
            return "instrumental"
        return None

    def said(match: re.Match[str]) -> str:
        if match["size"]:
            return size_said(match)
        numbers = [match["number"], *([match["last"]] if match["last"] else [])]
        ranged = match["last"] is not None and re.fullmatch(words.range_end, match["between"].strip(), re.I) is not None
        start = match.start("last") if match["last"] else match.start("number")
        case = case_of(match["preposition"], ranged, _after(match.string, start + len(numbers[-1]), base, start).words)
        declined = None if case is None else _declined(numbers, case, match.string, start, base)
        feminine = unit_feminine(match.string, start, base) if ranged and case == "genitive" else None
        if declined is None and feminine is not None and not _year_like(numbers[0]):
            # `от 5 до 10 км`: "от пяти до 10 км", whose end `native_units` says in the genitive after "до" ("до
            # десяти километров"; "от 5 до 10 километров" was sent)
            first = _said(numbers[0], "genitive", base, feminine=feminine)
            return f"{match['preposition']} {first}{match['between']}{numbers[1]}"
        if declined is None:
            return match[0]
        if not match["last"]:
            return f"{match['preposition']} {declined[0]}"
        return f"{match['preposition']} {declined[0]}{match['between']}{declined[1]}"

    def size_said(match: re.Match[str]) -> str:
        """`около 2 тыс. человек`: "около двух тысяч человек", the size in the genitive too (`native_units` said it
        agreeing with the nominative, "около две тысячи"), and a currency or a unit after it in the genitive plural
        (`около 2 млн руб.`: "около двух миллионов рублей", `около 2 млн км` "около двух миллионов километров");
        other cases as `native_units` says them."""
        number, start = match["number"], match.start("number")
        if match["counted"]:  # `около 2 млн руб.`: the size's words, and the currency's or unit's genitive plural
            with_currency = size_and_counted(match.string, start, base)
            forms = with_currency[0] if with_currency else None
        else:
            with_currency, forms = None, size_alone(match.string, start, base)
        if forms is None or not re.fullmatch(words.genitive, match["preposition"], re.I):
            return match[0]
        one = _ends_in_one(number)
        feminine = forms[0] in ("тысяча", "тисяча")
        size = forms[3] if one else forms[2]
        said = _said(number, "genitive", base, feminine=feminine)
        # `около 2 млн руб.`: "около двух миллионов рублей" ("около 2 миллиона рублей" was said)
        currency = f" {with_currency[1]}" if with_currency else ""
        return f"{match['preposition']} {said} {size}{currency}{full_stop_kept(match)}"

    pattern = _pattern(base)

    def prose_said(prose: str) -> str:
        if re.search("[-–—]", prose):
            if base == "ru" and re.search(r"\d-(?:х|ти)[ -]", prose):
                prose = _before_adjective(prose)  # `2-3-х комнатная`: "двух-трёх комнатная"
            prose = _case_ending_dropped(prose, base)  # `в 2-3-х местах`: as `в 2-3 местах`, "в двух-трёх местах"
            # `около 2-3 дня`: "около двух-трёх дней", before the range is read alone
            prose = _ranges_of_few_in_genitive(prose, base)
        return pattern.sub(said, prose)

    return outside_formulas_and_addresses(text, prose_said)
