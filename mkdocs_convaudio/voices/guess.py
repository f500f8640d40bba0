"""Whether a page's text reads as a language, by its commonest short words: a folder named like a language is not
always one (`ml/`, `cs/` hold topics)."""

from __future__ import annotations

import re

#: The short words that make up much of any text in each language (articles, prepositions, the verb "to be").
_COMMON = {
    "en": "the and of to is in that it for you with this are on we be as what so can how not do was if or but",
    "fr": "le la les de des et est un une que qui dans pour pas en du on ce il nous vous sur au avec mais ou",
    "de": "der die das und ist nicht ein eine zu den mit von es wir sie auf für im dem auch sich wie aber",
    "es": "el la los las de que y es un una en por para con no se lo del como pero al más su sus",
    "it": "il la le di che e è un una per non in con del della sono si lo gli ma al nel come anche",
    "pt": "o a os as de que e é um uma para com não do da em no na se por mas como mais ao",
}
_WORDS = {language: frozenset(words.split()) for language, words in _COMMON.items()}
_WORD = re.compile(r"[^\W\d_]+")
#: Below this many words a text says nothing sure about its language.
_LEAST = 20


def reads_as(text: str, language: str) -> bool:
    """Whether `text` is plainly in `language` (a BCP 47 tag): at least one word in six is among its commonest
    short words, as in any sentence of it; False when unsure (a short text, a language without a list)."""
    common = _WORDS.get(language.split("-")[0].lower())
    if common is None:
        return False
    words = _WORD.findall(text.lower())
    return len(words) >= _LEAST and 6 * sum(word in common for word in words) >= len(words)
