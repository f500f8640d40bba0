"""The German spelling table (`de`): the words a German page reads formulas, symbols, units and abbreviations with."""

from __future__ import annotations

from .formula import ORDER_NAMES
from .rules import GREEK, IID_WRITTEN, Clock, Language

_SYMBOLS = {
    # the Hadamard product, a set's difference, Loewner's order (bug bash ML: they were dropped)
    "⊙": "elementweise mal", "∖": "ohne", "⪰": "folgt oder ist gleich",
    "⪯": "geht voraus oder ist gleich", "≻": "folgt auf", "≺": "geht voraus",
    "=": "gleich", "≠": "ungleich", "≈": "ungefähr gleich", "≃": "ungefähr gleich", "∼": "ähnlich",
    "≅": "kongruent zu", "≡": "äquivalent zu", "<": "kleiner als", ">": "größer als", "≤": "kleiner oder gleich",
    "≥": "größer oder gleich", "≪": "viel kleiner als", "≫": "viel größer als", "±": "plus minus",
    "∓": "minus plus", "×": "mal", "·": "mal", "⋅": "mal", "*": "mal", "÷": "geteilt durch", "→": "nach",
    "↦": "wird abgebildet auf", "←": "von", "⟵": "wird zu",
    "⇒": "daraus folgt", "⇐": "folgt aus", "⇔": "genau dann wenn",
    "↔": "genau dann wenn", "∞": "unendlich", "∑": "die Summe", "∏": "das Produkt", "∫": "das Integral",
    "∮": "das Kurvenintegral", "∂": "partiell", "∇": "Nabla", "∈": "Element", "∉": "nicht Element",
    "⊂": "Teilmenge von", "⊆": "Teilmenge oder gleich", "∪": "vereinigt mit", "∩": "geschnitten mit",
    "∅": "die leere Menge", "∀": "für alle", "∃": "es gibt", "¬": "nicht", "∧": "und", "∨": "oder",
    "∃!": "es gibt genau ein", "⫫": "ist unabhängig von", "⫫̸": "ist nicht unabhängig von",
    # relations struck through (`\not` before one, `≠`'s overlay): they were dropped, or their relation said
    "≮": "nicht kleiner als", "≯": "nicht größer als", "≰": "nicht kleiner oder gleich",
    # supersets, a proof's and a model's turnstiles, membership from the set's side, and their denials
    # (review f-spoken4: `\supset`, `\vdash`, `\models`, `\ni` were dropped; `\not\to` was "not to")
    "⊃": "Obermenge von", "⊇": "Obermenge oder gleich", "⊢": "beweist", "⊨": "erfüllt", "∋": "enthält",
    # ... denied with the operand after a noun or a preposition, not after "nicht" ("beweist nicht phi" is no word
    # order, as "teilt nicht n" is none)
    "⊅": "keine Obermenge von", "⊉": "keine Obermenge oder gleich", "⊬": "liefert keinen Beweis für",
    "⊭": "ist kein Modell von", "∌": "enthält kein Element", "↛": "strebt nicht gegen", "⇎": "ist nicht äquivalent zu",
    "≱": "nicht größer oder gleich", "⊄": "keine Teilmenge von", "⊈": "keine Teilmenge oder gleich",
    "∤": "ist kein Teiler von", "∄": "es gibt kein", "≢": "nicht äquivalent zu", "≁": "nicht ähnlich",
    "≉": "nicht ungefähr gleich", "≄": "nicht ungefähr gleich", "≇": "nicht kongruent zu",
    "∦": "ist nicht parallel zu", "⊥̸": "steht nicht senkrecht auf", "⇏": "impliziert nicht",
    # ... and those without a sign of their own, "not" in the relation's words (`\not\propto`)
    "≪̸": "nicht viel kleiner als", "≫̸": "nicht viel größer als",
    "∝̸": "ist nicht proportional zu", "⊀": "geht nicht voraus", "⊁": "folgt nicht auf",
    "⪯̸": "geht nicht voraus und ist nicht gleich", "⪰̸": "folgt nicht und ist nicht gleich",
    "↦̸": "wird nicht abgebildet auf",
    "⊕": "exklusiv oder", "⊗": "Tensor", "∘": "verknüpft mit", "∝": "ist proportional zu",
    "⊥": "steht senkrecht auf", "∥": "ist parallel zu", "∠": "Winkel", "°": "Grad", "…": "und so weiter",
    "†": "Dagger", "ℓ": "l", "ℏ": "h quer", "′": "Strich", "ℜ": "der Realteil von", "ℑ": "der Imaginärteil von",
    "⋆": "Stern", "%": "Prozent", "&": "und", "⟨": "", "⟩": "", "√": "die Wurzel aus",
    "∛": "die dritte Wurzel aus", "ℝ": "R", "ℕ": "N", "ℤ": "Z", "ℚ": "Q", "ℂ": "C", "+": "plus",
    "−": "minus", "-": "minus", "/": "durch", "!": "Fakultät", "#": "Nummer", "$": "Dollar", "€": "Euro",
    "£": "Pfund",
    "‰": "Promille",
}

