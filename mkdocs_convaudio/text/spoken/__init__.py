"""The words an engine is given for a written line: one function for every engine, the estimate and cache keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..math_spans import MATH_SPAN as _MATH_SPAN
from .decimals import decimal_points
from .held import ANY_HELD, CODES, FORMULAS, Held
from .labels import after_label
from .lexicon import Entry, Lexicon, load_lexicon
from .markup import CODE_SPAN, NEGATION, NULLISH, strip_markup, without_template_tags
from .rules import FUNCTION_NAMES, distribution_name
from .stage import without_stage_directions

if TYPE_CHECKING:  # the rules, formulas and numbers load with the first line spelled out (not on a warm build)
    from .rules import Language

__all__ = ["Entry", "Lexicon", "load_lexicon", "plain_text", "spoken_text", "strip_markup"]

_THIN_SPACE_GROUP = re.compile(r"(?<=\d)\\,(?=\d{3}(?!\d))")
#: A number's thousands grouped by spaces (`30 000`, `1 500,50`), not a phone number's (`+7 495 123-45-67`) nor a
#: year before a count (`2024 100`: its first group has four digits)
_SPACED_THOUSANDS = re.compile(r"(?<![\w.,+])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![ \u00a0\u202f]?\d|[-–]\d)")
#: Arabic's decimal separator and thousands separator between digits (`١٫٥`, `١١٬٠٠٠`): eSpeak NG's Arabic voice
#: dropped the first ("one five") and read the groups apart ("eleven zero zero zero"; bug bash h-scripts)
_ARABIC_NUMBER_MARKS = re.compile(r"(?<=\d)[٫٬](?=\d)")
#: ... joined by a no-break space, which is a number's in every language
_NO_BREAK_THOUSANDS = re.compile(r"(?<![\w.,+])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\u00a0\u202f]?\d|[-–]\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d)\{,\}(?=(\d+))")
#: A formula and the word after it, which may be a unit its number counts (`$W = 3.2$ ms`; "em ess" was said)
_FORMULA_THEN = re.compile(rf"(?:{_MATH_SPAN.pattern})(?P<after>[ \t]?(?=[^\W\d_])[^\s$\\]+)?", re.S)
#: A formula's last number, alone (`W = 3.2`, `t \approx 45`; not a power's `10^3` nor an index's `x_2`)
_LAST_NUMBER = re.compile(r"(?:^|(?<=[\s=<>≈≤≥~]))(\d+(?:[.,]\d+)?)\s*$")
# JSON turned `\tau` into a tab and `au`, `\frac` into a form feed and `rac`: put the backslash back
_EATEN = {"\t": "t", "\f": "f", "\b": "b", "\n": "n", "\r": "r"}
_EATEN_RE = re.compile(r"([\t\f\b\n\r])([A-Za-z]+)")
_FORBIDDEN = re.compile(r"[$\\^_{}|~`*<>]")
#: A sign and the long solidus overlay (U+0338) that strikes it through: one character where Unicode has it (`≠`)
_STRUCK = re.compile("[^\\s\u0338]\u0338")
#: Full-width Latin letters and digits (`ＡＩ`, `２`, common in Japanese and Chinese text) as the letters and digits
#: they are: eSpeak NG said "letter ff21" or nothing (bug bash 77); invisible characters inside words (a zero-width
#: space, word joiner, byte order mark or soft hyphen) go: "impor\u200btant" was said in two pieces
_SAME_AS_ASCII = {
    **{code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))},
    **dict.fromkeys((0x200B, 0x2060, 0xFEFF, 0x00AD)),
    # a loss's script `𝓛` or `ℒ`, a bold `𝐱`, an expectation's `𝔼`: the letters they are (eSpeak NG said "letter
    # one D four D B", and a formula lost them: bug bash 123); the number sets (`ℝ`, `ℕ`) keep their words
    **{
        code: ord(plain)
        for code in (*range(0x1D400, 0x1D7CE), *(ord(char) for char in "ℊℋℌℎℐℒℛℨℬℭℰℱℳℴℯ"))
        if len(plain := unicodedata.normalize("NFKC", chr(code))) == 1
        and plain.isalpha()
        and (plain.isascii() or unicodedata.name(plain, "").startswith("GREEK"))  # `𝜋` is π
    },  # not the digits (`𝟙{x > 0}` is an indicator), nor ℜ and ℑ (the real and imaginary parts)
}


def _restore_backslashes(text: str) -> str:
    from .latex import known_macro

    def restore(match: re.Match[str]) -> str:
        name = _EATEN[match[1]] + match[2]
        return "\\" + name if known_macro(name) else match[0]

    return _EATEN_RE.sub(restore, text)


@lru_cache(maxsize=16)
def _contractions(lang: Language) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each of the table's contractions with its pair, and as a pattern compiled once (German has hundreds: more
    than `re` caches)."""
    return tuple(
        (pair, re.compile(rf"(?<!\w){re.escape(pair)}" + ("" if pair.endswith("'") else r"(?!\w)")), contracted)
        for pair, contracted in lang.contractions
    )


