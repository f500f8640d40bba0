"""The shape of a spelling table (`Language`), what every language shares, and the English and French tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "µ": "mu",
    "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau",
    "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "capital gamma", "Δ": "capital delta", "Θ": "capital theta", "Λ": "capital lambda", "Ξ": "capital xi",
    "Π": "capital pi", "Σ": "capital sigma", "Φ": "capital phi", "Ψ": "capital psi", "Ω": "capital omega",
}

#: LaTeX macro → the character it stands for; the reading then comes from the language's symbol table.
LATEX_SYMBOLS = {
    **{name: char for char, name in GREEK.items() if " " not in name},
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "varepsilon": "ε", "vartheta": "θ", "varphi": "φ", "sigma": "σ",
    "varsigma": "ς", "varpi": "π",
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "neq": "≠", "ne": "≠", "approx": "≈",
    "simeq": "≃", "sim": "∼", "cong": "≅", "equiv": "≡", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "ll": "≪",
    # `\leftarrow`, `\gets`: an assignment in an algorithm ("theta gets…"); a Unicode ← in prose is an arrow
    "gg": "≫", "to": "→", "rightarrow": "→", "longrightarrow": "→", "mapsto": "↦", "leftarrow": "⟵", "gets": "⟵",
    "Rightarrow": "⇒", "implies": "⇒", "Leftarrow": "⇐", "iff": "⇔", "Leftrightarrow": "⇔", "infty": "∞",
    "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "partial": "∂", "nabla": "∇", "in": "∈", "notin": "∉",
    "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "emptyset": "∅", "varnothing": "∅", "forall": "∀",
    # relations struck through, as `\not` before the relation makes them (see `latex._struck`): they were dropped
    "nmid": "∤", "nexists": "∄", "nless": "≮", "ngtr": "≯", "nleq": "≰", "ngeq": "≱", "nleqslant": "≰",
    "ngeqslant": "≱", "nsubseteq": "⊈", "nsim": "≁", "ncong": "≇", "nparallel": "∦", "nRightarrow": "⇏",
    "nsupseteq": "⊉", "nvdash": "⊬", "nvDash": "⊭", "nrightarrow": "↛", "nLeftrightarrow": "⇎",
    # supersets, a proof's and a model's turnstiles, membership from the set's side (they were dropped)
    "supset": "⊃", "supseteq": "⊇", "vdash": "⊢", "models": "⊨", "vDash": "⊨", "ni": "∋", "owns": "∋",
    "indep": "⫫", "independent": "⫫",  # `X \indep Y`, as `X \perp\!\!\!\perp Y` is (see `latex.parse_latex`)
    "exists": "∃", "neg": "¬", "lnot": "¬", "land": "∧", "wedge": "∧", "lor": "∨", "vee": "∨", "oplus": "⊕",
    "otimes": "⊗", "circ": "∘", "propto": "∝", "perp": "⊥", "parallel": "∥", "angle": "∠", "degree": "°",
    "ldots": "…", "cdots": "…", "dots": "…", "top": "ᵀ", "intercal": "ᵀ", "dagger": "†", "ell": "ℓ",
    "hbar": "ℏ", "prime": "′", "lt": "<", "gt": ">", "Re": "ℜ", "Im": "ℑ", "star": "⋆", "ast": "*",
    "%": "%", "$": "$", "&": "&", "#": "#", "{": "(", "}": ")", "langle": "⟨", "rangle": "⟩",
    "odot": "⊙", "setminus": "∖", "smallsetminus": "∖", "succeq": "⪰", "preceq": "⪯", "succ": "≻", "prec": "≺",
}

#: A distribution's abbreviated name before its parameters (`\text{Pois}(\lambda)`, `X ~ Unif(0, 1)`), said in
#: full: eSpeak NG read `Pois` "pwar", `Unif` "yoonif" and `Bin` as the word "bin"; Poisson's name in every language,
#: and the adjectives where a language says the distribution by one ("geometric of p", English's "binomial of n, p"),
#: not German, Dutch or Swedish ("geometrisch von p")
DISTRIBUTIONS: dict[str, dict[str, str]] = {
    "en": {"Geom": "geometric", "Unif": "uniform", "Bin": "binomial"},
    "fr": {"Geom": "géométrique", "Unif": "uniforme"},
    "es": {"Geom": "geométrica", "Unif": "uniforme"},
    "it": {"Geom": "geometrica", "Unif": "uniforme"},
    "pt": {"Geom": "geométrica", "Unif": "uniforme"},
}


def distribution_name(name: str, code: str) -> str:
    """`Pois` → "Poisson", `Unif` → "uniform" in English; another name as written."""
    return "Poisson" if name == "Pois" else DISTRIBUTIONS.get(code, {}).get(name, name)


#: Named functions and operators written as words in formulas (`\sin`, `det`, `proj`).
FUNCTION_NAMES = (
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "log", "ln",
    "lg", "exp", "det", "tr", "trace", "rank", "dim", "ker", "span", "proj", "max", "min", "sup", "inf", "lim",
    "arg", "gcd", "lcm", "mod", "deg", "sgn", "var", "cov", "diag", "Pr", "E",
)


class Clock(NamedTuple):
    """A time of day written `9:05` where a word makes it one, and its words: eSpeak said "nine zero zero", "neun Uhr
    null null", "nueve cero cero" for `9:00`. The word lists are regex alternations."""

    #: Words before a time that make it one (`at 9:00`, `um 9:00`, `à 9:00`, `a las 9:00`).
    cues: str
    #: A range's first words (`from 9:00 to 17:00`, `de 9:00 à 17:00`): a time only when a second one follows.
    starts: str
    #: A range's joiners besides a dash (`to`, `and`); a dash is said `word_to`.
    joiners: str
    #: Hours and minutes ("{h} Uhr {m}"), and a whole hour ("{h} Uhr").
    minutes: str
    whole: str
    #: Minutes below ten, where they are said otherwise ("{h} oh {m}"); a whole hour of the 24-hour clock, 0 or
    #: after 12, where it is said otherwise ("{h} hundred").
    early: str = ""
    whole_24: str = ""
    #: The language's word after a time (`9:00 Uhr`, `9.30 uur`, `14:30 h`): it makes one without a cue, and
    #: `minutes` and `whole` say it.
    after: str = ""
    #: Cues after which a point parts hours and minutes (`um 9.30`, `alle 14.30`); elsewhere it is a decimal point.
    dotted_cues: str = ""
    #: `9:00 am`, `9:05 p.m.`: the 12-hour clock's mark makes a time without a cue, and stays ("9 am").
    meridiem: bool = False
    #: `15h45`, `15 h 45` is a time too (French, Portuguese), said with `minutes` and `whole`; elsewhere `2h30` is a
    #: duration.
    h_times: bool = False
    #: The words for `after` where `minutes` and `whole` do not say them (Spanish `2:00 h`: "2 horas").
    after_words: str = ""
    #: `0:00`, where the language says it as a word ("midnight").
    midnight: str = ""
    #: A cue before one o'clock, elided or singular (`alle 1:00` "all'una", `das 1:00` "da uma hora").
    before_one: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class Language:
    """How one language reads what is written: every phrase the rules produce comes from here."""

    code: str
    symbols: dict[str, str]
    functions: dict[str, str]  # name → phrase with `{}` for the argument ("the determinant of {}")
    plain_functions: dict[str, str]  # name → how the bare name is said ("det" → "det", "sin" → "sine")
    abbreviations: dict[str, str]
    units: dict[str, str]
    squared: str
    cubed: str
    inverse: str
    transpose: str
    power_ordinal: str  # "to the {} power"
    power: str  # "to the power {}"
    power_letter: str  # "to the {}" (x to the n)
    sub: str  # "{} sub {}"
    over: str
    frac_simple: dict[tuple[int, int], str]
    sqrt: str
    cbrt: str
    root: str  # "the {} root of {}"
    norm: str
    abs: str
    of: str  # "{} of {}": f(x)
    projection: str  # "the projection of {v} onto {u}"
    log_base: str  # "log base {} of {}"
    word_or: str
    word_and: str  # "2 and three quarters"
    #: `X \sim \mathcal{N}(0, 1)`, `X ~ Bernoulli(p)`: what a variable does to its distribution
    follows: str
    #: ... and what it does not (`X \not\sim \mathcal{N}(0, 1)`; "X follows" said the opposite)
    follows_not: str
    word_to: str  # ranges: 3 to 5
    by: str  # dimensions: a 2×2 matrix
    dot: str  # u·v
    about: str
    per: str
    minus: str
    times: str
    prime: str
    label: str  # list labels a) → "{}:"
    limits: str  # "{the sum} from {i = 1} to {n} of"
    limits_under: str  # "{the sum} over {i} of"
    accents: dict[str, str]  # vec, hat, bar, tilde, dot, ddot → "vector {}", "{} hat"
    binomial: str  # "{0} choose {1}" (`\binom{n}{k}`; French "{1} parmi {0}")
    limit: str  # "the limit as {} approaches {} of" (`\lim_{x \to 0}`)
    given: str  # the bar of a conditional probability, `P(A|B)`
    multipliers: dict[str, str]  # after an amount of money: k, M, bn, million → "thousand", "million"
    decimal_comma: bool = False
    #: The word for a decimal comma in prose where the voice says another: Swedish `2,5` is "2 komma 5" (eSpeak NG
    #: said "två punkt fem"); empty: left to the voice.
    decimal_word: str = ""
    greek: dict[str, str] = field(default_factory=lambda: dict(GREEK))
    #: Words after a slash that make it "per" (`5 dollars/month`), besides English and French ones.
    per_words: frozenset[str] = frozenset()
    #: Words on either side of a slash that make it a pair of words (`and/or`), besides English and French ones.
    conjunctions: frozenset[str] = frozenset()
    #: Short words never read as a product of names next to an operator, besides English and French ones.
    short_words: frozenset[str] = frozenset()
    #: A unit's word after "per" or after 1, where dropping a final "s" does not make it ("Sekunden" → "Sekunde").
    singular_units: dict[str, str] = field(default_factory=dict)
    #: "1 second", not "1 seconds" (a unit, a currency).
    singular_after_one: bool = False
    #: French: the singular up to 2 ("1,5 kilomètre", "0,5 seconde").
    singular_below_two: bool = False
    #: The word written for 1 before a noun it counts, where the voice reads the digit as a bare numeral
    #: (eSpeak says "uno hora", "un seconde", "eins Sekunde"): "un", "um", "ein"; empty keeps the digit (English).
    one: str = ""
    #: The same before a feminine noun: "une seconde", "una hora", "eine Sekunde".
    one_feminine: str = ""
    #: The feminine before a vowel, where the language elides it ("un'ora").
    one_feminine_elided: str = ""
    #: Nouns counted after a number that are feminine (singular units, currencies, amounts: "Stunde", "Million").
    feminine: frozenset[str] = frozenset()
    #: Nouns counted after a number that are neuter, where the voice reads the digit 1 right as it is: Swedish "1
    #: gram" is "ett gram", where `one` makes "en krona", "en sekund" (eSpeak NG said "ett krona").
    neuter: frozenset[str] = frozenset()
    #: German: the words for one after a preposition that takes the dative ("nach einer Sekunde", "mit einem
    #: Euro"), and those prepositions.
    one_dative: tuple[str, str] = ("", "")
    dative_words: frozenset[str] = frozenset()
    #: German: the word for one before a masculine noun in the accusative ("kostet einen Euro", "für einen
    #: Dollar"), after the prepositions and verbs that take it, and those masculine nouns.
    one_accusative: str = ""
    accusative_words: frozenset[str] = frozenset()
    masculine: frozenset[str] = frozenset()
    #: A sum in parentheses next to a factor: "the quantity {}" ("n times the quantity n plus one"); empty: the
    #: sum is read alone, as in languages whose spoken form of this the tables do not know yet.
    quantity: str = ""
    #: A sum in parentheses raised to a power: "the quantity {}, {}" ("the quantity a plus b, squared").
    quantity_power: str = ""
    #: ... after a term or a sign joining it to one (`1 - (1 - p)^n`), where a `quantity_power` that only marks its
    #: end would take that term in too ("un moins un moins p, le tout puissance n"): "un moins la quantité un moins
    #: p, le tout puissance n"; empty: `quantity_power`.
    quantity_power_joined: str = ""
    #: ... a sum in parentheses after a minus (`a - (b - c)`), where a `quantity` that says nothing would turn its
    #: signs ("a moins b moins c"): "a moins la quantité b moins c"; empty: `quantity`.
    quantity_subtracted: str = ""
    #: `\langle u, v \rangle`: "the inner product of {u} and {v}" (empty: read the two names alone).
    inner: str = ""
    #: `\{x \mid x > 0\}`: "the set of {x} such that {x > 0}"; `\{1, 2\}`: "the set {1, 2}".
    set_builder: str = ""
    set_list: str = ""
    #: `\lfloor x \rfloor`, `⌈x⌉`: "the floor of {}", "the ceiling of {}" (empty: the inside alone)
    floor: str = ""
    ceiling: str = ""
    #: `x \in [0,1]`: "the interval from {} to {}" (a closed interval after "in"; empty: the pair as written)
    interval: str = ""
    #: `∈` on the left of a set-builder, where the verb of `∈` would not fit: "appartenant à", "aus".
    set_member: str = ""
    #: Words after which a 1 keeps its digit: an article before it ("ein 1-kΩ-Widerstand", not "ein ein"); and after
    #: which a formula's reading drops its own article (`the Var[X] term`: "the variance of X term").
    articles: frozenset[str] = frozenset()
    #: Said before the first number of a range ("da 10 a 15" in Italian, where "10 a 15" sounds like a score).
    range_from: str = ""
    #: `$1k` is the word for a thousand alone ("mille dollars"), not "1 mille".
    bare_thousand: bool = False
    #: Abbreviations said only before a number: "No. 5" is "number 5", a reply "No." stays "No.".
    before_numbers: frozenset[str] = frozenset()
    #: Plural acronyms (`GPUs`, `APIs`), which eSpeak NG read as words: "spelled" letter by letter with the plural's
    #: `s` on the last one (German "G P Us"), "invariable" as the singular (French and Spanish `des GPU`); empty:
    #: as written (English eSpeak spells them).
    acronym_plural: str = ""
    #: Abbreviations in `before_numbers` that also end a sentence with a number's word (French `sept.`, seven):
    #: the month only before a year (`sept. 2023`, `le 3 sept. 2023`), not in "il en reste sept. 12 autres"; and
    #: months written without their full stop (Spanish `Feb 2019`), a month only before a year too.
    before_years: frozenset[str] = frozenset()
    #: Abbreviations left to the units after a number or a slash: German `min. 4 GPUs` is "mindestens", `5 min.`
    #: five minutes, `3000 U/min.` revolutions per minute.
    not_after_numbers: frozenset[str] = frozenset()
    #: Abbreviations said so only after a percentage (Portuguese `15% a.m.`, "ao mês"), which elsewhere are
    #: something else (`9 a.m.`, an English time) and stay.
    after_percent: frozenset[str] = frozenset()
    #: Abbreviations said so only after one of their words (in lower case): English `episode no. 42` is "number",
    #: where `the answer is no. 3 remain` is a reply.
    only_after: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Abbreviations said so only after a number (Dutch and Swedish `4 pers.`, "personen"), which elsewhere are a
    #: word and stay (Dutch `de pers.`, the press; Swedish `Pers.`, Per's).
    after_numbers: frozenset[str] = frozenset()
    #: Abbreviations said so only before a lower-case word or a number (Dutch `nl. zoet`, namely; `gem. 5 km`), which
    #: before a capital or at the line's end are something else and stay (`de taal nl. Daarna`, a language's code;
    #: `de gem. Utrecht`, a municipality).
    before_lowercase: frozenset[str] = frozenset()
    #: Abbreviations of a week said so only before a week's number, 1 to 53 (Dutch `wk 4`, Swedish `v. 12`): `het wk
    #: 2026` is a World Cup.
    before_week_numbers: frozenset[str] = frozenset()
    #: Abbreviations that are a word after one of these words (in lower case) and stay: Swedish `var ung.` is young.
    not_after: dict[str, frozenset[str]] = field(default_factory=dict)
    #: One-letter words a sentence goes on with in lower case (English "a", French "à"): a unit's full stop before
    #: another one-letter word (`5 min. x is ready`) or a word with a capital inside (`5 min. iOS needs`) ends one.
    one_letter_words: frozenset[str] = frozenset()
    #: Names of a quantity that a spaced minus and a number after them subtract from, in prose (`we print total - 1
    #: rows`: "total minus 1"; the hyphen was left, and the voice said nothing for it); elsewhere a spaced hyphen
    #: between a word and a number is a dash (`it was great - 10 out of 10`).
    quantity_names: frozenset[str] = frozenset()
    #: Abbreviations matched only as written, not capitalized (Italian `vs`: `Vs` is "Vostra").
    exact_case: frozenset[str] = frozenset()
    #: The amount's word after exactly 1 (`$1M`: "1 Million Dollar", not "1 Millionen").
    multipliers_one: dict[str, str] = field(default_factory=dict)
    #: Written pairs the table's phrases put side by side, and what the language says instead ("a el" → "al").
    contractions: tuple[tuple[str, str], ...] = ()
    #: ... and those a pattern finds, where the words between are many (Portuguese: an ordinal of any number before a
    #: feminine noun, "de a décima terceira derivada" → "da décima terceira derivada"): a pattern and its replacement
    contraction_patterns: tuple[tuple[re.Pattern[str], str], ...] = ()
    #: German: a phrase's nominative and how it is said in a preposition's case ("die Größe" → "der Größe" after
    #: "von"), by preposition. The first term in a phrase's slot meets the preposition and takes its case by
    #: `contractions`; the terms after a sign or a comma there take it from here (`O(|V| + |E|)`: "O von der Größe
    #: von V plus der Größe von E", not "plus die Größe").
    slot_cases: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: "root" and "power" are feminine and num2words gives masculine ordinals ("la raíz quinta", "alla quarta").
    feminine_ordinals: bool = False
    #: Powers said with ordinals ("to the fourth power", "x alla quarta") rather than cardinals ("hoch vier").
    ordinal_powers: bool = False
    #: Signs of more than one character before an amount, and the currency's words (`R$` → "reais").
    currency_signs: dict[str, str] = field(default_factory=dict)
    #: "per" and a unit's singular, where the language joins them otherwise ("ora" → "all'ora", not "per ora").
    per_phrases: dict[str, str] = field(default_factory=dict)
    #: Words before a range that already say where it starts ("tra 10-15", "da 10-15"): no `range_from` then.
    range_words: frozenset[str] = frozenset()
    #: Words after which a range's two ends are joined by `word_and` ("between 10 and 20", not "between 10 to 20").
    between_words: frozenset[str] = frozenset()
    #: Words after which a range is two round figures, joined by `word_or`: French `peut monter à 20–30 ms` is "à 20
    #: ou 30 millisecondes" ("à 20 à 30" was said; "de 20 à 30" or "entre 20 et 30" would change what rises).
    range_or_words: frozenset[str] = frozenset()
    #: ... only between neighbouring whole numbers: Italian `in 2–3 giorni` is "in 2 o 3 giorni", but `ogni 15–30
    #: minuti` "ogni da 15 a 30 minuti" ("ogni 15 o 30" named two choices), unless `range_phrases` has the word's
    #: "wide" range (`in 5–30 minuti`: "tra 5 e 30 minuti")
    range_or_neighbours: bool = False
    #: Prepositions before an article that keep the range after it as it was: `sotto il 20–25%` is "sotto il 20 a 25%",
    #: not "sotto tra il 20 e il 25%" (`range_phrases` say "tra il" after `il`)
    article_prepositions: frozenset[str] = frozenset()
    #: Words before a preposition that make the range after it a score: `ha perso per 1–3` is "per 1 a 3"
    range_score_words: frozenset[str] = frozenset()
    #: A range after the words that say how it is read, replacing them: keyed by the word before (or the two words
    #: before, "fino a") and what the range counts ("%" a percentage, "year" two years, "wide" numbers that are no
    #: neighbours, "" anything), `{}` its ends.
    #: Italian `il 20–25%` is "tra il 20 e il 25%" ("il 20 a 25%" was said), `punta a 6.000–12.000 €` "tra 6.000 e
    #: 12.000" ("a da 6.000 a 12.000"), `dal 2021–2023` "dal 2021 al 2023".
    range_phrases: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Articles before an amount with a unit that describes the noun after it, where the unit is singular and
    #: joined to the number (`a 2TB NVMe`: "a 2-terabyte NVMe", not "a 2 terabytes NVMe").
    unit_adjective_articles: frozenset[str] = frozenset()
    #: ... and, by that article, the word for `~` before such an amount (`a ~5 GB file`: "a roughly 5-gigabyte file",
    #: `an ~8 GB model`: "an approximately 8-gigabyte model"; "a about 5 gigabytes file" was said).
    about_describing: dict[str, str] = field(default_factory=dict)
    #: Determiners before an amount of money that describes the noun after it, where the currency is singular and
    #: joined to the number (`a $2,500 balance`: "a 2,500-dollar balance", not "a 2,500 dollars balance"); empty:
    #: the amount keeps its words (a language that puts it after the noun).
    money_adjective_determiners: frozenset[str] = frozenset()
    #: Nouns beside two lowercase words joined by a slash that make them a pair, not a choice: `a read/write ratio`
    #: is "a read-write ratio", `le ratio lecture/écriture` "lecture-écriture" ("read or write" was said).
    pair_nouns: frozenset[str] = frozenset()
    #: Words after which a comparison leaves out its own `verb` ("was less than 0.05", not "was is less than"): the
    #: sentence's verbs, and the adverbs and prepositions that come between a verb and a result ("now", "with").
    verbs: frozenset[str] = frozenset()
    #: Of `verbs`, those after which a comparison keeps its words ("is less than or equal to", "remains greater
    #: than"); after the others, a verb with an object or a preposition ("takes ≤ 0.2 ms", "with ≥ 80% recall"), it
    #: is a bound of the amount: `bounds`.
    copulas: frozenset[str] = frozenset()
    #: A comparison's sign as a bound of the amount after a verb that is no copula ("takes at most 0.2 ms", "coûte
    #: au moins 3 IOPS", "dauert weniger als 1 ms"; "takes less than or equal to", "fait est inférieur ou égal à"
    #: were said): sign → words; a sign without words here keeps the comparison's.
    bounds: dict[str, str] = field(default_factory=dict)
    #: Signs said as `bounds` after a copula too: German `ist ≥ 1 GB/s` is "ist mindestens ein Gigabyte" ("größer
    #: oder gleich ein Gigabyte" wanted the dative `gleich` takes).
    copula_bounds: frozenset[str] = frozenset()
    #: Prepositions before a name a comparison is about, which leave out its `verb` ("for z greater than 88", not
    #: "for z is greater than 88"; bug bash 165).
    naming_prepositions: frozenset[str] = frozenset()
    #: Quantifiers between such a preposition and its name ("for all x > 0": "for all x greater than 0").
    quantifiers: frozenset[str] = frozenset()
    #: Conjunctions before a name whose comparison is the clause's verb, and the verb a table's comparison words lack
    #: there (Spanish "si x es mayor que 1", not "si x mayor que 1"; bug bash 165); in lower case, they end the noun
    #: phrase a limit's name ends too (`Let the model run as ε → 0`: a clause of its own, "goes to").
    clause_conjunctions: frozenset[str] = frozenset()
    clause_verb: str = ""
    #: ... and the determiners of a noun phrase of prose after one of those conjunctions or a word joining clauses,
    #: whose comparison takes that verb too (Spanish `Si la pérdida < 0,1, paramos`: "si la pérdida es menor que
    #: 0,1", "la pérdida menor que" was said)
    subject_determiners: frozenset[str] = frozenset()
    clause_joining_words: frozenset[str] = frozenset()
    #: ... and the verbs such a clause may have of its own after the comparison's operand, which then leave out the
    #: clause verb (`que la pérdida < 0,1 indica convergencia`, not "es menor que 0,1 indica"); any other word there
    #: (`en validación`, `paramos` after `si`, `no paramos`) leaves the comparison the clause's verb.
    operand_verbs: frozenset[str] = frozenset()
    #: Code's signs where a code span leaves them (`~/.ssh`, `HEAD~1`, `SELECT *`, `origin/main`, `$1`, `1..10`):
    #: their names as developers say them (eSpeak dropped some, or said nothing for `/` in German and French).
    code_symbols: dict[str, str] = field(default_factory=dict)
    #: A time of day written `9:05` (see `Clock`); None: left to the voice.
    colon_clock: Clock | None = None
    #: `1° gennaio`: a degree sign before a word is an ordinal ("primo"), as Italian writes it
    degree_ordinals: bool = False
    #: ... and after these words (an article, a verb of a race), before a word that is no unit or before punctuation:
    #: `il 1° di ogni mese` is "il primo" ("il 1 gradi" was said), `È arrivato 2°.` "secondo"; True: feminine ("la
    #: 2° guerra", "seconda"). `un angolo di 90°`, `i 40° all'ombra` stay degrees.
    degree_ranks: dict[str, bool] = field(default_factory=dict)
    #: Words after a fraction (`1/6 of ours`, `3/8 di pollice`) that make it a part in words ("one sixth of", "tre
    #: ottavi di"; "1 over 6" was said), elided ones with their apostrophe (`d'`); elsewhere `1/6` stays a division.
    fraction_of: frozenset[str] = frozenset()
    #: An article (or a preposition joined to one) before `~` and a number, and what it and `about` are said as
    #: together: Spanish `cayó un ~34 %` is "aproximadamente un 34 %" ("un aproximadamente 34 %" was said), Italian
    #: `del ~34%` "di circa il 34%".
    about_articles: dict[str, str] = field(default_factory=dict)
    #: `#1`, `#42`: "number 1" (eSpeak said "hash one")
    number_sign: str = ""
    #: The verb a comparison's words start with ("is less than"), left out after a word of prose ("values
    #: greater than 1", not "values is greater than 1").
    verb: str = ""
    #: An article elided before a word (`d'O₂`, `dell'H₂O`): its apostrophe is no prime of a formula.
    elides: bool = False
    #: Thousands grouped by a plain space (`1 500 €`), as French writes them (elsewhere only before `0`, `5 000`).
    space_thousands: bool = False
    #: A space may part a currency sign from the amount after it (`€ 4,50`, as Dutch writes it; Italian and
    #: Portuguese often do): said as money, not "euro 4,50".
    spaced_signs: bool = False
    #: A price's cents after its whole amount and currency (`$3.99`, `4,50 €`): "3 dollars 99", "4 euros con 50"
    #: (eSpeak said "three point nine nine dollars").
    cents: str = "{amount} {cents}"
    #: An amount under one unit with two decimals (`$0.90`, `0,99 €`): the currency's words → its cents' plural ("90
    #: cents", "99 centesimi"; "0.90 dollars" was said, where `€1.80` is "1 euro 80"); a currency not here keeps
    #: its decimals.
    cent_words: dict[str, str] = field(default_factory=dict)
    #: Multipliers that mean something else with the euro sign (Spanish `m€`: thousands).
    euro_multipliers: dict[str, str] = field(default_factory=dict)
    #: A ratio's or a score's word (`3:1` is "3 to 1", `3:0` "3 à 0"); empty: left to the voice. And one in so many
    #: (`1:1000`: "1 sur 1000", "1 en 1000"), when not the same.
    ratio: str = ""
    ratio_one: str = ""
    #: Points after a number, as finance writes them (`25 bp`, `+0,3 pp`, `80 pb`): abbreviation → words (plural);
    #: `bps` is also a unit, bits per second, and reads as points only where a line speaks of money (see prose).
    points: dict[str, str] = field(default_factory=dict)
    #: Units of a dose said only where the line speaks of one (`1000 IU of vitamin D`; `Material 3 UI` is a user
    #: interface): abbreviation → words (plural).
    dose_units: dict[str, str] = field(default_factory=dict)
    #: A blood pressure's two numbers (`120/80 mmHg`): "120 over 80", "120 zu 80" (not a division).
    blood_pressure: str = ""
    #: Words that name a blood pressure (a regex alternation, matched ignoring case), after which a pair written
    #: without its unit is one too (`Blutdruck 140/90`: "140 durch 90" was said beside "120 zu 80 Millimeter …").
    blood_pressure_words: str = ""
    #: `10x faster`: the comparatives after which an `x` is said as a number of times (a regex alternation), and
    #: the word for it ("times", "fois", "mal"); empty: left alone (`4x + 4` is a product).
    times_more: tuple[str, str] = ("", "")
    #: `the 10× engineer`, `a 10x developer`: a factor between a determiner (these, a regex alternation) and a noun
    #: is an adjective, said by this template with the number in words ("ten-x"); empty: a factor as above.
    factor_adjective: tuple[str, str] = ("", "")
    #: A factor of 1 (`let it rise 1x`): its words where nothing follows it (before punctuation or the line's end)
    #: and elsewhere ("once", "1 vez"; "1 times", "1 veces" was said); empty: the number and the factor's word.
    factor_one: tuple[str, str] = ("", "")
    #: ... and what before a factor of 1 makes it a setting's name, said by `factor_adjective`'s template (`at 1x`,
    #: `Zoom: 1x`: "at one-x", "once" was said); a regex ending where the factor starts.
    factor_one_setting: str = ""
    #: A factor before a noun (`3x Replikation`, `3× Replikation`) as a compound's first part ("3-fach-Replikation",
    #: eSpeak: "dreifachReplikation"), where "3 mal Replikation" is no phrase; empty: the factor's word, as elsewhere.
    factor_compound: str = ""
    #: ... only before these nouns (a regex alternation of their stems): those a factor makes an amount of
    #: ("3-fach-Replikation", "4-fach-Zoom"); before another noun, a count of times (`3x Kaffee`: "3 mal Kaffee", not
    #: "3-fach-Kaffee": German writes every noun with a capital)
    factor_compound_nouns: str = ""
    #: A share or more (`50%+ of reads`): "more than 50%", said before the number ("50% plus of" was said); empty:
    #: left alone.
    more_than: str = ""
    #: An IP address's dots and its port: "192 dot 168 dot 1 dot 10, port 8080" (eSpeak read `192.168.1.10` in
    #: French and German as thousands).
    address_words: tuple[str, str] = ("dot", "port")
    #: Hours written `9 h`, `9h-17h` (French, Portuguese, Spanish): the singular, the plural and the word joining
    #: a range ("heure", "heures", "à"); empty: left to the voice.
    hour_words: tuple[str, str, str] = ("", "", "")
    #: The words that may make `9 h` after them a time of day (German `um`, `bis`; Italian `alle`, `le`), and how one is
    #: said ("{} Uhr", "{}": "alle 9"): a range of two joined by one of them where the second is past noon (`9 h bis
    #: 18 h`); a lone hour after one stays as written (`um 2 h verlängert`, `le 24 h di`). Elsewhere `h` is hours.
    clock_hours: tuple[frozenset[str], str] = (frozenset(), "")
    #: Hours and counted amounts below two in the singular ("1,5 hora", "1,5 milhão"), where `singular_below_two`
    #: (every unit) is not the language's rule.
    counts_below_two: bool = False
    #: Days of the week as abbreviated (`Mon`, `Mo`) and in full, and the word joining a range (`Mon–Fri`: "Monday
    #: to Friday"); empty: left to the voice.
    weekdays: tuple[tuple[str, ...], tuple[str, ...], str] = ((), (), "")
    #: ... a lower-case table's days said in full where written with their full stop before a time or a date or
    #: listed with another day (`sam. 02:00`, `lun. et mer.`); off where one is a word ending a sentence before a
    #: time (Dutch `zo.`, Swedish `mån.`): only ranges (`ma-vr`) are said there.
    dotted_weekdays: bool = False
    #: ... those of them a word before makes a noun, alone before a time or a date, and the words: the sea, in
    #: French after a feminine determiner (`la mer. 14:00`: days are masculine), in Spanish after `al`, `del`
    #: (`Vista al mar. 9:00`; `el mar. 10:00` is Tuesday); the table's lower-case words.
    day_nouns_after: dict[str, frozenset[str]] = field(default_factory=dict)
    #: Dates written day first with slashes (`27/11/2026`): the months, how a date is said ("{d} de {m} de {y}")
    #: and the word for the first day ("premier"); empty: left to the voice.
    months: tuple[str, ...] = ()
    date_form: str = ""
    first_day: str = ""
    #: A date's day said as an ordinal in words (Swedish `5 mars`, `2024-03-05`: "femte mars"; eSpeak NG said "fem
    #: mars"), rather than as its digits.
    ordinal_days: bool = False
    #: ... and the words after which a date written with points is one (`el 31.12.2025`; `Chrome 1.2.2025` is a
    #: version)
    date_words: frozenset[str] = frozenset()
    #: ... and a month with its year (`05/2024`: "May 2024", "mayo de 2024"; an abbreviated month's word between
    #: them too, `feb. 2019`: "febrero de 2019"); empty: left to the voice.
    month_year: str = ""
    #: Amounts with an abbreviated word and no currency (`7 mld di parametri`): abbreviation → singular, plural
    #: and the word for one ("miliardo", "miliardi", "un").
    counted_words: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: ... those of them said so only before what they count (`70 mi de downloads`; `5 mi` alone is five miles)
    counted_before_of: frozenset[str] = frozenset()
    #: A growth rate's Greek letters before their argument (`Θ(n³)`, `\Omega(n \log n)`): "big Theta", "big Omega"
    #: ("of" follows); empty: the letter's name alone ("capital theta n cubed").
    asymptotic: dict[str, str] = field(default_factory=dict)
    #: A name's index in parentheses above it (`x^{(i)}`, `W^{[l]}`: the i'th example, the l'th layer), not a power:
    #: "superscript {}"; empty: read as a power ("x to the power i").
    superscript: str = ""
    #: Loewner's order against 0 (`A ⪰ 0`, `\Sigma \succ 0`): "is positive semidefinite", "is positive definite";
    #: against anything else the symbol's words ("succeeds or equals").
    definite: dict[str, str] = field(default_factory=dict)
    #: `|V|`, `|A ∪ B|`, `O(|V| + |E|)`: bars around a set (a capital letter, a union) or inside a growth rate are
    #: its size, not an absolute value ("the size of {}"); empty: "abs" everywhere.
    size: str = ""
    #: Functions said with their `functions` phrase before one name or number without parentheses, as before a
    #: parenthesized argument: French `\det A` "le déterminant de A" (not "dét A"), German `\ln X` "der natürliche
    #: Logarithmus von X", whose article then takes a preposition's case ("vom natürlichen Logarithmus von X",
    #: not "von natürlicher Logarithmus X")
    applied_names: frozenset[str] = frozenset()
    #: `f^(n)(x)`, `y^{(2)}(t)`: "the {order} derivative of {function} of {argument}" (empty: read as a
    #: superscript, as before); the order is a number's ordinal ("second", "seconde", "zweite"), an index's
    #: (`derivative_index`: "n'th", "n-ième", "n-te") or a sum's (`f^(k+1)(ξ)`, a Taylor remainder's):
    #: `derivative_sum` with the sum's words ("d'ordre k plus un"), or where empty the index, its sign and the
    #: last term's ordinal ("k plus first", "k plus erste").
    derivative: str = ""
    derivative_index: str = "{}'th"
    derivative_sum: str = ""
    #: ... where `derivative` puts the ordinal before the noun ("la segunda derivada", "a n-ésima derivada"), the
    #: template for a sum's order, a phrase that comes after it ("la derivada de orden k más uno"); empty: `derivative`
    derivative_after: str = ""
    #: French: a comparison's words after a phrase of the table whose noun is feminine (`E[X] \\le a`: "l'espérance
    #: de X est inférieure ou égale à a"), and those nouns (a phrase with "la" is feminine; "l'" and none hide it)
    feminine_comparisons: dict[str, str] = field(default_factory=dict)
    feminine_phrases: frozenset[str] = frozenset()
    #: ... the numbers whose order is said otherwise than num2words's ordinal (French "première", "seconde")
    derivative_orders: dict[int, str] = field(default_factory=dict)
    #: Abbreviations said otherwise before a capitalized name, unless a number comes before them: Swedish
    #: `St. Petersburg`, `st. Petersburg` "Sankt Petersburg", where `5 st.` is "5 stycken" (pieces).
    before_names: dict[str, str] = field(default_factory=dict)
    #: The words after which a lowercase one of those is a name's (`i st. Petersburg`), as at a line's or a
    #: sentence's start; elsewhere a capital after it starts the next sentence (`fem st. Sedan`: "fem stycken").
    names_after: frozenset[str] = frozenset()
    #: Abbreviations that close what they follow (`5 st.`, `osv.`, `m.m.`): before a capital their full stop also
    #: ends the sentence, given back ("5 stycken. Sedan"; "5 stycken Sedan" ran two sentences together). Not every
    #: abbreviation: `t.ex. Stockholm`, `z. B. Kunden` go on with a name or a noun.
    sentence_final: frozenset[str] = frozenset()
    #: ... those of them that also come before what they count (`10 st. Raspberry Pi`): before a capital that is
    #: none of `sentence_openers` the capital names what is counted, and the sentence goes on ("10 stycken Raspberry
    #: Pi"; "10 stycken. Raspberry Pi" parted it); before one of them (`5 st. Sedan`) the sentence ends, as above.
    #: German's are all of them: a noun has a capital (`3 % p.a. Zinsen`, `usw. Zutaten`).
    counters: frozenset[str] = frozenset()
    #: The words a sentence starts with, in lower case: pronouns, adverbs, conjunctions, prepositions, determiners,
    #: number words and a few verbs; a name or a product's is none of them.
    sentence_openers: frozenset[str] = frozenset()
    #: ... and the endings of the open classes a sentence starts with: Swedish definite nouns (`Servrarna står`,
    #: `Priset är`) and adverbs in -t (`Självklart räcker det`); a capital with one of them after a counter starts
    #: a sentence, unless a capital follows it (`Nissan Leaf` names what is counted)
    opener_endings: tuple[str, ...] = ()
    #: ... the endings of a finite verb: after a counter, a capital then a lowercase word with one of them is a
    #: sentence's subject and its verb (`Nvidia levererar resten`), where `Raspberry Pi` names what is counted
    verb_endings: tuple[str, ...] = ()
    #: ... or the finite verbs themselves, where their endings tell nothing: German's in the singular (`usw. Peter
    #: kam später`, "und so weiter. Peter"; a plural's, `usw. Zutaten kaufen wir`, is a noun's the sentence goes on
    #: with)
    opener_verbs: frozenset[str] = frozenset()
    #: A rate per a round count after a slash (`$0.002/1K tokens`, `0,50 $/1M Tokens`): "per thousand", "pro
    #: Million", "pour un million de", by the count's letter (`k`, `M`, `B`); empty: left as written. A phrase ending
    #: in "de" or "di" loses it at a clause's end.
    per_count: dict[str, str] = field(default_factory=dict)
    #: A name's limit in prose (`T → 0`, `n → ∞`): "goes to", "gegen", "tend vers"; empty: the arrow's word ("to").
    tends_to: str = ""
    #: ... and after these words (in lower case), what is said instead: a preposition takes a participle (`Pour n →
    #: ∞`: "Pour n tendant vers l'infini", not "tend vers"), a verb of setting its own word (`Set ε → 0`: "to"); a
    #: key of two words is a verb and the article of the noun phrase the name ends (`Let the step size η → 0`).
    tends_to_after: dict[str, str] = field(default_factory=dict)
    #: A convergence arrow's mode written over it (`\xrightarrow{d}`, `\overset{p}{\to}`), "d", "p" or "a.s." →
    #: what is said ("converges in distribution to"); a mode without words here is the arrow's word ("to").
    convergence: dict[str, str] = field(default_factory=dict)
    #: An indicator function applied to an event or a set (`\mathbb{1}\{X > 0\}`, `\mathbf{1}_{A}`): "the indicator
    #: of {}"; empty: the one and what follows, as written.
    indicator: str = ""
    #: A rating after one of `rating_words` (`I'd give it 8/10`, `rated 4/5`, `ich gebe 8/10`): "{} out of {}", "{}
    #: von {}" ("8 over 10", "8 durch 10" were said); empty: as any fraction. The words between the verb and the
    #: rating that it may take (`it`, `a solid`) are `rating_fillers`.
    out_of: str = ""
    rating_words: frozenset[str] = frozenset()
    rating_fillers: frozenset[str] = frozenset()

    def per_unit(self, word: str) -> str:
        """ "per second", "pro Sekunde", "al secondo": `word` is the unit or period in the singular."""
        return self.per_phrases.get(word) or self.per_phrases.get(word.lower()) or f"{self.per} {word}"

    def counted(self, number: str, noun: str, before: str = "") -> str:
        """ "5 kilometers", "1 kilometer", "une seconde", "1,5 kilomètre", "un'ora", "nach einer Sekunde": `noun`
        is in the plural, as the tables give units, currencies and amounts; `before` is the word before the
        number."""
        if not self.is_singular(number):
            return f"{number} {noun}"
        noun = self.singular(noun)
        before = before.lower()
        if number != "1" or not self.one or before in self.articles or noun.split()[0] in self.neuter:
            return f"{number} {noun}"
        feminine = noun in self.feminine or noun.split()[0] in self.feminine
        if before in self.dative_words:
            return f"{self.one_dative[feminine]} {noun}"
        if before in self.accusative_words and noun.split()[0] in self.masculine:
            return f"{self.one_accusative} {noun}"
        if not feminine:
            return f"{self.one} {noun}"
        if self.one_feminine_elided and noun[0].lower() in "aeiouàèéìòù":
            return f"{self.one_feminine_elided}{noun}"
        return f"{self.one_feminine} {noun}"

    def is_singular(self, number: str) -> bool:
        """Whether a noun counted by `number` (digits as written) is in the singular."""
        if number == "1":
            return self.singular_after_one
        # "1,5" and "0,5", not "1.500" (a thousand and a half hundred, where a point groups thousands)
        return self.singular_below_two and re.fullmatch(r"[01](?:,\d+|\.\d{1,2})?", number) is not None

    def singular(self, unit: str) -> str:
        """A unit's word after "per" or after 1: "second", "heure", "megahertz", "Stunde" (a final plural s goes,
        or the table names the singular)."""
        if unit in self.singular_units:
            return self.singular_units[unit]
        first, _, rest = unit.partition(" ")
        if rest and rest.split()[0] in (self.per, "per", "al"):  # "bits per second" → "bit per second"
            return f"{self.singular(first)} {rest}"
        if rest or not unit.endswith("s") or unit.endswith(("ss", "hertz")):
            return unit
        return unit[:-1]