_UNITS = {
    "A": "Ampere", "mA": "Milliampere", "µA": "Mikroampere", "μA": "Mikroampere", "nA": "Nanoampere", "V": "Volt",
    "mV": "Millivolt", "kV": "Kilovolt", "µV": "Mikrovolt", "W": "Watt", "mW": "Milliwatt", "kW": "Kilowatt",
    "Hz": "Hertz", "kHz": "Kilohertz", "MHz": "Megahertz", "GHz": "Gigahertz", "Ω": "Ohm", "kΩ": "Kiloohm",
    "MΩ": "Megaohm", "F": "Farad", "µF": "Mikrofarad", "μF": "Mikrofarad", "nF": "Nanofarad", "pF": "Pikofarad",
    "H": "Henry", "mH": "Millihenry", "µH": "Mikrohenry", "s": "Sekunden", "ms": "Millisekunden",
    "µs": "Mikrosekunden", "μs": "Mikrosekunden", "ns": "Nanosekunden", "ps": "Pikosekunden", "dB": "Dezibel",
    "dBm": "d B m", "mAh": "Milliamperestunden", "Wh": "Wattstunden", "kWh": "Kilowattstunden", "B": "Byte",
    "KB": "Kilobyte", "kB": "Kilobyte", "MB": "Megabyte", "GB": "Gigabyte", "TB": "Terabyte", "KiB": "Kibibyte",
    "MiB": "Mebibyte", "GiB": "Gibibyte", "b": "Bit", "kb": "Kilobit", "Mb": "Megabit", "bps": "Bit pro Sekunde",
    "TiB": "Tebibyte", "PB": "Petabyte", "Gb": "Gigabit",
    "Tb": "Terabit", "kbit": "Kilobit", "Mbit": "Megabit", "Gbit": "Gigabit",
    "kbps": "Kilobit pro Sekunde", "Kbps": "Kilobit pro Sekunde", "Mbps": "Megabit pro Sekunde",
    "Gbps": "Gigabit pro Sekunde", "m": "Meter", "mm": "Millimeter", "cm": "Zentimeter", "km": "Kilometer",
    "µm": "Mikrometer", "nm": "Nanometer", "g": "Gramm", "mg": "Milligramm", "kg": "Kilogramm",
    "°C": "Grad Celsius", "°F": "Grad Fahrenheit", "K": "Kelvin", "ppm": "p p m", "h": "Stunden", "min": "Minuten",
    "sec": "Sekunden", "Min": "Minuten", "Sek": "Sekunden", "sek": "Sekunden",  # `5 Min.`, `30 Sek.` (were left)
    "µg": "Mikrogramm", "μg": "Mikrogramm", "mcg": "Mikrogramm", "ng": "Nanogramm", "mL": "Milliliter",
    "ml": "Milliliter", "L": "Liter", "l": "Liter", "dL": "Deziliter", "dl": "Deziliter", "mmol": "Millimol",
    "mol": "Mol", "µmol": "Mikromol", "μmol": "Mikromol", "nmol": "Nanomol", "mEq": "Milliäquivalent",
    "Pa": "Pascal", "hPa": "Hektopascal", "kPa": "Kilopascal", "mmHg": "Millimeter Quecksilbersäule",
    "Sv": "Sievert", "mSv": "Millisievert", "µSv": "Mikrosievert", "μSv": "Mikrosievert", "Bq": "Becquerel",
    "kcal": "Kilokalorien", "kJ": "Kilojoule",
    "N": "Newton", "kN": "Kilonewton", "J": "Joule", "MJ": "Megajoule", "MWh": "Megawattstunden",
    "GWh": "Gigawattstunden", "TWh": "Terawattstunden",
    "lb": "Pfund", "lbs": "Pfund", "oz": "Unzen", "fl oz": "Flüssigunzen", "tsp": "Teelöffel", "tbsp": "Esslöffel",
    "Tbsp": "Esslöffel", "ft": "Fuß", "yd": "Yards", "mph": "Meilen pro Stunde", "gal": "Gallonen", "qt": "Quarts",
}

#: The nouns the table's phrases name with their article ("der Betrag von {}", "die Wurzel aus {}", "das Maximum
#: von {}"), by gender; each phrase fills another's slot after a preposition (`\sqrt{|x|}`), where its article
#: takes that preposition's case: "die Wurzel aus dem Betrag von x", not "aus der Betrag" (bug bash). A masculine
#: noun keeps the word after it in its phrase: "der" after a preposition is also a feminine relative pronoun, and an
#: author's "die Formel, mit der Erwartungswert und Varianz geschätzt werden" is right as written (review 147)
_ORDINALS = ("erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte", "zehnte", "elfte",
             "zwölfte")
