"""Signs and symbols around numbers said in the page's own words where no table reads its language (`-5`, `~5`).

Russian and Ukrainian pages read prose with English's table, whose words reached their voices for symbols: `-5`
"minus 5", `~5 км` "about", `≈ 5` "is approximately equal to", `3 + 2 = 5` "plus", "equals", `5-10 человек` "5 to
10", `24/7` "twenty-four seven", and `№ 5` lost its sign (review f-ru2). So, before English's table reads the line,
the page's words are written for them, as `native_units` writes a unit's: English's and the tables' languages as
they were. Formulas and web addresses keep their signs (`$x = 5$`, `https://site.ru/?a=5`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .feminine_numbers import feminine_range, feminine_range_follows
from .markup import TAG
from .native_cases import range_after_preposition, range_before_few, range_in_genitive, range_start_before
from .native_units import outside_formulas_and_addresses


class _Words(NamedTuple):
    minus: str
    plus: str
    plus_minus: str
    about: str  # before a number (`~5`, `≈ 5`): "примерно" agrees with any case, not "около" (its genitive)
    about_equal: str  # between two terms (`π ≈ 3,14`)
    equals: str
    times: str  # `5 × 3`, `1920×1080`: "на", as sizes are said
    greater: str
    less: str
    greater_or_equal: str
    less_or_equal: str
    range_words: tuple[str, str]
    round_the_clock: str  # `24/7`
    number: str  # `№ 5`
    pi: str  # `π`
    squared: str  # `πr²`
    cubed: str  # `r³`
    letters: dict[str, str]  # a Latin letter's name beside `π` (`πr²`, `2πr`, `πd`)


#: The letters a term with `π` is written with (`πr²`, `2πr`, `πd`, `πr²h`, `πab`): the voices said their English
#: names ("pi r squared"), each page's reader its own ("пи эр в квадрате", "пі ер у квадраті")
_RUSSIAN_LETTERS = {"a": "а", "b": "бэ", "d": "дэ", "h": "аш", "l": "эль", "n": "эн", "r": "эр", "t": "тэ", "x": "икс"}
_UKRAINIAN_LETTERS = {
    "a": "а",
    "b": "бе",
    "d": "де",
    "h": "аш",
    "l": "ель",
    "n": "ен",
    "r": "ер",
    "t": "те",
    "x": "ікс",
}
_WORDS = {
    "ru": _Words("минус", "плюс", "плюс-минус", "примерно", "примерно равно", "равно", "на", "больше", "меньше",
                 "больше или равно", "меньше или равно", ("от", "до"), "круглосуточно", "номер", "пи", "в квадрате",
                 "в кубе", _RUSSIAN_LETTERS),
    "uk": _Words("мінус", "плюс", "плюс-мінус", "приблизно", "приблизно дорівнює", "дорівнює", "на", "більше",
                 "менше", "більше або дорівнює", "менше або дорівнює", ("від", "до"), "цілодобово", "номер", "пі",
                 "у квадраті", "у кубі", _UKRAINIAN_LETTERS),
}  # fmt: skip
#: `π` with one or two of those letters after it, each with its square or cube (`πr²`, `πr²h`, `πd`), in no word
_PI_LETTERS = "abdhlnrtxABDHLNRTX"

_NUMBER = r"\d+(?:[.,]\d+)?"


@cache
def _symbols() -> re.Pattern[str]:
    return re.compile(
        # `24/7`, not a date's or a fraction's part (`1/24/7`)
        r"(?<![\w/.,])(?P<clock>24/7)(?![\w/]|[.,]\d)"
        # `№ 5`, `№5`
        r"|(?P<number>№)\s?(?=\d)"
        # a range of two numbers, the second the greater (`5-10 человек`; not a score, `3-2`, nor a date's, a phone
        # number's or a time's parts: `2024-05-01`, `123-45-67`, `9:00-18:00`)
        # nor an amount of money English's words read, `$5-10M`
        rf"|(?<![\w.,:/\-–—−+$€£¥])(?P<first>{_NUMBER})(?:-|\s?[–—]\s?)(?P<last>{_NUMBER})"
        r"(?![\w.,:]?\d|[-–—/:]\d|[^\W\d_])"
        # a sign before a number (`-5`, `+3`, `±0,5`), not a word's hyphen nor a subtraction's (`A-5`, `5-3`)
        r"|(?<![\w.,)\]\-–—−+±])(?P<sign>[-−+±])(?=\d)"
        # about a number (`~5`, `≈ 5`), or about equal between two terms (`π ≈ 3,14`)
        r"|(?<![\w~])(?P<about>~|≈|≃)\s?(?=[-−+]?\d)"
        r"|(?<=[\w)])\s?(?P<about_equal>≈|≃)\s?(?=[\w(−-])"
        # an operator between two terms (`3 + 2 = 5`, `x = 5`, `5 × 3`, `5 - 3`, `5 > 3`, `3 ± 0,2`); not `C++`, `a=b`
        # of a query
        # ... or between letters, spaced (`a + b`, `a − b`; a hyphen between words is a dash: `Москва - столица`)
        r"|(?:(?<=\d)\s?|(?<=[\w)])\s)(?P<plus>\+)(?:\s?(?=\d)|\s(?=[\w(]))|(?<=\d)(?P<minus>\s[-−]\s|−)(?=\d)"
        r"|(?<=[\w)])(?P<letters_minus>\s−\s)(?=[\w(])"
        # π alone, not in a word (English's "pi" was said), or with a term's letters (`πr²`, `2πr`) where the term
        # ends the formula: not a function's argument, a fraction's, nor before `^`, `/` or a digit (`sin(πx)`,
        # `4/3πr³`, `πr^2`, `πd/4` were "sine пи икс )", "4 over 3 пи эр в кубе", "пи эр squared", "пи дэ/4")
        rf"|(?<![^\W\d_])(?P<pi>π)(?:(?<!\w\(π)(?<![/^*·]π)(?<!/\dπ)(?<!/\d\dπ)"
        rf"(?P<term>(?:[{_PI_LETTERS}][²³]?){{1,2}})(?=[\s,.;:!?…»”\")]|$))?(?![^\W\d_])"
        r"|(?<=[\w)])\s?(?P<operator>[=×<>≤≥±])\s?(?=[-−+]?[\w(])"
    )


#: Russian's "в" and "с" before a range of ordinals from the second (`в 2-3 классе`, `в 2-3 тур`, `с 2-3 дня`), which
#: are "во", "со" before "в" and a consonant: "во втором-третьем классе", "со второго-третьего дня"
_IN_BEFORE_SECOND = re.compile(r"(?<![\w\-])([ВвСс])(?=[ \u00a0]+втор[^\W\d_]*-[^\W\d_])")


def native_symbols(text: str, language: str) -> str:
    """`text` with its signs and symbols around numbers said in `language`'s words where this module has them (`-5`
    → "минус 5", `~5` → "примерно 5", `5-10` → "от 5 до 10", `24/7` → "круглосуточно"); other text as written."""
    base = language.split("-")[0].lower()
    # a line without digits may hold a formula of letters (`a + b`, `x = y`) or `π`
    if base not in _WORDS or not any(char.isdigit() or char in "π=+−" for char in text):
        return text
    words = _WORDS[base]
    operators = {"=": words.equals, "×": words.times, ">": words.greater, "<": words.less,
                 "≥": words.greater_or_equal, "≤": words.less_or_equal, "±": words.plus_minus}  # fmt: skip
    signs = {"-": words.minus, "−": words.minus, "+": words.plus, "±": words.plus_minus}

    def said(match: re.Match[str]) -> str:
        if match["clock"]:
            return words.round_the_clock
        if match["number"]:
            return f"{words.number} "
        if match["first"]:
            if float(match["first"].replace(",", ".")) >= float(match["last"].replace(",", ".")):
                return match[0]  # a score (`3-2`)
            if "." in match["first"] and "." not in match["last"]:
                return match[0]  # a standard's number (`ГОСТ 2.105-95`, `7.32-2001`); a decimal's mark is a comma
            if (match["first"], match["last"]) == ("1", "2") and feminine_range_follows(
                match.string, match.end(), base
            ):
                return match[0]  # `через 1–2 недели`: "через одну-две недели", `feminine_numbers`' words
            # after a preposition that asks for a case, in it and with a hyphen (`около 5-6 часов`: "около
            # пяти-шести часов"; "около от пяти до шести" was said)
            governed = range_after_preposition(
                match.string, match.start(), match["first"], match["last"], match.start("last"), base
            )
            if governed is not None:
                return governed
            # `21-22 минуты`: "двадцать одна-двадцать две минуты", the noun agreeing with the last
            feminine = feminine_range(match["first"], match["last"], match.string, match.start(), match.end(), base)
            if feminine is not None:
                return feminine
            # `21-22 дня`: "двадцать один-двадцать два дня", the noun agreeing with the last
            few = range_before_few(match["first"], match["last"], match.string, match.start(), match.end(), base)
            if few is not None:
                return few
            since, until = words.range_words  # `от 5-10`: its "от" is written; `с 9-18`: "с девяти до восемнадцати"
            written = re.search(
                rf"(?<!\w){since}\s+\Z", match.string[max(0, match.start() - 8) : match.start()], re.I
            ) or range_start_before(match.string, match.start(), base)
            # in the genitive "от" and "до" ask for, where the noun after them tells it (`5-10 человек`: "от пяти до
            # десяти человек"; `2-3 дня`, whose noun agrees with the nominative, as written)
            declined = range_in_genitive(match.string, match["first"], match["last"], match.start("last"), base)
            first, last = declined or (match["first"], match["last"])
            return f"{'' if written else since + ' '}{first} {until} {last}"
        if match["sign"]:
            return f"{signs[match['sign']]} "
        if match["about"]:
            return f"{words.about} "
        if match["about_equal"]:
            return f" {words.about_equal} "
        if match["plus"]:
            return f" {words.plus} "
        if match["pi"]:  # `2π`: "2 пи"; `πr²`: "пи эр в квадрате"
            term = "".join(
                f" {words.letters[char.lower()]}"
                if char.isalpha()
                else f" {words.squared if char == '²' else words.cubed}"
                for char in match["term"] or ""
            )
            return f"{' ' if match.string[match.start() - 1 : match.start()].isdigit() else ''}{words.pi}{term}"
        if match["letters_minus"]:
            return f" {words.minus} "
        if match["minus"]:
            # what is around the sign, read in place (a line of many " - " is not copied from each)
            before = match.string[max(0, match.start() - 2) : match.start()]
            if (
                re.search(r"(?<![\w.,])1\Z", before)
                and match.string.startswith("2", match.end())
                and feminine_range_follows(match.string, match.end() + 1, base)
            ):
                return match[0]  # `на 1 - 2 ночи`: a range, "на одну-две ночи" (`feminine_numbers`)
            return f" {words.minus} "
        return f" {operators[match['operator']]} "

    pattern = _symbols()

    def outside_tags(prose: str) -> str:
        # a tag's brackets are no comparison (`<b>5</b>` was "is less than b больше 5"; markup drops the tag later)
        if "<" not in prose:
            return pattern.sub(said, prose)
        parts, end = [], 0
        for tag in TAG.finditer(prose):
            parts += [pattern.sub(said, prose[end : tag.start()]), tag[0]]
            end = tag.end()
        return "".join([*parts, pattern.sub(said, prose[end:])])

    text = outside_formulas_and_addresses(text, outside_tags)
    if base == "ru" and "втор" in text:  # `в 2-3 классе`: "во втором-третьем классе" ("в втором" was said)
        text = _IN_BEFORE_SECOND.sub(r"\1о", text)
    return text
