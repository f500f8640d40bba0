"""Written ordinals and dates in words: German `der 2. Platz`, `am 5. Mai`, `27.11.2026`; French `2e`, `1re`, `XXIe`.

eSpeak read them as cardinals ("der zwei Platz", "am fünf Mai", "deux e", "iksgzi"), bug bash 83; review 84 narrowed
each rule to where it cannot be a count, a version or a product."""

from __future__ import annotations

import datetime
import re

from num2words import num2words

from .german import GERMAN
from .rules import Language

_MONTHS_DE = GERMAN.months
#: Words after which a German ordinal takes the weak ending -en (dative and accusative: "am fünften Mai",
#: "den zweiten Platz"); after der/die/das it is -e ("der zweite Platz"), unless that article follows a preposition
#: or a noun ("in der fünften Klasse", "Schüler der zehnten Klasse").
_GERMAN_EN = {"am", "vom", "zum", "beim", "im", "dem", "den", "des", "zur", "einem", "einen"}
_GERMAN_E = {"der", "die", "das"}
_PREPOSITIONS = {"in", "an", "auf", "bei", "mit", "nach", "von", "vor", "zu", "aus", "unter", "über", "seit", "hinter",
                 "neben", "zwischen", "während", "wegen", "trotz", "für", "gegen", "um", "ohne", "durch"}  # fmt: skip
#: Words that open a sentence and are no noun an ordinal can stand before (`bis 3. Dann renn!`, `die 2. Die 3`)
_NOT_AFTER_ORDINAL = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "er", "sie", "es", "wir",
                      "ich", "ihr", "man", "dann", "danach", "vorher", "aber", "und", "oder", "doch", "so", "da",
                      "hier", "dort", "jetzt", "nun", "auch", "also", "denn", "wenn", "als", "im", "am", "in", "auf",
                      "mit", "nach", "bei", "zum", "zur", "von", "vom", "fertig", "bitte", "ja", "nein"}  # fmt: skip
#: Days before a month introduced by these only (`seit 3.10.` is a Python version, `am 3.10.` a date)
_DATE_WORDS = {"am", "vom", "zum", "den", "dem"}
#: A version is near: its dotted numbers are no date (`Version 3.12.2024`)
_VERSION_WORDS = {"version", "versionen", "versión", "versione", "versão", "versie", "v", "release", "python", "node",
                  "java", "php", "ruby", "go", "rust", "django", "npm", "pip", "update", "patch", "build",
                  "kernel", "firmware", "app", "pacote", "paquete", "pacchetto", "paket"}  # fmt: skip
#: `der 2. Platz`, `am 5. Mai`: a number with a point after an article or preposition, before a capitalized word
_GERMAN_ORDINAL = re.compile(
    r"\b(" + "|".join(sorted(_GERMAN_EN | _GERMAN_E, key=len, reverse=True)) + r")\s+(\d{1,3})\.\s+"
    r"(?=((?-i:[A-ZÄÖÜ])[\wäöüß]*))",
    re.IGNORECASE,
)
#: `5. Mai` (a date's day), also `5. und 6. Mai` for the second
_GERMAN_DAY = re.compile(
    r"(?<![\w.])(\d{1,2})\.\s+(?=(?:(?:und|oder|bis)\s+\d{1,2}\.\s+)?(?:" + "|".join(_MONTHS_DE) + r")\b)"
)
#: `27.11.2026`, `am 1.1.`: a numeric date (without its year only after `_DATE_WORDS`)
_GERMAN_DATE = re.compile(r"(?<![\w.,])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)?(?![\w]|[.,]\d)")
#: `2e`, `3ème`, `1re`, `1er`, `2nde`, `XXIe`: French ordinals; not `2e` in a formula (`f(1) = 2e`, `3e + 1`), a
#: file name (`config-2e.yaml`) or `1e-9`; Roman numerals of two letters or more (`Le`, `Ce` are words)
_FRENCH_ORDINAL = re.compile(
    r"(?<![\w.,\-/_])(?<![=+*/]\s)(?<![=+*/])(\d{1,4}|[IVXLC]{2,8})(e|ème|eme|re|ère|er|nd|nde)"
    r"(?![\w'+\-−.]\w|[\w'+\-−])(?!\s*[=+*/^])"
)
_STRICT_ROMAN = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _german_ordinal(number: int, ending: str) -> str:
    """ "zweite" → "zweiten" or "zweiter"; num2words gives the -e form."""
    word = str(num2words(number, lang="de", to="ordinal"))
    return word + ending[1:] if ending != "e" else word