#: Statistics' "independent and identically distributed" as it is written (`iid`, `i.i.d.`, `IID`), matched only so:
#: `Iid` is a name or an identifier (review 127: "The Iid of the record" was "The I i d")
IID_WRITTEN = frozenset({"iid", "i.i.d.", "IID"})

_EN_SYMBOLS = {
    # the Hadamard product, a set's difference, Loewner's order (bug bash ML: they were dropped)
    "⊙": "element-wise times", "∖": "minus", "⪰": "succeeds or equals",
    "⪯": "precedes or equals", "≻": "succeeds", "≺": "precedes",
    "=": "equals", "≠": "is not equal to", "≈": "is approximately equal to", "≃": "is approximately equal to",
    "∼": "is similar to", "≅": "is congruent to", "≡": "is equivalent to", "<": "is less than",
    ">": "is greater than", "≤": "is less than or equal to", "≥": "is greater than or equal to",
    "≪": "is much less than", "≫": "is much greater than", "±": "plus or minus", "∓": "minus or plus",
    "×": "times", "·": "times", "⋅": "times", "*": "times", "÷": "divided by", "→": "to", "↦": "maps to",
    "←": "from", "⟵": "gets", "⇒": "implies", "⇐": "is implied by", "⇔": "if and only if", "↔": "if and only if",
    "∞": "infinity", "∑": "the sum", "∏": "the product", "∫": "the integral", "∮": "the contour integral",
    "∂": "partial", "∇": "nabla", "∈": "in", "∉": "not in", "⊂": "subset of", "⊆": "subset of or equal to",
    "∪": "union", "∩": "intersection", "∅": "the empty set", "∀": "for all", "∃": "there exists", "¬": "not",
    "∃!": "there exists a unique", "⫫": "is independent of", "⫫̸": "is not independent of",
    # relations struck through (`\not` before one, `≠`'s overlay): they were dropped, or their relation said
    "≮": "is not less than", "≯": "is not greater than", "≰": "is not less than or equal to",
    # supersets, a proof's and a model's turnstiles, membership from the set's side, and their denials
    # (review f-spoken4: `\supset`, `\vdash`, `\models`, `\ni` were dropped; `\not\to` was "not to")
    "⊃": "superset of", "⊇": "superset of or equal to", "⊢": "proves", "⊨": "models", "∋": "contains",
    "⊅": "not a superset of", "⊉": "not a superset of or equal to", "⊬": "does not prove", "⊭": "does not model",
    "∌": "does not contain", "↛": "does not go to", "⇎": "is not equivalent to",
    "≱": "is not greater than or equal to", "⊄": "not a subset of", "⊈": "not a subset of or equal to",
    "∤": "does not divide", "∄": "there exists no", "≢": "is not equivalent to", "≁": "is not similar to",
    "≉": "is not approximately equal to", "≄": "is not approximately equal to", "≇": "is not congruent to",
    "∦": "is not parallel to", "⊥̸": "is not perpendicular to", "⇏": "does not imply",
    # ... and those without a sign of their own, "not" in the relation's words (`\not\propto`)
    "∝̸": "is not proportional to", "≪̸": "is not much less than", "≫̸": "is not much greater than",
    "⊀": "does not precede", "⊁": "does not succeed", "⪯̸": "neither precedes nor equals",
    "⪰̸": "neither succeeds nor equals", "↦̸": "does not map to",
    "∧": "and", "∨": "or", "⊕": "x-or", "⊗": "tensor", "∘": "composed with", "∝": "is proportional to",
    "⊥": "is perpendicular to", "∥": "is parallel to", "∠": "angle", "°": "degrees", "…": "and so on",
    "†": "dagger", "ℓ": "ell", "ℏ": "h bar", "′": "prime", "ℜ": "the real part of", "ℑ": "the imaginary part of",
    "⋆": "star", "%": "percent", "&": "and", "⟨": "", "⟩": "", "√": "the square root of", "∛": "the cube root of",
    "ℝ": "the real numbers", "ℕ": "the natural numbers", "ℤ": "the integers", "ℚ": "the rationals",
    "ℂ": "the complex numbers", "+": "plus", "−": "minus", "-": "minus", "/": "over", "!": "factorial",
    "#": "number", "$": "dollars", "€": "euros", "£": "pounds",
    "‰": "per mille",
}

