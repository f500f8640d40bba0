"""Prose rules: abbreviations, numbers with units, ranges, slashes, list labels, and formulas written inline."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from functools import cache, lru_cache

from ..math_spans import CJK
from .acronyms import plural_acronyms
from .chemistry import chemical_formulas
from .clock import colon_times, h_times, race_times
from .decimals import decimal_points
from .devnotation import developer_notation
from .everyday import days_before_times, everyday_notation
from .formula import STRUCK, SUBSCRIPTS, SUPERSCRIPTS, parse_formula
from .fraction_words import fraction_words, fractions_before_measures
from .labels import after_label
from .latex import known_macro, parse_latex
from .native_units import MAIL_ADDRESS, scales_joined
from .ordinals import (
    NUMBERING_WORDS,
    dotted_ordinals,
    dutch_ordinals,
    french_ordinals,
    german_ordinals,
    iso_dates,
    sentence_end,
    slash_dates,
    swedish_ordinals,
)
from .reading import SUBSCRIPT_WORDS, read_formula
from .rules import FUNCTION_NAMES, GREEK, Language

_SCRIPT_CHARS = re.escape("".join(SUPERSCRIPTS) + "".join(SUBSCRIPTS))
#: Signs that make a word a formula; the relations struck through among them (`⫫̸` is `⫫` and the overlay, U+0338:
#: the overlay alone is none, a letter with it is a name, `a̸b` was "b")
_MATH_SYMBOLS = re.escape(
    "^′″√∛∑∏∫∂∇≠≈≃±∓×÷→⇒⇔↦≤≥≪≫∞∈∉∀∃‖·⋅⊥∝≡⊂⊆∪∩∘⊗⊕⌊⌋⌈⌉⟵⊙∖⪰⪯≻≺" + "".join(sorted(set("".join(STRUCK)) - {"\u0338"}))
)
_FUNCTIONS = "|".join(sorted(FUNCTION_NAMES, key=len, reverse=True))
#: What makes a word a formula: scripts, math symbols, `a_ij`, `||u||`, `det(A)`, `x=2`.
_MATHY = re.compile(
    rf"[{_SCRIPT_CHARS}{_MATH_SYMBOLS}]|\|\||^\|[^|\s]+\|"
    r"|(?<![A-Za-z0-9])[A-Za-z]_[A-Za-z0-9({]"
    rf"|(?<![A-Za-z])(?:{_FUNCTIONS})[_(]"
    r"|^[A-Za-z]['′]*\([^)]*\)$"
    r"|^[A-Za-z]\([^()\s]*\)(?:/?[A-Za-z]\([^()\s]*\))+$"  # `P(B|A)P(A)/P(B)`: applications multiplied, divided
    r"|[A-Za-z0-9)]=[-−A-Za-z0-9(]"
    r"|[A-Za-z0-9)][+*][A-Za-z0-9(]"
)
_GREEK = re.compile(f"[{''.join(GREEK)}]")
#: Letters a formula's reader has no words for, which it dropped (bug bash h-scripts): they are parted from a formula
#: glued to them and kept (`結果はE=mc²です` was "E equals m c squared", `50 м²` "50 squared", `кВт·ч`, kilowatt hours,
#: "times"); a middle dot between two of them goes (the voice reads `кВт ч`)
_UNREAD_LETTERS = re.compile(f"[{CJK}\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\uac00-\ud7af]+")
_LATEX_MACRO = re.compile(r"\\[A-Za-z]+")
#: A Windows path's start in code (`C:\tmp\log`, `.\build.ps1`, `\\server\share`): its names are no LaTeX
#: commands. A drive's first name is the group: a known command there is a formula's name and its colon
#: (`f:\mathbb{R}\to\mathbb{R}`, `x:\alpha`; review r-last)
_WINDOWS_PATH = re.compile(r"(?:[A-Za-z]:\\(?P<first>[A-Za-z]*))|\.{1,2}\\|\\\\\w")


def _known_macros(word: str, *, code: bool) -> bool:
    r"""Whether a word holds a LaTeX command this reader knows (`\alpha`, `\frac{a}{b}`, `\E[X]`); in code not a
    command of one letter with no bracket or script after it, a regex's escape (`\E`, the end of `\Q…\E`: "E" was
    said)."""
    for match in _LATEX_MACRO.finditer(word):
        if known_macro(match[0][1:]) and not (
            code and len(match[0]) == 2 and word[match.end() : match.end() + 1] not in _ARGUMENT_OPENERS
        ):
            return True
    return False


#: What opens a one-letter command's argument or script (`\E[X]`, `\P(A)`, `\E_x`)
_ARGUMENT_OPENERS = ("[", "(", "{", "_", "^")
#: A string literal's quotes in code, around its escapes
_QUOTES = "\"'"
#: An escape of one letter in a string literal before the letters after it (`"a\tb"`: "a backslash tb" was said);
#: not a letter after an escaped backslash (`"dir\\name"` is a backslash and "name", no `\n`)
_GLUED_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*\\[abefnrtv0])(?=[A-Za-z])")


def _escapes(literal: str) -> str:
    r"""A string literal's text with each escape of one letter spaced from the letters after it (`a\tb` → `a\t b`),
    said "a backslash t b"; a Windows path in quotes (`"C:\tmp"`) keeps its names whole."""
    return literal if _windows_path(literal) else _GLUED_ESCAPE.sub(r"\1 ", literal)


def _windows_path(word: str) -> bool:
    """Whether a code span's word opens like a Windows path (a drive whose first name is no LaTeX command)."""
    start = _WINDOWS_PATH.match(word)
    return start is not None and not (start["first"] and known_macro(start["first"]))


