"""Russian and Ukrainian abbreviations said in full, a year's `г.` and `р.` as an ordinal with its case.

eSpeak NG's Russian voice spelled them: `т. е.` "тэ е", `и т. д.` "и тэ дэ", `т. к.` "тэ ка", `ок.` "ok", `2024 г.`
"две тысячи двадцать четыре гэ" (bug bash f-ru), and its Ukrainian voice the same. A year is an ordinal, whose case
follows the word before it: "в две тысячи двадцать четвёртом году", "5 мая две тысячи двадцать четвёртого года",
"две тысячи двадцать четвёртый год" (the voice reads `2024-м` as "двадцать четыре эм", so the words are written).
"""

from __future__ import annotations

import re
from functools import lru_cache

from num2words import num2words

from .native_units import full_stop_kept, outside_formulas_and_addresses
from .native_words import GENITIVE_PREPOSITIONS, MONTHS_GENITIVE

#: (pattern, words): an abbreviation and what is said for it; `(?<!\w)` and the patterns' own look-arounds keep them
#: to whole words (`т. е.` not in `мост. е.`)
_RUSSIAN = (
    (r"и т\.\s?д\.", "и так далее"),
    (r"и т\.\s?п\.", "и тому подобное"),
    (r"и др\.", "и другие"),
    (r"и пр\.", "и прочее"),
    (r"в т\.\s?ч\.", "в том числе"),
    (r"т\.\s?е\.", "то есть"),
    (r"т\.\s?к\.", "так как"),
    (r"напр\.", "например"),
    # before a word, not after a number: `5 см. Дальше` are centimetres (`native_units`; "5 смотрите" was said)
    (r"(?<!\d[ \u00a0\u202f])см\.(?=\s?[^\W\d_]|\s?[«(\"])", "смотрите"),
    (r"ок\.(?=\s?(?-i:\d|[а-яё]))", "около"),  # before a number or a lowercase word: `Всё ок. Дальше` is "OK"
)
_UKRAINIAN = (
    (r"і т\.\s?д\.", "і так далі"),
    (r"і т\.\s?ін\.", "і таке інше"),
    (r"і т\.\s?п\.", "і тому подібне"),
    (r"(?:в|у) т\.\s?ч\.", "у тому числі"),
    (r"напр\.", "наприклад"),
    (r"див\.(?=\s?[^\W\d_]|\s?[«(\"])", "дивіться"),
)
_ABBREVIATIONS = {"ru": _RUSSIAN, "uk": _UKRAINIAN}

