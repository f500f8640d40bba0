"""Fractions in words from num2words' ordinals: `1/6 of` is "one sixth of", `3/8 di` "tre ottavi di"."""

from __future__ import annotations

import re
from functools import cache

from num2words import num2words

from .rules import Language

#: How a denominator's ordinal becomes the fraction's noun, in the singular and the plural (a pattern on the ordinal
#: and its replacement); the largest denominator said so (Spanish and Portuguese say elevenths otherwise: "onceavo",
#: "onze avos", where num2words gives "décimo primeiro")
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str], int]] = {
    "en": (("$", ""), ("$", "s"), 12),
    "fr": (("$", ""), ("$", "s"), 12),
    "es": (("$", ""), ("$", "s"), 10),
    "pt": (("$", ""), ("$", "s"), 10),
    "it": (("$", ""), ("o$", "i"), 12),
    "de": (("e$", "el"), ("e$", "el"), 12),  # sechste → Sechstel, siebte → Siebtel
}


def fraction_words(numerator: int, denominator: int, lang: Language) -> str | None:
    """A proper fraction as said in `lang` ("one sixth", "tre ottavi", "un sexto"), or None where it has no words
    for it (a denominator over 12, or a language without a rule here)."""
    if (numerator, denominator) in lang.frac_simple:
        return lang.frac_simple[numerator, denominator]
    rule = _NOUNS.get(lang.code)
    if rule is None or (1, 2) not in lang.frac_simple or not 0 < numerator < denominator:
        return None
    singular, plural, largest = rule
    if not 5 <= denominator <= largest:
        return None
    pattern, ending = singular if numerator == 1 else plural
    noun = re.sub(pattern, ending, str(num2words(denominator, lang=lang.code, to="ordinal")))
    if lang.code == "de":
        noun = noun.capitalize()
    # "one", "un", "um", "ein": as the table's half says it
    count = lang.frac_simple[1, 2].split()[0] if numerator == 1 else str(num2words(numerator, lang=lang.code))
    return f"{count} {noun}"


#: Measures a recipe or a plan halves besides the units' words (`1/2 tasse`, `1/4 taza`, `1/2 Teelöffel`, `1/2 tazza`)
_MEASURES = {
    "fr": ("cuillère", "cuiller", "tasse", "verre", "bol", "pincée", "heure", "journée", "tranche", "gousse",
           "bouteille", "sachet", "boîte",
           # ... and what a recipe halves itself (`1/2 pomme`: "une demi-pomme"; "un demi pomme" was said)
           "pomme", "poire", "orange", "banane", "carotte", "tomate", "courgette", "aubergine", "échalote", "mangue",
           "botte", "cuillerée", "oignon", "citron", "poivron", "avocat", "concombre", "chou", "pamplemousse", "melon",
           "ananas", "bouquet", "pot",
           # ... and a duration's (`2 1/2 ans`: "deux ans et demi"; "2 et un demi ans" was said)
           "an", "année", "jour", "semaine", "mois", "siècle"),
    "it": ("tazza", "tazzina", "bicchiere", "cucchiaio", "cucchiaino", "pizzico", "ora", "giorno", "fetta",
           "bottiglia", "lattina", "bustina", "confezione", "spicchio", "panetto", "mela", "pera", "arancia",
           "cipolla", "carota", "limone", "peperone", "avocado"),
    "es": ("taza", "vaso", "pizca", "cucharada", "cucharadita", "hora", "día", "rebanada", "botella", "lata",
           "sobre"),
    "pt": ("xícara", "chávena", "copo", "pitada", "colher", "hora", "dia", "fatia", "garrafa", "lata"),
    "de": ("Tasse", "Prise", "Glas", "Becher", "Teelöffel", "Esslöffel", "Stunde", "Scheibe", "Flasche", "Dose",
           "Packung", "Tag", *(_GERMAN_PLURALS := ("Tassen", "Prisen", "Gläser", "Scheiben", "Flaschen", "Dosen",
                                                    "Packungen", "Tage"))),
}  # fmt: skip
#: French measures that are feminine (`une demi-heure`), besides those in -seconde, -mole and -calorie
_FRENCH_FEMININE = frozenset(
    {"cuillère", "cuiller", "tasse", "pincée", "heure", "journée", "tranche", "gousse", "bouteille", "boîte", "livre",
     "once", "minute", "partie", "année", "semaine", "pinte", "pomme", "poire", "orange", "banane", "carotte",
     "tomate", "courgette", "aubergine", "échalote", "mangue", "botte", "cuillerée"}
)  # fmt: skip
#: German measures that are neuter (`ein halbes Kilogramm`), besides those in -gramm; and German words in -e that
#: are not feminine
_GERMAN_NEUTER = frozenset({"pfund", "glas", "bit", "byte", "mol", "yard", "quart", "kilo", "joule", "ampere"})
#: A German preposition's case before a half (`mit 1/2 Teelöffel`: "mit einem halben Teelöffel")
_GERMAN_CASES = {
    # `in 1/2 Stunde`: "in einer halben Stunde", a time's dative ("in eine halbe" was said)
    **dict.fromkeys(("mit", "von", "vom", "zu", "aus", "bei", "nach", "seit", "in"), "dative"),
    **dict.fromkeys(("für", "um", "ohne", "durch", "gegen"), "accusative"),
    # ... and a recipe's verbs whose object it is (`Nimm 1/2 TL Salz`: "Nimm einen halben Teelöffel Salz"; "Nimm ein
    # halber" was said), in the imperative or the present, right before it or one adverb before it (`Gib noch 1/2 TL`)
    **dict.fromkeys(("nimm", "nehmt", "gib", "gebt", "füge", "fügt", "brauchst", "braucht", "benötigst", "benötigt",
                     "verwende", "verwendet", "streue", "streut", "rühre", "rührt", "mische", "mischt"), "accusative"),
}  # fmt: skip
#: Adverbs between such a verb and the half (`Gib noch 1/2 TL`, `Nimm etwa 1/2 Tasse`)
_GERMAN_ADVERBS = frozenset({"noch", "etwa", "ungefähr", "circa", "ca", "zusätzlich", "dann", "jetzt", "nun"})
#: Articles before a half, which then has no "ein" or "un" of its own (`die 1/2 Tasse`, `la 1/2 heure`: "die halbe
#: Tasse", "la demi-heure"; "die eine halbe Tasse", "la une demi-heure" were said)
_GERMAN_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
_GERMAN_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_FRENCH_ARTICLES = frozenset({"la", "le", "cette", "ce", "cet", "chaque", "un", "une"})
_GERMAN_HALVES = {
    "nominative": {"m": "ein halber", "f": "eine halbe", "n": "ein halbes"},
    "accusative": {"m": "einen halben", "f": "eine halbe", "n": "ein halbes"},
    "dative": {"m": "einem halben", "f": "einer halben", "n": "einem halben"},
}


