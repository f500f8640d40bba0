"""LaTeX formulas (`\\frac{1}{\\sqrt{2}}`, `\\tau = RC`) parsed by pylatexenc into the formula tree."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pylatexenc import latexwalker as lw

from .formula import (
    INDICATOR,
    SET_CLOSE,
    SET_OPEN,
    STRUCK,
    Accent,
    Atom,
    Frac,
    Group,
    Item,
    Node,
    Root,
    Script,
    parse,
    struck,
    tokenize,
)
from .rules import FUNCTION_NAMES, LATEX_SYMBOLS

#: Macros whose argument is simply read (the styling is not spoken).
_TRANSPARENT = {
    "text", "textrm", "textit", "textbf", "textsf", "texttt", "emph", "mathrm", "mathit", "mathbf", "mathsf",
    "mathtt", "mathcal", "mathfrak", "boldsymbol", "bm", "mbox", "displaystyle", "textstyle", "operatorname",
    "underline", "pmb", "mathnormal",
}
#: Macros whose argument is prose inside a formula (`\text{ if }`): its words are said as words, not letters.
_PROSE = {"text", "textrm", "textit", "textbf", "textsf", "texttt", "emph", "mbox"}
#: `\lfloor x \rfloor`, `\lceil x \rceil`: the brackets of `formula.py`'s floor and ceiling fences
_FLOOR_CEILING = {"lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉"}
_ACCENTS = {"vec": "vec", "overrightarrow": "vec", "hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar",
            "tilde": "tilde", "widetilde": "tilde", "dot": "dot", "ddot": "ddot"}
_BLACKBOARD = {"R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
_SILENT = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", ",", ";",
           ":", "!", " ", "quad", "qquad", "limits", "nolimits", "middle", "label", "nonumber", "notag"}
#: The mode written over a convergence arrow (`\xrightarrow{d}`, `\overset{p}{\to}`, `\xrightarrow{\text{a.s.}}`),
#: as `Language.convergence` names it: the arrow was dropped and its mode read as a factor ("X sub n p mu").
_CONVERGENCE_MODES = {"d": "d", "D": "d", "L": "d", "law": "d", "p": "p", "P": "p", "as": "a.s."}
_ARROWS = ("xrightarrow", "xlongrightarrow", "overset", "stackrel")
#: What ends the operand before an arrow: a relation, another arrow or a comma (`0 \to A \xrightarrow{p} B`).
_OPERAND_ENDS = frozenset({",", ";", ":", "=", "<", ">", "≤", "≥", "≠", "≈", "⇒", "↔", "∼", "~"})
#: Macros whose argument, a capital or a name (`\mathcal{N}`, `\mathrm{Bin}`, `\operatorname{Pois}`), is a function's
#: name before brackets: `\mathcal{N}(\mu, \sigma^2)` is "N of mu, sigma squared" ("N mu, sigma squared" was said)
_CALLED = {"mathcal", "mathscr", "mathrm", "operatorname"}
#: ... a name of three letters or more, starting with a capital, that is no function's (`Var` is the variance's); of
#: two only a complex number's parts (`\mathrm{Fe}(\mathrm{III})`, `5\,\mathrm{Hz}(1 + x)`: an element's, a unit's)
_NAME = re.compile(r"[A-Z][a-z]{2,11}|Re|Im")
#: Macros whose `1` may be an indicator (`\mathbb{1}`, `\mathbf{1}`, `\mathds{1}`, `\boldsymbol{1}`)
_ONE = {"mathbb", "mathbf", "mathds", "boldsymbol", "bm"}
_ARITY = {"frac": 2, "dfrac": 2, "tfrac": 2, "cfrac": 2, "binom": 2, "sqrt": 1, "mathbb": 1, "pmod": 1,
          "overset": 2, "stackrel": 2, "mathscr": 1, "mathds": 1,
          **dict.fromkeys(_TRANSPARENT, 1), **dict.fromkeys(_ACCENTS, 1)}


def _group(items: list[Item]) -> Group:
    nodes = parse(items)
    if len(nodes) == 1 and isinstance(nodes[0], Group) and nodes[0].fence == "":
        return nodes[0]
    return Group(nodes)


def _text_of(items: list[Item]) -> str:
    """The letters of a macro's argument: `{R}` arrives as a group holding them."""
    return "".join(
        item.text if isinstance(item, Atom) else _text_of(list(item.items)) if isinstance(item, Group) else ""
        for item in items
    )


def _function_name(text: str) -> str:
    """The function a name written as text is (`Var` → `var`), or nothing."""
    if text in FUNCTION_NAMES:
        return text
    return text.lower() if text.lower() in FUNCTION_NAMES else ""


