"""Times, ISO dates and IP addresses said in the page's own words where no table reads its language.

Russian and Ukrainian pages read prose with English's table, whose words reached their voices: `9:00-18:00` "9
hundred to 18 hundred", `2024-03-15` "March 15th, 2024", `192.168.0.1` "192 dot 168 dot 0 dot 1"; eSpeak NG's
Ukrainian voice said a time's colon ("дев'ять дві крапки тридцять"), and its Russian voice a time after "с" or "до"
in the nominative ("с девять ноль ноль"). So, before English's table reads the line, the page's words are written:
a range of times "с девяти до восемнадцати", a time after a preposition that asks for the genitive in it, a time
with a point after "в" (`в 10.30`, no decimal), a date as the page writes one ("15 марта 2024 г.", whose year
`native_abbreviations` reads; from `2024-03-15` and `15.03.2024`) and an address's dots "точка". Japanese pages get
their ISO dates in kana, and the languages `native_dates` names theirs in CLDR's words. Formulas and web addresses
keep their signs, and so do a day and a month (`до 15.04`) and a ratio (`до 1:50`), which a time after any word but
"в" or "о" could be.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import NamedTuple

from num2words import num2words

from .native_dates import CLDR_DATE_LANGUAGES, cldr_dates
from .native_units import outside_formulas_and_addresses, unit_follows
from .native_words import GENITIVE_PREPOSITIONS, MONTHS_GENITIVE


class _Words(NamedTuple):
    since: str  # a range of times: "с 9:00 до 18:00"
    until: str
    from_: str  # a range of ratios: "от 1:25 до 1:50"
    #: the words before a time written with a point (`в 10.30`, `Встреча 10.30`): a decimal is said there never
    at: str
    #: the prepositions of a time that a range of times says with `since` (`в 9:00–18:00`: "с девяти до", not "в с")
    at_range: str
    year: str  # a year's abbreviation, which `native_abbreviations` reads in its case
    dot: str  # an IP address's


_WORDS = {
    "ru": _Words("с", "до", "от", r"в|во|к|с|со|до|после|около|встреча|начало|сбор|старт|отправление|прибытие",
                 r"в|во", "г.", "точка"),
    "uk": _Words("з", "до", "від", r"о|об|в|у|з|до|після|близько|зустріч|початок|збір|старт|відправлення|прибуття",
                 r"о|об|в|у", "р.", "крапка"),
}  # fmt: skip

#: a time of day: its hour (0 to 24, `до 24:00`) and two digits of minutes (0 to 59); not a ratio (`3:1`), a score,
#: a time with seconds (`12:30:45`) nor a part of a longer number
_HOURS = r"(?:[01]?\d|2[0-4])"
_TIME = rf"{_HOURS}:[0-5]\d"
_RANGE = rf"(?<![\w:.,])(?P<first>{_TIME})\s?[-–—]\s?(?P<last>{_TIME})(?![\w:]|[.,]\d)"
#: ... written with a point (`в 10.30`), which is a time only after a word that makes it one; minutes that could be a
#: month (`до 15.04`, `с 01.09`: a day and a month) only after "в" or "о", which no date follows
_WITH_POINT = re.compile(rf"(?<![\w.,:])(?P<hours>{_HOURS})\.(?P<minutes>[0-5]\d)(?![\w:]|[.,]\d)")
_MONTH = re.compile(r"0[1-9]|1[0-2]")
#: `1:50`, `1:25`: a scale's or a mixture's ratio as often as a time past one at night; said as one only after "в" or
#: "о" (`масштаб до 1:50` was "до одного пятидесяти")
_RATIO = re.compile(r"1:(?!00)\d\d")
_ONE = re.compile(rf"(?<![\w:.,])(?P<time>{_TIME})(?![\w:]|[.,]\d)")
#: an ISO date's year, month and day that are ones (not `2024-13-45`), its groups' names after a prefix (`last_`), so
#: that one pattern holds two
_ISO_PARTS = r"(?P<{0}year>(?:19|20)\d\d)-(?P<{0}month>0[1-9]|1[0-2])-(?P<{0}day>0[1-9]|[12]\d|3[01])"
#: `2024-03-15`, not a part of a longer code
_ISO_DATE = re.compile(rf"(?<![\w.\-–]){_ISO_PARTS.format('')}(?![\w\-–]|[.,]\d)")
#: `2024-03-01–2024-03-31`: a range of two ISO dates with no space around its dash, which `_ISO_DATE` leaves (a
#: date's neighbour is a dash) to English's rule, "March 1st, 2024 to March 31st, 2024" on a Russian page (review
#: r-note): spaced, as `2024-03-01 – 2024-03-31` is, each date is then the page's
_ISO_RANGE_DASH = re.compile(
    rf"(?<![\w.\-–])(?P<first>{_ISO_PARTS.format('first_')})(?P<dash>[–—])"
    rf"(?={_ISO_PARTS.format('last_')}(?![\w\-–]|[.,]\d))"
)
#: `15.03.2024`: a day, a month and a year as Russian and Ukrainian write a date (eSpeak NG said "пятнадцать точка
#: ноль три точка две тысячи двадцать четыре"); not a version's part (`v1.10.2020`, `1.10.2020.1`) nor a file's name
#: (`logs/15.04.2024.txt`, which was left as written before: review r-i18n)
_DOTTED_DATE = re.compile(
    r"(?<![\w./\-–])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)"
    r"(?![\w/\-–]|[.,]\d|\.[A-Za-z])"
)
#: the year an author wrote after a date, abbreviated (`15.03.2024 г.`) or as a word (`от 15.03.2024 года`, the usual
#: way: "…года года" was said; review r-i18n), which the readings after this one say with the year's number
_YEAR_AFTER = re.compile(r"[ \u00a0]*(?:г|р)\.|[ \u00a0]+(?:года|году|годом|року|році|роком|рік)(?!\w)")
#: ... on a Japanese page, whose words follow a date with no space (`2024-04-15の`), and a range of them (`2024-03-01–
#: 2024-03-31`); not in a file's path (`logs/2024-04-15.txt`, which English's table leaves as written: review r-i18n)
_JA_DATES = re.compile(
    rf"(?<![A-Za-z0-9_./\-–]){_ISO_PARTS.format('')}(?:\s?[–—]\s?{_ISO_PARTS.format('last_')})?"
    r"(?![A-Za-z0-9_/\-–]|[.,]\d)"
)
#: the days of a month that Japanese says with words of their own ("ついたち", not "いちにち"), in kana, which every
#: voice reads (eSpeak NG's Japanese voice reads no kanji)
_JA_DAYS = {1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか", 8: "ようか",
            9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか", 24: "にじゅうよっか"}  # fmt: skip
#: `192.168.0.1`: four numbers of up to 255, not a version's (`1.2.3.4.5`) nor a part of a longer number
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
#: `в 2.50 раза`: a decimal before a count of times, or an amount before its money's or percent's sign (`в 12.50 ₽`)
_TIMES_AFTER = re.compile(r"\s+(?:раз|рази|разів)|[ \u00a0\u202f]?[%‰₽₴$€£¥]", re.IGNORECASE)
_ADDRESS = re.compile(rf"(?<![\w.])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w]|\.\d)")
#: A Ukrainian hour of the clock, `о 5 годині`: an ordinal in the locative, "о п'ятій годині" (the voice said "о п'ять
#: годині", a count's nominative before the noun's locative). A last digit of 1 or 2 (`о 2 годині`, `о 21 годині`)
#: is `feminine_numbers`' ("о другій", "о двадцять першій")
_UKRAINIAN_HOUR = re.compile(r"(?<![\w'’-])(?P<at>[Оо]б?)\s+(?P<hour>1?[03-9]|1[12]|2[034])(?P<noun>\s+годині)(?!\w)")
_UKRAINIAN_HOURS = {
    "0": "нульовій", "3": "третій", "4": "четвертій", "5": "п'ятій", "6": "шостій", "7": "сьомій", "8": "восьмій",
    "9": "дев'ятій", "10": "десятій", "11": "одинадцятій", "12": "дванадцятій", "13": "тринадцятій",
    "14": "чотирнадцятій", "15": "п'ятнадцятій", "16": "шістнадцятій", "17": "сімнадцятій", "18": "вісімнадцятій",
    "19": "дев'ятнадцятій", "20": "двадцятій", "23": "двадцять третій", "24": "двадцять четвертій",
}  # fmt: skip


def _clock_words(time: str, language: str, *, genitive: bool) -> str:
    """A time's words: its hour and its minutes, none for `:00` ("с девяти"); in the nominative the digits, which
    the voice reads ("9 30")."""
    hours, minutes = time.split(":")
    if not genitive:
        return f"{int(hours)} {minutes}"
    said: str = num2words(int(hours), lang=language, case="genitive")
    if minutes == "00":
        return said
    if minutes.startswith("0"):  # `9:05`: "девяти ноль пяти"
        said += " " + num2words(0, lang=language)
    return f"{said} {num2words(int(minutes), lang=language, case='genitive')}"


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words before a time that ask for its genitive, those that make a number with a point a time, the
    prepositions of a time alone ("в", "о"), and a range of times with the preposition before it that `since` stands
    for."""
    words = _WORDS[language]
    #: the prepositions before a time that ask for its genitive (`с 9:00`, `до 18:00`, `после 14:30`)
    genitive_after = "|".join(GENITIVE_PREPOSITIONS[language])
    return (
        re.compile(rf"(?<!\w)(?:{genitive_after})\s+\Z", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{words.at}):?\s+\Z", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{words.at_range})\s+\Z", re.IGNORECASE),
        re.compile(rf"(?:(?<!\w)(?P<at>{words.at_range})\s+)?{_RANGE}", re.IGNORECASE),
    )