def _feminine(noun: str, language: str) -> bool:
    """Whether a measure's word (in the singular) is feminine in French, Spanish or Portuguese."""
    word = noun.lower()
    if language == "fr":
        return word in _FRENCH_FEMININE or word.endswith(("seconde", "mole", "calorie"))
    if language == "es":
        return (word.endswith("a") and word != "día") or word.endswith("ción")
    if language == "it":  # `tazza`, `ora`, `libbra`, `confezione`; `cucchiaio`, `bicchiere`, `chilogrammo` are not
        return word.endswith(("a", "zione")) or word in ("mole", "parte", "unità")
    return (word.endswith("a") and not word.endswith(("grama", "dia"))) or word.endswith(("ção", "dade", "colher"))


def _german_gender(noun: str) -> str:
    word = noun.lower()
    if word in _GERMAN_NEUTER or word.endswith(("gramm", "ampere", "joule")):
        return "n"
    return "f" if word.endswith(("e", "ung")) else "m"


@cache
def _fraction_before_measure(lang: Language) -> re.Pattern[str]:
    """A fraction's words (the table's and `fraction_words`' up to tenths) before a measure's word."""
    fractions = {
        said
        for denominator in range(2, 11)
        for numerator in range(1, denominator)
        if (said := fraction_words(numerator, denominator, lang))
    }
    nouns = set(_MEASURES[lang.code])
    if lang.code == "fr":  # a whole number's half before a plural (`2 1/2 pommes`: "2 pommes et demie")
        nouns |= {f"{noun}s" for noun in _MEASURES["fr"] if not noun.endswith(("s", "x"))}
    for unit in lang.units.values():
        nouns |= {unit.split()[0], lang.singular(unit).split()[0]}
    alternatives = "|".join(re.escape(said) for said in sorted(fractions, key=len, reverse=True))
    measures = "|".join(re.escape(noun) for noun in sorted(nouns, key=len, reverse=True) if noun.isalpha())
    whole = rf"(?<![\w'’.,-])(?P<whole>[1-9]\d{{0,2}}) {re.escape(lang.word_and)} "
    return re.compile(rf"(?:{whole}|(?<![\w'’-]))(?P<fraction>{alternatives}) (?P<noun>(?i:{measures}))(?![\w'’-])")


#: A whole number and a half before a measure, after the measure ("un kilogramme et demi", "dos horas y media")
_AND_A_HALF = {"fr": ("et", "demi", "demie", "un", "une"), "es": ("y", "medio", "media", "un", "una"),
               "pt": ("e", "meio", "meia", "um", "uma"), "it": ("e", "mezzo", "mezza", "un", "una")}  # fmt: skip


def _french_singular(noun: str) -> str | None:
    """A French measure's singular, where `noun` is the plural `_fraction_before_measure` adds (`pommes`)."""
    singular = noun[:-1]
    return singular if noun.endswith("s") and singular.lower() in _MEASURES["fr"] else None


