"""Formulas written in ASCII or Unicode (`P⁻¹AP`, `A^-1`, `a_ij`, `||u||`) as a small tree, ready to be read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Union

from .rules import GREEK

SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵗᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵁⱽᵂ",
                        "0123456789+-=()niTtabcdefghjklmoprsuvwxyzABDEGHIJKLMNOPRUVW", strict=True))
SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789+-=()aeoxhklmnpstijruv", strict=True))

#: `\\mathbb{1}`: an indicator before an event or a set, read as one elsewhere
INDICATOR = "𝟙"
#: A relation struck through (`≠`, `∉`, `≮`, `∤`, `∄`, `⫫̸`; LaTeX's `\not=`, `\not\in`): the sign and the long
#: solidus overlay, one character where Unicode has it. Those the tables read as the relation denied ("is not less
#: than"); another struck relation is "not" and the relation (`\not` was dropped: "a equals b" for `a \not= b`)
STRIKE = "\u0338"
STRUCK = frozenset("≠∉≮≯≰≱⊄⊈⊅⊉⊬⊭∌∤∄≢≁≉≄≇∦⇏") | {"⫫̸", "⊥̸"}
#: `\\{` and `\\}` of LaTeX: a set's braces (a plain `{` only groups)
SET_OPEN, SET_CLOSE = "{set", "set}"
MARKERS: tuple[str, ...] = ("^", "_", "(", ")", "[", "]", "{", "}", "|", "||", "√", "∛", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉")
MARKERS += (SET_OPEN, SET_CLOSE)


@dataclass
class Atom:
    """A number, a name, a Greek letter, an operator or a plain word."""

    text: str
    kind: str  # "num" | "id" | "greek" | "op" | "word" | "given" (the bar of `P(A|B)`)
    #: a name written as a function's (`\mathcal{N}`, `\mathrm{Bin}`, `\text{Pois}`): before brackets it is applied
    #: to them ("N of mu, sigma squared"), as `f(x)` is
    called: bool = False


@dataclass
class Group:
    """Items read together: parentheses, a LaTeX group, a norm `||u||` or an absolute value `|x|`."""

    items: list[Node] = field(default_factory=list)
    fence: str = ""  # "" (invisible) | "(" | "[" | "norm" | "abs" | "binom" (two groups: n, k) | "angle" | "set"
    # | "floor" | "ceiling"


@dataclass
class Script:
    """A base with a superscript and/or a subscript."""

    base: Node
    sup: Group | None = None
    sub: Group | None = None


@dataclass
class Frac:
    """A fraction."""

    num: Group
    den: Group


@dataclass
class Root:
    """A square root, or an n-th root."""

    body: Group
    index: Group | None = None


@dataclass
class Accent:
    """An accented name: `\\vec{v}`, `\\hat{x}`, `\\bar{x}`."""

    accent: str
    body: Group


Node = Union[Atom, Group, Script, Frac, Root, Accent]  # noqa: UP007 (a runtime alias, used with isinstance)
Item = Union[Node, str]  # noqa: UP007 (a node, or a marker from MARKERS still to be parsed)

#: A number; one written without its leading zero (`p = .02`, as APA style writes p-values) too, where no name, number
#: or bracket before the point makes it something else: its point was lost ("p equals two").
_TOKEN = re.compile(
    r"(?P<struck>[^\w\s\u0338]\u0338)|(?P<num>\d+(?:\.\d+)?|(?<![\w.)\]}])\.\d+)|(?P<id>[A-Za-zÀ-ÖØ-öø-ÿ]+)|(?P<norm>\|\||‖)|(?P<space>\s+)|(?P<arrow>->|=>|<=|>=|!=|<->|∃!)|(?P<other>.)",
    re.S,
)
#: ... and `∃!`, "there exists a unique" as LaTeX's `\exists!` is ("there exists factorial" was said)
_ARROWS = {"->": "→", "=>": "⇒", "<=": "≤", ">=": "≥", "!=": "≠", "<->": "↔", "∃!": "∃!"}


def struck(sign: str) -> str:
    """`sign` struck through, as one character where Unicode has it (`=` → `≠`, `⫫` → `⫫̸`)."""
    return unicodedata.normalize("NFC", sign + STRIKE)


def tokenize(text: str) -> list[Item]:
    """Split formula text into atoms and markers; Unicode super/subscript runs become `^`/`_` and a group."""
    items: list[Item] = []
    index = 0
    while index < len(text):
        char = text[index]
        for table, marker in ((SUPERSCRIPTS, "^"), (SUBSCRIPTS, "_")):
            if char in table:
                end = index
                while end < len(text) and text[end] in table:
                    end += 1
                items += [marker, Group(parse(tokenize("".join(table[c] for c in text[index:end]))))]
                index = end
                break
        else:
            match = _TOKEN.match(text, index)
            assert match is not None
            index = match.end()
            kind = match.lastgroup
            value = match[0]
            if kind in ("num", "id"):
                items.append(Atom(value, str(kind)))
            elif kind == "struck":
                items.append(Atom(struck(value[0]), "op"))  # `≠` written as `=` and the overlay: one sign
            elif kind == "norm":
                items.append("||")
            elif kind == "arrow":
                items.append(Atom(_ARROWS[value], "op"))
            elif kind == "other":
                if value in MARKERS:
                    items.append(value)
                elif value in GREEK:
                    items.append(Atom(value, "greek"))
                elif value in ("'", "′"):
                    items.append(Atom("′", "op"))
                elif value == "″":
                    items += [Atom("′", "op"), Atom("′", "op")]
                else:
                    items.append(Atom(value, "op"))
    return items


_CLOSE = {"(": ")", "[": "]", "{": "}", "⟨": "⟩", "⌊": "⌋", "⌈": "⌉", SET_OPEN: SET_CLOSE}
_FENCES = {"{": "", "⟨": "angle", "⌊": "floor", "⌈": "ceiling", SET_OPEN: "set"}


def _nest(items: list[Item]) -> list[Item]:
    """Turn bracket and bar markers into groups (unbalanced ones are dropped)."""
    out: list[Item] = []
    stack: list[tuple[str, list[Item]]] = []
    for item in items:
        current = stack[-1][1] if stack else out
        if isinstance(item, str) and item in _CLOSE:
            stack.append((item, []))
        elif isinstance(item, str) and item in _CLOSE.values():
            # a bar still open when its bracket closes was no fence: `P(A|B)` reads "given"
            while stack and stack[-1][0] in ("|", "||") and any(_CLOSE.get(o) == item for o, _ in stack):
                bar, inner = stack.pop()
                # `D_{KL}(P \| Q)`: two distributions compared, "P and Q", not a condition (bug bash 123); still a
                # separator, as a condition's bar is (`p(x \| y)` is "p of x and y", review 125)
                between = Atom("‖" if bar == "||" else "|", "given")
                (stack[-1][1] if stack else out).extend([between, *inner])
            if stack and _CLOSE.get(stack[-1][0]) == item:
                opener, inner = stack.pop()
                (stack[-1][1] if stack else out).append(Group(parse(inner), _FENCES.get(opener, opener)))
        elif isinstance(item, str) and item in ("||", "|"):
            if stack and stack[-1][0] == item:
                _, inner = stack.pop()
                (stack[-1][1] if stack else out).append(Group(parse(inner), "norm" if item == "||" else "abs"))
            else:
                stack.append((item, []))
        else:
            current.append(item)
    while stack:  # unclosed: keep the contents, forget the bracket
        _, inner = stack.pop()
        (stack[-1][1] if stack else out).extend(inner)
    return out


def _as_group(node: Node) -> Group:
    if isinstance(node, Group) and node.fence in ("", "("):
        return Group(node.items)
    return Group([node])


#: The letters an index is named with (`x^{(i)}`, the i'th example; `W^{[l]}`, the l'th layer; `h^{(t)}`, the t'th
#: step): in parentheses above a name, an index, not a power
INDEX_NAMES = frozenset("ijkltnm")


def _index_in_parentheses(argument: list[Node], before: list[Node]) -> bool:
    """`x^(i)`, `W^(l)`: an index's name in parentheses above a name (not a number's or `e`'s power); a number
    (`x^(2)`, "x squared"), `x^(T)` ("x transpose") and another letter stay powers (review 127)."""
    if len(argument) != 1 or not isinstance(group := argument[0], Group) or group.fence != "(":
        return False
    base = before[-1] if before else None
    if not isinstance(base, Atom) or base.kind not in ("id", "greek") or base.text == "e":
        return False
    return len(group.items) == 1 and isinstance(atom := group.items[0], Atom) and atom.text in INDEX_NAMES


#: The names of functions whose derivative is written with its order in parentheses (`f^(n)(x)`, `y^{(3)}(t)`)
DERIVATIVE_NAMES = frozenset("fghyu")
#: The index names a derivative's order is written with (`f^(n)(x)`, `g^(k)(a)`): not a layer's `l` nor a time
#: step's `t`, which in `h^{(l)}(x)`, `h^{(l-1)}(x)` (a network's layer l) and `y^{(t)}(x)` (an RNN's step t) are
#: the index above (review 154)
ORDER_NAMES = INDEX_NAMES - {"l", "t"}
#: The functions an iteration is written with (`u^{(k)}(x)`, `u^{(k+1)}(x)`: Picard's, a multigrid's or an
#: iterative solver's k'th iterate), whose `k` is that iteration's index and no derivative's order (the k'th
#: derivative of u was said); their numbered and `n`'th orders stay derivatives (`u^{(4)}(x)`, a beam's equation),
#: as `f^{(k)}(x)`, `g^{(k)}(x)`, `y^{(k)}(x)` do
ITERATE_NAMES = frozenset("u")
ITERATION_INDEX = "k"


#: ... but among a derivative's company they are derivatives: the general Leibniz rule's `u^{(k)}(x) v^{(n-k)}(x)`,
#: `\binom{n}{k}`, Taylor's `u^{(k)}(t) h^k / k!`; there `v`, the rule's other factor, is one too. A sum over k alone
#: is no such company: an average of iterates or an ensemble (`\frac{1}{K}\sum_k u^{(k)}(x)`) sums iterates
PARTNER_NAMES = frozenset("v")


def _parts(node: Node) -> list[Node]:
    """The nodes a node holds, in the order written."""
    if isinstance(node, Group):
        return node.items
    if isinstance(node, Script):
        return [node.base, *(part for part in (node.sup, node.sub) if part is not None)]
    if isinstance(node, Frac):
        return [node.num, node.den]
    if isinstance(node, Root):
        return [node.body, *([node.index] if node.index is not None else [])]
    if isinstance(node, Accent):
        return [node.body]
    return []


def _all_nodes(nodes: list[Node]) -> Iterator[Node]:
    """Every node, each before its parts, in the order written; without recursion, which a formula nested hundreds
    deep (`x^x^x^…`) ended in a RecursionError."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_parts(node)))