def _words_before(text: str, start: int, count: int = 3) -> list[str]:
    """The `count` words just before `start`, lower-case, nearest first."""
    words = text[:start].split()[-count:]
    return [word.lower().strip("(\"'„«,;:") for word in reversed(words)]


def sentence_end(text: str, end: int) -> str:
    """A full stop that a date or an abbreviation took, given back where it also ended the sentence."""
    rest = text[end:]
    return "." if not rest.strip() or re.match(r"\s+[A-ZÄÖÜ]", rest) else ""


def german_ordinals(text: str) -> str:
    """German ordinals and dates in words, with the ending the words before them ask for."""
    if "." not in text:
        return text
    # the capitalized words of the line that open no sentence (nouns, in German), for "Schüler der 10. Klasse"
    words = text.split()
    capitals = {
        word.lower().strip(".,;:")
        for previous, word in zip([".", *words], words, strict=False)
        if word[:1].isupper() and not previous.endswith((".", "!", "?", ":"))
    }

    def ending_after(words: list[str]) -> str:
        """-en after a preposition or article that takes it (also past `und`/`oder`/`bis`), -e after der/die/das
        as a subject, else -er."""
        for index, word in enumerate(words):
            if word in ("und", "oder", "bis", "–", "-") or re.fullmatch(r"[\d.]+", word):
                continue  # `am 5. und 6. Mai`, `vom 1.3.2024 bis 31.3.2024`
            if word in _GERMAN_EN:
                return "en"
            if word in _GERMAN_E:
                before = words[index + 1] if index + 1 < len(words) else ""
                return "en" if before in _PREPOSITIONS or before in capitals else "e"
            return "er"
        return "er"

    def with_article(match: re.Match[str]) -> str:
        if match[3].lower() in _NOT_AFTER_ORDINAL:
            return match[0]
        words = [match[1].lower(), *_words_before(match.string, match.start(1))]
        return f"{match[1]} {_german_ordinal(int(match[2]), ending_after(words))} "

    def date(match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[2])
        words = _words_before(match.string, match.start())
        if not (1 <= day <= 31 and 1 <= month <= 12) or _VERSION_WORDS.intersection(words[:2]):
            return match[0]
        if not match[3] and (not words or words[0] not in _DATE_WORDS):
            return match[0]
        year = f" {match[3]}" if match[3] else ""
        stop = sentence_end(match.string, match.end()) if not match[3] else ""
        return f"{_german_ordinal(day, ending_after(words))} {_MONTHS_DE[month - 1]}{year}{stop}"

    def day(match: re.Match[str]) -> str:
        return _german_ordinal(int(match[1]), ending_after(_words_before(match.string, match.start()))) + " "

    text = _GERMAN_DATE.sub(date, text)
    text = _GERMAN_ORDINAL.sub(with_article, text)
    return _GERMAN_DAY.sub(day, text)


def _roman(numeral: str) -> int | None:
    if not _STRICT_ROMAN.fullmatch(numeral):
        return None  # `ICe`, `VIXe`: letters, not a number
    values = [_ROMAN[letter] for letter in numeral]
    following = [*values[1:], 0]
    total = sum(-value if value < after else value for value, after in zip(values, following, strict=True))
    return total if total > 0 else None


