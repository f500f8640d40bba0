"""A number ending in 1 or 2 before a Russian or Ukrainian feminine noun, its last digit said in the noun's gender.

eSpeak NG's Russian and Ukrainian voices read digits in the masculine whatever follows: `1 копейка` "один копейка",
`2 минуты` "два минуты", `1 тысяча` "один тысяча", `2 гривні` "два гривні". The words this project writes after a
number (`native_money`'s kopecks, `native_units`' minutes and thousands) and the writer's own met the same. The last
digit becomes its feminine word and the rest stays digits (`21 копейка` → "20 одна копейка", read "двадцать одна"):
eSpeak reads the digits before it as it did, and no number-to-words table is needed for the whole amount.
"""

from __future__ import annotations

import re
from functools import cache

from .native_units import outside_formulas_and_addresses

#: A feminine noun's forms that follow a number ending in 1 (nominative, accusative, the oblique cases) or 2 (few),
#: and the feminine word for that digit. Russian's genitive singular is its few form: `1 минуты` "одной минуты"
#: (`около 1 минуты`), `2 минуты` "две минуты".
_RUSSIAN_NOUNS = (
    "копейк",
    "минут",
    "секунд",
    "миллисекунд",
    "микросекунд",
    "наносекунд",
    "тонн",
    "штук",
    "гривн",
    "иен",
    "йен",
    "лир",
    "строк",
    "страниц",
    "ошибк",
    "задач",
    "недел",
    "тысяч",
    "рупи",
)
_UKRAINIAN_NOUNS = (
    "копійк",
    "хвилин",
    "секунд",
    "мілісекунд",
    "тонн",
    "штук",
    "гривн",
    "тисяч",
    "годин",
    "сторінк",
    "помилк",
    "задач",
    "рупі",
)

#: A stem's ending → the feminine word for a last digit of 1 or 2 before it (none: the digit stays)
Endings = dict[str, tuple[str | None, str | None]]
_RUSSIAN_ENDINGS: Endings = {
    "а": ("одна", None),
    "я": ("одна", None),
    "у": ("одну", None),
    "ю": ("одну", None),
    "ы": ("одной", "две"),
    "и": ("одной", "две"),
    "е": ("одной", None),
    "ой": ("одной", None),
    "ей": ("одной", None),
}
#: Ukrainian's few form (`2 хвилини`, `2 гривні`) is also its genitive and, for some, its dative singular: a 1 before
#: it is left as it was, a 2 before it is "дві"
_UKRAINIAN_ENDINGS: Endings = {
    "а": ("одна", None),
    "я": ("одна", None),
    "у": ("одну", None),
    "ю": ("одну", None),
    "и": (None, "дві"),
    "і": (None, "дві"),
}

_LANGUAGES: dict[str, tuple[tuple[str, ...], Endings]] = {
    "ru": (_RUSSIAN_NOUNS, _RUSSIAN_ENDINGS),
    "uk": (_UKRAINIAN_NOUNS, _UKRAINIAN_ENDINGS),
}


@cache
def _before_feminine(language: str) -> re.Pattern[str]:
    nouns, endings = _LANGUAGES[language]
    stems = "|".join(sorted(set(nouns), key=len, reverse=True))
    ends = "|".join(sorted(endings, key=len, reverse=True))
    # a whole number, not a decimal's part (`2,1 минуты`), a sign's (`-1`) nor a word's (`A1`)
    return re.compile(
        rf"(?<![\w.,+\-−])(?P<rest>\d*?)(?P<digit>[12])(?![\d.,]\d)(?P<space>\s+)(?P<noun>(?:{stems})(?P<end>{ends}))"
        rf"(?![\w-])",
        re.IGNORECASE,
    )


def feminine_numbers(text: str, language: str) -> str:
    """`text` with a last digit of 1 or 2 before a feminine noun said in its gender (`21 копейка` → "20 одна
    копейка", `2 минуты` → "две минуты"), on Russian and Ukrainian pages; other text and languages as written."""
    base = language.split("-")[0].lower()
    if base not in _LANGUAGES or not re.search(r"[12]\s", text):
        return text
    endings = _LANGUAGES[base][1]

    def said(match: re.Match[str]) -> str:
        rest = match["rest"]
        if rest.endswith("1"):  # 11, 12: "одиннадцать", "двенадцать" take the many form
            return match[0]
        one, two = endings[match["end"].lower()]
        word = one if match["digit"] == "1" else two
        if word is None:
            return match[0]
        number = f"{rest}0 " if rest.strip("0") else ""  # `21` → "20 одна", `101` → "100 одна", `1` → "одна"
        return f"{number}{word}{match['space']}{match['noun']}"

    pattern = _before_feminine(base)
    return outside_formulas_and_addresses(text, lambda prose: pattern.sub(said, prose))
