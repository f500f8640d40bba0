"""Chemical formulas as chemists say them: `H₂O` "H two O", `CO₂` "C O two", `[H⁺]` "H plus", `Ca²⁺` "C a 2 plus"
(a formula's reading said "H sub two O", "H to the power plus"). Only a formula whose letters are all elements'
symbols is one; a math name keeps its formula's reading (`x₂` "x sub two", `A⁺`, `P₁P₂`, `C₁`)."""

from __future__ import annotations

import re
from itertools import pairwise

from .formula import SUBSCRIPTS, SUPERSCRIPTS
from .reading import number_words
from .rules import Language

#: The chemical elements' symbols, which a formula is made of
_ELEMENTS = frozenset({
    "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
    "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y",
    "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La",
    "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re",
    "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np",
    "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr"
})  # fmt: skip
#: A formula's element and the count after it (`Ca`, `O₂`, `H₁₂`)
_ELEMENT = re.compile(r"([A-Z][a-z]?)([₀₁₂₃₄₅₆₇₈₉]*)")
#: Molecules of one element, one letter, which chemistry writes and math rarely does (`O₂`, `N₂`); another letter
#: with a subscript is a math name (`C₂`, `P₂`, `K₂`)
_ONE_ELEMENT_MOLECULES = frozenset({"H₂", "N₂", "O₂", "O₃"})
#: An ion's charge, a lone superscript `⁺` or `⁻` after a formula, maybe with its count (`H⁺`, `Ca²⁺`, `SO₄²⁻`,
#: `Cl⁻`, `NH₄⁺`): "H plus", "C a 2 plus" ("H to the power plus" was said; bug bash h-tech); not a power (`A⁻¹`,
#: `e⁻ˣ`), a limit's side (`0⁺`) nor a name that is no formula (`A⁺`, a pseudo-inverse)
_CHARGE = re.compile(r"(?<![\w⁰¹²³⁴⁵⁶⁷⁸⁹])((?:[A-Z][a-z]?[₀₁₂₃₄₅₆₇₈₉]*)+)([¹²³⁴⁵⁶⁷⁸⁹]?)([⁺⁻])(?![\w⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾])")
#: A formula with a count in subscript (`H₂O`, `CO₂`, `C₆H₁₂O₆`), not before a power or a charge; the hyphen that
#: joins it to a word goes, as `_COMPOUND_HYPHEN`'s does (`H₂O-based`, `CO₂-Gehalt`)
_FORMULA = re.compile(
    r"(?<![\w⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉])((?:[A-Z][a-z]?[₀₁₂₃₄₅₆₇₈₉]*)+)(?![\w⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉⁺⁻])(-(?=[A-Za-zÀ-ÿ]{2,}))?"
)
_SUBSCRIPT_DIGITS = frozenset("₀₁₂₃₄₅₆₇₈₉")
_SUBSCRIPT = re.compile("[₀₁₂₃₄₅₆₇₈₉]+")
#: An index chemistry does not write, 1 or from 0 (`V₁`, `C₀`, `x₀₁`); `C₁₂` is a count
_MATH_INDEX = re.compile("(?<![₀-₉])(?:₁(?![₀-₉])|₀)")


def _elements(formula: str) -> list[tuple[str, str]] | None:
    """`formula`'s elements and their counts (`CO₂`: C, O and 2); None where a letter is no element's, or where
    chemistry would not write it so: one element twice in a row (`P₂P₃`)."""
    parts = [(symbol, "".join(SUBSCRIPTS[digit] for digit in count)) for symbol, count in _ELEMENT.findall(formula)]
    if any(symbol not in _ELEMENTS for symbol, _ in parts):
        return None
    if any(first[0] == second[0] for first, second in pairwise(parts)):
        return None
    return parts


def _said(parts: list[tuple[str, str]], lang: Language) -> str:
    """ "C O two", "C a", "C six H twelve O six": symbols spelled, counts in the page's words."""
    return " ".join(" ".join([*symbol, *([number_words(count, lang)] if count else [])]) for symbol, count in parts)


def _formula(match: re.Match[str], lang: Language, math_names: set[str]) -> str:
    formula = match[1]
    parts = _elements(formula)
    if parts is None or not any(count for _, count in parts) or _SUBSCRIPT.sub("", formula) in math_names:
        return match[0]  # `x₂`, `V₁I₁` and `V₂I₂` beside it: a math name's indices
    if len(parts) == 1 and len(parts[0][0]) == 1 and formula not in _ONE_ELEMENT_MOLECULES:
        return match[0]  # `C₂`, `K₂`: a math name's index
    return _said(parts, lang) + (" " if match[2] else "")


def _charge(match: re.Match[str], lang: Language) -> str:
    """ "H plus", "C a 2 plus", "N H four plus"; a name whose letters are not all elements' stays a formula (`A⁺`)."""
    parts = _elements(match[1])
    if parts is None:
        return match[0]
    count = f"{SUPERSCRIPTS[match[2]]} " if match[2] else ""
    return f"{_said(parts, lang)} {count}{lang.symbols['+'] if match[3] == '⁺' else lang.minus}"


def chemical_formulas(text: str, lang: Language) -> str:
    """Ions' charges and formulas with subscript counts in `text` said as chemists say them."""
    if "⁺" in text or "⁻" in text:
        text = _CHARGE.sub(lambda match: _charge(match, lang), text)
    if not _SUBSCRIPT_DIGITS.isdisjoint(text):
        # names indexed as math indexes them on the line (`V₁I₁ = V₂I₂`, a transformer's): their other indices too
        math_names = {
            _SUBSCRIPT.sub("", match[1]) for match in _FORMULA.finditer(text) if _MATH_INDEX.search(match[1])
        }
        text = _FORMULA.sub(lambda match: _formula(match, lang, math_names), text)
    return text