def _japanese_dates(text: str) -> str:
    """`2024-04-15` as Japanese says it, "2024ねん4がつ15にち" (English's table said "April 15th, 2024", which eSpeak
    NG's Japanese voice spelled letter by letter: bug bash h-i18n), and a range "…から…"; no day a calendar lacks."""

    def said(match: re.Match[str], prefix: str) -> str | None:
        year, month, day = (int(match[f"{prefix}{part}"]) for part in ("year", "month", "day"))
        try:
            datetime.date(year, month, day)
        except ValueError:
            return None
        return f"{year}ねん{month}がつ{_JA_DAYS.get(day, f'{day}にち')}"

    def dates(match: re.Match[str]) -> str:
        first = said(match, "")
        if match["last_year"] is None:
            return first or match[0]
        last = said(match, "last_")
        return f"{first}から{last}" if first and last else match[0]

    return _JA_DATES.sub(dates, text) if "-" in text else text


def native_clock(text: str, language: str) -> str:
    """`text` with its times, ISO dates and IP addresses said in `language`'s words where this module has them
    (`9:00-18:00` → "с девяти до восемнадцати", `2024-03-15` → "15 марта 2024 г.", `192.168.0.1` → "192 точка 168
    точка 0 точка 1"); other text as written."""
    base = language.split("-")[0].lower()
    if base == "ja":
        return outside_formulas_and_addresses(text, _japanese_dates)
    if base in CLDR_DATE_LANGUAGES:
        return outside_formulas_and_addresses(text, lambda prose: cldr_dates(prose, language))
    if base not in _WORDS or not any(char.isdigit() for char in text):
        return text
    words = _WORDS[base]
    written_before, at_before, at_word, time_range = _patterns(base)

    def written(string: str, start: int) -> re.Match[str] | None:
        return written_before.search(string[max(0, start - 10) : start])

    def range_said(match: re.Match[str]) -> str:
        written_before = written(match.string, match.start())
        if not match["at"] and _RATIO.fullmatch(match["first"]) and _RATIO.fullmatch(match["last"]):
            since = "" if written_before else f"{words.from_} "  # `1:25–1:50`: "от 1:25 до 1:50"
            return f"{since}{match['first']} {words.until} {match['last']}"
        since = "" if written_before else f"{words.since} "
        if match["at"]:  # `В 9:00–18:00`: "С девяти"
            since = f"{words.since.capitalize() if match['at'][0].isupper() else words.since} "
        first = _clock_words(match["first"], base, genitive=True)
        return f"{since}{first} {words.until} {_clock_words(match['last'], base, genitive=True)}"

    def at_range_before(string: str, start: int) -> bool:
        return at_word.search(string[max(0, start - 4) : start]) is not None

    def time_said(time: str, string: str, start: int) -> str:
        if _RATIO.fullmatch(time) and not at_range_before(string, start):
            return time
        if written(string, start):  # `с 9:00`, `до 18:30`: "с девяти", "до восемнадцати тридцати"
            return _clock_words(time, base, genitive=True)
        # the nominative: the Russian voice reads `9:30` ("девять тридцать"), the Ukrainian one said its colon ("дві
        # крапки"), after a word that makes it a time (`о 9:30`; `масштаб 1:50` is a ratio)
        if base == "ru" or not at_before.search(string[max(0, start - 14) : start]):
            return time
        return _clock_words(time, base, genitive=False)

    def time_with_point(match: re.Match[str]) -> str:
        # `в 10.30`, `Встреча 10.30`: a time (a decimal is written with a comma, and `в 2.50 раза` is one);
        # elsewhere `10.30` is left to the decimals' rules
        start = match.start()
        if (
            not at_before.search(match.string[max(0, start - 14) : start])
            or _TIMES_AFTER.match(match.string, match.end())
            or unit_follows(match.string, start, base)  # `в 12.45 см`: an amount
            or (_MONTH.fullmatch(match["minutes"]) and not at_range_before(match.string, start))
        ):
            return match[0]
        return time_said(f"{match['hours']}:{match['minutes']}", match.string, start)

    def date_said(match: re.Match[str]) -> str:
        try:
            datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            return match[0]  # no day a calendar lacks (`31.02.2024`)
        year = "" if _YEAR_AFTER.match(match.string, match.end()) else f" {words.year}"
        return f"{int(match['day'])} {MONTHS_GENITIVE[base][int(match['month']) - 1]} {match['year']}{year}"

    def prose_said(prose: str) -> str:
        if base == "uk" and "годині" in prose:
            prose = _UKRAINIAN_HOUR.sub(lambda m: f"{m['at']} {_UKRAINIAN_HOURS[m['hour']]}{m['noun']}", prose)
        if "-" in prose:
            prose = _ISO_RANGE_DASH.sub(r"\g<first> \g<dash> ", prose)
            prose = _ISO_DATE.sub(date_said, prose)
        if "." in prose:
            prose = _DOTTED_DATE.sub(date_said, prose)  # before a time's point: `15.03` is no time there
            prose = _ADDRESS.sub(lambda match: f" {words.dot} ".join(match[0].split(".")), prose)
            prose = _WITH_POINT.sub(time_with_point, prose)
        if ":" in prose:
            prose = time_range.sub(range_said, prose)
            prose = _ONE.sub(lambda match: time_said(match["time"], match.string, match.start()), prose)
        return prose

    return outside_formulas_and_addresses(text, prose_said)