_OPERATORS = {
    "=",
    "+",
    "×",
    "*",
    "→",
    "->",
    "=>",
    "⇒",
    "≠",
    "!=",
    "≈",
    "±",
    "<",
    ">",
    "<=",
    ">=",
    "≤",
    "≥",
    "÷",
    "·",
    "⇔",
    "<=>",
    "≡",
    "∝",
}
_ASCII_OPERATORS = {"->": "→", "=>": "⇒", "!=": "≠", "<=": "≤", ">=": "≥", "<=>": "⇔"}
_CONJUNCTIONS = {"and", "or", "et", "ou"}
#: A parenthesis that opens a formula (`^(`, `_(`, `√(`, `max(0,`), not a remark `(for example`.
_OPEN_FORMULA = re.compile(r"[\^_√\w]\(")
#: Words never taken for a product of names next to an operator (`Ax = b` is "A x", `is = ` is a word).
_SHORT_WORDS = {
    "a",
    "i",
    "an",
    "as",
    "at",
    "be",
    "by",
    "do",
    "go",
    "he",
    "if",
    "in",
    "is",
    "it",
    "me",
    "my",
    "no",
    "of",
    "on",
    "or",
    "so",
    "to",
    "up",
    "us",
    "we",
    "the",
    "and",
    "for",
    "but",
    "not",
    "you",
    "are",
    "was",
    "can",
    "has",
    "its",
    "our",
    "one",
    "two",
    "all",
    "any",
    "new",
    "now",
    "old",
    "see",
    "use",
    "way",
    "who",
    "why",
    "how",
    "est",
    "et",
    "le",
    "la",
    "les",
    "un",
    "une",
    "de",
    "du",
    "des",
    "ou",
    "où",
    "si",
    "ce",
    "ne",
    "en",
    "y",
    "à",
}
#: Short names next to an operator that are products of variables: `x`, `2x`, `xy`, `3A`, `AP`, `Ax`; not a name
#: such as `Ed` or `Al` (a capital and a lowercase letter that is no usual variable).
_PRODUCT = re.compile(r"\d*[a-z]{1,2}|\d+[A-Za-z]{1,2}|[A-Z]{1,2}|[A-Z][xyzuvwbctnkij]")
#: a name with its prime written as an apostrophe (`y'`, `x''`), next to an operator
_PRIMED = re.compile(r"([A-Za-z]'{1,2})([,.;:]?)")
_MINUS_NEIGHBOUR = re.compile(r"^[\w²³⁻¹ᵀ′()^_.]{1,8}$")
#: `x_train`, `log_level`, `max_length`: names in code, not subscripts (a part of three or more letters that is no
#: subscript word such as `in`, `out`, `max`; `a_ij`, `V_out`, `log_2` stay formulas).
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")
#: A lowercase letter and two after `_` (`d_ff`), a name in a model's config ("d sub f f" was said), unless both are
#: indices (`a_ij`, `s_xy`, `x_kl`, `p_ab`: "a sub i j"; `p_ab` was "p a b")
_SHORT_NAME = re.compile(r"[a-z]_[a-z]{2}")
_INDEX_LETTERS = frozenset("abcijklmnstxyz")
#: What follows a slash to make it "per": `$5/month`, `requests/second`.
_PER_WORDS = {
    "second",
    "sec",
    "s",
    "minute",
    "min",
    "hour",
    "hr",
    "h",
    "day",
    "week",
    "wk",
    "month",
    "year",
    "mo",
    "yr",
    "night",
    "seconde",
    "heure",
    "jour",
    "nuit",
    "semaine",
    "mois",
    "an",
    "année",
}
#: English periods written short, and their words after "per" ("8 hours per year", not "per yr")
_PERIOD_WORDS = {"sec": "second", "min": "minute", "hr": "hour", "h": "hour", "wk": "week", "mo": "month", "yr": "year"}
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)([^/\s?#]+)\S*", re.I)
#: The listener's own machine (`localhost:8080`): its address's path is said too (an IP address is read before)
_LOCAL_HOST = re.compile(r"(?:localhost|\[::1\])(?::\d+)?$", re.I)
#: A web address beside Chinese or Japanese with no space (`例：https://example.org/gps`, `再用https://a.org上的`):
#: it was no word of its own, so it was spelled out letter by letter ("h t t p s colon slash slash e x a…")
_ADDRESS_BESIDE_CJK = re.compile(
    rf"(?<=[{CJK}])(?:[a-z][a-z0-9+.-]*://|www\.)[!-~]+|(?:[a-z][a-z0-9+.-]*://|www\.)[!-~]+(?=[{CJK}])", re.I
)
_URL_OR_AND = re.compile(r"(?<![\w.])(?:[a-z][a-z0-9+.-]*://|www\.)\S*|(?<=\w)&(?=\w)|(?<=\s)&(?=\s)", re.I)
_LEAD = "\"'«“‘(["
_TRAIL = ".,;:!?\"'»”’)]"


#: A number's power written after it (`10⁸`, `10⁻³⁴`, `10^-3`, `10^{12}`)
_POWER_OF_A_NUMBER = r"⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?=\s)|\^\{?[-−]?\d{1,3}\}?"


@lru_cache(maxsize=8)
def _unit_pattern(lang: Language) -> tuple[re.Pattern[str], dict[str, str]]:
    # most single letters (A, F, s...) are left alone: in a linear-algebra post "3A" is three times A
    units = {key: value for key, value in lang.units.items() if len(key) > 1 or key in ("V", "W", "Ω")}
    units.update({"μ" + key[1:]: value for key, value in units.items() if key.startswith("µ")})
    letters = _single_letter_units(lang)
    every = {**lang.units, **{"μ" + key[1:]: value for key, value in lang.units.items() if key.startswith("µ")}}
    alternatives = "|".join(re.escape(key) for key in sorted(units, key=len, reverse=True))
    any_unit = "|".join(re.escape(key) for key in sorted(every, key=len, reverse=True))
    periods = "|".join(re.escape(word) for word in sorted(_PER_WORDS | lang.per_words, key=len, reverse=True))
    # after a number, `unit/unit` is a rate even with one-letter units (`100 m/s`, `60 km/h`, `100 Mo/s`), and so
    # is `unit/period` (`8 h/day`, `2 GB/month`); and a unit of more than one letter per anything (`16 ms/frame`)
    pattern = re.compile(
        # a power of the number too (`10⁸ m/s`, `10^-3 kg`: "m", "kg" were left), read with its formula after
        rf"(?<![\w.])(?P<about>~\s?)?(?P<sign>[-−])?(?P<num>\d+(?:[.,]\d+)?)(?P<power_of>{_POWER_OF_A_NUMBER})?\s?"
        rf"(?:(?P<rate>{any_unit})/(?:(?P<per>{any_unit})(?P<power>[²³])?|(?P<period>(?i:{periods}))"
        # per a product of units in brackets (`W/(m²·K)`: "watts over m squared times K" was said)
        rf"|\((?P<product>(?:{any_unit})[²³]?(?:[·⋅×*](?:{any_unit})[²³]?)+)\))"
        # an area or a volume (`5 km²`, `20 m²`, `5 cm³`: "k m squared" was said); a lone `m` only after a space;
        # `2 sec(x)` is a secant; a torque's `300 lb-ft`, `30 ft-lbs` stays ("300 pounds-ft" was said)
        rf"|(?P<unit>{alternatives}|(?<=\s)m(?=[²³]){letters})(?P<area>[²³])?(?:/(?P<each>[^\W\d_]+))?)(?![\w%]|(?<=\bng)-|(?<=\btl)-|(?<=sec)\("
        r"|(?:(?<=\blb)|(?<=\blbs)|(?<=\bft))-(?:lbs?|ft|in)\b)"
        # an abbreviation's full stop before the sentence goes on (`5 min. pro Epoche`), which is no sentence's end,
        # or before a hyphen compound's next word or a comma (`5 Min.-Pause`, `5 Min., dann`)
        r"(?P<stop>\.(?=[ \t]+[^\W\d_]|-[^\W\d_]|[,;:]))?"
    )
    return pattern, every


#: One-letter units said after a number and a space (`14 m`, `499 s`, `2,400 N`, `1,5 l`, Dutch `1 u`, an hour), where
#: what follows makes them one:
#: a lowercase letter's unit, and litres' capital `L` as their `l`, before punctuation, the line's end or a lowercase
#: word (`14 m tall`, `3 h a day`, `1.5 L of water`), a capital's (newtons, joules) only before punctuation, the
#: line's end or "of" (`2,400 N.`, `9 × 10^13 J`, `20 J of work`). Other capitals stay: `Option 2 A`, `Level 3 B`,
#: `grade 10 A` are labels, and `3 K` as often a thousand as kelvins; a single letter after the unit (`2 m x`) is a
#: formula's, and so is an operator
_WORD_UNIT_LETTERS = "mgshluL"
_CAPITAL_UNIT_LETTERS = "NJ"
_ONE_LETTER_UNITS = frozenset(_WORD_UNIT_LETTERS + _CAPITAL_UNIT_LETTERS)
#: "of" in each language, after which a capital's unit counts what follows (`20 J of work`, `5 N de force`)
_OF_WORDS = r"of|de|di|do|da|du|des|del|della|dello|van|von|av"


def _single_letter_units(lang: Language) -> str:
    """The pattern's alternatives for `_WORD_UNIT_LETTERS` and `_CAPITAL_UNIT_LETTERS` the table has words for
    (each with its `|` before it), or nothing."""
    end = r"[ \t]*(?:[.,;:!?)\]]|$)"
    one_letter = "|".join(re.escape(word) for word in sorted(lang.one_letter_words))
    word_after = rf"[ \t]+(?:[^\W\d_A-Z]{{2,}}|(?:{one_letter})(?!\w))" if one_letter else r"[ \t]+[^\W\d_A-Z]{2,}"
    if lang.elides:  # an elided "de" or article before a noun (`350 g d’eau`, `5 m l’un de l’autre`, `5 g d'acqua`)
        word_after += r"|[ \t]+[dl]['’](?=[^\W\d_])"
    if lang.code == "de":  # a noun, which German writes with a capital (`500 g Mehl`, `5 m Abstand`: "500 g" was left)
        word_after += r"|[ \t]+[A-ZÄÖÜ][a-zäöüß]{2,}"
    lowercase = "".join(letter for letter in _WORD_UNIT_LETTERS if letter in lang.units)
    capitals = "".join(letter for letter in _CAPITAL_UNIT_LETTERS if letter in lang.units)
    pattern = ""
    if lowercase:
        # ... and before `=` and an amount of something or a percentage, a sum's (`1,000 g / 50 g = 20 slices`,
        # `2 m = 200 cm`, `350 g / 500 g = 70%`: "50 g equals" was said); not a formula's letter before a bare number
        # (`n = 5 s = 3`, `n = 5 s = 3 and`)
        words = "|".join(sorted(_SHORT_WORDS | _CONJUNCTIONS | lang.short_words | lang.conjunctions))
        equals = rf"[ \t]+=[ \t]*\d[\d,.]*[ \t]?(?:(?!(?:{words})\b)[^\W\d_]|%)"
        # ... and before an aside in brackets that opens with a word or a number (`115 g (½ cup)`, `115 g (that's
        # half a cup)`: "115 g" was left), not with a formula's letter (`2 h (x + y)`)
        aside = r"[ \t]+\((?=[^\W\d_]{2}|\d|[½¼¾⅓⅔])"
        durations = _durations(lang)[0].pattern
        # ... and before an English area's "-by-" and its second side (`a 2 m-by-3 m room`: "a 2 m-by-3-meter room"
        # was said)
        by = r"|-by-\d" if lang.code == "en" else ""
        pattern += rf"|(?<=\d )[{lowercase}](?={end}|{word_after}|{equals}|{aside}|{durations}{by})"
    if capitals:
        pattern += rf"|(?<=\d )[{capitals}](?={end}|[ \t]+(?:{_OF_WORDS})\b)"
    return pattern


def _letter_unit(match: re.Match[str], lang: Language) -> str | None:
    """The words of a one-letter unit the pattern found after a number (`14 m`, `2,400 N`), or None where the letter
    is no unit here and stays as written: after a label's number (`step 3 s`, `Block 3 m`, `Kapitel 3 m`)."""
    if after_label(match.string, match.start()):
        return None
    if match["unit"] == "N" and _compass_point(match):
        return None
    if match["unit"] == "g" and _G_FORCE_VERB.search(match.string, max(0, match.start() - 16), match.start()):
        return None  # `pulled 5 g`: g-force, no grams
    if match["unit"] in "hmu":
        return _hours_or_minutes(match, lang)
    if match["unit"] in "lL" and _letter_l(match):
        return None
    if match["unit"] in _WORD_UNIT_LETTERS and _before_plural(match, lang):
        return None  # `5 s intervals`, `5 g samples`: maybe another count's letter
    return lang.units[match["unit"]]


def _before_plural(match: re.Match[str], lang: Language) -> bool:
    """Whether an English one-letter unit comes before a plural noun it does not describe (`10 m users`, `5 s
    intervals`; `the 5 s intervals` are "5-second"), where it may count something else (a million) and stays."""
    word = _WORD_AFTER.match(match.string, match.end())
    if word is None or lang.code != "en" or re.fullmatch(r"people|\w+[^su']s", word[1]) is None:
        return False
    return not _describing(match, lang)


@lru_cache(maxsize=8)
def _durations(lang: Language) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A duration's next amount after a unit (`2 h 30 m`, `5 m 30 s`, `2 h and 3 m`, `1 h 15 min`, Dutch `1 u 15
    min`), and its amount before one, joined by a space or the language's "and" (not every language's: French `100 m
    en 10 s` is in ten seconds)."""
    joined = rf"(?:{re.escape(lang.word_and)}[ \t]+)?"
    return (
        re.compile(rf"[ \t]+{joined}\d+(?:[.,]\d+)?[ \t]?(min|[hmsu])(?!\w)"),
        re.compile(rf"(?<![\w.,])\d+(?:[.,]\d+)?[ \t]?([hmu])[ \t]+{joined}\Z"),
    )


#: Words of a line that counts in millions, where `5 m` is as often a million as meters (`Revenue hit 5 m in Q2`)
_MILLIONS_CONTEXT = re.compile(
    r"(?i:\b(?:revenues?|sales|profits?|turnover|funding|raised|valuation|worth|budget|income|earnings|users|"
    r"subscribers|downloads|customers|viewers|visitors|followers)\b)"
)


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")


@lru_cache(maxsize=8)
def _currency_words(lang: Language) -> frozenset[str]:
    """The language's currencies' codes and words, singular and plural (`USD`, `dollars`, `dollar`)."""
    currencies = {*lang.currency_signs, *lang.currency_signs.values(), *(lang.symbols[sign] for sign in "$€£")}
    return frozenset(currencies | {lang.singular(name) for name in currencies})


@lru_cache(maxsize=4)
def _counts_millions(line: str) -> bool:
    """Whether `line` counts in millions (`_MILLIONS_CONTEXT`), looked for once a line, not once an `m`."""
    return _MILLIONS_CONTEXT.search(line) is not None


#: The words after a Dutch number of hours written `u` (`2 u van tevoren`, `laat 2 u rusten`, `1 u op 180 graden`):
#: before another word `u` is as often the pronoun (`er hebben 2 u gemaild`, `alle 3 u veel plezier`) and stays
_DUTCH_WORDS_AFTER_HOURS = frozenset(
    {"van", "voor", "na", "per", "lang", "langer", "later", "eerder", "extra", "op", "in", "bij", "tot", "of", "en",
     "rust", "rusten", "koelen", "afkoelen", "marineren", "sudderen", "garen", "bakken", "koken", "weken", "rijzen",
     "trekken", "staan", "wachten", "slapen", "vasten", "lopen", "wandelen", "fietsen", "trainen", "zwemmen"}
)  # fmt: skip

#: Words after `in` whose `m` is as often minutes as meters (`In 30 m the train leaves`, `80% in 30 m`)
_MINUTES_OR_METERS_AFTER = frozenset({"in", "within"})


def _hours_or_minutes(match: re.Match[str], lang: Language) -> str | None:
    """The words of `h` or `m` after a number: `m` is minutes beside an hour's or a second's amount (`2 h 30 m`,
    `5 m 30 s`), a million before a currency (`5 m dollars`); as written before another plural noun (`10 m users`),
    after "in" (`in 30 m`: minutes or meters) or in a line of millions (`Revenue hit 5 m`); `h` before another
    amount only before minutes or seconds."""
    letter = "h" if match["unit"] == "u" else match["unit"]  # Dutch `1 u 15 min`: "uur"
    if letter == "h" and (_after_clock_word(match, lang.clock_hours[0]) or _in_hours_range(match, lang)):
        return None
    duration_after, duration_before = _durations(lang)
    after = duration_after.match(match.string, match.end())
    before = duration_before.search(match.string, max(0, match.start() - 24), match.start())
    if letter == "m" and ((after and after[1] == "s") or (before and before[1] in "hu")):
        return lang.units.get("min")
    if after and after[1] == "min" and _SWEDISH_CLOCK.search(match.string, max(0, match.start() - 12), match.start()):
        return None  # `kl 10 h 15 min`: a time of day, as the previous release left it ("klockan 10 timmar")
    if after:
        return lang.units[match["unit"]] if letter == "h" and after[1] in ("m", "s", "min") else None
    word = _WORD_AFTER.match(match.string, match.end())
    if match["unit"] == "u" and word and word[1].lower() not in _DUTCH_WORDS_AFTER_HOURS:
        return None  # `er 2 u gemaild`, `alle 3 u veel plezier`: the pronoun
    if letter == "m" and word and word[1] in _currency_words(lang):
        return lang.multipliers.get("M")  # `5 m dollars`: "5 million dollars"
    if _before_plural(match, lang):
        return None
    if letter == "m" and (_word_before(match).lower() in _MINUTES_OR_METERS_AFTER or _counts_millions(match.string)):
        return None
    return lang.units[match["unit"]]


#: Swedish "at" a time of day (`kl 10 h 15 min`, `klockan 10 h 15 min`)
_SWEDISH_CLOCK = re.compile(r"(?<!\w)(?:[Kk]l\.?|[Kk]lockan) \Z")


#: The word before an hour (`um 2 h`), and the hour before that word with its own word before it (`Dalle 2 h alle`)
_CLOCK_WORD_BEFORE = re.compile(r"(?P<hour>(?:(?<!\w)(?P<first>[^\W\d_]+) )?\d{1,2} ?h )?(?<!\w)(?P<word>[^\W\d_]+) \Z")


def _after_clock_word(match: re.Match[str], words: frozenset[str]) -> bool:
    """Whether `h` comes after a word that may make it a time of day (German `um 2 h`, Italian `le 24 h`), where it
    stays as written: a duration as often (`um 2 h verlängert`, `le 24 h di Le Mans`), and a clock's hour
    ("um 2 Uhr") only in a range past noon (`9 h bis 18 h`, everyday's `_clock_hours`). The end of a range of hours
    is as its start is (`2 h bis 4 h`: hours; `Dalle 2 h alle 4 h`: both as written)."""
    if not words:
        return False
    before = _CLOCK_WORD_BEFORE.search(match.string, max(0, match.start() - 48), match.start())
    if before is None or before["word"].lower() not in words:
        return False
    return not before["hour"] or (before["first"] or "").lower() in words


#: A range of hours `h` ends (`9–18 h`, `10 h–22 h`, `von 8 h bis 12 h`, `dalle 9 h a 18 h`) or starts (`10 h–22 h`)
_HOURS_RANGE_END = re.compile(
    r"(?:\d ?h?[ \t]?[–—-][ \t]?|(?<!\w)(?:von|zwischen|dalle|da) \d{1,2} ?h (?:bis|und|alle|a) )\Z", re.IGNORECASE
)
_HOURS_RANGE_START = re.compile(r"(?:[ \t]?[–—-][ \t]?| (?:bis|und|alle|a) )\d{1,2} ?h(?![\w'’/])", re.IGNORECASE)
_HOURS_RANGE_OPENER = re.compile(r"(?<!\w)(?:von|zwischen|dalle|da) \Z", re.IGNORECASE)


def _in_hours_range(match: re.Match[str], lang: Language) -> bool:
    """Whether German or Italian `h` is one of a range's (`9–18 h`, `10 h–22 h`, `von 8 h bis 12 h`), where it stays
    as written, as at 6217cc5: the hours of a day as often as a duration ("von 8 Stunden bis 12 Stunden geöffnet",
    "da 9 a 18 ore" were said); everyday's `_clock_hours` says a range past noon first (`9 h bis 18 h`: "9 Uhr bis
    18 Uhr"). Not a range with no word before it (`2 h bis 4 h`: hours)."""
    if not lang.clock_hours[0]:
        return False
    if _HOURS_RANGE_END.search(match.string, max(0, match.start() - 24), match.start()):
        return True
    start = _HOURS_RANGE_START.match(match.string, match.end())
    if start is None:
        return False
    dashed = not start[0].lstrip(" \t")[:1].isalpha()
    return dashed or _HOURS_RANGE_OPENER.search(match.string, max(0, match.start() - 12), match.start()) is not None


#: An operator before a number, whose `l` after it is a formula's letter (`y = 2 l`, `a + 2 l`; `= 2 l` may be litres,
#: as the previous release left it); `+`, `-`, `×`, `<`, `>` only after a letter alone or a bracket (`a + 2 l`,
#: `f(x) - 2 l`, a coefficient's `2a + 2 l`), not after an amount or a word (`1 kg bloem + 2 l water`, `6 × 1,5 l
#: flessen` are litres)
_OPERATOR_BEFORE = re.compile(r"(?:=|(?:(?<![\w.,'’])\d*[^\W\d_]|[)\]])(?:[ \t]*[+×·*<>]|[ \t]+[-−]))[ \t]*\Z")
#: ... but `=` after an amount with its unit or noun converts it (`500 ml = 0,5 l`, `1 fles = 2 l`: litres); a product
#: of letters is none (`4ab = 2 l`, `2 ab = 4 l`): a noun is spaced and three letters long, a unit one a recipe writes
_AMOUNT_EQUALS = re.compile(
    r"\d(?:[.,]\d+)?(?:[ \t]*(?:ml|cl|dl|kg|mg|oz|lbs?|el|tl|msk|tsk|krm)|[ \t]+[^\W\d_]{3,})[ \t]*=[ \t]*\Z"
)
#: A law's paragraph or article before a number, whose `l` after it is a point's letter (`§ 2 l`, `Art. 5 Abs. 1 l`)
_ARTICLE_BEFORE = re.compile(
    r"(?:§|(?<!\w)(?:Art|art|Abs|Artikel|Absatz|artikel|articolo|artículo|artigo|article|Article)\.?)[ \t]*\Z"
)
#: `l` standing alone as a letter elsewhere in the line, not after a number (`where l = 2 l`, `l is the length`)
#: ... but not a list's item (`l) Voeg 2 l water toe`) nor a shape's compound (`de l-vorm`; `the l-th row`, `the l-norm`
#: name the letter)
_LONE_L = {
    letter: re.compile(
        rf"(?<![\w'’])(?<!\d )(?<!\d\u00a0)(?:(?<!\S){letter}(?!\))|(?<=\S){letter})(?![\w'’]|-(?i:vorm|form|shape))"
    )
    for letter in "lL"
}
#: Words around `2 l` that spell a word out (`spelled with 2 l`, `s'écrit avec 2 l`, `mit 2 l geschrieben`, `2 l and
#: 1 r`), where `l` is the letter
_SPELLING = re.compile(
    r"(?i:spell|spelt|\bwritten|letters?\b|[ée]cri[tv]|escrib|escrit|escrev|scriv|schreib|schrieb|schrijf|geschreven|"
    r"buchstab|lettre|letra|lettera|\bstava[dst]?\b|bokstav)"
)
#: ... with the number after "with" (`spelled with 2 l`, `si scrive con 2 l`, `mit 2 l geschrieben`)
_SPELLED_WITH = re.compile(r"(?<!\w)(?i:with|avec|mit|met|med|con|com)[ \t]+\Z")
#: ... and another letter counted after it (`2 l and 1 r`; not a unit's, `2 l en 5 h`), or uncounted at a clause's end
#: (`2 l and r.`; an article, a preposition or a pronoun before more words is none: `2 l and a pinch`, `2 l y a
#: continuación`, `2 l en u ziet`; another letter, or `a` before a verb, is a letter still: `Let 2 l and b be`,
#: `2 l and a are`)
_LETTER_AFTER = re.compile(
    r"[ \t]+(?:and|or|e|y|et|und|en|och|o|ou|oder|of|eller)[ \t]+"
    r"(?:\d+[ \t]+(?![mgshluNJ]\b)[a-zA-Z](?![\w'’])"
    r"|(?![au][ \t]+(?!(?:be|are|is|denote|satisfy|zijn|sean|son|sind|soient|sono|vara|är)\b)\w)[a-zA-Z](?![\w'’]))"
)


@lru_cache(maxsize=4)
def _names_lone_l(line: str, letter: str) -> bool:
    """Whether `line` has `l` (or `L`) alone, not after a number (`_LONE_L`), looked for once a line, not once an
    `l`."""
    return _LONE_L[letter].search(line) is not None


#: Nouns before a number whose capital `L` after it is a letter of what they name (`Option 2 L`, `seat 12 L`, `Gate 4
#: L`, `runway 27 L`, `Apartment 4 L`), as a label's letter is (`Level 3 B`; `labels.py` has those of parts), or a
#: capitalised word inside a sentence, a place's or a thing's name (`Lot 3 L`, `Building 7 L`; `a Coke 2 L bottle`
#: stays as written, as before), but not German's polite "you" (`Geben Sie 2 L dazu`)
_LETTER_NAMED_BEFORE = re.compile(
    r"(?:(?<!\w)(?:options?|plans?|grades?|sizes?|types?|class(?:es)?|models?|seats?|rows?|rooms?|units?|groups?"
    r"|teams?|routes?|gates?|platforms?|terminals?|floors?|exits?|bus(?:es)?|lines?|runways?|flights?|tracks?|lots?"
    r"|apartments?|apt\.?|suites?|flats?|buildings?|blocks?|wings?|halls?|bays?|berths?|docks?|piers?|stands?"
    r"|cabins?|lockers?|beds?|wards?|zones?|lanes?|aisles?|shel(?:f|ves)|slots?|stalls?|spaces?|spots?|boxe?s?"
    r"|highways?|hwy|interstates?|roads?|streets?|no\.|nr\.|n°|#"
    # ... in the other languages whose tables have litres (`la piste 27 L`, `asiento 12 L`, `Raum 4 L` were litres)
    r"|pistes?|pistas?|sièges?|salles?|portes?|quais?|voies?|étages?|bâtiments?|appartements?|chambres?|rangs?"
    r"|rangées?|places?|tailles?|lignes?|allées?|emplacements?|sorties?|cabines?|casiers?|couloirs?"
    r"|asientos?|salas?|puertas?|and[ée]n(?:es)?|vías?|plantas?|pisos?|edificios?|apartamentos?|habitaci(?:ón|ones)"
    r"|filas?|plazas?|tallas?|opci(?:ón|ones)|líneas?|vuelos?|pasillos?|bloques?|salidas?|carreteras?|cabinas?"
    r"|posto|posti|binari[oi]|piano|piani|edifici[oi]|appartament[oi]|stanz[ae]|camer[ae]|fil[ae]|tagli[ae]"
    r"|opzion[ei]|line[ae]|vol[oi]|corridoi?o|blocc(?:o|hi)|uscit[ae]|strad[ae]|cabin[ae]"
    r"|assentos?|port(?:ão|ões)|plataformas?|andar(?:es)?|prédios?|quartos?|tamanhos?|opç(?:ão|ões)|linhas?|voos?"
    r"|corredor(?:es)?|blocos?|saídas?|estradas?"
    r"|r(?:a|ä)ume?|zimmer|sitz(?:e|platz|plätze)?|pl(?:a|ä)tze?|gleise?|bahnsteige?|pisten|(?:start|lande)bahn(?:en)?"
    r"|tore?|hallen?|gebäude|wohnung(?:en)?|reihen?|größen?|linien?|flug|flüge|g(?:a|ä)nge?|flügel|ausg(?:a|ä)nge?"
    r"|etagen?|stockwerk|fach|fächer|kabinen?|straßen?"
    r"|banen?|baan|stoel(?:en)?|zalen|zaal|kamers?|perrons?|sporen|spoor|verdieping(?:en)?|gebouw(?:en)?|rijen|rij"
    r"|optie|opties|lijnen?|vlucht(?:en)?|vleugels?|uitgang(?:en)?"
    r"|banor|bana|platser|plats|spår|perronger?|perrong|våning(?:ar)?|byggnad(?:er)?|lägenhet(?:er)?|rader|rad"
    r"|storlek(?:ar)?|linjer?|gångar|gång|utgång(?:ar)?|säten?|säte|hytt(?:er)?)"
    r"|(?<=[^\W\d_] )(?!(?-i:Sie|Ihnen)\b)(?-i:[A-Z])[\w-]*)[ \t]*\Z",
    re.IGNORECASE,
)


def _letter_l(match: re.Match[str]) -> bool:
    """Whether `l` or `L` after a number is the letter, not litres: a formula's (after an operator, or where the line
    names the letter alone), a law's point (`§ 2 l`), a spelling's count of letters, or a capital after a noun it is
    the letter of (`Option 2 L`). In doubt it stays as written, as before litres were said."""
    line, start = match.string, match.start()
    before = max(0, start - 24)
    if match["unit"] == "L" and _LETTER_NAMED_BEFORE.search(line, before, start):
        return True
    if _OPERATOR_BEFORE.search(line, before, start) and not _AMOUNT_EQUALS.search(line, before, start):
        return True
    if _ARTICLE_BEFORE.search(line, before, start):
        return True
    if _names_lone_l(line, match["unit"]):
        return True
    # the spelling's words in the same clause, the number after its "with" (`drink 2 l`, after `spelled with 2 l, `, is
    # litres, and so is a shopping list's `schrijf 2 l melk op`, `écrivez 2 l de lait`)
    before_l = re.split(r"[.,;:!?]", line[max(0, start - 24) : start])[-1]
    after_l = re.split(r"[.,;:!?]", line[match.end() : match.end() + 16])[0]
    if _SPELLED_WITH.search(before_l) and (_SPELLING.search(before_l) or _SPELLING.search(after_l)):
        return True
    return _LETTER_AFTER.match(line, match.end()) is not None


#: Verbs before a number whose `g` after it is an acceleration (`The pilot pulled 5 g`, `hit 3 g at launch`)
_G_FORCE_VERB = re.compile(
    r"(?<!\w)(?:pull(?:s|ed|ing)?|hit(?:s|ting)?|withstood|withstands?|sustain(?:s|ed)?|endured?|tolerated?) \Z",
    re.IGNORECASE,
)
#: Words before a number whose `N` after it is north (`Route 66 N`, `Latitude 45 N`, `US 1 N`), no newtons
_ROAD_OR_LATITUDE = re.compile(
    r"(?<!\w)(?:route|rte|highway|hwy|interstate|us|sr|road|latitude|lat|longitude|lon|long) \Z", re.IGNORECASE
)
#: ... and a coordinate's second half after it (`40.7 N, 74.0 W`, `52 N, 13 E`)
_LONGITUDE_AFTER = re.compile(r",?[ \t]*\d+(?:[.,]\d+)?°?[ \t]?[EWO](?!\w)")
#: A latitude before a number (`40.7 N, `), whose `W` after it is west, no watts
_LATITUDE_BEFORE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?°?[ \t]?[NS],?[ \t]*\Z")


def _compass_point(match: re.Match[str]) -> bool:
    """Whether a capital after a number is a point of the compass: `N` after a road's or a latitude's word or before
    a longitude, `W` after a latitude."""
    start = match.start()
    if match["unit"] == "W":
        return _LATITUDE_BEFORE.search(match.string, max(0, start - 16), start) is not None
    return (
        _ROAD_OR_LATITUDE.search(match.string, max(0, start - 16), start) is not None
        or _LONGITUDE_AFTER.match(match.string, match.end()) is not None
    )


def _period(word: str, lang: Language) -> str:
    """A period after "per" in words: `yr` is "year" in English (other languages write theirs out); a unit's
    symbol (`requests/s`, `Anfragen/h`) is its word ("per s" was said)."""
    if word in ("s", "h", "ms", "min") and word in lang.units:  # `max/min` is a pair (see `_slash`)
        return lang.singular(lang.units[word])  # "pro Minute", "per minuut" ("min" is "minus" in Dutch)
    return _PERIOD_WORDS.get(word.lower(), word) if lang.code == "en" else word


def _word_before(match: re.Match[str]) -> str:
    """The word before a match ("nach" in "nach 1 ms"), which may decide the word for one; past a comparison's
    sign, which becomes a bound that leaves the case to the verb before it (`kostet ≥ 1 €`: "kostet mindestens
    einen Euro")."""
    words = match.string[max(0, match.start() - 64) : match.start()].split()  # a word's length: not the whole line
    while words and words[-1] in _COMPARISONS:
        words.pop()
    if not words:
        return ""
    word = words[-1].lstrip("(\"'«„")
    return word if word.endswith("'") else word.rstrip("\"'«„")


@cache
def _points_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A number and one of `words` after it (`25 bp`, `+0,3 p.p.`, `150bps`)."""
    names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?({names})(?!\w)")


#: Words of a line about money, where `25 bp` is basis points and `0.3 pp` percentage points (not base pairs,
#: pages, nor `bps` bits per second: a `%` alone says nothing, `2% packet loss`, review 90)
_MONEY_WORDS = re.compile(
    r"(?i:\b(?:interest|policy|mortgage|base) rates?|\brate (?:cut|hike)s?|\byields\b|\bbond yield|\bspreads?\b|"
    r"\b(?:gross|net|profit|operating|ebitda) margins?\b|\bmargins\b|"
    r"\bbonds?\b|\binflation|\bunemployment|\bcentral bank|\bmortgage|zins|rendite|taux d'intérêt|taux directeur|"
    r"\bmarge\b|tipos? de interés|tasso d'interesse|tasso di riferimento|taxa selic|taxa de juros|\bjuros\b|"
    r"rente\b|\brisco-país|riesgo país|\binflación|\binflazione|\binflação|\binflatie|obligatie|hypothe[ek]|"
    r"treasur\w+|euribor|euríbor|\bbonos?\b|obbligazion\w+|\btítulos? públicos)"
    r"|\b(?:GDP|BIP|PIB|PIL|Fed|BCE|ECB|EZB|Selic|Bund|EBITDA|EBIT)\b"
)
#: ... and words that say `bp` is base pairs, `bps` a link's bits, whatever else the line says
_NOT_MONEY_WORDS = re.compile(
    r"(?i:fragment|\breads?\b|amplicon|\bPCR\b|\bDNA\b|\bRNA\b|sequenc|secuenci|sequenzi|modem|baud|bit ?rate|"
    r"data ?rate|frame ?rate|packet|\blink\b|uplink|downlink|bandwidth|bandbreite|débit)"
)


def _words_in_context(
    text: str,
    words: dict[str, str],
    context: re.Pattern[str],
    lang: Language,
    *,
    below: float | None = None,
    veto: re.Pattern[str] | None = None,
    alone: Callable[[re.Match[str]], bool] | None = None,
    noun_after: re.Pattern[str] | None = None,
) -> str:
    """Each number followed by one of `words` (abbreviation → words) said so, where the line matches `context` (and
    the number is under `below`), or where `alone` says the match is one on its own (unless `veto` matches the
    line); elsewhere the abbreviation means something else and stays. Before a noun `noun_after` matches, after an
    article or a determiner, the amount describes it (`a 5 bps cut`: "a 5-basis-point cut")."""
    if not words or not any(word in text for word in words):
        return text
    vetoed = veto is not None and veto.search(text) is not None
    in_context = context.search(text) is not None and not vetoed

    def say(match: re.Match[str]) -> str:
        dotted = "." in match[2][:-1]  # `p.p.`, `p.b.`: never pages nor base pairs
        by_itself = alone is not None and not vetoed and alone(match)
        too_many = below is not None and float(match[1].replace(",", ".")) >= below
        if not (in_context or dotted or by_itself) or too_many:
            return match[0]
        before = _word_before(match)
        determiners = lang.unit_adjective_articles | lang.money_adjective_determiners
        if noun_after is not None and before.lower() in determiners and noun_after.match(match.string, match.end()):
            return "-".join([match[1], *lang.singular(words[match[2]]).split()])
        said = lang.counted(match[1], words[match[2]], before)
        # `um 15 Bp. Danach`: the abbreviation's full stop also ends the sentence
        return said + (sentence_end(match.string, match.end()) if match[2].endswith(".") else "")

    return _points_pattern(tuple(words)).sub(say, text)


#: A rate's move or a spread after points (`a 5 bps cut`, `a 25 bp hike`): basis points, whatever else the line says
#: (not a rise, an increase, a reduction or a move, which a link's bits make too: `a 300 bps increase in throughput`)
_RATE_MOVE_AFTER = re.compile(r"[ \t]+(?:cuts?|hikes?|spreads?|widening|tightening|easing|premium)\b")


def _points_by_themselves(match: re.Match[str]) -> bool:
    """`a 5 bps cut` ("5 bits per second cut" was said), and `1.2 pp` (a page is no fraction, a base pair `bp`)."""
    return _RATE_MOVE_AFTER.match(match.string, match.end()) is not None or (
        match[2] == "pp" and re.search(r"[.,]\d", match[1]) is not None
    )


def _finance_points(text: str, lang: Language) -> str:
    """`25 bps` is "25 basis points" where the line speaks of money ("25 bits per second" was said, bug bash 89),
    or before a rate's move (`a 5 bps cut`), `+0,3 pp` "Prozentpunkte"; `9600 bps` (a serial link) and elsewhere
    `500 bp` (base pairs) stay."""
    return _words_in_context(
        text,
        lang.points,
        _MONEY_WORDS,
        lang,
        below=1000,
        veto=_NOT_MONEY_WORDS,
        alone=_points_by_themselves,
        noun_after=_RATE_MOVE_AFTER,
    )


#: Words of a line about a dose, where `1000 IU`, `UI`, `IE` after a number are international units
_DOSE_WORDS = re.compile(
    r"vitamin|insulin|heparin|\bdos[eiy]|\bdosis|\bdosage|Dosierung|posolog|supplement|tablet|comprim|compress|"
    r"capsule|kapsel|gélule|cápsula|injec|spritze|prescri|verschrieb|medic|medik|farmac|pharma",
    re.IGNORECASE,
)


def _dose_units(text: str, lang: Language) -> str:
    """`1000 IU of vitamin D`: "international units" where the line speaks of a dose (`Material 3 UI` does not,
    review 90)."""
    return _words_in_context(text, lang.dose_units, _DOSE_WORDS, lang)


#: a range's dash before a number: `0,5–1 mg` is "0,5 bis 1 Milligramm" ("0,5–ein Milligramm" lost the range, which
#: needs a digit after its dash; bug bash 88)
_RANGE_BEFORE = re.compile(r"\d\s?[–—-]\s?$")


def _range_end(before: str, lang: Language) -> bool:
    """Whether a number after `before` ends a range (`0,5–`, `0,5 bis `): it keeps its digit."""
    if _RANGE_BEFORE.search(before):
        return True
    words = before.split()
    return len(words) >= 2 and words[-1] in (lang.word_to, lang.word_and) and words[-2][-1:].isdigit()


#: A range with its unit written twice (`5 Min.-10 Min.`, `5 min.–10 min.`, `5 min-10 min`, `5 °C-10 °C`): the
#: unit, the same both times, is the second group. Not a link of a chain (`5 min-10 min-15 min`, see `_UNIT_CHAIN`)
_UNIT_TWICE = re.compile(
    r"(?<![\w.–-])(?<![–-]\s)(\d+(?:[.,]\d+)?)\s?(°[CF]|[^\W\d_]{1,4})(\.?)\s?[-–]\s?(\d+(?:[.,]\d+)?)\s?((?i:\2))"
    r"(?=\3(?!\w))(?!\.?\s?[-–]\s?\d)"
)
#: Three amounts or more of one unit joined by dashes (`5 min-10 min-15 min`): steps, not a range ("5 to 10
#: minutes-15 minutes" was said); said as a list, each with its unit
_UNIT_CHAIN = re.compile(
    r"(?<![\w.–-])(?<![–-]\s)\d+(?:[.,]\d+)?\s?(°[CF]|[^\W\d_]{1,4})(\.?)(?:\s?[-–]\s?\d+(?:[.,]\d+)?\s?(?i:\1)\2(?!\w)){2,}"
)
#: The units of one letter that a range's two amounts may have (`3 h-5 h`, `5 s-10 s`): others are as often a
#: label's letter (`2 b-4 b`, `1 A-3 A`)
_RANGE_LETTERS = frozenset("hsmg")


def _ascending(low: str, high: str) -> bool:
    """Whether two numbers go up, as a range's do: `60 min - 15 min` is a difference ("60 to 15 minutes" was said)."""
    return float(low.replace(",", ".")) < float(high.replace(",", "."))


def _unit_said_once(text: str, lang: Language) -> str:
    """`5 Min.-10 Min.`: as `5–10 Min.` is, "5 bis 10 Minuten" ("5 Minuten.minus 10 Minuten." was said). The unit
    must be the same one both times, its case too where that makes another unit (`5 Mb-10 MB`: megabits, then
    megabytes)."""
    units = _unit_pattern(lang)[1]

    def unit(symbol: str) -> bool:
        return symbol in units and (len(symbol) > 1 or symbol in _RANGE_LETTERS)

    def once(match: re.Match[str]) -> str:
        same_unit = unit(match[2]) and units[match[2]] == units.get(match[5])
        return f"{match[1]}–{match[4]} {match[2]}" if same_unit and _ascending(match[1], match[4]) else match[0]

    def listed(match: re.Match[str]) -> str:
        return re.sub(r"\s?[-–]\s?(?=\d)", ", ", match[0]) if unit(match[1]) else match[0]

    return _UNIT_TWICE.sub(once, _UNIT_CHAIN.sub(listed, text))


@lru_cache(maxsize=8)
def _percent_per_period_pattern(lang: Language) -> re.Pattern[str]:
    """A percentage per a period (`15 %/an`, `2%/yr`, `15 %/año`), as a unit per a period is read."""
    periods = "|".join(re.escape(word) for word in sorted(_PER_WORDS | lang.per_words, key=len, reverse=True))
    return re.compile(rf"(?<=\d)(\s?%)/((?i:{periods}))(?!\w)")


def _percent_per_period(text: str, lang: Language) -> str:
    """`15 %/an`: "15 % par an", `2%/yr` "2% per year" (the slash and the period were left to the voice)."""
    if "%/" not in text:
        return text
    return _percent_per_period_pattern(lang).sub(
        lambda match: f"{match[1]} {lang.per_unit(_period(match[2], lang))}", text
    )


def unit_after_number(number: str, after: str, lang: Language) -> str | None:
    """The words of a unit of more than one letter or a rate that `after` starts with (`" ms"`, `" GB/s,"`,
    `" m/s²"`), counted by
    `number` ("milliseconds", "milliseconde", "Gigabyte pro Sekunde"), and the rest of `after`; None when it starts
    with no such unit."""
    pattern, _ = _unit_pattern(lang)
    written = f"{number}{after}"
    match = pattern.match(written)
    unit = match and (match["unit"] or match["rate"])
    # a rate's letters are units (`$g \approx 9.81$ m/s²`: "m over s squared" was said); a lone letter may be a name
    if match is None or not unit or (len(unit) < 2 and not match["rate"]) or match["num"] != number:
        return None
    said = _numbers_with_units(written[: match.end()], lang).split(" ", 1)  # "3.2 milliseconds", "une seconde"
    return f"{said[1]}{written[match.end() :]}" if len(said) == 2 else None


#: A noun after an amount with its unit, which the amount describes (`a 4 KiB page`), not a word of the sentence
_DESCRIBED_NOUN = re.compile(
    r"[ \t]+(?!(?:of|and|or|to|per|in|on|at|for|is|are|was|were|with|from|by|than|each|more|less|a|an|the)\b)"
    r"[A-Za-z]"
)


#: A thing counted one by one after "per" and an amount, which the amount describes (`per 50 g slice`, `per 2 h
#: session`); not stuff measured by it (`per 100 g flour`, `per 1 kg body weight`: "per 100-gram flour" was said),
#: nor a participle (`per 100 km driven`), whose unit stays plural
_PER_DESCRIBED_NOUN = re.compile(
    r"[ \t]+(?:slice|serving|portion|piece|bar|bag|pack|packet|can|bottle|jar|tin|box|carton|sachet|scoop|tablet"
    r"|capsule|dose|cookie|loaf|egg|block|window|session|meeting|shift|game|match|lap|round|split|segment|interval"
    r"|chunk|page|file|request|batch|trip|ride|leg|stage|stint|sprint|cycle|frame|episode|clip|video|call)\b(?!-)"
)


def _first_side_after(match: re.Match[str]) -> re.Match[str] | None:
    """The second side after the first side of an English area at `match`, joined by "by", in the same unit of two
    letters or more (`a 5 km-by-5 km area`, `a 5 km by 5 km area`: "a 5-kilometer-by-5-kilometer area"; "a
    5-kilometer-by-5 kilometers area" was said; `a 5 km by 5 pm` is no area's)."""
    unit = re.escape(match["unit"] or "")
    side = rf"[ \t-]by[ \t-]\d+(?:[.,]\d+)?[ \t]?{unit}(?=[ \t]+[A-Za-z])"
    return re.compile(side).match(match.string, match.end()) if unit else None


def _second_side(match: re.Match[str]) -> bool:
    """Whether the amount at `match` is an English area's second side, after an article and the first (`a 5 km by`)."""
    unit = re.escape(match["unit"] or "")
    side = re.compile(rf"(?<![\w'’])(?:[Aa]n?|[Tt]he)[ \t]+\d+(?:[.,]\d+)?[ \t]?{unit}[ \t-]by[ \t-]\Z")
    return bool(unit) and side.search(match.string, max(0, match.start() - 32), match.start()) is not None


def _describing(match: re.Match[str], lang: Language) -> bool:
    """An amount with its unit between an article or a determiner and a noun (`a 2TB NVMe`, `a 4 KiB page`, `the 2 h
    mark`), which describes the noun: "a 2-terabyte NVMe" ("a 2 terabytes NVMe" was said); with a `~` where the
    article has a word for it (`a ~5 GB file`); and the two sides of an area there (`a 5 km by 5 km area`)."""
    plain = not any(match[group] for group in ("sign", "rate", "area", "each", "stop"))
    article = _word_before(match).lower()
    if not plain or (match["about"] and article not in lang.about_describing):
        return False
    if lang.code == "en" and _second_side(match):
        return _DESCRIBED_NOUN.match(match.string, match.end()) is not None  # `a 5 km by 5 km area`: the second
    if lang.code == "en" and article in ("a", "an", "the") and (side := _first_side_after(match)):
        return _DESCRIBED_NOUN.match(match.string, side.end()) is not None  # ... and the first
    if article in lang.unit_adjective_articles:
        return _DESCRIBED_NOUN.match(match.string, match.end()) is not None
    # `per 50 g slice`: "per 50-gram slice" ("per 50 grams slice" was said)
    if article == lang.per:
        return _PER_DESCRIBED_NOUN.match(match.string, match.end()) is not None
    # `the 2 h mark`, `my 2 m cable`, as money after the same determiners; not before a clause (`the 5 m we ran`)
    return article in lang.money_adjective_determiners and _UNIT_NOUN.match(match.string, match.end()) is not None


@lru_cache(maxsize=8)
def _per_unit_pattern(lang: Language) -> re.Pattern[str]:
    """The language's "per" before a unit's symbol of two letters or more, with no number (`par Go et par mois`)."""
    units = "|".join(re.escape(key) for key in sorted(lang.units, key=len, reverse=True) if len(key) > 1)
    per = re.escape(lang.per)
    return re.compile(rf"(?<![\w'’])({per}|{per.capitalize()}) ({units})(?![\w/%²³]|[.,]\d)")


def _units_after_per(text: str, lang: Language) -> str:
    """ "par gigaoctet", "per gigabyte": `par Go` was read as the English "go", `per GB` spelled."""
    if not lang.per or lang.per not in text.lower():
        return text
    return _per_unit_pattern(lang).sub(lambda m: f"{m[1]} {lang.singular(lang.units[m[2]])}", text)


#: A pace in minutes and seconds per kilometre (`5:30/km`), not a path's or a URL's (`/splits/5:30/km`)
_PACE = re.compile(r"(?<![\w:.,/])(\d{1,2}:[0-5]\d)/(km)(?![\w/])")


#: A fraction's numerator and slash before its denominator (`1/2 tl`, `3/4 dl`)
_NUMERATOR = re.compile(r"(?<![\w.,/])([1-8])/\Z")


def _fraction_of_one(match: re.Match[str]) -> bool:
    """Whether a unit's number is the denominator of a fraction of one unit (`1/2 tl`, `3/4 dl`), not a shutter's
    speed (`1/2000 s`) nor a ratio."""
    numerator = _NUMERATOR.search(match.string, max(0, match.start() - 3), match.start())
    return numerator is not None and re.fullmatch(r"[2-9]", match["num"]) is not None and numerator[1] < match["num"]


@lru_cache(maxsize=8)
def _listed_day(lang: Language) -> re.Pattern[str]:
    """What lists a day of the week after another (`mån och tors`, `mån, ons och fre`, `mån/tors`, `mån, 19 tis`):
    another day's abbreviation (`day`), after a comma, a slash, `&` or a short word joining them, and a time."""
    days = "|".join(re.escape(day) for day in sorted(lang.weekdays[0], key=len, reverse=True))
    return re.compile(
        rf"(?:[ \t]*[,/&][ \t]*|[ \t]+[^\W\d_]{{1,3}}[ \t]+)(?:\d{{1,2}}(?:[:.]\d\d)?[ \t]+)?(?P<day>{days})\.?(?!\w)"
    )


@lru_cache(maxsize=8)
def _hyphened_symbol(lang: Language) -> re.Pattern[str]:
    """A number joined by a hyphen to a unit's symbol of letters the voice cannot say (`Ω`, `µF`, `°C`), before the
    noun it describes (`a 4-Ω resistor`, `ein 4-Ω-Widerstand`): a compound's first part, not a subtraction ("four
    minus capital omega resistor" was said). Symbols of ASCII letters (`a 5-kg bag`) stay as written, as the voice
    says them."""
    symbols = [key for key in _unit_pattern(lang)[1] if any(sign in key for sign in "Ωµμ°")]  # not Swedish `mån`
    alternatives = "|".join(re.escape(key) for key in sorted(symbols, key=len, reverse=True))
    return re.compile(rf"(?<![\w.,\-–])(\d+(?:[.,]\d+)?)-({alternatives})(?=-[^\W\d_]|[ \t]+[^\W\d_])")


def _hyphened_symbols(text: str, lang: Language) -> str:
    """`a 4-Ω resistor`: "a 4-ohm resistor", `ein 4-Ω-Widerstand` "ein 4-Ohm-Widerstand", as `a 4 Ω resistor` is."""
    units = _unit_pattern(lang)[1]
    return _hyphened_symbol(lang).sub(lambda match: "-".join([match[1], *lang.singular(units[match[2]]).split()]), text)


def _numbers_with_units(text: str, lang: Language) -> str:
    if "-" in text or "–" in text:
        text = _unit_said_once(text, lang)
        text = _hyphened_symbols(text, lang) if not text.isascii() else text
    pattern, units = _unit_pattern(lang)

    def say(match: re.Match[str]) -> str:
        # `a ~5 GB`: "a roughly", not "a about"
        about = lang.about_describing.get(_word_before(match).lower(), lang.about) if match["about"] else ""
        words = [about] if about else []
        words += [lang.minus] if match["sign"] else []
        listed = _listed_day(lang).match(match.string, match.end()) if match["unit"] in lang.weekdays[0] else None
        if listed and listed["day"] != match["unit"]:
            return match[0]  # Swedish `kl 18 mån och tors`: Monday, listed with another day, not months
        if match["unit"] == "ft" and _featuring(match, lang):
            return match[0]  # `Track 3 ft. Drake`: a song's guest, no feet
        if match["unit"] in _ONE_LETTER_UNITS and not match["area"]:
            letter_unit = _letter_unit(match, lang)
            if letter_unit is None:
                return match[0]
            unit = letter_unit
        elif match["unit"] == "W" and _compass_point(match):
            return match[0]  # `40.7 N, 74.0 W`: west
        else:
            unit = units[match["rate"] or match["unit"]]
        degrees = match["unit"] in ("°C", "°F")  # a temperature's words, "degrees Celsius"
        if power := match["power_of"]:  # `10⁸ km`: many; `10⁻³ kg` one's fraction, singular where 0,5 is
            small = any(sign in power for sign in "-−⁻") and lang.is_singular("0,5")
            said = f"{match['num']}{power} {lang.singular(unit) if small else unit}"
        elif match["unit"] == "mph" and lang.unit_adjective_articles and _describing(match, lang):
            # "a 60-mile-per-hour zone", as speakers say a speed limit ("a 60 miles per hour zone" was said); a data
            # rate keeps its plural, as it is said (`a 9600 bps link`: "a 9600 bits per second link")
            first, _, rest = unit.partition(" per ")
            return " ".join([*words, f"{match['num']}-{lang.singular(first)}-per-{lang.singular(rest)}"])
        elif lang.unit_adjective_articles and _hyphened_to_a_noun(match) and " " not in unit:
            return " ".join([*words, f"{match['num']}-{lang.singular(unit)}"])  # `a 2 lb-bag`: "a 2-pound-bag"
        elif lang.unit_adjective_articles and _describing(match, lang) and (" " not in unit or degrees):
            # "a 4-kibibyte page", "a 350-degree Fahrenheit oven"; not "bits per second"
            first, _, scale = unit.partition(" ")
            return " ".join([*words, f"{match['num']}-{lang.singular(first)}", *([scale] if scale else [])])
        elif _fraction_of_one(match):
            said = f"{match['num']} {lang.singular(unit)}"  # `1/2 tl`: "een half theelepel" ("theelepels" was said)
        else:
            said = lang.counted(match["num"], unit, _word_before(match))  # 1 kilohm, eine Sekunde
        if not said.startswith(match["num"]) and _range_end(match.string[: match.start()], lang):
            said = f"{match['num']} {said.split(' ', 1)[1]}"  # 0,5–1 mg: the end of a range keeps its digit
        words += [said]
        if match["area"]:
            words += [lang.squared if match["area"] == "²" else lang.cubed]
        if match["per"]:
            words += [lang.per_unit(lang.singular(units[match["per"]]))]
            if match["power"]:  # 9.81 m/s²: "meters per second squared" ("m over s squared")
                words += [lang.squared if match["power"] == "²" else lang.cubed]
        elif match["product"]:  # `W/(m²·K)`: "watts per meter squared kelvin", each unit in the singular
            powers = {"²": f" {lang.squared}", "³": f" {lang.cubed}"}
            said_factors = [
                lang.singular(units[factor.rstrip("²³")]) + powers.get(factor[-1], "")
                for factor in re.split("[·⋅×*]", match["product"])
            ]
            words += [lang.per_unit(" ".join(said_factors))]
        elif match["period"]:
            words += [lang.per_unit(_period(match["period"], lang))]
        elif match["each"]:
            words += [lang.per_unit(_period(match["each"], lang))]  # 16 ms/frame; 3 m³/s: "per second"
        said = " ".join(words)
        if match["stop"] and not _sentence_goes_on(match.string[match.end() :], lang):
            said += "."  # `5 min. Dann`, `5 min. iOS needs`: a sentence ends there
        return said

    if lang.code == "en" and "-by-" in text:
        # an area's hyphened sides before no noun they describe (`It is 2 m-by-3 m.`): as written with spaces, "2
        # meters by 3 meters" ("2-meter-by-3 meters" was said); `a 2 m-by-3 m room` as before
        text = _PREDICATE_AREA.sub(r"\1 by \3", text)
    return pattern.sub(say, text)


#: A hyphen joining a unit to the noun it describes (`a 2 lb-bag`), whose word is then in the singular ("a 2
#: pounds-bag" was said)
_COMPOUND_NEXT = re.compile(r"-[a-z]{2}")


#: Two amounts of one unit joined by "-by-" with no noun after the second (`It is 2 m-by-3 m.`, `5 km-by-5 km, then`)
_PREDICATE_AREA = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?[ \t]?(?P<unit>[A-Za-z]{1,3}))-by-(\d+(?:[.,]\d+)?[ \t]?(?P=unit))(?![\w-])"
    r"(?![ \t]+(?!(?:of|and|or|to|per|in|on|at|for|is|are|was|were|with|from|by|than|each|more|less|a|an|the"
    r"|wide|long|high|deep|tall|thick|apart|away)\b)[A-Za-z])"
)