def nesting(nodes: list[Node]) -> int:
    """How deep the formula's nodes are nested (`x` 1, `x^2` 3: a script, its group, the 2), without recursion."""
    deepest = 0
    stack = [(node, 1) for node in nodes]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((part, depth + 1) for part in _parts(node))
    return deepest


def _order_of_two_indices(node: Node) -> bool:
    """`v^{(n-k)}`: a superscript in parentheses that is one index minus or plus another, a derivative's order."""
    if not (isinstance(node, Script) and node.sup is not None and len(node.sup.items) == 1):
        return False
    group = node.sup.items[0]
    if not (isinstance(group, Group) and group.fence == "(" and len(group.items) == 3):
        return False
    first, sign, last = group.items
    names = all(isinstance(atom, Atom) and atom.text in INDEX_NAMES for atom in (first, last))
    return names and isinstance(sign, Atom) and sign.text in ("+", "-", "−")



def derivative_context(nodes: list[Node]) -> bool:
    """Whether a formula holds a derivative's company (see `PARTNER_NAMES`): another derivative of an order of two
    indices, a factorial or a binomial coefficient."""
    return any(
        (isinstance(node, Atom) and node.kind == "op" and node.text == "!")
        or (isinstance(node, Group) and node.fence == "binom")
        or _order_of_two_indices(node)
        for node in _all_nodes(nodes)
    )


