"""Code spans of a line, read on their own: developer notation and formulas, not prose's, and code's signs by name."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from .markup import NEGATION, NULLISH, code_markup
from .prose import speak_prose
from .rules import Language

#: A price's words just before or after a `$5` span (`the plan is `$5` a month`, `lunch was `$12``): money, not a
#: shell's `$5` (`print `$1` each month` is a group: "month" is not next to it)
_PRICE_BEFORE = re.compile(
    r"(?i)\b(?:costs?|price[ds]?|paid|pay|plans?|budget|charges?|fees?|lunch|coffee|dinner|kostet|kosten|Preis|"
    r"co[uû]te?|prix|cuesta|precio|costa|prezzo|custa|preço|kost|prijs)\b(?:\s+\w+){0,2}\s*\Z"
)
_PRICE_AFTER = re.compile(
    r"(?i)\A\s*(?:a|per|pro|par|al|por)?\s*/?\s*(?:month|year|week|day|Monat|mois|mes|mese|mês|maand)\b"
)


def lone_price(match: re.Match[str]) -> bool:
    """Whether a code span that is only `$` and a number (`$5`, not `$0`) is a price: a price's word is next to it
    (review 98), unlike a regex's or a shell's group (`$1`)."""
    if re.fullmatch(r"\$[1-9]\d*", match[2].strip()) is None:
        return False
    text = match.string
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 20]
    return _PRICE_BEFORE.search(before) is not None or _PRICE_AFTER.search(after) is not None


#: Code's operators that prose's rules misread, each held by a private-use character while they run: `=>` was
#: "implies" and parted no parameters from a body, `->` "minus is greater than", `:=` "colon equals" with the colon
#: lost, `?.` and `??` were dropped, `<<` "is less than is less than", `!flag` "flag". Each is found by its pattern;
#: the shifts only once the markup is out (a generic's closing `>>` is no operator: `Vec<Box<T>>`).
_OPERATORS: tuple[tuple[str, str], ...] = (
    ("!", NEGATION),  # first: it may follow an arrow (`x => !x.done`)
    ("===", r"(?<![=!<>])===(?!=)"),  # strict comparisons (`a === b`: "equals equals equals", "! equals equals")
    ("!==", r"!==(?!=)"),
    ("=>", r"(?<![<=!])=>(?!=)"),  # not `<=>`
    ("->", r"(?<![-<])->(?![->])"),  # not `-->`, `<->`
    (":=", r":="),
    ("??", NULLISH),  # `a ?? b`, `x ??= 5`, `a??b`; not `what??`, `what?? really`
    ("?.", r"\?\.(?=[A-Za-z_$\[(])"),  # optional chaining: `user?.name`
)
_SHIFTS: tuple[tuple[str, str], ...] = (
    ("<<", r"(?<!<)<<(?![<=])"),
    (">>", r"(?<!>)>>(?![>=])"),
    # a shift's assignment and the unsigned shift: "is less than is less than equals" was said
    ("<<=", r"(?<!<)<<=(?!=)"),
    (">>=", r"(?<!>)>>=(?!=)"),
    (">>>", r"(?<!>)>>>(?![>=])"),
)
#: The first of the private-use characters that stand for them (dropped if one were left)
_HOLD = 0xE8F0
_HELD_OPERATORS = {name: chr(_HOLD + index) for index, (name, _) in enumerate(_OPERATORS + _SHIFTS)}


def _hold(code: str, operators: tuple[tuple[str, str], ...], lang: Language) -> str:
    """`code` with each operator the table names held by its character, spaced from its neighbours."""
    for name, pattern in operators:
        if name in lang.code_symbols:
            code = re.sub(pattern, f" {_HELD_OPERATORS[name]} ", code)
    return re.sub(r"(?<=\S)  +(?=\S)", " ", code)  # one space, as the rules after expect (`a && !b`)


@lru_cache(maxsize=8)
def _signs(lang: Language) -> re.Pattern[str]:
    """The code signs the table names, the longest first (`...` before `..`); a run of dots only on its own (`cd
    ..`, `1..10`), not inside a longer one."""
    names = sorted((name for name in lang.code_symbols if name not in _HELD_OPERATORS), key=len, reverse=True)
    signs = [rf"(?<!\.){re.escape(name)}(?!\.)" if "." in name else re.escape(name) for name in names if name != "."]
    if "." in names:  # a dot alone: `find .`, `./server`, `.\build.ps1` (not a file's or a number's)
        signs.append(r"(?<![\w.])\.(?=[/\\]|\s|$)")
    return re.compile("|".join(signs))


#: A call's empty parentheses (`zero_grad()`: "zero grad()", `f()`: "f of") and a name's trailing underscore or
#: leading one after a dot (`clip_grad_norm_(…)`: "clip grad norm sub model parameters", `self._cache`: "self.
#: cache", a sentence's end) are unsaid, as developers read them; not a dunder's (`__init__`), nor an index's
#: (`a_{1}`)
_UNSAID = re.compile(r"(?<=[\w\]])\(\)|(?<=[A-Za-z0-9])_(?![\w{\[^])|(?<=[A-Za-z0-9]\.)_(?=[A-Za-z])")
#: ... a dunder after a dot (`obj.__dict__`: "obj. dict", a sentence's end; `self.__class__.__name__`,
#: `type(x).__name__`), read as `__init__` is ("init")
_DUNDER_MEMBER = re.compile(r"(?<=[\w)\]]\.)__([A-Za-z]\w*?)__(?!\w)")
#: a keyword argument's trailing underscore (`eps_=1e-5`): unsaid, its name kept a name ("e p s equals" was said
#: where the underscore went and `eps=` was read as a formula's product of letters)
_KEYWORD_UNDERSCORE = re.compile(r"(?<=[A-Za-z0-9])_=(?!=)")

#: A Python console's prompt or continuation at a code span's start, before the code (`>>> import numpy as np`)
_PROMPT = re.compile(r"\A\s*(?:>>>|\.\.\.) +(?=\S)")


#: An ellipsis alone in brackets after a keyword and a space (`IN (...)`, `VALUES (…)`): what the writer left out,
#: a pause ("IN ( dot dot dot )" was said); a call's (`f(...)`), a span of it alone (`[...]`) as before
_ELIDED = re.compile(r"(?<=[A-Za-z])\s+[(\[{]\s*(?:\.\.\.|…)\s*[)\]}]")


def _elided(match: re.Match[str]) -> str:
    """A comma's pause (at the span's end too, before the line's words; `spoken_text` drops it before the line's
    punctuation); nothing before the span's own punctuation (`VALUES (…);`)."""
    rest = match.string[match.end() :]
    return " , " if re.search(r"\w", rest) or not rest.strip() else ""