_FR_SYMBOLS = {
    # the Hadamard product, a set's difference, Loewner's order (bug bash ML: they were dropped)
    "⊙": "fois terme à terme", "∖": "privé de", "⪰": "suit ou égale",
    "⪯": "précède ou égale", "≻": "suit", "≺": "précède",
    "=": "égale", "≠": "est différent de", "≈": "est environ égal à", "≃": "est environ égal à",
    "∼": "est semblable à", "≅": "est congru à", "≡": "est équivalent à", "<": "est inférieur à",
    ">": "est supérieur à", "≤": "est inférieur ou égal à", "≥": "est supérieur ou égal à",
    "≪": "est très inférieur à", "≫": "est très supérieur à", "±": "plus ou moins", "∓": "moins ou plus",
    "×": "fois", "·": "fois", "⋅": "fois", "*": "fois", "÷": "divisé par", "→": "vers", "↦": "donne",
    "←": "depuis", "⟵": "reçoit",
    "⇒": "implique", "⇐": "est impliqué par", "⇔": "si et seulement si", "↔": "si et seulement si",
    "∞": "l'infini", "∑": "la somme", "∏": "le produit", "∫": "l'intégrale", "∮": "l'intégrale curviligne",
    "∂": "d rond", "∇": "nabla", "∈": "appartient à", "∉": "n'appartient pas à", "⊂": "inclus dans",
    "⊆": "inclus ou égal à", "∪": "union", "∩": "inter", "∅": "l'ensemble vide", "∀": "pour tout",
    "∃": "il existe", "¬": "non", "∧": "et", "∨": "ou", "⊕": "ou exclusif", "⊗": "tenseur", "∘": "rond",
    "∃!": "il existe un unique", "⫫": "est indépendant de", "⫫̸": "n'est pas indépendant de",
    # relations struck through (`\not` before one, `≠`'s overlay): they were dropped, or their relation said
    "≮": "n'est pas inférieur à", "≯": "n'est pas supérieur à", "≰": "n'est pas inférieur ou égal à",
    # supersets, a proof's and a model's turnstiles, membership from the set's side, and their denials
    # (review f-spoken4: `\supset`, `\vdash`, `\models`, `\ni` were dropped; `\not\to` was "not to")
    "⊃": "contient", "⊇": "contient ou est égal à", "⊢": "prouve", "⊨": "satisfait", "∋": "contient",
    "⊅": "ne contient pas", "⊉": "ne contient ni n'est égal à", "⊬": "ne prouve pas", "⊭": "ne satisfait pas",
    "∌": "ne contient pas", "↛": "ne tend pas vers", "⇎": "n'équivaut pas à",
    "≱": "n'est pas supérieur ou égal à", "⊄": "n'est pas inclus dans", "⊈": "n'est pas inclus ou égal à",
    "∤": "ne divise pas", "∄": "il n'existe aucun", "≢": "n'est pas équivalent à", "≁": "n'est pas semblable à",
    "≉": "n'est pas environ égal à", "≄": "n'est pas environ égal à", "≇": "n'est pas congru à",
    "∦": "n'est pas parallèle à", "⊥̸": "n'est pas orthogonal à", "⇏": "n'implique pas",
    # ... and those without a sign of their own, "not" in the relation's words (`\not\propto`)
    "∝̸": "n'est pas proportionnel à", "≪̸": "n'est pas très inférieur à", "≫̸": "n'est pas très supérieur à",
    "⊀": "ne précède pas", "⊁": "ne suit pas", "⪯̸": "ne précède ni n'égale", "⪰̸": "ne suit ni n'égale",
    "↦̸": "ne donne pas",
    "∝": "est proportionnel à", "⊥": "est orthogonal à", "∥": "est parallèle à", "∠": "angle", "°": "degrés",
    "…": "et ainsi de suite", "†": "dague", "ℓ": "l", "ℏ": "h barre", "′": "prime",
    "ℜ": "la partie réelle de", "ℑ": "la partie imaginaire de", "⋆": "étoile", "%": "pour cent", "&": "et",
    "⟨": "", "⟩": "", "√": "la racine carrée de", "∛": "la racine cubique de", "ℝ": "l'ensemble des réels",
    "ℕ": "l'ensemble des entiers naturels", "ℤ": "l'ensemble des entiers relatifs", "ℚ": "l'ensemble des rationnels",
    "ℂ": "l'ensemble des complexes", "+": "plus", "−": "moins", "-": "moins", "/": "sur", "!": "factorielle",
    "#": "numéro", "$": "dollars", "€": "euros", "£": "livres",
    "‰": "pour mille",
}