_MASCULINE_PHRASES = ("Betrag von", "Rang von", "Kern von", "natürliche Logarithmus von", "Erwartungswert von",
                      "Grenzwert für", "Realteil von", "Imaginärteil von", "Limes")
_FEMININE_PHRASES = ("Wurzel", "Norm", "Größe", "Determinante", "Spur", "Dimension", "lineare Hülle",
                     "Exponentialfunktion", "Diagonalmatrix", "Varianz", "Kovarianz", "Wahrscheinlichkeit",
                     "Projektion", "Summe", "Menge", "leere Menge",
                     # `\sqrt[4]{x}`: "die vierte Wurzel aus x"
                     *(f"{ordinal} Wurzel" for ordinal in _ORDINALS[2:]),
                     # `f^{(n)}(x)`, `f^{(2)}(x)`, `f^{(k+1)}(ξ)`: "die n-te Ableitung von f an der Stelle x"
                     *(f"{ordinal} Ableitung" for ordinal in _ORDINALS),
                     *(f"{index}-te Ableitung" for index in ORDER_NAMES),
                     *(f"{index} {sign} {ordinal} Ableitung" for index in "kn" for sign in ("plus", "minus")
                       for ordinal in _ORDINALS[:2]))
_NEUTER_PHRASES = ("Maximum", "Minimum", "Skalarprodukt", "Produkt", "Integral", "Kurvenintegral")
#: The prepositions of the table's phrases and symbols that take the dative ("von", "aus", "kongruent zu",
#: "vereinigt mit", "nach"), the accusative ("durch", "auf", "über", "gegen", "ohne", "für"), and how "von dem" is said
_DATIVE = {"der": "dem", "die": "der", "das": "dem"}
_DATIVE_PREPOSITIONS = ("von", "aus", "zu", "mit", "nach")
_ACCUSATIVE_PREPOSITIONS = ("durch", "auf", "über", "gegen", "ohne", "für")
_JOINED = {"von dem": "vom", "zu dem": "zum", "zu der": "zur"}
#: A bare sum, product or integral (`\sum |x_i|`, `\int \ln x \, dx`) before a phrase: "die Summe über den Betrag von
#: x Index i", as its limits' words say it ("über"), not "die Summe der Betrag"
_WHOLES = ("die Summe", "das Produkt", "das Integral")


def _inflected(noun: str) -> str:
    """ "natürliche Logarithmus" → "natürlichen Logarithmus", "k plus erste Ableitung" → "k plus ersten Ableitung":
    an adjective after an article, in the dative or the masculine accusative, ends in -en."""
    words = noun.split()
    head = next(index for index, word in enumerate(words) if word[0].isupper())
    adjectives = [f"{word}n" if word.endswith("e") else word for word in words[:head]]
    return " ".join(adjectives + words[head:])


_PHRASES = [(article, noun) for article, nouns in (("der", _MASCULINE_PHRASES), ("die", _FEMININE_PHRASES),
                                                   ("das", _NEUTER_PHRASES)) for noun in nouns]


def _in_case(preposition: str, article: str, noun: str) -> str:
    """ "dem natürlichen Logarithmus" after "von", "der Wurzel" after "aus", "den Betrag" after "durch": a phrase's
    article and noun in the case `preposition` takes (the feminine and the neuter say the accusative as the
    nominative)."""
    if preposition in _DATIVE_PREPOSITIONS:
        return f"{_DATIVE[article]} {_inflected(noun)}"
    if preposition in _ACCUSATIVE_PREPOSITIONS and article == "der":
        return f"den {_inflected(noun)}"
    return f"{article} {noun}"


def _slot_cases() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each preposition's phrases of the table, nominative → its case ("die Größe" → "der Größe" after "von")."""
    return {
        preposition: tuple(
            (f"{article} {noun}", said)
            for article, noun in _PHRASES
            if (said := _in_case(preposition, article, noun)) != f"{article} {noun}"
        )
        for preposition in (*_DATIVE_PREPOSITIONS, *_ACCUSATIVE_PREPOSITIONS)
    }


