"""Relations struck through: LaTeX's `\\not` before a relation, the AMS signs (`\\nmid`, `\\nexists`), the Unicode signs
(`≮`, `∤`, `∄`) and a sign with the combining long solidus overlay (U+0338). `\\not` was dropped and the signs with
it, which said the opposite of what was written ("a equals b" for `a \\not= b`, "x in A" for `x \\not\\in A`)."""

from __future__ import annotations

import unicodedata

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from mkdocs_convaudio.text.spoken.formula import STRUCK
from mkdocs_convaudio.text.spoken.tables import language_rules
from tests.readings import reading_seconds, readings

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "sv")

#: `\not` before a relation: the relation denied, with the words `\neq` and `\notin` have where there are some
LATEX_NOT = [
    (
        r"$a \not= b$, $x \not\in A$, $A \not\subset B$",
        "en",
        "a is not equal to b, x not in A, A not a subset of B",
    ),
    (r"$a \not\equiv b \pmod{n}$", "en", "a is not equivalent to b modulo n"),
    (
        r"$a \not< b$, $a \not\le b$, $X \not\sim Y$",
        "en",
        "a is not less than b, a is not less than or equal to b, X is not similar to Y",
    ),
    (
        r"$p \not\mid n$, $p \not| n$ and $\not\exists x$",
        "en",
        "p does not divide n, p does not divide n and there exists no x",
    ),
    (
        r"$a \not = b$, $a \mathrel{\not=} b$, $x \not \in A$",
        "en",
        "a is not equal to b, a is not equal to b, x not in A",
    ),
    (r"$a \not= b$ et $a \not< b$", "fr", "a est différent de b et a n'est pas inférieur à b"),
    (r"$x \not\in A$, $p \not\mid n$", "fr", "x n'appartient pas à A, p ne divise pas n"),
    (
        r"$a \not\le b$, $x \not\in A$, $\not\exists x$",
        "de",
        "a nicht kleiner oder gleich b, x nicht Element A, es gibt kein x",
    ),
    (r"$a \not= b$, $a \not> b$, $x \not\in A$", "es", "a distinto de b, a no es mayor que b, x no pertenece a A"),
    (
        r"$a \not= b$, $A \not\subset B$, $p \not\mid n$",
        "it",
        "a diverso da b, A non è sottoinsieme di B, p non divide n",
    ),
    (
        r"$a \not= b$, $a \not\equiv b$, $\not\exists x$",
        "pt",
        "a diferente de b, a não é equivalente a b, não existe nenhum x",
    ),
    (
        r"$a \not= b$, $a \not< b$, $x \not\in A$",
        "nl",
        "a is niet gelijk aan b, a is niet kleiner dan b, x geen element van A",
    ),
    (
        r"$a \not= b$, $a \not\ge b$, $p \not\mid n$",
        "sv",
        "a är inte lika med b, a är inte större än eller lika med b, p delar inte n",
    ),
    # an event of an indicator, as `\neq` is one ("one the set X is not less than zero" was said), and a phrase's
    # case after the comparison (German "dem Betrag")
    (r"$\mathbb{1}\{X \not< 0\}$", "en", "the indicator of X not less than zero"),
    (r"$P(X \not> 1 + |Y|)$", "de", "P von X nicht größer als eins plus der Betrag von Y"),
    # a distribution not followed (`\sim` before one is "follows": "X follows N" said the opposite)
    (r"$X \not\sim \mathcal{N}(0, 1)$", "en", "X does not follow N of zero, one"),
    (r"$X \not\sim \mathcal{N}(0, 1)$", "de", "X folgt nicht N von null, eins"),
    # a relation with no struck sign in Unicode: the table's words for it and the overlay, where "not" before the
    # relation's words is no grammar ("a not is proportional to b", "a not succeeds b", "a nicht ist proportional")
    (r"$a \not\succ b$ and $a \not\propto b$", "en", "a does not succeed b and a is not proportional to b"),
    (r"$a \not\ll b$, $f \not\mapsto y$", "en", "a is not much less than b, f does not map to y"),
    (r"$a \not\succ b$, $a \not\propto b$", "fr", "a ne suit pas b, a n'est pas proportionnel à b"),
    (r"$a \not\succ b$, $a \not\propto b$", "de", "a folgt nicht auf b, a ist nicht proportional zu b"),
    (r"$a \not\succ b$, $a \not\propto b$", "nl", "a volgt niet op b, a is niet evenredig met b"),
    (r"$a \not\succ b$, $a \not\propto b$", "sv", "a följer inte på b, a är inte proportionell mot b"),
    (r"$a \not\ll b$", "es", "a no es mucho menor que b"),
    (r"$a \not\propto b$", "es", "a no es proporcional a b"),
    # ... and where a table has no such words, "not" and the relation's, as before
    (r"$a \not↔ b$", "en", "a not if and only if b"),
    # "p teilt nicht n", "p deelt niet n" are no word order: the operand comes before "nicht", "niet"
    (r"$p \not\mid n$, $p \nmid n$", "de", "p ist kein Teiler von n, p ist kein Teiler von n"),
    (r"$p \not\mid n$", "nl", "p is geen deler van n"),
    # `\not` before what is no relation says nothing, as before
    (r"$\not x$ and $a \not$", "en", "x and a"),
]