def _last_resort(text: str, lang: Language) -> str:
    """Nothing the rules missed reaches the engine: symbols get their words or go, markup characters go; a mail
    address's `+` and `=` stay, as the voice reads them with its "at" (`jane+podcast@gmail.com`)."""
    from .native_units import MAIL_ADDRESS

    kept = {index for match in MAIL_ADDRESS.finditer(text) for index in range(*match.span())} if "@" in text else ()
    out: list[str] = []
    gone = False  # whether the character before went (an emoji: its variation selector and joiner go with it)
    for index, char in enumerate(text):
        if index in kept:
            out.append(char)
            gone = False
            continue
        if char in _PRESENTATION or (char in _EMOJI_GLUE and (gone or _an_emoji(text, index + 1))):
            # `🎙️`'s U+FE0F, `👨‍👩‍👧`'s joiners: nothing the voice says, still characters sent (and billed) once
            # the emoji went (bug bash h-llm); a joiner between letters (Devanagari's, Arabic's) stays
            gone = gone or char in _EMOJI_GLUE
            continue
        gone = False
        category = unicodedata.category(char)
        letterlike = unicodedata.name(char, "").startswith("DOUBLE-STRUCK") or char in "ℓℏℜℑ"
        if char in lang.symbols and (category.startswith("S") or char in "<>*‰" or letterlike):
            out.append(f" {lang.symbols[char]} ")
        elif CODES[0] <= ord(char) <= CODES[1]:
            out.append(char)  # a code span, read already
        elif (
            _FORBIDDEN.match(char)
            or category in ("So", "Sm", "Sk", "No", "Co", "Cn", "Cs", "Cc")
            or (category == "Lm" and unicodedata.name(char, "").startswith("MODIFIER LETTER"))  # ᵀ, not Japanese ー
        ):
            out.append(" ")
            gone = True
        else:
            out.append(char)
    return "".join(out)


#: Variation selectors (text or emoji presentation, U+FE0E, U+FE0F) and a keycap's enclosing mark (U+20E3, `1️⃣`):
#: never said, whatever they follow
_PRESENTATION = frozenset("\ufe0e\ufe0f\u20e3")
#: What joins an emoji's parts, the zero-width joiner (U+200D): it goes with the emoji it joins
_EMOJI_GLUE = frozenset("\u200d")


def _an_emoji(text: str, index: int) -> bool:
    """Whether `text[index]` is a symbol the last resort leaves out (an emoji's part)."""
    return index < len(text) and unicodedata.category(text[index]) in ("So", "Sk")