def _unwrapped(items: list[Item]) -> list[Item]:
    """A macro's argument as its items: `{L}` arrives as a group holding them."""
    if len(items) == 1 and isinstance(items[0], Group) and items[0].fence == "":
        return list(items[0].items)
    return items


def _prose_of(node: Any) -> list[str] | None:
    """The words of `\text{ if }`'s argument, when it holds plain characters only (not a formula inside)."""
    inner = node.nodelist if node.isNodeType(lw.LatexGroupNode) else [node]
    if not all(part.isNodeType(lw.LatexCharsNode) for part in inner):
        return None
    return "".join(part.chars for part in inner).split()


#: Relations `\not` strikes through that have no sign in STRUCK: the sign and the overlay, which a table reads where
#: "not" before the relation's words is no grammar ("a not is proportional to b"), else "not" and the relation
_RELATIONS = frozenset({"→", "⇔", "↔", "≪", "≫", "∝", "≻", "≺", "⪰", "⪯", "↦"})


def _struck(item: Item) -> list[Item]:
    r"""The first item after `\not`, the relation denied (`\not=`: `≠`, `\not\in`: `∉`, `\not\mid`: `∤`,
    `\not\mathrel{\indep}`: `⫫̸`); what is no relation as before (`\not` alone said nothing)."""
    if item == "|" or (isinstance(item, Atom) and item.kind == "given"):
        return [Atom("∤", "op")]  # `p \not\mid n`, `p \not| n`: does not divide
    if isinstance(item, Group) and item.fence == "" and item.items:  # `\not\mathrel{...}`
        return [Group([*_struck(item.items[0]), *item.items[1:]])]  # type: ignore[list-item]
    if not (isinstance(item, Atom) and item.kind == "op"):
        return [item]
    if struck(item.text) in STRUCK:
        return [Atom(struck(item.text), "op")]
    return [Atom(struck(item.text), "op")] if item.text in _RELATIONS else [item]


def _convert(nodes: list[Any]) -> list[Item]:
    out: list[Item] = []
    queue = list(nodes)
    striking = False  # after `\not`: the next item is the relation it strikes through (`\not\!\!\indep`)
    while queue:
        node = queue.pop(0)
        if node is None or node.isNodeType(lw.LatexCommentNode):
            continue
        start = len(out)
        if node.isNodeType(lw.LatexMacroNode) and node.macroname == "not":
            striking = True
            queue[:0] = [arg for arg in (node.nodeargd.argnlist if node.nodeargd else []) if arg is not None]
            continue
        if node.isNodeType(lw.LatexCharsNode):
            out += tokenize(node.chars)
        elif any(node.isNodeType(kind) for kind in (lw.LatexGroupNode, lw.LatexMathNode, lw.LatexEnvironmentNode)):
            out.append(_group(_convert(node.nodelist)))
        elif node.isNodeType(lw.LatexSpecialsNode):
            out.append(Atom(",", "op") if node.specials_chars == "&" else Atom(" ", "word"))
        elif node.isNodeType(lw.LatexMacroNode):
            out += _macro(node, queue, out)
        if striking and len(out) > start:
            out[start : start + 1] = _struck(out[start])
            striking = False
    return out


def _called(name: str, items: list[Item]) -> Atom | None:
    r"""The name a `_CALLED` macro's argument is, marked as a function's; a named function written capitalised, the
    function (`\mathrm{Exp}`, `\mathrm{Tr}`); None for anything else (a formula, `\mathrm{d}x`'s `d`,
    `\operatorname{Var}`, a calligraphic lowercase letter)."""
    if not (len(items) == 1 and isinstance(items[0], Atom) and items[0].kind == "id"):
        return None
    text = items[0].text
    if name in ("mathcal", "mathscr"):
        return Atom(text, "id", called=True) if re.fullmatch("[A-Z]", text) else None
    if (function := _function_name(text)) and function != text:
        return Atom(function, "id")  # as `\operatorname{Exp}` and `\text{Exp}` are: "E x p lambda" was said
    if function or not _NAME.fullmatch(text):
        return None
    return Atom(text, "id", called=True)


def _a_sequence(before: list[Item]) -> bool:
    """The operand before an arrow is a sequence or an estimator (`X_n`, `S_n/n`, `\\hat\\beta`, `\\sqrt{n}(…)`),
    not a space a map starts from: `\\Omega^0 \\xrightarrow{d} \\Omega^1` (the exterior derivative), `E
    \\xrightarrow{p} B` (a projection) converge to nothing."""
    operand: list[Item] = []
    for item in reversed(before):
        if isinstance(item, Atom) and item.kind == "op" and (item.text in _OPERAND_ENDS or item.text[:1] == "→"):
            break
        operand.append(item)
    return any(_indexed(item) for item in operand)


