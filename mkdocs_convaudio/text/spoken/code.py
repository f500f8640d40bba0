"""Code spans of a line, read on their own: developer notation and formulas, not prose's, and code's signs by name."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from .markup import CODE_SPAN, code_markup
from .prose import speak_prose
from .rules import Language

#: A price said around a `$5` span (`the plan is `$5` a month`, `lunch was `$12``): money, not a shell's `$5`
_PRICE_WORDS = re.compile(
    r"(?i)\b(?:costs?|cost|price[ds]?|pric\w+|paid|pay|plans?|month|monthly|year|cheap|expensive|budget|charges?|"
    r"fees?|lunch|coffee|dinner|bucks?|dollars?|kostet|kosten|Preis\w*|co[uû]te?|prix|cuesta|precio|costa|prezzo|"
    r"custa|preço|kost|prijs)\b|[$€£]\s?\d"
)


def lone_price(span: str, line: str) -> bool:
    """Whether a span that is only `$` and a number (`$5`) is a price: where the line speaks of one (review 98),
    not of a regex's group (`$1`)."""
    if re.fullmatch(r"\$\d+", span.strip()) is None:
        return False
    return _PRICE_WORDS.search(CODE_SPAN.sub(" ", line)) is not None  # outside code: not `$1` and `$3` of awk


@lru_cache(maxsize=8)
def _signs(lang: Language) -> re.Pattern[str]:
    """The code signs the table names, the longest first (`...` before `..`); a run of dots only on its own (`cd
    ..`, `1..10`), not inside a longer one."""
    names = sorted(lang.code_symbols, key=len, reverse=True)
    signs = [rf"(?<!\.){re.escape(name)}(?!\.)" if "." in name else re.escape(name) for name in names if name != "."]
    if "." in names:  # a dot alone: `find .`, `./server` (not a file's or a number's)
        signs.append(r"(?<![\w.])\.(?=/|\s|$)")
    return re.compile("|".join(signs))


def speak_code(code: str, lang: Language, *, greek_is_math: bool = True) -> str:
    """What to say for a code span's text (`rm -rf ~/.cache`, `SELECT * FROM users`, `x ** 2`): the notation of
    code and of formulas, and the signs they leave by their names ("tilde", "star", "slash")."""
    text = speak_prose(html.unescape(code_markup(code)), lang, greek_is_math=greek_is_math, code=True)
    if lang.code_symbols:
        text = _signs(lang).sub(lambda match: f" {lang.code_symbols[match[0]]} ", text)
    return text