_DISTRIBUTION = r"(?:\\mathcal\s*\{[A-Z]\}|\\(?:operatorname|text|mathrm)\s*\{[A-Za-z]+\}|[A-Z][A-Za-z]*)\s*\("
#: a density, `p`, `q` or a policy's `\pi`, with an index or arguments (`p_{data}`, `q_\phi(z|x)`, `p(y|x)`): what an
#: ML blog draws samples from, "is similar to" there (bug bash 123); other letters are asymptotics (`a_n \sim b_n`)
_DENSITY = r"(?:[pq]|\\pi)(?:_(?:\{[^{}]*\}|\\[A-Za-z]+|\w)\s*(?:\(|\Z|\$)|\s*\()"  # not `a_n \sim b_n`
_DISTRIBUTED_TEX = re.compile(rf"(?P<struck>\\not\s*)?\\sim(?=\s*(?:{_DISTRIBUTION}|{_DENSITY}))")
# in prose, a distribution is called: `Bernoulli(p)`, not `Monday (probably)`
#: `$i$-th`, `$(i+1)$-th`: the formula is an index, and the ordinal's ending after it ("i minus th" was said)
_INDEX_IN_FORMULA = re.compile(r"(?<![\\$\w])\$\s*([a-z]|\([a-z]\s*[+-]\s*(?:[1-9]|[a-z])\))\s*\$(?=-?th(?![\w'’-]))")
_DISTRIBUTED = re.compile(r"(?<=\w)\s*[~∼]\s*(?=[A-Z][A-Za-z]*\()")
#: ... and `X ≁ N(0,1)`: it does not ("is not similar to" was said, where `X ∼ N(0,1)` "follows")
_NOT_DISTRIBUTED = re.compile(r"(?<=\w)\s*≁\s*(?=[A-Z][A-Za-z]*\()")


#: A distribution called in prose after `~`, `∼` or `≁` (`X ~ Bin(n, p)`, `Y ≁ Unif(0, 1)`): its name of two letters
#: or more and its parameters, said "Bin of n, p" as `\text{Bin}(n, p)` is ("Bin n, p", the parentheses silent, was
#: said); a one-letter name (`N(0, 1)`) is read as LaTeX's plain `N(0, 1)`, after `_DISTRIBUTED`'s words
_CALLED_AFTER_SIGN = re.compile(r"(?<=\w)[ \t]*(?:[~∼]|(?P<struck>≁))[ \t]*([A-Z][A-Za-z]+)\(([^()\n]{1,60})\)")
#: a random variable, the subject of the words a distribution is called after (`X`, `U`, `X_1`, `X₁`): not
#: "the chapter that follows Part(1)", "she follows Apple(Inc)" (review r-small2)
_VARIABLE = r"(?:(?<![\w.])[A-Za-z](?:_\w{1,3}|[0-9₀-₉ᵢⱼₖₙ]{1,3})?|^)"


@lru_cache(maxsize=16)
def _followed_distribution(follows: str, follows_not: str) -> re.Pattern[str]:
    """A distribution called after the words a variable follows it by (`X follows Unif(0, 1)`): as after `~`
    (`_CALLED_AFTER_SIGN`), where the words' subject is a variable's letter."""
    words = "|".join(re.escape(word) for word in sorted({follows, follows_not}, key=len, reverse=True))
    return re.compile(rf"({_VARIABLE}[ \t]+(?:{words})[ \t]+)([A-Z][A-Za-z]+)\(([^()\n]{{1,60}})\)")


#: A distribution's abbreviated name in prose before its parameters (`X ~ Pois(λ)`), said in full
#: (`rules.DISTRIBUTIONS`)
_DISTRIBUTION_NAME = re.compile(r"(?<![\w\\])(?:Pois|Geom|Unif)(?=\()")


