"""Fractions in words from num2words' ordinals: `1/6 of` is "one sixth of", `3/8 di` "tre ottavi di"."""

from __future__ import annotations

import re

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