def _whole_and_a_half(whole: str, noun: str, lang: Language) -> str:
    """`whole` and a half before `noun` as a speaker says it: German's in one word ("eineinhalb Kilogramm",
    "zweieinhalb Stunden"), French's, Spanish's and Portuguese's with the half after the measure, in its gender, and
    a 1 in it too ("un kilogramme et demi", "une tasse et demie", "2 horas y media"; "1 et un demi kilogramme" was
    said)."""
    if lang.code == "de":
        return f"{'ein' if whole == '1' else num2words(int(whole), lang='de')}einhalb {noun}"
    and_word, masculine, feminine_half, one, one_feminine = _AND_A_HALF[lang.code]
    singular = _french_singular(noun) if lang.code == "fr" else None
    if lang.code == "fr" and noun.lower() in _MEASURES["fr"]:  # `1 1/2 mois`: "un mois", not "un moi"
        singular = noun
    singular = singular or lang.singular(noun)
    feminine = _feminine(singular, lang.code)
    count = (one_feminine if feminine else one) if whole == "1" else whole
    said = f"{count} {singular if whole == '1' else noun} {and_word} {feminine_half if feminine else masculine}"
    return re.sub(r"\Auna (?=[aeiouàèéìòù])", "un'", said, flags=re.I) if lang.code == "it" else said  # "un'ora"


def fractions_before_measures(text: str, lang: Language) -> str:
    """A fraction of one before a measure said as the measure's gender and case ask (`1/2 cuillère`: "une
    demi-cuillère", `1/2 cucharada` "media cucharada", `1/2 colher` "meia colher", `mit 1/2 Teelöffel` "mit einem
    halben Teelöffel"; "un demi cuillère", "ein halb" were said), and "de" between another fraction and its measure
    in French, Spanish and Portuguese (`3/4 lb`: "trois quarts de livre", "tres cuartos de libra"); a whole number's
    half as `_whole_and_a_half` says it (`1 1/2 kg`: "un kilogramme et demi"), its other fractions as they were."""
    if lang.code not in _MEASURES or (1, 2) not in lang.frac_simple:
        return text
    half = lang.frac_simple[1, 2]

    def said(match: re.Match[str]) -> str:
        before = match.string[max(0, match.start() - 24) : match.start()]
        if re.search(rf"\d {re.escape(lang.word_and)} \Z", before):
            return match[0]
        fraction, noun = match["fraction"], match["noun"]
        if match["whole"]:  # `1 1/2 kg`: "un kilogramme et demi", "eineinhalb Kilogramm"
            return _whole_and_a_half(match["whole"], noun, lang) if fraction == half else match[0]
        if lang.code == "de" and noun in _GERMAN_PLURALS:  # `1 1/2 Tassen` only ("eineinhalb Tassen")
            return match[0]
        if lang.code == "fr" and _french_singular(noun):  # `2 1/2 pommes` only ("2 pommes et demie")
            return match[0]
        if fraction != half:
            if lang.code == "de":
                return match[0]
            if lang.code in ("fr", "it") and re.match(r"[aeiouyhéèêâîôû]", noun, re.I):
                return f"{fraction} d'{noun}"  # "trois quarts d'once", "tre quarti d'ora"
            return f"{fraction} {'di' if lang.code == 'it' else 'de'} {noun}"
        word = re.search(r"(\w+)\s+\Z", before)
        article = word[1].lower() if word else ""
        if lang.code == "de" and article in _GERMAN_ADVERBS:  # `Gib noch 1/2 TL`: the verb's case
            verb = re.search(r"(\w+)\s+\w+\s+\Z", before)
            article = verb[1].lower() if verb and verb[1].lower() in _GERMAN_CASES else article
        if lang.code == "de":
            gender = _german_gender(noun)
            if article in _GERMAN_ARTICLES:  # `die 1/2 Tasse`: "die halbe Tasse", the adjective's weak ending
                weak = article in ("die", "das") or (article == "der" and gender == "m")
                return f"{'halbe' if weak else 'halben'} {noun}"
            if article in _GERMAN_INDEFINITE:  # `eine 1/2 Stunde`: "eine halbe Stunde", its mixed ending
                ending = {"ein": "es" if gender == "n" else "er", "eine": "e"}.get(article, "en")
                return f"halb{ending} {noun}"
            case = _GERMAN_CASES.get(article, "nominative")
            return f"{_GERMAN_HALVES[case][gender]} {noun}"
        feminine = _feminine(noun, lang.code)
        if lang.code == "fr":
            if article in _FRENCH_ARTICLES:  # `la 1/2 heure`: "la demi-heure"
                return f"demi-{noun}"
            return f"{'une' if feminine else 'un'} demi-{noun}"
        if lang.code == "es":
            return f"{'media' if feminine else 'medio'} {noun}"
        if lang.code == "it":  # `1/2 tazza`: "mezza tazza", `1/2 ora` "mezz'ora" ("un mezzo tazza" was said)
            return "mezz'ora" if noun.lower() == "ora" else f"{'mezza' if feminine else 'mezzo'} {noun}"
        return f"{'meia' if feminine else 'meio'} {noun}"

    return _fraction_before_measure(lang).sub(said, text)