#: one factor of a product beside a group: a number or a letter, with its index (`2`, `y`, `ε`, `x₁`)
_FACTOR = r"(?:\d+|[A-Za-zα-ωΑ-Ω](?:_\w|[₀-₉]+)?)"
#: ... or a function applied (`log(1 − p)`, `exp(−x)`, `σ(z)`): `(1 − y)·log(1 − p)` kept its parenthesis, "(1
#: minus y dot log one minus p" (bug bash 165)
_CALL = r"(?:log|ln|exp|σ|sin|cos|tanh)\([^()\n]{1,60}\)"
#: `(1 − p)^n`, `(a + b)²`, `E[(X − μ)²]`: a group with an operator in it, under a power or in an expectation
#: The words a formula of prose may hold (`\\log`, `Var(|X|)`): anything else makes it prose in parentheses
_FORMULA_WORDS = frozenset({*FUNCTION_NAMES, "Var", "Cov"})
#: An expectation's sign in prose (`-E[\log p(X)]`, `E[\ln X] - E[\ln Y]`, `a - E[|X|]`), read with it: prose left
#: the hyphen bare beside the formula. Not a list's bullet (`- E[|X|] < ∞`) nor a dash after a word (`it holds -
#: E[|X|] is finite`): a spaced one only after a term's end (a digit, a bracket, a held formula and the space
#: after it, or a lone letter)
_SIGN = r"(?:[-−](?! )|(?:(?<=[\d\])] )|(?<=[\U000F0000-\U000FFFFD]  )|(?<=(?<![^\W\d_])[^\W\d_] ))[-−] )?"
_PROSE_FORMULA = re.compile(
    # a coefficient's digits may be glued to an expectation, a variance or a covariance (`2E[X|Y]`: "2E[X Y]" was said)
    r"(?:(?<![\w)\]\\$])|(?<=\d)(?<![^\W\d_]\d)(?=(?:E|Var|Cov)[\[(]))(?:"
    r"\((?=[^()\n]*[+\-−±·×*/])[^()\n]{1,60}\)(?:\^(?:\{[^{}\n]{1,20}\}|[\w−-]{1,6})|[⁰¹²³⁴⁵⁶⁷⁸⁹ⁿ⁻ᵀ]+)"
    # ... or multiplied with a middle dot (`(1 − ε)·y`, `x·(a + b)`): its closing parenthesis was lost, "(1 minus
    # epsilon dot y" (bug bash 165)
    rf"|\((?=[^()\n]*[+\-−±])[^()\n]{{1,60}}\)\s?[·⋅]\s?"
    rf"(?:{_FACTOR}(?![\w(^])|(?:\([^()\n]{{1,60}}\)|{_CALL})(?![\w(^⁰-⁹]))"
    rf"|(?:{_FACTOR}|{_CALL})\s?[·⋅]\s?\((?=[^()\n]*[+\-−±])[^()\n]{{1,60}}\)(?![\w(^⁰-⁹])"
    r"|E\[(?=[^\[\]\n]*[+\-−])[^\[\]\n]{1,60}\]"
    # bars inside an expectation or a variance (`E[|X|]`, `Var(|X|)`, `E[X|Y]`): an absolute value or "given", which
    # prose dropped ("E[ X ]", "Var( X )"); with a name or a number it is divided by (`E[|X|]/a`, Markov's bound),
    # which read apart from it was "X /a"
    r"|" + _SIGN + r"(?:E|Var|Cov)(?:\[(?=[^\[\]\n]*\|)[^\[\]\n]{1,60}\]|\((?=[^()\n]*\|)[^()\n]{1,60}\)"
    # ... or in brackets with a LaTeX function (`E[\ln X]`: "E natural log X]", its bracket left) or another
    # expectation inside (`E[E[X|Y]]`: "E[ the expected value of X given Y ]"), read as in a formula; `E[X]` as before
    r"|\[(?=[^\[\]\n]*(?:\\[A-Za-z]|(?<=[A-Za-z])\[))(?:[^\[\]\n]|(?<=[A-Za-z])\[[^\[\]\n]{1,40}\]){1,60}\]"
    # ... and a variance or a covariance in brackets whatever it holds (`Var[X]`, `Cov[X, Y]`: "Var[X]" reached the
    # voice), with its square (`Var[X]²`: "the variance of X, squared"); `E[X]` as before
    r"|(?<=Var|Cov)\[[^\[\]\n]{1,60}\](?:[²³](?![\w⁰-⁹]))?)"
    r"(?:\s?/\s?(?:[A-Za-z]|\d{1,4})(?![\w/^]|[.,]\d))?"
    # a norm with spaces inside (`‖x − y‖₂`): "x minus y sub two" lost the norm, read word by word
    r"|‖(?=\S)(?=[^‖\n]*\s)[^‖\n]{1,60}(?<=\S)‖(?:[₀-₉]+|_\w)?(?:\^\w|[²³])?"
    r")"
)