def _hyphened_to_a_noun(match: re.Match[str]) -> bool:
    """Whether a unit's amount alone (no sign, rate, area or full stop: `5 km²-area` keeps its square) is joined by
    a hyphen to the noun it describes (`a 2 lb-bag`, `a 5 km-run`)."""
    plain = not any(match[group] for group in ("sign", "rate", "area", "each", "stop", "about"))
    return plain and _COMPOUND_NEXT.match(match.string, match.end()) is not None


#: A name after `ft` (`Remix 2 ft Lil Wayne`, `Track 3 ft. Drake`), not a sentence's first word (`6 ft. The gate`)
#: nor an acronym (`Buy 6 ft HDMI cables`)
_NAME_AFTER = re.compile(
    r"[ \t]+(?!(?:The|A|An|It|Its|This|That|These|Those|There|Here|Then|So|But|And|Or|Now|Next|Each|Every|If|When|"
    r"After|Before|We|I|You|He|She|They|My|Our|Your|His|Her|Their)\b)[A-Z][a-z]"
)


def _featuring(match: re.Match[str], lang: Language) -> bool:
    """Whether `ft` after a number is "featuring" in a song's credit (`Despacito 2 ft Justin Bieber`, `Part 2 ft.
    Drake`, `track 12 ft Rihanna`): before a name, after a title's capitalised word or a label, or, without a full
    stop, wherever no article describes a noun with it (`a 6 ft Fence`) and nouns have no capitals (German's do)."""
    if _NAME_AFTER.match(match.string, match.end()) is None:
        return False
    before = _word_before(match)
    if before.lower() in lang.articles | lang.unit_adjective_articles:
        return False  # a title's `Build a 6 ft Fence`
    if before[:1].isupper() or after_label(match.string, match.start()):
        return True
    return not match["stop"] and lang.code != "de"  # `it measured 6 ft. Drake said`: a sentence's end


def _sentence_goes_on(rest: str, lang: Language) -> bool:
    """Whether the word after a unit's full stop goes on with its sentence (`5 min. per epoch`), not starts one."""
    if rest[:1] in ("-", ",", ";", ":"):
        return True  # `5 Min.-Pause`: "5 Minuten-Pause" ("5 Minuten.-Pause" was said); `5 Min., dann`
    word = re.match(r"\s*([^\W\d_]\w*)", rest)
    if word is None or not word[1].islower():  # `Danach`, `iOS`, `eBay`
        return False
    return len(word[1]) > 1 or word[1] in lang.one_letter_words  # `x is ready` starts one; `a new run` goes on


def _labels(text: str, lang: Language) -> str:
    def say(match: re.Match[str]) -> str:
        before = match.string[: match.start()]
        if before.count("(") > before.count(")"):
            return match[0]  # "(for n A)" closes a parenthesis, it is no label
        letter = match[1].upper()
        return lang.label.format(letter) + match[2] if match[2].isspace() else letter  # "is **b)**." → "is B."

    return re.sub(r"(?:(?<=^)|(?<=[\s:;,]))([a-hA-H])\)(\s|(?=[,.;:!?]|$))", say, text)


@lru_cache(maxsize=8)
def _abbreviation_patterns(lang: Language) -> list[tuple[re.Pattern[str], str, str]]:
    patterns = []
    for written, said in sorted(lang.abbreviations.items(), key=lambda item: -len(item[0])):
        if written in lang.exact_case:
            body, flags = re.escape(written), 0
        elif written[0].islower():
            # `e.g.` or `E.g.`, never `E.G.` or the German `ca.` in "von der CA.": that is an acronym
            body, flags = f"(?:{re.escape(written)}|{re.escape(written[0].upper() + written[1:])})", 0
        elif written in lang.before_numbers:
            body, flags = re.escape(written), 0  # "No. 3", never the reply in "the answer is no. 3 remain"
        else:
            body, flags = re.escape(written), re.IGNORECASE
        # a month's year, and its year after the line's own "de" (`feb. de 2019`)
        year = _year_after(lang).pattern if said in lang.months else _YEAR_AFTER.pattern
        # "No. 5", "Eq. (4)", "Fig. S1", "No. of users" are numbered things; "No." alone is a reply
        after = rf"(?=\s?(?:\d|\(|[A-Z]\d)|\s+of\b|{year})" if written in lang.before_numbers else r"(?![\w])"
        lead = r"(?<![\w.])" if written[0].isalnum() else ""  # `kr/st.`: the slash starts it, after a word
        if len(written) == 1 and not written.isalnum():
            # a sign alone is a word between spaces (`@ 5:00/km`, `@ 80%`), not in `jan@123.nl`, and before a number
            # only where the number is no address's start (`info @ 2sports.nl`, `info @ 24-7fitness.nl`)
            lead = r"(?<!\S)"
            after = (
                r"(?=[ \t]\d+(?:[:.,]\d+)*(?!\w|[.,:]\w))(?![ \t]\S*\.[^\W\d_])"
                if written in lang.before_numbers
                else after
            )
        elif len(written) == 1 and written in lang.before_numbers:
            after = r"(?=\s?\d)"  # `Ø 28 cm` before its number only: `A ∩ B = Ø (leeg)` is the empty set
        if written in lang.before_week_numbers:
            after = r"(?=\s?(?:0?[1-9]|[1-4]\d|5[0-3])(?![\d.,]\d|\d))"  # `wk 07` too
        if written in lang.after_numbers:
            lead += r"(?:(?<=\d )|(?<=\d\u00a0))"
        if written in lang.before_lowercase:
            after = r"(?=[ \t]*(?:[\d:]|[^\W\d_](?<=[^\W\d_A-ZÀ-ÖØ-Þ])))"
        if written in lang.not_after_numbers:
            lead += r"(?<!\d )(?<!\d\u00a0)(?<!/)"
        if written in lang.after_percent:
            lead += r"(?:(?<=%)|(?<=% )|(?<=%\u00a0))"
        if written in lang.before_years:  # `sept. 2023`; not "il en reste sept. 12 autres", a sentence's seven
            after = rf"(?={year})"
        patterns.append((re.compile(rf"{lead}{body}{after}", flags), written, said))
    return patterns


def _before_names(text: str, lang: Language) -> str:
    """`st. Petersburg`, `St. Louis`: a saint or a place named after one ("Sankt"), not pieces ("stycken")."""
    for written, said in lang.before_names.items():
        pattern = rf"(?<![\w.])(?<!\d )(?<!\d){re.escape(written)}(?=\s+[A-ZÀ-ÖØ-Þ])"

        def name(match: re.Match[str], said: str = said, written: str = written) -> str:
            before = match.string[: match.start()]
            # `fem st. Sedan`, `5 kr/st. Nästa`: pieces ending a sentence, the next one's first word (review 147)
            if written[0].islower() and not _name_follows(before, lang):
                return written
            return said

        text = re.sub(pattern, name, text)
    return text


def _name_follows(before: str, lang: Language) -> bool:
    """After a line's or a sentence's start or a word the table names (`i st. Petersburg`) a name follows."""
    words = before.split()
    return not words or words[-1][-1] in ".!?:;" or words[-1].lower() in lang.names_after


#: A capitalized word next, and the word after it: a new sentence after an abbreviation that closes what it follows
_CAPITAL_AFTER = re.compile(r"\s+([A-ZÀ-ÖØ-Þ]\w*)(?:[ \t]+(\w+))?")
#: The fewest letters before a definite ending that make it one (`Priset`, `Boken`; `Den`, `Ben` are too short)
_STEM_LETTERS = 3


def _opens_sentence(word: str, next_word: str | None, lang: Language) -> bool:
    """`Sedan`, `Två`, `Servrarna står`, `Självklart räcker`, `Nvidia levererar`: a sentence's first word, where
    `Raspberry Pi`, `Arduino Uno`, `Nissan Leaf` name what a counter counts."""
    if word.lower() in lang.sentence_openers:
        return True
    if next_word is not None and next_word[0].isupper():
        return False  # a name of two capitalized words
    if word[1:].islower() and any(
        word.endswith(ending) and len(word) - len(ending) >= _STEM_LETTERS for ending in lang.opener_endings
    ):
        return True
    if next_word is None or not next_word.islower():
        return False
    return next_word.endswith(lang.verb_endings) or next_word in lang.opener_verbs


def _ends_sentence(match: re.Match[str], written: str, lang: Language) -> bool:
    """`5 st. Sedan`, `osv. Sedan`: an abbreviation that closes what it follows, before a capital, ends the
    sentence; one that also counts what follows does only before a sentence's first word (`10 st. Raspberry Pi`)."""
    capital = _CAPITAL_AFTER.match(match.string, match.end()) if written in lang.sentence_final else None
    if capital is None:
        return False
    return written not in lang.counters or _opens_sentence(capital[1], capital[2], lang)


#: a year after a month (`feb. 2019`)
_YEAR_AFTER = re.compile(r"\s?\d{4}(?!\d)")


def _month_year_word(lang: Language) -> str:
    """The word between a month and its year, with its space (Spanish " de"), as `month_year` says it; or none."""
    between = lang.month_year.removeprefix("{m}").removesuffix("{y}").strip()
    return f" {between}" if between else ""


@lru_cache(maxsize=8)
def _year_after(lang: Language) -> re.Pattern[str]:
    """A year after a month, alone or after the word between them (Spanish `feb. 2019`, `feb. de 2019`)."""
    between = _month_year_word(lang).strip()
    if not between:
        return _YEAR_AFTER
    return re.compile(rf"{_YEAR_AFTER.pattern}|\s+{re.escape(between)}\s+\d{{4}}(?!\d)")


#: a day before a month (`el 5 feb. 2019`)
_DAY_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}\s\Z")


def _day_month_word(lang: Language) -> str:
    """The word between a day and its month, with its space (Spanish "de "), as `date_form` says it; or none."""
    between = lang.date_form.partition("{d}")[2].partition("{m}")[0].strip()
    return f"{between} " if between.isalpha() else ""


#: A verb of using or opening before a `vs` that compares nothing, an editor's name (`I use vs for everything`,
#: "I use versus for everything" was said), or a line about an editor; in the languages that read `vs`. Elsewhere
#: a word that joins or places after it is a comparison still (`on GPU vs on CPU`, `without vs with dropout`)
_EDITOR_VERB = re.compile(
    r"(?:\b(?:use[sd]?|using|open(?:s|ed)?|run|runs|launch(?:es|ed)?|install(?:s|ed)?|prefer(?:s|red)?|love[sd]?"
    r"|hate[sd]?|like[sd]?|nutze[nt]?|benutze[nt]?|öffne[nt]?|installiere[nt]?|mag|utilise[zs]?|ouvre[zs]?"
    r"|installe[zs]?|préfère[sz]?|us[oa]|usamos|abro|instalo|prefiero|gebruik(?:t|en)?|använder)\s+)\Z",
    re.IGNORECASE,
)
_EDITOR_LINE = re.compile(r"\b(?:editor|IDE|Editor|éditeur|editores?)\b")


def _an_editor(match: re.Match[str]) -> bool:
    """Whether a `vs` is an editor's name: after a verb of using or opening, or in a line about an editor."""
    start = match.start()
    return bool(_EDITOR_VERB.search(match.string, max(0, start - 16), start) or _EDITOR_LINE.search(match.string))


def _abbreviations(text: str, lang: Language) -> str:
    if lang.before_names:
        text = _before_names(text, lang)
    for pattern, written, said in _abbreviation_patterns(lang):

        def replace(match: re.Match[str], said: str = said, written: str = written) -> str:
            if written == "vs" and _an_editor(match):
                return match[0]  # `I use vs for everything`: an editor's name, nothing is compared
            if written in lang.only_after and _word_before(match).lower() not in lang.only_after[written]:
                return match[0]
            if written in lang.not_after and _word_before(match).lower() in lang.not_after[written]:
                # `var ung.`: young, but not before an amount with its unit (`Det var ung. 20 min`: about)
                after = len(match.string) - len(match.string[match.end() :].lstrip(" \t"))
                if _unit_pattern(lang)[0].match(match.string, after) is None:
                    return match[0]
            word = said[0].upper() + said[1:] if match[0][0].isupper() and not written[0].isupper() else said
            if said in lang.months and _year_after(lang).match(match.string, match.end()):
                if _YEAR_AFTER.match(match.string, match.end()):  # not before the line's own "de" (`feb. de 2019`)
                    word += _month_year_word(lang)  # `feb. 2019`: "febrero de 2019", as `02/2019` is said
                if _DAY_BEFORE.search(match.string, 0, match.start()):
                    word = _day_month_word(lang) + word  # `el 5 feb. 2019`: "el 5 de febrero de 2019", as `date_form`
            if _ends_sentence(match, written, lang):
                word += "."  # `5 st. Sedan`: its full stop ends the sentence too (a line's last one goes, as before)
            return word + " " if match.string[match.end() : match.end() + 1].isalnum() else word  # Fig.3

        text = pattern.sub(replace, text)
    return text


#: The first part of a media type (`application/json`, `text/html`).
_MEDIA_TYPES = frozenset({"application", "text", "image", "audio", "video", "font", "multipart", "model", "message"})
#: Subtypes that make `text/html` a media type, where `text/image` stays two words ("text or image", review 84).
_MEDIA_SUBTYPES = frozenset({"json", "html", "plain", "csv", "xml", "png", "jpeg", "jpg", "gif", "webp", "pdf",
                             "mp4", "mpeg", "ogg", "webm", "javascript", "css", "zip", "gzip", "markdown", "yaml",
                             "wav", "mp3", "svg", "woff", "woff2", "octet-stream", "form-data"})  # fmt: skip


def _units_rate(word: str, lang: Language) -> str | None:
    """`km/h`, `MB/s`, `ng/mL`, `µg/mL`: a unit per a unit, or None."""
    left, slash, right = word.partition("/")
    if not slash or "/" in right or (len(left) < 2 and len(right) < 2):
        return None
    if left in lang.units and right in lang.units:
        return f"{lang.units[left]} {lang.per_unit(lang.singular(lang.units[right]))}"
    return None


#: One-letter units a rate is written with (`m/s`, `g/l`, `V/m`, `J/s`, `W/h`): "per", not a division
_RATE_LETTERS = frozenset("mglLVAWJNC")


#: A data set's parts (`train/test`, `train/val/test`): one split's names side by side, not "train or test"
_DATA_SPLITS = frozenset({"train", "training", "val", "valid", "validation", "dev", "test", "testing", "eval"})
#: ... those that name only a data set's part; `dev`, `test` and `eval` alone also name stages, environments or
#: builds (`dev/test environment`: "dev or test environment"), parts of a data set only before these words
_TRAINING_SPLITS = frozenset({"train", "training", "val", "valid", "validation"})
_DATA_WORDS = frozenset({"set", "sets", "split", "splits", "data", "dataset", "datasets", "partition", "partitions",
                         "accuracy", "loss", "error", "examples"})  # fmt: skip


#: Words before `N/M of` that make it a date (a definite article: `el 5/6 de 2023`, `Am 1/12 des Jahres`; `since
#: 9/11`), not a part
_DATE_ARTICLES = frozenset(
    {"the", "el", "la", "lo", "le", "l'", "il", "o", "am", "der", "die", "das", "dem", "den", "des", "since"}
)
#: ... or a position among others (`page 1/12 of the slides`, `Step 5/8 of the install`)
_POSITION_NOUNS = frozenset({
    "page", "slide", "step", "epoch", "question", "chapter", "part", "lesson", "level", "round", "pagina", "passo",
    "capitolo", "domanda", "lezione", "página", "paso", "pregunta", "capítulo", "diapositiva", "étape", "chapitre",
    "diapositive", "seite", "schritt", "frage", "kapitel", "folie",
})  # fmt: skip
#: ... and words after its "of" (a year, a month)
_DATE_AFTER_OF = re.compile(r"(?:1\d|20)\d\d|mes|mois|mese|monat|month|jahres|año|anno|ano|année", re.IGNORECASE)


#: The first words of US customary units (singular) a fraction of more than one part is "of a" before: `3/4 lb`
_US_UNITS_OF_A = frozenset({"pound", "ounce", "fluid", "teaspoon", "tablespoon", "foot", "yard", "gallon", "quart"})
#: English "a" before a fraction of one said with a vowel ("eighth", "eleventh") before "of": `a 1/8 of an inch`
_A_BEFORE_A_VOWEL_FRACTION = re.compile(r"(?<![\w'’])([Aa]) (?=1/(?:8|11) of\b)")


def _fraction(
    numerator: int, denominator: int, lang: Language, after: str, before: str, code: bool, then: str = ""
) -> str | None:
    """A fraction in words: the table's halves, thirds and quarters anywhere, others before "of" in prose (`1/6 of
    ours`), not in a date or a position (`el 5/6 de 2023`, `page 1/12 of`: `then` is the word after "of"); after an
    indefinite article without its own "one" ("un cuarto de hora")."""
    following = _peel(after)[1].lower().replace("’", "'")
    elided = following.split("'")[0] + "'" if "'" in following else ""
    article = _peel(before)[1].lower()
    if (numerator, denominator) not in lang.frac_simple and (
        code
        or not lang.fraction_of & {following, elided}
        or article.replace("’", "'") in _DATE_ARTICLES | _POSITION_NOUNS
        or _DATE_AFTER_OF.fullmatch(_peel(then)[1])
    ):
        return None
    said = fraction_words(numerator, denominator, lang)
    if said and numerator == 1 and (article == said.split()[0] or (lang.code == "en" and article in ("a", "an"))):
        return said.split(" ", 1)[1]  # `un 1/4 de hora` was "un un cuarto de hora", `a 1/4 inch` "a one quarter"
    if said and numerator > 1 and lang.code == "en" and following in _US_UNITS_OF_A and article not in ("a", "an"):
        # `3/4 lb`: "three quarters of a pound" ("three quarters pound" was said); `3/4 oz` "of an ounce"
        return f"{said} of {'an' if following.startswith('ounce') else 'a'}"
    return said


def _slash(
    word: str, lang: Language, *, code: bool = False, after: str = "", before: str = "", then: str = ""
) -> str | None:
    """A word with a slash as said (`before` and `after` are the words beside it, `then` the word after `after`), or
    None where no rule knows it."""
    parts = word.split("/")
    if len(parts) > 2 and all(re.fullmatch(r"[A-Z][A-Z0-9]{0,5}", part) for part in parts):
        return ", ".join(parts)  # UART/SPI/I2C: a list of names
    if not code and len(parts) in (2, 3) and all(part.lower() in _DATA_SPLITS for part in parts):
        data = any(part.lower() in _TRAINING_SPLITS for part in parts) or _peel(after)[1].lower() in _DATA_WORDS
        if data:
            return " ".join(parts)  # in code, `train/test` is a path
    match = re.fullmatch(r"([^\W_]+)/([^\W_]+)", word)
    if not match or _UNREAD_LETTERS.search(word):
        # `км/ч`, `токенов/с`, `كم/س`: no table's words, whose "or" was said between them ("км or ч"); the voice
        # reads the slash in its language (bug bash h-scripts)
        return None
    left, right = match[1], match[2]
    if {left.lower(), right.lower()} == {"max", "min"}:
        return f"{left} {right}"  # max/min: a pair, not "max per minute"
    if re.fullmatch(r"[A-Z]{2,}", left) and right.isdigit() and len(right) == 1:
        return f"{left} {right}"  # HTTP/2: a name and its version
    if (rate := _units_rate(word, lang)) is not None:
        return rate
    per_words = _PER_WORDS | lang.per_words
    conjunctions = _CONJUNCTIONS | lang.conjunctions
    if (
        len(left) == 1
        and left.isalpha()
        and (right.isdigit() or (len(right) == 1 and right.isalpha()))
        and not (left.lower() in conjunctions or right.lower() in conjunctions)  # `y/o`: and/or
        and not (left in _RATE_LETTERS and right.lower() in per_words)  # `in m/s`, `g/l`: a unit's rate
    ):
        # two names or a name and a number: a division (`d/h = 64` was "d per hour", `h/2` "h or 2"; bug bash 123)
        return f"{left} {lang.over} {right}"
    one_capital = len(left) == 1 and right.islower()  # `U/min`; `E/S` (entrada/salida) is a pair of names
    if right.lower() in per_words and left.lower() not in per_words and (not left.isupper() or one_capital):
        return f"{left} {lang.per_unit(_period(right, lang))}"  # 5 dollars/month, requests/second
    if left.lower() in conjunctions or right.lower() in conjunctions:
        return f"{left} {right}"  # and/or
    year = re.fullmatch(r"([A-Z]{1,3})?((?:19|20)\d\d)", left)
    if year and re.fullmatch(r"\d\d", right) and int(right) == (int(year[2]) + 1) % 100:
        # 2025/26, FY2024/25: a season or fiscal year, not a fraction (bug bash 83)
        prefix = f"{year[1]} " if year[1] else ""
        return f"{prefix}{year[2]} {lang.word_to} {int(year[2]) + 1}"  # 1999/00: "1999 to 2000"
    if left in _MEDIA_TYPES and (right in _MEDIA_SUBTYPES or re.fullmatch(r"[a-z0-9]+[.+-][a-z0-9.+-]+", right)):
        return f"{left} {right}"  # application/json: a media type ("application or json")
    if re.fullmatch(r"(?:19|20)\d\d", left) and right.isdigit() and int(right) == int(left) + 1:
        return f"{left} {lang.word_to} {right}"  # 2023/2024: a school or book year, not a choice (review 91)
    if (
        left.isdigit()
        and right.isdigit()
        and (said := _fraction(int(left), int(right), lang, after, before, code, then))
    ):
        return said
    if left.isdigit() and right.isdigit():
        # 8086/8088 names two chips; 13/17 is a fraction
        joiner = lang.word_or if len(left) >= 4 and len(right) >= 4 else lang.over
        return f"{left} {joiner} {right}"
    if len(left) == 1 and len(right) == 1 and left.isalpha() and right.isalpha():
        return f"{left} {lang.over} {right}"  # V/R
    if left.isupper() and right.isupper() and len(left) <= 5 and len(right) <= 5:
        return f"{left} {right}"  # TCP/IP, I/O: one name
    # the neighbours in the same phrase (`workloads; read/write latency`: "latency" alone)
    neighbours = {_peel(before)[1].lower()} if not _peel(before)[2] else set()
    neighbours |= {_peel(after)[1].lower()} if not _peel(after)[0] else set()
    if left.isalpha() and right.isalpha() and not (left.isupper() or right.isupper()) and lang.pair_nouns & neighbours:
        return f"{left}-{right}"  # a 1:3 read/write ratio, le ratio lecture/écriture: a pair, not a choice
    return f"{left} {lang.word_or} {right}"


#: A slash between two numbers or one-letter names, a fraction or a division, in code too (not `05/2024`); and a
#: rate (`100/min`)
_MATH_SLASH = re.compile(r"(?:[1-9]\d*|0|[A-Za-z])/(?:[1-9]\d*|[A-Za-z])|\d+(?:\.\d+)?/[A-Za-z]+")


def _balanced_words(text: str) -> list[str]:
    """Whitespace-separated words, but a formula with spaces inside parentheses stays one word."""
    words: list[str] = []
    for word in text.split():
        if words and words[-1].count("(") > words[-1].count(")") and _OPEN_FORMULA.search(words[-1]):
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def _peel(word: str) -> tuple[str, str, str]:
    lead, trail = "", ""
    while (
        word
        and word[0] in _LEAD
        and (word[0] != "(" or word.count("(") > word.count(")"))
        and (word[0] != "[" or word.count("[") > word.count("]"))
    ):
        lead, word = lead + word[0], word[1:]
    while (
        word
        and word[-1] in _TRAIL
        and (word[-1] != ")" or word.count(")") > word.count("("))
        and (word[-1] != "]" or word.count("]") > word.count("["))
    ):
        trail, word = word[-1] + trail, word[:-1]
    return lead, word, trail


def _decimal_commas(formula: str, lang: Language) -> str:
    """A formula written in prose, with its decimal commas as points where the language writes them: `±0,05` and
    `p=0,03` said "zero, five" and "zero, three" (bug bash 88), as in a `$…$` formula."""
    if not lang.decimal_comma or "," not in formula or re.fullmatch(r"[ij]=[1-9](?:,[1-9])+", formula):
        return formula  # `i=1,2`: two indices (review 90)
    return decimal_points(formula)


#: an article or preposition elided before a word (French, Italian)
_ELIDED = re.compile(r"(?:[dlDLjJnNsScCmMtT]|[Qq]u|[Dd]ell|[Aa]ll|[Nn]ell|[Dd]all|[Ss]ull|[Uu]n)['’]")