def french_ordinals(text: str) -> str:
    """French ordinals in words: "deuxième", "première", "seconde", "vingt et unième"."""

    def ordinal(match: re.Match[str]) -> str:
        written, suffix = match[1], match[2]
        number = int(written) if written.isdigit() else _roman(written)
        if number is None or (not written.isdigit() and suffix not in ("e", "ème", "eme", "er", "re")):
            return match[0]
        if number == 1:
            return "première" if suffix in ("re", "ère") else "premier"
        if number == 2 and suffix in ("nd", "nde"):
            return "seconde" if suffix == "nde" else "second"
        if suffix in ("re", "ère", "er", "nd", "nde"):
            return match[0]  # `3re`: not an ordinal this reads
        return str(num2words(number, lang="fr", to="ordinal"))

    return _FRENCH_ORDINAL.sub(ordinal, text)


#: Dutch `1e`, `2de`, `21e`, `1ste` (eSpeak said "eerste ee", "twee de", review 91); not `3e-4`, nor `x = 3e + 1`
_DUTCH_ORDINAL = re.compile(
    r"(?<![\w.,\-/_])(?<![=+*/]\s)(?<![=+*/])(\d{1,4})(e|de|ste)(?![\w'+\-−.]\w|[\w'+\-−])(?!\s*[=+*/^])"
)


#: Words before a month and its year that announce a date (`since 10/2024`), as the day-first dates' `date_words`
_SINCE_WORDS = frozenset(
    {"since", "from", "until", "till", "expires", "expiry", "valid", "seit", "ab", "bis", "gültig", "depuis",
     "jusqu'en", "desde", "hasta", "dal", "dalla", "fino", "entro", "até", "vanaf", "sinds", "tot"}
)  # fmt: skip


def _numbering(word: str) -> bool:
    """Whether the word before a number makes it a number of a law, a file or a ticket (`No`, `Ley`, `L.`, `D.L.`,
    `Az.`, `RDL`, `Decreto-ley`): what follows is no date."""
    bare = word.strip("(\"'„«,;:")
    if not bare:
        return False
    lower = bare.lower()
    if lower in NUMBERING_WORDS or lower.rstrip(".") in NUMBERING_WORDS or lower.split("-")[0] in NUMBERING_WORDS:
        return True
    return (bare[0].isupper() and bare.endswith(".")) or (len(bare) > 1 and bare.isupper() and bare.isalpha())


def dutch_ordinals(text: str) -> str:
    """Dutch ordinals in words: "eerste", "tweede", "eenentwintigste"."""
    return _DUTCH_ORDINAL.sub(lambda match: str(num2words(int(match[1]), lang="nl", to="ordinal")), text)


def swedish_ordinal(number: int) -> str:
    """ "femte", "tjugonde", "fyrtioförsta", "hundrade": num2words' Swedish ordinal, mended where it misspells the
    tens ("tjugode", "förtionde") and a thousand ("etttusende")."""
    word = str(num2words(number, lang="sv", to="ordinal"))
    word = re.sub(r"^ett(?=hundra|tusen)", "", word)  # "hundrade", "tusende", as said
    return word.replace("tjugode", "tjugonde").replace("förtio", "fyrtio").replace("ttt", "tt")


#: Swedish `5:e`, `1:a`, `21:a`, `100:e` (eSpeak NG said "hundra e"); not `x:a` nor a ratio's `3:1`
_SWEDISH_ORDINAL = re.compile(r"(?<![\w.,:])(\d{1,4}):([ae])(?!\w)")
#: `den 5/3`, `t.o.m. 31/12`: a day and a month after "den" or "from/to and with" (elsewhere `5/3` is a fraction)
_SWEDISH_SHORT_DATE = re.compile(
    r"(?<![\w.])((?:[Dd]en|[Ff]r\.o\.m\.|[Tt]\.o\.m\.)\s+)(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)"
)


