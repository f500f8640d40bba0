"""Prose rules: abbreviations, numbers with units, ranges, slashes, list labels, and formulas written inline."""

from __future__ import annotations

import re
from functools import lru_cache

from .formula import SUBSCRIPTS, SUPERSCRIPTS, parse_formula
from .latex import parse_latex
from .reading import read_nodes
from .rules import FUNCTION_NAMES, GREEK, Language

_SCRIPT_CHARS = re.escape("".join(SUPERSCRIPTS) + "".join(SUBSCRIPTS))
_MATH_SYMBOLS = re.escape("^′″√∛∑∏∫∂∇≠≈≃±∓×÷→⇒⇔↦≤≥≪≫∞∈∉∀∃‖·⋅⊥∝≡⊂⊆∪∩∘⊗⊕")
_FUNCTIONS = "|".join(sorted(FUNCTION_NAMES, key=len, reverse=True))
#: What makes a word a formula: scripts, math symbols, `a_ij`, `||u||`, `det(A)`, `x=2`.
_MATHY = re.compile(
    rf"[{_SCRIPT_CHARS}{_MATH_SYMBOLS}]|\|\||^\|[^|\s]+\|"
    r"|(?<![A-Za-z0-9])[A-Za-z]_[A-Za-z0-9({]"
    rf"|(?<![A-Za-z])(?:{_FUNCTIONS})[_(]"
    r"|^[A-Za-z]['′]*\([^)]*\)$"
    r"|[A-Za-z0-9)]=[-−A-Za-z0-9(]"
    r"|[A-Za-z0-9)][+*][A-Za-z0-9(]"
)
_GREEK = re.compile(f"[{''.join(GREEK)}]")
_LATEX_MACRO = re.compile(r"\\[A-Za-z]+")
_OPERATORS = {"=", "+", "×", "*", "→", "->", "=>", "⇒", "≠", "!=", "≈", "±", "<", ">", "<=", ">=", "≤", "≥", "÷",
              "·", "⇔", "<=>", "≡", "∝"}
_ASCII_OPERATORS = {"->": "→", "=>": "⇒", "!=": "≠", "<=": "≤", ">=": "≥", "<=>": "⇔"}
_CONJUNCTIONS = {"and", "or", "et", "ou"}
#: A parenthesis that opens a formula (`^(`, `_(`, `√(`, `max(0,`), not a remark `(for example`.
_OPEN_FORMULA = re.compile(r"[\^_√\w]\(")
#: Words never taken for a product of names next to an operator (`Ax = b` is "A x", `is = ` is a word).
_SHORT_WORDS = {"a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
                "of", "on", "or", "so", "to", "up", "us", "we", "the", "and", "for", "but", "not", "you", "are",
                "was", "can", "has", "its", "our", "one", "two", "all", "any", "new", "now", "old", "see", "use",
                "way", "who", "why", "how", "est", "et", "le", "la", "les", "un", "une", "de", "du", "des", "ou",
                "où", "si", "ce", "ne", "en", "y", "à"}