def _word(
    word: str,
    lang: Language,
    greek_is_math: bool,
    *,
    code: bool = False,
    after: str = "",
    before: str = "",
    then: str = "",
) -> str:
    lead, core, trail = _peel(word)
    if not core:
        return word
    if core[-1] == "∃" and trail[:1] == "!":  # `∃! x`: "there exists a unique", no exclamation ("there exists!")
        core, trail = core + "!", trail[1:]
    elided = _ELIDED.match(core) if lang.elides else None
    rest = core[elided.end() :] if elided else ""
    if elided and re.match(r"[A-Za-zα-ωΑ-Ω]", rest) and (_MATHY.search(rest) or _GREEK.search(rest)):
        # `d'O₂`, `l'α-tocophérol`, `dell'H₂O`: the article is no prime of a formula ("d prime O"); `s'(t)` is
        # one (review 90)
        return f"{lead}{elided[0]}{_word(rest, lang, greek_is_math, code=code)}{trail}"
    if url := _URL.fullmatch(core):
        said = url[1].removeprefix("www.")  # a listener can use a site's name, not its path
        # ... except on the listener's own machine, where the path is the point (`http://localhost:8080/health`:
        # "localhost:8080" alone said nothing of it, bug bash 107)
        path = core[url.end(1) :].split("?", 1)[0].split("#", 1)[0].strip("/")
        if path and _LOCAL_HOST.match(url[1]):
            slash = lang.code_symbols.get("/", "/")
            said += f" {slash} " + f" {slash} ".join(part for part in path.split("/") if part)
    elif core in _OPERATORS:
        said = lang.symbols.get(_ASCII_OPERATORS.get(core, core), core)
    elif _known_macros(core, code=code) and not (code and _windows_path(core)):
        said = read_formula(parse_latex, core, lang)
    elif _LATEX_MACRO.search(core):
        # C:\Users\me: a path, not LaTeX; in code its backslashes are said by name after (`\n`, `\d+`, `C:\tmp\log`:
        # "n", "d plus", "C : log" were said), in prose they part its words
        said = core.replace("\\", " ")
        if code:  # in a string literal an escape's letter is no part of the word after it (`"a\tb"`)
            quoted = lead[-1:] != "" and lead[-1] in _QUOTES and trail[:1] == lead[-1]
            said = _escapes(core) if quoted else core
    elif _IDENTIFIER.fullmatch(core) and any(
        len(part) >= 3 and part.isalpha() and part.lower() not in SUBSCRIPT_WORDS for part in core.split("_")[1:]
    ):
        said = core.replace("_", " ")  # x_train, log_level: a name in code
    elif _SHORT_NAME.fullmatch(core) and set(core[2:]) - _INDEX_LETTERS:
        said = f"{core[0]} {core[2]} {core[3]}"  # d_ff: a model's width, "d f f" as d_model is "d model"
    elif (rate := _units_rate(core, lang)) is not None:
        said = rate  # µg/mL: units, not a formula with a Greek letter (bug bash 88)
    elif "@" in core and MAIL_ADDRESS.fullmatch(core):
        said = core  # `jane+podcast@gmail.com`, `jane+1@…`: as written, as `jane.doe@gmail.com` is, not a formula
    elif _MATHY.search(core) or (greek_is_math and _GREEK.search(core)):
        if _UNREAD_LETTERS.search(core):
            parts, runs = _UNREAD_LETTERS.split(core), [*_UNREAD_LETTERS.findall(core), ""]
            said = " ".join(
                f"{_word(part, lang, greek_is_math, code=code) if part.strip('·⋅') else ''} {run}".strip()
                for part, run in zip(parts, runs, strict=True)
            ).strip()
        else:
            said = read_formula(parse_formula, _decimal_commas(core, lang), lang)
    elif (slashed := _slash(core, lang, code=code, after=after, before=before, then=then)) is not None and (
        not code or _MATH_SLASH.fullmatch(core) or lang.word_or not in slashed.split()
    ):
        # in code `n/2`, `a/b` (a division), `100/min`, `req/s` (rates), `TCP/IP`: not "or", `origin/main` is a path
        # (study 96), said with its slash
        said = core.replace("/", f" {lang.over} ") if code and lang.word_or in slashed.split() else slashed
    elif re.fullmatch(r"\w+_\w+(?:_\w+)*", core):
        said = core.replace("_", " ")  # snake_case names
    else:
        said = core
    return f"{lead}{said}{trail}"


def _is_term(word: str) -> bool:
    core = _peel(word)[1]
    return (
        bool(core)
        and bool(_MINUS_NEIGHBOUR.match(core))
        and (any(char.isdigit() for char in core) or bool(_MATHY.search(core)) or len(core) == 1)
    )


def _divided(word: str) -> bool:
    """A side of a spaced `/` that makes it a division: a term, a formula, capitals (`TP`) or a group `(…`."""
    core = _peel(word)[1]
    return (
        _is_term(word)
        or bool(_MATHY.search(core))
        or re.fullmatch(r"[A-Z]{1,4}", core) is not None
        or (word.startswith("("))
    )


_NUMBER_START = re.compile(r"[-−]?[.,]?\d")
_COMPARISONS = {"<", ">", "≤", "≥", "≈", "≃", "≠", "<=", ">="}
#: A comparison sign glued to the number after it, after a space (not `<3`, not code's `x<=5`)
_GLUED_COMPARISON = re.compile(r"(?:(?<=\s)|(?<=^))([≤≥≈≃])(?=\d)")


#: A name's limit (`T → 0`, `n → ∞`, `λ → 0⁺`, `x_n → 0`): one letter, maybe with an index, going to zero or
#: infinity; between numbers (`2.3 → 1.9`) or names (`A → B`) the arrow is a change or a step ("to"), and so is it
#: to another number (`B → 64`, `p → 0.1`: a new value, "B tend vers 64", "B gegen 64" was said)
_LIMIT_ARROW = re.compile(r"(?<![\w.])([A-Za-zα-ωΑ-Ω](?:_\w+|[₀-₉]+)?)\s?→\s?(?=[-−+]?(?:0(?![\d.,]\d)|∞))")


#: the word before a limit's name (`Pour n → ∞`, `Set ε → 0`)
_WORD_BEFORE_LIMIT = re.compile(r"([^\W\d_]+)\s+\Z")
#: ... or the two words opening the noun phrase the name ends (`Let the step size η → 0`, `Let the width of the bin h
#: → 0`): a key of the table's `tends_to_after` of two words, and up to four more words
_WORD_BEFORE_PHRASE = re.compile(r"([^\W\d_]+)\s+([^\W\d_]+)\s+((?:[^\W\d_]+\s+){0,4})\Z")


def _limit(match: re.Match[str], lang: Language) -> str:
    """`n → ∞`: "n goes to infinity"; after a preposition or a verb of setting as the language says it there ("for n
    going to infinity", "Pour n tendant vers l'infini", "Set epsilon to 0": "tend vers", "goes to" was said)."""
    before = _WORD_BEFORE_LIMIT.search(match.string, max(0, match.start() - 20), match.start())
    said = lang.tends_to_after.get(before[1].lower(), lang.tends_to) if before else lang.tends_to
    if before and before[1].lower() not in lang.tends_to_after:
        phrase = _WORD_BEFORE_PHRASE.search(match.string, max(0, match.start() - 60), match.start())
        # not a clause of its own after the phrase (`Let the model run as ε → 0`: "as epsilon go to 0" was said)
        if phrase and not any(word.lower() in lang.clause_conjunctions for word in phrase[3].split()):
            said = lang.tends_to_after.get(f"{phrase[1]} {phrase[2]}".lower(), said)
    return f"{match[1]} {said} "


@cache
def _glued_equals(decimal_comma: bool, space_thousands: bool) -> re.Pattern[str]:
    """An equals sign glued to a number whose thousands are grouped (`n=1,000`, `vocab_size=50,257`, `n=1.000`,
    `n=1 000`): the pair was read as a formula's list ("n equals one, zero"; German "n gleich eins", the value 1;
    bug bash 165); with spaces around the sign the number was read right."""
    group = r"\." if decimal_comma else ","
    if space_thousands:
        group = rf"[{group[-1]} \u00a0\u202f]"
    return re.compile(rf"(?<=\w)=(?=\d{{1,3}}(?:{group}\d{{3}})+(?![\w.,]\d|\w))")


#: A short name glued to `=` and a number (`eps=1e-5`, `lr=3e-4`, `wd=0.01`), as hyperparameters are written: read
#: as a formula, a name of two or three letters was spelled ("e p s equals one e minus 5"); spaced, it is the word or
#: the letters it is alone (`eps`, `lr`), and the number as prose reads it. Not inside a word, a path or a query
#: (`?id=5`), and one letter stays a formula's variable (`x=5`)
_SHORT_NAME_EQUALS = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=\())([A-Za-z]{2,3})=(?=[-−]?\d+(?:[.,]\d+)*(?:e[-−+]?\d+)?(?![\w=/]|[.,]\d))"
)


#: A feminine noun phrase's first word (`La perte initiale ≈ …`, `Une valeur < 0`, `Cette variance ≥ 1`)
_FEMININE_DETERMINERS = frozenset({"la", "une", "cette"})
#: Elided articles before a noun of a subject's complement (`de l'erreur`, `d'erreur`)
_ELIDED_ARTICLES = ("l'", "l’", "d'", "d’")
#: The most words a subject's noun phrase has before its comparison (`La valeur de x`)
_SUBJECT_WORDS = 4
#: ... and when it is an article's noun with its complement (`la perte de validation moyenne`)
_COMPLEMENTED_SUBJECT_WORDS = 6
#: The words starting a noun's complement, third in a long subject (`la perte de validation moyenne`)
_COMPLEMENT_WORDS = frozenset({"de", "du", "des"})
#: Nouns of an adverbial phrase before a clause's subject, not its subject (`Une fois x > 0`, `Cette fois`, `La
#: plupart du temps x > 0`): x, masculine, is compared ("x est supérieure à 0" was said)
_NOT_SUBJECTS = frozenset({"fois", "plupart"})
#: Words linking a clause, before its subject (`Si la perte < 0,1`, `Donc la perte ≈ 0`, `et que la perte < 1`):
#: not the subject's
_LINKING_WORDS = frozenset({"si", "quand", "donc", "lorsque", "puisque", "mais", "et", "alors", "que"})
#: Words joining a clause to the one before it (`Si x > 0 et la perte < 1`, `Si le modèle est bon et la perte < 1`)
_JOINING_WORDS = frozenset({"et", "mais", "ou"})
#: ... but not two nouns after "entre" (`Le rapport entre la perte et la précision`: one subject, "Le rapport")
_BETWEEN = "entre"


def _after_a_joining_word(subject: list[str], lang: Language) -> list[str]:
    """The words after the last joining word (`Si x > 0 et la perte < 1`, `Si le modèle est bon et la perte < 1`:
    "la perte"), the comparison's own subject after a clause with its own comparison or verb; the words as they are
    when none joins them, when "entre" joins two nouns; when the words before it are a noun phrase the joined noun
    shares a subject with, that first noun phrase (`Le ratio de la variance et la moyenne > 1`: "Le ratio de la
    variance", `La variance et la moyenne > 1`: "La variance"; no plural yet)."""
    start, end = 0, len(subject)
    for position, word in enumerate(subject):
        if word.lower() == _BETWEEN:
            return subject
        if word.lower() in _JOINING_WORDS:
            if not _a_noun_phrase(subject[start:position], lang):
                start, end = position + 1, len(subject)
            elif end == len(subject):
                end = position  # two noun phrases: the first one's gender (`La variance et la moyenne`: "supérieure")
    return subject[start:end]


def _a_noun_phrase(words: list[str], lang: Language) -> bool:
    """Whether `words`, after their linking words, are a noun phrase and no clause: an article, its noun and maybe
    the noun's complement (`Le ratio de la variance`, `le four`; not `le modèle est bon`, `le modèle converge`,
    `x > 0`)."""
    while words and words[0].lower() in _LINKING_WORDS:
        words = words[1:]
    if words and words[0][:2].lower() in _ELIDED_ARTICLES[:2] and len(words[0]) > 2:
        words = [words[0][:2], words[0][2:], *words[1:]]  # `l'erreur`: an article and its noun
    if len(words) < 2 or words[0].lower() not in lang.articles or not _words_of_a_noun_phrase(words[1:]):
        return False
    complement = words[2:]
    verbs = lang.verbs - _COMPLEMENT_WORDS
    return not complement or (
        (complement[0].lower() in _COMPLEMENT_WORDS or complement[0][:2].lower() in _ELIDED_ARTICLES[2:])
        and not any(word.lower() in verbs for word in complement)
    )


def _words_of_a_noun_phrase(words: list[str]) -> bool:
    """Words of prose after a subject's first one: letters, or an elided article's noun (`La valeur de l'erreur`)."""
    return all(word.isalpha() or (word[:2].lower() in _ELIDED_ARTICLES and word[2:].isalpha()) for word in words)


def _most_subject_words(subject: list[str]) -> int:
    """How many words `subject` may have: more for an article's noun and its complement of words (`la perte de
    validation moyenne < 0,1`), whose length says no verb or name is among them."""
    complemented = (
        len(subject) > 2
        and subject[2].lower() in _COMPLEMENT_WORDS
        and all(len(word) > 1 and word.lower() not in _LINKING_WORDS for word in subject)
    )
    return _COMPLEMENTED_SUBJECT_WORDS if complemented else _SUBJECT_WORDS


def _feminine_subject(words: list[str], index: int, lang: Language) -> bool:
    """The clause's words before a comparison are a feminine noun phrase of prose (`La perte initiale ≈ ln(V)`: "La
    perte initiale est environ égale au logarithme", it was "égal"), as a phrase of the table is in a formula."""
    if not lang.feminine_comparisons:
        return False
    start = index
    # no further back than a subject's words, two linking words and one: a long line of comparisons is read in
    # linear time
    furthest = max(0, index - _COMPLEMENTED_SUBJECT_WORDS - 3)
    while start > furthest and not words[start - 1].endswith((",", ";", ":", ".", "!", "?")):
        start -= 1
    subject = _after_a_joining_word(words[start:index], lang)  # "la perte est inférieure à 1" ("inférieur" was said)
    while len(subject) > 1 and subject[0].lower() in _LINKING_WORDS:
        subject = subject[1:]  # `Si la perte < 0,1`: "inférieure" ("inférieur" was said)
    # the head noun is the first (`La valeur de l'erreur`: "inférieure", `Le taux d'erreur`: "inférieur")
    if not 1 <= len(subject) <= _most_subject_words(subject) or not _words_of_a_noun_phrase(subject[1:]):
        return False
    if any(word.lower() in _NOT_SUBJECTS for word in subject):
        return False
    first = subject[0].lower()
    if first[:2] in ("l'", "l’"):  # `L'espérance ≥ 0`: a noun the table knows is feminine
        return first[2:] in lang.feminine_phrases
    return len(subject) > 1 and first in _FEMININE_DETERMINERS


#: The most words of a noun phrase of prose whose comparison takes the clause's verb, with the word before it (`si
#: la tasa de aprendizaje inicial > 1e-3`)
_CLAUSE_SUBJECT_WORDS = 7


def _clause_subject(words: list[str], index: int, lang: Language) -> bool:
    """A comparison after a noun phrase of prose that follows a clause's conjunction or a word joining clauses
    (Spanish `Si la pérdida < 0,1, paramos`, `cuando la pérdida de validación > 2`, `y la pérdida ≈ 0,5`): the
    comparison is the clause's verb, which the table's words lack ("si la pérdida menor que 0,1" was said). At a
    sentence's start it may be a phrase (`La pérdida < 0,1 indica …`, "a loss below 0.1"), left as it was."""
    if not lang.subject_determiners:
        return False
    start = index
    while start > max(1, index - _CLAUSE_SUBJECT_WORDS) and words[start - 1].isalpha():
        start -= 1
    for position in range(start, index - 1):
        before = words[position - 1].lower()
        if words[position].lower() in lang.subject_determiners and (
            before in lang.clause_conjunctions or before in lang.clause_joining_words
        ):
            return (
                all(word.islower() for word in words[position + 1 : index])
                and not _compound_subject(words, position - 1, lang)
                and _operand_ends_clause(words, index, lang)
            )
    return False


@cache
def _one_words(lang: Language) -> frozenset[str]:
    """The words a table writes for the digit 1 before a noun it counts ("une milliseconde", "einem Euro")."""
    words = {lang.one, lang.one_feminine, lang.one_feminine_elided, lang.one_accusative, *lang.one_dative}
    return frozenset(words - {""})


#: A mark after which a clause ends (`Si la pérdida < 0,1, paramos`)
_CLAUSE_END = re.compile(r"[,.;:!?]")


def _operand_ends_clause(words: list[str], index: int, lang: Language) -> bool:
    """Whether the comparison is its clause's verb: no verb of the clause's own (`lang.operand_verbs`) follows the
    operand and its unit, of any number of words (`> 180 °C`, `< 5 MB/s`), before a mark, a word joining clauses or
    the line's end (`que la pérdida < 0,1 indica convergencia`, `la dosis > 5 mg es peligrosa`: "es" would be a second
    verb). Any other word there (`en validación`, `paramos` after `si`) keeps "es": "si la latencia mayor que 10 ms
    paramos" was said."""
    joining = lang.clause_joining_words | lang.clause_conjunctions
    if index + 1 >= len(words) or _CLAUSE_END.search(_peel(words[index + 1])[2]):
        return True
    for word in words[index + 2 : index + 2 + _OPERAND_TAIL_WORDS]:
        bare = _peel(word)[1].lower()
        if bare in joining:
            return True
        if bare in lang.operand_verbs:
            return False
        if _CLAUSE_END.search(_peel(word)[2]):
            return True
    return True


#: The most words read after a comparison's operand for the clause's own verb (`< 0,1 en validación indica`)
_OPERAND_TAIL_WORDS = 6


def _compound_subject(words: list[str], joiner: int, lang: Language) -> bool:
    """Whether a word joining clauses joins two nouns of one subject instead (`El precio y la calidad > 7`: a
    determiner and its noun before it), whose verb would be plural ("el precio y la calidad es mayor" was said)."""
    if words[joiner].lower() not in ("y", "e", "o", "u") or joiner < 2:
        return False
    start = words[joiner - 2]
    opening = joiner == 2 or _CLAUSE_END.search(_peel(words[joiner - 3])[2]) is not None
    return opening and start.lower() in lang.subject_determiners and not _CLAUSE_END.search(_peel(words[joiner - 1])[2])


def _after_verb(words: list[str], index: int, lang: Language) -> bool:
    """Whether a comparison follows a verb of the sentence ("was < 0.05", "takes ≈ 3 hours"), whose own verb would
    be a second one; elsewhere ("if count < 5", "det ≠ 0") the sign is the verb. A preposition of one letter (Spanish,
    Italian, Portuguese `a`) is one after a verb only ("salta a ≈ 4,6"): else it is a name (`si a ≈ b` lost its
    "igual a", "si a aproximadamente b")."""
    word = _peel(words[index - 1])[1].lower() if index else ""
    if len(word) == 1 and word in lang.verbs:
        return index > 1 and _peel(words[index - 2])[1].lower() in lang.verbs - {word}
    return word in lang.verbs


def _prose_comparison(sign: str, verb: str, lang: Language, *, feminine: bool = False) -> str:
    """A comparison after a word of prose, which has its verb: "values greater than 1", "it takes about 3 hours",
    "était inférieur à 0,05"; after a verb with an object or a preposition, a bound of the amount ("takes at most
    0.2 ms", "with at least 80% recall", "fait au plus 0,2 ms"); agreeing with a feminine subject before the verb
    (`La perte est < 1`: "La perte est inférieure à 1")."""
    if sign in ("≈", "≃"):
        return lang.about
    if sign in lang.bounds and (verb.lower() not in lang.copulas or sign in lang.copula_bounds):
        return lang.bounds[sign]
    sign = _ASCII_OPERATORS.get(sign, sign)
    said = (lang.feminine_comparisons.get(sign) if feminine else None) or lang.symbols[sign]
    return said[len(lang.verb) + 1 :] if lang.verb and said.startswith(f"{lang.verb} ") else said


def _comparison_of_a_name(words: list[str], index: int, lang: Language) -> str | None:
    """A comparison about a name after a preposition ("for z > 88": "for z greater than 88") or a conjunction whose
    clause it is the verb of (Spanish "si ‖g‖₂ > 1,0": "si … es mayor que 1,0"); None elsewhere. After a quantifier
    ("for all x > 0", "pour tout x > 0") or with a word for its name ("with count ≥ 5"), the preposition's too."""
    if index < 1 or index + 1 >= len(words):
        return None
    name = words[index - 1]
    opener = words[index - 2] if index >= 2 else ""
    if opener in lang.quantifiers and index >= 3:
        opener = words[index - 3]  # "for all x": the name's preposition is before its quantifier
    # `∀ ε > 0`, `∃δ > 0`, `∄δ > 0`: a formula's quantifier names what the comparison bounds, as "for all" does
    signed = opener in ("∀", "∃", "∄") or (len(name) > 1 and name[0] in ("∀", "∃", "∄"))
    named = opener in lang.naming_prepositions or signed
    if not (_is_term(name) or _MATHY.search(name) or (named and name.isalpha()) or signed):
        return None
    said = lang.symbols.get(_ASCII_OPERATORS.get(words[index], words[index]), words[index])
    if named and lang.verb and said.startswith(f"{lang.verb} "):
        return said[len(lang.verb) + 1 :]
    if opener in lang.clause_conjunctions and lang.clause_verb:
        return f"{lang.clause_verb} {said}"
    return None


@cache
def _measure_words(lang: Language) -> frozenset[str]:
    """The words that say what a number after a dash measures (money, its millions, a unit, percent), lowercased:
    "dollars", "million", "euros", "kilograms", "%"."""
    currencies = [*(lang.symbols[sign] for sign in "$€£"), *lang.currency_signs.values()]
    phrases = [*currencies, *lang.multipliers.values(), *lang.units.values()]
    words = {phrase.split()[0] for phrase in phrases} | {phrase.split()[-1] for phrase in currencies}
    return frozenset(word.lower() for word in words | {lang.singular(word) for word in words} | {"%"})


#: A spaced dash (a hyphen, a minus or an en or em dash)
_SPACED_DASHES = frozenset({"-", "−", "–", "—"})


def _subtracted_quantity(words: list[str], index: int, lang: Language) -> bool:
    """`we print total - 1 rows`, `count - 2`: a spaced minus between a quantity's name and a bare number, as code
    is written in prose, is "minus"; not a dash opening an aside after a noun phrase (`Our budget - 5 million
    dollars - was approved`, `I love the price - 10 dollars is cheap`, `What a score - 10 points!`, review 211): a
    determiner before the name, money, a unit or percent after the number, or a dash closing the aside before the
    sentence ends (one before a word) say it is one."""
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    if before not in lang.quantity_names or _NUMBER_START.match(after) is None:
        return False
    if any(_peel(word)[1].lower() in lang.articles for word in words[max(0, index - 3) : index - 1]):
        return False  # `the price - 10`, `The final score - 3 to 1`
    if index + 2 < len(words) and _peel(words[index + 2])[1].lower() in _measure_words(lang):
        return False  # `budget - 5 million dollars`
    # up to the next dash or the sentence's end (not further: each minus would read the rest of a long line)
    for later, word in enumerate(words[index + 1 :], index + 1):
        if word in _SPACED_DASHES:  # `- 50 - is enforced`: the aside's closing dash; `count - 2`: a minus
            return later + 1 < len(words) and _NUMBER_START.match(words[later + 1]) is not None
        if word.endswith((".", "!", "?")):
            break
    return True


def _formula_words(words: list[str], lang: Language, greek_is_math: bool, *, code: bool = False) -> list[str]:
    """Each word said; next to an operator, short names are products (`Ax` → "A x") and `-` is "minus"."""
    out: list[str] = []
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if code and _peel(word)[1] == "*" and not (_operand(before) and _operand(after)):
            out.append(word)  # `SELECT * FROM`, `COUNT(*)`, a cron's `* *`: a star, not "times" (study 96)
            continue
        if code and word == "%" and _operand(before) and _operand(after):
            out.append(lang.plain_functions["mod"])  # `n % 2`: the remainder ("n percent 2")
            continue
        if code and word == "/" and _operand(before) and _operand(after):
            out.append(lang.symbols["/"])  # `x / 2`, `total / count`: a division (a path's slash is no word)
            continue
        near_operator = _peel(before)[1] in _OPERATORS or _peel(after)[1] in _OPERATORS or "-" in (before, after)
        core = _peel(word)[1]
        # a 1 before a unit is already the language's word for one (`< 1 ms`: "une milliseconde", which lost its
        # sign as a menu path's: "prend, une milliseconde")
        number_after = _NUMBER_START.match(_peel(after)[1]) is not None or _peel(after)[1] in _one_words(lang)
        if word in ("-", "−") and (
            (_is_term(before) and _is_term(after))
            or (code and _code_subtraction(words, before, after))
            or _subtracted_quantity(words, index, lang)  # `total - 1`
        ):
            out.append(lang.minus)
        elif word == "/" and (after.startswith("(") or before.endswith(")")) and (_divided(before) or _divided(after)):
            out.append(lang.symbols["/"])  # TP / (TP + FP): a division, not "slash" ("CPU / GPU" stays)
        elif word in (">", "<") and before and after and not (_is_term(before) or _is_term(after) or number_after):
            # Save > Export > PDF: a menu path, not a comparison (a number or infinity after it compares: `E[X] < ∞`)
            out.append(lang.symbols[word] if _peel(after)[1].lstrip("+-−") == "∞" else ",")
        elif word in _COMPARISONS and _after_verb(words, index, lang) and (number_after or _is_term(after)):
            out.append(
                _prose_comparison(word, _peel(before)[1], lang, feminine=_feminine_subject(words, index - 1, lang))
            )
        elif word in _COMPARISONS and (said := _comparison_of_a_name(words, index, lang)) is not None:
            out.append(said)
        elif (sign := _ASCII_OPERATORS.get(word, word)) in lang.feminine_comparisons and _feminine_subject(
            words, index, lang
        ):
            out.append(lang.feminine_comparisons[sign])  # `La perte ≈ 2,3`: "est environ égale à"
        elif word in _COMPARISONS and _clause_subject(words, index, lang):
            out.append(f"{lang.clause_verb} {lang.symbols[_ASCII_OPERATORS.get(word, word)]}")
        elif near_operator and (primed := _PRIMED.fullmatch(word)):
            # `y' = …`: y prime, as `f'(x)` is (the apostrophe went as a quote's, `y'` was left to the engine)
            out.append(read_formula(parse_formula, primed[1].replace("'", "′"), lang) + primed[2])
        elif (
            near_operator
            and _PRODUCT.fullmatch(core)
            and core.lower() not in _SHORT_WORDS
            and core.lower() not in lang.short_words
            and not core.isdigit()
        ):
            lead, _, trail = _peel(word)
            out.append(f"{lead}{read_formula(parse_formula, _decimal_commas(core, lang), lang)}{trail}")
        else:
            then = words[index + 2] if index + 2 < len(words) else ""
            out.append(_word(word, lang, greek_is_math, code=code, after=after, before=before, then=then))
    return out


def _subtracted(word: str) -> bool:
    """A side of a spaced minus in code (`qty - 1`, `end - start`): an operand, not a command's option (`cut -d -
    -f1`); a name of several letters was left with its hyphen, which eSpeak did not say ("qty one")."""
    return _operand(word) and not word.startswith(("-", "−"))


#: Code that computes (`qty = qty - 1`, `SELECT price - discount`, `len(xs)`): an assignment, a comparison, an
#: operator, a call or a query's keyword; a shell's `$(…)` is no call
_ARITHMETIC_CONTEXT = re.compile(r"(?:[=+*/<>%!:]?=|[+*/<>%])\Z|\w+[(=]|(?:SELECT|SET|WHERE|RETURNING|return)\Z")


def _code_subtraction(words: list[str], before: str, after: str) -> bool:
    """A spaced minus between two operands in code that computes: a number after it (`len(xs) - 1`) or a line that
    does arithmetic (`SELECT price - discount FROM orders`); a command's lone dash is its standard input (`cat -
    notes.txt`, `diff - expected.txt`, `psql -U admin - mydb`: "cat minus notes.txt" was said)."""
    if not (_subtracted(before) and _subtracted(after)):
        return False
    return (
        _NUMBER_START.match(_peel(after)[1]) is not None
        or _CALLED_OR_INDEXED.match(after) is not None
        or (before.endswith((")", "]")) and not before.startswith("$("))
        or (_ATTRIBUTE.fullmatch(before) is not None and _ATTRIBUTE.fullmatch(after) is not None)
        or any(_ARITHMETIC_CONTEXT.match(word) for word in words)
    )


#: An operand that is a call's or an index's value (`np.mean(y)`, `df['b']`, `a[1]`, `y.sum()`): arithmetic, as one
#: before the minus ending in `)` or `]` is (`np.mean(x) - np.mean(y)` was "np.mean(x) - np.mean(y)")
_CALLED_OR_INDEXED = re.compile(r"[A-Za-z_][\w.]*[(\[]")
#: ... and two attributes (`x.sum() - y.sum()`, whose empty brackets are gone: "x.sum - y.sum"); one file name is a
#: command's argument (`cat - notes.txt`)
_ATTRIBUTE = re.compile(r"[A-Za-z_]\w*\.[A-Za-z_]\w*")


def _operand(word: str) -> bool:
    """A name, a number, a power or a closed group on one side of a product in code (`lr * 0.5^epoch`); not a
    keyword of SQL (`SELECT *`)."""
    core = word.strip("\"'`,;").lstrip("-−+")  # `x * -1`
    return bool(re.fullmatch(r"[\w.(].*[\w)\]]|\w", core)) and not (core.isupper() and core.isalpha() and len(core) > 1)


