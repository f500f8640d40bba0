"""ISO dates said in the page's own words on pages whose language has no date reading of its own.

English's table read `2024-04-15` on those pages, and its "April 15th, 2024" reached the page's voice. The words
are CLDR's long form of the date (Babel), checked with eSpeak NG's voice of each language here: "15 Nisan 2024",
"2024年4月15日" (the Chinese voice reads 年月日). Where the form's day is a number with an ordinal point (Czech
"15. dubna", Finnish "15. huhtikuuta") or a cardinal where the language says an ordinal (Polish "15 kwietnia"), the
voice said the cardinal ("patnáct dubna"): the day is written as its ordinal word in the case the date asks for.
A date in a file's name or path (`logs/2024-04-15.txt`), a part of a longer code and a day a calendar lacks stay as
written. Babel is imported when such a date is met (a warm build reads no line's rules).
"""

from __future__ import annotations

import datetime
import re

#: the languages whose voices were checked with CLDR's long form (or its day as a word below)
CLDR_DATE_LANGUAGES = frozenset({"zh", "ko", "hi", "ar", "tr", "pl", "cs", "fi", "el", "he", "vi", "id"})

#: `2024-04-15`: a year, a month and a day, glued to words of scripts without spaces too (`2024-04-15发布`); not in a
#: file's path or name (`logs/2024-04-15.txt`, `2024-04-15.log`), a part of a longer code (`backup-2024-04-15`) nor
#: a range's (`2024-03-01–2024-03-31`: its dash was said with English's "to" between the page's words)
_ISO_DATE = re.compile(
    r"(?<![A-Za-z0-9_./\\\-–—])(?<![–—]\s)(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?!\s?[–—]\s?\d|[A-Za-z0-9_/\\\-–—]|[.,]\d|\.[A-Za-z])"
)
#: the day's number at the start of CLDR's form, with its ordinal point (`15. dubna`)
_DAY = re.compile(r"\d+\.?")
#: Czech days in the genitive ("patnáctého dubna"): no library has Czech ordinals
_CZECH_UNITS = ("", "prvního", "druhého", "třetího", "čtvrtého", "pátého", "šestého", "sedmého", "osmého",
                "devátého", "desátého", "jedenáctého", "dvanáctého", "třináctého", "čtrnáctého", "patnáctého",
                "šestnáctého", "sedmnáctého", "osmnáctého", "devatenáctého")  # fmt: skip


def _day_word(day: int, language: str) -> str | None:
    """The day as the language says it in a date, where the voice says its number wrong; else None."""
    if language == "cs":
        if day < 20:
            return _CZECH_UNITS[day]
        tens = "dvacátého" if day < 30 else "třicátého"
        return f"{tens} {_CZECH_UNITS[day % 10]}".strip()
    if language in ("fi", "pl"):
        from num2words import num2words

        ordinal: str = num2words(day, lang=language, to="ordinal")  # "viidestoista", "piętnasty"
        if language == "fi":  # the nominative, as a date is said ("viidestoista huhtikuuta")
            return ordinal
        # the genitive: "piętnastego kwietnia" ("dwudziesty pierwszy" → "dwudziestego pierwszego")
        return " ".join(word[:-1] + "ego" if word.endswith("y") else word + "ego" for word in ordinal.split())
    return None


def _date_words(match: re.Match[str], language: str) -> str:
    """The date `match` in the language's words; as written if a calendar lacks its day (`2024-02-30`)."""
    from babel.dates import format_date

    try:
        date = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return match[0]
    # the language alone: a region's locale may write other digits (`ar-EG`: Arabic-Indic ones)
    said: str = format_date(date, format="long", locale=language)
    day = _day_word(date.day, language)
    return _DAY.sub(day, said, count=1) if day else said


def cldr_dates(text: str, language: str) -> str:
    """`text` with its ISO dates said in `language`'s words (`2024-04-15` → "15 Nisan 2024" on a Turkish page)."""
    if "-" not in text:
        return text
    return _ISO_DATE.sub(lambda match: _date_words(match, language), text)