_EN_UNITS = {
    "A": "amps", "mA": "milliamps", "µA": "microamps", "μA": "microamps", "nA": "nanoamps", "V": "volts",
    "mV": "millivolts", "kV": "kilovolts", "µV": "microvolts", "W": "watts", "mW": "milliwatts", "kW": "kilowatts",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "Ω": "ohms", "kΩ": "kilohms",
    "MΩ": "megohms", "F": "farads", "µF": "microfarads", "μF": "microfarads", "nF": "nanofarads",
    "pF": "picofarads", "H": "henries", "mH": "millihenries", "µH": "microhenries", "s": "seconds",
    "ms": "milliseconds", "µs": "microseconds", "μs": "microseconds", "ns": "nanoseconds", "ps": "picoseconds",
    "dB": "decibels", "dBm": "d B m", "mAh": "milliamp hours", "Wh": "watt hours", "kWh": "kilowatt hours",
    "B": "bytes", "KB": "kilobytes", "kB": "kilobytes", "MB": "megabytes", "GB": "gigabytes", "TB": "terabytes",
    "KiB": "kibibytes", "MiB": "mebibytes", "GiB": "gibibytes", "b": "bits", "kb": "kilobits", "Mb": "megabits",
    "TiB": "tebibytes", "PB": "petabytes", "Gb": "gigabits",
    "Tb": "terabits", "kbit": "kilobits", "Mbit": "megabits", "Gbit": "gigabits",
    "bps": "bits per second", "kbps": "kilobits per second", "Kbps": "kilobits per second",
    "Mbps": "megabits per second", "Gbps": "gigabits per second", "m": "meters", "mm": "millimeters",
    "cm": "centimeters", "km": "kilometers", "µm": "micrometers", "nm": "nanometers", "g": "grams",
    "mg": "milligrams", "kg": "kilograms", "°C": "degrees Celsius", "°F": "degrees Fahrenheit", "K": "kelvins",
    "ppm": "parts per million", "h": "hours", "min": "minutes", "sec": "seconds",  # `10 sec.` was left as written
    "µg": "micrograms", "μg": "micrograms", "mcg": "micrograms", "ng": "nanograms", "mL": "milliliters",
    "ml": "milliliters", "L": "liters", "l": "liters", "dL": "deciliters", "dl": "deciliters", "mmol": "millimoles",
    "mol": "moles", "µmol": "micromoles", "μmol": "micromoles", "nmol": "nanomoles", "mEq": "milliequivalents",
    "Pa": "pascals", "hPa": "hectopascals", "kPa": "kilopascals", "mmHg": "millimeters of mercury",
    "Sv": "sieverts", "mSv": "millisieverts", "µSv": "microsieverts", "μSv": "microsieverts", "Bq": "becquerels",
    "kcal": "kilocalories", "kJ": "kilojoules",
    "N": "newtons", "kN": "kilonewtons", "J": "joules", "MJ": "megajoules", "MWh": "megawatt hours",
    "GWh": "gigawatt hours", "TWh": "terawatt hours",
    # US customary units (bug bash Piper: `2 lb`, `1/2 tsp`, `60 mph` were spelled or left); not `in`, a word,
    # nor `pt`, points and Portuguese as often as pints, nor `mi`, a word of Spanish and Italian after a number
    "lb": "pounds", "lbs": "pounds", "oz": "ounces", "fl oz": "fluid ounces", "tsp": "teaspoons",
    "tbsp": "tablespoons", "Tbsp": "tablespoons", "ft": "feet", "yd": "yards", "mph": "miles per hour",
    "gal": "gallons", "qt": "quarts",
}

