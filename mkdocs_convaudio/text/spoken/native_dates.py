"""ISO dates said in the page's own words on pages whose language has no date reading of its own.

English's table read `2024-04-15` on those pages, and its "April 15th, 2024" reached the page's voice. The words
are CLDR's long form of the date ("15 Nisan 2024", "15 Απριλίου 2024"), checked with eSpeak NG's voice of each
language here, and changed where the voice said the form otherwise than a native speaker: Chinese years digit by
digit ("二〇二四年": the voice said "2024年" as "二千二十四年"), Korean June and October as "유월" and "시월" (not
"육월", "십월"), Vietnamese "ngày 15 tháng tư năm 2024", the Greek first of a month "πρώτη", and a day said as an
ordinal where the form's number was said as a cardinal (Czech "15. dubna": "patnáct dubna"), with a Polish year
ordinal too ("dwa tysiące dwudziestego czwartego roku"); Arabic months as the page's region names them ("نيسان" in
the Levant). A range is said with the language's "from" and "to". A date in a file's path (`logs/2024-04-15.txt`),
a part of a longer code and a day a calendar lacks stay as written.

The month names are CLDR's (Babel 2.19's data), kept here rather than read from Babel: the spoken text is the audio
cache's key, so it must not change with the Babel a site has installed (Babel 2.12 wrote Hindi October "अक्तूबर",
2.19 "अक्टूबर"), and Babel installed beside MkDocs translates its themes for a `theme.locale` (a site built with
`--strict` stops where MkDocs has no translation for the locale).
"""

from __future__ import annotations

import datetime
import re

from num2words import num2words

from .ordinals import ISO_DATE_PARTS

#: A date's month names, in the case a date takes (CLDR's format context: "kwietnia", "dubna", "huhtikuuta",
#: "Απριλίου"); the languages whose voices were checked with these forms. Chinese, Korean and Vietnamese say the
#: month's number.
_MONTHS: dict[str, tuple[str, ...]] = {
    "hi": ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"),
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
           "Aralık"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "cs": ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
           "listopadu", "prosince"),
    "fi": ("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
           "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"),
    "el": ("Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου",
           "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"),
    "he": ("ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
}  # fmt: skip

#: Arabic months where a region names them otherwise than CLDR's `ar` (Egypt's and the Gulf's "أبريل"): the Levant's
#: and Iraq's Syriac names ("نيسان"), Algeria's and Tunisia's French ones ("أفريل"), Morocco's
_LEVANT_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
                  "تشرين الثاني", "كانون الأول")  # fmt: skip
_MAGHREB_MONTHS = ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر",
                   "ديسمبر")  # fmt: skip
_ARABIC_REGION_MONTHS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("LB", "SY", "JO", "IQ", "PS"), _LEVANT_MONTHS),
    **dict.fromkeys(("DZ", "TN"), _MAGHREB_MONTHS),
    "MA": ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"),
}

#: the languages whose ISO dates are said here
CLDR_DATE_LANGUAGES = frozenset({"zh", "ko", "vi", *_MONTHS})

#: `2024-04-15`: a year, a month and a day, glued to words of scripts without spaces too (`2024-04-15发布`); not in a
#: file's path (`logs/2024-04-15.txt`) nor a part of a longer code (`backup-2024-04-15`). A file's name
#: (`2024-04-15.log`) is said as every language's rule says it, "15 Nisan 2024.log": English's rule, after this one,
#: said it "April 15th, 2024.log" on these pages
_BEFORE = r"(?<![A-Za-z0-9_./\\\-–—])(?<![–—]\s)"
_AFTER = r"(?![A-Za-z0-9_/\\\-–—]|[.,]\d)"
_ISO_DATE = re.compile(rf"{_BEFORE}{ISO_DATE_PARTS}(?!\s?[–—]\s?\d){_AFTER}")
#: `2024-03-01–2024-03-31`: a range of dates, with the language's words for "from" and "to" (English's "to" was
#: said between them); the Polish and Czech forms are genitives, as "od … do …" asks. Turkish says "between … and …"
#: ("1 Mart'tan", "from", would change the date's ending), Hebrew's "until" has its vowel (the voice said "עד" "ʔd"),
#: and Finnish keeps the dash, a pause (its "from" and "to" are a day's case endings: "ensimmäisestä")
_ISO_RANGE = re.compile(rf"{_BEFORE}{ISO_DATE_PARTS}\s?[–—]\s?{ISO_DATE_PARTS}{_AFTER}")
_RANGES = {"zh": "{}至{}", "ko": "{}부터 {}까지", "vi": "từ {} đến {}", "hi": "{} से {} तक", "ar": "من {} إلى {}",
           "pl": "od {} do {}", "cs": "od {} do {}", "el": "από {} έως {}", "id": "{} sampai {}",
           "tr": "{} ile {} arası", "he": "{} עַד {}", "fi": "{} – {}"}  # fmt: skip
