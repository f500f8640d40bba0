"""Words of machine-learning posts that a voice misread (bug bash 165): abbreviated months and words, plural
acronyms, functions applied in prose, names from code, hyperparameters, and their math's variances and derivatives."""

from __future__ import annotations

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import readings

#: An abbreviated month before a day or a year is the month (eSpeak NG said "Feb" and ended the sentence); German
#: `bzgl.` and `min.` are words (`bzgl.` was spelled, `min.` ended the sentence), `5 min.` is still five minutes
ABBREVIATIONS = [
    ("im Feb. 2019, im Jan. 2024, Mitte Sept. 2023", "de", "im Februar 2019, im Januar 2024, Mitte September 2023"),
    ("am 12. Feb. 2019; Jan. kommt morgen", "de", "am zwölften Februar 2019; Jan. kommt morgen"),
    ("bzgl. des Modells", "de", "bezüglich des Modells"),
    ("min. 4 Karten, max. 8 und 3000 U/min.", "de", "mindestens 4 Karten, maximal 8 und 3000 U pro Minute."),
    ("Das dauert 5 min. Danach geht es weiter.", "de", "Das dauert 5 Minuten. Danach geht es weiter."),
    # only before a number is `min.` "mindestens": the adjective (minimal) was "der mindestens Abstand"
    ("Der min. Abstand sinkt auf min. 1,1.", "de", "Der min. Abstand sinkt auf mindestens 1,1."),
    # at a sentence's start too (was "Min. 4 G P Us"); a unit's full stop before the sentence goes on is no
    # sentence's end ("5 Minuten. pro Epoche" made a pause)
    ("Min. 4 GPUs. Es dauert 5 Min. Danach", "de", "Mindestens 4 G P Us. Es dauert 5 Minuten. Danach"),
    # `Min.`, `Sek.` and English `sec.` after a number are units ("5 Min.", "30 Sek.", "10 sec." were left)
    ("Nach 5 Min. ist es fertig, 30 Sek. später auch.", "de", "Nach 5 Minuten ist es fertig, 30 Sekunden später auch."),
    ("Noch 30 sek. warten.", "de", "Noch 30 Sekunden warten."),
    ("Wait 10 sec. Then 2 sec(x) is computed.", "en", "Wait 10 seconds. Then 2 sec of x is computed."),
    ("Es dauert 5 min. pro Epoche.", "de", "Es dauert 5 Minuten pro Epoche."),
    ("It takes 5 min. per epoch.", "en", "It takes 5 minutes per epoch."),
    # ... but a word with a capital inside or a one-letter word other than an article starts one (was "5 minutes
    # iOS needs time", "5 minutes x is then ready"); French `à` goes on
    ("Wait 5 min. iOS needs time.", "en", "Wait 5 minutes. iOS needs time."),
    ("Wait 5 min. x is then ready.", "en", "Wait 5 minutes. x is then ready."),
    ("Wait 5 min. a new run starts.", "en", "Wait 5 minutes a new run starts."),
    ("Attendez 5 min. à la fin.", "fr", "Attendez 5 minutes à la fin."),
    # ... and before a hyphen compound's next word or a comma it is no sentence's end either ("5 Minuten.-Pause",
    # "5 Minuten., wenn" were said)
    (
        "Nach einer 5 Min.-Pause und 30 Sek., wenn es klappt.",
        "de",
        "Nach einer 5 Minuten-Pause und 30 Sekunden, wenn es klappt.",
    ),
    # a range with its unit written twice is said as with it once ("5 Minuten.minus 10 Minuten." was said)
    ("Es dauert 5 Min.-10 Min.", "de", "Es dauert 5 bis 10 Minuten."),
    ("Es dauert 5 min.–10 min. pro Epoche.", "de", "Es dauert 5 bis 10 Minuten pro Epoche."),
    ("It takes 5 min.-10 min.", "en", "It takes 5 to 10 minutes."),
    ("It takes 5 min-10 min.", "en", "It takes 5 to 10 minutes."),
    ("5 ms-10 s", "en", "5 milliseconds-10 seconds"),
    # a difference of two amounts is no range (its numbers go down), and two units differing in case only are two
    ("The total is 60 min - 15 min = 45 min.", "en", "The total is 60 minutes - 15 minutes equals 45 minutes."),
    ("Free memory: 16 GB - 4 GB = 12 GB.", "en", "Free memory: 16 gigabytes - 4 gigabytes equals 12 gigabytes."),
    ("Link speed 5 Mb-10 MB.", "en", "Link speed 5 megabits-10 megabytes."),
    # ... and so is one in hours or degrees ("3 h minus 5 h", "5 degrees Celsius-10 degrees Celsius" were said), not a
    # label's letter that is a unit elsewhere (`2 b-4 b`, bits)
    ("It takes 3 h-5 h at 5 °C-10 °C.", "en", "It takes 3 to 5 hours at 5 to 10 degrees Celsius."),
    ("Bei 5 °C–10 °C dauert es 3 h-5 h.", "de", "Bei 5 bis 10 Grad Celsius dauert es 3 bis 5 h."),
    ("Parts 2 b-4 b", "en", "Parts 2 b minus 4 b"),
    # three amounts or more joined by dashes are steps, said as a list ("5 to 10 minutes-15 minutes" was said)
    ("Check at 5 min-10 min-15 min.", "en", "Check at 5 minutes, 10 minutes, 15 minutes."),
    ("Prüfen nach 5 Min.-10 Min.-15 Min. und dann", "de", "Prüfen nach 5 Minuten, 10 Minuten, 15 Minuten und dann"),
    ("en févr. 2019, janv. 2024, le 3 sept. 2023", "fr", "en février 2019, janvier 2024, le 3 septembre 2023"),
    ("resp. 5 et 6. Il en reste sept.", "fr", "respectivement 5 et 6. Il en reste sept."),
    # seven ending a sentence before a number is no month ("Il en reste septembre 12"), one before a year is
    (
        "Il en reste sept. 12 autres suivront, le 3 sept. 2023.",
        "fr",
        "Il en reste sept. 12 autres suivront, le 3 septembre 2023.",
    ),
    # Spanish says a month's year with "de", as `02/2019` ("febrero 2019" was said)
    ("feb. 2019 y en ene. 2024", "es", "febrero de 2019 y en enero de 2024"),
    # ... and its day with "de" too, as a date ("el 5 febrero de 2019" was said)
    ("Salió el 5 feb. 2019.", "es", "Salió el 5 de febrero de 2019."),
    ("Desde sept. 2023, el 5 de feb. 12 horas.", "es", "Desde septiembre de 2023, el 5 de febrero 12 horas."),
    # ... once, with the line's own "de" ("feb." was left as written before it)
    ("en feb. de 2019, el 5 de ene. de 2024", "es", "en febrero de 2019, el 5 de enero de 2024"),
    ("Salió el 5 feb. de 2019.", "es", "Salió el 5 de febrero de 2019."),
    # a month without its full stop before a year is one too ("Feb 2019" was left as written); alone it is left
    ("Feb 2019, feb de 2020 y el 5 jul 2024", "es", "Febrero de 2019, febrero de 2020 y el 5 de julio de 2024"),
    ("la feb, el mar 2019 y en feb. de 12 horas", "es", "la feb, el mar 2019 y en feb. de 12 horas"),
]