_FR_UNITS = {
    "A": "ampères", "mA": "milliampères", "µA": "microampères", "μA": "microampères", "nA": "nanoampères",
    "V": "volts", "mV": "millivolts", "kV": "kilovolts", "µV": "microvolts", "W": "watts", "mW": "milliwatts",
    "kW": "kilowatts", "Hz": "hertz", "kHz": "kilohertz", "MHz": "mégahertz", "GHz": "gigahertz", "Ω": "ohms",
    "kΩ": "kilohms", "MΩ": "mégohms", "F": "farads", "µF": "microfarads", "μF": "microfarads",
    "nF": "nanofarads", "pF": "picofarads", "H": "henrys", "mH": "millihenrys", "µH": "microhenrys",
    "s": "secondes", "ms": "millisecondes", "µs": "microsecondes", "μs": "microsecondes", "ns": "nanosecondes",
    "ps": "picosecondes", "dB": "décibels", "dBm": "d B m", "mAh": "milliampères-heures", "Wh": "wattheures",
    "kWh": "kilowattheures", "o": "octets", "Ko": "kilooctets", "ko": "kilooctets", "Mo": "mégaoctets",
    "Go": "gigaoctets", "Kio": "kibioctets", "Mio": "mébioctets", "Gio": "gibioctets", "Tio": "tébioctets",
    "To": "téraoctets", "B": "octets", "KB": "kilooctets", "kB": "kilooctets", "MB": "mégaoctets",
    "GB": "gigaoctets", "TB": "téraoctets", "KiB": "kibioctets", "MiB": "mébioctets", "GiB": "gibioctets",
    "TiB": "tébioctets", "PB": "pétaoctets", "Po": "pétaoctets", "Gb": "gigabits",
    "Tb": "térabits", "kbit": "kilobits", "Mbit": "mégabits", "Gbit": "gigabits",
    "b": "bits", "kb": "kilobits", "Mb": "mégabits",
    "bps": "bits par seconde", "kbps": "kilobits par seconde", "Kbps": "kilobits par seconde",
    "Mbps": "mégabits par seconde", "Gbps": "gigabits par seconde", "m": "mètres", "mm": "millimètres",
    "cm": "centimètres", "km": "kilomètres", "µm": "micromètres", "nm": "nanomètres", "g": "grammes",
    "mg": "milligrammes", "kg": "kilogrammes", "°C": "degrés Celsius", "°F": "degrés Fahrenheit", "K": "kelvins",
    "ppm": "parties par million", "h": "heures", "min": "minutes", "sec": "secondes",
    "µg": "microgrammes", "μg": "microgrammes", "mcg": "microgrammes", "ng": "nanogrammes", "mL": "millilitres",
    "ml": "millilitres", "L": "litres", "l": "litres", "dL": "décilitres", "dl": "décilitres",
    "mmol": "millimoles", "mol": "moles", "µmol": "micromoles", "μmol": "micromoles", "nmol": "nanomoles",
    "mEq": "milliéquivalents", "Pa": "pascals", "hPa": "hectopascals", "kPa": "kilopascals",
    "mmHg": "millimètres de mercure", "Sv": "sieverts", "mSv": "millisieverts", "µSv": "microsieverts",
    "μSv": "microsieverts", "Bq": "becquerels", "kcal": "kilocalories", "kJ": "kilojoules",
    "N": "newtons", "kN": "kilonewtons", "J": "joules", "MJ": "mégajoules", "MWh": "mégawattheures",
    "GWh": "gigawattheures", "TWh": "térawattheures",
    "lb": "livres", "lbs": "livres", "oz": "onces", "fl oz": "onces liquides", "tsp": "cuillères à café",
    "tbsp": "cuillères à soupe", "Tbsp": "cuillères à soupe", "ft": "pieds", "yd": "yards",
    "mph": "miles par heure", "gal": "gallons", "qt": "quarts de gallon",
}