def _cases() -> tuple[tuple[str, str], ...]:
    """ "aus der Betrag" → "aus dem Betrag", "von die Wurzel" → "von der Wurzel", "durch der Betrag" → "durch den
    Betrag": the nominative of a table's phrase after a preposition, as its case says it (never right as written)."""
    # first, so that a preposition before the sum's own article still finds it: "aus dem Produkt über die Wurzel"
    wholes = []
    for article, noun in _PHRASES:
        accusative = _in_case("über", article, noun)
        wholes += [(f"{whole} {article} {noun}", f"{whole} über {accusative}") for whole in _WHOLES]
    pairs = []
    for article, noun in _PHRASES:
        for preposition in _DATIVE_PREPOSITIONS:
            joined = f"{preposition} {_DATIVE[article]}"
            pairs.append((f"{preposition} {article} {noun}", f"{_JOINED.get(joined, joined)} {_inflected(noun)}"))
        if article == "der":  # the feminine and the neuter say the accusative as the nominative
            pairs += [(f"{prep} der {noun}", f"{prep} {_in_case(prep, article, noun)}")
                      for prep in _ACCUSATIVE_PREPOSITIONS]
    # a sentence that starts with the preposition: "Mit $f^{(2)}(x)$ prüfen wir" was "Mit die zweite Ableitung"
    capitalized = [(f"{pair[0].upper()}{pair[1:]}", f"{said[0].upper()}{said[1:]}") for pair, said in pairs]
    return tuple(wholes + pairs + capitalized)


#: `im Feb. 2019`: the month, before a day or a year only (eSpeak NG said "Feb" and ended the sentence)
_MONTH_ABBREVIATIONS = {
    "Jan.": "Januar", "Feb.": "Februar", "Febr.": "Februar", "Apr.": "April", "Aug.": "August", "Sept.": "September",
    "Sep.": "September", "Okt.": "Oktober", "Nov.": "November", "Dez.": "Dezember",
}

#: Abbreviations that close what they follow (`usw.`, `p.a.`); see `sentence_final`
_SENTENCE_FINAL = frozenset({"usw.", "etc.", "p.a.", "p. a."})
#: The words a German sentence starts with, in lower case: what a capital after `usw.` or `p.a.` must be to end
#: the sentence, where a noun (`Zinsen`, `Festgeld`) or a name goes on. Pronouns (not `Ihnen`, `Ihr`: polite forms
#: a sentence goes on with), articles and determiners, adverbs, conjunctions, prepositions, a few verbs and numbers.
_SENTENCE_OPENERS = frozenset({
    # pronouns, articles and determiners
    "ich", "du", "er", "sie", "es", "wir", "man", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
    "einem", "einer", "dies", "diese", "dieser", "dieses", "diesen", "jene", "jeder", "jede", "jedes", "alle",
    "alles", "viele", "einige", "manche", "beide", "kein", "keine", "nichts", "mein", "meine", "unser", "unsere",
    "dein", "deine", "sein", "seine", "euer", "eure", "wer", "was", "wie", "wo", "wann", "warum", "welche",
    "welcher", "welches",
    # adverbs
    "danach", "dann", "daher", "deshalb", "deswegen", "darum", "damit", "dabei", "dadurch", "dafür", "dagegen",
    "außerdem", "zudem", "auch", "also", "so", "nun", "jetzt", "heute", "morgen", "gestern", "hier", "dort", "da",
    "später", "zuerst", "zunächst", "schließlich", "insgesamt", "allerdings", "leider", "natürlich", "vielleicht",
    "bitte", "trotzdem", "jedoch", "immerhin", "übrigens", "sonst", "oft", "manchmal", "immer", "nie", "noch",
    "schon", "bereits", "erst", "nur", "ja", "nein", "danke",
    # conjunctions and prepositions
    "und", "aber", "oder", "doch", "denn", "sondern", "wenn", "weil", "als", "ob", "dass", "obwohl", "während",
    "nachdem", "bevor", "seit", "mit", "in", "im", "am", "an", "auf", "für", "bei", "beim", "nach", "vor", "von",
    "vom", "zu", "zum", "zur", "unter", "über", "ohne", "durch", "gegen", "um", "aus", "ab", "bis",
    # verbs a sentence or a question starts with
    "ist", "sind", "war", "waren", "hat", "haben", "hatte", "wird", "werden", "wurde", "kann", "können", "muss",
    "müssen", "soll", "sollte", "gibt", "gab", "siehe",
    # number words
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "hundert", "tausend",
})  # fmt: skip
#: Finite verbs in the singular, after a capital that is then a sentence's subject (`usw. Peter kam`, `usw. Salz ist`):
#: a name or a noun with its own verb, where a plural's (`usw. Zutaten kaufen wir`) goes on as an object
_SINGULAR_VERBS = frozenset({
    "ist", "war", "hat", "hatte", "wird", "wurde", "kann", "konnte", "muss", "musste", "will", "wollte", "soll",
    "sollte", "darf", "durfte", "mag", "mochte", "kam", "kommt", "ging", "geht", "sagte", "sagt", "gibt", "gab",
    "bleibt", "blieb", "macht", "machte", "sieht", "sah", "steht", "stand", "liegt", "lag", "findet", "fand", "meint",
    "meinte", "weiß", "wusste", "arbeitet", "arbeitete", "wohnt", "wohnte", "lebt", "lebte", "fährt", "fuhr", "läuft",
    "lief", "bringt", "brachte", "nimmt", "nahm", "denkt", "dachte", "schreibt", "schrieb", "hilft", "half", "ruft",
    "rief", "bekommt", "bekam", "braucht", "brauchte", "heißt", "hieß", "kostet", "kostete",
})  # fmt: skip

