"""A number ending in 1 or 2 before a Russian or Ukrainian feminine noun, its last digit said in the noun's gender.

eSpeak NG's Russian and Ukrainian voices read digits in the masculine whatever follows: `1 копейка` "один копейка",
`2 минуты` "два минуты", `1 тысяча` "один тысяча", `2 гривні` "два гривні". The words this project writes after a
number (`native_money`'s kopecks, `native_units`' minutes and thousands) and the writer's own met the same. The last
digit becomes its feminine word, after the number's own words for the rest (`21 копейка` → "двадцать одна копейка";
"20 одна" was sent, which a cloud voice may say "двадцать, одна"). What is numbered (a page, a line, a week, an hour)
in its locative or dative singular after a number is an ordinal (`на 21 странице` "на двадцать первой странице", `о
2 годині` "о другій годині"): a count would take the plural there. A count's nominative after a preposition that
asks for the accusative, as `native_units` writes a unit's word (`через 1 хв`), is put in the accusative ("через
одну хвилину").
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from num2words import num2words

from .native_units import outside_formulas_and_addresses


class _Said(NamedTuple):
    """What a last digit of 1 or 2 becomes before one of a noun's endings (None: the digit stays)."""

    one: str | None
    two: str | None
    #: an oblique singular after any number but 11 or 12 is an ordinal's (`на 21 странице`, `о 2 годині`: "на
    #: двадцать первой странице", "о другій годині"): a count above one would take the plural (`на 5 страницах`)
    ordinal: tuple[str, str] | None = None
    #: a 1 after a preposition that asks for the accusative, where the noun's accusative is its nominative (`на 1
    #: ночь`: "на одну ночь")
    accusative_one: str | None = None


#: A feminine noun's stems, and the words for a last digit of 1 or 2 before each of its endings
class _Nouns(NamedTuple):
    stems: tuple[str, ...]
    endings: dict[str, _Said]


#: Russian's genitive singular is its few form: `около 1 минуты` "около одной минуты", `2 минуты` "две минуты"
_RUSSIAN_FEW = _Said("одной", "две")
_RUSSIAN_OBLIQUE = _Said("одной", None)
_RUSSIAN_ENDINGS = {
    "а": _Said("одна", None), "я": _Said("одна", None), "у": _Said("одну", None), "ю": _Said("одну", None),
    "ы": _RUSSIAN_FEW, "и": _RUSSIAN_FEW, "е": _RUSSIAN_OBLIQUE, "ой": _RUSSIAN_OBLIQUE, "ей": _RUSSIAN_OBLIQUE,
    "ёй": _RUSSIAN_OBLIQUE,
}  # fmt: skip
_RUSSIAN = (
    # what is numbered: its locative or dative singular after a number is an ordinal (`на 21 странице`, `к 2 неделе`)
    _Nouns(
        (
            "минут", "секунд", "миллисекунд", "строк", "страниц", "недел", "глав", "верси", "сери", "школ", "квартир",
            "комнат", "групп", "задач",
        ),
        {**_RUSSIAN_ENDINGS, "е": _Said(None, None, ordinal=("первой", "второй"))},
    ),
    # what is counted (`в 1 стране` "в одной стране")
    _Nouns(
        (
            "копейк", "микросекунд", "наносекунд", "тонн", "штук", "гривн", "иен", "йен", "лир", "ошибк", "тысяч",
            "рупи", "книг", "машин", "стать", "букв", "цифр", "таблетк", "ложк", "чашк", "бутылк", "попытк", "игр",
            "картин", "песн", "лекци", "встреч", "поездк", "точк", "единиц", "сотн", "кнопк", "ссылк", "функци",
            "команд", "компани", "станци", "улиц", "карт", "стран", "лини", "капл", "женщин", "девушк", "сестр",
            "кошк", "собак", "птиц", "смен", "доз", "порци",
        ),
        _RUSSIAN_ENDINGS,
    ),
    # nouns in a soft sign: `1 часть`, `через 1 ночь`, `2 части`, `с 1 частью`
    _Nouns(
        (
            "част", "ноч", "двер", "площад", "модел", "запис", "вещ", "област", "мыш", "лошад", "тетрад", "кроват",
            "жизн", "цел", "рол", "скорост", "мощност", "детал", "медал", "сет", "ступен",
        ),
        {"ь": _Said("одна", None, accusative_one="одну"), "и": _RUSSIAN_FEW, "ью": _RUSSIAN_OBLIQUE},
    ),
)  # fmt: skip
_UKRAINIAN_ENDINGS = {
    "а": _Said("одна", None), "я": _Said("одна", None), "у": _Said("одну", None), "ю": _Said("одну", None),
    "и": _Said(None, "дві"), "і": _Said("одній", None), "ою": _Said("однією", None),
}  # fmt: skip
_UKRAINIAN = (
    # few form in -и, -і the dative and locative singular; what is numbered takes an ordinal there (`о 2 годині`,
    # `на 21 хвилині`: "о другій годині")
    _Nouns(
        ("хвилин", "секунд", "мілісекунд", "годин", "доб", "квартир", "школ", "груп"),
        {**_UKRAINIAN_ENDINGS, "і": _Said(None, None, ordinal=("першій", "другій"))},
    ),
    # ... what is counted (`в 1 машині` "в одній машині")
    _Nouns(
        (
            "копійк", "тонн", "штук", "сторінк", "помилк", "книг", "машин", "частин", "кімнат", "літер", "цифр",
            "таблетк", "пляшк", "чашк", "ложк", "спроб", "точк", "команд", "країн", "жінк", "дівчин", "сестр", "карт",
        ),
        _UKRAINIAN_ENDINGS,
    ),
    # few form in -і, which is also the genitive and, for some, the dative singular: a 1 before it is left as it
    # was, a 2 before it is "дві"
    _Nouns(
        ("гривн", "тисяч", "задач", "рупі", "статт", "пісн", "одиниц", "сотн", "вулиц"),
        {**_UKRAINIAN_ENDINGS, "і": _Said(None, "дві"), "ею": _Said("однією", None)},
    ),
)  # fmt: skip