#: What is numbered with a lowercase `no.` (`episode no. 42`, `issue no. 7`)
_NUMBERED_NOUNS = frozenset({"episode", "issue", "item", "chapter", "room", "page", "track", "ticket", "bug", "case",
                             "version", "part", "volume", "article", "step", "rule", "lot", "model", "patent",
                             "account", "invoice", "order", "flight", "game", "season", "song", "entry", "file",
                             "table", "figure", "level", "seat", "gate", "platform", "bus", "line", "route", "house",
                             "unit", "suite", "box", "question", "problem", "exercise", "example", "claim", "note",
                             "tip", "symphony", "opus", "concerto", "sonata", "edition", "session",
                             "lesson"})  # fmt: skip

ENGLISH = Language(
    code="en",
    symbols=_EN_SYMBOLS,
    functions={
        "det": "the determinant of {}", "tr": "the trace of {}", "trace": "the trace of {}",
        "rank": "the rank of {}", "dim": "the dimension of {}", "ker": "the kernel of {}", "span": "the span of {}",
        "exp": "the exponential of {}", "ln": "the natural log of {}", "log": "log of {}", "sin": "sine of {}",
        "cos": "cosine of {}", "tan": "tangent of {}", "max": "the maximum of {}", "min": "the minimum of {}",
        "diag": "the diagonal matrix of {}", "var": "the variance of {}", "cov": "the covariance of {}",
        "Pr": "the probability of {}",
        "E": "the expected value of {}",
    },
    plain_functions={
        "sin": "sine", "cos": "cosine", "tan": "tangent", "ln": "natural log", "lim": "the limit", "det": "det",
        "proj": "proj", "max": "max", "min": "min", "tr": "trace", "sgn": "sign", "gcd": "g c d", "lcm": "l c m",
        "Pr": "probability", "var": "variance", "cov": "covariance", "arg": "arg", "mod": "modulo",
    },
    abbreviations={
        "ca.": "circa", "yrs": "years", "hrs": "hours", "YTD": "year to date", "p.a.": "per annum",
        "y/y": "year over year", "q/q": "quarter over quarter", "YoY": "year over year",
        "QoQ": "quarter over quarter", "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September",
        "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December", "Apr.": "April",
        "Jun.": "June", "Jul.": "July",
        "e.g.": "for example", "i.e.": "that is", "vs.": "versus", "etc.": "et cetera", "cf.": "compare",
        "vs": "versus",
        "approx.": "approximately", "w.r.t.": "with respect to", "s.t.": "such that", "resp.": "respectively",
        "No.": "number", "no.": "number", "Prof.": "professor", "Fig.": "figure", "Eq.": "equation",
        "et al.": "and others", "I/O": "I O",
        "N/A": "not applicable", "w/o": "without", "R/W": "R W", "Q/A": "Q and A", "P/E": "P E", "S/N": "S N",
        "Y/N": "Y N", "c/o": "care of", "24/7": "twenty-four seven", "50/50": "fifty-fifty",
        "A/B test": "A B test", "A/B testing": "A B testing",
        # statistics' "independent and identically distributed" and logic's "if and only if", as they are said
        "i.i.d.": "i i d", "iid": "i i d", "IID": "i i d", "iff": "if and only if",
    },
    units=_EN_UNITS,
    squared="squared",
    cubed="cubed",
    inverse="inverse",
    transpose="transpose",
    power_ordinal="to the {} power",
    power="to the power {}",
    power_letter="to the {}",
    sub="{} sub {}",
    over="over",
    frac_simple={(1, 2): "one half", (1, 3): "one third", (2, 3): "two thirds", (1, 4): "one quarter",
                 (3, 4): "three quarters"},
    fraction_of=frozenset({"of"}),
    sqrt="the square root of {}",
    cbrt="the cube root of {}",
    root="the {} root of {}",
    norm="the norm of {}",
    interval="the interval from {} to {}",
    floor="the floor of {}",
    ceiling="the ceiling of {}",
    abs="the absolute value of {}",
    size="the size of {}",
    derivative="the {order} derivative of {function} of {argument}",
    of="{} of {}",
    projection="the projection of {} onto {}",
    log_base="log base {} of {}",
    word_or="or",
    word_and="and",
    between_words=frozenset({"between", "Between"}),
    number_sign="number",
    code_symbols={"~": "tilde", "*": "star", "^": "caret", "|": "pipe", "$": "dollar", "\\": "backslash",
                  "/": "slash", "...": "dot dot dot", "..": "dot dot", ".": "dot", "=>": "arrow",
                  "->": "arrow", ":=": "colon equals", "?.": "question dot", "??": "double question mark",
                  "<<": "double less than", ">>": "double greater than", "!": "not",
                  "<<=": "double less than equals", ">>=": "double greater than equals", ">>>": "triple greater than",
                  "===": "triple equals", "!==": "not double equals"},
    colon_clock=Clock(
        cues="at|by|until|till|before|after|around|about|since|from",
        starts="between",
        joiners="to|and|until|till|through",
        minutes="{h} {m}",
        whole="{h} o'clock",
        early="{h} oh {m}",
        whole_24="{h} hundred",
        meridiem=True,
        midnight="midnight",
    ),
    verbs=frozenset({"is", "was", "are", "were", "be", "been", "being", "remains", "remained", "stays", "stayed",
                     "becomes", "became", "seems", "seemed", "takes", "took", "costs", "cost", "lasts", "lasted",
                     "gets", "got", "stay", "remain", "become", "it's", "that's",
                     # verbs a result follows, and the adverbs and prepositions before one ("we get ≈ 92%", "is now
                     # ≈ 0.3", "with ≥ 80% recall", "a gap of ≤5%": each was "is approximately equal to"; bug bash 123)
                     "get", "has", "have", "had", "reach", "reaches", "reached", "achieve", "achieves", "achieved",
                     "hit", "hits", "see", "sees", "saw", "give", "gives", "gave", "yield", "yields", "yielded",
                     "score", "scores", "scored", "need", "needs", "needed", "drops", "dropped", "falls", "fell",
                     "rises", "rose", "grows", "grew", "now", "always", "still", "already", "typically", "usually",
                     "often", "only", "just", "with", "of", "at", "from", "to", "by",
                     # verbs an amount is the object of: a comparison there is a bound ("use at least 3 nodes")
                     # (not the nouns and participles among them: `CPU use ≤ 50%`, `memory used ≤ 4 GB`)
                     "uses", "using", "require", "requires", "serves", "allows", "supports", "expect", "expects",
                     "keeps"}),
    copulas=frozenset({"is", "was", "are", "were", "be", "been", "being", "remains", "remained", "stays", "stayed",
                       "becomes", "became", "seems", "seemed", "stay", "remain", "become", "it's", "that's", "now",
                       "always", "still", "already", "typically", "usually", "often", "only", "just"}),
    bounds={"≤": "at most", "<=": "at most", "≥": "at least", ">=": "at least", "<": "less than", ">": "more than"},
    naming_prepositions=frozenset({"for", "For", "with", "With", "at", "over", "across", "under"}),
    unit_adjective_articles=frozenset({"a", "an"}),
    about_describing={"a": "roughly", "an": "approximately"},
    money_adjective_determiners=frozenset({"a", "an", "the", "this", "that", "these", "those", "our", "your", "my",
                                           "their", "his", "her", "its", "each", "every", "another"}),
    pair_nouns=frozenset({"ratio", "ratios", "split", "splits", "mix", "mixes", "workload", "workloads", "balance",
                          "proportion", "proportions"}),
    one_letter_words=frozenset({"a"}),
    quantity_names=frozenset({"total", "count", "length", "len", "size", "width", "height", "depth", "sum", "offset",
                              "index", "limit", "max", "min", "capacity", "budget", "balance", "price", "cost",
                              "score"}),
    quantifiers=frozenset({"all", "every", "each", "any"}),
    contractions=(("norm the norm of", "norm of"),),  # `the norm ‖x‖`: the noun once (bug bash 165)
    follows="follows",
    follows_not="does not follow",
    word_to="to",
    by="by",
    dot="dot",
    about="about",
    verb="is",
    per="per",
    minus="minus",
    times="times",
    prime="prime",
    label="{}:",
    limits="{} from {} to {} of",
    limits_under="{} over {} of",
    binomial="{0} choose {1}",
    limit="the limit as {} approaches {} of",
    given="given",
    accents={"vec": "vector {}", "hat": "{} hat", "bar": "{} bar", "tilde": "{} tilde", "dot": "{} dot",
             "ddot": "{} double dot"},
    multipliers={"k": "thousand", "K": "thousand", "thousand": "thousand", "M": "million", "million": "million",
                 "m": "million", "mn": "million",
                 "B": "billion", "bn": "billion", "billion": "billion",
                 "trillion": "trillion", "T": "trillion", "tn": "trillion"},
    singular_after_one=True,
    ordinal_powers=True,
    inner="the inner product of {} and {}",
    quantity="the quantity {}",
    quantity_power="the quantity {}, {}",
    set_builder="the set of {} such that {}",
    set_list="the set {}",
    before_numbers=frozenset({"no.", "ca.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.",
                              "Fig.", "Eq.", "Apr.", "Jun.", "Jul."}),
    singular_units={"US dollars": "US dollar", "feet": "foot", "fluid ounces": "fluid ounce",
                    "Swiss francs": "Swiss franc", "basis points": "basis point",
                    "percentage points": "percentage point",
                    "millimeters of mercury": "millimeter of mercury", "international units": "international unit",
                    "kilowatt hours": "kilowatt hour", "megawatt hours": "megawatt hour",
                    "gigawatt hours": "gigawatt hour", "terawatt hours": "terawatt hour",
                    "watt hours": "watt hour", "milliamp hours": "milliamp hour",
                    "degrees Celsius": "degree Celsius", "degrees Fahrenheit": "degree Fahrenheit", "reais": "real",
                    "pence": "penny"},
    weekdays=(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
              ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), "to"),
    clause_conjunctions=frozenset({"as", "while", "until", "till", "when", "whenever", "if", "since", "because", "once",
                                   "unless", "where", "and", "or", "but", "so"}),
    tends_to="goes to",
    indicator="the indicator of {}",
    out_of="{} out of {}",
    # not "rate" alone, a noun of speed (`the learning rate 1/10`, `a rate of 1/100`), nor "given", of a condition
    # (`given 1/5 chance`): a quotient there
    rating_words=frozenset({"give", "gives", "gave", "giving", "rate it", "rate this", "rate them", "rates it",
                            "rated", "rating", "score", "scores", "scored", "scoring"}),
    rating_fillers=frozenset({"it", "this", "that", "them", "him", "her", "me", "us", "you", "a", "an", "the", "of",
                              "at", "solid", "strong", "good", "perfect", "full", "only", "just", "easily", "easy",
                              "maybe", "probably", "about", "around", "overall", "honest", "fair", "generous",
                              "was", "is", "with"}),
    convergence={"d": "converges in distribution to", "p": "converges in probability to",
                 "a.s.": "converges almost surely to"},
    tends_to_after={"for": "going to", "with": "going to", "set": "to", "send": "to", "take": "to",
                    # `let` takes a bare infinitive, with the name alone or ending a noun phrase (`Let the step
                    # size η → 0`: "goes to" was said); `take the` is no such phrase (`Take the limit as h → 0`)
                    **{f"{verb}{article}": "go to" for verb in ("let", "letting")
                       for article in ("", " the", " a", " an", " our", " each")}},
    per_count={"k": "per thousand", "M": "per million", "B": "per billion"},
    more_than="more than",
    times_more=("faster|slower|more|less|fewer|bigger|smaller|larger|cheaper|better|worse|higher|lower|longer|"
                "shorter|speedup|speed-up|improvement|increase|reduction|boost|gain", "times"),
    factor_adjective=("a|an|the|this|that|my|your|our|their|his|her|every", "{}-x"),
    # not "that", a conjunction too (`we know that Var[X] is small`)
    articles=frozenset({"the", "a", "an", "this", "these", "those", "every", "each", "my", "your", "its", "our",
                        "their", "his", "her"}),
    factor_one=("once", ""),  # `1x faster`: no "once"
    factor_one_setting=r"\b[Aa]t\s+|:\s*",  # `at 1x`, `Zoom: 1x`, `at 1x speed`: "one-x"
    ratio="to",
    points={"bp": "basis points", "bps": "basis points", "pp": "percentage points"},
    currency_signs={"US$": "US dollars", "USD": "US dollars", "EUR": "euros", "GBP": "pounds", "CHF": "Swiss francs",
                    "JPY": "yen", "R$": "reais", "BRL": "reais",
                    # signs eSpeak NG says nothing for (`₽62` was "sixty-two"), or says before the amount ("rupee 62")
                    "₽": "roubles", "₹": "rupees", "₴": "hryvnias", "₩": "won", "₪": "shekels", "₱": "pesos",
                    "₦": "naira", "฿": "baht"},
    cent_words={"dollars": "cents", "US dollars": "cents", "euros": "cents", "pounds": "pence", "reais": "centavos"},
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"),
    month_year="{m} {y}",
    dose_units={"IU": "international units"},
    blood_pressure="over",
    blood_pressure_words="blood pressures?",
    definite={"⪰": "is positive semidefinite", "⪯": "is negative semidefinite",
              "≻": "is positive definite", "≺": "is negative definite"},
    superscript="superscript {}",
    asymptotic={"Θ": "big Theta", "Ω": "big Omega"},
    exact_case=IID_WRITTEN,
    # `pears, etc. Then we`: "et cetera. Then" (the voice ran the sentences together); `etc. are fine` goes on
    sentence_final=frozenset({"etc.", "p.a."}),
    # `episode no. 42`: "number" after what is numbered ("episode no | forty-two" was said); `No. 5` anywhere
    only_after={"no.": _NUMBERED_NOUNS},
)