@readings(LATEX_NOT)
def test_not_before_a_relation_denies_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: The AMS signs of a relation struck through were dropped ("p n", "x")
AMS_SIGNS = [
    (
        r"$p \nmid n$, $\nexists x$, $a \nleq b$",
        "en",
        "p does not divide n, there exists no x, a is not less than or equal to b",
    ),
    (r"$A \nsubseteq B$, $a \ngtr b$", "en", "A not a subset of or equal to B, a is not greater than b"),
    (r"$p \nmid n$, $\nexists x$", "fr", "p ne divise pas n, il n'existe aucun x"),
    (r"$\nexists \delta > 0$", "en", "there exists no delta greater than zero"),
]


@readings(AMS_SIGNS)
def test_a_struck_sign_of_latex_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: The same signs in Unicode prose: one character each (they were dropped: "a b"), or a sign and the combining
#: overlay ("a equals b", "x in A": the overlay was dropped)
UNICODE_SIGNS = [
    ("a ≮ b, a ∤ b and A ⊈ B", "en", "a is not less than b, a does not divide b and A not a subset of or equal to B"),
    ("∄δ > 0", "en", "there exists no delta greater than 0"),
    ("a =\u0338 b and x ∈\u0338 A", "en", "a is not equal to b and x not in A"),
    ("X ⫫\u0338 Y", "en", "X is not independent of Y"),
    ("a =\u0338 b", "de", "a ungleich b"),
    ("la perte ≮ 0,1", "fr", "la perte n'est pas inférieure à 0,1"),
    ("la perte =\u0338 0,1", "fr", "la perte est différente de 0,1"),  # as `≠`, agreeing with its noun
    (
        "la variance ∝\u0338 n, la perte ≪\u0338 1",
        "fr",
        "la variance n'est pas proportionnelle à n, la perte n'est pas très inférieure à 1",
    ),
    ("a ≢ b", "it", "a non è equivalente a b"),
    # the overlay after a letter is no struck relation: the name as before ("b", "the band": the letters were lost)
    ("Zoë and a\u0338b, the Ø\u0338 band", "en", "Zoë and a\u0338b, the Ø\u0338 band"),
    ("$x\u0338 + y$", "en", "x plus y"),
]


@readings(UNICODE_SIGNS)
def test_a_struck_sign_in_unicode_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `∃!` in prose is "there exists a unique", as `\exists!` is ("there exists factorial x", "there exists! x" were said)
UNIQUE = [
    ("∃!x ∈ A", "en", "there exists a unique x in A"),
    ("∃! x such that", "en", "there exists a unique x such that"),
    ("∃! x", "fr", "il existe un unique x"),
    ("∃!y", "de", "es gibt genau ein y"),
    ("Wow! x", "en", "Wow! x"),
]


