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


def language_rules(tag: str) -> Language:
    """The table for a BCP 47 tag (`fr-CA` → French); languages without one read formulas with English words."""
    return LANGUAGES.get(tag.split("-")[0].lower(), ENGLISH)