#: The masculine nouns of the French table's phrases ("le déterminant de {}", "le produit"): after "de" or "à" (another
#: phrase's slot, `|\det A|`, `x \le \max(a, b)`) their article contracts, "du déterminant", "au maximum" (review 147);
#: with the noun only, as "de le" and "à le" before a pronoun's verb are right ("avant de le calculer")
_FR_MASCULINE = ("déterminant", "rang", "noyau", "maximum", "minimum", "produit")


def _french_articles() -> tuple[tuple[str, str], ...]:
    """ "de le déterminant" → "du déterminant", "à le maximum" → "au maximum"."""
    joined = (("de le", "du"), ("De le", "Du"), ("à le", "au"), ("À le", "Au"))
    return tuple((f"{pair} {noun}", f"{contracted} {noun}") for noun in _FR_MASCULINE for pair, contracted in joined)


#: `en févr. 2019`: the month, before a day or a year only (eSpeak NG said "févr" and ended the sentence)
_FRENCH_MONTHS = {
    "janv.": "janvier", "févr.": "février", "fév.": "février", "avr.": "avril", "juil.": "juillet",
    "sept.": "septembre", "oct.": "octobre", "nov.": "novembre", "déc.": "décembre",
}

#: French days abbreviated (`lun.`, `sam.`)
_FR_DAYS = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
#: Words no day comes after, as days are masculine: `la mer. 14:00` is the sea (review 211)
_FR_FEMININE_DETERMINERS = frozenset({"la", "une", "sa", "ma", "ta", "cette", "notre", "votre", "leur", "chaque",
                                      "quelle", "toute"})

