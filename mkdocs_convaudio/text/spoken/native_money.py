"""The rouble's, rupee's, hryvnia's... signs said in the page's own words where no table reads its language.

English's words ("62 roubles") were said on these pages (bug bash h-scripts): eSpeak NG's Russian voice switched to
English for the one word, its Japanese voice spelled it letter by letter ("R O U B L E S"), its Hebrew voice had said
"shkalim" for `₪` itself, and a neural voice reads `₽62` on a Russian page as "шестьдесят два рубля" (review
r-scripts). A sign a language has no words for here keeps English's. So with the dollar's, euro's and pound's signs
(`$17` was "17 dollars" in an English accent, and "D O L L A R S" in Japanese): a `$` only directly before a number,
outside formulas (`$x + 5$`, `$2 + 3$` as `math_spans` finds them), as LaTeX writes `$` too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..math_spans import CJK, MATH_SPAN

#: A currency's or a unit's words: (one, few, many, a fraction's), as Russian and Ukrainian agree a noun with its number
#: (`1 рубль`, `2 рубля`, `5 рублей`, `2,5 рубля`); the other languages have one word, or one and many
Forms = tuple[str, str, str, str]


def one_word(word: str) -> Forms:
    """A word said alike after any number (`5 евро`, `50 بالمائة`)."""
    return (word, word, word, word)


_RUSSIAN: dict[str, Forms] = {
    "₽": ("рубль", "рубля", "рублей", "рубля"),
    "₹": ("рупия", "рупии", "рупий", "рупии"),
    "₴": ("гривна", "гривны", "гривен", "гривны"),
    "₩": ("вона", "воны", "вон", "воны"),
    "₪": ("шекель", "шекеля", "шекелей", "шекеля"),
    "₱": one_word("песо"),
    "₦": ("найра", "найры", "найр", "найры"),
    "฿": ("бат", "бата", "батов", "бата"),
    "¥": ("иена", "иены", "иен", "иены"),  # a yen on a Japanese trip (eSpeak NG said no word for it either)
    "$": ("доллар", "доллара", "долларов", "доллара"),
    "€": one_word("евро"),
    "£": ("фунт", "фунта", "фунтов", "фунта"),
}
_UKRAINIAN: dict[str, Forms] = {
    "₽": ("рубль", "рублі", "рублів", "рубля"),
    "₹": ("рупія", "рупії", "рупій", "рупії"),
    "₴": ("гривня", "гривні", "гривень", "гривні"),
    "₩": ("вона", "вони", "вон", "вони"),
    "₪": ("шекель", "шекелі", "шекелів", "шекеля"),
    "₱": one_word("песо"),
    "₦": ("найра", "найри", "найр", "найри"),
    "฿": ("бат", "бати", "батів", "бата"),
    "¥": ("ієна", "ієни", "ієн", "ієни"),  # not `єн`, which eSpeak NG spells
    "$": ("долар", "долари", "доларів", "долара"),
    "€": one_word("євро"),
    "£": ("фунт", "фунти", "фунтів", "фунта"),
}
_JAPANESE = {
    sign: one_word(word)
    for sign, word in {
        "₽": "ルーブル", "₹": "ルピー", "₴": "フリヴニャ", "₩": "ウォン", "₪": "シェケル", "₱": "ペソ", "₦": "ナイラ",
        "฿": "バーツ", "¥": "エン",  # not 円, a kanji eSpeak NG's voice leaves out
        "$": "ドル", "€": "ユーロ", "£": "ポンド",
    }.items()
}  # fmt: skip
_CHINESE = {
    sign: one_word(word)
    for sign, word in {
        "₽": "卢布", "₹": "卢比", "₴": "格里夫纳", "₩": "韩元", "₪": "谢克尔", "₱": "比索", "₦": "奈拉", "฿": "泰铢",
        "$": "美元", "€": "欧元", "£": "英镑",
    }.items()
}  # fmt: skip

#: A language's words for the signs, and how it says a range (`от 1500 до 2000 рублей`, `1500から2000ルーブル`)
_WORDS: dict[str, tuple[dict[str, Forms], str, str, str]] = {
    # words, before a range, between its ends, between the amount and the word
    "ru": (_RUSSIAN, "от ", " до ", " "),
    "uk": (_UKRAINIAN, "від ", " до ", " "),
    "ja": (_JAPANESE, "", "から", ""),
    "zh": (_CHINESE, "", "到", ""),
    "hi": (
        {"₹": ("रुपया", "रुपये", "रुपये", "रुपये"), "$": one_word("डॉलर"), "€": one_word("यूरो"), "£": one_word("पाउंड")},
        "",
        " से ",
        " ",
    ),
    # not the dollar's, euro's or pound's: eSpeak NG's Hebrew voice reads such words without vowels ("jvrv")
    "he": ({"₪": ("שקל", "שקלים", "שקלים", "שקלים")}, "", " עד ", " "),
}
#: A currency's hundredths in a language's words, where it has them (`$17.50` → "17 долларов 50 центов", `$0.99` →
#: "99 центов": "17.50 доллара" was said "семнадцать точка пятьдесят", and English's words had said "99 cents");
#: another sign's cents are read as before, as a decimal, and so are Chinese's ("一点四五美元", as a price is said;
#: eSpeak NG's Japanese voice dropped the point: "17.50ドル" was "seventeen five zero dollars")
_CENTS: dict[str, dict[str, Forms]] = {
    "ru": {
        "$": ("цент", "цента", "центов", "цента"),
        "€": ("цент", "цента", "центов", "цента"),
        "£": ("пенс", "пенса", "пенсов", "пенса"),
        "₽": ("копейка", "копейки", "копеек", "копейки"),
        "₴": ("копейка", "копейки", "копеек", "копейки"),
    },
    "uk": {
        "$": ("цент", "центи", "центів", "цента"),
        "€": ("цент", "центи", "центів", "цента"),
        "£": ("пенс", "пенси", "пенсів", "пенса"),
        "₴": ("копійка", "копійки", "копійок", "копійки"),
        "₽": ("копійка", "копійки", "копійок", "копійки"),
    },
    "ja": {"$": one_word("セント"), "€": one_word("セント"), "£": one_word("ペンス")},
    "hi": {
        "$": one_word("सेंट"),
        "€": one_word("सेंट"),
        "£": one_word("पेंस"),
        "₹": ("पैसा", "पैसे", "पैसे", "पैसे"),
    },
}
#: A price's whole amount and its two digits of cents (`17.50`, `0,99`), as `_one_number` leaves it
_WITH_CENTS = re.compile(r"(\d+)[.,](\d\d)")
#: ... and its tens of cents (`$17.5`, `2,5 ₴`) where eSpeak NG's voice drops a decimal's separator: "17.5ドル" was
#: "jūshichi go doru", "2,5 гривні" "два п'ять гривні", seventeen and two five; "17ドル50セント", "2 гривні 50 копійок";
#: and in Russian, as a price is said (`$1.5` is "1 доллар 50 центов", not `native_decimals`' "1 целая 5 десятых")
_WITH_TENTHS = re.compile(r"(\d+)[.,](\d)")
_TENTHS_AS_CENTS = frozenset({"ja", "uk", "ru"})


def _price(amount: str, code: str) -> tuple[str, str] | None:
    """The whole amount and the cents of a price with cents, `17.50` → ("17", "50"); None for another amount."""
    if price := _WITH_CENTS.fullmatch(amount):
        return price[1], price[2]
    if code in _TENTHS_AS_CENTS and (price := _WITH_TENTHS.fullmatch(amount)):
        return price[1], price[2] + "0"
    return None


#: The signs (not `¥` in Chinese, where it is the yuan's sign too); `$` before an amount only (`_SIGN_FIRST`)
_SIGNS = "₽₹₴₩₪₱₦฿¥€£"
#: an amount, its thousands grouped by spaces or not (`300 000`: Japanese and Chinese have no rule joining them), in
#: lakhs (`1,65,000`, as India writes it), or by commas (`$1,500`, as English writes it: a price's cents are two
#: digits, and eSpeak NG's Russian and Ukrainian voices read "1,500" as "one and five hundred thousandths")
_AMOUNT = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:[.,]\d+)?"
#: a word for the amount's size, after which the currency's is many (`1 млн рублей`, `5万ウォン`)
_SIZE = r"(?P<size>\s?(?:(?:тыс|тис)\.?(?!\w)|(?:млн|млрд|трлн)(?!\w)|[万億亿]))?"
#: `₽62`, `₽1500-₽2000`, `₽1 млн`, `花₹450` (Chinese and Japanese write no space before it), `$17` (no space: `$ x`
#: is a formula's more likely); not `US$`-like prefixes
_SIGN_FIRST = re.compile(
    rf"(?:(?<![\w$€£/])|(?<=[{CJK}]))(?P<sign>[{_SIGNS}$])(?:(?<!\$)\s)?(?P<first>{_AMOUNT})"
    rf"(?:\s?[-–—]\s?(?P=sign)?\s?(?P<last>{_AMOUNT}))?{_SIZE}(?![\d.,]?\d)"
    # nor before a letter of another script (`$5M`, `$5k`, `$5-10M` were "5 долларовM": English's "5 million
    # dollars", as before), Chinese's and Japanese's excepted (`$17です`)
    rf"(?!(?=[^\W\d_])[^{CJK}])(?!\s?[-–—]\s?(?P=sign)?\s?\d)"
)
#: `62 ₽`, `1500–2000 ₽`, `1 млн ₽` (as Russia writes a price), `5 $` and `5$` (as it writes a dollar's too: "около 5
#: dollars" was said); not a rate of two signs (`100 ₽/€`), nor a `$` before a word, a digit or another `$` (a
#: formula's, `5$x$`, which the line's formulas leave to this rule only unpaired)
_SIGN_AFTER = re.compile(
    rf"(?<![\d.,])(?P<first>{_AMOUNT})(?:\s?[-–—]\s?(?P<last>{_AMOUNT}))?{_SIZE}\s?(?P<sign>[{_SIGNS}$])"
    rf"(?!/[{_SIGNS}$€£]|(?=[^\W_])[^{CJK}]|(?<=\$)\$)"
)
#: A slash between two amounts with their signs before them (`$5/$10`, `₽100/₽200`)
_AMOUNTS_SLASHED = re.compile(rf"(?<=\d)/(?=[{_SIGNS}$]\d)")
#: Signs whose rate (`$5/month`, `5 €/мес`) keeps English's "5 dollars per month": "5 долларов/месяц" said "slash"
_PER = "$€£"
#: A rate's period in Russian and Ukrainian words (`₽100/мес`, `$5/мес`: "100 рублей/мес" said "слэш мес", and
#: "5 dollars per мес"); a period of another language's words keeps its reading (`$5/month`: English's)
_PERIODS = {
    "ru": {"мес": "в месяц", "месяц": "в месяц", "год": "в год", "день": "в день", "сут": "в сутки", "час": "в час",
           "ч": "в час", "нед": "в неделю", "мин": "в минуту"},
    "uk": {"міс": "на місяць", "місяць": "на місяць", "рік": "на рік", "день": "на день", "добу": "на добу",
           "год": "на годину", "тиж": "на тиждень", "хв": "на хвилину"},
    # said before the amount, as Japanese says a price per a period (`$5/月`: "つき5ドル", "5 dollars per 月" was
    # said), in kana: eSpeak NG's Japanese voice leaves out a kanji's
    "ja": {"月": "つき", "年": "ねん", "日": "いちにち", "週": "しゅう", "時間": "いちじかん"},
}  # fmt: skip
#: Languages that say a rate's period before its amount
_PERIOD_FIRST = frozenset({"ja"})
#: The currency after "за" in an exchange rate (`100 ₽/€`: "100 рублей за евро"; "100 ₽/ euros" was said): its
#: accusative, which a feminine noun has of its own (`за гривну`)
_PER_CURRENCY = {
    "ru": {"$": "доллар", "€": "евро", "£": "фунт", "₽": "рубль", "₴": "гривну", "¥": "иену"},
    "uk": {"$": "долар", "€": "євро", "£": "фунт", "₽": "рубль", "₴": "гривню"},
}
#: Kanji (Chinese characters), which CJK's kana are not
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: An amount and its sign before a rate's `/`: `₽100/мес`, `5 ₽/мес`, `100 ₽/€`; not a range's end (`₽100-₽200/мес`,
#: `100–200 ₽/мес` were "от 100 до 200 рублей рублей в месяц", "100 to 200 рублей в месяц": `_range_rate`)
_RATE = re.compile(
    rf"(?:(?:(?<![\w$€£/\-–—])|(?<=[{CJK}]))(?<![-–—]\s)(?P<sign_first>[{_SIGNS}$])(?:(?<!\$)\s)?(?P<first>{_AMOUNT}){_SIZE}"
    rf"|(?<![\d.,\-–—])(?<![-–—]\s)(?P<amount>{_AMOUNT})(?P<size_after>\s?(?:(?:тыс|тис)\.?|млн|млрд|трлн))?\s?"
    rf"(?P<sign_after>[{_SIGNS}$]))"
    # Japanese's period first: a word runs on after it with no space (`$5/月です`), but not into another kanji, whose
    # word it is (`/月曜日`, a Monday; `/年間`, `/月額`, `/日本`: "ねん5ドル間", "いちにち5ドル本" were said)
    rf"/(?P<per>(?:月|年|日|週|時間)(?![/\d{_KANJI}])|(?:[^\W\d_]+|[{_SIGNS}$])(?![\w/]))"
)


@lru_cache(maxsize=4)
def _range_rate(code: str) -> re.Pattern[str]:
    """A range's currency word, as `native_money` says it, before a rate's period: `от 100 до 200 рублей/мес`."""
    words = {forms[2] for forms in _WORDS[code][0].values()}
    alternatives = ["|".join(re.escape(word) for word in sorted(names, key=len, reverse=True)) for names in
                    (words, _PERIODS[code])]  # fmt: skip
    return re.compile(rf"(?<!\w)({alternatives[0]})/({alternatives[1]})(?![\w/])")


#: A rate's period after a price's `/` (`/мес`, `/month`)
_PERIOD_AFTER = re.compile(r"/([^\W\d_]+)(?![\w/])")


def _foreign_rate(match: re.Match[str], periods: dict[str, str]) -> bool:
    """Whether a price is a rate per a period of no word here (`$5-$10/month`: English's "5 to 10 dollars per month",
    as before), not per one of the page's (`$5-$10/мес`, a range `_RATE` leaves, "от 5 до 10 долларов в месяц":
    "5 to 10 dollars/мес" was said)."""
    if not match.string.startswith("/", match.end()):
        return False
    period = _PERIOD_AFTER.match(match.string, match.end())
    return period is None or period[1] not in periods


_COMMA_GROUPS = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)")


def _one_number(amount: str) -> str:
    """`30 000` → `30000`, `1,65,000` → `165000`, `1,500` → `1500`: the voice read the groups apart ("тридцать ноль
    ноль ноль"); `5.00` → `5`, whole (English's words said "5 dollars", "5.00 доллара" was "five point zero zero")."""
    amount = re.sub(r"[ \u00a0\u202f]", "", amount)
    return _COMMA_GROUPS.sub(lambda match: match[0].replace(",", ""), amount).removesuffix(".00").removesuffix(",00")


def currency_forms(sign: str, language: str) -> Forms | None:
    """A currency's words after a number in `language` (`₽`: "рубль", "рубля", "рублей"), None where it has none."""
    words = _WORDS.get(language)
    return None if words is None else words[0].get(sign)


def agreeing_form(amount: str, forms: Forms, *, many: bool = False) -> str:
    """The word after `amount` (a currency's, a unit's): Russian's and Ukrainian's one, few or many by its last
    digits, a fraction's after a decimal; many after a range or a size (`от 1 до 2 рублей`, `1 млн рублей`)."""
    if many:
        return forms[2]
    if not amount.isdigit():
        return forms[3]
    number = int(amount[-2:])  # its last two digits: a number of 4,300 digits was an error to convert whole
    if number % 10 == 1 and number % 100 != 11:
        return forms[0]
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return forms[1]
    return forms[2]


def _genitive(amount: str, forms: Forms) -> str:
    """The word after `amount` after "от", "до", "від" (`от 1 доллара`, `до 7 долларов`): Russian's and Ukrainian's
    genitive, singular after a last 1 (their fraction's form) and plural (their many form) otherwise."""
    number = int(amount[-2:])
    return forms[3] if number % 10 == 1 and number % 100 != 11 else forms[2]


def _with_cents(
    whole: str, hundredths: str, forms: Forms, cent_forms: Forms, space: str, *, genitive: bool = False
) -> str:
    """ "17 долларов 50 центов", "17ドル50セント"; "99 центов" without a whole amount, "17 долларов" without cents;
    in the genitive a range's ends are ("от 1 доллара 50 центов")."""
    cents = str(int(hundredths))

    def form(amount: str, words: Forms) -> str:
        return _genitive(amount, words) if genitive else agreeing_form(amount, words, many=False)

    said_cents = f"{cents}{space}{form(cents, cent_forms)}"
    said_whole = f"{whole}{space}{form(whole, forms)}"
    if cents == "0":
        return said_whole
    # not `int(whole)`: a number of over 4,300 digits is an error to convert
    return said_cents if not whole.strip("0") else f"{said_whole}{space}{said_cents}"


def price_with_cents(amount: str, sign: str, language: str) -> str | None:
    """An amount with a decimal comma and one or two places before a currency's word, as a price is said and as after
    its sign (`1 500,50 руб.`: "1500 рублей 50 копеек", not "1500 целых 50 сотых рубля"; `2,5 руб.` as `2,5 ₽`); None
    for another amount or a language without cents."""
    entry, cents = _WORDS.get(language), _CENTS.get(language, {}).get(sign)
    price = re.fullmatch(r"(\d+),(\d\d?)", amount)
    if entry is None or cents is None or price is None or sign not in entry[0]:
        return None
    return _with_cents(price[1], price[2].ljust(2, "0"), entry[0][sign], cents, entry[3])


def native_money(text: str, language: str) -> str:
    """`text` with its rouble, rupee... signs said in `language`'s words, where this module has them (`₽62` → "62
    рубля", `₹450` → "450 रुपये", `₽1500-₽2000` → "от 1500 до 2000 рублей"); other signs and languages as written."""
    code = language.split("-")[0].lower()
    entry = _WORDS.get(code)
    if entry is None or not any(sign in text for sign in f"{_SIGNS}$"):
        return text
    words, range_start, range_joiner, space = entry
    if "/" in text:  # `$5/$10`, two amounts, no rate: read as `$5 / $10` is ("5 dollars/ dollars 10" was said)
        text = _AMOUNTS_SLASHED.sub(" / ", text)
    periods = _PERIODS.get(code, {})
    per_currency = _PER_CURRENCY.get(code, {})

    def said(match: re.Match[str]) -> str:
        if match["sign"] not in words or (match["sign"] in _PER and _foreign_rate(match, periods)):
            return match[0]  # English's words, as before
        forms, size = words[match["sign"]], match["size"] or ""
        first, last = _one_number(match["first"]), match["last"] and _one_number(match["last"])
        if last is None:
            cents = _CENTS.get(code, {}).get(match["sign"])
            if not size and cents and (price := _price(first, code)):
                return _with_cents(*price, forms, cents, space)
            return f"{first}{size}{space}{agreeing_form(first, forms, many=bool(size))}"
        # `от ₽1500-₽2000`: its "от" is written
        before = match.string[max(0, match.start() - 8) : match.start()]
        start = "" if range_start and re.search(rf"(?<!\w){range_start.strip()}\s*$", before, re.I) else range_start
        cents = _CENTS.get(code, {}).get(match["sign"])
        prices = [_price(end, code) or ((end, "00") if end.isdigit() else None) for end in (first, last)]
        if not size and cents and None not in prices and (_price(first, code) or _price(last, code)):
            # `$5.50–$7.50`, `$5–$7.50`: "от 5 долларов 50 центов до 7 долларов 50 центов", "от 5 долларов до..."
            # ("5.50から7.50ドル": eSpeak NG's Japanese and Ukrainian voices dropped the points)
            ends = [_with_cents(*price, forms, cents, space, genitive=True) for price in prices if price is not None]
            return f"{start}{ends[0]}{range_joiner}{ends[1]}"
        return f"{start}{first}{range_joiner}{last}{size}{space}{agreeing_form(last, forms, many=True)}"

    def rate_said(match: re.Match[str]) -> str:
        """ "100 рублей в месяц", "100 рублей за евро"; another rate as written (`$5/month`, `100 ₽/₩`)."""
        per = periods.get(match["per"]) or (f"за {per_currency[match['per']]}" if match["per"] in per_currency else "")
        sign = match["sign_first"] or match["sign_after"]
        if not per or sign not in words:
            return match[0]
        amount = _one_number(match["first"] or match["amount"])
        size = match["size"] or match["size_after"] or ""
        cents = _CENTS.get(code, {}).get(sign)
        if not size and cents and (price := _price(amount, code)):
            said = _with_cents(*price, words[sign], cents, space)
        else:
            said = f"{amount}{size}{space}{agreeing_form(amount, words[sign], many=bool(size))}"
        return f"{per}{said}" if code in _PERIOD_FIRST else f"{said} {per}"

    def signs_said(prose: str) -> str:
        if periods and "/" in prose:
            prose = _RATE.sub(rate_said, prose)
        prose = _SIGN_AFTER.sub(said, _SIGN_FIRST.sub(said, prose))
        if periods and "/" in prose:  # a range's rate: "от 100 до 200 рублей в месяц"
            prose = _range_rate(code).sub(lambda match: f"{match[1]} {periods[match[2]]}", prose)
        return prose

    if "$" not in text:
        return signs_said(text)
    parts: list[str] = []
    end = 0
    for formula in MATH_SPAN.finditer(text):  # `$2 + 3$` is a formula, not "2 долларов + 3$"
        parts += [signs_said(text[end : formula.start()]), formula[0]]
        end = formula.end()
    return "".join([*parts, signs_said(text[end:])])
