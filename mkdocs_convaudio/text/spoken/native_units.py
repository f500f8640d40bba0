"""Units and `%` after a number said in the page's own words where no table reads its language (`5 км`, `2 GB`).

eSpeak NG's Russian voice spelled Cyrillic symbols ("ка эм" for `км`, "гэ бэ" for `ГБ`, "че" for `ч`), said "процент"
whatever the number (`45%`), and English's words reached it for Latin ones (`5 GB` "5 gigabytes", `21 °C` "degrees
Celsius") as English's table read them (bug bash f-ru); its Arabic voice dropped `%`. So, as a table's `units` do
for its language: a unit's word after a number, agreeing with it in Russian and Ukrainian as `native_money`'s
currencies do (`1 километр`, `2 километра`, `5 километров`, `2,5 километра`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from ..math_spans import MATH_SPAN
from .native_money import Forms, agreeing_form, currency_forms, one_word, price_with_cents


def _forms(one: str, few: str, many: str, fraction: str | None = None) -> Forms:
    return (one, few, many, few if fraction is None else fraction)


#: A fraction's word is the few one in Russian (`2,5 километра`, `2,5 минуты`)
_RUSSIAN: dict[str, Forms] = {
    "км": _forms("километр", "километра", "километров"),
    "м": _forms("метр", "метра", "метров"),
    "см": _forms("сантиметр", "сантиметра", "сантиметров"),
    "мм": _forms("миллиметр", "миллиметра", "миллиметров"),
    "кг": _forms("килограмм", "килограмма", "килограммов"),
    "г": _forms("грамм", "грамма", "граммов"),  # a year's `г.` is `native_abbreviations`' (it runs first)
    "л": _forms("литр", "литра", "литров"),
    "мл": _forms("миллилитр", "миллилитра", "миллилитров"),
    "ч": _forms("час", "часа", "часов"),
    "мин": _forms("минута", "минуты", "минут"),
    "с": _forms("секунда", "секунды", "секунд"),
    "сек": _forms("секунда", "секунды", "секунд"),
    "мс": _forms("миллисекунда", "миллисекунды", "миллисекунд"),
    "км/ч": _forms("километр в час", "километра в час", "километров в час"),
    "м/с": _forms("метр в секунду", "метра в секунду", "метров в секунду"),
    # the counted form after many, as people say it ("5 киловатт"), as bytes'
    "Вт": _forms("ватт", "ватта", "ватт"),
    "кВт": _forms("киловатт", "киловатта", "киловатт"),
    "кВт·ч": _forms("киловатт-час", "киловатт-часа", "киловатт-часов"),
    "°C": _forms("градус Цельсия", "градуса Цельсия", "градусов Цельсия"),
    "°": _forms("градус", "градуса", "градусов"),  # an angle's (English's "degrees" was said)
    "%": _forms("процент", "процента", "процентов"),
    # the counted form after many, as people say it ("5 гигабайт"; "гигабайтов" is the dictionary's too)
    "КБ": _forms("килобайт", "килобайта", "килобайт"),
    "МБ": _forms("мегабайт", "мегабайта", "мегабайт"),
    "ГБ": _forms("гигабайт", "гигабайта", "гигабайт"),
    "ТБ": _forms("терабайт", "терабайта", "терабайт"),
    "Мбит/с": _forms("мегабит в секунду", "мегабита в секунду", "мегабит в секунду"),
    "Гбит/с": _forms("гигабит в секунду", "гигабита в секунду", "гигабит в секунду"),
    "МГц": _forms("мегагерц", "мегагерца", "мегагерц"),
    "ГГц": _forms("гигагерц", "гигагерца", "гигагерц"),
    "руб": _forms("рубль", "рубля", "рублей"),  # eSpeak NG said "руп"
    "м²": _forms("квадратный метр", "квадратных метра", "квадратных метров", "квадратного метра"),
    "км²": _forms("квадратный километр", "квадратных километра", "квадратных километров", "квадратного километра"),
    "см²": _forms("квадратный сантиметр", "квадратных сантиметра", "квадратных сантиметров", "квадратного сантиметра"),
    "м³": _forms("кубический метр", "кубических метра", "кубических метров", "кубического метра"),
}
#: A fraction's word is the genitive singular in Ukrainian (`2,5 кілометра`, not the few `2 кілометри`)
_UKRAINIAN: dict[str, Forms] = {
    "км": _forms("кілометр", "кілометри", "кілометрів", "кілометра"),
    "м": _forms("метр", "метри", "метрів", "метра"),
    "см": _forms("сантиметр", "сантиметри", "сантиметрів", "сантиметра"),
    "мм": _forms("міліметр", "міліметри", "міліметрів", "міліметра"),
    "кг": _forms("кілограм", "кілограми", "кілограмів", "кілограма"),
    "г": _forms("грам", "грами", "грамів", "грама"),
    "л": _forms("літр", "літри", "літрів", "літра"),
    "мл": _forms("мілілітр", "мілілітри", "мілілітрів", "мілілітра"),
    "год": _forms("година", "години", "годин", "години"),
    "хв": _forms("хвилина", "хвилини", "хвилин", "хвилини"),
    "с": _forms("секунда", "секунди", "секунд", "секунди"),
    "сек": _forms("секунда", "секунди", "секунд", "секунди"),
    "мс": _forms("мілісекунда", "мілісекунди", "мілісекунд", "мілісекунди"),
    "км/год": _forms("кілометр на годину", "кілометри на годину", "кілометрів на годину", "кілометра на годину"),
    "м/с": _forms("метр на секунду", "метри на секунду", "метрів на секунду", "метра на секунду"),
    "Вт": _forms("ват", "вати", "ватів", "вата"),
    "кВт": _forms("кіловат", "кіловати", "кіловатів", "кіловата"),
    "кВт·год": _forms("кіловат-година", "кіловат-години", "кіловат-годин", "кіловат-години"),
    "°C": _forms("градус Цельсія", "градуси Цельсія", "градусів Цельсія", "градуса Цельсія"),
    "°": _forms("градус", "градуси", "градусів", "градуса"),
    "%": _forms("відсоток", "відсотки", "відсотків", "відсотка"),
    "КБ": _forms("кілобайт", "кілобайти", "кілобайтів", "кілобайта"),
    "МБ": _forms("мегабайт", "мегабайти", "мегабайтів", "мегабайта"),
    "ГБ": _forms("гігабайт", "гігабайти", "гігабайтів", "гігабайта"),
    "ТБ": _forms("терабайт", "терабайти", "терабайтів", "терабайта"),
    "Мбіт/с": _forms("мегабіт на секунду", "мегабіти на секунду", "мегабітів на секунду", "мегабіта на секунду"),
    "Гбіт/с": _forms("гігабіт на секунду", "гігабіти на секунду", "гігабітів на секунду", "гігабіта на секунду"),
    "МГц": _forms("мегагерц", "мегагерци", "мегагерців", "мегагерца"),
    "ГГц": _forms("гігагерц", "гігагерци", "гігагерців", "гігагерца"),
    "грн": _forms("гривня", "гривні", "гривень", "гривні"),
    "м²": _forms("квадратний метр", "квадратні метри", "квадратних метрів", "квадратного метра"),
    "км²": _forms("квадратний кілометр", "квадратні кілометри", "квадратних кілометрів", "квадратного кілометра"),
    "см²": _forms("квадратний сантиметр", "квадратні сантиметри", "квадратних сантиметрів", "квадратного сантиметра"),
    "м³": _forms("кубічний метр", "кубічні метри", "кубічних метрів", "кубічного метра"),
}
#: A number's size before a unit or alone (`100 тыс. руб.`, `5 млн пользователей`): eSpeak NG spelled `млн` "эм эль
#: эн" (and so `₽1 млн`, "1 млн рублей"), said `тыс.` "тыс"; a unit after it is many ("100 тысяч рублей")
_RUSSIAN_SIZES = {
    "тыс": _forms("тысяча", "тысячи", "тысяч"),
    "млн": _forms("миллион", "миллиона", "миллионов"),
    "млрд": _forms("миллиард", "миллиарда", "миллиардов"),
    "трлн": _forms("триллион", "триллиона", "триллионов"),
}
_UKRAINIAN_SIZES = {
    "тис": _forms("тисяча", "тисячі", "тисяч", "тисячі"),
    "млн": _forms("мільйон", "мільйони", "мільйонів", "мільйона"),
    "млрд": _forms("мільярд", "мільярди", "мільярдів", "мільярда"),
    "трлн": _forms("трильйон", "трильйони", "трильйонів", "трильйона"),
}
#: A currency's word cut short and its sign, for its cents (`1 500,50 руб.`, `20,99 грн`)
_CURRENCY = {"руб": "₽", "грн": "₴"}
#: Units and sizes written cut short, with or without a full stop (`45 мин.`, `100 тыс. руб.`): the full stop is
#: theirs, kept only where it ends the sentence too ("45 минут. и" paused mid-sentence)
_CUT_SHORT = frozenset({"мин", "сек", "ч", "руб", "грн", "хв", "год", "тыс", "тис", "млн", "млрд", "трлн"})
#: Latin symbols Russian and Ukrainian tech posts write (`5 GB`, `100 ms`, `2 GHz`), and a Cyrillic `С` in `°С`: the
#: Cyrillic symbol they stand for (not `km`, `kg`, `km/h`: English's words in a quoted English phrase, `read/write at
#: 60 km/h`, as before)
_SAME_AS = {
    "°С": "°C", "KB": "КБ", "MB": "МБ", "GB": "ГБ", "TB": "ТБ", "ms": "мс", "MHz": "МГц", "GHz": "ГГц",
    "Mbps": "Мбит/с", "Gbps": "Гбит/с", "Mbit/s": "Мбит/с", "Кб": "КБ", "Мб": "МБ", "Гб": "ГБ", "Тб": "ТБ",
    "кв. м": "м²", "кв.м": "м²", "кв. км": "км²", "кВт⋅ч": "кВт·ч", "кВтч": "кВт·ч",
}  # fmt: skip
_UKRAINIAN_SAME_AS = {
    **{symbol: same for symbol, same in _SAME_AS.items() if not same.startswith("кВт")},
    "Mbps": "Мбіт/с", "Gbps": "Гбіт/с", "Mbit/s": "Мбіт/с", "кВт⋅год": "кВт·год", "кВтгод": "кВт·год",
    "кВт·ч": "кВт·год", "кВт⋅ч": "кВт·год",
}  # fmt: skip


#: A language's units, the symbols that stand for them, its words for a minus and a plus before the number (`-5 °C`,
#: `+21 °C`) and how it says a range (`5-10 км`: "от 5 до 10 километров"), which English's table said ("minus",
#: "plus", "5 to 10"); Arabic's and Hindi's voices want a word for `%` only
class _Words(NamedTuple):
    units: dict[str, Forms]
    same_as: dict[str, str]
    minus: str
    plus: str
    range_words: tuple[str, str] | None
    sizes: dict[str, Forms]


_WORDS = {
    "ru": _Words(_RUSSIAN, _SAME_AS, "минус", "плюс", ("от", "до"), _RUSSIAN_SIZES),
    "uk": _Words(_UKRAINIAN, _UKRAINIAN_SAME_AS, "мінус", "плюс", ("від", "до"), _UKRAINIAN_SIZES),
    # eSpeak NG's Arabic voice said nothing for it, and "bilmʔt" for the spelling `بالمئة`
    "ar": _Words({"%": one_word("بالمائة")}, {"٪": "%"}, "", "", None, {}),
    "hi": _Words({"%": one_word("प्रतिशत")}, {}, "", "", None, {}),
}
#: A mail address, read as written as `jane.doe@gmail.com` is (the voice says its "at" and "dot"): a `+` or `=` in its
#: local part made it a formula's ("jane plus podcast gmail c o m", its "at" lost; `jane+1@…` "jane plus one";
#: review f-small); a `%`, `-`, `_` or digit may be there too
MAIL_ADDRESS = re.compile(r"(?<![\w.+%=-])\w[\w.+%=-]*@(?:[^\W_][\w-]*\.)+[^\W\d_]{2,}(?![\w-])")
#: A web address (`https://site.ru/5%20GB`): its numbers and letters are no amount and unit; a mail address
_ADDRESS = re.compile(rf"(?:https?://|www\.)\S+|{MAIL_ADDRESS.pattern}")
#: A formula written in prose, which English's rules read as one (`sin(π)` "sine of pi", `(a + b)^2` "the quantity a
#: plus b, squared"): a call of a Latin name (`sin(30°)`, `f(a + b)`), a bracket raised to a power, a term with `π`
#: and a fraction's or a power's sign (`π/2`, `2π/T`). The page's words for `π`, `°` or `+` inside one left it half
#: read ("sine пи )", "(a плюс b squared", "sine thirty градусов )"; fact check of stop 41)
#: ... held while the prose around it is read by a letter no rule reads (Cyrillic's archaic zemlya, `Ꙁ`)
_HELD = "\ua640"
_PROSE_FORMULA = re.compile(
    r"(?<![^\W\d_])[A-Za-z][A-Za-z0-9_]*['′]*\((?:[^()\n]|\([^()\n]*\))*\)(?:\^\S+)?"
    r"|\((?:[^()\n]|\([^()\n]*\))*\)\^\S+"
    r"|(?<!\S)[^\s(]*π[^\s]*[/^*][^\s]*|(?<!\S)[^\s]*[/^*][^\s(]*π[^\s]*"
)


def _alternatives(symbols: set[str] | dict[str, str] | dict[str, Forms]) -> str:
    # `км/ч` before `км`, `мс` before `м`; not before a letter, a slash, a word's hyphen or another abbreviation
    # (`5%-ный`, `10 мбит`, `2024 г.р.`)
    ordered = sorted(symbols, key=len, reverse=True)
    said = "|".join(re.escape(symbol) + (r"\.?" if symbol in _CUT_SHORT else "") for symbol in ordered)
    return rf"(?:{said})(?![\w/%]|-\w|\.\w)"


def unit_symbols(language: str) -> str:
    """A pattern of the unit symbols this module says in `language` (`км`, `руб.`, `GB`), `""` where it has none."""
    base = language.split("-")[0].lower()
    return _alternatives({*_WORDS[base].units, *_WORDS[base].same_as}) if base in _WORDS else ""


@lru_cache(maxsize=8)
def _unit_after_number(language: str) -> re.Pattern[str]:
    words = _WORDS[language]
    units = unit_symbols(language)
    sizes = (
        rf"(?P<size>{_alternatives(set(words.sizes))})(?:[ \u00a0\u202f]?(?P<sized>{units}))?|" if words.sizes else ""
    )
    return re.compile(
        # a number (`5`, `2,5`, `1.5`; not a version's or a date's last part, `1.2.3`), then its size or unit
        r"(?<![\w.,])(?P<sign>(?<![\w.,\d)\]])[-−+](?=\d))?"
        r"(?:(?P<first>\d+(?:[.,]\d+)?)\s?[-–—]\s?)?(?P<amount>\d+(?:[.,]\d+)?)[ \u00a0\u202f]?"
        rf"(?:{sizes}(?P<unit>{units}))"
    )


def unit_follows(text: str, start: int, language: str) -> bool:
    """Whether the number at `start` has a unit after it that this module says (`12.45 см`, `12.50 руб.`)."""
    base = language.split("-")[0].lower()
    return base in _WORDS and _unit_after_number(base).match(text, start) is not None


def unit_feminine(text: str, start: int, language: str) -> bool | None:
    """Whether the unit this module says after the whole number at `start` is a feminine word (`5 мин`: "минута");
    None where no unit of one follows it (a range's, a size's, a currency's cut short: `5 руб.`, `2 млн`)."""
    base = language.split("-")[0].lower()
    match = _unit_after_number(base).match(text, start) if base in _WORDS else None
    if match is None or match["first"] or match["sign"] or match.groupdict().get("size"):
        return None
    symbol = match["unit"].removesuffix(".") if match["unit"].removesuffix(".") in _CUT_SHORT else match["unit"]
    symbol = _WORDS[base].same_as.get(symbol, symbol)
    if symbol in _CURRENCY:
        return None
    return _WORDS[base].units[symbol][0].split()[0].endswith(("а", "я"))


def size_alone(text: str, start: int, language: str) -> Forms | None:
    """The words of a number's size after the number at `start` (`2 тыс. человек`, `2 млн`), where no unit or
    currency follows it (`2 млн руб.`, `2 млн ₽`, which this module and `native_money` say)."""
    base = language.split("-")[0].lower()
    match = _unit_after_number(base).match(text, start) if base in _WORDS else None
    if match is None or not match["size"] or match["sized"] or match["first"]:
        return None
    if re.match(r"[ \u00a0\u202f]?[$€£¥₽₴₹₩₪₱₦฿]", text[match.end() : match.end() + 2]):
        return None
    return _WORDS[base].sizes[match["size"].removesuffix(".")]


def size_and_counted(text: str, start: int, language: str) -> tuple[Forms, str] | None:
    """The words of a number's size after the number at `start` and, in the genitive plural a size asks for, of the
    currency or the unit after the size (`2 млн руб.`, `21 млн ₽`, `2 млн км`: the forms of "миллион", and "рублей",
    "километров"); None where no currency or unit this module or `native_money` names follows the size."""
    base = language.split("-")[0].lower()
    match = _unit_after_number(base).match(text, start) if base in _WORDS else None
    if match is None or not match["size"] or match["first"]:
        return None
    sizes = _WORDS[base].sizes[match["size"].removesuffix(".")]
    if match["sized"]:
        symbol = match["sized"].removesuffix(".") if match["sized"].removesuffix(".") in _CUT_SHORT else match["sized"]
        if symbol not in _CURRENCY:  # `2 млн км`: "километров"
            return sizes, _WORDS[base].units[_WORDS[base].same_as.get(symbol, symbol)][2]
        sign: str | None = _CURRENCY[symbol]
    else:
        after = re.match(r"[ \u00a0\u202f]?([$€£₽₴])", text[match.end() : match.end() + 2])
        sign = after[1] if after else None
    forms = None if sign is None else currency_forms(sign, base)
    return None if forms is None else (sizes, forms[2])


def full_stop_kept(match: re.Match[str]) -> str:
    """An abbreviation's full stop, where it ends the sentence too (`и т. д. Потом`, `30 руб.` at the line's end)."""
    ends = re.match(r"\s*$|\s+[A-ZА-ЯЁІЇЄҐ]", match.string[match.end() :])
    return "." if match[0].endswith(".") and ends else ""


def outside_formulas_and_addresses(text: str, said: Callable[[str], str], *, prose_formulas_held: bool = True) -> str:
    """`text` with `said` applied to its prose, not to its formulas (`$x = 5 %$`, and unless `prose_formulas_held`
    is false those in prose, `sin(π)`: a page's own words are for prose) nor its web addresses."""
    around = _around_prose_formulas if prose_formulas_held else lambda prose, said: said(prose)
    parts: list[str] = []
    end = 0
    for kept in sorted([*MATH_SPAN.finditer(text), *_ADDRESS.finditer(text)], key=lambda match: match.start()):
        if kept.start() < end:  # an address inside a formula's span, or the reverse: kept with it
            continue
        parts += [around(text[end : kept.start()], said), kept[0]]
        end = kept.end()
    return "".join([*parts, around(text[end:], said)])


def _around_prose_formulas(prose: str, said: Callable[[str], str]) -> str:
    """`said` applied to `prose` with each of its formulas (`sin(π)`, `4/3πr³`) held by a letter no rule reads, so
    a sign beside one still sees a term there (`V = 4/3πr³`: "V равно …", not English's "equals"), then put back."""
    formulas = [match[0] for match in _PROSE_FORMULA.finditer(prose)] if _HELD not in prose else []
    if not formulas:
        return said(prose)
    read = said(_PROSE_FORMULA.sub(_HELD, prose))
    pieces = read.split(_HELD)
    if len(pieces) != len(formulas) + 1:  # a rule took a held place (none does): each part apart, as addresses are
        pieces = [said(part) for part in _PROSE_FORMULA.split(prose)]
    return "".join(piece + formula for piece, formula in zip(pieces, [*formulas, ""], strict=True))


#: A temperature's scale written apart from its degree sign (`350° F`, `180° C`, Cyrillic `180° С`): the unit `°F`,
#: `°C` ("350-degree F oven", "180 Grad C" were said, the letter a name's); not a point's or a figure's letter: before
#: `=` (`B = 60° C = 90°`), a word's hyphen (`a 90° C-shaped bracket`, `a 45° F-stop`), or another letter in a list
#: (`angles of 30° F, G and H`, `45° C and D`; review r-small2)
_SPACED_SCALE = re.compile(
    r"(?<=\d)°[ \t]([CFС])(?![\w°'’\-–])(?![ \t]*=)(?![ \t]*(?:,|[ \t]\w{1,3})[ \t]*[A-HJ-Z](?![\w°'’\-–]))"
)
#: a degree before another capital letter, alone (`45° A`, `30° B`): the line's letters are a figure's points (`the
#: vertices at 90° C, 45° A and 45° B`), not scales; a compass point (`30° N, 40° E`) or Kelvin is no point's
_POINT_AFTER_DEGREES = re.compile(r"(?<=\d)°[ \t]?[ABDGHJLMOPQRTUVXYZ](?![\w°'’\-–])")
#: ... or a line about an angle or a triangle, in the languages with units' words (`angle ABC = 90° C is`, `Der
#: Winkel 90° C`, `Угол 90° С`): its degrees are the angle's and the letter a point's
_ANGLE_WORDS = re.compile(
    r"∠|(?<!\w)(?:tri)?(?:angles?|ángulos?|angol[oi]|ângulos?|triángulos?|triangol[oi]|triângulos?|winkel|dreiecks?|"
    r"(?:drie)?hoek(?:en)?|vinkel|triangel|угл|угол(?!ь)|треугольник|кут|трикутник)",
    re.IGNORECASE,
)


def scales_joined(text: str) -> str:
    """`350° F` as `350°F`, `180° C` as `180°C`: a temperature's unit, read as one."""
    if "°" not in text or _POINT_AFTER_DEGREES.search(text) or _ANGLE_WORDS.search(text):
        return text
    return _SPACED_SCALE.sub(r"°\1", text)


def _locative_plural(word: str) -> str | None:
    """A unit's word (its nominative singular, one word) in the locative plural ("километрах", "милях"); None for
    a word of more than one or another ending."""
    if re.fullmatch(r"[^\W\d_]+[бвгджзклмнпрстфхцчшщ]", word):
        return f"{word}ах"
    if re.fullmatch(r"[^\W\d_]+[ая]", word):
        return f"{word[:-1]}{'ах' if word.endswith('а') else 'ях'}"
    return None


def _locative_singular(word: str, language: str) -> tuple[str, bool] | None:
    """A unit's word (its nominative singular, one word) in the locative singular, and whether it is feminine
    (Russian's "километре", "минуте"; Ukrainian's masculine in a hard consonant, "кілометрі"); None for a word of
    more than one or another ending (Ukrainian's `відсоток`, "відсотку", and its feminine ones: num2words has no
    feminine locative "одній")."""
    if language == "uk":
        return (f"{word}і", False) if re.fullmatch(r"[^\W\d_]+[бвдзлмнпрстф]", word) else None
    if re.fullmatch(r"[^\W\d_]+[бвгджзклмнпрстфхцчшщ]", word):
        return f"{word}е", False
    if re.fullmatch(r"[^\W\d_]+[ая]", word):
        return f"{word[:-1]}е", True
    return None


def _singular_word(word: str, language: str) -> str | None:
    """A unit's word in the locative singular ("километре", "минуте"); None where `_locative_singular` has none."""
    singular = _locative_singular(word, language)
    return None if singular is None else singular[0]


def _dative_singular(word: str) -> str | None:
    """A Russian unit's word (its nominative singular, one word) in the dative singular ("километру", "минуте");
    None for a word of more than one or another ending."""
    if re.fullmatch(r"[^\W\d_]+[бвгджзклмнпрстфхцчшщ]", word):
        return f"{word}у"
    if re.fullmatch(r"[^\W\d_]+[ая]", word):
        return f"{word[:-1]}е"
    return None


#: The units of a distance from a place, a length's or a time's (`в 5 км от моря`, `в 1 мин от пляжа`); not a share
#: or a difference (`штраф в 1% от суммы`, `в 5 кг от нормы`: "в один процент", not "в одном проценте")
_DISTANCES = frozenset({"километр", "метр", "сантиметр", "миллиметр", "час", "минута", "секунда", "кілометр",
                        "міліметр", "година", "хвилина"})  # fmt: skip


#: ... of which a length's is a place's at a clause's end too, with no "от" (`Магазин в 1 км.`; `уложиться в 5 минут.`
#: is an accusative)
_LENGTHS = frozenset({"километр", "метр", "кілометр"})


def _in_locative(match: re.Match[str], forms: Forms, language: str) -> str | None:
    """A unit's amount at `match` in the locative where a distance from a place asks for it (`в 5-10 км от моря`:
    "в пяти-десяти километрах от моря", `в 1 км от моря` "в одном километре от моря", `у 1 км від моря` "у одному
    кілометрі від моря"), its words and the unit's;
    None elsewhere."""
    from .native_cases import half_in_locative, unit_amount_in_locative  # they read a unit's amount with this module

    if forms[0] not in _DISTANCES:
        return None
    numbers = [*([match["first"]] if match["first"] else []), match["amount"]]
    plural = _locative_plural(forms[0])
    half = None if match["first"] or plural is None else half_in_locative(
        match.string, match.start(), match["amount"], match.end(), language
    )
    if half is not None and plural is not None:  # `в 1,5 км от моря`: "в полутора километрах от моря"
        return f"{half} {plural}{full_stop_kept(match)}"
    singular = _locative_singular(forms[0], language) if language in ("ru", "uk") else None
    # a number ending in 1 (not 11) takes the unit's gender, and the unit's singular after it: "в двадцати одном
    # километре"; the first of a range agrees with the last's plural ("в одном-двух километрах")
    last_one = match["amount"].endswith("1") and not match["amount"].endswith("11")
    feminine = None if singular is None else singular[1]
    said = (
        unit_amount_in_locative(
            match.string, match.start(), numbers, match.end(), language, feminine=feminine, length=forms[0] in _LENGTHS
        )
        if plural
        else None
    )
    if said is None or (last_one and singular is None):
        return None
    word = singular[0] if last_one and singular is not None else plural
    return f"{said} {word}{full_stop_kept(match)}"


def native_units(text: str, language: str) -> str:
    """`text` with its units after a number said in `language`'s words where this module has them (`5 км` → "5
    километров", `2 GB` → "2 гигабайта", `45%` → "45 процентов"); other units and languages as written."""
    base = language.split("-")[0].lower()
    if base not in _WORDS or not any(char.isdigit() for char in text):
        return text
    words = _WORDS[base]
    pattern = _unit_after_number(base)

    def written(symbol: str) -> str:
        symbol = symbol.removesuffix(".") if symbol.removesuffix(".") in _CUT_SHORT else symbol
        return words.same_as.get(symbol, symbol)

    def unit_said(match: re.Match[str]) -> str:
        # `в 5 с друзьями`, `5 с половиной`: a preposition; seconds before punctuation or the line's end
        if match["unit"] == "с" and re.match(r"\s+[^\W\d_]", match.string[match.end() :]):
            return match[0]
        sign_word = words.plus if match["sign"] == "+" else words.minus
        sign = f"{sign_word} " if match["sign"] and sign_word else match["sign"] or ""
        ranged = match["first"] is not None
        if match.groupdict().get("size"):  # `100 тыс. руб.`: "100 тысяч рублей", `5 млн`: "5 миллионов"
            forms = words.sizes[written(match["size"])]
            unit = f" {words.units[written(match['sized'])][2]}" if match["sized"] else ""
        else:
            forms, unit = words.units[written(match["unit"])], ""
        # many after a range's whole number, a fraction's after its decimal (`от 2,5 до 3,5 километра`)
        many = ranged and match["amount"].isdigit()
        said = f"{agreeing_form(match['amount'], forms, many=many)}{unit}{full_stop_kept(match)}"
        currency = None if ranged or not match["unit"] else _CURRENCY.get(written(match["unit"]))
        price = price_with_cents(match["amount"], currency, base) if currency else None
        if price is not None:  # `1 500,50 руб.`: "1500 рублей 50 копеек"
            return f"{sign}{price}{full_stop_kept(match)}"
        if not match["sign"] and not unit and (place := _in_locative(match, forms, base)):
            return place  # `в 5 км от моря`: "в пяти километрах от моря"
        if not ranged:
            from .native_cases import unit_amount_after_preposition

            # its first word's gender: "градус Цельсия" is masculine (review r-spoken11: "до одной градуса Цельсия")
            feminine = forms[0].split()[0].endswith(("а", "я"))
            governed_one = (
                None
                if match["sign"] or unit or match.groupdict().get("size")
                else unit_amount_after_preposition(
                    match.string, match.start(), match["amount"], base, feminine=feminine
                )
            )
            if governed_one is not None:  # `до 5 км`, `к 5 км`: "до пяти километров", "к пяти километрам"
                words_said, case = governed_one
                form: str | None
                one = re.search(r"(?<!1)1\Z", match["amount"]) is not None
                if case == "genitive":  # a 1's genitive singular: a fraction's form ("квадратного метра")
                    form = forms[3] if one else forms[2]
                elif one:  # `к 1 км`, `при 1 кг`: "к одному километру", "при одном килограмме"
                    form = _dative_singular(forms[0]) if case == "dative" else _singular_word(forms[0], base)
                else:
                    plural = _locative_plural(forms[0])
                    form = (plural.removesuffix("х") + "м" if case == "dative" else plural) if plural else None
                if form is not None:
                    return f"{words_said} {form}{full_stop_kept(match)}"
            return f"{sign}{match['amount']} {said}"
        if words.range_words is None:
            return f"{match[0][: match.start('amount') - match.start()]}{match['amount']} {said}"
        from .native_cases import range_start_before, unit_range_after_preposition  # they read units with this module

        governed = unit_range_after_preposition(
            match.string,
            match.start(),
            match["first"],
            match["amount"],
            base,
            feminine=forms[0].split()[0].endswith(("а", "я")),  # `за 2-3 мин`: "за две-три минуты"
        )
        plural = _locative_plural(forms[0]) if governed and governed[1] in ("dative", "locative") else None
        if governed and governed[1] == "dative" and plural:
            plural = plural.removesuffix("х") + "м"  # "километрам", "милям"
        if (
            governed is not None
            and not match["sign"]
            and match["first"].isdigit()
            and match["amount"].isdigit()
            and (plural or governed[1] in ("genitive", "nominative"))
        ):
            # `около 5-10 км`, `на 2-3 км`, `к 2-3 км`: "около пяти-десяти километров", "на два-три километра", "к
            # двум-трём километрам"
            genitive = governed[1] == "genitive"
            last_one = re.search(r"(?<!1)1\Z", match["amount"]) is not None  # `около 2-21 км`: "километра"
            many = forms[3] if last_one else forms[2]
            form = plural or (many if genitive else agreeing_form(match["amount"], forms))
            return f"{governed[0]} {form}{unit}{full_stop_kept(match)}"
        since, until = words.range_words  # `от 5-10 км`: its "от" is written; `с 5-10 км`, "с" stands for it
        written_since = re.search(
            rf"(?<!\w){since}\s*$", match.string[max(0, match.start() - 8) : match.start()], re.I
        ) or range_start_before(match.string, match.start(), base)
        start = "" if written_since else f"{since} "
        from .native_cases import range_end_in_genitive

        feminine = forms[0].split()[0].endswith(("а", "я"))
        first, last = (
            range_end_in_genitive(number, base, feminine=feminine) for number in (match["first"], match["amount"])
        )
        if first and last and not match["sign"] and not unit:  # `от 2-3 км`: "от двух до трёх километров"
            # after a last 1, the unit's genitive singular (`2-21 км`: "от двух до двадцати одного километра")
            form = forms[3] if re.search(r"(?<!1)1\Z", match["amount"]) else forms[2]
            return f"{start}{first} {until} {last} {form}{full_stop_kept(match)}"
        return f"{start}{sign}{match['first']} {until} {match['amount']} {said}"

    return outside_formulas_and_addresses(text, lambda prose: pattern.sub(unit_said, scales_joined(prose)))