#: A sign only code has (`~/.ssh`, `HEAD~1`, `SELECT *`, `$1`, `a | b`, `x = 1`, `f(x)`, `snake_case`, `cd ..`, `-rf`,
#: a path, a file name): a span without one is prose in backticks (`9:00`, `3:1`, `z.B.`, `2 Mio. €`, `24/7`,
#: `05/2024`, `~5%`), read by prose's rules as before (review 98: 66 such lines read worse as code)
_CODE_SIGN = re.compile(
    r"[*^|$\\=<>{}\[\]();&_]|\w~|~(?!\d)|\.\.|(?<![\dA-Z])/|/(?![\dA-Z])|(?:^|\s)-{1,2}[A-Za-z]"
    r"|\w\.[A-Za-z]{1,5}\b(?!\.)"  # a file's extension (`backup-27.11.2026.tar`), not `z.B.` or `e.g.`
    r"|[A-Za-z_)\]] ?% ?[\w(]"  # a remainder (`i % 3`), not a percentage (`50 % of`)
    rf"|\?\.(?=[A-Za-z_$\[(])|{NULLISH}|{NEGATION}"  # `user?.name`, `a ?? b`, `!flag`, `if (!x)`
    r"|\bSELECT\s.*\s-\s"  # a query's minus (`SELECT price - discount FROM items`): its operands' difference
)


def _glued(said: str, match: re.Match[str]) -> str:
    """A code span's words in the line, parted from a word it was glued to (`` `x`y ``), not from punctuation nor a
    plural's ending (`` `foo`s ``: "foos")."""
    before = match.string[match.start() - 1 : match.start()]
    after = match.string[match.end() : match.end() + 3]
    plural = re.match(r"(?:e?s|['’]s)(?!\w)", after) is not None
    return (" " if before.isalnum() else "") + said + (" " if after[:1].isalnum() and not plural else "")


#: A coefficient just before an expectation, a variance or a covariance of prose (`2 Cov[X, Y]`, `a² Var[X]`, `2E[X|Y]`)
_COEFFICIENT_BEFORE = re.compile(r"(?:(?<![\w.,])\d+(?:[.,]\d+)? ?|(?<![\w.,'’])([^\W\d_])([²³]|\^\w)? )\Z")
_EXPECTATION_OR_VARIANCE = re.compile(r"(?:E|Var|Cov)[\[(]")


def _multiplied(match: re.Match[str], lang: Language) -> bool:
    """Whether a formula of prose is an expectation, a variance or a covariance after a coefficient, said with the
    product's word: `2 Cov[X, Y]` was "2 the covariance of X, Y", now "2 times the covariance"; not after a word
    of one letter (`a Var[X] of 2`), nor after a label's number (`In chapter 2 Var[X] is defined`)."""
    if not _EXPECTATION_OR_VARIANCE.match(match[0]):
        return False
    coefficient = _COEFFICIENT_BEFORE.search(match.string, max(0, match.start() - 16), match.start())
    if coefficient is None:
        return False
    if coefficient[1]:
        return bool(coefficient[2]) or coefficient[1].lower() not in lang.one_letter_words
    return not after_label(match.string, coefficient.start())