@readings(ABBREVIATIONS)
def test_an_abbreviated_month_or_word_is_said_in_full(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A plural acronym is read as its singular is, spelled: German puts the plural's `s` on the last letter ("Ge Pe
#: Us", "L L M s"), French and Spanish say none (eSpeak NG said "GePUs", "Apis", "jepus"); one said as a word keeps its
#: plural, code and formulas are left alone, and English eSpeak spells them already
ACRONYMS = [
    ("vier GPUs und die APIs, LLMs, URLs, 4 VMs", "de", "vier G P Us und die A P Is, L L M s, U R L s, 4 V M s"),
    ("die RAMs, eine GPU, GPUs-Cluster", "de", "die RAMs, eine GPU, GPUs-Cluster"),
    # a consonant and a vowel twice is a word too ("T O D Os" was said); `CEOs`, `IDEs` stay spelled
    ("offene TODOs, die GELUs, CEOs und IDEs", "de", "offene TODOs, die GELUs, C E Os und I D Es"),
    ("quatre GPUs, les APIs. Les LLMs, 4 VMs", "fr", "quatre GPU, les API. Les LLM, 4 VM"),
    ("cuatro GPUs y las APIs", "es", "cuatro GPU y las API"),
    ("four GPUs and the APIs", "en", "four GPUs and the APIs"),
]


@readings(ACRONYMS)
def test_a_plural_acronym_is_read_as_its_singular(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Names from code read as developers say them: a trailing underscore, a leading one after a dot and a call's empty
#: parentheses are unsaid (`clip_grad_norm_(…)` was "clip grad norm sub model parameters", `self._cache` "self.
#: cache", a sentence's end), `d_ff` is a name like `d_model` ("d sub f f" was said); indices stay indices
IDENTIFIERS = [
    (
        "`torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)`",
        "en",
        "torch.nn.utils.clip grad norm model parameters, max norm equals one",
    ),
    ("`self._cache`, `optimizer.zero_grad()`, `f()`", "en", "self.cache, optimizer.zero grad, f"),
    ("`__init__`, `a_{1}`", "en", "init, a sub one"),
    ("`clip_grad_norm_(params)` und `self._cache`", "de", "clip grad norm(params) und self.cache"),
    ("d_model = 768 and d_ff = 3072", "en", "d model equals 768 and d f f equals 3072"),
    ("d_ff et vocab_size", "fr", "d f f et vocab size"),
    ("a_ij, s_xy, x_i, W_1, d_k", "en", "a sub i j, s sub x y, x sub i, W sub one, d sub k"),
    ("p_ab and g_ab", "en", "p sub a b and g sub a b"),
    # a dunder after a dot as `__init__` is (was "obj. dict"), a keyword's trailing underscore keeps its name a name
    # (was "LayerNorm of e p s equals"), an empty call after a math name in prose is the name (was "f of is")
    ("Read `obj.__dict__` and `__init__`.", "en", "Read obj.dict and init."),
    # ... after a dunder, a call or an index too (was "self.class. name", "type(x). name")
    ("`self.__class__.__name__` or `type(x).__name__`", "en", "self.class.name or type(x).name"),
    (
        "`LayerNorm(eps_=1e-5)`, `f(lambda_=0.5)`",
        "en",
        "LayerNorm(eps equals 1 e minus 5), f of lambda equals zero point five",
    ),
    ("so f() is a constant function", "en", "so f is a constant function"),
    ("If f() = c, g() ist konstant", "de", "If f gleich c, g ist konstant"),
]


@readings(IDENTIFIERS)
def test_a_name_from_code_is_read_as_developers_say_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A short name glued to `=` and a number, as hyperparameters are written, is the name alone says it and the number as
#: prose reads it (`eps=1e-5` was "e p s equals one e minus 5", spelled as a formula's product of letters); one letter
#: stays a formula's variable, and a query's `?id=5` is left
HYPERPARAMETERS = [
    (
        "We use lr=3e-4 and wd=0.01 with eps=1e-5.",
        "en",
        "We use l r equals 3 e minus 4 and w d equals 0.01 with eps equals 1 e minus 5.",
    ),
    ("(eps=1e-8), x=5", "en", "(eps equals 1 e minus 8), x equals five"),
    ("mit eps=1e-5 und wd=0,01.", "de", "mit eps gleich 1 e minus 5 und w d gleich 0,01."),
    # a query's names, after `?` and `&`, are read as before the rule
    ("the query ?id=5&ab=3", "en", "the query i d equals five and a b equals three"),
]


@readings(HYPERPARAMETERS)
def test_a_short_name_glued_to_equals_is_not_spelled(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A variance or a covariance in brackets in prose is read as between dollars, whatever it holds (`Var[X]` reached the
#: voice as written, as `Var(|X|)` and `Var[\ln X]` did not)
BRACKETED_VARIANCES = [
    (
        "Var[X] = E[X²] − E[X]²",
        "en",
        "the variance of X equals the expected value of X squared minus the expected value of X, squared",
    ),
    ("Cov[X, Y] and Var[X]²/n", "en", "the covariance of X, Y and the variance of X, squared over n"),
    ("Var[X] und Cov[X, Y]", "de", "die Varianz von X und die Kovarianz von X, Y"),
    ("Var[weights] is large", "en", "Var[weights] is large"),
    # after the line's determiner, without the reading's own article ("The the variance of X term" was said)
    (
        "The Var[X] term dominates, a Var[X] of 2 and this Var[X]; the E[|X|] term.",
        "en",
        "The variance of X term dominates, a variance of X of 2 and this variance of X; the expected value of the "
        "absolute value of X term.",
    ),
    ("La Var[X] est grande.", "fr", "La variance de X est grande."),
    ("Die Var[X] ist groß, mit der Var[X].", "de", "Die Varianz von X ist groß, mit der Varianz von X."),
    ("La Var[X] es grande.", "es", "La varianza de X es grande."),
    # a coefficient before one is a product's factor ("plus 2 the covariance of X, Y" was said)
    (
        "Var[X + Y] = Var[X] + Var[Y] + 2 Cov[X, Y]",
        "en",
        "the variance of X plus Y equals the variance of X plus the variance of Y plus 2 times the covariance of X, Y",
    ),
    (
        "Var[aX] = a² Var[X], 4 E[|X|]",
        "en",
        "the variance of a X equals a squared times the variance of X, 4 times the expected value of the absolute "
        "value of X",
    ),
    ("2 Cov[X, Y] et 4 Var[X]", "fr", "2 fois la covariance de X, Y et 4 fois la variance de X"),
    ("2 Cov[X, Y] und 4 Var[X]", "de", "2 mal die Kovarianz von X, Y und 4 mal die Varianz von X"),
    # ... glued to it too ("2E[X Y]" was said)
    (
        "so 2E[X|Y] and 3Cov[X, Y]",
        "en",
        "so 2 times the expected value of X given Y and 3 times the covariance of X, Y",
    ),
    ("1.5Var[X] is small", "en", "1.5 times the variance of X is small"),
    # ... not a label's number ("chapter 2 times the variance" was said)
    ("In chapter 2 Var[X] is defined as a sum.", "en", "In chapter 2 the variance of X is defined as a sum."),
    (
        "See step 3 E[|X|] for the bound.",
        "en",
        "See step 3 the expected value of the absolute value of X for the bound.",
    ),
    ("In Kapitel 2 Var[X] ist definiert.", "de", "In Kapitel 2 die Varianz von X ist definiert."),
    # a conjunction, a one-letter name: the article stays
    (
        "We know that Var[X] is small, the $a + b$ term.",
        "en",
        "We know that the variance of X is small, the a plus b term.",
    ),
]


@readings(BRACKETED_VARIANCES)
def test_a_variance_in_brackets_is_read_as_a_formula(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A derivative written without its argument among a derivative's company (Leibniz's rule) is read as with one,
#: without the argument ("f to the power n minus k g superscript k" was said); alone, `y^{(i)}` is a sample's index
BARE_DERIVATIVES = [
    (
        r"$f^{(n-k)} g^{(k)}$ and $f^{(n-k)}(x) g^{(k)}(x)$",
        "en",
        "the n minus k'th derivative of f times the k'th derivative of g and the n minus k'th derivative of f of x "
        "times the k'th derivative of g of x",
    ),
    (r"$x^{(i)}, y^{(i)}$", "en", "x superscript i, y superscript i"),
    (r"$f^{(n-k)} g^{(k)}$", "de", "die n minus k-te Ableitung von f mal die k-te Ableitung von g"),
    (r"$f^{(n-k)} g^{(k)}$", "es", "la derivada de orden n menos k de f por la k-ésima derivada de g"),
]


@readings(BARE_DERIVATIVES)
def test_a_derivative_without_its_argument_is_read_as_with_one(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
