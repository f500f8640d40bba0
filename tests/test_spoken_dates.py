"""ISO dates on pages whose language has no date reading of its own, said in the page's words (CLDR's, as each
voice says them right): English's "April 15th, 2024" reached their voices (review of stop 43's dates)."""

from __future__ import annotations

import sys

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import reading_seconds, readings

#: A release post's sentence in each language: CLDR's long form where each voice (eSpeak NG) reads it; the day as
#: its ordinal word where the form's number was said as a cardinal ("15. dubna": "patnáct dubna"), a Chinese year
#: digit by digit ("2024年" was "二千二十四年"), Korean June and October as Koreans say them ("6월" was "육월")
DATES = [
    ("我们在 2024-04-15 发布了新版本，2024-05-01起停止支持旧版。", "zh",
     "我们在 二〇二四年4月15日 发布了新版本，二〇二四年5月1日起停止支持旧版。"),
    ("새 버전은 2024-04-15에 출시되었습니다.", "ko", "새 버전은 2024년 4월 15일에 출시되었습니다."),
    ("베타는 2024-06-03에, 정식 버전은 2024-10-01에 나옵니다.", "ko",
     "베타는 2024년 유월 3일에, 정식 버전은 2024년 시월 1일에 나옵니다."),
    ("हमने 2024-04-15 को नया संस्करण जारी किया।", "hi", "हमने 15 अप्रैल 2024 को नया संस्करण जारी किया।"),
    ("أصدرنا النسخة الجديدة في 2024-04-15.", "ar", "أصدرنا النسخة الجديدة في 15 أبريل 2024."),
    # a region's locale writes Arabic-Indic digits, which the voice reads differently: the language's own form
    ("أصدرنا النسخة في 2024-04-15.", "ar-EG", "أصدرنا النسخة في 15 أبريل 2024."),
    # the Levant and Iraq name the months otherwise (Syriac names), Algeria and Tunisia too (French ones)
    ("أصدرنا النسخة في 2024-04-15 و2024-01-02.", "ar-LB", "أصدرنا النسخة في 15 نيسان 2024 و2 كانون الثاني 2024."),
    ("أصدرنا النسخة في 2024-04-15.", "ar-DZ", "أصدرنا النسخة في 15 أفريل 2024."),
    ("Yeni sürümü 2024-04-15 tarihinde yayınladık.", "tr", "Yeni sürümü 15 Nisan 2024 tarihinde yayınladık."),
    ("Nową wersję wydaliśmy 2024-04-15, a poprzednią 2024-03-21.", "pl",
     "Nową wersję wydaliśmy piętnastego kwietnia dwa tysiące dwudziestego czwartego roku, a poprzednią dwudziestego"
     " pierwszego marca dwa tysiące dwudziestego czwartego roku."),
    ("Serwis działa od 2000-01-01, a beta od 1999-12-31.", "pl",
     "Serwis działa od pierwszego stycznia dwutysięcznego roku, a beta od trzydziestego pierwszego grudnia tysiąc"
     " dziewięćset dziewięćdziesiątego dziewiątego roku."),
    ("Novou verzi jsme vydali 2024-04-15, testy začaly 2024-04-01 a skončily 2024-04-21.", "cs",
     "Novou verzi jsme vydali patnáctého dubna 2024, testy začaly prvního dubna 2024 a skončily dvacátého prvního"
     " dubna 2024."),
    ("Julkaisimme uuden version 2024-04-15.", "fi", "Julkaisimme uuden version viidestoista huhtikuuta 2024."),
    ("Κυκλοφορήσαμε τη νέα έκδοση στις 2024-04-15.", "el", "Κυκλοφορήσαμε τη νέα έκδοση στις 15 Απριλίου 2024."),
    ("Η υποστήριξη λήγει την 2024-05-01.", "el", "Η υποστήριξη λήγει την πρώτη Μαΐου 2024."),
    ("שחררנו את הגרסה החדשה ב 2024-04-15.", "he", "שחררנו את הגרסה החדשה ב 15 באפריל 2024."),
    ("Chúng tôi phát hành phiên bản mới vào 2024-04-15.", "vi",
     "Chúng tôi phát hành phiên bản mới vào ngày 15 tháng tư năm 2024."),
    ("Bản cập nhật ra mắt 2024-12-01.", "vi", "Bản cập nhật ra mắt ngày 1 tháng 12 năm 2024."),
    ("Kami merilis versi baru pada 2024-04-15.", "id", "Kami merilis versi baru pada 15 April 2024."),
]  # fmt: skip