def derivative_order(items: list[Node], function: str, *, iterates: bool = True) -> list[Atom] | None:
    """The order of `f^(n)(x)`, `f^(3)(x)`, `f^(k+1)(ξ)` (a Taylor remainder's): a number, an index's name, or an
    index's name plus or minus a number or another index's name; None for anything else (`x^(T)`) and, with
    `iterates`, for an iteration's index above an iterate's name (`u^{(k)}(x)`)."""
    if not all(isinstance(item, Atom) for item in items):
        return None
    atoms = [item for item in items if isinstance(item, Atom)]
    if iterates and function in ITERATE_NAMES and any(atom.text == ITERATION_INDEX for atom in atoms):
        return None
    if len(atoms) == 1:
        order = atoms[0]
        return atoms if order.kind == "num" or order.text in ORDER_NAMES else None
    if len(atoms) != 3 or atoms[0].text not in ORDER_NAMES or atoms[1].text not in ("+", "-", "−"):
        return None
    last = atoms[2]
    return atoms if (last.kind == "num" and last.text.isdigit()) or last.text in ORDER_NAMES else None


def _derivative(argument: list[Node], before: list[Node], after: list[Item]) -> bool:
    """`f^(n)(x)`, `y^(3)(t)`, `f^(k+1)(ξ)`: a function's name, an order in parentheses and an argument in
    parentheses is a derivative; `x^(2)` stays a power."""
    if len(argument) != 1 or not isinstance(group := argument[0], Group) or group.fence != "(":
        return False
    base = before[-1] if before else None
    if not isinstance(base, Atom) or base.kind != "id" or base.text not in DERIVATIVE_NAMES:
        return False
    argument_next = bool(after) and isinstance(after[0], Group) and after[0].fence == "("
    return argument_next and derivative_order(group.items, base.text) is not None