FRENCH = Language(
    code="fr",
    symbols=_FR_SYMBOLS,
    functions={
        "det": "le déterminant de {}", "tr": "la trace de {}", "trace": "la trace de {}", "rank": "le rang de {}",
        "dim": "la dimension de {}", "ker": "le noyau de {}", "span": "l'espace engendré par {}",
        "exp": "exponentielle de {}", "ln": "logarithme népérien de {}", "log": "logarithme de {}",
        "sin": "sinus de {}", "cos": "cosinus de {}", "tan": "tangente de {}", "max": "le maximum de {}",
        "min": "le minimum de {}", "diag": "la matrice diagonale de {}", "var": "la variance de {}",
        "cov": "la covariance de {}",
        "Pr": "la probabilité de {}", "E": "l'espérance de {}",
    },
    plain_functions={
        "sin": "sinus", "cos": "cosinus", "tan": "tangente", "ln": "logarithme népérien", "lim": "la limite",
        "det": "dét", "proj": "proj", "max": "max", "min": "min", "tr": "trace", "sgn": "signe",
        "gcd": "p g c d", "lcm": "p p c m", "Pr": "probabilité", "var": "variance", "cov": "covariance",
        "arg": "argument", "mod": "modulo",
    },
    abbreviations={
        "t/t": "sur un trimestre", "a/a": "sur un an", "g.a.": "en glissement annuel",
        "p. ex.": "par exemple", "e.g.": "par exemple", "ex.": "exemple", "c.-à-d.": "c'est-à-dire",
        "c-à-d": "c'est-à-dire", "i.e.": "c'est-à-dire", "vs.": "contre", "vs": "contre", "etc.": "et cetera",
        "cf.": "voir", "env.": "environ", "n°": "numéro", "No.": "numéro", "Fig.": "figure", "éq.": "équation",
        "et al.": "et collaborateurs", "I/O": "I O", "N/A": "non applicable", "resp.": "respectivement",
        **_FRENCH_MONTHS,
        "24/7": "vingt-quatre heures sur vingt-quatre", "24 h/24": "vingt-quatre heures sur vingt-quatre",
        "7 j/7": "sept jours sur sept", "50/50": "moitié-moitié", "A/B test": "test A B", "test A/B": "test A B",
        "nº": "numéro", "nᵒ": "numéro", "p.": "page", "chap.": "chapitre", "E/S": "E S", "Q/R": "questions-réponses",
        "Mme": "Madame", "Mmes": "Mesdames", "Mlle": "Mademoiselle", "i.i.d.": "i i d", "iid": "i i d",
        "IID": "i i d",
    },
    units=_FR_UNITS,
    squared="au carré",
    cubed="au cube",
    inverse="inverse",
    transpose="transposée",
    power_ordinal="puissance {}",
    power="puissance {}",
    power_letter="puissance {}",
    sub="{} indice {}",
    over="sur",
    frac_simple={(1, 2): "un demi", (1, 3): "un tiers", (2, 3): "deux tiers", (1, 4): "un quart",
                 (3, 4): "trois quarts"},
    fraction_of=frozenset({"de", "du", "des", "d'"}),
    sqrt="la racine carrée de {}",
    cbrt="la racine cubique de {}",
    root="la racine {} de {}",
    norm="la norme de {}",
    interval="l'intervalle de {} à {}",
    floor="la partie entière de {}",
    ceiling="la partie entière supérieure de {}",
    abs="la valeur absolue de {}",
    size="la taille de {}",
    of="{} de {}",
    projection="la projection de {} sur {}",
    log_base="logarithme en base {} de {}",
    word_or="ou",
    word_and="et",
    between_words=frozenset({"entre", "Entre"}),
    range_or_words=frozenset({"à", "jusqu'à", "jusqu’à"}),  # not `en 2–3 heures`: "en 2 à 3 heures" is French
    # years take no article: `du 1990–1995` is "de 1990 à 1995"; `en 2020–2021` (a season) stays "en 2020 à 2021"
    range_phrases={("du", ""): "du {} au {}", ("du", "year"): "de {} à {}", ("du", "counted"): "de {} à {}"},
    pair_nouns=frozenset({"ratio", "ratios", "rapport", "rapports", "répartition", "proportion", "proportions",
                          "mélange", "mix", "charge", "charges"}),
    number_sign="numéro",
    code_symbols={"~": "tilde", "*": "étoile", "^": "accent circonflexe", "|": "pipe", "$": "dollar",
                  "\\": "antislash", "/": "slash", "...": "point point point", "..": "point point", ".": "point",
                  "=>": "flèche",
                  "->": "flèche", ":=": "deux-points égal", "?.": "point d'interrogation point",
                  "??": "double point d'interrogation", "<<": "double inférieur", ">>": "double supérieur",
                  "!": "non",
                  "<<=": "double inférieur égal", ">>=": "double supérieur égal", ">>>": "triple supérieur",
                  "===": "triple égal", "!==": "non double égal"},
    colon_clock=Clock(
        cues="à|vers|dès|jusqu'à|jusqu’à|avant|après|depuis",
        starts="de|entre",
        joiners="à|et|jusqu'à|jusqu’à",
        minutes="{h} heures {m}",
        whole="{h} heures",
        after="h",
        h_times=True,
    ),
    verbs=frozenset({"est", "était", "sont", "étaient", "reste", "restait", "restent", "devient", "devenait",
                     "semble", "semblait", "prend", "prenait", "coûte", "coûtait", "dure", "durait", "vaut",
                     "valait", "être", "c'est", "c’est",
                     # as in English (bug bash 123: "on obtient est environ égal à 92 %")
                     "obtient", "obtenons", "obtenez", "obtiennent", "obtenu", "atteint", "atteignent", "atteignons",
                     "ont", "avait", "avaient", "donne", "donnent", "toujours", "maintenant", "déjà", "encore",
                     "souvent", "avec", "de", "à", "par", "fait", "font", "faisait", "faut", "utilise",
                     "utilisent", "demandent", "exige", "exigent", "nécessite", "nécessitent", "supporte",
                     "supportent"}),
    copulas=frozenset({"est", "était", "sont", "étaient", "reste", "restait", "restent", "devient", "devenait",
                       "semble", "semblait", "être", "c'est", "c’est", "toujours", "maintenant", "déjà", "encore",
                       "souvent"}),
    bounds={"≤": "au plus", "<=": "au plus", "≥": "au moins", ">=": "au moins", "<": "moins de", ">": "plus de"},
    naming_prepositions=frozenset({"pour", "Pour", "avec", "Avec", "sur"}),
    one_letter_words=frozenset({"à", "a", "y"}),
    quantity_names=frozenset({"total", "nombre", "longueur", "taille", "largeur", "hauteur", "somme", "index",
                              "indice", "limite", "max", "min", "capacité", "budget", "solde", "prix", "coût",
                              "score"}),
    quantifiers=frozenset({"tout", "tous", "toute", "toutes", "chaque"}),
    follows="suit",
    follows_not="ne suit pas",
    word_to="à",
    by="par",
    dot="scalaire",
    about="environ",
    verb="est",
    per="par",
    minus="moins",
    times="fois",
    prime="prime",
    label="{} :",
    limits="{} de {} à {} de",
    limits_under="{} sur {} de",
    binomial="{1} parmi {0}",
    limit="la limite quand {} tend vers {} de",
    given="sachant",
    accents={"vec": "vecteur {}", "hat": "{} chapeau", "bar": "{} barre", "tilde": "{} tilde", "dot": "{} point",
             "ddot": "{} point point"},
    multipliers={"m": "millions de", "mn": "millions de", "k": "mille", "K": "mille", "thousand": "mille",
                 "M": "millions de", "million": "millions de",
                 "B": "milliards de", "bn": "milliards de", "billion": "milliards de", "Md": "milliards de",
                 "Mds": "milliards de", "trillion": "billions de", "T": "billions de", "tn": "billions de",
                 # written in full: `$2 millions`, `$1,5 milliard` ("1,5 dollar milliard" was said)
                 "millions": "millions de", "milliard": "milliards de", "milliards": "milliards de"},
    decimal_comma=True,
    before_numbers=frozenset({"No.", "n°", "nº", "nᵒ", "p.", "chap.", "Fig.", "éq.", *_FRENCH_MONTHS}),
    before_years=frozenset({"sept."}),
    acronym_plural="invariable",
    multipliers_one={"m": "million de", "mn": "million de", "M": "million de", "million": "million de",
                     "B": "milliard de", "bn": "milliard de",
                     "billion": "milliard de", "Md": "milliard de", "milliard": "milliard de",
                     "trillion": "billion de", "T": "billion de", "tn": "billion de"},
    # "5 millions d'euros"; the word for one after "de" and "que" ("moins d'une minute", "plus qu'un euro")
    contractions=(("de euros", "d'euros"), ("de un", "d'un"), ("de une", "d'une"), ("De un", "D'un"),
                  ("De une", "D'une"), ("que un", "qu'un"), ("que une", "qu'une"), *_french_articles(),
                  # "une accélération d'environ", "égal au logarithme népérien", "proportionnel à l'exponentielle";
                  # "la norme ‖x‖" says its noun once (bug bash 165)
                  ("de environ", "d'environ"), ("De environ", "D'environ"), ("à logarithme", "au logarithme"),
                  ("à exponentielle", "à l'exponentielle"), ("norme la norme de", "norme de")),
    bare_thousand=True,
    singular_after_one=True,
    singular_below_two=True,
    singular_units={"dollars américains": "dollar américain", "cuillères à café": "cuillère à café",
                    "cuillères à soupe": "cuillère à soupe", "onces liquides": "once liquide",
                    "quarts de gallon": "quart de gallon", "livres sterling": "livre sterling",
                    "francs suisses": "franc suisse", "points de base": "point de base",
                    "points de pourcentage": "point de pourcentage",
                    "millimètres de mercure": "millimètre de mercure", "unités internationales": "unité internationale",
                    "degrés Celsius": "degré Celsius", "degrés Fahrenheit": "degré Fahrenheit",
                    "milliampères-heures": "milliampère-heure", "parties par million": "partie par million"},
    inner="le produit scalaire de {} et {}",
    quantity="{}",  # "n fois n plus un"
    quantity_power="{}, le tout {}",
    quantity_power_joined="la quantité {}, le tout {}",  # as English, where the group's start is not the line's
    quantity_subtracted="la quantité {}",
    set_builder="l'ensemble des {} tels que {}",
    set_member="appartenant à",
    set_list="l'ensemble {}",
    one="un",
    one_feminine="une",
    articles=frozenset({"le", "la", "l'", "les", "un", "une", "chaque", "ce", "cet", "cette", "mon", "ton", "son",
                        "notre", "votre", "leur", "aucun", "aucune"}),
    feminine=frozenset({"cuillère", "once",
                        "seconde", "milliseconde", "microseconde", "nanoseconde", "picoseconde", "minute", "heure",
                        "livre", "partie"}),
    greek={**GREEK, "β": "bêta", "ζ": "dzêta", "η": "êta", "θ": "thêta", "ϑ": "thêta", "χ": "khi",
           "ω": "oméga", "Γ": "gamma majuscule", "Δ": "delta majuscule", "Θ": "thêta majuscule",
           "Λ": "lambda majuscule", "Ξ": "xi majuscule", "Π": "pi majuscule", "Σ": "sigma majuscule",
           "Φ": "phi majuscule", "Ψ": "psi majuscule", "Ω": "oméga majuscule"},
    address_words=("point", "port"),
    hour_words=("heure", "heures", "à"),
    weekdays=(_FR_DAYS, ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"), "au"),
    dotted_weekdays=True,
    day_nouns_after=dict.fromkeys(_FR_DAYS, _FR_FEMININE_DETERMINERS),
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"),
    date_form="{d} {m} {y}",
    first_day="premier",
    tends_to="tend vers",
    indicator="l'indicatrice de {}",
    convergence={"d": "converge en loi vers", "p": "converge en probabilité vers",
                 "a.s.": "converge presque sûrement vers"},
    tends_to_after={"pour": "tendant vers", "avec": "tendant vers"},
    per_count={"k": "pour mille", "M": "pour un million de", "B": "pour un milliard de"},
    more_than="plus de",
    times_more=("plus|moins|mieux|pire|meilleure?s?|rapide|rapides|lent|lente|lents|lentes", "fois"),
    ratio="à",
    ratio_one="sur",
    points={"pb": "points de base", "pdb": "points de base", "bp": "points de base", "bps": "points de base",
            "pp": "points de pourcentage", "pt": "points", "pts": "points"},
    currency_signs={"USD": "dollars américains", "EUR": "euros", "GBP": "livres sterling", "CHF": "francs suisses",
                    "JPY": "yens", "US$": "dollars", "R$": "réals", "BRL": "réals"},
    # not the dollar's: eSpeak NG reads French "cents" as hundreds ("trente cent")
    cent_words={"euros": "centimes", "francs suisses": "centimes"},
    spaced_signs=True,  # `€ 1 500`, as French often writes it: "euros 1 500" was said
    month_year="{m} {y}",
    dose_units={"UI": "unités internationales", "IU": "unités internationales"},
    date_words=frozenset({"le", "du", "au", "depuis", "jusqu'au", "avant", "après", "dès", "date", "jour"}),
    blood_pressure="sur",
    blood_pressure_words="tension(?: artérielle)?|pression artérielle",
    definite={"⪰": "est semi-définie positive", "⪯": "est semi-définie négative",
              "≻": "est définie positive", "≺": "est définie négative"},
    superscript="exposant {}",
    applied_names=frozenset({"det"}),
    derivative="la dérivée {order} de {function} en {argument}",
    feminine_comparisons={
        "≠": "est différente de", "≈": "est environ égale à", "≃": "est environ égale à", "≅": "est congrue à",
        "≡": "est équivalente à", "<": "est inférieure à", ">": "est supérieure à", "≤": "est inférieure ou égale à",
        "≥": "est supérieure ou égale à", "≪": "est très inférieure à", "≫": "est très supérieure à",
        "∝": "est proportionnelle à", "⊥": "est orthogonale à",
        "≮": "n'est pas inférieure à", "≯": "n'est pas supérieure à", "≰": "n'est pas inférieure ou égale à",
        "≱": "n'est pas supérieure ou égale à", "≢": "n'est pas équivalente à", "≉": "n'est pas environ égale à",
        "≄": "n'est pas environ égale à", "≇": "n'est pas congrue à", "⊥̸": "n'est pas orthogonale à",
        "∝̸": "n'est pas proportionnelle à", "≪̸": "n'est pas très inférieure à",
        "≫̸": "n'est pas très supérieure à",
    },
    feminine_phrases=frozenset({
        "espérance", "intégrale", "exponentielle", "tangente", "variance", "covariance", "probabilité", "trace",
        "dimension", "matrice", "norme", "racine", "valeur", "taille", "partie", "projection", "limite", "somme",
        "dérivée", "indicatrice",
        # nouns of machine learning after `l'` (`Quand l'erreur < 0,1`: "inférieure", "inférieur" was said)
        "erreur", "entropie", "exactitude", "incertitude", "itération", "optimisation", "initialisation",
        "architecture", "activation", "attention", "entrée", "époque", "étape", "inférence", "image", "augmentation",
        "approximation", "estimation", "évaluation", "accélération",
    }),
    derivative_index="{}-ième",
    derivative_sum="d'ordre {}",
    derivative_orders={1: "première", 2: "seconde"},
    asymptotic={"Θ": "grand thêta", "Ω": "grand oméga"},
    exact_case=IID_WRITTEN,
    elides=True,
    space_thousands=True,
    # `etc. Ensuite`: "et cetera. Ensuite" (the voice ran the sentences together)
    sentence_final=frozenset({"etc.", "g.a."}),
)