# a suffix is no word's first letter (`$15 T-shirt`, `$99 T-Mobile`)
@lru_cache(maxsize=8)
def _amount(lang: Language) -> str:
    """An amount after its currency sign, with the table's word for its size (`$1.5M`, `R$ 15 mil`, `US$ 2 bi`)."""
    sizes = "|".join(re.escape(key) for key in sorted(_multiplier_keys(lang), key=len, reverse=True))
    # thousands grouped by an apostrophe or a space (`CHF 1'200`, `EUR 1 500`) are one number (review 90)
    # `$10 500-piece` is two numbers; `€ 5 000` one everywhere (no count starts with 0), `EUR 1 500` one in French
    # (a hyphen before a word parts them, not one before a range's end: `$1 000-$2 000`, review r-scripts)
    space = " " if lang.space_thousands else " (?=0)"
    number = rf"\d{{1,3}}(?:(?:['’\u00a0\u202f]|{space})\d{{3}})+(?!-[^\W\d_]|[%×])(?:[.,]\d+)?|\d[\d,.]*\d|\d"
    # not `€ 450.000 k.k.` (kosten koper): a letter of an abbreviation
    return rf"({number})(?:\s?({sizes})(?!\w|-[A-Za-z]|\.[A-Za-z]))?"


#: An amount in reais as Brazil writes it (`R$ 1.000`, `R$ 1.200,50`, `R$ 2,5`): a point grouping thousands or a
#: comma before at most two decimals; a point before exactly three digits after a whole amount (not `R$ 0.002`) is
#: no decimal mark, as no price in reais has three decimals
_BRAZILIAN_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?|\d+,\d{1,2}")
_REAL_SIGNS = {"R$", "BRL"}


#: A price's thousands after the rouble's or the hryvnia's sign, grouped by spaces as Russian and Ukrainian write them
#: (`₽189 990`: "189 roubles 990" was said, and `₽1 500-₽2 000` was no range; bug bash h-scripts)
_SPACE_GROUPED_PRICE = re.compile(r"([₽₴]\s?)(\d{1,3}(?: \d{3})+)(?=[.,]\d|(?!\d))")
#: A rupee amount grouped in lakhs as India writes it (`₹1,65,000`: "one sixty-five thousand rupees" was said)
_LAKH_GROUPED_PRICE = re.compile(r"(?<=₹)(\s?)(\d{1,2}(?:,\d\d)+,\d{3})(?=[.]\d|(?!\d|,\d))")
#: A mark grouping an amount's thousands (`€5 000`, `CHF 1'200`), which English voices read as two numbers ("five
#: zero zero zero euros", "one two hundred Swiss francs")
_GROUP_MARK = re.compile(r"(?<=\d)[ \u00a0\u202f'’](?=\d{3}(?!\d))")


#: Where a currency sign before an amount starts: not inside a word, but after Chinese or Japanese, which write none
#: between words (`约$1.45`, `花₹450打了车`: "约 dollars 1.45" was said, and the rupee dropped; bug bash h-scripts)
_SIGN_START = rf"(?:(?<![\w$€£/])|(?<=[{CJK}]))"


def _english_groups(number: str, lang: Language) -> str:
    """An amount in English written without its grouping spaces or apostrophes (`5 000` → `5000`), which English voices
    read apart; the languages that write them (French, Swedish) read them, and keep them."""
    return _GROUP_MARK.sub("", number) if lang.code == "en" else number


def _brazilian_marks(number: str, sign: str, lang: Language) -> str:
    """`R$ 1.000` in a language that writes a decimal point: "1,000" ("one point zero zero zero reais" was said),
    `R$ 1.200,50` "1,200.50"; elsewhere, or written as the language writes it (`R$ 1,000.50`), as written."""
    if lang.decimal_comma or sign.strip() not in _REAL_SIGNS or not _BRAZILIAN_AMOUNT.fullmatch(number):
        return number
    return number.translate(str.maketrans(".,", ",."))


#: An amount under one unit with two decimals (`0.90`, `0,05`), said in cents where the currency has them
_UNDER_ONE = re.compile(r"0[.,](0[1-9]|[1-9]\d)")


def _cents(number: str, currency: str, lang: Language) -> tuple[str, str] | None:
    """`$0.90`, `0,05 €`: the count of cents and their word ("90", "cents"; "5", "centimes"), or None where the
    amount is no such (`$0.002`, `$0.5`, `$0.00`) or the table names no cents for the currency."""
    found = _UNDER_ONE.fullmatch(number)
    if found is None or currency not in lang.cent_words:
        return None
    return str(int(found[1])), lang.cent_words[currency]


#: What comes right before an amount that is a rate or a range's end (`= 1,12 USD`, `3,99–4,99 €`)
_RATE_OR_RANGE = re.compile(r"(?:=|\d\s?[–—-])\s?\Z")
#: A price with cents: its whole amount (not 0: `0,30 €` is said in cents, see `_cents`), its thousands' separator
#: (not the decimal mark), and its cents (10 to 99, or none; `4.05` is read as written: "four dollars five" is no
#: way to say it)
_PRICE = re.compile(r"([1-9]\d{0,2}(?:([.,'’\u00a0\u202f ])\d{3})*|[1-9]\d*)(?!\2)[.,](00|[1-9]\d)")


#: A noun after an amount of money, which the amount describes (`a $5 coffee`), not a word of the sentence: a
#: preposition, an article, a pronoun, a participle, a verb of a clause whose subject the amount is (`the $500 we
#: raised`, `the $5 goes to`, `the $20 you owe`, `every $1 spent`, `the $10 gives hope`), nor a name (`the $5 John
#: owes me`: a capital, but a letter's noun such as `T-shirt`)
_DESCRIBED_WORD = (
    r"[ \t]+(?!(?:of|and|or|to|per|in|on|at|for|is|are|was|were|with|from|by|than|each|more|less|a|an|the|plus|"
    r"minus|i|you|he|she|it|we|they|me|him|us|them|that|which|who|this|these|those|has|have|had|will|would|can|"
    r"could|should|may|might|must|shall|do|does|did|be|been|goes|went|gets|got|buys|bought|pays|paid|covers|"
    r"includes|comes|came|means|makes|made|adds|added|remains|seems|helps|stays|works|represents|becomes|costs|"
    r"saves|funds|matters|counts|feeds|lets|gives|keeps|provides|allows|requires|says|wins|takes|brings|needs|"
    r"puts|shows|tells|lasts|earns|offers|returns|unlocks|enables|supports|spent|lost|won|sent|given|"
    r"taken|kept|left|brought|held|only|just|too|so|then|now|back|off|up|down|out|over|under|extra|apiece|total|"
    r"instead|already|still|later|today|tomorrow|yesterday|here|there|if|when|as|but|nor|into|onto|toward|"
    r"towards|via|after|before|since|until|vs|versus|worth)\b|"
    # ... a preposition or a conjunction, but not a compound's first word (`the 10 km against-the-wind leg`)
    r"(?:during|within|throughout|without|between|among|against|through|across|around|despite|beyond|upon|while|"
    r"because|unless|although|though|except)\b(?!-))"
    # `the $5 invested`, `this $5 isn't`; not `a $2M seed round`
    r"(?![a-z]+[^\We]ed\b|\w+['’])(?-i:[a-z]|[A-Z]-)"
)
#: A word in -s (not -ss, -us: `class`, `bus`)
_WORD_IN_S = r"[a-z]*[^su]s\b"
#: ... before an article or a pronoun is a verb (`the $5 feeds the cat`)
_VERB_IN_S = (
    rf"{_WORD_IN_S}[ \t]+(?:a|an|the|this|that|these|those|my|your|his|her|its|our|their|me|you|him|us|them|it)\b"
)
#: ... and, after an amount of money, before the clause's end too (`the $5 vanishes.`)
_PRICED_NOUN = re.compile(_DESCRIBED_WORD + rf"(?!{_VERB_IN_S}|{_WORD_IN_S}[ \t]*(?:[.,;:!?)]|$))", re.IGNORECASE)
#: Verbs of a clause whose subject is a measured amount (`My 5 km feels slow`, `The 2 h flies by`), besides those
#: `_DESCRIBED_WORD` has (`is`, `takes`, `lasts`, `costs`...); not every word in -s, mostly a plural noun (`the 10 kg
#: bags`: "the 10-kilogram bags", `the 2 TB drives`)
_AMOUNT_VERB = r"(?:feels|felt|flies|flew|runs|ran|looks|passes|elapses|weighs|drags|took)\b"
#: A noun after an amount with its unit, which the amount describes (`the 2 h mark`), as after money; not such a verb,
#: where the unit is said as it was before 8334d50
_UNIT_NOUN = re.compile(rf"(?![ \t]+{_AMOUNT_VERB})" + _DESCRIBED_WORD, re.IGNORECASE)


#: A brand's or a name's words between an amount and the noun it describes (`a $5 Uber ride`, `an $8 Amazon gift
#: card`, `the $5 Uber ride`); not a size written with a capital (`a $5 Million deal`: no brand, "a 5-dollar Million
#: deal" was said)
_BRAND = re.compile(
    r"(?:[ \t]+(?!(?:Hundred|Thousand|Million|Billion|Trillion)s?\b)[A-Z][\w&'’.-]*){1,3}(?=[ \t]+[a-z])"
)
#: ... after "the" or another determiner, whose amount may be a clause's subject, a name's verb after it (`the $5 John
#: owes me`, `the $5 Mom gave me`, `the $5 Sam found`): a past or a verb the noun's rules do not know (they know
#: `paid`, `kept`, those in -ed and a verb in -s before an object or the clause's end), or a word before a pronoun
#: that is only an object (`… handed me`, `… bet them`); a plural noun is the brand's (`the $5 Uber rides were
#: cheap`), and so is a noun before a clause whose subject is an article's or a pronoun (`the $5 Uber ride my sister
#: booked`, `the $10 Netflix plan you chose`: "dollars" was said, review r-spoken6)
_NAMES_VERB = re.compile(
    r"[ \t]+(?:(?:gave|lent|found|sold|took|put|set|stole|saw|said|told|threw|owes?|lends?|give|finds?|needs?|"
    r"wants?|borrow|spend)\b|[a-z]+[ \t]+(?:me|him|us|them)\b)",
    re.IGNORECASE,
)
#: ... and after a person's name alone, one capitalised word (`the $5 Anna won`, `the $20 Tom bet on the game`: "the
#: 20-dollar Tom bet" was said), a past that also follows a noun (`the $5M Series A raised last year`) and "bet", a
#: noun too, before what it was bet on or against: after a brand's or a league's words it is their noun (`the $50
#: FanDuel bet on the Lakers`, `the $100 NBA bet on Boston`, `the $50 Super Bowl bet on the Chiefs`)
_NAME = re.compile(r"[ \t]+[A-Z][a-z]+")
_NAMES_PAST = re.compile(
    r"[ \t]+(?:won|lost|spent|wagered|raised|earned|saved|donated|bet[ \t]+(?:on|against|that|it|everything))\b",
    re.IGNORECASE,
)


def _describes_noun(match: re.Match[str], determiner: str) -> bool:
    """Whether an amount of money describes the noun after it (`a $5 coffee`, `a $5 Uber ride`, `the $5 Uber ride`;
    not `the $5 John owes me`)."""
    if _PRICED_NOUN.match(match.string, match.end()) is not None:
        return True
    brand = _BRAND.match(match.string, match.end())
    if brand is None or _PRICED_NOUN.match(match.string, brand.end()) is None:
        return False
    # after "a" or "an" an amount is no clause's subject: what follows a brand is its noun
    if determiner in ("a", "an"):
        return True
    named = _NAME.fullmatch(brand[0]) is not None and _NAMES_PAST.match(match.string, brand.end()) is not None
    return not named and _NAMES_VERB.match(match.string, brand.end()) is None


def _money_adjective(match: re.Match[str], number: str, size: str | None, currency: str, lang: Language) -> str | None:
    """`a $2,500 balance`, `a $1.5 million loan`: "a 2,500-dollar balance", "a 1.5-million-dollar loan", as a unit
    before a noun is ("a 2,500 dollars balance" was said); None where the amount is no adjective, or has cents
    (`a $3.99 coffee` keeps "3 dollars 99")."""
    determiner = _word_before(match).lower()
    if determiner == "~":  # `a ~$5 fee`: "a roughly 5-dollar fee", as `a ~5 GB file` (the sign said later)
        words = match.string[max(0, match.start() - 64) : match.start()].split()
        determiner = words[-2].lower() if len(words) > 1 and words[-2].lower() in lang.about_describing else ""
    if not lang.money_adjective_determiners or determiner not in lang.money_adjective_determiners:
        return None
    if (not size and _PRICE.fullmatch(number)) or not _describes_noun(match, determiner):
        return None
    if not size and (cents := _cents(number, currency, lang)):
        return f"{cents[0]}-{lang.singular(cents[1])}"  # `a $0.50 fee`: "a 50-cent fee"
    # `US$ 5`: "a 5-dollar fee" (a country's code is said with the amount, not in an adjective: "5-US-dollar")
    currency = re.sub(r"^[A-Z]{2,3} ", "", currency)
    words = [*([lang.multipliers[size]] if size else []), lang.singular(currency)]
    return "-".join([number, *" ".join(words).split()])  # `a $10 000 prize`: "10000-dollar", its number whole


def _money(text: str, lang: Language) -> str:
    """`$5` → "5 dollars", `€1.5M` → "1.5 million euros", `$5-$10` and `€5–10` → "5 to 10 dollars", `€0.30/kWh`
    and `5 €/Monat` → "30 cents per kilowatt hour", "5 Euro pro Monat"; a currency sign before a number is money,
    never math."""
    multipliers = lang.multipliers

    def amount(number: str, suffix: str | None, before: str, sign: str = "") -> str:
        """The amount before the currency's words: "5", "1.5 million", "eine Million", "mille"."""
        suffix = _multiplier_keys(lang).get(suffix) if suffix else None  # `Millionen` as written: the key `M`
        if suffix and sign.strip() == "€" and suffix in lang.euro_multipliers:
            return f"{number} {lang.euro_multipliers[suffix]}"
        if suffix and number == "1" and lang.bare_thousand and multipliers[suffix] == multipliers["k"]:
            return lang.multipliers_one.get(suffix, multipliers[suffix])  # "mille dollars", not "1 mille"
        if suffix and lang.is_singular(number) and suffix in lang.multipliers_one:
            return lang.counted(number, lang.multipliers_one[suffix], before)  # "un million de", "1,5 million de"
        return f"{number} {multipliers[suffix]}" if suffix else number

    def money(match: re.Match[str], number: str, suffix: str | None, sign: str) -> str:
        """ "5 dollars", "1 dollar", "une livre", "1.5 million euros", "3 dollars 99"."""
        before = _word_before(match)
        if suffix:
            return f"{amount(number, suffix, before, sign)} {currency(sign)}"
        # `$3.99`, `4,50 €`, `R$ 1.200,00`: as a price is said; not a rate (`1 EUR = 1,12 USD`) nor a range's end
        # (`3,99–4,99 €`, its start read as a decimal; review 97)
        ranged = _RATE_OR_RANGE.search(match.string[max(0, match.start() - 4) : match.start()]) is not None
        if not ranged and (cents := _cents(number, currency(sign), lang)):
            return lang.counted(*cents, before)  # `$0.90`: "90 cents", as `$1.80` is "1 dollar 80"
        if not ranged and (price := _PRICE.fullmatch(number)):
            said = lang.counted(price[1], currency(sign), before)
            return said if price[3] == "00" else lang.cents.format(amount=said, cents=price[3])
        return lang.counted(number, currency(sign), before)

    # a sign of several characters first (`R$ 50`, `US$10`): its words, and a space may follow it
    words = {**{sign: lang.symbols[sign] for sign in "$€£"}, **lang.currency_signs}
    spaced = {sign for sign in words if len(sign) > 1 or lang.spaced_signs}
    signs = "|".join(re.escape(sign) + (r"\s?" if sign in spaced else "") for sign in sorted(words, key=len)[::-1])

    def currency(sign: str) -> str:
        return words[sign.rstrip()]

    def per(right: str) -> str | None:
        """ "per kilowatt hour", or None when `right` is neither a unit nor a period."""
        if right in lang.units:
            return lang.per_unit(lang.singular(lang.units[right]))
        if right.lower() in _PER_WORDS | lang.per_words or right.isalpha():
            return lang.per_unit(_period(right, lang))  # $5/user: "5 dollars per user"
        return None

    def not_money(match: re.Match[str]) -> bool:
        """A sign with a space after it that follows an amount (`5 € 10 keer`: the amount's sign, then a count), or
        a currency's code before a year (`the USD 2024 outlook`)."""
        sign = match[1].rstrip()
        before = match.string[max(0, match.start() - 8) : match.start()]  # not the whole line for each amount
        after_amount = re.search(r"\d\s$", before) and not re.search(r"\b(?:19|20)\d\d\s$", before)
        if len(sign) == 1 and sign != match[1] and after_amount:
            return True
        return match[1].strip().isalpha() and not match[3] and re.fullmatch(r"(?:19|20)\d\d", match[2]) is not None

    def money_joiner(match: re.Match[str]) -> str:
        """ "a", or "o" between neighbours only (`circa € 10–20` is two ends, "circa 10 o 20 euro" was said)."""
        neighbours = not match[3] and not match[5] and _neighbours(match[2], match[4])
        return _range_joiner(match.string[: match.start()], lang, neighbours=neighbours)

    if "₽" in text or "₴" in text:
        text = _SPACE_GROUPED_PRICE.sub(lambda m: m[1] + m[2].replace(" ", ""), text)
    if "₹" in text and lang.code == "en":
        text = _LAKH_GROUPED_PRICE.sub(lambda m: m[1] + m[2].replace(",", ""), text)
    if "/" in text:  # `$5/$10`, two amounts: said as `$5 / $10` is ("5 dollars/ dollars 10" was said)
        text = re.sub(rf"(?<=\d)/(?=(?:{signs})\d)", " / ", text)
    # one range, in one currency: $5-$10, €5–10
    text = re.sub(
        rf"{_SIGN_START}({signs}){_amount(lang)}(?:\s?-\s?|{_RANGE_DASH})\1?{_amount(lang)}",
        lambda m: (
            m[0]
            if not_money(m)
            else f"{_range_from(m, lang)}{amount(_english_groups(m[2], lang), m[3], '')} {money_joiner(m)} "
            f"{amount(_english_groups(m[4], lang), m[5], '')} {currency(m[1])}"
        ),
        text,
    )

    def before(match: re.Match[str]) -> str:  # $5, €0.30/kWh
        if not_money(match):
            return match[0]
        number = _english_groups(_brazilian_marks(match[2], match[1], lang), lang)
        if not match[4]:  # `a $5 coffee`; not a rate (`a $5/month plan`)
            size = _multiplier_keys(lang).get(match[3]) if match[3] else None
            if (adjective := _money_adjective(match, number, size, currency(match[1]), lang)) is not None:
                return adjective
        said = money(match, number, match[3], match[1])
        rate = per(match[4]) if match[4] else None
        if rate is not None:
            return f"{said} {rate}"
        return said + (f"/{match[4]}" if match[4] else "")

    text = re.sub(rf"{_SIGN_START}({signs}){_amount(lang)}(?:/([^\W\d_]+)(?![\w/]))?", before, text)

    def after(match: re.Match[str]) -> str:  # 5 €, 5 €/Monat, 5€/mois, 3,5 M€, 1 Mio. €
        # a code after a whole number is money only at a clause's end (`kostet 1 USD.`), not before a word (`in 2024
        # USD weakened`, `the top 5 USD stablecoins`, review 90)
        whole = not (match["suffix"] or match["per"] or re.search(r"[.,]\d", match[1]))
        if match["sign"].isalpha() and whole and not re.match(r"\s*(?:$|[.,;:!?)\]])", match.string[match.end() :]):
            return match[0]
        rate = per(match["per"]) if match["per"] else ""
        if rate is None:
            return match[0]
        suffix = _multiplier_keys(lang).get(match["suffix"]) if match["suffix"] else None
        sign = match["sign"]
        said = f"{amount(match[1], suffix, _word_before(match), sign)} {currency(sign)}" if suffix else None
        return (said or money(match, match[1], None, sign)) + (f" {rate}" if rate else "")

    # an amount with its sign after it, as French and German write it: `1 €`, `5 €/Monat`; with the amount's word
    # before the sign: `3,5 M€`, `2 Md€`, `1 Mio. €` (its abbreviation said already: "1 Millionen €")
    # ... or its code (`1,08 USD`, `450 Mio. USD`)
    codes = "".join(f"|{code}" for code in lang.currency_signs if code.isalpha())
    text = re.sub(
        rf"(?<![\w.,])(\d{{1,3}}(?:\.\d{{3}})+,\d\d|\d+(?:[.,]\d+)?)"  # and `1.250,00 €` (review 99)
        rf"(?:\s?(?P<suffix>{_multiplier_pattern(lang)}))?\s?(?P<sign>[$€£]{codes})"
        r"(?:/(?P<per>[^\W\d_]+))?(?![\w/$€£])",
        after,
        text,
    )
    return _priced_with_words(text, lang, set(words.values()))


def _priced_with_words(text: str, lang: Language, currencies: set[str]) -> str:
    """A price with cents and its currency's word after it, as German and French often write it (`7,50 Euro`,
    `12,50 euros`, `2.50 dollars`): "7 Euro 50", as with a sign (eSpeak read "sieben Komma fünf null Euro")."""
    named = {form.lower(): word for word in currencies for form in (word, lang.singular(word))}
    words = "|".join(re.escape(form) for form in sorted(named, key=len, reverse=True))

    # a range's or an alternative's first amount, left a decimal: its end reads alike (`3,99 oder 4,99 Euro`)
    joiners = {lang.word_to, lang.word_and, lang.word_or, *_RANGE_NEIGHBOURS}

    def price(match: re.Match[str]) -> str:
        found = _PRICE.fullmatch(match[1])
        before = match.string[max(0, match.start() - 16) : match.start()]
        ranged = _RATE_OR_RANGE.search(before) or (
            (joined := re.search(r"\d\s(\w+)\s$", before)) is not None and joined[1].lower() in joiners
        )
        if found is None or ranged:
            return match[0]  # `0,45 Euro`, `4,05 Euro`: read as written; a range's end (`3,99 bis 4,99 Euro`) too
        said = lang.counted(found[1], named[match[2].lower()], _word_before(match))
        return said if found[3] == "00" else lang.cents.format(amount=said, cents=found[3])

    return re.sub(
        rf"(?<![\w.,])(\d{{1,3}}(?:[.,'’\u00a0\u202f]\d{{3}})+[.,]\d\d|\d+[.,]\d\d)(?![\d.,]\d)"
        rf"\s(?i:({words}))(?![\w-])",
        price,
        text,
    )


@lru_cache(maxsize=8)
def _multiplier_keys(lang: Language) -> dict[str, str]:
    """The words an amount may have before its currency sign (`M`, `Md`, `Millionen`), each with its key in the
    table's `multipliers`."""
    keys = {value: key for key, value in lang.multipliers.items() if " " not in value}
    return {**keys, **{key: key for key in lang.multipliers}}


@lru_cache(maxsize=8)
def _multiplier_pattern(lang: Language) -> str:
    return "|".join(re.escape(word) for word in sorted(_multiplier_keys(lang), key=len, reverse=True)) + r"(?!\w)"


def _counted_amounts(text: str, lang: Language) -> str:
    """ "eine Million Nutzer", not "1 Millionen Nutzer": the word for one (and the singular) before an amount's
    word that an abbreviation gave (`1 Mio. Nutzer`)."""
    plurals = {
        value: lang.multipliers_one[key]
        for key, value in lang.multipliers.items()
        if key in lang.multipliers_one and " " not in value
    }
    if not plurals:
        return text
    words = "|".join(re.escape(word) for word in plurals)

    def say(match: re.Match[str]) -> str:
        if not lang.is_singular(match[1]):
            return match[0]
        return lang.counted(match[1], plurals[match[2]], _word_before(match))

    return re.sub(rf"(?<![\w.,])(\d+(?:[.,]\d+)?) ({words})(?!\w)", say, text)


def _range_from(match: re.Match[str], lang: Language) -> str:
    """ "da " before a range, unless the word before it already says where the range starts ("tra 10-15")."""
    before = match.string[max(0, match.start() - 64) : match.start()].split()
    if not lang.range_from or (before and before[-1].lower() in lang.range_words):
        return ""
    return lang.range_from


#: A range's dash between two numbers (`3–5`, `3 – 5`, `3—5`); not an em dash with a space on both sides, which
#: sets an aside apart (`under 0.1% — 1% is a lot`: "0.1 to 1%" was said; bug bash h-tech)
_RANGE_DASH = r"(?:\s?–\s?|—\s?|\s—(?=\d))"


#: A range with the word before it (and the word before that): `il 20–25%`, `punta a 6.000–12.000 €`, `en 1–2 días`;
#: not a date (`2024-03-15`), a time (`9:00-17:00`) nor a version's numbers
_WORDED_RANGE = re.compile(
    r"(?<![\w'’\-/.,:])(?:(\w+) )??(\w+ |[lL]['’]|)(\d+(?:[.,]\d+)*)(\s?%)?(?:"
    rf"{_RANGE_DASH}|-)(\d+(?:[.,]\d+)*)"
    r"(?![\w\-/–—:]|[.,]\d)(?(4)\s?%|(\s?%)?)"
)
#: A whole number after Italian "il", which takes "l'" where its word starts with a vowel (otto, undici, uno)
#: (and "lo" before zero), a decimal's too (`il 1,5`: "l'uno virgola cinque")
_ARTICLE_NUMBER = re.compile(r"\bil (\d+)(?:,([1-9]\d?))?(?![\d.,]\d)")


def _elided(match: re.Match[str], lang: Language) -> str:
    """ "l'otto", not "l'8" (eSpeak NG spells that "elle otto"); "lo 0"; "il 10" as it was."""
    from .reading import number_words

    said = number_words(match[1], lang)
    if said.startswith("z"):
        return f"lo {match[0][3:]}"  # `il 0–5%`: "tra lo 0 e il 5%"
    if said[:1] not in "aeiou":
        return match[0]
    return f"l'{said} virgola {number_words(match[2], lang)}" if match[2] else f"l'{said}"


@lru_cache(maxsize=8)
def _about_article(lang: Language) -> re.Pattern[str]:
    """An article of `about_articles` before `~` and a percentage (`un ~34 %`; an article before an amount of a unit
    is seldom its: `un ~5 GB` stays)."""
    articles = "|".join(re.escape(article) for article in sorted(lang.about_articles, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])((?i:{articles})) ~\s?(?=\d+(?:[.,]\d+)?\s?%)")


def _about_before_article(match: re.Match[str], lang: Language) -> str:
    said = lang.about_articles[match[1].lower()]
    return f"{said[0].upper()}{said[1:]} " if match[1][0].isupper() else f"{said} "


#: A currency after a number, or before it, which makes `2000–2500` an amount (`€ 1500–1550` was "euro dal 1500 al
#: 1550")
_AMOUNT_AFTER = re.compile(r"\s?(?:[€$£]|euro|dollar|EUR|USD|GBP|CHF)")
_AMOUNT_BEFORE = re.compile(r"(?:[€$£]|\b(?:euro|EUR|USD|GBP|CHF))\s?$")


def _number_value(number: str, lang: Language) -> float:
    """`6.000` as 6000 where a comma marks decimals, `1,5` as 1.5."""
    if lang.decimal_comma:
        return float(number.replace(".", "").replace(",", "."))
    return float(number.replace(",", ""))


def _neighbours(low: str, high: str) -> bool:
    """Two whole numbers one apart (`2–3`): the only range said as a choice ("2 o 3 giorni"); `10–20` is two ends."""
    return low.isdigit() and high.isdigit() and int(high) == int(low) + 1


#: The word after a range: a unit's symbol or a noun it counts (`in 1800–1900 ms`, `in 1800–1900 persone`)
_WORD_AFTER = re.compile(r"\s?([^\W\d_][\w'’]*)")

#: Nouns often counted in the thousands, which make two numbers after "in", "nel", "del", "du" no years (a verb, a
#: pronoun or a quantifier there leaves them years: `Nel 2020–2021 abbiamo viaggiato`, `Nel 2019–2020 molti hanno`)
_COUNTED_NOUNS = {
    "it": frozenset({"persone", "utenti", "abitanti", "pagine", "righe", "parole", "copie", "pezzi", "posti", "voti",
                     "clienti", "dipendenti", "studenti", "visitatori", "richieste", "caratteri", "punti", "passi",
                     "calorie", "euro", "dollari"}),
    "es": frozenset({"personas", "usuarios", "habitantes", "páginas", "líneas", "palabras", "copias", "empleados",
                     "clientes", "visitantes", "caracteres", "puntos", "pasos", "euros", "dólares"}),
    "pt": frozenset({"pessoas", "usuários", "utilizadores", "habitantes", "páginas", "linhas", "palavras", "cópias",
                     "clientes", "funcionários", "caracteres", "pontos", "euros", "reais", "dólares"}),
    "fr": frozenset({"personnes", "utilisateurs", "habitants", "pages", "lignes", "mots", "exemplaires", "clients",
                     "salariés", "visiteurs", "caractères", "points", "euros", "dollars"}),
}  # fmt: skip