def speak_code(code: str, lang: Language, *, greek_is_math: bool = True) -> str:
    """What to say for a code span's text (`rm -rf ~/.cache`, `SELECT * FROM users`, `x ** 2`): the notation of
    code and of formulas, and the signs they leave by their names ("tilde", "star", "slash")."""
    # a Python prompt opening the span (`>>> print(x)`, `... return x`) is the console's, not the code's: unsaid (it
    # was "triple greater than print(x)": review 127); the prompt alone (`>>>`) keeps its name
    code = _KEYWORD_UNDERSCORE.sub(" = ", _DUNDER_MEMBER.sub(r"\1", _PROMPT.sub("", code)))
    code = _UNSAID.sub("", code)
    if "..." in code or "…" in code:
        code = _ELIDED.sub(_elided, code)
    # `== 0` alone: a comparison with its left side in the prose ("equals equals 0", review 100)
    code = re.sub(r"^\s*==(?!=)", " = ", code)
    code = re.sub(r"(?<=[A-Za-z_)\]])%(?=[\w(])", " % ", code)  # `n%2`: a remainder, said as the spaced one is
    # a function's arrow (`x => x * 2`, `(a, b) => a + b`) parts the parameters from the body, which the formula
    # reader took as one ("x equals is greater than x"); the other operators are said by name too
    code = _hold(code, _OPERATORS, lang)
    code = _hold(html.unescape(code_markup(code)), _SHIFTS, lang)
    text = speak_prose(code, lang, greek_is_math=greek_is_math, code=True)
    for name, held in _HELD_OPERATORS.items():
        if held in text:
            text = text.replace(held, f" {lang.code_symbols[name]} ")
    if lang.code_symbols:
        text = _signs(lang).sub(lambda match: f" {lang.code_symbols[match[0]]} ", text)
    return text
