"""Read a formula tree aloud the way a teacher would ("P inverse A P", "one over the square root of two")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from num2words import num2words

from .formula import (
    DERIVATIVE_NAMES,
    INDEX_NAMES,
    INDICATOR,
    PARTNER_NAMES,
    STRIKE,
    STRUCK,
    Accent,
    Atom,
    Frac,
    Group,
    Node,
    Root,
    Script,
    derivative_context,
    derivative_order,
    nesting,
)
from .rules import FUNCTION_NAMES, Language, distribution_name

#: Short names said as words inside subscripts and formulas rather than spelled (`V_in`, `V_out`).
SUBSCRIPT_WORDS = {"in", "out", "max", "min", "ref", "eq", "avg", "tot", "off", "on", "th", "ok", "sat", "rms", "pk"}
_BIG_OPERATORS = ("∑", "∏", "∫", "∮")


def number_words(text: str, lang: Language) -> str:
    """`12` → "twelve", `0.5` → "zero point five" (num2words, in the page's language)."""
    try:
        value: int | float = float(text) if "." in text else int(text)
        said = str(num2words(value, lang=lang.code))
        # num2words' Spanish says "punto", where the table (and Spain) write a decimal comma: "tres coma catorce"
        return said.replace(" punto ", " coma ") if lang.code == "es" and lang.decimal_comma else said
    except (NotImplementedError, ValueError, OverflowError):
        return text


def _ordinal(value: int, lang: Language) -> str:
    try:
        return str(num2words(value, lang=lang.code, to="ordinal"))
    except (NotImplementedError, ValueError):
        return str(value)


def _feminine(ordinal: str) -> str:
    """ "quinto" → "quinta", "vigesimo quinto" → "vigesima quinta" (num2words gives masculine ordinals)."""
    return re.sub(r"o\b", "a", ordinal)


def _identifier(name: str, lang: Language) -> str:
    if name in lang.plain_functions:
        return lang.plain_functions[name]
    if name in FUNCTION_NAMES:
        return name
    if len(name) <= 3 and name.isalpha() and name not in SUBSCRIPT_WORDS:
        return " ".join(name)  # AP → "A P", RC → "R C", ij → "i j"
    return name


def _prose_word(word: str, lang: Language) -> str:
    """A word of `\\text{…}` inside a formula: a unit or an abbreviation gets its words (`km/h`, `s.t.`)."""
    if word in lang.abbreviations:
        return lang.abbreviations[word]
    if len(word) > 1 and word in lang.units:
        return lang.units[word]
    left, slash, right = word.partition("/")
    if slash and (len(left) > 1 or len(right) > 1) and left in lang.units and right in lang.units:  # not A/B
        return f"{lang.units[left]} {lang.per_unit(lang.singular(lang.units[right]))}"
    return word



#: Functions an ML or statistics blog writes by name (`softmax(Wx + b)`, `\text{ReLU}(x)`, `\mathrm{Var}(X)`,
#: `sqrt(d_k)`): applied to what follows, not multiplied by it. Only these: letters written together are products
#: (`nRT(1 + B/V)`, `mgh(1 - \cos\theta)`) and units are units (`\text{mol}(2)`; review 125).
_NAMED_FUNCTIONS = frozenset(
    {
        "softmax", "relu", "gelu", "elu", "selu", "silu", "swish", "sigmoid", "softplus", "logit", "logsumexp",
        "tanh", "sign", "clip", "mean", "median", "std", "var", "cov", "corr", "sqrt", "bernoulli", "binomial",
        "poisson", "uniform", "categorical", "normal", "gaussian", "dirichlet", "multinomial", "geometric",
        "exponential", "beta", "gamma", "attention", "layernorm", "dropout", "concat", "round", "floor", "ceil",
    }
)  # fmt: skip

def _quantified(nodes: list[Node], index: int) -> bool:
    """`\\forall \\epsilon > 0`, `∃ δ > 0`: the comparison at `index` bounds the name a quantifier just named, which
    has no verb of its own ("for all epsilon greater than zero"; "for all epsilon is greater than zero" was said)."""
    quantifier, name, sign = nodes[index - 2] if index > 1 else None, nodes[index - 1], nodes[index]
    if not (isinstance(sign, Atom) and sign.kind == "op"):
        return False
    named = isinstance(name, (Script, Accent)) or (isinstance(name, Atom) and name.kind in ("id", "greek"))
    return isinstance(quantifier, Atom) and quantifier.text in ("∀", "∃", "∃!", "∄") and named


class Reader:
    """Turns nodes into words with one language's table."""

    def __init__(self, lang: Language, *, derivatives: bool = False) -> None:
        self.lang = lang
        #: the formula holds a derivative's company (`formula.derivative_context`): `u^{(k)}(x)`, `v^{(n-k)}(x)`
        #: are derivatives there, no iterates nor powers
        self._derivatives = derivatives
        #: inside a growth rate's argument (`O(|V| + |E|)`, `Θ(|s|)`): bars there are a size, whatever they hold
        self._in_growth = 0
        #: inside an expectation or a probability (`E[|X|]`, `P(|X| > t)`): bars around a capital are a random
        #: variable's absolute value, not a set's size (review 147)
        self._in_chance = 0
        #: the items of a probability's event (`P(X \le x)`), whose comparison is no clause with a verb
        self._event: object = None

    def read(self, nodes: list[Node], *, digits: bool = False, case: str = "") -> str:
        """Words for `nodes`; `case` is the preposition before them where they fill a phrase's slot ("von" of
        "O von {}"), whose case the terms after the first take too."""
        words: list[str] = []
        #: where each node's words start in `words`: a comparison agrees with the words said on its left
        word_starts: list[int] = []
        index = 0
        applied_before = -1  # where the last application ended: one right after it is a product
        while index < len(nodes):
            node = nodes[index]
            word_starts += [len(words)] * (index + 1 - len(word_starts))
            if _ends_slot(node):
                case = ""  # `P(X > 1 + |Y|)`: what a comparison or a condition compares is no longer in the slot
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            previous = nodes[index - 1] if index else None
            applied = self._application(node, following)
            if applied is not None:
                applied = self._in_case(applied, case, previous)
                # `P(B|A)P(A)`, `f(x)g(x)`: "P of B given A times P of A" (the product was not said, bug bash ML)
                words.append(f"{self.lang.times} {applied}" if applied_before == index else applied)
                index += 2
                applied_before = index
                continue
            bare = self._bare_derivative(node, following)
            if bare is not None:  # `f^{(n-k)} g^{(k)}`: "… of f times the k'th derivative of g"
                words.append(f"{self.lang.times} {bare}" if applied_before == index else bare)
                index += 1
                applied_before = index
                continue
            # `O(n·d)`: sizes multiplied; `y·log(p)`: a number times a function's value
            scalar_after = _scalar_call(following, nodes[index + 2] if index + 2 < len(nodes) else None)
            if self._dot_product(previous, node, following) and not self._in_growth and not scalar_after:
                words.append(self.lang.dot)
                index += 1
                continue
            definite = isinstance(node, Atom) and node.text in self.lang.definite
            if definite and _against_zero(node, following, nodes[index + 2 : index + 3]):
                words.append(self.lang.definite[node.text])  # type: ignore[union-attr]  # `A ⪰ 0`
                index += 2
                continue
            interval = self._interval(previous, node)
            if interval is not None:
                words.append(interval)
                index += 1
                continue
            said = self._agreeing(node, nodes, index, words, word_starts) or self._in_case(
                self.node(node, digits=digits, previous=previous), case, previous
            )
            event = nodes is self._event and isinstance(node, Atom) and node.kind == "op"
            if self.lang.verb and said.startswith(f"{self.lang.verb} ") and (event or _quantified(nodes, index)):
                # `\forall x > 0`: "for all x greater than zero"; `P(X \le x)`: "P of X less than or equal to x"
                # ("P of X is less than or equal to x" says P of X is)
                said = said[len(self.lang.verb) + 1 :]
            # `(1 − ε)·y`, `x · (a + b)`: a product written with its sign, whose word the sign says
            signed_before = _product_sign(previous) and _term(nodes[index - 2] if index > 1 else None)
            signed_after = _product_sign(following) and _term(nodes[index + 2] if index + 2 < len(nodes) else None)
            # `a - (b - c)`: a sum subtracted, whose signs the minus turns ("a minus b minus c" is a - b - c)
            subtracted = isinstance(previous, Atom) and previous.text in ("-", "−") and isinstance(node, Group)
            if (
                self.lang.quantity
                and _grouped(node)
                and (_term(previous) or _term(following) or signed_before or signed_after or subtracted)
            ):
                # a sum multiplied by what is beside it: "n times the quantity n plus one" (not "n n plus one");
                # with a sign, "the quantity one minus epsilon, times y" (its end was not heard: bug bash 165)
                if isinstance(node, Group):
                    quantity = self.lang.quantity_subtracted if subtracted and self.lang.quantity_subtracted else ""
                    said = (quantity or self.lang.quantity).format(said)
                if _term(previous) and not _grouped(previous) and not _big_operator(previous):
                    # a grouped one before said "times" already; a sum's limits are followed by what it sums
                    # ("of the quantity", not "of times the quantity", bug bash 83)
                    said = f"{self.lang.times} {said}"
                if _term(following):
                    said += f", {self.lang.times}"
                elif signed_after:
                    said += ","
            words.append(said)
            index += 1
        return " ".join(word for word in words if word.strip())

    def _in_case(self, said: str, case: str, previous: Node | None) -> str:
        """A term after a sign or a comma in a phrase's slot (`O(|V| + |E|)`), in the case of the preposition
        before the slot, as the first term is: "plus der Größe von E" (German; see `Language.slot_cases`)."""
        if not (case and isinstance(previous, Atom) and previous.kind == "op" and previous.text in _TERMS_JOINED):
            return said
        for nominative, inflected in self.lang.slot_cases.get(case, ()):
            if said == nominative or said.startswith(f"{nominative} "):
                return inflected + said[len(nominative) :]
        return said

    def _agreeing(
        self, node: Node, nodes: list[Node], index: int, words: list[str], word_starts: list[int]
    ) -> str | None:
        """`E[X] \\le a`: "l'espérance de X est inférieure ou égale à a", a comparison's words agreeing with a phrase
        of the table whose noun is feminine (French; see `Language.feminine_comparisons`); None for the usual
        words (`x \\le 3`, "x est inférieur ou égal à trois", or a sum on the left). The words already said for
        the left are looked at, not read again: reading them again for each comparison nested in them took
        twice as long per level (a line of 20 nested comparisons took minutes)."""
        feminine = self.lang.feminine_comparisons.get(node.text) if isinstance(node, Atom) else None
        start = _subject_start(nodes, index) if feminine else None
        if start is None:
            return None
        head = re.match(
            r"(?:(la) |l['’])?(\w+)", " ".join(word for word in words[word_starts[start] :] if word.strip())
        )
        return feminine if head and (head[1] or head[2] in self.lang.feminine_phrases) else None

    def _interval(self, previous: Node | None, node: Node) -> str | None:
        r"""`x \in [0,1]`, `t ∈ [0, T]`: a closed interval after "in", "the interval from 0 to 1" (it was read as
        the pair "zero, one", bug bash 85); a bracket elsewhere stays what it is (a list, a commutator)."""
        if not (
            self.lang.interval
            and isinstance(previous, Atom)
            and previous.text in ("∈", "∉")
            and isinstance(node, Group)
            and node.fence == "["
        ):
            return None
        parts = _split(node.items, lambda atom: atom.text == ",")
        if len(parts) != 2 or not all(parts):
            return None
        return self.lang.interval.format(self.read(parts[0]), self.read(parts[1]))

    @staticmethod
    def _dot_product(previous: Node | None, node: Node, following: Node | None) -> bool:
        """`u·v` between two names is a dot product ("u dot v"); between numbers `·` is "times"."""

        def named(side: Node | None) -> bool:
            if isinstance(side, Script):
                if side.sup is not None and _power(side.sup.items):
                    return False  # `n²·d`: a square is a number, multiplied
                side = side.base
            if isinstance(side, Accent):
                return True
            return isinstance(side, Atom) and side.kind in ("id", "greek")

        return isinstance(node, Atom) and node.text in ("·", "⋅") and named(previous) and named(following)

    def _application(self, node: Node, following: Node | None) -> str | None:
        """`det(A)`, `proj_u(v)`, `log_2(x)`, `f(x)`: a function applied to a parenthesized argument; and
        `log_2 n`, whose argument is one name or number."""
        if (
            isinstance(node, Script)
            and isinstance(node.base, Atom)
            and node.base.text in ("log", "lg")
            and node.sub is not None
            and node.sup is None
            and isinstance(following, Atom)
            and following.kind in ("id", "num", "greek")
        ):
            return self.lang.log_base.format(self.read(node.sub.items), self.node(following))
        if (
            isinstance(node, Atom)
            and node.text in self.lang.applied_names
            and following is not None
            and _one_name(following)
        ):
            return self.lang.functions[node.text].format(self.node(following))  # `\det A`: "le déterminant de A"
        if (
            isinstance(following, Script)
            and isinstance(following.base, Group)
            and following.base.fence in ("(", "[")
            and following.sup is not None
            and following.sub is None
        ):
            applied = self._application(node, following.base)  # E[X]^2, f(x)^2: "the expected value of X, squared"
            if applied is not None:
                return f"{applied}, {self.exponent(following.sup)}"
        if (
            isinstance(node, Atom)
            and (bracketed := _bracketed_function(node.text, self.lang))
            and isinstance(following, Group)
            and following.fence == "["
        ):
            self._in_chance += 1
            outer_event = self._event
            if node.text in ("P", "Pr"):
                self._event = following.items  # `\Pr[X > 5]`, as `P(X > 5)`
            try:
                phrase = self.lang.functions[bracketed]  # E[X], Var[X], Cov[X, \ln Y]
                return phrase.format(self.read(following.items, case=_preposition(phrase)))
            finally:
                self._in_chance -= 1
                self._event = outer_event
        if isinstance(node, Atom) and node.text == INDICATOR and isinstance(following, Group):
            return self._indicator(following)
        if not (isinstance(following, Group) and following.fence == "("):
            return None
        derivative = self._derivative(node, following)
        if derivative is not None:
            return derivative
        growth_rate = isinstance(node, Atom) and (node.text == "O" or node.text in self.lang.asymptotic)
        chance = isinstance(node, Atom) and node.text in _CHANCE
        self._in_growth += growth_rate
        self._in_chance += chance
        outer_event = self._event
        if isinstance(node, Atom) and node.text in ("P", "Pr"):
            self._event = following.items
        try:
            # every table's function phrases end with the preposition of its `of` ("die Spur von {}")
            argument = self.read(following.items, case=_preposition(self.lang.of))
        finally:
            self._in_growth -= growth_rate
            self._in_chance -= chance
            self._event = outer_event
        if isinstance(node, Script) and isinstance(node.base, Atom) and node.sub is not None and node.sup is None:
            name = node.base.text
            if name == "proj":
                return self.lang.projection.format(argument, self.read(node.sub.items))
            if name in ("log", "lg"):
                return self.lang.log_base.format(self.read(node.sub.items), argument)
        if isinstance(node, Atom) and node.kind == "id":
            if node.text in self.lang.functions:
                return self.lang.functions[node.text].format(argument)
            if node.text in FUNCTION_NAMES or node.text in ("f", "g", "h", "O", "P"):  # P(A ∪ B): a probability
                if not following.items:  # `f()`: the function named, not applied to nothing ("f of is constant")
                    return _identifier(node.text, self.lang)
                return self.lang.of.format(_identifier(node.text, self.lang), argument)
            if len(node.text) == 1 and any(isinstance(item, Atom) and item.kind == "given" for item in following.items):
                return self.lang.of.format(node.text, argument)  # P(A|B): "P of A given B"
            if node.text.lower() in _NAMED_FUNCTIONS:  # `softmax(z)`, `\mathrm{Var}(X)`: a name, not a product
                return self._named(node.text, argument)
            single = len(following.items) == 1 and isinstance(following.items[0], Atom)
            if len(node.text) == 1 and single and following.items[0].kind in ("id", "greek"):  # type: ignore[union-attr]
                return self.lang.of.format(node.text, argument)  # V(t), X(f)
        if isinstance(node, Atom) and node.kind == "word" and node.text.lower() in _NAMED_FUNCTIONS:
            return self._named(node.text, argument)  # `\text{ReLU}(x)`: "ReLU of x" (bug bash 123: "ReLU x")
        growth = self.lang.asymptotic.get(node.text) if isinstance(node, Atom) and node.kind == "greek" else None
        if growth and _growth(following.items, self.lang):  # Θ(n³): "big Theta of n cubed"; not Θ(t), Ω(ω)
            return self.lang.of.format(growth, argument)
        if isinstance(node, Atom) and node.kind == "greek" and node.text in _GREEK_FUNCTIONS:
            return self.lang.of.format(self.node(node), argument)  # σ(Wx + b), Γ(n), φ(x): functions, not products
        if isinstance(node, Script) and node.sub is None and node.sup is not None and self._is_prime(node.sup):
            return self.lang.of.format(self.script(node), argument)  # f'(x)
        if not following.items:
            return None
        if isinstance(node, Atom) and node.called:  # `\mathcal{N}(0, 1)`, `\text{Bin}(n, p)`: "N of zero, one"
            if node.text in _PARTS:  # `\mathrm{Re}(z)`: "the real part of z", as `\Re(z)` ("Re of z" is no word)
                return f"{self.lang.symbols[_PARTS[node.text]]} {argument}"
            return self.lang.of.format(distribution_name(node.text, self.lang.code), argument)  # "Poisson of lambda"
        if _an_inverse(node):  # `\Phi^{-1}(0.975)`, `F^{-1}(p)`: "capital phi inverse of …", as `f(x)` is "f of x"
            return self.lang.of.format(self.script(node), argument)  # type: ignore[arg-type]
        return None

    def _indicator(self, event: Group) -> str | None:
        r"""`\mathbb{1}\{X > 0\}`, `\mathbb{1}(X \in A)`, `\mathbf{1}_{A}`: "the indicator of X greater than zero",
        "… of A"; None for what is no event nor a set (`\mathbf{1}_n`, the vector of ones, `\mathbf{1}(2)`)."""
        if len(event.items) == 1 and isinstance(event.items[0], Group) and event.items[0].fence == "set":
            event = event.items[0]  # `\mathbb{1}_{\{X > 0\}}`: the set under it
        if not (self.lang.indicator and event.fence in ("set", "(", "[", "") and _an_event(event.items)):
            return None
        outer_event = self._event
        self._event = event.items  # `\mathbb{1}\{X > 0\}`: the event's comparison has no verb, as `P(X > 0)`'s
        try:
            return self.lang.indicator.format(self.read(event.items, case=_preposition(self.lang.indicator)))
        finally:
            self._event = outer_event

    def _named(self, name: str, argument: str) -> str:
        """A function written by its name applied to `argument`: the table's words for a known one (`Var` is
        `var`, "the variance of"), else "NAME of" (bug bash 123: `softmax(Wx + b)` was "softmax times the quantity")."""
        if (lowered := name.lower()) in self.lang.functions:
            return self.lang.functions[lowered].format(argument)
        if lowered == "sqrt" and "√" in self.lang.symbols:  # `sqrt(d_k)`: eSpeak NG spelled "S Q R T"
            return f"{self.lang.symbols['√']} {argument}"
        return self.lang.of.format(name, argument)

    def _derivative(self, node: Node, following: Group) -> str | None:
        """`f^(n)(x)`: "the n'th derivative of f of x", `y^{(2)}(t)` "the second derivative of y of t", `f^(k+1)(ξ)`
        "the k plus first derivative of f of xi"."""
        order = self._derivative_order(node)
        if order is None:
            return None
        assert isinstance(node, Script) and isinstance(node.base, Atom)
        after = len(order) == 3 and self.lang.derivative_sum and self.lang.derivative_after  # "de orden k más uno"
        return (self.lang.derivative_after if after else self.lang.derivative).format(
            order=self._order(order), function=node.base.text, argument=self.read(following.items)
        )

    def _bare_derivative(self, node: Node, following: Node | None) -> str | None:
        """`f^{(n-k)} g^{(k)}` among a derivative's company (Leibniz's rule written without arguments): "the n minus
        k'th derivative of f", as `f^{(n-k)}(x)` is read without its argument (it was "f to the power n minus k g
        superscript k"). Outside such company `y^{(i)}` stays a sample's index."""
        if not self._derivatives or (isinstance(following, Group) and following.fence == "("):
            return None
        order = self._derivative_order(node)
        if order is None:
            return None
        assert isinstance(node, Script) and isinstance(node.base, Atom)
        after = len(order) == 3 and self.lang.derivative_sum and self.lang.derivative_after
        template = self.lang.derivative_after if after else self.lang.derivative
        # its words up to the function's name, before the argument's preposition
        return template[: template.index("{function}") + len("{function}")].format(
            order=self._order(order), function=node.base.text
        )

    def _derivative_order(self, node: Node) -> list[Atom] | None:
        """The order of a function's name with an order in parentheses above it (`f^{(n)}`), where that is a
        derivative's: None for anything else."""
        if not (
            self.lang.derivative
            and isinstance(node, Script)
            and node.sub is None
            and isinstance(node.base, Atom)
            and node.base.kind == "id"
            and (node.base.text in DERIVATIVE_NAMES or (self._derivatives and node.base.text in PARTNER_NAMES))
            and node.sup is not None
            and len(node.sup.items) == 1
            and isinstance(group := node.sup.items[0], Group)
            and group.fence == "("
            and (order := derivative_order(group.items, node.base.text, iterates=not self._derivatives)) is not None
            and all(atom.kind != "num" or atom.text.isdigit() for atom in order)
        ):
            return None
        return order

    def _order(self, order: list[Atom]) -> str:
        """A derivative's order: "second", "n'th", "k plus first" (see `Language.derivative`)."""
        lang = self.lang
        if len(order) == 3 and lang.derivative_sum:  # "la dérivée d'ordre k plus un"
            return lang.derivative_sum.format(self.read(list(order)))
        last = order[-1]
        if last.kind == "num":
            number = int(last.text)
            said = lang.derivative_orders.get(number) or _ordinal(number, lang)
            said = _feminine(said) if lang.feminine_ordinals else said
        else:  # "n'th", as the prose rules say an index's ordinal (eSpeak NG read "n-th" as "n minus th")
            said = lang.derivative_index.format(last.text)
        if len(order) == 1:
            return said
        sign = lang.symbols["+"] if order[1].text == "+" else lang.minus
        return f"{order[0].text} {sign} {said}"

    @staticmethod
    def _is_prime(group: Group) -> bool:
        return bool(group.items) and all(isinstance(item, Atom) and item.text == "′" for item in group.items)

    def node(self, node: Node, *, digits: bool = False, previous: Node | None = None) -> str:
        lang = self.lang
        if isinstance(node, Atom):
            return self.atom(node, digits=digits, previous=previous)
        if isinstance(node, Group):
            if node.fence in ("norm", "abs"):
                sized = lang.size and (self._in_growth or (not self._in_chance and _a_set(node.items)))
                phrase = lang.norm if node.fence == "norm" else lang.size if sized else lang.abs
                return phrase.format(self.read(node.items, digits=digits, case=_preposition(phrase)))
            inner = self.read(node.items, digits=digits)
            if node.fence == "binom":
                return lang.binomial.format(*(self.read([item]) for item in node.items))
            if node.fence in ("floor", "ceiling"):
                words = lang.floor if node.fence == "floor" else lang.ceiling
                return words.format(inner) if words else inner
            if node.fence == "angle":
                return self.inner_product(node, inner)
            if node.fence == "set":
                return self.set(node, inner)
            return inner
        if isinstance(node, Script):
            return self.script(node, previous=previous)
        if isinstance(node, Frac):
            return self.fraction(node)
        if isinstance(node, Root):
            body = self.read(node.body.items, case=_preposition(lang.sqrt))  # every root's phrase ends so
            index = self.read(node.index.items) if node.index is not None else ""
            if node.index is None or index in (number_words("2", lang), "2"):
                return lang.sqrt.format(body)
            if index in (number_words("3", lang), "3"):
                return lang.cbrt.format(body)
            text = "".join(item.text for item in node.index.items if isinstance(item, Atom))
            ordinal = _ordinal(int(text), lang) if text.isdigit() else index
            if lang.feminine_ordinals and text.isdigit():
                ordinal = _feminine(ordinal)
            return lang.root.format(ordinal, body)
        assert isinstance(node, Accent)
        template = lang.accents[node.accent]
        return template.format(self.read(node.body.items))

    def inner_product(self, node: Group, inner: str) -> str:
        """`⟨u, v⟩`: "the inner product of u and v"."""
        parts = _split(node.items, lambda item: item.text == ",")
        if len(parts) != 2 or not self.lang.inner or not all(parts):
            return inner
        return self.lang.inner.format(*(self.read(part) for part in parts))

    def set(self, node: Group, inner: str) -> str:
        """`{x ∈ ℝ | x > 0}`: "the set of x in the real numbers such that x is greater than zero"; `{1, 2}`: "the
        set one, two"."""
        parts = _split(node.items, lambda item: item.kind == "given" or item.text == ":")
        if len(parts) == 2 and all(parts) and self.lang.set_builder:
            left, condition = parts
            members = _split(left, lambda item: item.text == "∈")
            said = self.read(left)
            if self.lang.set_member and len(members) == 2 and all(members):  # "des x appartenant à", not "appartient"
                said = f"{self.read(members[0])} {self.lang.set_member} {self.read(members[1])}"
            return self.lang.set_builder.format(said, self.read(condition))
        return self.lang.set_list.format(inner) if self.lang.set_list and inner else inner

    def atom(self, atom: Atom, *, digits: bool, previous: Node | None) -> str:
        lang = self.lang
        if atom.kind == "num":
            if digits and atom.text.isdigit():
                return " ".join(number_words(char, lang) for char in atom.text)
            return number_words(atom.text, lang)
        if atom.text == INDICATOR:
            return number_words("1", lang)  # `\mathbf{1}^T x`: the vector of ones
        if atom.kind == "id":
            return _identifier(atom.text, lang)
        if atom.kind == "greek":
            return lang.greek.get(atom.text, lang.symbols.get(atom.text, ""))
        if atom.kind == "word":
            return _prose_word(atom.text, lang)
        if atom.kind == "given":
            return lang.symbols["&"] if atom.text == "‖" else lang.given
        if atom.text in (",", ";", ":", "."):
            return atom.text if atom.text != "." else ""
        if atom.text.startswith("→") and len(atom.text) > 1:  # a convergence arrow (`latex._convergence`)
            return lang.convergence.get(atom.text[1:]) or lang.symbols.get("→", "")
        return lang.symbols.get(atom.text, "") or _denied(atom.text, lang)

    def script(self, node: Script, *, previous: Node | None = None) -> str:
        lang = self.lang
        if isinstance(node.base, Atom) and node.base.text == INDICATOR and node.sub is not None and node.sup is None:
            indicator = self._indicator(node.sub)
            if indicator is not None:
                return indicator
        if isinstance(node.base, Atom) and node.base.text in _BIG_OPERATORS and node.sub is not None:
            upper = self.read(node.sup.items) if node.sup is not None else ""
            lower = self.read(node.sub.items)
            if upper:
                return lang.limits.format(self.node(node.base), lower, upper)
            return lang.limits_under.format(self.node(node.base), lower)
        limit = self._limit(node)
        if limit is not None:
            return limit
        if node.sup is not None and node.sub is None and lang.quantity_power and (
            _grouped(node.base) or _product(node.base)
        ):
            # "(a+b)^2" is "the quantity a plus b, squared", not "a plus b squared" (which is a + b²); and
            # "(X^T X)^{-1}" "the quantity X transpose X, inverse", not "X transpose X inverse" (bug bash 83)
            joined = _term(previous) or (isinstance(previous, Atom) and previous.text in _TERMS_JOINED)
            phrase = lang.quantity_power_joined if joined and lang.quantity_power_joined else lang.quantity_power
            return phrase.format(self.node(node.base), self.exponent(node.sup, index=False))
        base = self.node(node.base)
        if node.sub is not None:
            # a norm's index after a pause: "the norm of x minus y, sub two" (not y's index)
            norm = isinstance(node.base, Group) and node.base.fence == "norm"
            # `a_{12}` is "a sub one two"; indices a comma parts are each a number (`F_{2,27}`, degrees of freedom:
            # "F sub two, twenty-seven", not "two seven"); a part with a leading zero is still digits (`x_{01,02}`,
            # `a_{1,000}` were "x sub one, two", "a sub one, zero")
            items = node.sub.items
            listed = any(isinstance(item, Atom) and item.text == "," for item in items) and not any(
                isinstance(item, Atom) and item.kind == "num" and item.text[:1] == "0" and item.text[1:2].isdigit()
                for item in items
            )
            base = lang.sub.format(f"{base}," if norm else base, self.read(items, digits=not listed))
        if node.sup is None:
            return base
        if isinstance(node.base, Atom) and node.base.text in _NUMBER_SETS and node.sub is None:
            # ℝ^{m×n}: "the real numbers to the m by n", the space of m by n matrices
            sides = _split(node.sup.items, lambda item: item.text in ("×", "⨯"))
            if len(sides) == 2 and all(sides):
                return f"{base} {lang.power_letter.format(f' {lang.by} '.join(self.read(side) for side in sides))}"
        # `e^t` and `2^t` are powers; `A^t`, `(AB)^t`, `x^t A x` transposes
        matrix = not (isinstance(node.base, Atom) and (node.base.kind == "num" or node.base.text == "e"))
        named = isinstance(node.base, Accent) or (isinstance(node.base, Atom) and node.base.kind in ("id", "greek"))
        return f"{base} {self.exponent(node.sup, matrix=matrix, index=named)}".strip()

    def _limit(self, node: Script) -> str | None:
        """`\\lim_{x \\to 0}`: "the limit as x approaches zero of" (not "the limit sub x to zero")."""
        if not (isinstance(node.base, Atom) and node.base.text == "lim" and node.sub is not None and node.sup is None):
            return None
        items = node.sub.items
        arrows = [index for index, item in enumerate(items) if isinstance(item, Atom) and item.text == "→"]
        if len(arrows) != 1 or arrows[0] in (0, len(items) - 1):
            return None
        return self.lang.limit.format(self.read(items[: arrows[0]]), self.read(items[arrows[0] + 1 :]))

    def exponent(self, sup: Group, *, matrix: bool = True, index: bool = False) -> str:
        """ClearSpeak's short forms first (squared, cubed, inverse, transpose, prime), then powers; with `index`
        (above a name), an index in parentheses or brackets is "superscript i" (`x^{(i)}`, `W^{[l]}`)."""
        lang = self.lang
        items = sup.items
        if index and matrix and lang.superscript and _bracketed_index(items):
            return lang.superscript.format(self.read(items[0].items))  # type: ignore[union-attr]
        if len(items) == 1 and isinstance(group := items[0], Group) and group.fence == "(" and _transpose(group):
            items = group.items  # `x^{(T)}`: "x transpose", as `x^(T)` is
        atoms = [item for item in items if isinstance(item, Atom)]
        if len(atoms) == len(items):
            text = "".join(atom.text for atom in atoms).replace("−", "-")
            # `θ^*`, `x^\star`: an optimum, "theta star" (it was "to the power times"; bug bash 123)
            star = lang.symbols.get("⋆", "star")
            short = {"2": lang.squared, "3": lang.cubed, "-1": lang.inverse, "T": lang.transpose,
                     "ᵀ": lang.transpose, "⊤": lang.transpose, "*": star, "⋆": star, "∗": star,
                     **({"t": lang.transpose} if matrix else {})}
            if text in short:
                return short[text]
            if text and set(text) == {"′"}:
                return " ".join([lang.prime] * len(text))
            if text.isdigit():
                word = _ordinal(int(text), lang) if lang.ordinal_powers else number_words(text, lang)
                word = _feminine(word) if lang.ordinal_powers and lang.feminine_ordinals else word
                return lang.power_ordinal.format(word)
            if len(atoms) == 1 and atoms[0].kind in ("id", "greek"):
                return lang.power_letter.format(self.read(items))
        return lang.power.format(self.read(items))

    def fraction(self, node: Frac) -> str:
        lang = self.lang
        num, den = node.num.items, node.den.items
        if (
            len(num) == 1
            and len(den) == 1
            and isinstance(num[0], Atom)
            and isinstance(den[0], Atom)
            and num[0].text.isdigit()
            and den[0].text.isdigit()
            and (int(num[0].text), int(den[0].text)) in lang.frac_simple
        ):
            return lang.frac_simple[(int(num[0].text), int(den[0].text))]
        return f"{self.read(num)} {lang.over} {self.read(den)}"


_NUMBER_SETS = ("ℝ", "ℂ", "ℕ", "ℤ", "ℚ")
#: Greek letters that name functions before parentheses (the sigmoid, the gamma and zeta functions, features);
#: λ, α, μ and the others stay numbers: `λ(u + v)` is a scalar times a sum
_GREEK_FUNCTIONS = ("σ", "ς", "φ", "ϕ", "ψ", "Γ", "ζ", "Φ", "Ψ")
_SUMS = ("+", "-", "−", "±", "∓")
#: What parts the terms of a phrase's slot, each of which takes the case of the preposition before it
_TERMS_JOINED = frozenset({*_SUMS, "·", "⋅", "×", "*", ","})


#: What makes the left of a comparison a sum, a product or a quotient, whose words do not agree with its first term
_ARITHMETIC = frozenset({*_SUMS, "·", "⋅", "×", "*", "/", "÷"})


#: Variance and covariance, written by name before brackets as before parentheses (`Var[E[X|Y]]`, `Cov[X, \ln Y]`)
_BRACKETED_BY_NAME = frozenset({"var", "cov"})


def _bracketed_function(name: str, lang: Language) -> str:
    """The table's key of a function applied to brackets (`E[X]`, `\\operatorname{Var}[X]`; `Var[X]`, `Cov[X, Y]` as
    `Var(X)` reads: "V a r" was spelled), or nothing."""
    if name in lang.functions:
        return name
    return name.lower() if name.lower() in _BRACKETED_BY_NAME and name.lower() in lang.functions else ""


def _ends_clause(node: Node) -> bool:
    """An operator or a condition's bar, before what a comparison compares; not a sum's or an integral's sign
    (`\\sum x_i \\le 1`: "la somme de x indice i")."""
    return isinstance(node, Atom) and node.kind in ("op", "given") and node.text not in _BIG_OPERATORS


def _subject_start(nodes: list[Node], index: int) -> int | None:
    """Where what the comparison at `index` compares on its left starts (`‖x‖` of `0 ≤ ‖x‖ ≤ 1`): after the last
    operator; None where there is nothing, that operator is arithmetic or a fraction is among them (`‖x‖ + ‖y‖`,
    `E[X]/a`: no phrase's noun)."""
    start = index
    while start and not _ends_clause(nodes[start - 1]):
        start -= 1
    stopped = nodes[start - 1] if start else None
    subject = nodes[start:index]
    if not subject or (isinstance(stopped, Atom) and stopped.text in _ARITHMETIC):
        return None
    return None if any(isinstance(node, Frac) for node in subject) else start


#: What ends a phrase's slot's case for the terms after it: a comparison or a condition's bar (`P(X > 1 + |Y|)`:
#: "größer als eins plus der Betrag von Y", not "plus dem Betrag")
def _denied(sign: str, lang: Language) -> str:
    """A relation struck through that the table has no words for (`\\not\\to`): "not" and the relation's words."""
    relation = unicodedata.normalize("NFD", sign)
    if len(relation) != 2 or relation[1] != STRIKE or relation[0] not in lang.symbols:
        return ""
    return f"{lang.symbols['¬']} {lang.symbols[relation[0]]}"


_SLOT_ENDS = STRUCK | {"=", "<", ">", "≤", "≥", "≠", "≈", "≃", "≅", "≡", "≪", "≫", "∝", "∼", "∈", "∉", "→", "⊂", "⊆"}


def _ends_slot(node: Node) -> bool:
    return isinstance(node, Atom) and (node.kind == "given" or (node.kind == "op" and node.text in _SLOT_ENDS))


def _preposition(phrase: str) -> str:
    """ "von" of "O von {}", "aus" of "die Wurzel aus {}": the word before a phrase's last slot."""
    before = phrase.rpartition("{}")[0].split()
    return before[-1] if before else ""


#: An expectation's, a probability's, a variance's names: what they take are random variables (`P(|X| > t)`)
_CHANCE = frozenset({"E", "P", "Pr", "Var", "var", "Cov", "cov"})


#: A set's operators: bars around `A ∪ B`, `A ∩ B`, `A ∖ B` hold a set, whose size they are (`|a × b|` is a length)
_SET_OPERATORS = frozenset({"∪", "∩", "∖"})


def _a_set(items: list[Node]) -> bool:
    """What bars around are a set's size, not an absolute value: a capital letter alone, with an index or not
    (`|V|`, `|S_i|`: sets are named so, numbers and variables in lower case), or sets joined by a set's operator
    (`|A ∪ B|`)."""
    if len(items) == 1:
        item = items[0]
        if isinstance(item, Script) and item.sup is None:
            item = item.base
        return isinstance(item, Atom) and item.kind == "id" and re.fullmatch("[A-Z]", item.text) is not None
    return any(isinstance(item, Atom) and item.text in _SET_OPERATORS for item in items)


def _grouped(node: Node | None) -> bool:
    """A sum or difference in parentheses (`(a+b)`, `(x-1)^2`), not a lone signed term (`(-1)`)."""
    if isinstance(node, Script):
        return isinstance(node.base, Group) and _grouped(node.base)
    return (
        isinstance(node, Group)
        and node.fence == "("
        and any(isinstance(item, Atom) and item.kind == "op" and item.text in _SUMS for item in node.items[1:])
    )


def _power(items: list[Node]) -> bool:
    """A superscript that is a number (`n²`, `x^3`): a power, not a transpose or an index."""
    return len(items) == 1 and isinstance(items[0], Atom) and items[0].kind == "num"


#: functions whose value is a number: `y·log(p)` is a product ("times"), not a dot product of two names
_SCALAR_FUNCTIONS = frozenset({"log", "ln", "exp", "σ", "sin", "cos", "tanh"})


def _scalar_call(name: Node | None, argument: Node | None) -> bool:
    """`log(p)`, `σ(z)`: a function of a number applied, whose value is a number (bug bash 165: "y dot log of p")."""
    return (
        isinstance(name, Atom)
        and name.text in _SCALAR_FUNCTIONS
        and isinstance(argument, Group)
        and argument.fence == "("
    )


#: The names whose inverse before brackets is a function's applied (`F^{-1}(p)`, `\Phi^{-1}(0.975)`, `f^{-1}(y)`); a
#: matrix's (`A^{-1}(b + c)`, `\Sigma^{-1}(x - \mu)`, `Q^{-1}(b)`), a scale's or a step's (`\sigma^{-1}(x - \mu)`,
#: `\lambda^{-1}(1 - e^{-t})`, `h^{-1}(u_{i+1} - u_i)`) multiplies what follows
_INVERTED_NAMES = frozenset({"f", "g", "F", "G", "Φ", "φ", "ϕ", "ψ", "Ψ"})


#: Upright names of a complex number's parts, before brackets: `\mathrm{Re}(z)` is `\Re(z)` (`\mathrm{Re} = 2000`, the
#: Reynolds number, is no call)
_PARTS = {"Re": "ℜ", "Im": "ℑ"}


def _an_inverse(node: Node) -> bool:
    """`F^{-1}`, `Φ^{-1}`, `f^{-1}`: a function's inverse, whose brackets after it hold its argument."""
    if not (isinstance(node, Script) and node.sub is None and node.sup is not None and isinstance(node.base, Atom)):
        return False
    base, power = node.base, node.sup.items
    named = base.text in _INVERTED_NAMES or base.called
    minus_one = len(power) == 2 and all(isinstance(item, Atom) for item in power)
    return named and minus_one and [item.text for item in power] in (["-", "1"], ["−", "1"])  # type: ignore[union-attr]


#: What an indicator's set or event holds: a comparison, a membership, or a set's capital name (`A`, `A_k`)
_EVENT_SIGNS = frozenset({"<", ">", "≤", "≥", "=", "≠", "∈", "∉", "⊂", "⊆"}) | STRUCK  # `X \not< 0`, `X \not\in A` too


def _an_event(items: list[Node]) -> bool:
    r"""`X > 0`, `x \in A`, `A`, `A_k`, `B^c`: an event or a set, which an indicator takes."""
    if any(isinstance(item, Atom) and item.kind == "op" and item.text in _EVENT_SIGNS for item in items):
        return True
    name = items[0].base if len(items) == 1 and isinstance(items[0], Script) else items[0] if len(items) == 1 else None
    named = isinstance(name, Atom) and name.kind == "id" and len(name.text) == 1 and name.text.isupper()
    return named and not (name is items[0] and name.text in _DIMENSIONS)  # type: ignore[union-attr]


#: Capitals that count (`\mathbf{1}_N`, `\mathbb{1}_K`: the vector of N ones), not a set's name
_DIMENSIONS = frozenset("NMKDTPL")


def _product_sign(node: Node | None) -> bool:
    """`·`, `⋅`, `×` or `*` between two factors."""
    return isinstance(node, Atom) and node.text in ("·", "⋅", "×", "*")


def _against_zero(node: Node, following: Node | None, after: list[Node]) -> bool:
    """`⪰ 0`, `≻ 0` closing a comparison (not `⪰ 0.5`, nor `⪰ 0 x`)."""
    if not (isinstance(node, Atom) and node.kind == "op" and isinstance(following, Atom) and following.text == "0"):
        return False
    return not after or (isinstance(after[0], Atom) and after[0].text in (",", ";", ".", ":"))


#: The letters a growth rate counts with (`Θ(n)`, `Ω(V + E)`, `Θ(nm)`, `Θ(k log N)`): sizes, not a time or a
#: frequency (`Θ(t)` is Heaviside's step, `Ω(ω)` a spectrum: review 127)
_SIZE_LETTERS = frozenset("nmkNVE")
#: What a growth rate's argument is built with besides sizes and numbers (`n log n`, `V + E`, `n!`, `n · m`, `n/2`)
_GROWTH_WORDS = frozenset({"log", "lg", "ln", "+", "·", "⋅", "*", "×", "/", "!", "−", "-"})


def _one_name(node: Node) -> bool:
    """A function's argument without parentheses: a name or a number, with an index or not (`A`, `x_i`, `2`); not a
    power (`\\ln x^2` is the logarithm of x squared)."""
    if isinstance(node, Script) and node.sup is None:
        node = node.base
    return isinstance(node, Atom) and node.kind in ("id", "num", "greek")


def _growth(items: list[Node], lang: Language) -> bool:
    """A complexity's argument: sizes, numbers, logarithms, and their sums, products, powers, quotients, roots and
    factorials (`1`, `n log n`, `n³`, `2^n`, `V + E`, `n!`, `√n`), so that `Θ(n³)` is "big Theta of n cubed"."""
    words = _GROWTH_WORDS | {lang.symbols.get("!", "!")}  # `n!`, said before the formula is read

    def part(node: Node) -> bool:
        if isinstance(node, Atom):
            sizes = node.kind == "id" and len(node.text) <= 3 and set(node.text) <= _SIZE_LETTERS
            return node.kind == "num" or node.text in words or sizes
        if isinstance(node, Group):  # `Θ(|s|)`: bars in a growth rate are a size, "the size of s", whatever inside
            return node.fence == "abs" or _growth(node.items, lang)
        if isinstance(node, Script):
            return node.sub is None and part(node.base) and node.sup is not None and _growth(node.sup.items, lang)
        if isinstance(node, Frac):
            return _growth(node.num.items, lang) and _growth(node.den.items, lang)
        if isinstance(node, Root):
            return _growth(node.body.items, lang)
        return False

    operand = any(not (isinstance(item, Atom) and item.text in words) for item in items)
    return operand and all(part(item) for item in items)


def _bracketed_index(items: list[Node]) -> bool:
    """A superscript that is an index in parentheses or brackets: an index's name (`^{(i)}`, `^{[l]}`, `⁽ⁱ⁾`), a
    number (`h^{(2)}`, the second layer: in LaTeX's braces, where a square is `x^2`; plain `x^(2)` lost its
    parentheses in `parse`, "x squared"), or in brackets a name or a number (`W^{[2]}`). `x^{(T)}` is a transpose,
    `x^{(\alpha)}` a power (review 127)."""
    if len(items) != 1 or not isinstance(group := items[0], Group) or group.fence not in ("(", "["):
        return False
    if len(group.items) != 1 or not isinstance(atom := group.items[0], Atom):
        return False
    if group.fence == "[":
        return atom.kind in ("id", "num", "greek")
    return atom.kind == "num" or atom.text in INDEX_NAMES


def _transpose(group: Group) -> bool:
    """`(T)`, `(⊤)`, `(′)`: a transpose's or a prime's sign in parentheses, which keeps its meaning."""
    return len(group.items) == 1 and isinstance(atom := group.items[0], Atom) and atom.text in ("T", "ᵀ", "⊤", "′")


def _big_operator(node: Node | None) -> bool:
    r"""`\sum_{i=1}^n`, `\prod_k`: an operator with its limits, whose operand follows it."""
    return isinstance(node, Script) and isinstance(node.base, Atom) and node.base.kind == "op"


def _product(node: Node | None) -> bool:
    """A product of several factors in parentheses (`(X^T X)`, `(ab)`), which a power applies to as a whole."""
    return (
        isinstance(node, Group)
        and node.fence == "("
        and len(node.items) > 1
        and all(_term(item) for item in node.items)
    )


def _term(node: Node | None) -> bool:
    """Something a product can hold: a name, number, group, power, fraction, root (not an operator or word)."""
    if isinstance(node, Atom):
        return node.kind in ("num", "id", "greek")
    return node is not None


def _split(items: list[Node], separates: Callable[[Atom], bool]) -> list[list[Node]]:
    """`items` cut at each atom that `separates` says is a separator (the separators dropped)."""
    parts: list[list[Node]] = [[]]
    for item in items:
        if isinstance(item, Atom) and separates(item):
            parts.append([])
        else:
            parts[-1].append(item)
    return parts


def read_nodes(nodes: list[Node], lang: Language) -> str:
    """Words for a formula."""
    return Reader(lang, derivatives=derivative_context(nodes)).read(nodes)


#: The deepest nesting of brackets, and of a formula's nodes, read as a formula: the parser and the reader recurse
#: into each level, and past a few hundred (`x^x^x^…` 600 times, `10^{1` pasted a thousand times) a line ended in a
#: RecursionError; no formula a person writes comes near it
MOST_NESTING = 100
_OPENING, _CLOSING = frozenset("{([⟨"), frozenset("})]⟩")
#: A formula's syntax, not said when it is read symbol by symbol: a command's backslash, braces, script signs
_SYNTAX = re.compile(r"\\(?=[A-Za-z])|[{}^_]")


def _bracket_depth(source: str) -> int:
    depth = deepest = 0
    for character in source:
        if character in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif character in _CLOSING:
            depth = max(0, depth - 1)
    return deepest


def read_formula(parse: Callable[[str], list[Node]], source: str, lang: Language) -> str:
    """Words for the formula `source`, parsed by `parse` (LaTeX or a formula of prose); one nested deeper than
    `MOST_NESTING` is said symbol by symbol, as written without its syntax (a RecursionError failed its line)."""
    if _bracket_depth(source) <= MOST_NESTING:
        nodes = parse(source)
        if nesting(nodes) <= MOST_NESTING:
            return read_nodes(nodes, lang)
    return " ".join(_SYNTAX.sub(" ", source).split())


__all__ = ["MOST_NESTING", "SUBSCRIPT_WORDS", "Reader", "number_words", "read_formula", "read_nodes"]