@readings(UNIQUE)
def test_exists_and_an_exclamation_mark_in_unicode_is_there_exists_a_unique(
    line: str, language: str, said: str
) -> None:
    assert spoken_text(line, language) == said


#: Supersets, a proof's and a model's turnstiles and membership from the set's side, and their denials, in each
#: language's words (review f-spoken4: `\supset`, `\vdash`, `\models`, `\ni` were dropped, "A B"; `\not\to` was
#: "not to", `\not\iff` "not if and only if")
SUPERSETS = r"$A \supset B$, $A \supseteq B$, $\Gamma \vdash \phi$, $M \models \phi$, $A \ni x$"
DENIED = (
    r"$A \not\supset B$, $A \nsupseteq B$, $\Gamma \nvdash \phi$, $M \not\models \phi$, $A \not\ni x$, "
    r"$a_n \not\to b$, $p \not\iff q$"
)
SUPERSETS_AND_TURNSTILES = [
    (
        SUPERSETS,
        "en",
        "A superset of B, A superset of or equal to B, capital gamma proves phi, M models phi, A contains x",
    ),
    (
        DENIED,
        "en",
        "A not a superset of B, A not a superset of or equal to B, capital gamma does not prove phi, M does "
        "not model phi, A does not contain x, a sub n does not go to b, p is not equivalent to q",
    ),
    (
        SUPERSETS,
        "fr",
        "A contient B, A contient ou est égal à B, gamma majuscule prouve phi, M satisfait phi, A contient x",
    ),
    (
        DENIED,
        "fr",
        "A ne contient pas B, A ne contient ni n'est égal à B, gamma majuscule ne prouve pas phi, M ne "
        "satisfait pas phi, A ne contient pas x, a indice n ne tend pas vers b, p n'équivaut pas à q",
    ),
    (
        SUPERSETS,
        "de",
        "A Obermenge von B, A Obermenge oder gleich B, großes Gamma beweist phi, M erfüllt phi, A enthält x",
    ),
    (
        DENIED,
        "de",
        "A keine Obermenge von B, A keine Obermenge oder gleich B, großes Gamma liefert keinen Beweis für phi, M "
        "ist kein Modell von phi, A enthält kein Element x, a Index n strebt nicht gegen b, p ist nicht äquivalent "
        "zu q",
    ),
    (
        SUPERSETS,
        "es",
        "A superconjunto de B, A superconjunto o igual a B, gamma mayúscula demuestra fi, M satisface fi, A contiene x",
    ),
    (
        DENIED,
        "es",
        "A no es superconjunto de B, A no es superconjunto o igual a B, gamma mayúscula no demuestra fi, M no "
        "satisface fi, A no contiene x, a sub n no tiende a b, p no equivale a q",
    ),
    (
        SUPERSETS,
        "it",
        "A sovrainsieme di B, A sovrainsieme o uguale a B, gamma maiuscola dimostra fi, M soddisfa fi, A contiene x",
    ),
    (
        DENIED,
        "it",
        "A non è sovrainsieme di B, A non è sovrainsieme o uguale a B, gamma maiuscola non dimostra fi, M non "
        "soddisfa fi, A non contiene x, a pedice n non tende a b, p non equivale a q",
    ),
    (
        SUPERSETS,
        "pt",
        "A superconjunto de B, A superconjunto ou igual a B, gama maiúsculo demonstra fi, M satisfaz fi, A contém x",
    ),
    (
        DENIED,
        "pt",
        "A não é superconjunto de B, A não é superconjunto ou igual a B, gama maiúsculo não demonstra fi, M "
        "não satisfaz fi, A não contém x, a índice n não tende a b, p não equivale a q",
    ),
    (
        SUPERSETS,
        "nl",
        "A bovenverzameling van B, A bovenverzameling van of gelijk aan B, grote gamma bewijst phi, M voldoet "
        "aan phi, A bevat x",
    ),
    (
        DENIED,
        "nl",
        "A geen bovenverzameling van B, A geen bovenverzameling van of gelijk aan B, grote gamma levert geen bewijs "
        "voor phi, M voldoet niet aan phi, A bevat geen element x, a index n gaat niet naar b, p is niet equivalent "
        "met q",
    ),
    (
        SUPERSETS,
        "sv",
        "A övermängd till B, A övermängd till eller lika med B, stora gamma bevisar fi, M uppfyller fi, A innehåller x",
    ),
    (
        DENIED,
        "sv",
        "A är inte övermängd till B, A är inte övermängd till eller lika med B, stora gamma bevisar inte fi, "
        "M uppfyller inte fi, A innehåller inte x, a index n går inte mot b, p är inte ekvivalent med q",
    ),
    # ... and `X ≁ N(0,1)` in prose does not follow the distribution, as `X ∼ N(0,1)` follows it ("is not similar
    # to" was said)
    (
        "X ≁ N(0,1), Y ∼ N(0,1), a ≁ b",
        "en",
        "X does not follow N zero, one, Y follows N zero, one, a is not similar to b",
    ),
    ("X ≁ N(0,1)", "de", "X folgt nicht N null, eins"),
    # ... and so are the AMS signs of a struck arrow and a struck equivalence ("a b", "p q" were said)
    (r"$a_n \nrightarrow b$, $p \nLeftrightarrow q$", "en", "a sub n does not go to b, p is not equivalent to q"),
    (r"$p \nLeftrightarrow q$", "fr", "p n'équivaut pas à q"),
]