def _month_names(months: tuple[str, ...]) -> str:
    """The months' names as written or abbreviated (`mars`, `jan.`, `sept.`), for a pattern."""
    return "|".join([*months, *(rf"{month[:3]}\.|{month[:4]}\." for month in months)])


def _day_month(months: tuple[str, ...]) -> re.Pattern[str]:
    """`5 mars`, `5–7 mars`, `1 jan.`: a day (or a range of days) before a month's name, as written or abbreviated."""
    names = _month_names(months)
    return re.compile(rf"(?<![\w.,:/\-])(\d{{1,2}})(?:\s?[–—-]\s?(\d{{1,2}}))?\s+(?=(?:{names})(?![\w]))")


def _first_of_two_days(months: tuple[str, ...]) -> re.Pattern[str]:
    """The first day of two before one month, said with words (`mellan 2 och 5 maj`, `från den 5 till den 7 mars`,
    `den 5 och 7 mars`): its number, after "mellan", "från" or "den" (`kapitel 2 och 5 maj` is a chapter)."""
    names = _month_names(months)
    return re.compile(
        rf"(?<![\w.])((?:[Mm]ellan|[Ff]rån|[Dd]en)\s+(?:den\s+)?)(\d{{1,2}})(?=\s+(?:och|till|eller)\s+(?:den\s+)?"
        rf"(\d{{1,2}})\s+(?:{names})(?!\w))"
    )


#: `5 jul.`: July after a day; elsewhere `jul.` is Christmas at a sentence's end ("God jul.": review 127)
_DAY_JULY = re.compile(r"(?<![\w.,:/\-])(\d{1,2}(?:\s?[–—-]\s?\d{1,2})?)\s+jul\.(?!\w)")


def swedish_ordinals(text: str, lang: Language) -> str:
    """Swedish ordinals and a date's day in words: `5:e` "femte", `den 5 mars` "den femte mars", `den 5/3` "den
    femte mars" (eSpeak NG read the day as a count: "den fem mars")."""
    text = _SWEDISH_ORDINAL.sub(lambda match: swedish_ordinal(int(match[1])), text)
    text = _DAY_JULY.sub(r"\1 juli", text)

    def first_day(match: re.Match[str]) -> str:
        first, last = int(match[2]), int(match[3])
        return f"{match[1]}{swedish_ordinal(first)}" if 1 <= first < last <= 31 else match[0]

    text = _first_of_two_days(lang.months).sub(first_day, text)

    def day(match: re.Match[str]) -> str:
        first, last = int(match[1]), int(match[2]) if match[2] else None
        if not 1 <= first <= 31 or (last is not None and not first < last <= 31):
            return match[0]
        said = swedish_ordinal(first)
        if last is None:
            return f"{said} "
        before = _words_before(match.string, match.start(), 1)
        joiner = lang.word_and if before and before[0] in lang.between_words else lang.word_to  # "mellan … och"
        return f"{said} {joiner} {swedish_ordinal(last)} "

    text = _day_month(lang.months).sub(day, text)

    def short_date(match: re.Match[str]) -> str:
        day, month = int(match[2]), int(match[3])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match[0]
        return f"{match[1]}{swedish_ordinal(day)} {lang.months[month - 1]}"

    return _SWEDISH_SHORT_DATE.sub(short_date, text)


def date_day(day: int, lang: Language) -> str:
    """A date's day as the language says it: "5", "premier" (French `first_day`), "femte" (Swedish)."""
    if lang.ordinal_days:
        return swedish_ordinal(day)
    return lang.first_day if day == 1 and lang.first_day else str(day)