def _indexed(item: Item) -> bool:
    """An index, an estimator's accent or a root (`\\sqrt{n}`), or a fraction or a group holding one
    (`\\frac{S_n}{n}`)."""
    if item == "_" or isinstance(item, (Accent, Root)) or (isinstance(item, Script) and item.sub is not None):
        return True
    if isinstance(item, Frac):
        return _indexed(item.num) or _indexed(item.den)
    return isinstance(item, Group) and any(_indexed(node) for node in item.items)


def _convergence(name: str, converted: list[list[Item]], before: list[Item]) -> Atom | None:
    """`X_n \\xrightarrow{d} Z`, `\\overset{p}{\\to}`: a convergence arrow, an `→` atom with its mode after the
    arrow (`→d`); None for any other label or a symbol that is no arrow under it (`\\overset{\\text{def}}{=}`), and
    for a mode a map's name could be (`d`, `p`) after what is no sequence (`_a_sequence`)."""
    if name in ("overset", "stackrel"):
        body = _unwrapped(converted[-1]) if len(converted) == 2 else []
        if not (len(body) == 1 and isinstance(body[0], Atom) and body[0].text == "→"):
            return None
        label = converted[0]
    else:
        label = converted[-1]  # `\xrightarrow[below]{above}`: the mode is above
    mode = _CONVERGENCE_MODES.get(_text_of(_unwrapped(label)).replace(".", "").replace(" ", ""))
    if not mode or (mode != "a.s." and not _a_sequence(before)):
        return None
    return Atom(f"→{mode}", "op")


def _macro(node: Any, queue: list[Any], before: list[Item]) -> list[Item]:
    name = str(node.macroname)
    args = [arg for arg in (node.nodeargd.argnlist if node.nodeargd else []) if arg is not None]
    while len(args) < _ARITY.get(name, 0) and queue:  # arguments pylatexenc does not know the macro takes
        args.append(queue.pop(0))
    if name in _PROSE and args and (words := _prose_of(args[0])) is not None:
        if len(words) == 1 and (function := _function_name(words[0])):
            return [Atom(function, "id")]  # `\text{Var}(X)`: "the variance of X", as `\operatorname{Var}`
        if len(words) == 1 and _NAME.fullmatch(words[0]):
            return [Atom(words[0], "word", called=True)]  # `\text{Bin}(n, p)`: "Bin of n, p"
        return [Atom(word, "word") for word in words]
    converted = [_convert([arg]) for arg in args]
    if name in _ONE and converted and _text_of(converted[0]) == "1":
        return [Atom(INDICATOR, "id")]  # `\mathbb{1}\{X > 0\}`, `\mathbf{1}_{A}`: an indicator, where it is one
    if name in _CALLED and converted:
        called = _called(name, _unwrapped(converted[0]))
        if called is not None:
            return [called]
    if name in ("frac", "dfrac", "tfrac", "cfrac") and len(converted) == 2:
        return [Frac(_group(converted[0]), _group(converted[1]))]
    if name == "binom" and len(converted) == 2:
        return [Group([_group(converted[0]), _group(converted[1])], "binom")]
    if name == "sqrt" and converted:
        index = _group(converted[0]) if len(converted) == 2 else None
        return [Root(_group(converted[-1]), index)]
    if name in _ARROWS and converted and (arrow := _convergence(name, converted, before)) is not None:
        return [arrow]
    if name in ("overset", "stackrel"):
        return [_group(part) for part in converted]  # `\overset{!}{=}`: its arguments as the groups they were
    if name in ("bmod", "pmod"):
        # `a \bmod n`, `a \equiv b \pmod{n}`: the modulo was lost ("a n", bug bash 85)
        return [Atom("mod", "id"), *(item for part in converted for item in part)]
    if name == "mathbb" and converted:
        text = _text_of(converted[0])
        return tokenize(_BLACKBOARD.get(text, text))
    if name == "operatorname" and converted:
        text = _text_of(converted[0])
        # `\operatorname{Var}` is the function `var` ("the variance of X"), not the letters V, a, r
        return [Atom(_function_name(text) or text, "id")]
    if name in _ACCENTS and converted:
        return [Accent(_ACCENTS[name], _group(converted[0]))]
    if name in _TRANSPARENT:
        # `\mathcal{L}(\theta)` is "L of theta": the name, not a group holding it
        return [item for part in converted for item in _unwrapped(part)]
    if name in ("|", "Vert", "lVert", "rVert"):
        return ["||"]
    if name == "mid":  # never a fence: `\{x \mid |x| < 1\}`
        return [Atom("|", "given")]
    if name in ("vert", "lvert", "rvert"):
        return ["|"]
    if name in ("{", "}", "lbrace", "rbrace"):
        return [SET_OPEN if name in ("{", "lbrace") else SET_CLOSE]
    if name in ("langle", "rangle"):
        return ["⟨" if name == "langle" else "⟩"]
    if name in _FLOOR_CEILING:
        return [_FLOOR_CEILING[name]]
    if name == "\\":
        return [Atom(";", "op")]
    if name in _SILENT:
        return [item for part in converted for item in part]
    if name in FUNCTION_NAMES:
        return [Atom(name, "id")]
    if name == "existsunique":
        return [Atom("∃!", "op")]
    if name in LATEX_SYMBOLS:
        return tokenize(LATEX_SYMBOLS[name])
    # an unknown macro: its name is markup, its arguments may be words
    return [item for part in converted for item in part]