def _counted_after(match: re.Match[str], lang: Language) -> bool:
    """A unit (its symbol or its word) or a noun of `_COUNTED_NOUNS` after a range, which makes its numbers no years
    (`in 1800–1900 ms` is no time span); any other word leaves them years (`In 2020–2021 è cambiato tutto`)."""
    after = _WORD_AFTER.match(match.string, match.end())
    if after is None:
        return False
    word = after[1]
    return word in lang.units or word in _unit_words(lang) or word.lower() in _COUNTED_NOUNS.get(lang.code, frozenset())


@lru_cache(maxsize=16)
def _unit_words(lang: Language) -> frozenset[str]:
    """The first word each unit is said with (`metri`, `millisecondi`, `mètres`), as a range's next word is written."""
    return frozenset(said.split()[0] for said in lang.units.values() if said)


#: What may follow a score right after its verb (`ha vinto 3–1 in casa`, `è finita 2–2 ai rigori`): a word else is
#: what two numbers count (`ha vinto 2–3 partite`)
_AFTER_A_SCORE = re.compile(r"\s*(?:$|[^\w\s]|(?:in|a|al|ai|contro|con|e|ma|dopo|fuori|nel|nella|sul)\b)")


def _score_ends(match: re.Match[str]) -> bool:
    """Whether a score ends where `match` does: the line's end, punctuation or a word of `_AFTER_A_SCORE`."""
    return _AFTER_A_SCORE.match(match.string, match.end()) is not None


def _worded_ranges(text: str, lang: Language) -> str:
    """A range said with the words before it, as `range_phrases` has them ("tra il 20 e il 25%")."""

    def say(match: re.Match[str]) -> str:
        first, word, low, low_percent, high, percent = match.groups()
        percent = percent or low_percent  # `il 20%–25%`: the sign said once, at the end
        phone = low.isdigit() and high.isdigit() and (len(low), len(high)) == (3, 4)  # not versions: `3.8–3.12`
        # two years a few apart (`2021–2023`), not an amount (`2000–2500 €`)
        # a score, not a percentage (`ha vinto il 20–25% dei voti`: "il 20 a 25 dei voti" lost its sign)
        if first and first.lower() in lang.range_score_words and not percent:
            return f"{first} {word}{low} {lang.word_to} {high}"  # `ha vinto per 2–1`: a score, "per 2 a 1"
        # `ha vinto 3–1`, `è finita 2–2 in casa` ("da 2 a 2" was said); not a count (`ha vinto 2–3 partite`)
        if word.strip().lower() in lang.range_score_words and not percent and _score_ends(match):
            return f"{first + ' ' if first else ''}{word}{low} {lang.word_to} {high}"
        if _number_value(low, lang) >= _number_value(high, lang) or phone:
            return match[0]  # a score or a phone number
        # two years a few apart (`2021–2023`), not an amount (`2000–2500 €`) nor a count (`in 1800–1900 ms`)
        counted = not percent and _counted_after(match, lang)
        years = all(re.fullmatch(r"(?:1[5-9]|20)\d\d", number) for number in (low, high)) and (
            int(high) - int(low) <= 100
            and not _AMOUNT_AFTER.match(match.string, match.end())
            and not _AMOUNT_BEFORE.search(match.string, max(0, match.start(3) - 8), match.start(3))
            and not counted
        )
        neighbours = _neighbours(low, high)
        kind = "%" if percent else "year" if years else "" if neighbours else "wide"
        word_key = word.strip().lower().replace("’", "'")
        kept, replaced = (f"{first} " if first else ""), word
        keys = [(word_key, kind), (word_key, "")]
        if counted:  # French `Du 1500–1600 m` is "De 1500 à 1600 m", not days' "du 10 au 15 mai"
            keys.insert(0, (word_key, "counted"))
        if first:
            keys[:0] = [(f"{first.lower()} {word_key}", kind), (f"{first.lower()} {word_key}", "")]
        key = next((key for key in keys if key in lang.range_phrases), None)
        if key is None and kind == "wide" and lang.range_or_neighbours and word_key in lang.range_or_words:
            # `ogni 15–30 minuti` is no choice of two ("ogni 15 o 30"): as a range without the word before
            start = "" if word_key in lang.range_words else lang.range_from
            return f"{kept}{word}{start}{low} {lang.word_to} {high}{percent or ''}"
        if key is None:
            return match[0]
        if " " in key[0]:
            kept, replaced = "", f"{first}"
        elif first and lang.range_phrases[key].split()[0] in lang.between_words:
            if first.lower() in lang.between_words:  # `tra il 20–25%`: "tra" once ("tra tra il" was said)
                kept, replaced = "", first
            elif first.lower() in lang.article_prepositions:
                return match[0]  # `sotto il 20–25%` is not "sotto tra il 20 e il 25%"
        said = lang.range_phrases[key].format(low, high)
        if lang.elides:
            said = _ARTICLE_NUMBER.sub(lambda article: _elided(article, lang), said)
        if replaced[:1].isupper():
            said = said[0].upper() + said[1:]
        return f"{kept}{said}{percent or ''}"

    return _WORDED_RANGE.sub(say, text) if lang.range_phrases else text


def _range_joiner(before: str, lang: Language, *, years: bool = False, neighbours: bool = True) -> str:
    """ "to", or "and" after "between" ("between 10 and 20"), or "or" after French "à" ("monter à 20 ou 30"), but
    not between `years` (`em 2025-26` is no choice) nor, where `range_or_neighbours`, between numbers that are not
    `neighbours` (`per 2–1`, `circa € 10–20`): `before` is the text before the range's first number."""
    words = before.split()
    word = words[-1].strip("(\"'«„") if words else ""
    if word in lang.between_words:
        return lang.word_and
    choice = not years and (neighbours or not lang.range_or_neighbours)
    return lang.word_or if word.lower() in lang.range_or_words and choice else lang.word_to


#: Words on either side of a range of fiscal years, which stay as written (`from 2023-24 to 2024-25`)
_RANGE_NEIGHBOURS = frozenset(
    {"from", "between", "to", "von", "zwischen", "bis", "de", "du", "entre", "à", "a", "tra", "dal", "da", "al",
     "hasta", "até", "tussen", "van", "tot"}
)  # fmt: skip


@cache
def _decimal_range_pattern(decimal_comma: bool) -> re.Pattern[str]:
    """Two numbers joined by a hyphen, one with decimals: `1,2-3,4`, `0,5-1`, `1-1,5` where a comma marks them;
    `1.2-3.4`, `1-1.5` elsewhere (`1.2-3` is a version there). A whole number before a decimal only before a word
    (`1-1,5 g`, `(1-1,5 tl)`) and after no function's bracket nor operator: `f(1-1.5)`, `= 1-1.5`, `1-1.5 = -0.5`
    subtract."""
    decimal = r"\d{1,4},\d+" if decimal_comma else r"\d{1,4}\.\d+"
    # a bracket a function's (`f(1-1.5)`), not an amount's aside (`zout (1-1,5 tl)`)
    # ... nor a formula's after an operator (`z = (1-1.5 i)`), whose letter alone after it is no unit
    whole = (
        rf"(?<![=+*×÷^<>−])(?<![=+*×÷^<>−] )(?<!\w[(\[])(?<![=+*×÷^<>−][(\[])(?<![=+*×÷^<>−] [(\[])"
        rf"(?:(?<![(\[])|(?=\d{{1,4}}-{decimal}[ \t]?(?:[^\W\d_]{{2}}|[glmsh](?![\w'’])|%)))"
        rf"\d{{1,4}}(?=-{decimal}[ \t]?(?:[^\W\d_]|%))"
    )
    second = r"\d{1,4}(?:,\d+)?" if decimal_comma else decimal
    return re.compile(rf"(?<![\w.,\-/])({decimal}|{whole})-({second})(?![\w\-/]|[.,]\d)")


@cache
def _grouped_range_pattern(decimal_comma: bool) -> re.Pattern[str]:
    """Two numbers in thousands joined by a hyphen (`20.000-30.000 tpm`, `20,000-30,000 rpm`), their groups marked
    as the language marks them."""
    group = r"\d{1,3}(?:\.\d{3})+" if decimal_comma else r"\d{1,3}(?:,\d{3})+"
    return re.compile(rf"(?<![\w.,\-/])({group})-({group})(?![\w\-/]|[.,]\d)")


def _grouped_range(match: re.Match[str], lang: Language) -> str:
    low, high = (int(re.sub(r"\D", "", number)) for number in (match[1], match[2]))
    if low >= high:
        return match[0]  # not a range
    joiner = _range_joiner(match.string[: match.start()], lang, neighbours=False)
    return f"{_range_from(match, lang) if joiner == lang.word_to else ''}{match[1]} {joiner} {match[2]}"


def _hyphen_range(match: re.Match[str], lang: Language) -> str:
    low, high = match[1], match[2]
    before = match.string[max(0, match.start() - 64) : match.start()].lower().split()[-1:]
    after = match.string[match.end() : match.end() + 64].lower().split()[:1]
    # `Ticket 2023-24`; `from 2023-24 to 2024-25` (a range of fiscal years: "to" twice would say four years)
    numbered = NUMBERING_WORDS.intersection(before) or _RANGE_NEIGHBOURS.intersection(before + after)
    if re.fullmatch(r"(?:19|20)\d\d", low) and len(high) == 2 and int(high) == (int(low) + 1) % 100 and not numbered:
        high = str(int(low) + 1)  # 2025-26: a fiscal year or a season, as `2025/26` (bug bash 89)
    low_value, high_value = (float(number.replace(",", ".")) for number in (low, high))
    if low_value >= high_value or (len(low), len(high)) == (3, 4):
        return match[0]  # a score (3-2) or a phone number (555-1234), not a range
    years = re.fullmatch(r"(?:19|20)\d\d", low) is not None
    joiner = _range_joiner(match.string[: match.start()], lang, years=years, neighbours=_neighbours(low, high))
    return f"{_range_from(match, lang) if joiner == lang.word_to else ''}{low} {joiner} {high}"


#: The whole number after a range's dash (`2–3`'s 3), not a decimal's
_WHOLE_NUMBER = re.compile(r"\d+(?![\d.,]*\d)")


def _dash_range(match: re.Match[str], lang: Language) -> str:
    """3–5: "3 to 5" ("da 3 a 5" where the language says where a range starts), "between 3 and 5"."""
    high = _WHOLE_NUMBER.match(match.string, match.end())
    neighbours = high is not None and _neighbours(match[1], high[0])
    joiner = _range_joiner(match.string[: match.start()], lang, neighbours=neighbours)
    start = _range_from(match, lang) if joiner == lang.word_to else ""
    return f"{start}{match[1]} {joiner} "