#: `27/11/2026`, `3/4/2025`, `31.12.2025`: day, month and year (not `2024/25`, a season, nor a fraction without a
#: year)
_SLASH_DATE = re.compile(r"(?<![\w./-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\w/-]|[.,]\d)")
#: `05/2024`: a month and its year (eSpeak said "05 sobre 2024"); its two digits tell it from a fraction (`1/2000 s`)
_MONTH_YEAR = re.compile(r"(?<![\w./])(0[1-9]|1[0-2])/((?:19|20)\d\d)(?![\w/]|[.,]\d)")
#: Words before a number that is no date, nor a range of years: a law's or a decree's number in its year (`Ley
#: 3/2018`, `Resolution 12/2019`), a ticket, an invoice, a page (review 90)
NUMBERING_WORDS = frozenset(
    {"ley", "lei", "legge", "loi", "gesetz", "law", "act", "decreto", "décret", "decree", "n°", "nº", "no.", "nr.",
     "núm.", "n.", "#", "resolution", "resolución", "risoluzione", "resolução", "directive", "directiva",
     "direttiva", "diretiva", "richtlinie", "art.", "artículo", "article", "articolo", "artigo", "reglamento",
     "regolamento", "regulamento", "règlement", "regulation", "verordnung", "orgánica", "organica", "ordonnance",
     "arrêté", "circular", "circolare", "circulaire", "portaria", "sentencia", "sentenza", "urteil", "case",
     "dossier", "ticket", "invoice", "rechnung", "factura", "fattura", "fatura", "facture", "room", "page", "pages",
     "p.", "pp.", "s.", "seite", "issue", "pr", "bug", "order", "pedido", "ordine", "commande", "bestellung", "no",
     "l.", "d.l.", "d.lgs.", "dl", "rd", "rdl", "az.", "expediente", "reg.", "epoch", "step", "run", "runs", "batch",
     "iteration", "sample", "test", "tests", "frame", "item", "row", "line", "episode", "job", "build"}
)  # fmt: skip


#: `2024-03-15`: an ISO date (year, month, day), not a file's or a version's part (`backup-2024-03-15`), nor a
#: timestamp's (`2024-03-15T10:00`)
ISO_DATE_PARTS = r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_ISO_DATE = re.compile(rf"(?<![\w./-]){ISO_DATE_PARTS}(?![\w/-]|[.,]\d)")
_ISO_RANGE = re.compile(rf"(?<![\w./-]){ISO_DATE_PARTS}\s?[–—]\s?{ISO_DATE_PARTS}(?![\w/-]|[.,]\d)")


def iso_dates(text: str, lang: Language) -> str:
    """`2024-03-15` as the language says a date (eSpeak said "two thousand twenty four dash zero three dash fifteen",
    bug bash 107): "15 de marzo de 2024" where the day comes first, "March 15th, 2024" in English, and in German
    written `15.3.2024` for its ordinals' rules; a range's dash is the language's "to" (`2024-03-01–2024-03-31`); no
    day a calendar lacks (`2024-02-30`)."""
    if not lang.months or "-" not in text:
        return text

    def said(match: re.Match[str], at: int) -> str | None:
        year, month, day = int(match[at]), int(match[at + 1]), int(match[at + 2])
        try:
            datetime.date(year, month, day)
        except ValueError:
            return None
        if lang.code == "de":
            return f"{day}.{month}.{year}"
        if lang.date_form:  # in words already: a code span's prose has no day-first dates' rule (review 110)
            return lang.date_form.format(d=date_day(day, lang), m=lang.months[month - 1], y=year)
        suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"{lang.months[month - 1]} {day}{suffix}, {year}"

    def date_range(match: re.Match[str]) -> str:
        first, last = said(match, 1), said(match, 4)
        return f"{first} {lang.word_to} {last}" if first and last else match[0]

    text = _ISO_RANGE.sub(date_range, text)
    return _ISO_DATE.sub(lambda match: said(match, 1) or match[0], text)