#: Czech days in the genitive ("patnáctého dubna"): no library has Czech ordinals
_CZECH_UNITS = ("", "prvního", "druhého", "třetího", "čtvrtého", "pátého", "šestého", "sedmého", "osmého",
                "devátého", "desátého", "jedenáctého", "dvanáctého", "třináctého", "čtrnáctého", "patnáctého",
                "šestnáctého", "sedmnáctého", "osmnáctého", "devatenáctého")  # fmt: skip
#: Chinese digits for a year said digit by digit, as Chinese says years ("二〇二四年")
_CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
#: Korean months said otherwise than their number's words ("육월" and "십월" are no Korean's)
_KOREAN_MONTHS = {6: "유월", 10: "시월"}


def _polish_genitive(ordinal: str) -> str:
    """A Polish ordinal in the genitive: "dwudziesty pierwszy" → "dwudziestego pierwszego", "drugi" → "drugiego"."""
    return " ".join(word[:-1] + "ego" if word.endswith("y") else word + "ego" for word in ordinal.split())


def _polish_year(year: int) -> str:
    """A year as Polish says it in a date, its last number an ordinal: "dwa tysiące dwudziestego czwartego roku"."""
    hundreds, rest = divmod(year, 100)
    if not rest:  # only 1900 and 2000 reach here: their ordinal is one word
        return ("tysiąc dziewięćsetnego" if year == 1900 else "dwutysięcznego") + " roku"
    ordinal: str = num2words(rest, lang="pl", to="ordinal")
    return f"{num2words(hundreds * 100, lang='pl')} {_polish_genitive(ordinal)} roku"


def _day_word(day: int, language: str) -> str:
    """The day as the page's voice should say it in a date: a word where the voice said its number wrong."""
    if language == "cs":
        if day < 20:
            return _CZECH_UNITS[day]
        tens = "dvacátého" if day < 30 else "třicátého"
        return f"{tens} {_CZECH_UNITS[day % 10]}".strip()
    if language == "fi":  # the nominative, as a date is said ("viidestoista huhtikuuta")
        finnish: str = num2words(day, lang="fi", to="ordinal")
        return finnish
    if language == "pl":  # the genitive ("piętnastego kwietnia")
        return _polish_genitive(num2words(day, lang="pl", to="ordinal"))
    if language == "el" and day == 1:  # the first of a month is an ordinal in Greek, the other days cardinals
        return "πρώτη"
    return str(day)


def _date_words(written: tuple[str, str, str], language: str, region: str) -> str | None:
    """The date `written` (year, month, day) in the language's words (its `region`'s month names, if they differ);
    None if a calendar lacks its day (`2024-02-30`)."""
    try:
        date = datetime.date(*(int(number) for number in written))
    except ValueError:
        return None
    year, month, day = date.year, date.month, date.day
    if language == "zh":
        return f"{str(year).translate(_CHINESE_DIGITS)}年{month}月{day}日"
    if language == "ko":
        return f"{year}년 {_KOREAN_MONTHS.get(month, f'{month}월')} {day}일"
    if language == "vi":  # April is "tháng tư", not "tháng bốn"
        return f"ngày {day} tháng {'tư' if month == 4 else month} năm {year}"
    months = _ARABIC_REGION_MONTHS.get(region, _MONTHS[language]) if language == "ar" else _MONTHS[language]
    name = months[month - 1]
    if language == "he":
        return f"{day} ב{name} {year}"
    if language == "pl":
        return f"{_day_word(day, language)} {name} {_polish_year(year)}"
    return f"{_day_word(day, language)} {name} {year}"


def cldr_dates(text: str, language: str) -> str:
    """`text` with its ISO dates said in the words of `language`, a BCP 47 tag (`2024-04-15` → "15 Nisan 2024" on a
    Turkish page, "15 نيسان 2024" on an `ar-LB` one)."""
    if "-" not in text:
        return text
    base, *subtags = language.replace("_", "-").split("-")
    base = base.lower()
    region = next((tag.upper() for tag in subtags if len(tag) == 2 and tag.isalpha()), "")

    def date_range(match: re.Match[str]) -> str:
        first = _date_words((match[1], match[2], match[3]), base, region)
        last = _date_words((match[4], match[5], match[6]), base, region)
        return _RANGES[base].format(first, last) if first and last else match[0]

    text = _ISO_RANGE.sub(date_range, text)
    return _ISO_DATE.sub(lambda match: _date_words((match[1], match[2], match[3]), base, region) or match[0], text)