_LANGUAGES = {"ru": _RUSSIAN, "uk": _UKRAINIAN}
#: Prepositions that ask for the accusative of a count (`на 1 ночь`, `через 1 ночь`, `за 1 ночь`)
_ACCUSATIVE_BEFORE = re.compile(r"(?:^|[^\w-])(?:на|через|за|в|во|про|сквозь|спустя)\s+$", re.IGNORECASE)


@cache
def _endings(language: str) -> dict[tuple[str, str], _Said]:
    """(stem, ending) → what a last digit of 1 or 2 becomes before that noun's form."""
    return {
        (stem, end): said
        for nouns in _LANGUAGES[language]
        for stem in nouns.stems
        for end, said in nouns.endings.items()
    }


#: The feminine word for a last digit of 2 in the nominative (`2 целых`: "две целых")
_TWO = {"ru": "две", "uk": "дві"}


def _with_last_digit(rest: str, word: str, language: str) -> str:
    """A number's last digit as `word`, the words before it the number's own: `2` + "одна" → "двадцать одна", ``
    + "одна" → "одна", `10` + "одна" → "сто одна". "20 одна" was sent, which a voice that reads digits its own way
    (a cloud one) was free to say "двадцать, одна"; a number too long for num2words keeps its digits ("…0 одна")."""
    if not rest.strip("0"):
        return word
    if len(rest) > 14:
        return f"{rest}0 {word}"
    said = num2words(int(f"{rest}1"), lang=language)  # its last word is the digit's: "двадцать один"
    return f"{said.rsplit(' ', 1)[0]} {word}"


def in_feminine(number: str, language: str) -> str:
    """`number` before a feminine noun in the nominative (`1` → "одна", `21` → "двадцать одна", `2` → "две"); 11,
    12 and other numbers as written."""
    rest, digit = number[:-1], number[-1:]
    if digit not in ("1", "2") or rest.endswith("1"):
        return number
    return _with_last_digit(rest, "одна" if digit == "1" else _TWO[language], language)


def _alternatives(language: str) -> tuple[str, str]:
    """The nouns' stems and endings as two regular expressions' alternatives, the longest first."""
    forms = _endings(language)
    stems = "|".join(sorted({stem for stem, _ in forms}, key=len, reverse=True))
    ends = "|".join(sorted({end for _, end in forms}, key=len, reverse=True))
    return stems, ends