def slash_dates(text: str, lang: Language) -> str:
    """`27/11/2026` and `27.11.2026` in words where the day comes first: "27 de noviembre de 2026" (eSpeak said
    "veintisiete barra once barra…", bug bash 85; "treinta y uno punto doce punto…", bug bash 89); `05/2024` is
    "mayo de 2024"."""
    if not lang.months or ("/" not in text and "." not in text and "-" not in text):
        return text
    months, form = lang.months, lang.date_form

    def date(match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[3])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match[0]
        words = _words_before(match.string, match.start(), 2)
        if match[2] == "." and not (words and words[0] in lang.date_words):
            return match[0]  # `le firmware 3.5.2023`: with points, a date only after a word of dates ("le", "el")
        raw = match.string[: match.start()].split()[-1:]
        if (raw and _numbering(raw[0])) or _VERSION_WORDS.intersection(words[:1]):
            return match[0]  # `Ley 1/2/2020`, `la versión 1-2-2025`
        return form.format(d=date_day(day, lang), m=months[month - 1], y=match[4])

    if form:
        text = _SLASH_DATE.sub(date, text)
    if lang.month_year and "/" in text:

        def month_year(match: re.Match[str]) -> str:
            raw = match.string[: match.start()].split()[-1:]
            word = raw[0] if raw else ""
            if _numbering(word):
                return match[0]
            if match[1].startswith("1") and word.lower().strip("(\"'„«,;:") not in _SINCE_WORDS | lang.date_words:
                return match[0]  # `10/2011`: a number in its year, or a fraction, unless a date is announced
            return lang.month_year.format(m=months[int(match[1]) - 1], y=match[2])

        text = _MONTH_YEAR.sub(month_year, text)
    return text


#: `1.º puesto`, `2.ª posición`, `3.er intento` (Spanish), `o 2.º lugar` (Portuguese): eSpeak said "uno punto o";
#: Spanish `1er día`, `3er intento` without the point too ("uno er día" was said), only after a 1 or a 3, with the
#: abbreviation's own full stop (`El 1er. lugar`: "primer. lugar" was said, review 211)
_DOTTED_ORDINAL = re.compile(r"(?<![\w.])(\d{1,3})(?:\.(º|ª|er)|(?<=[13])(er)(\.)?)(?!\w)")  # `35º`: degrees
#: Words after `1.º` and `3.º` that are no singular masculine noun: Spanish keeps "primero", "tercero"
_NOT_SHORTENED = {"de", "del", "en", "y", "e", "o", "u", "a", "al", "con", "por", "para", "que", "izquierda",
                  "derecha", "b", "c"}  # fmt: skip


def dotted_ordinals(text: str, language: str) -> str:
    """Spanish and Portuguese ordinals in words, feminine after `ª`; Spanish `primero` and `tercero` shortened
    before a noun and after `.er` ("primer puesto", "tercer intento")."""
    if language not in ("es", "pt") or not ("º" in text or "ª" in text or "er" in text):
        return text

    def ordinal(match: re.Match[str]) -> str:
        number, mark = int(match[1]), match[2] or match[3]
        if mark == "er" and language != "es":
            return match[0]
        try:
            word = str(num2words(number, lang=language, to="ordinal"))
        except (NotImplementedError, ValueError):
            return match[0]
        if not word:
            return match[0]  # num2words has no ordinal for 0
        if language == "es":  # num2words' "décimoprimero" (`11er`, `11.º`) is none of the ways Spanish says it, and
            # it spells the 40th as Portuguese does ("quadragésimo")
            word = word.replace("décimoprimero", "undécimo").replace("décimosegundo", "duodécimo")
            word = word.replace("quadragésim", "cuadragésim")
        if mark == "ª":
            return re.sub(r"o\b", "a", word)
        following = re.match(r"\s+([a-záéíóúñ]+)", match.string[match.end() :])
        before_noun = following is not None and following[1] not in _NOT_SHORTENED and not following[1].endswith("s")
        if language == "es" and (mark == "er" or before_noun):
            word = re.sub(r"\b(prim|terc)ero$", r"\1er", word)
        # `Quedó 1er. Luego`: the abbreviation's full stop also ends the sentence
        return word + (sentence_end(match.string, match.end()) if match[4] else "")

    return _DOTTED_ORDINAL.sub(ordinal, text)