_PRIMES = re.compile(r"(?<=[A-Za-z0-9})\]])('{2,})")
_PRIME_SCRIPT = re.compile(r"\^\s*(?:\{\s*(?:\\prime\s*)+\}|\\prime)")


_TRANSPOSED = re.compile(r"\^\s*(?:\{\s*\\(?:top|intercal)\s*\}|\\(?:top|intercal)(?![A-Za-z]))")


#: ... drawn with negative spaces or kerns between the two (`\perp\!\!\!\perp`, `\perp\mkern-10mu\perp`)
_DOUBLE_PERP = re.compile(
    r"\\perp\s*(?:(?:\\!|\\m?kern\s*-\s*(?:\d+(?:\.\d*)?|\.\d+)\s*(?:mu|pt|em|ex|px))\s*)+\\perp(?![A-Za-z])"
)
#: `\mathbb{1}` in a formula of operators on a tensor product or of kets: the identity, no indicator
_ONE_MACRO = re.compile(r"\\(?:mathbb|mathbf|mathds|boldsymbol|bm)\s*(?:\{\s*1\s*\}|1(?!\d))")
_UNIQUE = re.compile(r"\\exists\s*!")


@cache
def _macros() -> Any:
    """pylatexenc's macros and environments, built once: the walker built them for each formula (a fifth of a
    line's time when it holds thousands)."""
    return lw.get_default_latex_context_db()


def parse_latex(source: str) -> list[Node]:
    """LaTeX math (without `$` delimiters) → nodes; malformed input is read as far as it goes."""
    # primes as superscripts: the walker takes `''` for a closing quote, and `f''(x)` was "f x"
    source = _PRIME_SCRIPT.sub(lambda m: "′" * m[0].count("prime"), source)  # f^{\prime\prime}, f^\prime
    if "``" not in source:  # ``quoted'': LaTeX's quotes, not primes
        source = _PRIMES.sub(lambda m: "′" * len(m[1]), source)
    source = source.replace("\\prime", "′")
    # `q^\top k`: a transpose, as `q^T k` ("q to the power transpose k" in bug bash 123); `\top` elsewhere as before
    source = _TRANSPOSED.sub("^{T}", source)
    if "perp" in source:  # `X \perp\!\!\!\perp Y`: the independence sign, drawn with two; one `\perp` stays
        source = _DOUBLE_PERP.sub(r"\\indep ", source)
    if "otimes" in source or "rangle" in source:  # `\mathbb{1}_A \otimes U_B`: the identity on A, "one sub A"
        source = _ONE_MACRO.sub("1", source)
    if "exists" in source:  # `\exists!`: "there exists a unique" ("there exists factorial" was said)
        source = _UNIQUE.sub(r"\\existsunique ", source)
    walker = lw.LatexWalker(source, latex_context=_macros(), tolerant_parsing=True)
    try:
        nodes, _, _ = walker.get_latex_nodes()
    except lw.LatexWalkerError:
        return parse(tokenize(source.replace("\\", " ")))
    return parse(_convert(nodes))


def known_macro(name: str) -> bool:
    """Whether `\\name` is a macro this reader knows (to repair `\\tau` that JSON read as a tab and `au`)."""
    if name in _ARITY or name in _SILENT or name in FUNCTION_NAMES or name in LATEX_SYMBOLS or name in _FLOOR_CEILING:
        return True
    return name in (
        "left", "right", "begin", "end", "vert", "Vert", "lVert", "rVert", "lvert", "rvert", "langle", "rangle",
        "operatorname", "mathbb", "lbrace", "rbrace", "bmod",
    )