@cache
def _before_feminine(language: str) -> re.Pattern[str]:
    stems, ends = _alternatives(language)
    # a whole number, not a decimal's part (`2,1 минуты`), a sign's (`-1`), a word's (`A1`) nor a label's (`№1`,
    # `№ 2`, `#1`, and `native_symbols`' "номер 1": "номер один"); a range `1–2` whole
    return re.compile(
        rf"(?<![\w.,+\-−№#])(?<![№#]\s)(?<!номер\s)(?:(?P<first>1)\s?[-–—]\s?(?=2\s))?(?P<rest>\d*?)(?P<digit>[12])(?![\d.,]\d)(?P<space>\s+)"
        rf"(?P<noun>(?P<stem>{stems})(?P<end>{ends}))(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _feminine_noun(language: str) -> re.Pattern[str]:
    stems, ends = _alternatives(language)
    return re.compile(rf"\s+(?P<stem>{stems})(?P<end>{ends})(?![\w-])", re.IGNORECASE)


def feminine_range_follows(text: str, at: int, language: str) -> bool:
    """Whether `text` from `at`, after a range `1–2`, goes on with a feminine noun's few form, before which
    `feminine_numbers` says the range "одна-две" (`native_symbols` leaves such a range to it, not "от 1 до 2").
    Matched in place: a line of many ranges is not copied from each of them."""
    base = language.split("-")[0].lower()
    if base not in _LANGUAGES or not (noun := _feminine_noun(base).match(text, at)):
        return False
    form = _endings(base).get((noun["stem"].lower(), noun["end"].lower()))
    return form is not None and form.two is not None


#: Prepositions that ask for another case than the accusative, after which a range before a feminine noun's few form
#: is left to `native_cases` or as it was (`около 2-3 минуты`: not "около две-три")
_NOT_ACCUSATIVE_BEFORE = {
    "ru": re.compile(
        r"(?:^|[^\w-])(?:около|ок\.|до|от|из|изо|после|для|без|у|с|со|к|ко|о|об|обо|при|между|перед|свыше|более|менее"
        r"|кроме|вокруг|против|среди|вместо|возле|помимо|по)\s+$",
        re.IGNORECASE,
    ),
    "uk": re.compile(
        r"(?:^|[^\w-])(?:близько|до|від|з|із|зі|після|для|без|біля|крім|окрім|серед|при|між|перед|понад|по)\s+$",
        re.IGNORECASE,
    ),
}


def feminine_range(first: str, last: str, text: str, at: int, end: int, language: str) -> str | None:
    """A range at `at` to `end` in `text` whose last number ends in 2, 3 or 4 (`21-22 минуты`, `2-3 минуты`), before
    a feminine noun's few form, in words: "двадцать одна-двадцать две", "две-три" ("одну" after a preposition that
    asks for the accusative: `через 21-22 минуты`, `на 2-4 недели` "на две-четыре недели"). "от 21 до 20 две
    минуты", "от 2 до 3 минуты" were said, a masculine 21 and the noun's nominative after "до". None for another
    range (`1–2`, this module's; `11-12`), and for one whose first number does not end in 1 after a preposition that
    asks for another case (`около 2-3 минуты`)."""
    base = language.split("-")[0].lower()
    # no more than 15 digits: num2words has no words for 10³³ and above (a KeyError stopped the build)
    if not re.fullmatch(r"\d{1,15}", first) or first.endswith("11") or not re.fullmatch(r"\d{0,14}[234]", last):
        return None
    if last[-2:-1] == "1" or not feminine_range_follows(text, end, base):
        return None
    if not first.endswith("1") and (
        base not in _NOT_ACCUSATIVE_BEFORE or _NOT_ACCUSATIVE_BEFORE[base].search(text, max(0, at - 12), at)
    ):
        return None
    accusative = _ACCUSATIVE_BEFORE.search(text, max(0, at - 12), at) is not None
    words = []
    for number in (first, last):
        said = re.sub(r"(?<!\w)(?:один|одна)\Z", "одну" if accusative else "одна", num2words(int(number), lang=base))
        words.append(re.sub(r"(?<!\w)два\Z", _TWO[base], said))
    return "-".join(words)


def feminine_noun_follows(text: str, at: int, language: str) -> bool:
    """Whether `text` from `at` goes on with one of this module's feminine nouns, in a form it knows or its genitive
    plural, which has no ending (`минуты`, `минут`): `native_cases` says a 1 before it "одной" (`до 21 минуты`)."""
    base = language.split("-")[0].lower()
    if base not in _LANGUAGES:
        return False
    noun = re.match(r"\s+([^\W\d_]+)", text[at : at + 40])
    if noun is None:
        return False
    word, forms = noun[1].lower(), _endings(base)
    # one of the forms listed, or the stem alone of a noun in -а, its genitive plural (`минут`, `хвилин`)
    return any((word[:cut], word[cut:]) in forms for cut in range(1, len(word))) or (word, "а") in forms


#: Prepositions that ask for the locative of a Russian noun in -е after a count (`в 21 стране`); elsewhere it is the
#: dative (`к 21 стране`), which differs in the hundreds and thousands ("в двухстах", "к двумстам")
_LOCATIVE_BEFORE = re.compile(r"(?:^|[^\w-])(?:в|во|на|о|об|обо|при)\s+$", re.IGNORECASE)


def _russian_oblique(rest: str, end: str, match: re.Match[str]) -> str:
    """A Russian count ending in 1 (its digits before the 1: `rest`) before a feminine noun in an oblique case, all
    its words in that case, the noun's `end` telling which ("двадцати одной", "двухстах двадцати одной")."""
    if end in ("ой", "ей", "ёй", "ью"):
        case = "instrumental"
    elif end == "е":
        before = match.string[max(0, match.start() - 12) : match.start()]
        case = "prepositional" if _LOCATIVE_BEFORE.search(before) else "dative"
    else:
        case = "genitive"
    said: str = num2words(int(f"{rest}1"), lang="ru", case=case, gender="f")
    return re.sub(r"\Aодн\w+ (?=тысяч)", "", said)  # `в 1021 стране`: "в тысяче двадцати одной"


def _after_accusative(match: re.Match[str]) -> bool:
    """Whether the number `match` begins with follows a preposition that asks for the accusative (`на 1 ночь`)."""
    return _ACCUSATIVE_BEFORE.search(match.string, max(0, match.start() - 12), match.start()) is not None


def _one(form: _Said, match: re.Match[str]) -> str:
    """A range's first 1 before a noun in its few form (`1–2 недели`): "одна", "одну" after a preposition that asks
    for the accusative (`через 1–2 недели`), as before its nominative (`на 1 ночь`)."""
    return "одну" if _after_accusative(match) else "одна"


def feminine_numbers(text: str, language: str) -> str:
    """`text` with a last digit of 1 or 2 before a feminine noun said in its gender (`21 копейка` → "20 одна
    копейка", `2 минуты` → "две минуты"), on Russian and Ukrainian pages; other text and languages as written."""
    base = language.split("-")[0].lower()
    if base not in _LANGUAGES or not re.search(r"[12]\s", text):
        return text
    forms = _endings(base)

    def said(match: re.Match[str]) -> str:
        rest = match["rest"]
        if rest.endswith("1"):  # 11, 12: "одиннадцать", "двенадцать" take the many form
            return match[0]
        form = forms.get((match["stem"].lower(), match["end"].lower()))
        if form is None:  # an ending the stem does not have (`недель`)
            return match[0]
        if match["first"]:  # `1–2 недели`, `через 1-2 недели`: "одна-две недели", "через одну-две недели"
            if rest or form.two is None:
                return match[0]
            return f"{_one(form, match)}-{form.two}{match['space']}{match['noun']}"
        if form.ordinal is not None:
            word: str | None = form.ordinal[match["digit"] == "2"]
        elif match["digit"] == "2":
            word = form.two
        else:
            word = form.accusative_one if form.accusative_one and _after_accusative(match) else form.one
        if word is None:
            return match[0]
        noun, end = match["noun"], match["end"].lower()
        if word == "одной" and base == "ru" and rest.strip("0") and len(rest) <= 14:
            # a count's other words in the noun's case too (`в 21 стране`, `с 21 ошибкой`: "в двадцати одной
            # стране", "с двадцатью одной ошибкой"; "в двадцать одной" was said; review r-spoken12)
            return f"{_russian_oblique(rest, end, match)}{match['space']}{noun}"
        if word == "одна" and end in ("а", "я") and _after_accusative(match):
            # a count's nominative after a preposition that asks for the accusative, as `native_units` writes a
            # unit's word (`через 1 хв`, `за 1 мин`: "через одна хвилина" was said): both in the accusative
            word, accusative = "одну", "у" if end == "а" else "ю"
            noun = noun[:-1] + (accusative.upper() if noun[-1].isupper() else accusative)
        return f"{_with_last_digit(rest, word, base)}{match['space']}{noun}"  # `21` → "двадцать одна"

    pattern = _before_feminine(base)
    return outside_formulas_and_addresses(text, lambda prose: pattern.sub(said, prose))