def _after_determiner(said: str, match: re.Match[str], lang: Language) -> str:
    """A formula's reading after the line's determiner, without its own article: `The Var[X] term` is "The variance
    of X term", `La Var[X] est grande` "La variance de X" ("The the variance", "La la variance" were said). A one-letter
    word is a name (`the $a + b$ term`), never an article; an elided one goes too (`Le E[|X|]`: "Le l'espérance")."""
    first, _, rest = said.partition(" ")
    if lang.elides and said[:2].lower() in ("l'", "l’"):
        first, rest = said[:2], said[2:]
    if len(first) < 2 or not rest or first.lower().replace("’", "'") not in lang.articles:
        return said
    before = match.string[max(0, match.start() - 32) : match.start()].split()[-1:]
    return rest if before and before[0].lower() in lang.articles else said


def plain_text(line: str) -> str:
    """The line without markup or formula syntax, read as written: what is said when the rules fail on it."""
    text = _FORBIDDEN.sub(" ", strip_markup(line))
    return re.sub(r"\s+", " ", text).strip()


def spoken_text(line: str, language: str, lexicon: Lexicon | None = None) -> str:
    """What to say for `line` on a page in `language` (a BCP 47 tag): the lexicon first, then formulas,
    markup, numbers, units, abbreviations and symbols, read with the language's words."""
    from ...voices.languages import language_scripts
    from .feminine_numbers import feminine_numbers
    from .latex import parse_latex
    from .native_abbreviations import native_abbreviations
    from .native_cases import native_cases, ob_before_vowel
    from .native_clock import native_clock
    from .native_decimals import native_decimals
    from .native_money import native_money
    from .native_symbols import native_symbols
    from .native_units import native_units, outside_formulas_and_addresses
    from .prose import accents_as_latex, speak_prose, unit_after_number
    from .reading import read_formula
    from .records import win_loss_records
    from .tables import groups_thousands_with_spaces, has_table, language_rules

    lang = language_rules(language)
    # the private-use characters that stand for held formulas and code: a pasted icon font's (Nerd Fonts' codicons
    # start at U+EA60) would be taken for one, or reach the engine (review 100)
    text = _restore_backslashes(ANY_HELD.sub(" ", line).translate(_SAME_AS_ASCII))
    if "\u0338" in text:  # `=` and the long solidus overlay is `≠` ("equals" was said, and the overlay dropped)
        text = _STRUCK.sub(lambda match: unicodedata.normalize("NFC", match[0]), text)
    if lexicon is not None:
        text = lexicon.apply(text, language)
    text = without_template_tags(text)  # before code and comparisons: `{{< ref "x.md" >}}` is "ref x.md"
    greek_is_math = "Grek" not in language_scripts(language)
    codes = Held(CODES)  # code spans, read on their own
    from .code import lone_price, speak_code

    def hold_code(match: re.Match[str]) -> str:
        """A code span, read on its own: prose's money, dates, ratios and abbreviations never reach into code, nor
        code into the line's context (`$1`, `HEAD~1`, `origin/main`; study 96)."""
        if codes.full:  # past the characters for them (a line longer than any read): with the line, as prose
            return match[0]

        said = _last_resort(speak_code(match[2], lang, greek_is_math=greek_is_math), lang)
        return codes.hold(re.sub(r"\s+([,.])(?!\w)", r"\1", re.sub(r"\s+", " ", said)).strip())

    if "`" in text:

        def code_or_prose(match: re.Match[str]) -> str:
            prose = not _CODE_SIGN.search(match[2]) or lone_price(match) or match[2].strip() in lang.abbreviations
            return match[0] if prose else hold_code(match)  # `w/o` is an abbreviation

        text = CODE_SPAN.sub(code_or_prose, text)
    # `[laughs]`, `(sighs)`, `*pauses*`: cues a language model writes for a reader, not words (bug bash h-llm); after
    # the code spans are held, which are read as written (`` `[laughs]` `` was left out: review r-llm)
    text = without_stage_directions(text)
    if not has_table(language):  # digits are left to the voice, which reads `30 000` as "thirty zero zero zero"
        spaced = _SPACED_THOUSANDS if groups_thousands_with_spaces(language) else _NO_BREAK_THOUSANDS
        text = spaced.sub(lambda match: re.sub(r"\D", "", match[0]), text)
        text = _ARABIC_NUMBER_MARKS.sub(lambda match: "." if match[0] == "٫" else "", text)
        text = native_clock(text, language)  # `9:00-18:00`, `2024-03-15`: "с девяти до восемнадцати", "15 марта"
        text = native_cases(text, language)  # `от 5 до 10 минут`: "от пяти до десяти" (eSpeak NG: "от пять")
        text = native_money(text, language)  # `₽62`: "62 рубля", not English's "62 roubles"
        # `т. е.`, `2024 г.`: "то есть", "две тысячи двадцать четвёртый год" (a year's `г.` before grams' `г`)
        text = native_units(native_abbreviations(text, language), language)  # `5 км`, `5 GB`: "5 километров"
        text = native_symbols(text, language)  # `-5`, `~5`, `5-10`: "минус 5", "примерно 5", "от 5 до 10"
        text = native_decimals(text, language)  # `2,5`: "2 целых 5 десятых" (eSpeak NG's Ukrainian: "два п'ять")
        text = feminine_numbers(text, language)  # `1 копейка`, `2 минуты`: "одна", "две" (eSpeak NG: "один", "два")
        text = ob_before_vowel(text, language)  # `о 1 км`: "об одном километре", not "о одном"
    formulas = Held(FORMULAS)  # formulas (and a unit after one's number), while the prose rules run
    # a language without a table that groups thousands with spaces writes a decimal comma too (`$x = 2,5$` on a
    # Russian page was "x equals two, five")
    decimal_comma = lang.decimal_comma or groups_thousands_with_spaces(language)

    def hold(match: re.Match[str]) -> str:
        source = next(match[name] for name in ("display", "paren", "bracket", "price", "inline") if match[name])
        after = match["after"] or ""
        if formulas.full:  # past the characters for them (a line longer than any read): read as prose
            return match[0]
        if after and (number := _LAST_NUMBER.search(source)):
            unit = unit_after_number(number[1], after, lang)  # "W equals three point two milliseconds"
            if unit is not None:
                held = hold_formula(source)
                return held + (after if formulas.full else f"{formulas.hold(unit)} ")
        return hold_formula(source) + after

    def hold_formula(source: str) -> str:
        # `{,}` between digits is no list: a decimal comma where the language writes one (`3{,}14`); elsewhere a
        # thousands separator before three digits (`1{,}000`), else a decimal comma still (`0{,}5`)
        source = _DECIMAL_COMMA.sub(lambda m: "" if not decimal_comma and len(m[1]) == 3 else ".", source)
        # `1\,000`: a thin space between groups of digits; `1.000` and `2,5` where a comma is the decimal mark
        # (es, it, pt, de, fr): a thousand and two and a half, not "one" and "two, five" (bug bash 85); never in an
        # index (`a_{1,2}` is two indices)
        source = _THIN_SPACE_GROUP.sub("", source)
        if decimal_comma:
            source = decimal_points(source)
        return f" {formulas.hold(read_formula(parse_latex, accents_as_latex(source), lang))} "

    # `X \sim \mathcal{N}(μ, σ²)`, `X ~ Bernoulli(p)`: a variable follows a distribution ("is similar to" and
    # "about" said otherwise)
    if lang.code == "en" and "th" in text:  # `$i$-th`, `$(i+1)$-th`: an index's ordinal, said by prose's rules
        text = _INDEX_IN_FORMULA.sub(r"\1", text)

    def called_with(name: str, parameters: str) -> str:
        return lang.of.format(distribution_name(name, lang.code), parameters)

    def called(match: re.Match[str]) -> str:
        """`X ~ Bin(n, p)`: "X follows Bin of n, p"; in prose only (`$f~G(x)$`, a LaTeX space, is the formula's)."""
        return f" {lang.follows_not if match['struck'] else lang.follows} {called_with(match[2], match[3])}"

    text = _DISTRIBUTED_TEX.sub(
        lambda match: f"\\text{{{lang.follows_not if match['struck'] is not None else lang.follows}}}", text
    )
    # before the names are said: `Y ≁ Unif(0, 1)` ("is not similar to uniform(0, 1)" was said)
    if "(" in text and ("~" in text or "∼" in text or "≁" in text):
        text = outside_formulas_and_addresses(
            text, lambda prose: _CALLED_AFTER_SIGN.sub(called, prose), prose_formulas_held=False
        )
    text = _DISTRIBUTED.sub(f" {lang.follows} ", text)
    if "≁" in text:
        text = _NOT_DISTRIBUTED.sub(f" {lang.follows_not} ", text)
    if "(" in text and (lang.follows in text or lang.follows_not in text):
        followed = _followed_distribution(lang.follows, lang.follows_not)
        text = outside_formulas_and_addresses(
            text,
            lambda prose: followed.sub(lambda match: match[1] + called_with(match[2], match[3]), prose),
            prose_formulas_held=False,
        )
    if "Pois(" in text or "Geom(" in text or "Unif(" in text:
        text = _DISTRIBUTION_NAME.sub(lambda match: distribution_name(match[0], lang.code), text)
    text = _FORMULA_THEN.sub(hold, text)

    def hold_prose(match: re.Match[str]) -> str:
        """A formula written in prose whose parentheses group (`(1 − p)^n`, `E[(X − μ)²]`): read as LaTeX is,
        since a voice says nothing for a parenthesis ("1 minus p to the n" is 1 − pⁿ)."""
        words = [word for word in re.findall(r"[A-Za-z]{3,}", match[0]) if word not in _FORMULA_WORDS]
        if words or formulas.full:  # "(for example 3 - 2)": prose in parentheses
            return match[0]
        try:
            said = read_formula(parse_latex, accents_as_latex(match[0]), lang)
        except Exception:  # the prose rules read it as before
            return match[0]
        return f" {formulas.hold(f'{lang.times} {said}' if _multiplied(match, lang) else said)} "

    text = _PROSE_FORMULA.sub(hold_prose, text)
    text = strip_markup(text)
    if lang.code == "en":  # `10 W 2 L`: "10 wins, 2 losses", not "10 watts 2 L"
        text = win_loss_records(text)
    text = speak_prose(text, lang, greek_is_math=greek_is_math)
    text = formulas.put_back(text, lambda said, match: _after_determiner(said, match, lang))
    text = _last_resort(text, lang)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.])(?!\w)", r"\1", text)  # not ".NET", ",5"
    for pair, pattern, contracted in _contractions(lang):  # a phrase of the table met its neighbour: "a el" → "al"
        if pair in text:  # German's 598 patterns cost 2 ms a line searched; a substring test skips nearly all
            text = pattern.sub(contracted, text)
    for pattern, contracted in lang.contraction_patterns:  # "de a décima terceira derivada" → "da décima…"
        text = pattern.sub(contracted, text)
    if lang.code != "fr":  # French keeps "A :"
        text = re.sub(r"\s+([;:!?])(?![\w/])", r"\1", text)
    # code last: the line's punctuation rules above glued `cd ..` into "cd.." (eSpeak: "CD")
    if codes:

        def put_back(said: str, match: re.Match[str]) -> str:
            words = match.string[max(0, match.start() - 32) : match.start()].split()[-1:]
            before = [word.lower().strip("\"'“”«»") for word in words]  # "It's `>=3.8`"
            if lang.verb and said.startswith(f"{lang.verb} ") and before and before[0] in lang.verbs | {lang.verb}:
                said = said[len(lang.verb) + 1 :]  # "is `>=3.8`": not "is is greater than" (review 98)
            if said.endswith(",") and not re.match(r"\s*\w", match.string[match.end() :]):
                said = said[:-1]  # a span's last pause (`IN (...)`) before the line's punctuation or end
            return _glued(said, match)

        text = codes.put_back(text, put_back)
        text = re.sub(r"\s{2,}", " ", text).strip()  # a span that says nothing (`👍`)
    return text