_MINUS_NEIGHBOUR = re.compile(r"^[\w²³⁻¹ᵀ′()^_.]{1,8}$")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)([^/\s?#]+)\S*", re.I)
_LEAD = "\"'«“‘(["
_TRAIL = ".,;:!?\"'»”’)]"


@lru_cache(maxsize=8)
def _unit_pattern(lang: Language) -> tuple[re.Pattern[str], dict[str, str]]:
    # most single letters (A, F, s...) are left alone: in a linear-algebra post "3A" is three times A
    units = {key: value for key, value in lang.units.items() if len(key) > 1 or key in ("V", "W", "Ω")}
    units.update({"μ" + key[1:]: value for key, value in units.items() if key.startswith("µ")})
    alternatives = "|".join(re.escape(key) for key in sorted(units, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w.])(?P<about>~\s?)?(?P<sign>[-−])?(?P<num>\d+(?:[.,]\d+)?)\s?(?P<unit>{alternatives})"
        rf"(?:/(?P<per>{alternatives}))?(?![\w])"
    )
    return pattern, units


def _numbers_with_units(text: str, lang: Language) -> str:
    pattern, units = _unit_pattern(lang)

    def say(match: re.Match[str]) -> str:
        words = [lang.about] if match["about"] else []
        words += [lang.minus] if match["sign"] else []
        unit = units[match["unit"]]
        if lang.code == "en" and match["num"] == "1" and unit.endswith("s") and not unit.endswith(("hertz", "ss")):
            unit = unit[:-1]  # 1 kilohm, 1 kibibyte
        words += [match["num"], unit]
        if match["per"]:
            words += [lang.per, units[match["per"]].rstrip("s") if lang.code == "en" else units[match["per"]]]
        return " ".join(words)

    return pattern.sub(say, text)


def _labels(text: str, lang: Language) -> str:
    def say(match: re.Match[str]) -> str:
        before = match.string[: match.start()]
        if before.count("(") > before.count(")"):
            return match[0]  # "(for n A)" closes a parenthesis, it is no label
        letter = match[1].upper()
        return lang.label.format(letter) + match[2] if match[2].isspace() else letter  # "is **b)**." → "is B."

    return re.sub(r"(?:(?<=^)|(?<=[\s:;,]))([a-hA-H])\)(\s|(?=[,.;:!?]|$))", say, text)


def _abbreviations(text: str, lang: Language) -> str:
    for written, said in sorted(lang.abbreviations.items(), key=lambda item: -len(item[0])):
        pattern = re.compile(rf"(?<![\w.]){re.escape(written)}(?![\w])", re.IGNORECASE)

        def replace(match: re.Match[str], said: str = said, written: str = written) -> str:
            return said[0].upper() + said[1:] if match[0][0].isupper() and not written[0].isupper() else said

        text = pattern.sub(replace, text)
    return text


def _slash(word: str, lang: Language) -> str | None:
    match = re.fullmatch(r"([^\W_]+)/([^\W_]+)", word)
    if not match:
        return None
    left, right = match[1], match[2]
    if left.lower() in _CONJUNCTIONS or right.lower() in _CONJUNCTIONS:
        return f"{left} {right}"  # and/or
    if left.isdigit() and right.isdigit() and (int(left), int(right)) in lang.frac_simple:
        return lang.frac_simple[(int(left), int(right))]
    if left.isdigit() and right.isdigit():
        # 8086/8088 names two chips; 13/17 is a fraction
        joiner = lang.word_or if len(left) >= 4 and len(right) >= 4 else lang.over
        return f"{left} {joiner} {right}"
    if len(left) == 1 and len(right) == 1 and left.isalpha() and right.isalpha():
        return f"{left} {lang.over} {right}"  # V/R
    if left.isupper() and right.isupper() and len(left) <= 5 and len(right) <= 5:
        return f"{left} {right}"  # TCP/IP, I/O: one name
    return f"{left} {lang.word_or} {right}"


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
    while word and word[0] in _LEAD and (word[0] != "(" or word.count("(") > word.count(")")) and (
        word[0] != "[" or word.count("[") > word.count("]")
    ):
        lead, word = lead + word[0], word[1:]
    while word and word[-1] in _TRAIL and (word[-1] != ")" or word.count(")") > word.count("(")) and (
        word[-1] != "]" or word.count("]") > word.count("[")
    ):
        trail, word = word[-1] + trail, word[:-1]
    return lead, word, trail


def _word(word: str, lang: Language, greek_is_math: bool) -> str:
    lead, core, trail = _peel(word)
    if not core:
        return word
    if url := _URL.fullmatch(core):
        said = url[1].removeprefix("www.")  # a listener can use a site's name, not its path
    elif core in _OPERATORS:
        said = lang.symbols.get(_ASCII_OPERATORS.get(core, core), core)
    elif _LATEX_MACRO.search(core):
        said = read_nodes(parse_latex(core), lang)
    elif _MATHY.search(core) or (greek_is_math and _GREEK.search(core)):
        said = read_nodes(parse_formula(core), lang)
    elif (slashed := _slash(core, lang)) is not None:
        said = slashed
    elif re.fullmatch(r"\w+_\w+(?:_\w+)*", core):
        said = core.replace("_", " ")  # snake_case names
    else:
        said = core
    return f"{lead}{said}{trail}"


def _is_term(word: str) -> bool:
    core = _peel(word)[1]
    return bool(core) and bool(_MINUS_NEIGHBOUR.match(core)) and (
        any(char.isdigit() for char in core) or bool(_MATHY.search(core)) or len(core) == 1
    )


def _formula_words(words: list[str], lang: Language, greek_is_math: bool) -> list[str]:
    """Each word said; next to an operator, short names are products (`Ax` → "A x") and `-` is "minus"."""
    out: list[str] = []
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        near_operator = _peel(before)[1] in _OPERATORS or _peel(after)[1] in _OPERATORS or "-" in (before, after)
        core = _peel(word)[1]
        if word in ("-", "−") and _is_term(before) and _is_term(after):
            out.append(lang.minus)
        elif (
            near_operator
            and re.fullmatch(r"\d*[A-Za-z]{1,2}|[A-Z][a-z]?[A-Z]?", core)
            and core.lower() not in _SHORT_WORDS
            and not core.isdigit()
        ):
            lead, _, trail = _peel(word)
            out.append(f"{lead}{read_nodes(parse_formula(core), lang)}{trail}")
        else:
            out.append(_word(word, lang, greek_is_math))
    return out


def speak_prose(text: str, lang: Language, *, greek_is_math: bool = True) -> str:
    """Words for a line whose markup is gone (formulas in `$…$` already replaced by placeholders)."""
    text = _abbreviations(text, lang)
    text = re.sub(r"(?<![\w$])\$(\d[\d,.]*\d|\d)", lambda match: f"{match[1]} {lang.symbols['$']}", text)
    text = _numbers_with_units(text, lang)
    text = re.sub(r"(?<=\d)\s?[–—]\s?(?=\d)", f" {lang.word_to} ", text)  # ranges: 3–5
    text = re.sub(r"(?<![\w.])(\d+)[×x](\d+)(?![\w.])", rf"\1 {lang.by} \2", text)  # a 2×2 matrix
    text = re.sub(r"(?<![\w.])([a-zA-Z])×([a-zA-Z])(?![\w.])", rf"\1 {lang.by} \2", text)  # n×n
    text = _labels(text, lang)
    text = re.sub(r"(?<=\w)&(?=\w)|(?<=\s)&(?=\s)", f" {lang.symbols['&']} ", text)
    text = " ".join(_formula_words(_balanced_words(text), lang, greek_is_math))
    text = re.sub(r"(?<![\w)\]])[-−](?=\d)", f"{lang.minus} ", text)  # signs: det = -2
    text = re.sub(r"(?<![\w~])~\s?(?=\d)", f"{lang.about} ", text)
    return text