#: A date in a file's name or path, a part of a longer code or a timestamp's, a day a calendar lacks and a formula's
#: signs stay as written
DATES_STAY = [
    ("Günlük logs/2024-04-15.txt dosyasında, yedek backup-2024-04-15 adında.", "tr",
     "Günlük logs/2024-04-15.txt dosyasında, yedek backup-2024-04-15 adında."),
    ("Saat 2024-04-15T10:00 idi; 2024-02-30 diye bir gün yok.", "tr",
     "Saat 2024-04-15T10:00 idi; 2024-02-30 diye bir gün yok."),
    ("日志在 logs/2024-04-15.txt 里。", "zh", "日志在 logs/2024-04-15.txt 里。"),
]  # fmt: skip

#: A range of dates with the language's "from" and "to" (English's "to" was said between the page's words), Finnish
#: with a pause (its "from" and "to" are case endings)
RANGES = [
    ("活动时间为 2024-03-01–2024-03-31。", "zh", "活动时间为 二〇二四年3月1日至二〇二四年3月31日。"),
    ("행사는 2024-03-01–2024-03-31 진행됩니다.", "ko", "행사는 2024년 3월 1일부터 2024년 3월 31일까지 진행됩니다."),
    ("Chương trình diễn ra 2024-03-01–2024-03-31.", "vi",
     "Chương trình diễn ra từ ngày 1 tháng 3 năm 2024 đến ngày 31 tháng 3 năm 2024."),
    ("यह ऑफ़र 2024-03-01–2024-03-31 मान्य है।", "hi", "यह ऑफ़र 1 मार्च 2024 से 31 मार्च 2024 तक मान्य है।"),
    ("العرض صالح 2024-03-01–2024-03-31.", "ar", "العرض صالح من 1 مارس 2024 إلى 31 مارس 2024."),
    ("Promocja trwa 2024-03-01–2024-03-31.", "pl",
     "Promocja trwa od pierwszego marca dwa tysiące dwudziestego czwartego roku do trzydziestego pierwszego marca dwa"
     " tysiące dwudziestego czwartego roku."),
    ("Akce platí 2024-03-01–2024-03-31.", "cs", "Akce platí od prvního března 2024 do třicátého prvního března 2024."),
    ("Η προσφορά ισχύει 2024-03-01–2024-03-31.", "el", "Η προσφορά ισχύει από πρώτη Μαρτίου 2024 έως 31 Μαρτίου 2024."),
    ("Promo berlaku 2024-03-01–2024-03-31.", "id", "Promo berlaku 1 Maret 2024 sampai 31 Maret 2024."),
    ("Kampanya 2024-03-01–2024-03-31 geçerlidir.", "tr", "Kampanya 1 Mart 2024 ile 31 Mart 2024 arası geçerlidir."),
    ("המבצע בתוקף 2024-03-01–2024-03-31.", "he", "המבצע בתוקף 1 במרץ 2024 עַד 31 במרץ 2024."),
    ("Tarjous on voimassa 2024-03-01 – 2024-03-31.", "fi",
     "Tarjous on voimassa ensimmäinen maaliskuuta 2024 – kolmaskymmenesensimmäinen maaliskuuta 2024."),
]  # fmt: skip

#: A file's name: said in the page's words, as every language with a date reading says it (English's rule said
#: "April 15th, 2024.log" on these pages)
FILE_NAMES = [
    ("로그는 2024-04-15.log 파일에 있습니다.", "ko", "로그는 2024년 4월 15일.log 파일에 있습니다."),
    ("Günlük 2024-04-15.log dosyasında.", "tr", "Günlük 15 Nisan 2024.log dosyasında."),
]


@readings(DATES)
def test_an_iso_date_is_said_in_the_pages_words(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(DATES_STAY)
def test_a_files_or_a_codes_date_and_a_day_no_calendar_has_stay(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(RANGES)
def test_a_range_of_dates_is_said_with_the_pages_from_and_to(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(FILE_NAMES)
def test_a_file_names_date_is_said_in_the_pages_words_not_englishs(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


def test_a_long_line_of_dates_is_read_in_linear_time() -> None:
    line = "2024-04-15 logs/2024-04-15.txt 2024-02-30 2024-04-15T10:00 backup-2024-04-15 2024-04-15发布 " * 20
    line += "2024-03-01–2024-03-31 2024-03-01 – 2024-02-30 " * 40
    line += "2024-2024-2024-2024 1-1-1-1 " * 100
    for language in ("zh", "cs", "pl", "fi", "tr"):
        assert reading_seconds(line[:5000], language) < 0.5, "a date is looked for again from each digit"


def test_the_words_do_not_depend_on_the_installed_babel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spoken text is the audio cache's key: CLDR's words from the installed Babel changed with its version
    (Hindi October "अक्तूबर" in Babel 2.12, "अक्टूबर" in 2.19), so lines were keyed apart on two machines."""
    monkeypatch.setitem(sys.modules, "babel", None)  # `import babel` raises ImportError
    monkeypatch.setitem(sys.modules, "babel.dates", None)
    assert spoken_text("हमने 2024-10-15 को जारी किया।", "hi") == "हमने 15 अक्टूबर 2024 को जारी किया।"