#: A year's word (nominative, genitive, locative, dative), years' word, how each is written (abbreviated or in full),
#: the words before a year that make it locative ("в"), genitive ("с", "до"; a month's day, the one noun: after it
#: `2024 г` without its full stop is a year, after a preposition grams, `около 1200 г муки`) or dative ("к": "к две
#: тысячи двадцать пятом году" was said, the locative, as `году` is both)
_YEAR_WORDS = {
    "ru": (
        ("год", "года", "году", "году"),
        ("годы", "годов", "годах"),
        r"г\.?|года|году|год",
        r"гг\.|годы|годов|годах|годам",
        r"в|во",
        "|".join((*GENITIVE_PREPOSITIONS["ru"], "из")),
        "|".join(("начала", "конца", "середины", *MONTHS_GENITIVE["ru"])),
        r"к|ко|благодаря|согласно|вопреки",
    ),
    "uk": (
        ("рік", "року", "році", "року"),
        ("роки", "років", "роках"),
        r"р\.|року|році|рік",
        r"рр\.|роки|років|роках|рокам",
        r"в|у",
        "|".join(GENITIVE_PREPOSITIONS["uk"]),
        "|".join(("початку", "кінця", "середини", *MONTHS_GENITIVE["uk"])),
        r"завдяки|всупереч|назустріч",
    ),
}
#: A range of years, said from its first to its last ("с … по …"): its case is the prepositions'; written so too
#: (`с 2020 по 2024 г.`, whose first year eSpeak NG said as a number, "с две тысячи двадцать")
_RANGE_START = {"ru": "с", "uk": "з"}
_RANGE_END = {"ru": "по", "uk": "по"}
_RANGE_STARTS = {"ru": r"с|со", "uk": r"з|із|зі"}
#: A town's `г.` before its name (`г. Москва`, `в г. Москве`; eSpeak NG said "гэ"): its word in the case the word
#: before asks for (nominative, genitive, locative, dative); Ukrainian's `м.` is also the metro's, and stays
_TOWN = {"ru": ("город", "города", "городе", "городу")}
#: A figure's, a table's, a page's and a clause's abbreviation before its number (`рис. 3`, `табл. 2`, `стр. 5`, `п. 3`;
#: eSpeak NG said "рис", "табл", "стр", "пэ"): its word in the case the word before asks for (nominative, genitive,
#: locative, dative, accusative), and the words before it that ask for each but the nominative; after any other
#: preposition (`с рис. 3`, `за табл. 2`: a case these words do not tell) it stays as written, and so does a feminine
#: one after another word (`см. рис. 3 и табл. 2` asks for "таблицу"): its nominative only where a sentence or a
#: bracket opens (`Табл. 2.`, `(стр. 5)`). Ukrainian's `с.` is also a village's, and stays. Clauses' `пп.` before a
#: range of them (`пп. 1-3`; "пп. от 1 до 3" was said) are "пункты с первого по третий", as a reader says them
_NUMBERED = {
    "ru": (
        {"рис": ("рисунок", "рисунка", "рисунке", "рисунку", "рисунок"),
         "табл": ("таблица", "таблицы", "таблице", "таблице", "таблицу"),
         "стр": ("страница", "страницы", "странице", "странице", "страницу"),
         "п": ("пункт", "пункта", "пункте", "пункту", "пункт"),
         "пп": ("пункты", "пунктов", "пунктах", "пунктам", "пункты")},
        ("из|до|для|без|у|от|после|около|из-за|вместо|кроме", "в|во|на|о|об", "к|ко|по|согласно",
         "смотрите|см\\.|через|про"),
        "с|со|за|под|над|перед|между",
    ),
    "uk": (
        {"рис": ("рисунок", "рисунка", "рисунку", "рисунку", "рисунок"),
         "табл": ("таблиця", "таблиці", "таблиці", "таблиці", "таблицю"),
         "стор": ("сторінка", "сторінки", "сторінці", "сторінці", "сторінку"),
         "п": ("пункт", "пункту", "пункті", "пункту", "пункт"),
         "пп": ("пункти", "пунктів", "пунктах", "пунктам", "пункти")},
        ("з|із|зі|до|для|без|від|після|близько|замість|крім", "в|у|на", "згідно|завдяки", "дивіться|див\\.|через|про"),
        "згідно\\s+(?:з|із|зі)|за|під|над|перед|між|по",  # `згідно з п. 3` asks for "пунктом"
    ),
}  # fmt: skip
#: An ordinal's last word's endings, by its nominative's: genitive, locative, dative, and a decade's plural
#: (`1990-х`, "девяностых"; `1990-е`, "девяностые"; `1990-ми`, "девяностыми"; `1990-м годам`, "девяностым")
_ORDINAL_ENDINGS = {
    "ru": {
        "третий": ("третьего", "третьем", "третьему", "третьих", "третьи", "третьими", "третьим"),
        "ый": ("ого", "ом", "ому", "ых", "ые", "ыми", "ым"),
        "ой": ("ого", "ом", "ому", "ых", "ые", "ыми", "ым"),
        "ий": ("его", "ем", "ему", "их", "ие", "ими", "им"),
    },
    "uk": {
        "третій": ("третього", "третьому", "третьому", "третіх", "треті", "третіми", "третім"),
        "ий": ("ого", "ому", "ому", "их", "і", "ими", "им"),
    },
}
#: A decade written with its ending alone (`1990-е`, `в 1990-х`, `1990-ті`; eSpeak NG said "девяносто е"): the
#: ending → its case for `_ordinal` (plural nominative, genitive or locative, instrumental)
_DECADE_ENDINGS = {"ru": {"е": 5, "х": 4, "ми": 6}, "uk": {"ті": 5, "х": 4, "ми": 6}}
#: ... and `-м` before the years' word in the dative plural (`к 1990-м годам`: "к тысяча девятьсот девяностым годам";
#: it was left as written, which the voice read "тысяча девятьсот девяносто эм"); and a year's `-м` before "году" in
#: its locative or, after "к", its dative (`в 2020-м году`: "в две тысячи двадцатом году")
_DECADES_DATIVE = re.compile(r"(?<![\w.,])(?P<decade>1\d\d0|20\d0)-м(?=[ \u00a0\u202f]+(?:годам|рокам)(?!\w))", re.I)
_YEAR_IN_M = re.compile(
    r"(?:(?<![\w\-])(?P<to>к|ко)[ \u00a0\u202f]+)?(?<![\w.,])(?P<year>1\d{3}|20\d\d)-м(?=[ \u00a0\u202f]+году(?!\w))",
    re.I,
)