_VULGAR = re.compile(r"(?<![\w.,])(\d+)?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
#: A whole number of one or two digits and a space before a fraction's sign (`2 ½ hours`: "2 one half hours" was
#: said), read as `2½` is; not a year's (`In 2020 ½ of users`) nor after another number (`3 2 ½`)
_SPACED_MIXED_NUMBER = re.compile(r"(?<![\w.,])(?<!\d )(\d{1,2}) (?=[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_INDEX_FRACTION = re.compile(r"(?<=[A-Za-z])()([½⅓⅔¼¾])(?!\w)")
#: 1e-9, 3e-4, 6.02e23: a number times a power of ten, as a programmer says it ("three e minus four")
_SCIENTIFIC = re.compile(r"(?<![\w.,#])(\d+(?:\.\d+)?)[eE]([-−+]?)(\d{1,3})(?!\w|[.,]\d)")


@lru_cache(maxsize=8)
def _unit_after_fraction(lang: Language) -> re.Pattern[str]:
    """A fraction with a unit (`½ tl`, `¾ dl`, `1½ dl`): a unit of two letters or more, or `l`, after the sign and
    a space; the whole number before the sign, if any, in group 1. After a whole number `h`, `m`, `s` and `g` too
    (`2 1/2 h`, as `2½ h`: "2 and one half h" lost the hours `2 1/2 h` had)."""
    units = "|".join(re.escape(key) for key in sorted(lang.units, key=len, reverse=True) if len(key) > 1 or key == "l")
    letters = "".join(letter for letter in "hmsg" if letter in lang.units)
    signs = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
    after_whole = rf"|(?<=\d[{signs}][ \t])[{letters}]" if letters else ""
    # an abbreviation's full stop before a word of the sentence goes with it (`½ tsp. of salt`, `½ cdta. de sal`:
    # "one half teaspoon. of salt" was said, a sentence's end to a voice)
    stop = r"(?:\.(?=[ \t]+[a-zà-ÿ]))?"
    return re.compile(rf"(?<![\w.,])(\d{{1,3}})?([{signs}])[ \t]({units}{after_whole})(?![\w%²³/]|[.,]\w){stop}")


def _fraction_unit(match: re.Match[str], lang: Language) -> str:
    """A fraction's unit in words, as after the decimal the fraction is: "een half theelepel" (one's fraction, in
    the singular), "1 en een half deciliter", "1 and one half liters", "1 et demi kilogramme"."""
    whole, sign, unit = match.groups()
    words = lang.units[unit]
    if whole is not None and len(unit) == 1 and unit != "l":
        # `pulled 2½ g`, `2½ s intervals`, `2½ m dollars`: a one-letter unit is read as after the decimal it is
        # (g-force and another count's letter stay as written, `m` before a currency is a million)
        decimal = f"{whole}{',' if lang.decimal_comma else '.'}5"
        # 400 characters either side: a whole line of prose, whose words say what `m` is, without copying a long
        # line once a fraction (a line of 5,000 characters took 0.47 s)
        head = max(0, match.start() - 400)
        proxy = f"{match.string[head : match.start()]}{decimal} {unit}{match.string[match.end() : match.end() + 400]}"
        unit_match = _unit_pattern(lang)[0].match(proxy, match.start() - head)
        letter_words = _letter_unit(unit_match, lang) if unit_match and unit_match["unit"] == unit else None
        if letter_words is None:
            return match[0]
        words = letter_words
    if whole is None or lang.is_singular(f"{whole}{',' if lang.decimal_comma else '.'}5"):
        words = lang.singular(words)
    return f"{whole or ''}{sign} {words}"


#: A whole number and a fraction of one written with a slash (`1 1/2 cups`, `2 3/4 tl`), as the sign a recipe
#: writes it with (`1½`): "1 one half cups" was said, the "and" lost
_MIXED_NUMBER = re.compile(r"(?<![\w.,/])(?<!\d )(\d{1,2}) ([1-7])/([2-8])(?![\w/]|[.,]\d)")
_FRACTION_SIGNS = {(1, 2): "½", (1, 3): "⅓", (2, 3): "⅔", (1, 4): "¼", (3, 4): "¾", (1, 8): "⅛", (3, 8): "⅜",
                   (5, 8): "⅝", (7, 8): "⅞"}  # fmt: skip


def _mixed_number(match: re.Match[str]) -> str:
    sign = _FRACTION_SIGNS.get((int(match[2]), int(match[3])))
    return f"{match[1]}{sign}" if sign else match[0]


def _vulgar_fraction(match: re.Match[str], lang: Language) -> str:
    """ "one half", "2 and three quarters", "1/8" (read as any fraction): the fraction signs were dropped."""
    value = unicodedata.numeric(match[2])
    numerator, denominator = Fraction(value).limit_denominator(10).as_integer_ratio()
    said = fraction_words(numerator, denominator, lang) or f"{numerator}/{denominator}"
    return f"{match[1]} {lang.word_and} {said}" if match[1] else said


#: a lone letter under an accent, as statistics writes estimates and means (`ŷ`, `x̄`, `p̂`, `ẋ`): its accent's words
_ACCENTED = re.compile(r"(?<![^\W\d_])([A-Za-z])([\u0302\u0303\u0304\u0305\u0307\u0308])(?![^\W\d_])")
_ACCENT_NAMES = {
    "\u0302": "hat", "\u0303": "tilde", "\u0304": "bar", "\u0305": "bar", "\u0307": "dot", "\u0308": "ddot"
}  # fmt: skip


def accents_as_latex(source: str) -> str:
    """`ŷ` → `\\hat{y}` in a formula: its reader names the accent (the letter was dropped)."""
    if source.isascii():
        return source
    decomposed = unicodedata.normalize("NFD", source)
    said = _ACCENTED.sub(lambda m: rf"\{_ACCENT_NAMES[m[2]]}{{{m[1]}}}", decomposed)
    return source if said == decomposed else unicodedata.normalize("NFC", said)


def _accented_letters(text: str, lang: Language) -> str:
    """`ŷ` → "y hat", `x̄` → "x bar" (they were dropped, or read as a code point); words keep their accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)

    def say(match: re.Match[str]) -> str:
        # a vowel under an accent its language writes (French "ô", German "ä") is a word, not an estimate
        if lang.code != "en" and match[1] in "aeiouAEIOUnN" and match[2] in "\u0302\u0303\u0308":
            return match[0]
        return " " + lang.accents[_ACCENT_NAMES[match[2]]].format(match[1]) + " "

    said = _ACCENTED.sub(say, decomposed)
    return text if said == decomposed else unicodedata.normalize("NFC", said)


#: `5! = 120`, `n!/k!`: a factorial beside an operator (an exclamation at a sentence's end is none)
_FACTORIAL = re.compile(
    r"(?<![\w!])(\d+|[A-Za-z])!(?!=)(?=\s*[=/×·*](?!=)|\()"  # 5! = 120, n!/k!, k!(n−k)!
    r"|(?<=[/×·*(])(\d+|[A-Za-z])!(?!=)"  # /k!
)


# a date or a rank (`1° gennaio`, `2° classificato`); `25° all'ombra`, `90° in senso orario` stay degrees
_RANKED = (
    r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    r"classificat[oaie]|posto|piano|livello|anno|secolo|capitolo|giorno|turno|premio|semestre|trimestre|"
    r"quadrimestre|bimestre|rilascio|round|set|tempo|volume|episodio|puntata|stagione|edizione|congresso|mese|"
    r"settimana|grado|ciclo|stadio|trim)\b"
)
#: ... and `dal 1° al 15 luglio`, `dal 2° al 4° trimestre`, not `dal 20° al 25° in pianura` (temperatures, review 86)
_DEGREE_ORDINAL = re.compile(rf"(?<![\w.,])(\d{{1,2}})°(?=\s+(?:{_RANKED}|al\s+\d+°?\s+{_RANKED}))")


#: `#1`, `#42` (a rank, an issue): not a heading's or a hashtag's mark
# not a colour (`#000`, `#123456`: three or six digits) nor a number starting with 0
_NUMBER_SIGN = re.compile(r"(?<![\w#&/])#(?!\d{3}(?:\d{3})?(?!\w))([1-9]\d{0,4})(?![\w])")
#: `C#`, `F#`: the languages, "sharp"
_SHARP = re.compile(r"(?<![\w.])([CF])#(?![\w#])")


@cache
def _times_more(words: str) -> re.Pattern[str]:
    """`10x faster`, `3x mieux`, `3x besser`, `2 x per week`: "times" before a comparative or "per" among `words`
    ("ten ex"); not `4x + 4`. A spaced `x` only before "per": `y = 3 x plus 2`, `3 x más 2` are formulas' x."""
    return re.compile(rf"(?<![\w.])(\d+(?:[.,]\d+)?)(?:x| x(?=\s+per\b))(?=\s+(?:{words})\b)")


@cache
def _factor_adjective(determiners: str, comparatives: str) -> re.Pattern[str]:
    """A factor between a determiner and a noun (`the 10× engineer`, `a 10x developer`), not before a comparative
    (`a 2× larger model`, `a 10x speedup`: "times"), a one-letter name (`the 3 × n matrix`: dimensions) nor a
    product's operand (`a 3x + 1`)."""
    return re.compile(
        rf"(?<![\w.])((?i:{determiners})\s+)(\d{{1,4}})(?:\s?×|x)(?=\s+(?!(?:{comparatives})\b)[a-z][a-z-]+\b(?!\s*[=+*/^(]))"
    )


@cache
def _dimensions(determiners: str) -> re.Pattern[str]:
    """Two sizes or more, numbers or one-letter names, between a determiner and a word (`the 3 × n matrix`, `a 2x n
    grid`, `a 2 x k table`, `the 3 × 4 × 5 tensor`), or before a shape's noun (`3 × 3 matrix`); an `x` only after a
    number (`a x b` is a product)."""
    # not from inside a chain (after a sign): each start there would try the rest of the chain again, quadratic in a
    # line of `1 × 1 × …`
    return re.compile(
        rf"(?<![\w.])(?<!×)(?<!× )(?<!\dx)(?<!\dx )(?<!\d x )((?i:{determiners})\s+)?({_INNER_SIZE})"
        rf"((?:{_SIZES_SIGN}(?:{_INNER_SIZE}))*){_SIZES_SIGN}"
        r"(\d{1,4}|[a-zA-Z])(?![\w.]\w|\w)(?=\s+([a-z][a-z-]+)\b(?!\s*[=+*/^(]))"
    )


#: A size before another one's sign, and that sign: the dimensions of a shape, two or more (`3 × 224 × 224`)
_INNER_SIZE = r"\d{1,4}(?!\d)|[a-zA-Z](?=\s?×)"
_SIZES_SIGN = r"(?:\s?×\s?|(?<=\d)x\s?|(?<=\d) x )"
_INNER_SIZES = re.compile(rf"{_SIZES_SIGN}(\d{{1,4}}|[a-zA-Z])")


#: The nouns after which two sizes are a shape's dimensions with no determiner before them (`3 × 3 matrix`)
_SHAPE_NOUNS = re.compile(
    r"matri(?:x|ces)|grids?|tables?|arrays?|tensors?|blocks?|boards?|images?|kernels?|patch(?:es)?|pixels?|tiles?|windows?"
    r"|cells?"
)


#: The word after a position (`the 3 × 4 × n weight tensor`: "tensor" after "weight")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _dimension(match: re.Match[str], lang: Language) -> str:
    """ "the 3 by n matrix" ("the three-x n matrix" and "3 times n" were said); a product before a verb (`the 2 × n
    is`) or without a determiner or a shape's noun (`3 × n values`) stays one."""
    noun = match[5]
    # all of a chain (`3 × 224 × 224 image`); a sign's `x` is a size's only after a number
    inner = [size[1] for size in _INNER_SIZES.finditer(match.string, match.start(3), match.end(3))]
    # a name inside a chain needs a shape's noun, or one after the noun, after a determiner too (`The n × m × k
    # values` is a product, review 211; `the n × m × k weight tensor` a shape)
    shaped = _SHAPE_NOUNS.fullmatch(noun) or (
        (next_word := _NEXT_WORD.match(match.string, match.end(5))) and _SHAPE_NOUNS.fullmatch(next_word[1])
    )
    named_inside = any(size.isalpha() for size in inner)
    if noun in lang.verbs or noun in ("and", "or") or not ((match[1] and not named_inside) or shaped):
        return match[0]
    sizes = [match[2], *inner, match[4]]
    return (match[1] or "") + f" {lang.by} ".join(sizes)


def _factor_adjectives(text: str, lang: Language) -> str:
    """`the 10× engineer`: "the ten-x engineer", a kind of engineer ("the 10 times engineer" was said); `the 3 × n
    matrix`: "the 3 by n matrix"."""
    from .reading import number_words

    determiners, template = lang.factor_adjective
    text = _dimensions(determiners).sub(lambda match: _dimension(match, lang), text)
    return _factor_adjective(determiners, lang.times_more[0] or "(?!)").sub(
        lambda match: match[1] + template.format(number_words(match[2], lang)), text
    )


#: Words after `N°` that keep it a degree: a scale, a direction, a temperature's words
_DEGREE_WORDS = (
    r"(?:[CFKNSEOW]|gradi|grados|graus|Celsius|Fahrenheit|all['’]ombra|a la sombra|à sombra|in senso|sotto|sopra|"
    r"bajo|sobre|abaixo|acima)\b"
)


#: `1°`: one degree, said in the singular (`1 °C` is a unit's)
_ONE_DEGREE = re.compile(r"(?<![\w.,])1\s?°(?![\w°])")
#: An angle before the noun it describes, joined to it by a hyphen (`a 90-° turn`), or after an article or a
#: determiner (`a 90° turn`, `the 90° turn`): a compound's first part, "a 90-degree turn" ("a 90- degrees turn", "a
#: 90 degrees turn" were said); not a temperature's unit (`a 5 °C rise`, `a 350° F oven`: the unit's, "5-degree
#: Celsius")
_DESCRIBING_DEGREES = re.compile(r"(?<![\w.,\-–])(\d+(?:[.,]\d+)?)(-|[ \t]?)°(?![\w°])(?=[ \t]+[^\W\d_])")


def _describing_degrees(match: re.Match[str], lang: Language) -> str:
    """ "90-degree" before a noun the angle describes, after a hyphen or an article; else as written."""
    article = _word_before(match).lower()
    if match[2] == "-" or (
        _DESCRIBED_NOUN.match(match.string, match.end())
        if article in lang.unit_adjective_articles
        else article in lang.money_adjective_determiners and _UNIT_NOUN.match(match.string, match.end())
    ):  # as a unit's amount describes a noun (`_describing`); not `a 90° to the left`, `the 90° we turned`
        return f"{match[1]}-{lang.singular(lang.symbols['°'])}"
    return match[0]


@lru_cache(maxsize=8)
def _degree_rank(words: tuple[str, ...]) -> re.Pattern[str]:
    """`il 1°`, `arrivato 2°`: a whole number's degree sign after these words, before a word or a stop."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’])((?i:{alternatives}))(\s?)(\d{{1,2}})°(?=\s+(?!{_DEGREE_WORDS})[^\W\d]|\s*[.,;:!?)]|\s*$)"
    )


#: The articles of `degree_ranks`, after which a degree sign is a rank only before a noun, a date or "di ogni" (`il 30°
#: di oggi`, `il 30°.` are temperatures)
_RANK_ARTICLES = frozenset({"il", "lo", "l'", "la", "el", "o", "a"})


def _degree_ranked(match: re.Match[str], lang: Language) -> str:
    from .reading import _feminine, _ordinal

    word, space, number = match.groups()
    if word.lower().replace("’", "'") in _RANK_ARTICLES:
        months = "|".join(lang.months)
        rest = match.string[match.end() : match.end() + 64]
        if re.match(rf"\s*(?:[.,;:!?)]|$)|\s+(?:di|de|del|da|do)\s+(?!(?:ogni|cada|{months})\b)", rest):
            return match[0]
    feminine = lang.degree_ranks[word.lower().replace("’", "'")]
    if lang.code in ("es", "pt"):  # `el 1° lugar`: as `1.º` is read ("el primer lugar")
        return f"{word}{space}{number}.{'ª' if feminine else 'º'}"
    ordinal = _ordinal(int(number), lang)
    return f"{word}{space}{_feminine(ordinal) if feminine else ordinal}"


def _times_and_ordinals(text: str, lang: Language) -> str:
    """Times of day in words (`clock.py`); `C#`, `#42`; `10x faster`; Italian `1° gennaio` is "primo gennaio" ("1
    gradi gennaio")."""
    text = colon_times(h_times(race_times(text, lang), lang), lang, ratio_line=_RATIO_WORDS.search(text) is not None)
    if "#" in text:
        text = _SHARP.sub(r"\1 sharp", text)
        if lang.number_sign:
            text = _NUMBER_SIGN.sub(lambda m: f"{lang.number_sign} {m[1]}", text)
    words, word = lang.times_more
    if words and "x" in text:  # `10x faster`, `3x mieux`, `3x besser` ("ten ex", "trois iks")
        text = _times_more(words).sub(rf"\1 {word}", text)
    if "°" in text and "°C" in lang.units:
        text = scales_joined(text)
    if lang.degree_ordinals and "°" in text:
        from .reading import _ordinal

        text = _DEGREE_ORDINAL.sub(lambda m: _ordinal(int(m[1]), lang), text)
    if lang.degree_ranks and "°" in text:
        text = _degree_rank(tuple(lang.degree_ranks)).sub(lambda match: _degree_ranked(match, lang), text)
    if "°" in text and lang.unit_adjective_articles and "°" in lang.symbols:
        text = _DESCRIBING_DEGREES.sub(lambda match: _describing_degrees(match, lang), text)
    if "°" in text and lang.is_singular("1") and "°" in lang.symbols:  # "1 grado", "1 degree", not "1 gradi"
        text = _ONE_DEGREE.sub(f"1 {lang.singular(lang.symbols['°'])}", text)
    return text


#: `3:1`, `1:1000`, `1:10.000`, `16:9`: a ratio, which eSpeak read "three colon one" or, silent on the colon, as one
#: number ("eins eintausend", bug bashes 88 and 89); not a clock time (`10:30`: two digits after the colon), nor
#: `12:30:15` or `v1:2`; a one-digit decimal after it too, which no clock writes (`1:1.5`: "1 to 1.5"; it was left)
_RATIO = re.compile(
    r"(?<![\w.,:\[(])(\d+(?:[.,]\d+)?):(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d[.,]\d{1,2}(?!\d)|\d(?!\d)|\d{3,})"
    r"(?![\w:\]]|[.,]\d)"
)
#: Words of a line about a ratio or a score: a colon between two numbers is one there (elsewhere `Romans 8:1` is a
#: verse, `-p 3000:3000` a port mapping; review 90)
_RATIO_WORDS = re.compile(
    r"\b(?:ratios?|\w*verhältnis\w*|rapports?|proporci\w+|proporzion\w+|rapporto|verhouding\w*|dilu\w+|"
    r"\w*verdünn\w+|verdunn\w+|scales?|maßstab\w*|échelle|escala|scala|schaal|aspect|screens?|displays?|"
    r"bildschirm\w*|écrans?|pantallas?|schermo|tela|scherm\w*|odds|cote|leverage|equity|eigenkapital\w*|scores?|"
    r"won|wins?|beat|beats|lost|loses?|sieg\w*|gewann|gewonnen|verlor\w*|gagn\w+|perd\w+|victoire|ganó|venció|vinse|"
    r"vinto|venceu|ganhou|winst|versloeg|mix|mischung\w*|mélange|mezcla|miscela|mistura|chances?|"
    r"förhållande\w*|utspädning\w*|skala|skalan|vann|förlorade|blandning\w*)\b",
    re.IGNORECASE,
)


def _ratios(text: str, lang: Language) -> str:
    """`3:1` "3 to 1", `1:1000` "1 sur 1000" in a line about a ratio, a scale, a dilution or a score (R's `1:100`
    elsewhere is a sequence, review 92)."""

    if not _RATIO_WORDS.search(text):
        return text

    def say(match: re.Match[str]) -> str:
        # `1:1000` "1 sur 1000"; not `1:2.25`, a decimal's digits
        one_in = match[1] == "1" and len(re.sub(r"\D", "", match[2])) >= 3 and not re.fullmatch(r"\d[.,]\d+", match[2])
        before = text[: match.start()].split()[-1:]
        if (match[1] == match[2] and len(match[1]) >= 3) or re.search(r"-p\s$", text[: match.start()]):
            return match[0]  # `5432:5432`, `-p 3000:3000`: a port mapping
        word_before = before[0].strip("(\"'„«,;:") if before else ""
        # `Romans 8:1`, `Psalm 119:105`: a verse; not after a capital article (`A 1:2 ratio`, `The 3:1 split`)
        if (
            word_before[:1].isupper()
            and not _RATIO_WORDS.fullmatch(word_before)
            and word_before.lower() not in lang.articles
        ):
            return match[0]
        word = lang.ratio_one if one_in and lang.ratio_one else lang.ratio
        return f"{match[1]} {word} {match[2]}"

    return _RATIO.sub(say, text)


#: a hyphen joining a Greek letter or a chemical formula to a word (`β-blockers`, `ω-3 fatty acids`, `CO₂-Gehalt`):
#: no minus ("beta minus blockers", bug bash 88); with a digit only omega's fatty acids (`ω-3`): `μ-2 SD` and `α-1`
#: are subtractions (review 90)
_COMPOUND_HYPHEN = re.compile(
    r"((?<![\w-])(?:(?![μσ])[α-ωΑ-Ω](?=-[A-Za-zÀ-ÿ]{2,}(?![\w*+/^=(])(?!\s*[*+/^=]))|ω(?=-[369]\s+[A-Za-zÀ-ÿ]{2,})"
    r"|(?:[A-Z][a-z]?[₀-₉]*)*[A-Z][a-z]?[₀-₉]+(?:[A-Z][a-z]?[₀-₉]*)*(?=-[A-Za-zÀ-ÿ]{2,})))-"
)


#: A letter with a star glued after it and nothing glued after that (`θ*`, `w* =`, `π*`, `A* search`): an optimum
#: or a name, read as `θ^*` is ("theta star"); not a product (`x*y`, `2*x`) nor a name's own star (`**kwargs`)
_STARRED = re.compile(r"(?<![\w*^])([A-Za-zα-ωΑ-Ω])\*(?![\w*(\[])")


#: Loewner's order against zero, spaced in prose (`Σ ⪰ 0`, `A ≻ 0.`), not against a decimal (`⪰ 0.5`)
_DEFINITE = re.compile(r"\s*([⪰⪯≻≺])\s*0(?![\w.,]?\d|\w)")
#: A spaced middle dot between two words or two ratios (`Wien · Berlin · Paris`, `Features · Pricing · Docs`,
#: `4:3 · 16:9`): a list's separator, a pause ("Wien mal Berlin mal Paris" was said, bug bash 165); between names
#: of one letter, numbers or a function (`u · v`, `2 · 3`, `n² · d`, `y · log p`), in a formula (`2 · Precision ·
#: Recall / …`) and between two words in lower case (`loss · weight`) it stays a product
_SEPARATOR_ITEM = r"(?:[^\W\d_]{2,}|\d{1,2}:\d{1,2})"
#: a run of such items (`Home · Blog · About`), each whole (`GPT-4` is no item)
#: ... after a dot, an item of words may begin with a one-letter capital word (`Accueil · Blog · À propos`)
_MENU_ITEM = r"[A-ZÀ-ÖØ-Þ]\s[^\W\d_]{2,}"
_SEPARATOR_RUN = re.compile(
    rf"(?<!\S){_SEPARATOR_ITEM}(?:[,.;:!?]?\s·\s(?:{_SEPARATOR_ITEM}|{_MENU_ITEM})(?![^\s,.;:!?]))+"
)
_SEPARATOR_GAP = re.compile(r"[,.;:!?]?\s·\s")
#: a formula beside a run, its sign or a factor multiplied with it: `2 · Precision · Recall / (…)`, `x · Gain`
_FORMULA_BEFORE = re.compile(r"(?:[=+−*/×^]|(?:\d|(?<![^\W\d_])[A-Za-zα-ωΑ-Ω]|\))\s?[·⋅])\s*\Z")
_FORMULA_AFTER = re.compile(r"\s*(?:[=+−*/×^]|[·⋅]\s?(?:\d|[A-Za-zα-ωΑ-Ω](?![^\W\d_])|\())")


def _separators(text: str) -> str:
    """`Wien · Berlin`: "Wien, Berlin"; `x · y`, `AB · CD`, `log · exp`, `loss · weight` and a run in a formula
    (`F1 = 2 · Precision · Recall / (Precision + Recall)`: "2 times Precision, Recall over" was said) keep their
    dot, the whole run alike."""

    def separated(match: re.Match[str]) -> str:
        items = _SEPARATOR_GAP.split(match[0])
        if sum(" " not in item for item in items) < 2:
            return match[0]  # `Gain · A x`: a one-letter capital is a menu's word only in a run of a menu's items
        # a window, not the text's rest: a long line of runs is read in linear time
        in_formula = _FORMULA_BEFORE.search(text[max(0, match.start() - 12) : match.start()]) or _FORMULA_AFTER.match(
            text[match.end() : match.end() + 12]
        )
        if in_formula or any(item in FUNCTION_NAMES or (len(item) == 2 and item.isupper()) for item in items):
            return match[0]  # `AB · CD`: two matrices; `sin · cos`: functions
        if len(items) == 2 and all(item.islower() for item in items):
            return match[0]  # `loss · weight`, `mean · std`: a product written in words; a menu's items are capitals
        return ", ".join(items)

    return _SEPARATOR_RUN.sub(separated, text)


#: `θ ← θ − η∇L`, `g_t ← 0`: a name (a letter, Latin or Greek, with its index, prime or power) updated in an
#: algorithm, as `\gets` is ("theta from theta" was said, bug bash 165); `press ← to go back` keeps its arrow
_ASSIGNED = re.compile(
    r"(?<![\w'’])([A-Za-zα-ωΑ-Ω](?:_\{[^{}\s]{1,12}\}|_\w{1,4}|[₀-₉ₐ-ₜᵢ-ᵪ]+|[′'*]|\^\w{1,4}|[⁰-⁹ᵀ]+)*)\s*←(?=\s*\S)"
)


#: `+/- 0.5`, `5 +/- 0.2 mm`, `50%+/-`: plus or minus as ASCII writes it, read as `±` ("plus /- 0.5" was said)
_PLUS_OR_MINUS = re.compile(r"(?<![+/])\+/[-−](?![-−/>])")


#: An article and `~` before a number (`a ~5% gain`, `an ~80% share`)
_ABOUT_AFTER_ARTICLE = re.compile(r"(?<![\w'’])([Aa]n?)\s+~\s?(?=\d)")


def _about_after_article(match: re.Match[str], lang: Language) -> str:
    """The article and the language's word for `~` after it ("a roughly", "an approximately")."""
    word = lang.about_describing.get(match[1].lower())
    return f"{match[1]} {word} " if word else match[0]


#: `in` after an amount of feet, the inches of a height or a length (`5 ft 10 in`, `6 ft 2 in tall`); elsewhere
#: `in` is the word (`in 2 in the morning`), and stays; an abbreviation's full stop before "tall" goes (`5 ft 10 in.
#: tall`: "inches. tall" was said)
_INCHES_AFTER_FEET = re.compile(
    r"(?:(?<=\bfeet )|(?<=\bfoot )|(?<=\bfeet = )|(?<=\bfoot = ))(\d{1,3}(?:\.\d)?) in"
    r"(?:\.?(?=[ \t]+(?:tall|long|wide|high|deep)\b)|(?=[ \t]*(?:[.,;:!?)]|$)))"
)
#: A height in feet and inches between an article and the noun it describes (`a 6 ft 1 in board`), said as people
#: say it: "a 6 foot 1 board" ("a 6 feet 1 in board" was said)
_HEIGHT_DESCRIBING = re.compile(
    r"(?<![\w'’])((?:[Aa]n?|[Tt]he) \d{1,2}) ?ft (\d{1,2}) ?in(?=[ \t]+(?!(?:the|a|an|of|and|or|to)\b)[a-z])"
)
#: Miles per gallon or per hour written with a slash (`30 mi/gal`); `mi` alone is no unit (a Spanish or Italian word)
_MILES_PER = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?) ?mi/(gal|hr?)(?![\w/])")
_PER_MILE = {"gal": "gallon", "h": "hour", "hr": "hour"}
#: A German recipe's spoons (`1/2 TL Salz`, `2 EL Öl`: "TL", "EL" were spelled): a fraction or an amount up to 10,
#: before a noun; not a price in Turkish lira (`50 TL`, `5 TL.`); `EL`, no currency's, after an amount up to 99 too
#: (`12 EL Butter`: "EL" was left)
#: ... but not before a game's or a season's word, where `EL` is the Europa League (`In 12 EL Spielen`, `3 EL Tore`:
#: "12 Esslöffel Spielen" was said); `TL` is no league's (review r-spoken11: `1 TL Matcha` was left as written)
_GERMAN_SPOONS = re.compile(
    r"(?<![\w.,/])(?:((?:\d+ )?[1-9]/[1-9]\d?|[½¼¾]|10|[1-9](?:,\d)?)[ \u00a0]?(TL|EL)|([1-9]\d)[ \u00a0]?(EL))"
    r"(?=[ \t]+[A-ZÄÖÜ][a-zäöüß])"
    r"(?:(?<=TL)|(?![ \t]+(?:[A-ZÄÖÜ][a-zäöüß]*(?:spiel|partie|einsatz|einsätz|begegnung|auftritt|saison|treffer"
    r"|final|runde)|(?:Spiel|Partie|Einsatz|Einsätz|Begegnung|Auftritt|Saison|Treffer|Final|Runde|Sieg|Niederlage"
    r"|Spieltag)|(?:Match|Matches|Tore|Toren|Tor|Punkte|Punkten|Siege|Siegen)(?![a-zäöüß]))))"
)
#: ... said as the units table's teaspoon and tablespoon are ("ein Teelöffel", "2 Esslöffel")
_SPOONS = {"TL": "tsp", "EL": "tbsp"}
#: An amount, with its unit if any, divided by another with spaces around the slash, before "=": a sum worked out
#: (`1,000 g / 50 g = 20 slices`, `350 / 500 = 0.7`), not a path, a ratio of names or a date
_DIVIDED_AMOUNT = r"\d[\d,.]*(?:[ \t]?[^\W\d_]{1,4})?"
_SPACED_DIVISION = re.compile(rf"(?<![\w.,/])({_DIVIDED_AMOUNT})[ \t]/[ \t](?={_DIVIDED_AMOUNT}[ \t]*=[ \t]*\d)")


@lru_cache(maxsize=16)
def _unit_product_pattern(lang: Language) -> re.Pattern[str]:
    """Two units of the table joined by a product's dot after a number or a power of ten (`J·s`, `N⋅m`, `kW·h`)."""
    units = "|".join(re.escape(key) for key in sorted(lang.units, key=len, reverse=True))
    return re.compile(rf"(?<=[\d⁰¹²³⁴⁵⁶⁷⁸⁹])( ?)({units})[·⋅]({units})(?![\w²³/·⋅^])")


#: Languages whose product of units counts with its first unit, as their table's `kWh` does ("kilovatios hora",
#: "quilowatts-hora"); elsewhere the second counts ("kilowatt hours")
_FIRST_UNIT_COUNTS = frozenset({"fr", "es", "it", "pt"})


def _unit_product(match: re.Match[str], lang: Language) -> str:
    """ "joule seconds", "julios segundo" ("J dot s", "J scalaire s" were said; bug bash h-tech): one unit counts,
    in the singular after 1 (French `1,5 N·m`, as its `1,5 N`), the other is in the singular; not after a power's
    exponent (`10^-1 J·s`); before the noun it describes, a compound ("a 40-newton-meter wrench")."""
    window = match.string[max(0, match.start() - 24) : match.start()]
    number = re.search(r"(?<![\w.,^\-−])\d[\d.,]*\Z", window)
    one = number is not None and lang.is_singular(number[0])
    first, last = lang.units[match[2]], lang.units[match[3]]
    if (
        number is not None
        and lang.unit_adjective_articles
        and (article := re.search(r"(?<![\w'’])(\w+)[ \t]+\Z", window[: number.start()])) is not None
        and article[1].lower() in lang.unit_adjective_articles
        and _DESCRIBED_NOUN.match(match.string, match.end()) is not None
    ):
        # `a 40 N·m wrench`: "a 40-newton-meter wrench", as the units alone say it (`a 60 mph zone`); "a 40 newton
        # meters wrench" was said
        return f"-{lang.singular(first)}-{lang.singular(last)}"
    if lang.code in _FIRST_UNIT_COUNTS:
        return f" {lang.singular(first) if one else first} {lang.singular(last)}"
    return f" {lang.singular(first)} {lang.singular(last) if one else last}"


def speak_prose(text: str, lang: Language, *, greek_is_math: bool = True, code: bool = False) -> str:
    """Words for a line whose markup is gone (formulas in `$…$` already replaced by placeholders); with `code`, for
    a code span: prose's notation (money, dates, times, ratios, ordinals, abbreviations, labels, compounds, `~` as
    "about") is not read there (`$1`, `05/2024` in a path, `8080:80`, `HEAD~1`; study 96)."""
    if not code and "+/" in text:
        text = _PLUS_OR_MINUS.sub("±", text)
    if not code and ("://" in text or "www." in text):
        text = _ADDRESS_BESIDE_CJK.sub(r" \g<0> ", text)
    if not code and "=" in text:  # `n=1,000`: read as `n = 1,000` is
        text = _glued_equals(lang.decimal_comma, lang.space_thousands).sub(" = ", text)
        text = _SHORT_NAME_EQUALS.sub(r"\1 = ", text)
    if not code and lang.tends_to and "→" in text:  # `T → 0`: "T goes to 0", not "T to 0"; `A → B` stays
        text = _LIMIT_ARROW.sub(lambda match: _limit(match, lang), text)
    if not code and ("·" in text or "⋅" in text):  # `6.6×10^-34 J·s`, `40 N·m`: a unit's product after a number
        text = _unit_product_pattern(lang).sub(lambda match: _unit_product(match, lang), text)
    if not code and "·" in text:  # before the names beside it are read as a product's factors
        text = _separators(text)
    if not code:  # `[H⁺]`, `Ca²⁺`, `H₂O`: an ion's charge, no power of a sign, and a formula's counts, no indices
        text = chemical_formulas(text, lang)
    text = developer_notation(text, lang)
    if "←" in text:
        text = _ASSIGNED.sub(r"\1 ⟵", text)
    # `a gap of ≤5%`, `≈70% of them`: the sign is a word of its own, read as the words around it want (bug bash 123)
    text = _GLUED_COMPARISON.sub(r"\1 ", text)
    if code:  # `sleep 2h`, `timeout: 30s`; a ratio where the span names one (`ratio=3:1`), not `8080:80`
        text = everyday_notation(text, lang)
        text = _ratios(text, lang) if lang.ratio and ":" in text else text
    else:
        if lang.code == "de" and ("TL" in text or "EL" in text):  # `1/2 TL Salz`: "ein halber Teelöffel Salz"
            text = _GERMAN_SPOONS.sub(
                lambda match: f"{match[1] or match[3]} {_SPOONS[match[2] or match[4]]}", text
            )
        text = _prose_notation(text, lang)
        if "*" in text:  # `θ*`, `w*`, `A*`: an optimum's star ("theta times" was said)
            text = _STARRED.sub(r"\1^*", text)
        if lang.definite and any(sign in text for sign in lang.definite):  # `A ⪰ 0`: "is positive semidefinite"
            text = _DEFINITE.sub(lambda match: f" {lang.definite[match[1]]}", text)
        text = text.replace("M⊙", "M☉")  # a solar mass (`1.4 M⊙`), not a product: its sign stays unsaid
    text = _FACTORIAL.sub(lambda m: f"{m[1] or m[2]} {lang.symbols['!']} ", text)
    text = _accented_letters(text, lang)
    if not code:  # `½ tl`, `¾ dl`: the unit's word, which needs a number before it below ("een half t l" was said)
        text = _MIXED_NUMBER.sub(_mixed_number, text) if "/" in text else text
        text = _SPACED_MIXED_NUMBER.sub(r"\1", text)
        text = _unit_after_fraction(lang).sub(lambda match: _fraction_unit(match, lang), text)
    text = _VULGAR.sub(lambda match: _vulgar_fraction(match, lang), text)
    # `t½`: a half-life's index, said (it was dropped, bug bash 88)
    text = _INDEX_FRACTION.sub(lambda match: " " + _vulgar_fraction(match, lang), text)
    text = _SCIENTIFIC.sub(lambda m: f"{m[1]} e {lang.minus + ' ' if m[2] in '-−' and m[2] else ''}{m[3]}", text)
    if not code:
        text = _abbreviations(text, lang)
    # Python's `*args` and `**kwargs` are names, not products ("times times kwargs")
    text = re.sub(r"(?:(?<=^)|(?<=[\s(\[,]))\*{1,2}(?=[A-Za-z_]\w*(?![\w*]))", "", text)
    if not code:  # `il 20–25%`: "tra il 20 e il 25%", before money and units read the range
        text = _worded_ranges(text, lang)
        if lang.code == "en" and "/" in text:  # `a 1/8 of an inch`: "an eighth" ("a eighth" was said)
            text = _A_BEFORE_A_VOWEL_FRACTION.sub(r"\1n ", text)
        if lang.about_articles and "~" in text:  # `un ~34 %`: "aproximadamente un 34 %", before units say "~"
            text = _about_article(lang).sub(lambda match: _about_before_article(match, lang), text)
    if not code or _CODE_MONEY.search(text):
        text = _money_and_doses(text, lang)
    if not lang.decimal_comma:  # p < .001: "zero point zero zero one" (a lone ".001" lost its point)
        text = re.sub(r"(?<![\w.,])\.(?=\d+(?![\w.]))", "0.", text)
    elif not code:  # `0.001` in a German line: no thousand starts with 0 (bug bash 123: "null tausend eins")
        text = _LEADING_ZERO_DECIMAL.sub(_leading_zero_decimal, text)
    # 5-10 minutes, 2020-2024; not dates (2024-03-15), versions (1.2-3) or names (COVID-19)
    text = re.sub(r"(?<![\w.\-/])(\d{1,4})-(\d{1,4})(?![\w\-/]|[.,]\d)", lambda m: _hyphen_range(m, lang), text)
    # 20.000-30.000, 20,000-30,000: thousands the rule above leaves (eSpeak NG dropped the hyphen, or said "dash")
    text = _grouped_range_pattern(lang.decimal_comma).sub(lambda m: _grouped_range(m, lang), text)
    # 1,2-3,4, 0,5-1 and 1-1,5 (a confidence interval, a dose; bug bashes 88 and h-nlsv): decimals, which the rule
    # above leaves
    text = _decimal_range_pattern(lang.decimal_comma).sub(lambda m: _hyphen_range(m, lang), text)
    if not code and " / " in text and "=" in text:  # `350 / 500 = 0.7`: "350 divided by 500" (" / " was sent)
        text = _SPACED_DIVISION.sub(rf"\1 {lang.symbols['÷']} ", text)
    if lang.code == "en" and "ft" in text and " in " in text:  # `a 6 ft 1 in board`: "a 6 foot 1 board"
        text = _HEIGHT_DESCRIBING.sub(r"\1 foot \2", text)
    if lang.code == "en" and "mi/" in text:  # `30 mi/gal`: "30 miles per gallon" ("30 mi or gal" was said)
        text = _MILES_PER.sub(lambda match: f"{lang.counted(match[1], 'miles')} per {_PER_MILE[match[2]]}", text)
    text = _percent_per_period(_numbers_with_units(text, lang), lang)
    if lang.code == "en" and " in" in text and ("fe" in text or "foot" in text):  # `5 ft 10 in`: "5 feet 10 inches"
        text = _INCHES_AFTER_FEET.sub(lambda match: f"{match[1]} {'inch' if match[1] == '1' else 'inches'}", text)
    if ":" in text and "/" in text:  # a runner's pace, `5:30/km`: "5:30 per kilometer" ("slash k m" was said)
        text = _PACE.sub(lambda match: f"{match[1]} {lang.per_unit(lang.singular(lang.units[match[2]]))}", text)
    text = _units_after_per(text, lang)
    if not code:  # after the units: `4 VMs` is no "4 volts"
        text = plural_acronyms(text, lang)
    # `4.25%–4.50%`: the first sign goes, the range is said once ("four point two five percent four point five")
    text = re.sub(
        rf"(?<![\w.,])(\d[\d.,]*)(?:\s?%(?={_RANGE_DASH}\d[\d.,]*\s?%))?{_RANGE_DASH}(?=\d)",
        lambda m: _dash_range(m, lang),
        text,
    )
    text = re.sub(rf"(?<=\d){_RANGE_DASH}(?=\d)", f" {lang.word_to} ", text)
    if not code and ("×" in text or "x" in text):
        text = _factors(text, lang)
    # a 2×2 matrix, `3x3.`; not a space's shape in a superscript (`ℝ^{768×3072}`, `ℝ^(d×k)`), read with its formula
    # (its "by" was spelled "b y", or read as the power "seven hundred and sixty-eighth": bug bash 165), nor a power
    # of ten (`1×10⁻⁴`: "1 by ten to the power minus four")
    text = re.sub(r"(?<![\w.])(?<!\^[{(])(\d+)[×x](\d+)(?!\w|\.\d|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻^])", rf"\1 {lang.by} \2", text)
    text = re.sub(r"(?<=\d) x (?=\d)", f" {lang.times} ", text)  # 3 x 4 = 12
    text = re.sub(r"(?<![\w.])(?<!\^[{(])([a-zA-Z])×([a-zA-Z])(?![\w.])", rf"\1 {lang.by} \2", text)  # n×n
    if not code:
        text = _COMPOUND_HYPHEN.sub(r"\1 ", _labels(text, lang))
    # not in a web address: `?utm_source=x&utm_medium=y` was read as a formula ("u t m sub medium equals y")
    text = _URL_OR_AND.sub(lambda m: m[0] if m[0] != "&" else f" {lang.symbols['&']} ", text)
    text = " ".join(_formula_words(_balanced_words(text), lang, greek_is_math, code=code))
    text = re.sub(r"(?<![\w)\]])[-−](?=\d)", f"{lang.minus} ", text)  # signs: det = -2
    # n-1, k-2: one lowercase letter minus a number (F-16, e-mail, x-ray are names and words), and `N-1` with one digit
    # (a cluster's N-1 followers: "N one followers" was heard); other capitals are names (`B-52`, `K-9`, `T-1000`), so
    # are a mask and roads (`N-95`, `N-340`, `la N-7`)
    text = re.sub(
        r"(?<![\w\-'’])([a-z]|(?<!\b[lL]a )N(?=[-−]\d(?!\d)))[-−](\d+)(?![\w\-]|[.,]\d)", rf"\1 {lang.minus} \2", text
    )
    if not code:
        text = fractions_before_measures(text, lang)  # `1/2 cuillère`: "une demi-cuillère"
        if lang.about_describing:  # `a ~5% gain`: "a roughly 5% gain" ("a about" was said)
            text = _ABOUT_AFTER_ARTICLE.sub(lambda match: _about_after_article(match, lang), text)
        text = re.sub(r"(?<![\w~])~\s?(?=\d)", f"{lang.about} ", text)
        if lang.decimal_word:
            text = _DECIMAL_COMMA.sub(lambda match: _decimal_word(match, lang.decimal_word), text)
    return text


#: A formula's sign before a number (`y = 3x`, `1 + 2x`): an `x` glued to the number is the unknown
_FORMULA_SIGN = re.compile(r"[=+*/^]\s?\Z")
#: ... or where the line names an `x` of its own (`2x and x * y`)
_LONE_X = re.compile(r"(?<![\w.])x(?!\w)")
#: A count of machines before their model (`8×A100`, `8x H100`): "8 A100" ("eight times A one hundred" was said)
#: or of parts, cells and slots (`16x PCIe slot`, `4x AA`, `2x SSDs`: "16 times PCIe slot" was said); a measure's
#: acronym is a factor's (`10x QPS`, `2x CPU time`), so is one before a comparative (`a 4x SSD speedup`)
_MACHINES = re.compile(
    r"(?<![\w.])([1-9]\d*)\s?[×x]\s?"
    r"(?=[A-Z]{1,3}\d{2,4}(?!\w)|(?:(?:PCIe|NVMe|AAA?|SSD|HDD|NIC|DIMM|SATA|USB|HDMI)s?|[CGT]PUs)(?![\w-])(?:\s+(\w+))?)"
)
#: ... but a part's acronym before an amount of it is a factor's (`2x HDD space`: "2 HDD space" was said)
_AMOUNT_NOUNS = re.compile(
    r"space|capacity|speed|bandwidth|throughput|cost|costs|power|memory|storage|time|espace|capacité|vitesse|débit"
    r"|coût|mémoire|stockage|temps|Speicher|Speicherplatz|Platz|Kapazität|Geschwindigkeit|Bandbreite|Durchsatz"
    r"|Kosten|Leistung|Zeit|espacio|capacidad|velocidad|ancho|rendimiento|costo|coste|memoria|almacenamiento|tiempo",
    re.IGNORECASE,
)
#: A factor (`10×`, `~2–4×`, `a 10× speedup`): a number with `×` and no operand after it (a number, a bracket or a
#: one-letter name: `3×4`, `2×n` are products)
_FACTOR = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?:\s?×(?!\s*(?:[\d(]|[^\W\d_](?!\w)))"
    # ... or a lower-case `x` glued to it, as language models write (`14x`, `3x replication`, `2.5x the cost`; eSpeak
    # said "fourteen ex", "quatorze iks"): not hex (`0x1F`), a dimension (`4x4`), nor an unknown of a formula (`2x + 1`,
    # `y = 3x`, `3x y`)
    r"|(?P<unknown>x)(?![\w(]|\s*[-+−=*/^<>]|\s+[^\W\d_](?!\w)))"
)
#: ... before a noun, in a language that makes it a compound's first part (German `3x Replikation`; not before a
#: name, `4x Intel Xeon`)
_FACTOR_BEFORE_NOUN = re.compile(
    r"(?<![\w.,])(?<![=+*/^] )(?<![=+*/^])(\d+(?:[.,]\d+)?)(?:\s?×|x)\s+"
    r"(?=([A-ZÄÖÜ][a-zäöüß]{2,})(?![\w-])(?!\s+[A-ZÄÖÜ\d]))"
)


#: The word before a factor (`Eine 5x Verbesserung`: "Eine")
_WORD_BEFORE = re.compile(r"(\w+)\s+\Z")


def _a_compound(match: re.Match[str], nouns: re.Pattern[str], lang: Language) -> bool:
    """Whether a factor before a noun is a compound's first part: before a noun a factor is an amount of (`3x
    Replikation`), after an article whatever the noun (`Eine 5x Verbesserung`: "Eine 5-fach-Verbesserung", "5 mal" was
    said), and a factor of 1 after a preposition too (`mit 1x Geschwindigkeit`, "mit einmal" was said); else a count
    of times (`Ich bestelle 3x Kaffee`, `1x Kaffee`: "einmal Kaffee")."""
    if nouns.match(match[2]):
        return True
    before = _WORD_BEFORE.search(match.string, max(0, match.start() - 20), match.start())
    word = before[1].lower() if before else ""
    return word in lang.articles or (match[1] == "1" and word in lang.dative_words | lang.accusative_words)


def _factors(text: str, lang: Language) -> str:
    """ "8 A100"; "10 veces", "2 a 4 veces" where `×` was the product's word ("diez por", "dos a cuatro por");
    "3-fach-Replikation"."""
    text = _MACHINES.sub(
        lambda match: (
            match[0]
            if match[2]
            and (
                (lang.times_more[0] and re.fullmatch(lang.times_more[0], match[2])) or _AMOUNT_NOUNS.fullmatch(match[2])
            )
            else f"{match[1]} "
        ),
        text,
    )
    if lang.factor_compound:
        nouns = re.compile(lang.factor_compound_nouns)
        text = _FACTOR_BEFORE_NOUN.sub(
            lambda match: f"{match[1]}-{lang.factor_compound}-" if _a_compound(match, nouns, lang) else match[0], text
        )
    unknown_x = _LONE_X.search(text) is not None  # `2x and x * y`: x is a name of the line
    one_setting = re.compile(rf"(?:{lang.factor_one_setting})\Z")

    def factor(match: re.Match[str]) -> str:
        if match["unknown"] and (
            unknown_x or _FORMULA_SIGN.search(match.string, max(0, match.start() - 2), match.start())
        ):
            return match[0]
        start = match.start()
        if match[1] == "1" and lang.factor_one_setting and one_setting.search(match.string, max(0, start - 12), start):
            from .reading import number_words

            return lang.factor_adjective[1].format(number_words("1", lang))
        if match[1] == "1" and any(lang.factor_one):
            alone = re.match(r"\s*(?:[.,;:!?)\]]|\Z)", match.string[match.end() :]) is not None
            return lang.factor_one[0 if alone else 1] or f"{match[1]} {lang.times_more[1]}"
        return f"{match[1]} {lang.times_more[1]}"

    return _FACTOR.sub(factor, text) if lang.times_more[1] else text


#: A decimal comma in prose (`2,5`, `1 234,56`, `0,001`), not a list of numbers (`1,2,3`)
_DECIMAL_COMMA = re.compile(r"(?<![\w.,])(\d+),(\d+)(?![\w.,]\d|\w)")


def _decimal_word(match: re.Match[str], word: str) -> str:
    """ "2 komma 5" for `2,5`; a pair in brackets (`(1,2)`, `[0,1]`) stays as written."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if before.endswith(("(", "[")) and after.startswith((")", "]")):
        return match[0]
    return f"{match[1]} {word} {match[2]}"


#: Money in code (`price: $5.99`, `budget: $50/month`, `€10`), not a shell's or a regex's `$1`
_CODE_MONEY = re.compile(
    r"[$]\s?(?:\d{2,}|\d[.,]\d|\d+(?:[kKMB]|bn|mn)\b|\d+/[a-z])|[€£]\s?\d|\d\s?[€£]|\d\s?[$](?!\w)|R[$]\s?\d"
)  # and `$5k`, `$9/mo`, `20 $`, `R$ 5` (review 98)


#: `80/20`, `70/15/15`: a split's shares, which add up to 100 next to a split's word ("an 80/20 train/test split",
#: "die 80/20-Regel", `_SPLIT_WORDS`): said side by side, as people say them ("eighty twenty"; it was "80 over 20").
#: Each share is 5 or more (`1/99` is a fraction); `50/50` has the tables' words; three shares only with the largest
#: first (`10/10/80` may be a date)
_SPLIT = re.compile(r"(?<![\w./,])(\d{1,2})/(\d{1,2})(?:/(\d{1,2}))?(?![\w/]|[.,]\d)")


#: The words that name a split, in the languages with tables (lower case, as a compound's start too: `80/20-Regel`,
#: `80/20-uppdelning`); without one, shares that add up to 100 are a score or votes (`I scored 45/55`, `49/51 of the
#: votes`, `Er hat 45/55 Punkten`: review 127), read as before
_SPLIT_WORDS = (
    "split|splits|splitting|portfolio|portfolios|mix|mixture|blend|rule|ratio|allocation|partition|division"
    "|chance|chances|odds|principle|principe|prinzip|principio|princípio|kans|chans"
    "|répartition|partage|mélange|règle|rapport|découpage|portefeuille"
    "|aufteilung|verteilung|regel|verhältnis|mischung|aufspaltung"
    "|división|reparto|mezcla|regla|proporción|cartera|distribución|partición"
    "|divisione|ripartizione|rapporto|miscela|regola|proporzione|portafoglio|suddivisione"
    "|divisão|repartição|mistura|regra|proporção|carteira|distribuição|partição"
    "|verdeling|verhouding|splitsing|opsplitsing"
    "|fördelning|uppdelning|förhållande|regeln|blandning|portfölj"
)
#: A data set's parts (`train/test`, `train val test`, as `_slash` leaves them): a split's names
_DATA_SPLIT_NAMES = "(?:" + "|".join(sorted(_DATA_SPLITS)) + ")"
#: A split's word right after the shares (`an 80/20 split`, `80/20 train/test`, `die 80/20-Regel`)
_SPLIT_WORD_AFTER = re.compile(
    rf"(?i)^(?:\s+(?:{_DATA_SPLIT_NAMES}[\s/]{_DATA_SPLIT_NAMES}|(?:{_SPLIT_WORDS})s?)\b|-(?:{_SPLIT_WORDS}))"
)
#: A split's word before the shares, a word at most between (`Our split is 60/40`, `eine Verteilung von 60/40`), and
#: the shares after an alternative (`une répartition 80/20 ou 90/10`)
_SPLIT_WORD_BEFORE = re.compile(
    rf"(?i)\b(?:{_SPLIT_WORDS})\s+(?:[^\W\d_]+\s+)?(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{1,2}})?,?\s+[^\W\d_]+\s+)?$"
)


@lru_cache(maxsize=8)
def _rating(lang: Language) -> re.Pattern[str]:
    """A rating out of 5, 10 or 100 after a verb or noun of rating and up to three of its fillers (`I'd give it a
    solid 8/10`, `rated 4.5/5`, `ich gebe ihm 8/10`, `voto 7/10`)."""
    # ... and at a sentence's start (`Rate it 4/5.`: "4 over 5" was said)
    words = {*lang.rating_words, *(word[0].upper() + word[1:] for word in lang.rating_words)}
    verbs = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    fillers = "|".join(re.escape(word) for word in sorted(lang.rating_fillers, key=len, reverse=True))
    of = "|".join(re.escape(word.rstrip("'")) for word in lang.fraction_of)  # `give 1/5 of it`: a part
    return re.compile(
        rf"(?<![\w'’])(?:{verbs})(?:[ \t]+(?:{fillers})){{0,3}}[ \t]+"
        rf"(?P<score>\d{{1,3}}(?:[.,]\d)?)/(?P<best>5|10|100)(?![\w/]|[.,]\d|[ \t]+(?:{of})\b)"
    )


#: A measure after a share (`give 1/10 teaspoon`): a quantity given, no rating ("1 out of 10 teaspoon" was said);
#: besides the units' symbols
_MEASURE_AFTER = re.compile(
    r"[ \t]+(?:(?:tea|table|dessert)spoon|tsp|tbsp|cup|pinch(?:e)?|ounce|dose|tablet|pill|capsule|serving|portion|"
    r"scoop|drop|slice|gram|milligram|millilit(?:er|re)|lit(?:er|re))s?\b",
    re.IGNORECASE,
)


def _ratings(text: str, lang: Language) -> str:
    """`I'd give it 8/10`: "8 out of 10", `ich gebe 8/10` "8 von 10", `voto 7/10` "7 su 10" ("8 over 10" was said);
    no score above the best (`rated 12/10`) and no other denominator (`gave it 3/4`)."""

    def said(match: re.Match[str]) -> str:
        if float(match["score"].replace(",", ".")) > int(match["best"]):
            return match[0]
        after = match.string[match.end() : match.end() + 16].split(maxsplit=1)
        if _MEASURE_AFTER.match(match.string, match.end()) or (after and after[0].rstrip(".,;:!?") in lang.units):
            return match[0]
        rating = lang.out_of.format(match["score"], match["best"])
        return f"{match.string[match.start() : match.start('score')]}{rating}"

    return _rating(lang).sub(said, text)


def _split_shares(match: re.Match[str]) -> str:
    shares = [int(share) for share in match.groups() if share is not None]
    if sum(shares) != 100 or min(shares) < 5 or shares == [50, 50] or (len(shares) == 3 and shares[0] <= 31):
        return match[0]
    before, after = match.string[max(0, match.start() - 80) : match.start()], match.string[match.end() :]
    if not (_SPLIT_WORD_AFTER.match(after) or _SPLIT_WORD_BEFORE.search(before)):
        return match[0]
    return " ".join(share for share in match.groups() if share is not None)


#: The letters eSpeak NG reads right before `'th` ("eye-th", "kay-th", "en-th"; `d'th` is "duth", `a'th` "ath")
_TH_LETTERS = "ijklmnpqrtx"
#: `i-th`, `k-th`, `nth`, `(i+1)-th`: an index's ordinal, which eSpeak NG read "i tee aitch" or, next to a sum, "i
#: plus one minus th"; glued only `ith`, `jth`, `kth`, `nth` (`mth` is a month, `sth` something)
_INDEX_ORDINAL = re.compile(
    rf"(?<![\w'’\-])(?:([{_TH_LETTERS}])-th|([ijkn])th"
    rf"|\(\s*([a-z])\s*([+\-−])\s*([1-9]|[{_TH_LETTERS}])\s*\)-?th)(?![\w'’\-])"
)


def _index_ordinals(text: str, lang: Language) -> str:
    """ "the i'th element", "the i plus first step": an index's ordinal as a teacher says it (English)."""
    from .reading import _ordinal

    def say(match: re.Match[str]) -> str:
        if not match[3]:
            return f"{match[1] or match[2]}'th"
        sign = lang.symbols["+"] if match[4] == "+" else lang.minus
        last = _ordinal(int(match[5]), lang) if match[5].isdigit() else f"{match[5]}'th"
        return f"{match[3]} {sign} {last}"

    return _INDEX_ORDINAL.sub(say, text)


@lru_cache(maxsize=16)
def _per_count(lang: Language) -> re.Pattern[str]:
    """A rate per a round count after a slash or the word for "per" (`$0.002/1K tokens`, `$2 / 1M input tokens`,
    `$0.002 per 1K tokens`), and the word after it: the slash was "or" ("dollars or 1K tokens", `_slash`'s last
    resort) or left to the voice ("Dollar /1K": "eins Ka"; bug bash 165)."""
    pers = {lang.per, *(phrase.split()[0] for phrase in lang.per_count.values())}
    words = "|".join(re.escape(word) for word in sorted(pers, key=len, reverse=True))
    slash = r"(?<=[\w$€£])(?<!\d[kKMB])\s?/\s?"  # not `1K/1M`
    return re.compile(rf"(?:{slash}|\s(?:{words})\s)1\s?([kKMB])(?![\w/]|[.,]\d)(\s+[^\W\d_]+)?")


#: Words a count's "de" or "di" is not said before: the line's own (`1M de tokens`, `1 M d'entrées`: "de de",
#: "de d'entrées" was said) and words that start no noun, a preposition, an article or a conjunction (`15 $/1M en
#: sortie`: "d'en sortie", `$3/1M en la entrada`: "de en la entrada")
_NO_COUNTED_NOUN = frozenset(
    {
        "de",
        "d",
        "di",
        "del",
        "dei",
        "degli",
        "della",
        "des",
        "du",
        "do",
        "da",
        "dos",
        "das",
        "en",
        "em",
        "in",
        "a",
        "à",
        "au",
        "aux",
        "al",
        "ao",
        "aos",
        "pour",
        "por",
        "para",
        "per",
        "sur",
        "con",
        "com",
        "avec",
        "et",
        "y",
        "e",
        "ou",
        "o",
        "u",
        "le",
        "la",
        "les",
        "l",
        "el",
        "los",
        "las",
        "il",
        "lo",
        "gli",
        "i",
        "un",
        "une",
        "uno",
        "una",
        "um",
        "uma",
        "chez",
        "dans",
        "entre",
        "sin",
        "sem",
        "sans",
        "que",
        "qui",
        "che",
    }
)


#: A size count and its noun, a slash and a size count (`1M users / 1B requests`): the slash pairs two sizes, as a
#: system's scale is given ("1 million users per billion requests" was said); `50 errors / 1M requests` stays a rate
_SIZE_PAIR = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?([kKMB])(\s+)([^\W\d_]+)\s?/\s?(\d+(?:[.,]\d+)?)\s?([kKMB])(?![\w/]|[.,]\d)(\s+(?=\w))?"
)


def _size_pair(match: re.Match[str], lang: Language) -> str:
    """ "1 million users, 1 billion requests": a pause between two counts, each read as a count whatever its noun
    (`1K admins` was left as written: its noun is none of `_COUNTED`)."""
    first = _counted_size(match[1], match[2], match[3], match[4], _word_before(match), lang, signed=_after_sign(match))
    second = _counted_size(match[5], match[6], match[7] or "", match.string[match.end() :], "", lang)
    if first is None or second is None:
        return match[0]
    return f"{first}{match[4]}, {second}"


def _per_count_words(match: re.Match[str], lang: Language) -> str:
    """ "per thousand tokens", "pour un million d'entrées", "por cada millón de tokens"; "de" goes at the end."""
    phrase = lang.per_count["k" if match[1] in "kK" else match[1]]
    after = match[2] or ""
    if phrase.endswith((" de", " di")) and (not after or after.strip().lower() in _NO_COUNTED_NOUN):
        phrase = phrase[:-3]
    elif phrase.endswith(" de") and lang.elides and after.strip()[:1].lower() in "aeéèêiîoôuyh":
        return f" {phrase[:-2]}d'{after.strip()}"
    return f" {phrase}{after}"


#: A Swedish price in whole crowns as shops write it (`49:-`, `1 299:-`)
_WHOLE_CROWNS = re.compile(r"(?<![\w.,:])(\d{1,3}(?: \d{3})+|\d+):-(?![\w-])")


def _whole_crowns(match: re.Match[str]) -> str:
    """`49:-` as `49 kr`, which the units after say "49 kronor", and `39:-/kg` "39 kronor per kilogram" ("kronor
    eller kg" was said)."""
    return f"{match[1]} kr"


#: An English day before its month's abbreviation, as British and European English write a date (`1 Apr.`, `15 Nov`)
_EN_MONTHS = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July",
              "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October", "Nov": "November",
              "Dec": "December"}  # fmt: skip
