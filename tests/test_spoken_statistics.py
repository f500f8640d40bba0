"""Formulas of a statistics blog written by a language model, in English, French and German (bug bash: three
conversations on hypothesis testing, Bayes and regression, read line by line)."""

from __future__ import annotations

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import reading_seconds, readings

#: A number written without its leading zero, as APA style writes p-values (`$p = .02$` was "p equals two": its
#: point was lost); a point after a name, a number or a bracket, or one of an ellipsis, is no such number.
LEADING_POINTS = [
    (r"$p = .02$ and $r = -.35$", "en", "p equals zero point zero two and r equals minus zero point three five"),
    ("$p < .001$", "fr", "p est inférieur à zéro virgule zéro zéro un"),
    ("$p = .049$", "de", "p gleich null Komma null vier neun"),
    (r"$[.5, 1]$ and $x_1, ..., x_n$", "en", "zero point five, one and x sub one,, x sub n"),
    ("$1..10$, $a.5$, $f(x).5$", "en", "one ten, a five, f of x five"),
    ("$p = 0.05$", "en", "p equals zero point zero five"),
]


@readings(LEADING_POINTS)
def test_a_number_without_its_leading_zero_keeps_its_point(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A convergence arrow with its mode over it (`\xrightarrow{d}` was dropped: "times d N zero", "X sub n p mu");
#: another label, or a sign that is no arrow under `\overset`, is read as before.
CONVERGENCE = [
    (
        r"$\sqrt{n}(\hat\theta - \theta) \xrightarrow{d} \mathcal{N}(0, 1)$",
        "en",
        "the square root of n times the quantity theta hat minus theta converges in distribution to N of zero, one",
    ),
    (r"$X_n \xrightarrow{p} \mu$", "fr", "X indice n converge en probabilité vers mu"),
    (r"$X_n \xrightarrow{\text{a.s.}} X$", "de", "X Index n konvergiert fast sicher gegen X"),
    (r"$X_n \overset{d}{\to} Z$", "fr", "X indice n converge en loi vers Z"),
    (r"$X_n \stackrel{P}{\longrightarrow} c$", "en", "X sub n converges in probability to c"),
    (r"$X_n \xrightarrow[n\to\infty]{\mathcal{D}} Z$", "de", "X Index n konvergiert in Verteilung gegen Z"),
    (r"$X_n \xrightarrow{p} \mu$", "es", "X sub n hacia mu"),  # no words for the mode: the arrow's
    (r"$f \xrightarrow{g} h$", "en", "f g h"),
    (r"$a \overset{\text{def}}{=} b$, $\overset{\sim}{X} + 1$", "en", "a def equals b, is similar to X plus one"),
]


@readings(CONVERGENCE)
def test_a_convergence_arrow_says_its_mode(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A map's arrow whose name could be a mode (`d`, the exterior derivative; `p`, a projection) after what is no
#: sequence: as before the convergence arrows ("converges in distribution to" was said of the de Rham complex), and
#: a sequence, an estimator or a scaled one (`S_n/n`, `\hat\beta`, `\sqrt{n}(…)`) converges.
MAP_ARROWS = [
    (
        r"$\Omega^0 \xrightarrow{d} \Omega^1$",
        "en",
        "capital omega to the zeroth power d capital omega to the first power",
    ),
    (r"$E \xrightarrow{p} B$", "es", "E p B"),
    (r"$0 \to A \xrightarrow{p} B \xrightarrow{q} C \to 0$", "en", "zero to A p B q C to zero"),
    (r"$X_n, Y \xrightarrow{d} Z$ et $\overset{p}{\to}$", "fr", "X indice n, Y d Z et p vers"),
    (r"$\frac{S_n}{n} \xrightarrow{p} \mu$", "en", "S sub n over n converges in probability to mu"),
    (r"$\hat\beta \xrightarrow{p} \beta$", "de", "beta Dach konvergiert stochastisch gegen beta"),
    (r"$Y \xrightarrow{\text{a.s.}} 0$", "en", "Y converges almost surely to zero"),
]


@readings(MAP_ARROWS)
def test_a_map_s_arrow_is_no_convergence(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A comparison bounding the name a quantifier names, which has no verb of its own (`\forall \epsilon > 0` was "for
#: all epsilon is greater than zero", French "pour tout epsilon est supérieur à zéro"); a comparison after a comma or
#: a colon is a clause of its own and keeps its verb.
QUANTIFIED = [
    (
        r"$\forall \epsilon > 0\ \exists \delta > 0$",
        "en",
        "for all epsilon greater than zero there exists delta greater than zero",
    ),
    (r"$\forall n \ge N$", "fr", "pour tout n supérieur ou égal à N"),
    (r"$\forall x_i \le 1$", "en", "for all x sub i less than or equal to one"),
    (r"$\forall x, x > 0$", "en", "for all x, x is greater than zero"),
    (r"$\forall x \in A$, $x > 0$", "fr", "pour tout x appartient à A, x est supérieur à zéro"),
    ("∀ε > 0 ∃δ > 0.", "en", "for all epsilon greater than 0 there exists delta greater than 0."),
    ("∀ ε > 0, ∃ δ > 0.", "fr", "pour tout epsilon supérieur à 0, il existe delta supérieur à 0."),
    ("∀x: x > 0", "en", "for all x: x is greater than 0"),
    ("A > B", "en", "A is greater than B"),
]


@readings(QUANTIFIED)
def test_a_quantified_name_s_comparison_has_no_verb(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A comparison inside a probability is its event, no clause: `P(X \le x)` was "P of X is less than or equal to
#: x", which says P of X is; one after the probability, or inside another function, keeps its verb.
EVENTS = [
    (r"$P(X \le x)$ is the CDF.", "en", "P of X less than or equal to x is the CDF."),
    (r"$P(T \ge t \mid H_0)$", "fr", "P de T supérieur ou égal à t sachant H indice zéro"),
    (
        r"$\Pr(X > 5)$ and $\Pr[X > 5]$",
        "en",
        "the probability of X greater than five and the probability of X greater than five",
    ),
    ("$P(|X| > t)$", "fr", "P de la valeur absolue de X supérieure à t"),
    (r"$P(X \le x)$", "de", "P von X kleiner oder gleich x"),
    ("$P(A) > 0.5$", "en", "P of A is greater than zero point five"),
    (
        r"$f(x > 0)$, $P(X > \sqrt{y > 1})$",
        "en",
        "f of x is greater than zero, P of X greater than the square root of y is greater than one",
    ),
]


@readings(EVENTS)
def test_a_comparison_inside_a_probability_is_its_event(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Indices a comma parts are each a number (`F_{2,27}`, an F test's degrees of freedom, was "F sub two, two
#: seven"); an index without a comma is still said digit by digit, as a matrix's entry is (`a_{12}`).
LISTED_INDICES = [
    ("$F_{2, 27} = 4.1$", "en", "F sub two, twenty-seven equals four point one"),
    ("$F_{2,27}$", "de", "F Index zwei, siebenundzwanzig"),
    ("$a_{10,20}$ et $a_{1,2}$", "fr", "a indice dix, vingt et a indice un, deux"),
    ("$a_{12}$ and $x_{i,j}$", "en", "a sub one two and x sub i, j"),
    # a part with a leading zero is digits (it was "x sub one, two", "a sub one, zero")
    ("$x_{01,02}$ and $a_{1,000}$", "en", "x sub zero one, zero two and a sub one, zero zero zero"),
]


@readings(LISTED_INDICES)
def test_indices_parted_by_a_comma_are_each_a_number(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A sum in parentheses after a minus says where it starts, whose signs the minus turns (`a - (b - c)` was "a minus b
#: minus c"; French adjusted R², `1 - (1-R^2)\frac{…}{…}`, "un moins un moins R au carré, fois …"); a lone term in
#: parentheses, a sum after a plus and a table whose spoken form of a group is not known stay as they were.
SUBTRACTED_SUMS = [
    ("$a - (b - c)$", "en", "a minus the quantity b minus c"),
    (
        r"$1 - (1-R^2)\frac{n-1}{n-p-1}$",
        "fr",
        "un moins la quantité un moins R au carré, fois n moins un sur n moins p moins un",
    ),
    ("$f(x) - (x + 1)$", "de", "f von x minus Klammer auf x plus eins Klammer zu"),
    ("$-(a+b)$", "fr", "moins la quantité a plus b"),
    ("$a - (-1)$, $a - (b)$, $a + (b - c)$", "en", "a minus minus one, a minus b, a plus b minus c"),
    ("$(a+b)^2$ et $n(n+1)$", "fr", "a plus b, le tout au carré et n fois n plus un"),
    ("$a - (b - c)$", "es", "a menos b menos c"),
]


@readings(SUBTRACTED_SUMS)
def test_a_subtracted_sum_says_where_it_starts(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `\exists!` is "there exists a unique" ("there exists factorial" was said), in every table with a word for `∃`
UNIQUE_EXISTENCE = [
    (r"$\exists! x$ and $\exists!$", "en", "there exists a unique x and there exists a unique"),
    (r"$\exists! \, x > 0$", "en", "there exists a unique x greater than zero"),
    (r"$\exists! x$", "fr", "il existe un unique x"),
    (r"$\exists! x$", "de", "es gibt genau ein x"),
    (r"$\exists! x$", "es", "existe un único x"),
    (r"$\exists x$ and $n!$", "en", "there exists x and n factorial"),
]


@readings(UNIQUE_EXISTENCE)
def test_unique_existence_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A calligraphic capital, an upright name and an inverse before brackets are applied to them, as `f(x)` is ("N mu,
#: sigma squared", "capital phi inverse zero point nine seven five", "B i n n, p" were said); a matrix's inverse
#: multiplies, an upright `d` is a differential's, an empty pair of brackets no argument
FUNCTION_CALLS = [
    (r"$\mathcal{N}(\mu, \sigma^2)$", "en", "N of mu, sigma squared"),
    (
        r"$\Phi^{-1}(0.975)$ and $F^{-1}(p)$",
        "en",
        "capital phi inverse of zero point nine seven five and F inverse of p",
    ),
    # `Bin` said in full (eSpeak NG read the word "bin": review f-spoken5)
    (r"$\text{Bin}(n, p)$, $\mathrm{Bin}(n,p)$", "en", "binomial of n, p, binomial of n, p"),
    # a distribution's abbreviated name in full (review f-spoken4: eSpeak NG read `Pois` "pwar", `Unif` "yoonif"),
    # in a formula and in prose; Poisson's name in every language, German's "Geom" as before
    (r"$X \sim \operatorname{Pois}(\lambda)$", "en", "X follows Poisson of lambda"),
    (
        r"$X \sim \text{Pois}(\lambda)$, $\mathrm{Geom}(p)$, $\text{Unif}(a,b)$, $Pois(3)$",
        "en",
        "X follows Poisson of lambda, geometric of p, uniform of a, b, Poisson of three",
    ),
    (
        "Y ~ Unif(0, 1), Z ~ Pois(λ) and W ~ Geom(p); `Pois(x)`",
        "en",
        "Y follows uniform of 0, 1, Z follows Poisson of lambda and W follows geometric of p; Pois(x)",
    ),
    # a distribution called in prose after `~`, `≁` or the words for them is read as its LaTeX is ("binomial of n,
    # p"), its parentheses not silent ("X follows Bin(n, p)" said "Bin n, p"; f-small2); not a name before a bracket
    # elsewhere
    (
        "X ~ Bin(n, p), U follows Unif(0, 1), Y ≁ Unif(0, 1), V ~ Beta(α, β) and N ~ N(0, 1)",
        "en",
        "X follows binomial of n, p, U follows uniform of 0, 1, Y does not follow uniform of 0, 1, V follows Beta of "
        "alpha, beta and N follows N zero, one",
    ),
    ("Y ≁ Unif(0, 1).", "en", "Y does not follow uniform of 0, 1."),
    ("the Bin(n, p) model follows Smith (2020)", "en", "the Bin(n, p) model follows Smith (2020)"),
    # ... after the words only when their subject is a variable's letter (r-small2: "the chapter that follows Part of
    # 1" was said)
    (
        "The chapter that follows Part(1), she follows Apple(Inc), X₁ follows Geom(p), X_i follows Bin(n, p)",
        "en",
        "The chapter that follows Part(1), she follows Apple(Inc), X sub one follows geometric of p, X sub i follows"
        " binomial of n, p",
    ),
    ("$X$ follows Bin(n, p).", "en", "X follows binomial of n, p."),  # a formula's variable
    # ... in prose only: a formula's call is the formula's ("F o o o f x" was said with prose's "of" in it)
    ("$f~Foo(x)$", "en", "f follows F o o x"),
    ("X ~ Bin(n, p) et U ~ Unif(0, 1)", "fr", "X suit Bin de n, p et U suit uniforme de 0, 1"),
    (r"$X \sim \text{Pois}(\lambda)$, $\text{Unif}(a,b)$", "fr", "X suit Poisson de lambda, uniforme de a, b"),
    (r"$X \sim \text{Pois}(\lambda)$, $\mathrm{Geom}(p)$", "de", "X folgt Poisson von lambda, Geom von p"),
    # a named function written capitalised in `\mathrm` is the function, as in `\operatorname` ("E x p lambda" was said)
    (
        r"$X \sim \mathrm{Exp}(\lambda)$, $\mathrm{Tr}(A)$, $\mathrm{Var}(X)$, $\mathrm{Bin}(n,p)$",
        "en",
        "X follows the exponential of lambda, the trace of A, the variance of X, binomial of n, p",
    ),
    (r"$\mathcal{N}(\mu, \sigma^2)$", "fr", "N de mu, sigma au carré"),
    (r"$\Phi^{-1}(0.975)$", "de", "großes Phi invers von null Komma neun sieben fünf"),
    (
        r"$A^{-1}(b + c)$, $\mathrm{d}x$, $\mathrm{Var}(X)$",
        "en",
        "A inverse times the quantity b plus c, d x, the variance of X",
    ),
    (r"$\mathrm{Bin}$ and $\mathcal{L}(\theta)$", "en", "B i n and L of theta"),
    # ... not a matrix's, a scale's or a step's inverse, which multiplies (review: "sigma inverse of x minus mu")
    (
        r"$\Sigma^{-1}(x-\mu)$, $\sigma^{-1}(x - \mu)$, $h^{-1}(u_1 - u_0)$",
        "en",
        "capital sigma inverse times the quantity x minus mu, sigma inverse times the quantity x minus mu, h inverse "
        "times the quantity u sub one minus u sub zero",
    ),
    # an upright `Re` or `Im` before brackets is a complex number's part, as `\Re(z)` is ("Re of z", "Im of z"); the
    # Reynolds number, `\mathrm{Re} = 2000`, as before
    (
        r"$\mathrm{Re}(z)$, $\operatorname{Im}(z)$, $\mathrm{Re} = 2000$",
        "en",
        "the real part of z, the imaginary part of z, R e equals two thousand",
    ),
    (r"$\mathrm{Re}(z)$", "de", "der Realteil von z"),
    # ... other names of two letters are an element's or a unit's (review: "Fe of I I I", "Hz of one plus x")
    (
        r"$\mathrm{Fe}(\mathrm{III})$, $5\,\mathrm{Hz}(1 + x)$",
        "en",
        "F e I I I, five H z times the quantity one plus x",
    ),
]


@readings(FUNCTION_CALLS)
def test_a_styled_name_or_an_inverse_before_brackets_is_applied(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: The independence sign, drawn with two `\perp` (`\perp\!\!\!\perp`) or named `\indep`: "is independent of" ("is
#: perpendicular to is perpendicular to" was said, `\indep` dropped); one `\perp` stays perpendicular
INDEPENDENCE = [
    (r"$X \perp\!\!\!\perp Y$, $X \indep Y$", "en", "X is independent of Y, X is independent of Y"),
    (r"$\perp\!\!\!\perp$ and $X \perp Y$", "en", "is independent of and X is perpendicular to Y"),
    (r"$X \perp\!\!\!\perp Y \mid Z$", "fr", "X est indépendant de Y sachant Z"),
    (r"$X \indep Y$", "de", "X ist unabhängig von Y"),
    # ... struck through, dependence (review: "X is independent of Y" said the opposite)
    (r"$X \not\perp\!\!\!\perp Y$, $X \not\indep Y$", "en", "X is not independent of Y, X is not independent of Y"),
    (r"$X \not\perp\!\!\!\perp Y$", "fr", "X n'est pas indépendant de Y"),
    (r"$X \not\indep Y$", "sv", "X är inte oberoende av Y"),
    # ... drawn with a negative kern between the two (review: "is perpendicular to minus ten m u is perpendicular to")
    (
        r"$X \mathrel{\perp\mkern-10mu\perp} Y$, $X \not\mathrel{\perp\mkern-10mu\perp} Z$, $X \perp\kern-5pt\perp Y$",
        "en",
        "X is independent of Y, X is not independent of Z, X is independent of Y",
    ),
    (r"$a \perp\kern 5pt\perp b$", "en", "a is perpendicular to five p t is perpendicular to b"),
]


@readings(INDEPENDENCE)
def test_the_independence_sign_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A one in blackboard or bold type before an event or a set is an indicator ("one the set X is greater than zero",
#: "one sub A" were said), in every table; before a lowercase index or a transpose it is the vector of ones, as before
INDICATORS = [
    (
        r"$\mathbb{1}\{X > 0\}$ and $\mathbf{1}_{A}$",
        "en",
        "the indicator of X greater than zero and the indicator of A",
    ),
    (
        r"$\mathbb{1}(X \in A)$, $E[\mathbb{1}_{A}]$",
        "en",
        "the indicator of X in A, the expected value of the indicator of A",
    ),
    (r"$\mathbb{1}\{X > 0\}$", "fr", "l'indicatrice de X supérieur à zéro"),
    (r"$\mathbf{1}_{A}$", "de", "die Indikatorfunktion von A"),
    (r"$\mathbb{1}_{\{X > 0\}}$", "en", "the indicator of X greater than zero"),
    (r"$\mathbf{1}_n$ and $\mathbf{1}^T x$", "en", "one sub n and one transpose x"),
    (r"$\mathbf{1}_{A}$", "es", "la función indicadora de A"),
    # ... nor before a capital that counts (the vector of N ones), nor among operators on a tensor product, where
    # it is the identity (review: "the indicator of N", "the indicator of A tensor U sub B")
    (
        r"$\mathbf{1}_N$, $\mathbb{1}_K$ and $\mathbb{1}_A \otimes U_B$",
        "en",
        "one sub N, one sub K and one sub A tensor U sub B",
    ),
]


@readings(INDICATORS)
def test_an_indicator_is_said(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Lines of 5,000 characters of the notation above, each read in well under half a second
LONG_STATISTICS_LINES = [
    "$"
    + (r"\exists! x \mathcal{N}(\mu, \sigma^2) \Phi^{-1}(0.975) \text{Bin}(n, p) \mathbb{1}\{X > 0\} " * 60)[:4998]
    + "$",
    (r"$X \perp\!\!\!\perp Y$ $\mathbf{1}_{A}$ $\mathrm{Bin}(n,p)$ $\exists!$ " * 100)[:5000],
    "$" + (r"\perp\!\!\!" * 500)[:4998] + "$",
    "$" + r"\mathbb{1}\{" * 400 + "X > 0" + r"\}" * 400 + "$",
    (r"$X \not\perp\!\!\!\perp Y$ $\mathbb{1}_A \otimes U$ $\mathrm{Re}(z)$ $\mathbf{1}_N$ " * 100)[:5000],
    "$" + r"\not" + r"\!" * 2495 + "$",
    "$" + r"\perp\mkern-1." + "1" * 4984 + "$",
    ("X ~ Pois(λ), Y ~ Unif(0, 1), $\\text{Geom}(p)$ Pois(Geom(Unif(" * 100)[:5000],
    ("X follows Bin(n, p), Y ≁ Beta(a, follows Unif(" * 100)[:5000],
]


@pytest.mark.parametrize(
    "line",
    LONG_STATISTICS_LINES,
    ids=[
        "one formula",
        "many",
        "signs",
        "nested indicators",
        "dependence and identities",
        "a struck sign's spaces",
        "a kern's digits",
        "distributions' names",
        "distributions followed in prose",
    ],
)
def test_a_long_line_of_statistics_notation_is_read_in_linear_time(line: str) -> None:
    assert reading_seconds(line, "fr") < 0.5, "the notation is read again for each sign"