@readings(SUPERSETS_AND_TURNSTILES)
def test_supersets_and_turnstiles_and_their_denials_are_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_table_denies_each_struck_relation_with_its_own_words(code: str) -> None:
    """A struck sign without words would be dropped, and one read as its relation would say the opposite."""
    symbols = language_rules(code).symbols
    for sign in STRUCK:
        relation = unicodedata.normalize("NFD", sign)[0]
        assert symbols.get(sign, "").strip(), sign
        assert symbols[sign] != symbols.get(relation), sign  # `∣` (divides) has no words: `\mid` is "given"


#: Lines of 5,000 characters of struck relations, each read in well under half a second
LONG_LINES = [
    "$" + (r"a \not= b, x \not\in A, p \not\mid n, \not\exists y, X \not\sim \mathcal{N}(0, 1) " * 80)[:4998] + "$",
    "$" + r"\not" * 1249 + "=$",
    "$" + r"\not " * 900 + r"\sim N(0,1)$",
    "=\u0338" * 2500,
    "a" + "\u0338" * 4999,
    "∃!" * 2500,
    ("∃! x ∈ A, ∄y ≮ 0, a ≰ b ⊄ C ∤ e ≢ f " * 200)[:5000],
    "$" + (r"a \not\propto b \not\succ c \not\to " * 160)[:4998] + "$",
    ("a\u0338b Ø\u0338 " * 700)[:5000],
    "$" + (r"A \supset B, \Gamma \nvdash \phi, M \not\models \phi, a \not\to b, A \ni x " * 80)[:4998] + "$",
    ("X ≁ N(0,1), A ⊅ B ∌ x " * 250)[:5000],
]


@pytest.mark.parametrize(
    "line",
    LONG_LINES,
    ids=[
        "formulas",
        "nots",
        "nots before a distribution",
        "overlays",
        "a letter's overlays",
        "uniques",
        "prose",
        "relations' words",
        "names",
        "supersets and turnstiles",
        "not following in prose",
    ],
)
def test_a_long_line_of_struck_relations_is_read_in_linear_time(line: str) -> None:
    assert reading_seconds(line, "fr") < 0.5, "the line is read again for each sign"