#: ... not before another small number (`Piet 2 Jan 3`: a name's score; a time is none, `1 Apr 9am`, `1 Apr 9.30`), nor
#: `Dec` and `Oct` in a line of number bases (`10 Dec = A Hex`: decimal; `the bin` is a dustbin, not `the bin format`)
_EN_DAY_MONTH = re.compile(
    r"(?<![\w.,:/])([1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\.)?(?![\w'’.])"
    r"(?![ \t]+\d{1,2}(?![\d:]|[.,]\d|[ \t]*[ap]\.?m\b|[^\W\d_]))"
)
_NUMBER_BASES = re.compile(
    r"\b(?:[Hh]ex|HEX|Bin|BIN|(?<!the )(?<!The )(?<!a )(?<!my )(?<!our )(?<!your )bin|"
    r"bin(?=[ \t]+(?:format|number|value)s?\b)|[Oo]ctal|[Bb]inary|[Dd]ecimal|[Hh]exadecimal)\b"
)


def _prose_notation(text: str, lang: Language) -> str:
    """Times, ordinals, dates and ratios of prose (not of code)."""
    if lang.code == "en" and "th" in text:
        text = _index_ordinals(text, lang)
    if lang.code == "en":  # `on 1 Apr.`, `between 1 and 15 Nov.`: eSpeak NG said "apra", "nov"
        bases = _NUMBER_BASES.search(text) is not None
        text = _EN_DAY_MONTH.sub(
            lambda m: (
                m[0]
                if bases and m[2] in ("Dec", "Oct")
                else f"{m[1]} {_EN_MONTHS[m[2]]}{sentence_end(m.string, m.end()) if m[3] else ''}"
            ),
            text,
        )
    text = iso_dates(text, lang)  # first: as the language writes a date, for the rules after
    if lang.factor_adjective[1] and ("×" in text or "x" in text):
        text = _factor_adjectives(text, lang)
    text = _times_and_ordinals(days_before_times(text, lang), lang)
    text = everyday_notation(text, lang)
    if lang.ratio and ":" in text:
        text = _ratios(text, lang)
    if lang.code == "de":
        text = german_ordinals(text)
    elif lang.code == "fr":
        text = french_ordinals(text)
    elif lang.code == "nl":
        text = dutch_ordinals(text)
    elif lang.code == "sv":
        text = swedish_ordinals(text, lang)
        if ":-" in text:  # `49:-`: a shop's price in whole crowns, "49 kronor" (eSpeak NG said "49")
            text = _WHOLE_CROWNS.sub(_whole_crowns, text)
    if lang.out_of and "/" in text:  # before the dates: `ich gebe 8/10` is no 8 October
        text = _ratings(text, lang)
    text = slash_dates(text, lang)
    if "/" in text:
        text = _SIZE_PAIR.sub(lambda match: _size_pair(match, lang), text)
    if lang.per_count and re.search(r"1\s?[kKMB]", text):
        text = _per_count(lang).sub(lambda match: _per_count_words(match, lang), text)
    if "/" in text:
        text = _SPLIT.sub(_split_shares, text)
    return dotted_ordinals(text, lang.code)


#: A decimal whose point eSpeak NG reads as a thousands' point in decimal-comma languages: 0 and three digits
#: (`0.001` was "null tausend eins"); `0.5` ("null Punkt fünf") and versions (`0.17`, `0.10`) stay as written
_LEADING_ZERO_DECIMAL = re.compile(r"(?<![\w.,=<>~])0\.(\d{3})(?![.,]?\d|\.\w)")
#: The word before a version number, which keeps its point ("Version 0.500")
_VERSION_BEFORE = re.compile(
    r"(?i)^(?:v|versions?|versionen|versión|versiones|versione|versioni|versão|versie|release|rc)$"
)
#: A size glued to a count (`7B parameters`, `300B tokens`, `110M-parameter`): the number, its letter, the
#: separator and the counted word, one of `_COUNTED` (not `1M HCl`, molar; `5M resistor`; `2T drive`; `Mistral 7B
#: is fast`: review 125)
_SIZED_COUNT = re.compile(r"(?<![\w.,\-])(\d+(?:[.,]\d+)?)([MBTkK])(\s|-)(?=(\w+))")
#: ... the first of a range of two with the same letter (`10k–50k connections`): said once, at the end ("10 to 50
#: thousand connections")
_SIZED_RANGE_START = re.compile(r"(?<![\w.,\-])(\d+(?:[.,]\d+)?)([MBTkK])\s?[–—-]\s?(?=\d+(?:[.,]\d+)?\2(\s|-)(\w+))")
#: A one-digit K's neighbour: a count with a K one word after it (`1K to 10K users`) or before it (`10K users to 1K`)
_K_COUNT_AFTER = re.compile(r"\w+\s+(\d+(?:[.,]\d+)?)K(\s|-)(\w+)")
_K_COUNT_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)K(\s|-)(\w+)\s+\w+\s+\Z")
#: Counted words a one-digit K before is a screen's resolution (`4K videos`, `8K images`), not thousands
_RESOLVED = frozenset({"videos", "images", "frames", "bilder", "bildern", "imágenes", "immagini", "imagens", "vidéos"})
#: What model cards and AI news count in millions and billions, in the languages with tables (lower case)
_COUNTED = frozenset(
    """
    parameter parameters params tokens token words examples samples images rows users downloads documents records
    requests queries views subscribers customers people lines pages files vectors pairs sequences steps weights
    neurons edges nodes instances items entries messages calls events transactions characters frames clicks visits
    followers installs videos iterations iops ops operations connections reads writes keys objects qps rps tps
    sessions
    paramètres jetons mots exemples échantillons lignes utilisateurs téléchargements requêtes vues abonnés clients
    personnes fichiers vecteurs paires séquences étapes poids neurones pas itérations connexions opérations lectures
    écritures clés objets
    parametern wörter beispiele beispielen bilder bildern zeilen nutzer nutzern benutzer benutzern dokumente
    dokumenten anfragen aufrufe abonnenten kunden menschen seiten dateien vektoren paare paaren sequenzen schritte
    schritten gewichte gewichten neuronen verbindungen operationen schlüssel objekte lesezugriffe schreibzugriffe
    parámetros palabras ejemplos muestras imágenes filas usuarios descargas documentos consultas visitas
    suscriptores personas páginas archivos vectores pares secuencias pasos pesos neuronas conexiones operaciones
    lecturas escrituras claves objetos
    parametri parole esempi campioni immagini righe utenti documenti richieste visualizzazioni iscritti persone
    pagine vettori coppie sequenze passi pesi neuroni
    parâmetros amostras imagens linhas usuários utilizadores pessoas arquivos ficheiros vetores sequências passos
    neurônios neurónios
    woorden voorbeelden afbeeldingen rijen gebruikers documenten verzoeken weergaven abonnees klanten mensen
    bestanden vectoren paren stappen gewichten
    parametrar ord exempel bilder rader användare nedladdningar dokument förfrågningar visningar prenumeranter
    kunder personer sidor filer vektorer sekvenser steg vikter neuroner
    """.split()  # noqa: SIM905 (a word list reads best as words)
)


def _leading_zero_decimal(match: re.Match[str]) -> str:
    """`0.001` with the comma a decimal-comma language reads as a decimal; a version's point stays."""
    return match[0] if _VERSION_BEFORE.search(_word_before(match)) else f"0,{match[1]}"


_SIGN_BEFORE = re.compile(r"[<>=≈≃≤≥~+\-−×*/]\Z")


def _after_sign(match: re.Match[str]) -> bool:
    """Whether a sign is written just before the match (`> 1B`): its operand is a number (`_word_before` looks past
    a comparison's sign, for the case of the word for one)."""
    return _SIGN_BEFORE.search(match.string[max(0, match.start() - 8) : match.start()].rstrip()) is not None


def _size_amount(number: str, size: str, before: str, lang: Language, *, signed: bool = False) -> str:
    """ "7 billion", "un millón de", "eine Milliarde"; Spanish `1B` is "mil millones de", as `1k` is "mil": a
    thousand without its one ("1 mil millones" was said), but after a sign (`> 1B`), whose operand is a number."""
    word, thousand = lang.multipliers[size], lang.multipliers.get("k", "")
    bare = thousand and (word == thousand or word.startswith(f"{thousand} ")) and not signed
    if number == "1" and lang.bare_thousand and bare:
        return word
    if lang.is_singular(number) and size in lang.multipliers_one:
        return lang.counted(number, lang.multipliers_one[size], before)
    return f"{number} {word}"


def _counted_size(
    number: str, size: str, separator: str, word: str, before: str, lang: Language, *, signed: bool = False
) -> str | None:
    """A size glued to a count (`7B`) and the separator before its `word`, said: "7 billion ", "7 milliards d'";
    None for a size the language has no word for."""
    if size == "T" and lang.multipliers.get("T") == lang.multipliers.get("k"):
        size = "trillion"  # German `T` is Tausend in accounts; a count of tokens is the English trillion
    if size not in lang.multipliers:
        return None
    amount = _size_amount(number, size, before, lang, signed=signed)
    if lang.code == "fr" and amount.endswith(" de") and separator == " " and word[:1].lower() in "aeéèêiîoôuyh":
        return amount[:-2] + "d'"  # "millions d'exemples"
    if separator == "-" and amount.endswith((" de", " di")):
        return f"{amount} "  # a compound (`7B-Parameter`) as a count
    return f"{amount}{separator}"


def _sized_counts(text: str, lang: Language) -> str:
    """ "7 billion parameters", "7 milliards de paramètres", "7 Milliarden Parameter" for `7B parameters`: the
    letter was said as a letter ("seven B"; bug bash 123), where money's sizes were words already (`$4.6M`)."""

    def counted(number: str, size: str, separator: str, word: str) -> bool:
        if size == "K" and len(number) == 1 and word.lower() in _RESOLVED:  # `4K videos`: a screen's resolution
            return False
        return word.lower() in _COUNTED or (separator == "-" and word.lower().startswith("param"))

    def parallel(match: re.Match[str]) -> bool:
        """A one-digit K beside a count of the same letter, one word apart (`from 1K to 10K users`, `from 10K
        users to 1K`): a count too ("1K to 10 thousand users" was said)."""
        text = match.string
        after = _K_COUNT_AFTER.match(text, match.end())
        before = _K_COUNT_BEFORE.search(text, max(0, match.start() - 80), match.start())
        return any(found and counted(found[1], "K", found[2], found[3]) for found in (after, before))

    def say(match: re.Match[str]) -> str:
        number, size, separator, word = match[1], match[2], match[3], match[4]
        if not (counted(number, size, separator, word) or (size == "K" and len(number) == 1 and parallel(match))):
            return match[0]
        said = _counted_size(number, size, separator, word, _word_before(match), lang, signed=_after_sign(match))
        return match[0] if said is None else said

    text = _SIZED_RANGE_START.sub(
        lambda match: f"{match[1]}–" if counted(match[1], match[2], match[3], match[4]) else match[0], text
    )
    return _SIZED_COUNT.sub(say, text)


@lru_cache(maxsize=16)
def _spaced_size(lang: Language) -> re.Pattern[str] | None:
    """An amount's letter apart from its number before the language's "of" (`2,36 M de paramètres`, `7 Md de`,
    `64 M d'entrées`, `10 M de tokens`), where the table's word ends with that "of": eSpeak said the letter ("deux
    virgule trente-six èm"; bug bash 165)."""
    sizes = [size for size in ("M", "Md", "Mds", "Mrd", "B") if re.search(r" d[ei]$", lang.multipliers.get(size, ""))]
    if not sizes:
        return None
    return re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?) ({'|'.join(sizes)}) (?=d[ei] |d['’]\w)")


def _spaced_sizes(text: str, lang: Language) -> str:
    """ "2,36 millions de paramètres", "un million de tokens", "2,36 millones de parámetros"."""
    pattern = _spaced_size(lang)
    if pattern is None or not re.search(r"\d ?M", text):
        return text

    def say(match: re.Match[str]) -> str:
        return _size_amount(match[1], match[2], _word_before(match), lang, signed=_after_sign(match))[
            :-2
        ]  # the written "de" stays, elided or not

    return pattern.sub(say, text)


#: A share or more (`50%+ of reads`, `99,9 %+`); not a share give or take (`50%+/-`, read as `50%±` before)
_SHARE_OR_MORE = re.compile(r"(\b[Ee]l )?(?<![\w.,])(\d+(?:[.,]\d+)?[\s\u00a0\u202f]?%)\+(?![\w+/\-−])")


def _bounded(before: str, lang: Language) -> bool:
    """Whether the words before an amount bound it already (`About`, `more than`, `Plus de`, `Más del`, `~`)."""
    words = {lang.more_than, lang.about, *lang.bounds.values()}
    if lang.more_than.endswith(" del"):
        words.add(lang.more_than[:-1])  # Spanish `más de 50 %+`
    before = before.lower()
    return before.endswith("~") or any(before.endswith(f"{word} ") for word in words if word)


def _share_or_more(match: re.Match[str], lang: Language) -> str:
    """ "more than 50%"; Spanish "más del 50 %" holds the article `el 50 %+` writes."""
    article, more_than = match[1] or "", lang.more_than
    if not article and _bounded(match.string[max(0, match.start() - 20) : match.start()], lang):
        return match[2]  # `About 30%+`, `Plus de 50 %+`: the words said it ("About more than 30%" was said)
    if article and more_than.endswith(" del"):
        article, more_than = "", more_than.capitalize() if article[0] == "E" else more_than
    return f"{article}{more_than} {match[2]}"


#: A pair that may be a blood pressure without its unit, on a line that speaks of one (`dann 140/90`)
_BLOOD_PRESSURE = re.compile(r"(?<![\w./])(\d{2,3})/(\d{2,3})(?![\w/]|[.,]\d)")


def _blood_pressure(match: re.Match[str], lang: Language) -> str:
    """ "140 over 90" where the pair is a systolic pressure over a lower diastolic one, else as written (`3/4`)."""
    systolic, diastolic = int(match[1]), int(match[2])
    if 60 <= systolic <= 260 and 30 <= diastolic <= 160 and systolic > diastolic:
        return f"{match[1]} {lang.blood_pressure} {match[2]}"
    return match[0]


def _money_and_doses(text: str, lang: Language) -> str:
    """Money, counted amounts, points, blood pressures and doses of prose (not of code: `$1` is a group)."""
    text = _counted_amounts(_sized_counts(_money(text, lang), lang), lang)  # money's sizes first (`€5M`)
    text = _spaced_sizes(text, lang)
    if lang.more_than and "%+" in text:
        text = _SHARE_OR_MORE.sub(lambda match: _share_or_more(match, lang), text)
    text = _finance_points(text, lang)
    if lang.blood_pressure and "mmHg" in text:  # `120/80 mmHg`: "120 over 80", not a division (review 91)
        text = re.sub(r"(?<![\w./])(\d{2,3})/(\d{2,3})(?=\s?mmHg)", rf"\1 {lang.blood_pressure} \2", text)
    if lang.blood_pressure and (
        "mmHg" in text or re.search(rf"(?<!\w)(?:{lang.blood_pressure_words})(?!\w)", text, re.IGNORECASE)
    ):  # `… 140/90 mmHg, dann 140/90` or `Blutdruck 140/90`: each one ("140 durch 90", "140 fratto 90" were said)
        text = _BLOOD_PRESSURE.sub(lambda match: _blood_pressure(match, lang), text)
    return _dose_units(text, lang)