def parse(items: list[Item]) -> list[Node]:
    """Attach super/subscripts to their base and roots to their body; the result holds nodes only."""
    nested = _nest(items)
    out: list[Node] = []
    index = 0
    while index < len(nested):
        item = nested[index]
        index += 1
        if isinstance(item, str) and item in ("^", "_", "√", "∛"):
            argument: list[Node] = []
            # a sign belongs to the exponent: A^-1, e^-t
            while index < len(nested) and isinstance(nested[index], Atom) and nested[index].text in "-−+":  # type: ignore[union-attr]
                argument.append(nested[index])  # type: ignore[arg-type]
                index += 1
            if index < len(nested) and not isinstance(nested[index], str):
                argument.append(nested[index])  # type: ignore[arg-type]
                index += 1
            group = _as_group(argument[0]) if len(argument) == 1 else Group(argument)
            if item == "^" and (_index_in_parentheses(argument, out) or _derivative(argument, out, nested[index:])):
                group = Group(argument)  # `x^(i)`: the i'th example, `f^(2)(x)` a derivative, as parentheses say
            if item in ("√", "∛"):
                out.append(Root(group, Group([Atom("3", "num")]) if item == "∛" else None))
                continue
            if not out:
                out.append(Atom("", "word"))
            base = out.pop()
            if not isinstance(base, Script) or (base.sup if item == "^" else base.sub) is not None:
                base = Script(base)
            if item == "^":
                base.sup = group
            else:
                base.sub = group
            out.append(base)
        elif isinstance(item, str):
            continue  # a stray marker
        elif isinstance(item, Atom) and item.text == "′" and out:  # f′, f″: a prime is a superscript
            base = out.pop()
            if isinstance(base, Script) and base.sub is None and base.sup is not None and all(
                isinstance(mark, Atom) and mark.text == "′" for mark in base.sup.items
            ):
                base.sup.items.append(item)
            else:
                base = Script(base, sup=Group([item])) if not isinstance(base, Script) or base.sup else base
                if base.sup is None:
                    base.sup = Group([item])
            out.append(base)
        else:
            out.append(item)
    return out


def parse_formula(text: str) -> list[Node]:
    """ASCII or Unicode formula text → nodes."""
    return parse(tokenize(text))