def _ordinal(year: int, language: str, case: int) -> str:
    """`year`'s ordinal in `case` (0 nominative, 1 genitive, 2 locative, 3 dative, 4 plural genitive/locative, 5 plural
    nominative, 6 plural instrumental, 7 plural dative): only its last word is declined ("две тысячи двадцать
    четвёртом")."""
    words: str = num2words(year, lang=language, to="ordinal")
    words = words.removeprefix("одна ")  # Ukrainian "одна тисяча дев'ятсот": "тисяча дев'ятсот"
    if case == 0:
        return words
    for nominative, declined in _ORDINAL_ENDINGS[language].items():
        if words.endswith(nominative):
            return words[: len(words) - len(nominative)] + declined[case - 1]
    return words


@lru_cache(maxsize=4)
def _patterns(
    language: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """The language's abbreviations, in one pattern; a year and its word; a decade or a range and their plural; a
    decade with its ending alone; a town's abbreviation, where the language has one."""
    _, _, year_word, years_word, locative, genitive, of, dative = _YEAR_WORDS[language]
    abbreviations = re.compile(
        "|".join(rf"(?P<a{index}>(?<!\w){pattern})" for index, (pattern, _) in enumerate(_ABBREVIATIONS[language])),
        re.IGNORECASE,
    )
    before = (
        rf"(?:(?<!\w)(?P<locative>{locative})|(?<!\w)(?P<genitive>{genitive})|(?<!\w)(?P<of>{of})"
        rf"|(?<!\w)(?P<dative>{dative}))"
    )
    year = re.compile(
        # a year, 1000 to 2099: a weight that heavy is written in kilograms (`1500 г муки` is grams only without a
        # full stop nor a word before it that wants a year)
        # (not `2024 г.р.`, `г.в.`: a year of birth, of make)
        rf"(?:{before}\s)?(?<![\w.,])(?P<year>1\d{{3}}|20\d\d)[ \u00a0\u202f]?(?P<word>{year_word})"
        r"(?!\w|\.?[^\W\d_]\.)",
        re.IGNORECASE,
    )
    years = re.compile(
        rf"(?:(?<!\w)(?P<locative>{locative})\s)?(?<![\w.,])(?:(?P<decade>1\d\d0|20\d0)-х"
        rf"|(?P<first>1\d{{3}}|20\d\d)\s?[-–—]\s?(?P<last>1\d{{3}}|20\d\d)"
        # `с 2020 по 2024 г.` (`с 2020 г. по 2024 г.` is two years, each in its case)
        rf"|(?<!\w)(?P<since>{_RANGE_STARTS[language]})\s(?P<from>1\d{{3}}|20\d\d)\s(?P<until>по)\s"
        rf"(?P<to>1\d{{3}}|20\d\d))(?:[ \u00a0\u202f]?(?P<word>{years_word}|{year_word})"
        # ... or a range of years alone before punctuation or the line's end (`2024–2025`, `с 2020 по 2024.`)
        r"(?!\w|\.?[^\W\d_]\.)|(?=[ \u00a0\u202f]*(?:[.,;:!?)»\"]|\Z)))",
        re.IGNORECASE,
    )
    endings = "|".join(sorted(_DECADE_ENDINGS[language], key=len, reverse=True))
    decade = re.compile(rf"(?<![\w.,])(?P<decade>1\d\d0|20\d0)-(?P<ending>{endings})(?![\w-])")
    town = None
    if language in _TOWN:  # lowercase: `Г. Иванов` is an initial; not after a number: `5 г. Потом` are grams
        town = re.compile(
            rf"(?:{before}\s)?(?<![\w.])(?<!\d[ \u00a0\u202f])(?P<town>(?-i:г)\.)[ \u00a0\u202f]?(?=(?-i:[А-ЯЁ]))",
            re.IGNORECASE,
        )
    return abbreviations, year, years, decade, town


#: Between a figure's, a table's, a page's or a clause's number and another's abbreviation that "и" or "или" joins to
#: it, and so to its case (`из табл. 2 и рис. 3`: "из таблицы 2 и рисунка 3"), or a list's comma
_JOINED = re.compile(r"\d[\w.\-–]*(?:\s+(?:и|или|либо|і|й|та|або|чи)\s+|(?P<comma>\s*,\s*))", re.IGNORECASE)
#: ... which joins it where the list goes on or ends after its number (`из табл. 2, рис. 3 и стр. 5.`); before
#: another word the comma may end a clause, and the number begin the next one's subject (`Как видно из табл. 2, рис.
#: 3 показывает`)
_LIST_GOES_ON = re.compile(
    r"[\w.\-–]*[ \u00a0\u202f]*(?:[.,;:!?)»\"]|\Z|(?:и|или|либо|і|й|та|або|чи)[ \u00a0\u202f])", re.IGNORECASE
)
#: A standard's number before a range (`ГОСТ 1050-2013`, `ДСТУ 3008-2015`): no years
_STANDARD_BEFORE = re.compile(r"(?:ГОСТ|ДСТУ|СНиП|ISO|IEC|EN|DIN|СП|ТУ)(?:\s+Р)?[ \u00a0\u202f]*\Z")


#: ... and the years of a range alone that are years with no word around them that says so: the last two centuries'
#: (`Сезон 2024–2025.`); `Мощность 1200–1250.` is an amount ("с тысяча двухсотого по … год" was said)
_LIKELY_YEARS = range(1800, 2100)
#: ... or the whole of a bracket after a name, a life's or a reign's years (`Ломоносов (1711–1765)`, `Данте
#: (1265–1321)`): an amount in brackets has its unit
_BRACKET_CLOSES = re.compile(r"[ \u00a0\u202f]*\)")


def _years_alone(match: re.Match[str], language: str) -> bool:
    """Whether a range without a year's word is one of years, said "с 2024 по 2025" (English's "от 2024 до 2025" was
    said): its first year before its last, a century at most apart, and no standard's number (`ГОСТ 1050-2013`); and
    years by the words before it (`с 1200 по 1250`, `в 1200–1250`), by a bracket they fill (`Данте (1265–1321)`) or
    by the years themselves, both of the last two centuries (`2024–2025`; `Мощность 1200–1250.` is no years')."""
    first, last = match["first"] or match["from"], match["last"] or match["to"]
    if first is None or not 0 < int(last) - int(first) <= 100:
        return False
    if _STANDARD_BEFORE.search(match.string, max(0, match.start() - 12), match.start()):
        return False
    if match["from"] or match["locative"] or (int(first) in _LIKELY_YEARS and int(last) in _LIKELY_YEARS):
        return True
    return match.string[match.start() - 1 : match.start()] == "(" and bool(
        _BRACKET_CLOSES.match(match.string, match.end())
    )


@lru_cache(maxsize=4)
def _two_decades(language: str) -> re.Pattern[str]:
    """Two decades with the last one's ending (`1990–2000-е`, `в 1990–2000-х`), whose first the voice read as a number
    ("тысяча девятьсот девяносто двухтысячные"): each takes the ending."""
    endings = "|".join(sorted(_DECADE_ENDINGS[language], key=len, reverse=True))
    return re.compile(
        r"(?<![\w.,])(?P<first>1\d\d0|20\d0)[ \u00a0\u202f]?[-–—][ \u00a0\u202f]?"
        rf"(?=(?P<last>1\d\d0|20\d0)-(?P<ending>{endings})(?![\w-]))"
    )


@lru_cache(maxsize=4)
def _two_years(language: str) -> re.Pattern[str]:
    """A school's, a season's or a fiscal year written as its two years after "в" (`в 2024–2025 учебном году`, `у
    2024/2025 навчальному році`), whose range the signs' words said "в от 2024 до 2025"."""
    nominative, _, _, _, locative, *_ = _YEAR_WORDS[language]
    return re.compile(
        rf"(?<!\w)(?P<at>{locative})\s+(?<![\w.,])(?P<first>(?:19|20)\d\d)\s?[-–—/]\s?(?P<last>(?:19|20)\d\d)"
        rf"(?=\s+[^\W\d_]+\s+{nominative[2]}(?!\w))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _two_years_accusative(language: str) -> re.Pattern[str]:
    """... or after "на" or "за" before an adjective and the year's word in the accusative (`на 2024-2025 учебный год`:
    "на две тысячи двадцать четвёртый – две тысячи двадцать пятый учебный год"; "на от 2024 до 2025" was sent)."""
    nominative = _YEAR_WORDS[language][0]
    return re.compile(
        r"(?<!\w)(?P<at>на|за)\s+(?<![\w.,])(?P<first>(?:19|20)\d\d)\s?[-–—/]\s?(?P<last>(?:19|20)\d\d)"
        rf"(?=\s+[^\W\d_]+\s+{nominative[0]}(?!\w))",
        re.IGNORECASE,
    )


#: A clause's number, or a section's (`3.1`), in a range of them after `пп.`
_CLAUSE = r"\d{1,3}(?:\.\d{1,3}){0,3}"
#: One more clause, or a range of them, after a list's comma or "и" (`пп. 1-3, 5`, `пп. 1-3 и 5-7`)
_MORE_CLAUSE = re.compile(
    r"(?P<joint>[ \u00a0\u202f]*,[ \u00a0\u202f]*|[ \u00a0\u202f]+(?:и|і|й|та)[ \u00a0\u202f]+)"
    r"(?P<first>\d{1,3})(?:[ \u00a0\u202f]?[-–—][ \u00a0\u202f]?(?P<last>\d{1,3}))?(?![\w.,]?\d|[-–—/:]\d)",
    re.IGNORECASE,
)
_MORE_CLAUSES = _MORE_CLAUSE.pattern.replace("?P<joint>", "?:").replace("?P<first>", "?:").replace("?P<last>", "?:")


@lru_cache(maxsize=4)
def _numbered(language: str) -> re.Pattern[str]:
    forms, cases, unknown = _NUMBERED[language]
    words = "|".join(rf"(?P<c{index + 1}>{alternatives})" for index, alternatives in enumerate(cases))
    return re.compile(
        rf"(?:(?<![\w.])(?:{words}|(?P<unknown>{unknown}))\s+)?(?<![\w.])(?P<abbreviation>{'|'.join(forms)})\."
        r"[ \u00a0\u202f]?(?=\d)"
        # ... and a range after it (`пп. 1-3`, a section's `пп. 3.1-3.4`), not a date's parts
        rf"(?:(?P<first>{_CLAUSE})[ \u00a0\u202f]?[-–—][ \u00a0\u202f]?(?P<last>{_CLAUSE})(?![\w.,]?\d|[-–—/:]\d)"
        # ... and the clauses listed after it to the clause's end (`пп. 1-3, 5`, `пп. 1-3 и 5-7.`)
        rf"(?P<more>(?:{_MORE_CLAUSES})+(?=[ \u00a0\u202f]*(?:[.;:!?)»\"]|,(?![ \u00a0\u202f]*\d)|\Z)))?)?",
        re.IGNORECASE,
    )


def _after_number(match: re.Match[str]) -> int:
    """Where the number after an abbreviation `_numbered` found begins (`рис. 3`: the 3)."""
    return match.end() if match["first"] is None else match.start("first")


def _clauses_said(first: int, last: int, language: str) -> str:
    """A rising range of clauses from the first to the last: "с первого по третий", "со второго по четвёртый"."""
    since, first_said = _RANGE_START[language], _ordinal(first, language, 1)
    since = "со" if since == "с" and first_said.startswith("вт") else since  # "со второго"
    return f"{since} {first_said} {_RANGE_END[language]} {_ordinal(last, language, 0)}"


#: Other prepositions before a range of years, and the case each asks for (1 genitive, 3 dative, 0 accusative, 2
#: locative): both years are said in it, and the years' word as written, in it (`за 2010-2015 годы`: "за две
#: тысячи десятый – две тысячи пятнадцатый годы"; "за с две тысячи десятого по две тысячи пятнадцатый год" was said)
_GOVERNING = {
    "ru": (
        (1, r"для|у|без|из|изо|кроме|вокруг|против|среди|вместо|помимо|накануне|в\s+течение|в\s+ходе"),
        (3, r"к|ко|по|благодаря|согласно|вопреки"),
        (0, r"за|на|через|про|спустя"),
        (2, r"о|об|обо|при"),
    ),
    "uk": (
        (1, r"для|без|біля|після|протягом|впродовж|крім|окрім|замість|серед|під\s+час"),
        (3, r"завдяки|всупереч"),
        (0, r"за|на|через|про"),
        (2, r"при"),
    ),
}
#: The years' word in the dative plural, which `_YEAR_WORDS` has not
_DATIVE_PLURAL = {"ru": "годам", "uk": "рокам"}


def _preposition_before(match: re.Match[str], language: str) -> str | None:
    """The preposition that asks for the genitive written right before a range of years at `match` (`с 2024-2025
    года`, `до 2024–2025 гг.`), None where there is none."""
    genitive = _YEAR_WORDS[language][5]
    before = re.search(
        rf"(?<![\w\-.])({genitive})[ \u00a0\u202f]+\Z", match.string[max(0, match.start() - 10) : match.start()], re.I
    )
    return None if before is None else before[1]


def _case_before(match: re.Match[str], language: str) -> int | None:
    """The case (`_GOVERNING`'s) another preposition right before a range of years at `match` asks for."""
    before = match.string[max(0, match.start() - 16) : match.start()]
    for case, prepositions in _GOVERNING[language]:
        if re.search(rf"(?<![\w\-.])(?:{prepositions})[ \u00a0\u202f]+\Z", before, re.I):
            return case
    return None


def _capitalized(words: str, written: str) -> str:
    return words[0].upper() + words[1:] if written[:1].isupper() else words


def native_abbreviations(text: str, language: str) -> str:
    """`text` with `language`'s abbreviations said in full (`т. е.` → "то есть", `2024 г.` → "две тысячи двадцать
    четвёртый год"), where this module has them; other languages as written."""
    base = language.split("-")[0].lower()
    if base not in _ABBREVIATIONS or ("." not in text and not re.search(r"\d", text)):
        return text
    abbreviations, year, years, decade, town = _patterns(base)
    table = _ABBREVIATIONS[base]
    nominative, plural, *_ = _YEAR_WORDS[base]

    def abbreviation_said(match: re.Match[str]) -> str:
        index = int(next(name for name, value in match.groupdict().items() if value is not None)[1:])
        return _capitalized(table[index][1], match[0]) + full_stop_kept(match)

    def year_said(match: re.Match[str]) -> str:
        case = 2 if match["locative"] else 1 if match["genitive"] or match["of"] else 3 if match["dative"] else 0
        written = match["word"].lower()
        if written in nominative:  # `2024 года`: the written word's case (`году` is the locative's and the
            case = case if nominative[case] == written else nominative.index(written)  # dative's: `в` or `к` says)
        elif not written.endswith(".") and not (match["locative"] or match["of"]):  # `1500 г муки`: grams
            return match[0]
        start = match.start("year") - match.start()
        return f"{match[0][:start]}{_ordinal(int(match['year']), base, case)} {nominative[case]}{full_stop_kept(match)}"

    def years_said(match: re.Match[str]) -> str:
        if match["word"] is None and not _years_alone(match, base):
            return match[0]
        written = (match["word"] or "").lower()
        if match["from"]:  # `с 2020 по 2024 г.`: as written, each year in its case
            first, last = (_ordinal(int(match[name]), base, case) for name, case in (("from", 1), ("to", 0)))
            return f"{match['since']} {first} {match['until']} {last} {nominative[0]}{full_stop_kept(match)}"
        if match["first"]:  # `в 2020–2024 гг.`: "с две тысячи двадцатого по две тысячи двадцать четвёртый год"
            first, last = (_ordinal(int(match[name]), base, case) for name, case in (("first", 1), ("last", 0)))
            written_before = None if match["locative"] else _preposition_before(match, base)
            if written_before is not None and re.fullmatch(_RANGE_STARTS[base], written_before, re.I):
                # `с 2024-2025 года`: its "с" is written ("с с две тысячи двадцать четвёртого" was said)
                return f"{first} {_RANGE_END[base]} {last} {nominative[0]}{full_stop_kept(match)}"
            if written_before is not None:
                # `до 2024-2025 года`: both in the genitive the preposition asks for ("до с две тысячи…" was said)
                last = _ordinal(int(match["last"]), base, 1)
                word = plural[1] if re.fullmatch(_YEAR_WORDS[base][3], written, re.I) else nominative[1]  # `гг.`
                return f"{first} – {last} {word}{full_stop_kept(match)}"
            case = None if match["locative"] else _case_before(match, base)
            if case is not None:
                # `за 2010-2015 годы`, `к 2020-2021 годам`: both years in the preposition's case, the years' word
                # as written, in it (plural after `гг.`), none where none is written
                first, last = (_ordinal(int(match[name]), base, case) for name in ("first", "last"))
                if not written:
                    word = ""
                elif re.fullmatch(_YEAR_WORDS[base][3], written, re.I):
                    word = " " + (_DATIVE_PLURAL[base] if case == 3 else plural[{0: 0, 1: 1, 2: 2}[case]])
                else:
                    word = f" {nominative[case]}"
                return f"{first} – {last}{word}{full_stop_kept(match)}"
            since = _capitalized(_RANGE_START[base], match[0])
            return f"{since} {first} {_RANGE_END[base]} {last} {nominative[0]}{full_stop_kept(match)}"
        # `в 1990-х гг.` "в девяностых годах", `1990-х гг.` "девяностых годов"
        case = plural.index(written) if written in plural else 2 if match["locative"] else 1
        start = match.start("decade") - match.start()
        return f"{match[0][:start]}{_ordinal(int(match['decade']), base, 4)} {plural[case]}{full_stop_kept(match)}"

    #: the text and the end of the last abbreviation said, and its case: a second one joined to it by "и" is in it
    said_last: list[tuple[str, int, int | None]] = []

    def numbered_said(match: re.Match[str]) -> str:  # `на рис. 3`: "на рисунке 3"
        joined = None
        if said_last and said_last[-1][0] is match.string:
            _, end, joined = said_last[-1]
            joint = _JOINED.fullmatch(match.string, end, match.start())
            if not joint or (joint["comma"] and not _LIST_GOES_ON.match(match.string, _after_number(match))):
                joined = None
        said_last[:] = [(match.string, match.end(), None)]
        if match["unknown"]:
            return match[0]
        case = next((index for index in range(1, 5) if match[f"c{index}"]), 0)
        forms = _NUMBERED[base][0][match["abbreviation"].lower()]
        opens = re.search(r"(?:\A|[.!?(:—–])\s*\Z", match.string[max(0, match.start() - 4) : match.start()])
        if not case and not opens and joined is not None:  # `из табл. 2 и рис. 3`: "и рисунка 3", not "рисунок"
            case = joined
        elif not case and forms[0] != forms[4] and not opens:  # `и табл. 2` after `см.`: "таблицу", not "таблица"
            return match[0]
        said_last[:] = [(match.string, match.end(), case)]
        start = match.start("abbreviation") - match.start()
        word = _capitalized(forms[case], match["abbreviation"])
        if match["first"] is None:
            return f"{match[0][:start]}{word} "
        first, last = (tuple(int(part) for part in match[name].split(".")) for name in ("first", "last"))
        if match["abbreviation"].lower() != "пп" or first >= last:  # the range as written, read by `native_symbols`
            return f"{match[0][:start]}{word} {match.string[match.start('first') : match.end()]}"
        if "." in match["first"] + match["last"]:  # `пп. 3.1-3.4`: "пункты с 3.1 по 3.4", the voice reads their points
            since, until = _RANGE_START[base], _RANGE_END[base]
            return f"{match[0][:start]}{word} {since} {match['first']} {until} {match['last']}{match['more'] or ''}"
        # "пункты с первого по третий", and the clauses after them ordinals too, each in the case of the clauses'
        # word (`пп. 1-3, 5`: "…по третий, пятый", not "…по третий, 5"; `в пп. 1-3 и 5`: "…и пятом")
        ordinal_case = 0 if case == 4 else case
        said = [f"{match[0][:start]}{word} {_clauses_said(int(match['first']), int(match['last']), base)}"]
        for more in _MORE_CLAUSE.finditer(match["more"] or ""):
            if more["last"] is None:
                said.append(more["joint"] + _ordinal(int(more["first"]), base, ordinal_case))
            elif int(more["first"]) < int(more["last"]):
                said.append(more["joint"] + _clauses_said(int(more["first"]), int(more["last"]), base))
            else:  # `5-3`: as written
                said.append(more[0])
        return "".join(said)

    def town_said(match: re.Match[str]) -> str:
        case = 2 if match["locative"] else 1 if match["genitive"] or match["of"] else 3 if match["dative"] else 0
        start = match.start("town") - match.start()
        return f"{match[0][:start]}{_TOWN[base][case]} "

    def decade_said(match: re.Match[str]) -> str:  # `1990-е` "тысяча девятьсот девяностые"
        return _ordinal(int(match["decade"]), base, _DECADE_ENDINGS[base][match["ending"]])

    def two_years_said(match: re.Match[str]) -> str:  # "в две тысячи двадцать четвёртом – … двадцать пятом"
        first, last = (_ordinal(int(match[name]), base, 2) for name in ("first", "last"))
        return f"{match['at']} {first} – {last}"

    def two_years_in_accusative(match: re.Match[str]) -> str:  # "на две тысячи двадцать четвёртый – … пятый"
        if int(match["first"]) >= int(match["last"]):
            return match[0]
        first, last = (_ordinal(int(match[name]), base, 0) for name in ("first", "last"))
        return f"{match['at']} {first} – {last}"

    def two_decades_said(match: re.Match[str]) -> str:  # `1990–2000-е`: "1990-е – 2000-е"
        return f"{match['first']}-{match['ending']} – " if match["first"] < match["last"] else match[0]

    def said(prose: str) -> str:
        prose = _two_decades(base).sub(two_decades_said, prose) if "0-" in prose else prose
        prose = _two_years(base).sub(two_years_said, prose)
        prose = _two_years_accusative(base).sub(two_years_in_accusative, prose)
        prose = years.sub(years_said, prose)
        prose = decade.sub(decade_said, prose) if "0-" in prose else prose
        prose = _DECADES_DATIVE.sub(lambda match: _ordinal(int(match["decade"]), base, 7), prose)
        if base == "ru":
            prose = _YEAR_IN_M.sub(
                lambda match: (f"{match['to']} " if match["to"] else "")
                + _ordinal(int(match["year"]), base, 3 if match["to"] else 2),
                prose,
            )
        prose = year.sub(year_said, prose)
        if "." not in prose:
            return prose
        prose = town.sub(town_said, prose) if town is not None and "г." in prose else prose
        prose = abbreviations.sub(abbreviation_said, prose)
        return _numbered(base).sub(numbered_said, prose)

    return outside_formulas_and_addresses(text, said)
