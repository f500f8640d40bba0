"""Which spelling table a page's language reads with: base language subtag → its `Language`."""

from __future__ import annotations

from .dutch import DUTCH
from .german import GERMAN
from .italian import ITALIAN
from .portuguese import PORTUGUESE
from .rules import ENGLISH, FRENCH, Language
from .spanish import SPANISH
from .swedish import SWEDISH

#: Add a language by writing its table (`german.py` is an example) and naming it here.
LANGUAGES = {
    "en": ENGLISH,
    "fr": FRENCH,
    "de": GERMAN,
    "es": SPANISH,
    "it": ITALIAN,
    "pt": PORTUGUESE,
    "nl": DUTCH,
    "sv": SWEDISH,
}


#: Languages without a table that group a number's thousands with a space (`₽30 000`, `1 500 км`): their eSpeak NG
#: voices read each group as a number of its own ("тридцать ноль ноль ноль", "один пятьсот"; bug bash h-scripts)
SPACE_GROUPING = frozenset(
    {"ru", "uk", "be", "bg", "kk", "ky", "cs", "sk", "pl", "hu", "fi", "et", "lv", "lt", "nb", "nn", "no", "hy", "ka"}
)


#: Languages without a table whose units, money, decimals, abbreviations and the signs around a number the `native_*`
#: modules say in their own words: only their formulas and other symbols are read with English's
NATIVE_WORDS = frozenset({"ru", "uk"})


def read_with_english_words(tag: str, where: str = "") -> str:
    """What a page in `tag`, a language without a table, reads with English words (`where`: "in those
    conversations"), for the notes that say so."""
    where = f" {where}" if where else ""
    if tag.split("-")[0].lower() in NATIVE_WORDS:
        return (
            f"formulas and other symbols{where} are read with English words (units, money, decimals and the signs "
            "around a number are said in the page's own words)"
        )
    return f"units, symbols and formulas{where} are read with English words"


def has_table(tag: str) -> bool:
    """Whether a page in `tag` reads with its own language's table (`fr-CA` → French), not English's words."""
    return tag.split("-")[0].lower() in LANGUAGES


def groups_thousands_with_spaces(tag: str) -> bool:
    """Whether `tag`'s language writes `30 000` for thirty thousand."""
    return tag.split("-")[0].lower() in SPACE_GROUPING


def language_rules(tag: str) -> Language:
    """The table for a BCP 47 tag (`fr-CA` → French); languages without one read formulas with English words."""
    return LANGUAGES.get(tag.split("-")[0].lower(), ENGLISH)