GERMAN = Language(
    code="de",
    symbols=_SYMBOLS,
    functions={
        "det": "die Determinante von {}", "tr": "die Spur von {}", "trace": "die Spur von {}",
        "rank": "der Rang von {}", "dim": "die Dimension von {}", "ker": "der Kern von {}",
        "span": "die lineare Hülle von {}", "exp": "die Exponentialfunktion von {}",
        "ln": "der natürliche Logarithmus von {}", "log": "Logarithmus von {}", "sin": "Sinus von {}",
        "cos": "Kosinus von {}", "tan": "Tangens von {}", "max": "das Maximum von {}", "min": "das Minimum von {}",
        "diag": "die Diagonalmatrix von {}", "var": "die Varianz von {}", "cov": "die Kovarianz von {}",
        "Pr": "die Wahrscheinlichkeit von {}",
        "E": "der Erwartungswert von {}",
    },
    plain_functions={
        "sin": "Sinus", "cos": "Kosinus", "tan": "Tangens", "ln": "natürlicher Logarithmus", "lim": "der Limes",
        "det": "det", "proj": "proj", "max": "max", "min": "min", "tr": "Spur", "sgn": "Signum", "gcd": "g g T",
        "lcm": "k g V", "Pr": "Wahrscheinlichkeit", "var": "Varianz", "cov": "Kovarianz", "arg": "Argument",
        "mod": "modulo",
    },
    abbreviations={
        "zw.": "zwischen", "mind.": "mindestens", "ggü.": "gegenüber", "Vj.": "Vorjahr", "rd.": "rund",
        "Hj.": "Halbjahr", "p. a.": "pro Jahr", "p.a.": "pro Jahr", "y/y": "gegenüber Vorjahr",
        "J/J": "gegenüber Vorjahr", "i.i.d.": "i i d", "iid": "i i d", "IID": "i i d",
        "z. B.": "zum Beispiel", "z.B.": "zum Beispiel", "d. h.": "das heißt", "d.h.": "das heißt",
        "u. a.": "unter anderem", "u.a.": "unter anderem", "usw.": "und so weiter", "bzw.": "beziehungsweise",
        "ca.": "circa", "vgl.": "vergleiche", "ggf.": "gegebenenfalls", "inkl.": "inklusive", "evtl.": "eventuell",
        "Nr.": "Nummer", "Abb.": "Abbildung", "Gl.": "Gleichung", "e.g.": "zum Beispiel", "i.e.": "das heißt",
        "vs.": "gegen", "vs": "gegen", "etc.": "et cetera",
        "et al.": "und andere", "I/O": "I O", "N/A": "nicht verfügbar",
        "24/7": "rund um die Uhr", "50/50": "fifty-fifty", "A/B-Test": "A B Test", "A/B test": "A B Test",
        "bspw.": "beispielsweise", "z. T.": "zum Teil", "z.T.": "zum Teil", "i. d. R.": "in der Regel",
        "i.d.R.": "in der Regel", "u. U.": "unter Umständen", "u.U.": "unter Umständen", "v. a.": "vor allem",
        "v.a.": "vor allem", "Mio.": "Millionen", "Mrd.": "Milliarden", "Tsd.": "Tausend", "MwSt.": "Mehrwertsteuer",
        "zzgl.": "zuzüglich", "s. o.": "siehe oben", "s. u.": "siehe unten", "Std.": "Stunden", "Kap.": "Kapitel",
        "S.": "Seite", "max.": "maximal", "Hr.": "Herr", "E/A": "E A", "bzgl.": "bezüglich", "min.": "mindestens",
        "Min.": "Mindestens",  # a sentence's first word (`Min. 4 GPUs`)
        **_MONTH_ABBREVIATIONS,
    },
    units=_UNITS,
    squared="Quadrat",
    cubed="hoch drei",
    inverse="invers",
    transpose="transponiert",
    power_ordinal="hoch {}",
    power="hoch {}",
    power_letter="hoch {}",
    sub="{} Index {}",
    over="durch",
    frac_simple={(1, 2): "ein halb", (1, 3): "ein Drittel", (2, 3): "zwei Drittel", (1, 4): "ein Viertel",
                 (3, 4): "drei Viertel"},
    fraction_of=frozenset({"der", "des", "von", "vom"}),
    sqrt="die Wurzel aus {}",
    cbrt="die dritte Wurzel aus {}",
    root="die {} Wurzel aus {}",
    norm="die Norm von {}",
    interval="des Intervalls von {} bis {}",  # "x Element des Intervalls von a bis b"
    floor="{} abgerundet",
    ceiling="{} aufgerundet",
    abs="der Betrag von {}",
    size="die Größe von {}",
    of="{} von {}",
    projection="die Projektion von {} auf {}",
    log_base="Logarithmus zur Basis {} von {}",
    word_or="oder",
    word_and="und",
    number_sign="Nummer",
    code_symbols={"~": "Tilde", "*": "Stern", "^": "Zirkumflex", "|": "Paip", "$": "Dollar",
                  "\\": "Backslash", "/": "Slash", "...": "Punkt Punkt Punkt", "..": "Punkt Punkt", ".": "Punkt",
                  "=>": "Pfeil",
                  "->": "Pfeil", ":=": "Doppelpunkt gleich", "?.": "Fragezeichen Punkt",
                  "??": "doppeltes Fragezeichen", "<<": "doppeltes Kleiner", ">>": "doppeltes Größer",
                  "!": "nicht",
                  "<<=": "doppeltes Kleiner gleich", ">>=": "doppeltes Größer gleich", ">>>": "dreifaches Größer",
                  "===": "dreifaches Gleich", "!==": "nicht doppeltes Gleich"},
    colon_clock=Clock(
        cues="um|gegen|ab|bis|seit|vor|nach",
        starts="von|zwischen",
        joiners="bis|und",
        minutes="{h} Uhr {m}",
        whole="{h} Uhr",
        after="Uhr",
        dotted_cues="um|gegen",
    ),
    between_words=frozenset({"zwischen", "Zwischen"}),
    # the verbs a result follows, and the adverbs and prepositions before one: `≈` there is "etwa" ("springt auf ≈
    # 4,6" was "auf ungefähr gleich 4,6", bug bash 165); the other signs have no verb to leave out
    verbs=frozenset({"ist", "war", "sind", "waren", "bleibt", "blieb", "wird", "wurde", "werden", "liegt", "lag",
                     "liegen", "beträgt", "betrug", "kostet", "kostete", "dauert", "dauerte", "braucht", "brauchte",
                     "erhalten", "erhält", "erhielten", "erreicht", "erreichen", "erreichte", "bekommen", "bekommt",
                     "ergibt", "ergeben", "liefert", "springt", "sprang", "sinkt", "sank", "fällt", "fiel", "steigt",
                     "stieg", "hat", "haben", "hatte", "jetzt", "nun", "immer", "noch", "bereits", "schon", "nur",
                     "meist", "oft", "mit", "von", "bei", "auf", "um", "zu", "nach", "bis", "ab", "benötigt",
                     "benötigen", "nutzt", "verwendet", "verwenden", "erfordert", "erfordern"}),
    copulas=frozenset({"ist", "war", "sind", "waren", "bleibt", "blieb", "wird", "wurde", "werden", "jetzt", "nun",
                       "immer", "noch", "bereits", "schon", "nur", "meist", "oft"}),
    bounds={"≤": "höchstens", "<=": "höchstens", "≥": "mindestens", ">=": "mindestens", "<": "weniger als",
            ">": "mehr als"},
    copula_bounds=frozenset({"≤", "<=", "≥", ">="}),
    follows="folgt",
    follows_not="folgt nicht",
    word_to="bis",
    by="mal",
    dot="Punkt",
    about="etwa",
    per="pro",
    minus="minus",
    times="mal",
    prime="Strich",
    label="{}:",
    limits="{} von {} bis {} über",
    limits_under="{} über {} von",
    limit="der Grenzwert für {} gegen {} von",
    binomial="{0} über {1}",
    given="gegeben",
    accents={"vec": "Vektor {}", "hat": "{} Dach", "bar": "{} quer", "tilde": "{} Tilde", "dot": "{} Punkt",
             "ddot": "{} zwei Punkt"},
    multipliers={"m": "Millionen", "mn": "Millionen", "k": "tausend", "K": "tausend", "thousand": "tausend",
                 "M": "Millionen", "million": "Millionen",
                 "B": "Milliarden", "bn": "Milliarden", "billion": "Milliarden",
                 "trillion": "Billionen", "T": "tausend", "Tsd": "tausend", "tn": "Billionen",
                 "Mio": "Millionen", "Mrd": "Milliarden", "Bio.": "Billionen",
                 # written in full: `$1 Milliarde` ("ein Dollar Milliarde" was said); German `Billion` is 10¹²
                 "Million": "Millionen", "Milliarde": "Milliarden", "Billion": "Billionen"},
    decimal_comma=True,
    greek={**GREEK, "μ": "Mü", "µ": "Mü", "ν": "Ny", "υ": "Ypsilon", "Γ": "großes Gamma", "Δ": "großes Delta",
           "Θ": "großes Theta", "Λ": "großes Lambda",
           "Ξ": "großes Xi", "Π": "großes Pi", "Σ": "großes Sigma", "Φ": "großes Phi", "Ψ": "großes Psi",
           "Ω": "großes Omega"},
    per_words=frozenset({"sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr"}),
    conjunctions=frozenset({"und", "oder"}),
    quantity_names=frozenset({"Anzahl", "Gesamtzahl", "Summe", "Länge", "Größe", "Breite", "Höhe", "Index", "Limit",
                              "max", "min", "Kapazität", "Budget", "Preis", "Kosten", "total"}),
    short_words=frozenset({"es", "er", "im", "zu", "um", "am", "da", "wo", "ob", "ab", "du", "ja", "je", "na", "ist",
                           "sind", "der", "die", "das", "den", "dem", "ein", "mit", "für", "von", "bei", "auf",
                           "aus", "als", "wie", "und", "oder", "nur", "gilt"}),
    singular_units={"Basispunkte": "Basispunkt", "Unzen": "Unze", "Flüssigunzen": "Flüssigunze", "Meilen": "Meile",
                    "Gallonen": "Gallone",
                    "Prozentpunkte": "Prozentpunkt", "Kilokalorien": "Kilokalorie",
                    "Sekunden": "Sekunde", "Millisekunden": "Millisekunde",
                    "Mikrosekunden": "Mikrosekunde",
                    "Nanosekunden": "Nanosekunde", "Pikosekunden": "Pikosekunde", "Stunden": "Stunde",
                    "Minuten": "Minute", "Milliamperestunden": "Milliamperestunde", "Wattstunden": "Wattstunde",
                    "Kilowattstunden": "Kilowattstunde", "Megawattstunden": "Megawattstunde",
                    "Gigawattstunden": "Gigawattstunde", "Terawattstunden": "Terawattstunde"},
    singular_after_one=True,
    quantity="Klammer auf {} Klammer zu",
    quantity_power="Klammer auf {} Klammer zu {}",
    inner="das Skalarprodukt von {} und {}",
    set_builder="die Menge aller {} mit {}",
    set_member="aus",
    set_list="die Menge {}",
    one="ein",
    one_feminine="eine",
    one_dative=("einem", "einer"),
    one_accusative="einen",
    # a price, a distance or a saving is an accusative object ("kostet einen Euro", "für einen Dollar")
    accusative_words=frozenset({"für", "durch", "gegen", "ohne", "um", "auf", "über", "kostet", "kosten", "kostete",
                                "kosteten",
                                "zahlt", "zahlen", "zahlte", "spart", "sparen", "sparte", "verdient", "verdienen",
                                "bekommt", "bekommen", "erhält", "braucht", "brauchen", "benötigt", "beträgt",
                                "betragen", "läuft", "laufen", "fährt", "fahren", "misst", "messen"}),
    masculine=frozenset({"Basispunkt", "Prozentpunkt", "US-Dollar", "Franken", "Yen", "Euro", "Dollar", "Real", "Cent",
                         "Kilometer", "Meter", "Zentimeter",
                         "Millimeter", "Mikrometer",
                         "Nanometer",
                         # a recipe's spoons (`für 1 EL Öl`: "für ein Esslöffel" was said; review r-tech)
                         "Teelöffel", "Esslöffel"}),
    # a time or a place after these is in the dative ("in einer Stunde", "vor einer Minute")
    dative_words=frozenset({"mit", "nach", "von", "vor", "bei", "seit", "aus", "zu", "in", "an", "unter",
                            "hinter", "neben", "zwischen", "gegenüber", "ab", "binnen", "innerhalb", "außerhalb"}),
    articles=frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des",
                        "jeder", "jede", "jedes", "jeden", "jedem", "dieser", "diese", "dieses", "diesen", "diesem",
                        "kein", "keine", "keinen", "keinem", "keiner", "mein", "meine", "dein", "deine", "sein",
                        "seine", "ihr", "ihre", "unser", "unsere", "euer", "eure"}),
    feminine=frozenset({"Unze", "Flüssigunze", "Meile", "Gallone",
                        "Sekunde", "Millisekunde", "Mikrosekunde", "Nanosekunde", "Pikosekunde", "Minute", "Stunde",
                        "Kilowattstunde", "Megawattstunde", "Gigawattstunde",
                        "Terawattstunde", "Wattstunde", "Milliamperestunde", "Million", "Milliarde", "Billion"}),
    # `min. 4 GPUs` is "mindestens"; `der min. Abstand` (minimal) no "der mindestens Abstand"; `5 Min.` minutes
    before_numbers=frozenset({"Nr.", "Abb.", "Gl.", "S.", "Kap.", "min.", "Min.", *_MONTH_ABBREVIATIONS}),
    not_after_numbers=frozenset({"min.", "Min."}),
    acronym_plural="spelled",
    multipliers_one={"m": "Million", "mn": "Million", "M": "Million", "million": "Million", "B": "Milliarde",
                     "bn": "Milliarde", "Mio": "Million",
                     "Mrd": "Milliarde", "Bio.": "Billion",
                     "billion": "Milliarde", "trillion": "Billion", "tn": "Billion", "Million": "Million",
                     "Milliarde": "Milliarde", "Billion": "Billion"},
    bare_thousand=True,
    address_words=("Punkt", "Port"),
    clock_hours=(frozenset({"um", "ab", "gegen", "bis"}), "{} Uhr"),  # `9 h bis 18 h`; not "von" (`eine Pause von 3 h`)
    weekdays=(("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
              ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"), "bis"),
    tends_to="gegen",
    indicator="die Indikatorfunktion von {}",
    out_of="{} von {}",
    rating_words=frozenset({"gebe", "gibt", "gab", "geben", "gegeben", "bewerte", "bewertet", "bewerten",
                            "bewertete", "Bewertung", "Punktzahl"}),
    rating_fillers=frozenset({"ihm", "ihr", "ihnen", "es", "sie", "ich", "wir", "eine", "einen", "ein", "glatte",
                              "solide", "gute", "mit", "nur", "etwa", "locker", "der", "dem", "die", "das", "von",
                              "war", "ist", "volle"}),
    convergence={"d": "konvergiert in Verteilung gegen", "p": "konvergiert stochastisch gegen",
                 "a.s.": "konvergiert fast sicher gegen"},
    tends_to_after={"setze": "auf", "setzen": "auf", "setzt": "auf"},
    # `usw. Danach`: "und so weiter. Danach"; not `z. B. Kunden`, which goes on with a noun. German writes its nouns
    # with a capital, so each of them is also a counter: `3 % p.a. Zinsen`, `Zucker usw. Zutaten kaufen wir` go on
    # (review 211: "pro Jahr. Zinsen"); only a sentence's first word (`Danach`, `Die`, `Wir`) ends the sentence
    sentence_final=_SENTENCE_FINAL,
    counters=_SENTENCE_FINAL,
    sentence_openers=_SENTENCE_OPENERS,
    opener_verbs=_SINGULAR_VERBS,
    per_count={"k": "pro tausend", "M": "pro Million", "B": "pro Milliarde"},
    factor_compound="fach",
    factor_compound_nouns=(
        "Replikation|Redundanz|Vergrößerung|Zoom|Beschleunigung|Speedup|Kopie|Sicherung|Backup|Überabtastung"
        "|Oversampling|Spiegelung|Verstärkung|Komprimierung|Kompression"
    ),
    more_than="mehr als",
    factor_one=("einmal", "einmal"),
    times_more=("schneller|langsamer|besser|schlechter|mehr|weniger|größer|kleiner|so|höher|niedriger", "mal"),
    ratio="zu",
    points={"bp": "Basispunkte", "Bp.": "Basispunkte", "BP": "Basispunkte", "bps": "Basispunkte",
            "pp": "Prozentpunkte", "Pp.": "Prozentpunkte", "PP": "Prozentpunkte"},
    currency_signs={"USD": "US-Dollar", "EUR": "Euro", "GBP": "Pfund", "CHF": "Franken", "JPY": "Yen", "US$": "Dollar",
                    "R$": "Real", "BRL": "Real"},
    cent_words={"Euro": "Cent", "Dollar": "Cent", "US-Dollar": "Cent", "Franken": "Rappen"},
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
            "Dezember"),
    month_year="{m} {y}",
    # `1,3 Mrd`, `5 Mio Nutzer` without their full stop (with it, an abbreviation): after a number only ("MRD-positiv")
    # `1,4 Bio. Tokens` (bug bash 165); `Bio.` alone is organic, not said "Billionen"
    counted_words={"Mrd": ("Milliarde", "Milliarden", "eine"), "Mio": ("Million", "Millionen", "eine"),
                   "Bio.": ("Billion", "Billionen", "eine")},
    dose_units={"IE": "Internationale Einheiten", "IU": "Internationale Einheiten"},
    blood_pressure="zu",
    blood_pressure_words="[a-zäöü]*blutdruck[a-zäöü]*",
    definite={"⪰": "ist positiv semidefinit", "⪯": "ist negativ semidefinit",
              "≻": "ist positiv definit", "≺": "ist negativ definit"},
    superscript="oben {}",
    derivative="die {order} Ableitung von {function} an der Stelle {argument}",
    derivative_index="{}-te",
    asymptotic={"Θ": "Groß-Theta", "Ω": "Groß-Omega"},
    exact_case=frozenset({"mind.", "min.", "Min.", "rd.", "zw."}) | IID_WRITTEN,
    # `die Norm ‖x‖` says its noun once ("die Norm die Norm von x", bug bash 165)
    contractions=(*_cases(), ("Norm die Norm von", "Norm von")),
    slot_cases=_slot_cases(),
    applied_names=frozenset({"ln"}),
)
