"""Bug bash 165: numbers, units and money of machine-learning posts, read as a native speaker says them."""

from __future__ import annotations

import pytest

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import readings

#: A price per a round count of tokens: the slash was "or" ("0.002 dollars or 1K tokens") or left to the voice
PRICES_PER_COUNT = [
    ("about $0.002/1K tokens", "en", "about 0.002 dollars per thousand tokens"),
    ("$0.50/1M tokens", "en", "50 cents per million tokens"),
    ("$2 / 1M input tokens", "en", "2 dollars per million input tokens"),
    ("$0.002 per 1K tokens.", "en", "0.002 dollars per thousand tokens."),
    ("3 errors/1K requests", "en", "3 errors per thousand requests"),
    ("etwa 0,002 $/1K Tokens", "de", "etwa 0,002 Dollar pro tausend Tokens"),
    ("0,50 $/1M Tokens", "de", "50 Cent pro Million Tokens"),
    ("environ 0,002 $/1K tokens", "fr", "environ 0,002 dollar pour mille tokens"),
    ("2 $ / 1M tokens d'entrée", "fr", "2 dollars pour un million de tokens d'entrée"),
    ("0,002 $/1M entrées", "fr", "0,002 dollar pour un million d'entrées"),
    ("0,5 €/1M.", "fr", "0,5 euro pour un million."),
    ("0,002 $/1K tokens", "es", "0,002 dólares por cada mil tokens"),
    ("0,50 $/1M tokens de entrada", "es", "50 centavos por cada millón de tokens de entrada"),
    ("0,50 $/1M token", "it", "50 centesimi per milione di token"),
    ("US$ 0,50/1M tokens", "pt", "50 centavos por milhão de tokens"),
    ("€ 0,50/1M tokens", "nl", "50 cent per miljoen tokens"),
]


#: ... and the line's own "de" or a word starting no noun after the count: its "de" is said once, or not at all
#: (review: "por cada millón de de entradas", "pour un million de d'entrées", "pour un million d'en sortie")
PRICES_PER_COUNT += [
    ("Son 2 $ por 1M de entradas.", "es", "Son 2 dólares por cada millón de entradas."),
    ("Cuesta $3/1M en la entrada.", "es", "Cuesta 3 dólares por cada millón en la entrada."),
    ("Le prix est de 2 $ par 1M d'entrées.", "fr", "Le prix est de 2 dollars pour un million d'entrées."),
    ("15 $/1M en sortie", "fr", "15 dollars pour un million en sortie"),
    ("São 2 $ por 1M de tokens.", "pt", "São 2 dólares por milhão de tokens."),
    ("0,50 $/1M di token", "it", "50 centesimi per milione di token"),
]


@readings(PRICES_PER_COUNT)
def test_a_price_per_a_round_count_is_said_per_that_count(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language", "said"),
    [
        ("$20/day and $3/hr", "en", "20 dollars per day and 3 dollars per hour"),
        ("the dev/test split", "en", "the dev test split"),
        ("a 1K/1M split", "en", "a 1K 1M split"),  # no rate after a count
    ],
)
def test_other_slashes_after_amounts_read_as_before(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A number with grouped thousands glued to `=` is read as with spaces around the sign (it was a formula's list:
#: "n equals one, zero", German "n gleich eins", the value 1); a list and a decimal stay as they were
GLUED_EQUALS = [
    ("n=1,000 samples", "en", "n equals 1,000 samples"),
    ("with N=1,000,000 tokens", "en", "with N equals 1,000,000 tokens"),
    ("vocab_size=50,257", "en", "vocab size equals 50,257"),
    ("n=1.000 Stichproben", "de", "n gleich 1.000 Stichproben"),
    ("n=1 000", "fr", "n égale 1 000"),
    ("n=1.000 muestras", "es", "n igual a 1.000 muestras"),
    ("n=1.000 campioni", "it", "n uguale a 1.000 campioni"),
    ("n=1 000 prover", "sv", "n är lika med 1 000 prover"),
]


@readings(GLUED_EQUALS)
def test_thousands_glued_to_an_equals_sign_read_as_with_spaces(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
    assert spoken_text(line.replace("=", " = "), language) == said


@pytest.mark.parametrize(
    ("line", "language", "said"),
    [
        ("i=1,2,3", "en", "i equals one, two, three"),
        ("p=0.05", "en", "p equals zero point zero five"),
        ("p=0,05", "de", "p gleich null Komma null fünf"),
        ("`n=1,000`", "en", "n equals one, zero"),  # in code, a tuple
    ],
)
def test_lists_decimals_and_code_after_an_equals_sign_read_as_before(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An amount's letter or abbreviation outside English: eSpeak said the letter ("eins Komma vier Te", "deux virgule
#: trente-six èm") or left `Bio.`; a count of steps in thousands is said "thousand" (`32k context` stays: "thirty-two
#: K" is what people say of a context's size, in every language)
MAGNITUDES = [
    ("~1,4T Tokens", "de", "etwa 1,4 Billionen Tokens"),
    ("1,4 Bio. Tokens", "de", "1,4 Billionen Tokens"),
    ("1 Bio. Tokens", "de", "eine Billion Tokens"),
    ("nur Bio.", "de", "nur Bio."),
    ("2,36 M de paramètres", "fr", "2,36 millions de paramètres"),
    ("64 M d'entrées", "fr", "64 millions d'entrées"),
    ("1,2 M de tokens", "fr", "1,2 million de tokens"),
    ("7 Md de paramètres", "fr", "7 milliards de paramètres"),
    ("unos 2,36 M de parámetros", "es", "unos 2,36 millones de parámetros"),
    ("1 M de tokens", "es", "un millón de tokens"),
    ("2 M di parametri", "it", "2 milioni di parametri"),
    ("for 100k steps", "en", "for 100 thousand steps"),
    ("Bei 100k Schritten", "de", "Bei 100 tausend Schritten"),
    ("Pour 100k pas", "fr", "Pour 100 mille pas"),
    ("Para 100k pasos", "es", "Para 100 mil pasos"),
]


#: ... and a database's counts: a capital `K` (`500K IOPS` was "five hundred K"), `1.2M ops/s` ("one point two
#: em"), a range of two with the same letter said once (`10k–50k connections`); a share or more (`50%+` was "50%
#: plus")
MAGNITUDES += [
    ("500K IOPS", "en", "500 thousand IOPS"),
    ("1.2M ops/s", "en", "1.2 million ops per second"),
    ("10k–50k connections", "en", "10 to 50 thousand connections"),
    ("10k-50k reads and 2–3B parameters", "en", "10 to 50 thousand reads and 2 to 3 billion parameters"),
    ("50%+ of reads", "en", "more than 50% of reads"),
    ("500K IOPS", "de", "500 tausend IOPS"),
    ("10k–50k Verbindungen", "de", "10 bis 50 tausend Verbindungen"),
    ("50 %+ der Lesezugriffe", "de", "mehr als 50 % der Lesezugriffe"),
    ("500K connexions", "fr", "500 mille connexions"),
    ("10k–50k connexions", "fr", "10 à 50 mille connexions"),
    ("50 %+ des lectures", "fr", "plus de 50 % des lectures"),
    ("500K operaciones", "es", "500 mil operaciones"),
    ("el 50 %+ de las lecturas", "es", "más del 50 % de las lecturas"),
    # ... said once where the words before bound the share already
    ("About 30%+ of reads", "en", "About 30% of reads"),
    ("Plus de 50%+ des lectures", "fr", "Plus de 50% des lectures"),
    ("Más del 50 %+ de las lecturas", "es", "Más del 50 % de las lecturas"),
    ("mehr als 50 %+ der Lesezugriffe", "de", "mehr als 50 % der Lesezugriffe"),
    # a one-digit K is thousands before a counted noun, or beside a count with a K
    ("We went from 1K to 10K users", "en", "We went from 1 thousand to 10 thousand users"),
    ("1K–10K users and 5K followers", "en", "1 to 10 thousand users and 5 thousand followers"),
    ("von 1K auf 10K Nutzer", "de", "von tausend auf 10 tausend Nutzer"),
    # ... not a share give or take (`50%+/-` was "more than 50%/-")
    (
        "Expect a swing of 50%+/- in the first month.",
        "en",
        "Expect a swing of fifty percent plus or minus in the first month.",
    ),
    ("une variation de 50 %+/- au début", "fr", "une variation de 50 pour cent plus ou moins au début"),
]

#: `+/-` anywhere in prose is plus or minus, as `±` is ("plus /- 0.5" was said)
PLUS_OR_MINUS = [
    ("the error is +/- 0.5", "en", "the error is plus or minus 0.5"),
    ("it weighs 5 +/- 0.5 mm", "en", "it weighs 5 plus or minus 0.5 millimeters"),
    ("l'erreur est +/- 0,5", "fr", "l'erreur est plus ou moins 0,5"),
    ("der Fehler ist +/- 0,5", "de", "der Fehler ist plus minus 0,5"),
    ("el error es +/- 0,5", "es", "el error es más menos 0,5"),
]


@readings(PLUS_OR_MINUS)
def test_plus_slash_minus_is_plus_or_minus(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@readings(MAGNITUDES)
def test_an_amounts_letter_is_said_as_its_word_in_every_language(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language", "said"),
    [
        ("a 32k context", "en", "a 32k context"),
        ("4K images", "en", "4K images"),
        ("a 1 M resistor", "en", "a 1 M resistor"),
        ("5T Euro", "de", "5T Euro"),
        ("8K videos, a 32K context", "en", "8K videos, a 32K context"),  # a resolution, a context's size
        ("4K and 8K videos on a 4K TV", "en", "4K and 8K videos on a 4K TV"),
        ("1k–50M users", "en", "1k–50 million users"),  # two letters: each is read on its own
        ("x%+y", "en", "x% plus y"),
    ],
)
def test_sizes_that_are_no_counted_amount_stay(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `×` after a number with no operand after it is a factor ("veces", not the product's "por"); before a machine's
#: model it counts machines; before a power of ten it is "times", not a dimension's "by"
FACTORS = [
    ("una aceleración de ~2–4×", "es", "una aceleración de aproximadamente 2 a 4 veces"),
    ("Esa brecha de 10× es la clave.", "es", "Esa brecha de 10 veces es la clave."),
    ("10× más rápido", "es", "10 veces más rápido"),
    ("un guadagno di 10×", "it", "un guadagno di 10 volte"),
    ("un gain de 2–4×.", "fr", "un gain de 2 à 4 fois."),
    ("about 2–4× speedup", "en", "about 2 to 4 times speedup"),
    ("1×10⁻⁴", "en", "one times ten to the power minus four"),
    ("lr = 3×10^-4", "en", "l r equals three times ten to the power minus four"),
    ("on 8×A100", "en", "on 8 A100"),
    ("on 8x H100 GPUs", "en", "on 8 H100 GPUs"),
    # ... of parts and slots; a measure's acronym and one before a comparative are a factor's
    ("The GPU sits in a 16x PCIe slot.", "en", "The GPU sits in a 16 PCIe slot."),
    ("Turn on 4x AA for smoother edges.", "en", "Turn on 4 AA for smoother edges."),
    ("mit 4x AA Batterien", "de", "mit 4 AA Batterien"),
    ("2x SSDs", "en", "2 SSDs"),
    ("10x QPS and a 4x SSD speedup", "en", "10 times QPS and a 4 times SSD speedup"),
    # ... and one before an amount of it ("take 2 HDD space" was said)
    ("The backups take 2x HDD space.", "en", "The backups take 2 times HDD space."),
    ("It needs 3x SSD storage and 2x NIC bandwidth.", "en", "It needs 3 times SSD storage and 2 times NIC bandwidth."),
]


@readings(FACTORS)
def test_a_factor_is_said_as_a_number_of_times(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A lower-case `x` glued to a number is a factor as `×` is (eSpeak said "fourteen ex", "quatorze iks"); German
#: makes one before a noun a compound's first part ("3 mal Replikation" is no phrase), with `×` too
MULTIPLIERS = [
    ("the worst one took 14x longer", "en", "the worst one took 14 times longer"),
    ("with 3x replication", "en", "with 3 times replication"),
    ("2.5x the cost, and 14x.", "en", "2.5 times the cost, and 14 times."),
    ("a 2-3x speedup", "en", "a 2 to 3 times speedup"),
    ("une réplication 3x", "fr", "une réplication 3 fois"),
    ("un coût 2,5x plus élevé", "fr", "un coût 2,5 fois plus élevé"),
    ("mit 3x Replikation", "de", "mit 3-fach-Replikation"),
    ("mit 3× Replikation", "de", "mit 3-fach-Replikation"),
    ("eine 2,5x Replikation", "de", "eine 2,5-fach-Replikation"),
    ("Das kostet 14x.", "de", "Das kostet 14 mal."),
    ("réplica 3x", "es", "réplica 3 veces"),
    ("4x Intel Xeon", "de", "4 mal Intel Xeon"),  # no compound with a name
    ("mit 4x Zoom und 2× Kopien", "de", "mit 4-fach-Zoom und 2-fach-Kopien"),
    # ... only before a noun a factor is an amount of: German capitalizes every noun
    ("Ich bestelle 3x Kaffee und 2x Kuchen.", "de", "Ich bestelle 3 mal Kaffee und 2 mal Kuchen."),
    ("Die Ausgaben wuchsen 2x Jahr für Jahr.", "de", "Die Ausgaben wuchsen 2 mal Jahr für Jahr."),
    # ... or after an article, whatever the noun ("Eine 5 mal Verbesserung" was said); a factor of 1 after a
    # preposition too ("mit einmal Geschwindigkeit")
    ("Eine 5x Verbesserung der Latenz.", "de", "Eine 5-fach-Verbesserung der Latenz."),
    ("Ein 3x Hebel und ein 10x Objektiv", "de", "Ein 3-fach-Hebel und ein 10-fach-Objektiv"),
    ("Wir sehen eine 4x Leistungssteigerung.", "de", "Wir sehen eine 4-fach-Leistungssteigerung."),
    ("Wiedergabe mit 1x Geschwindigkeit.", "de", "Wiedergabe mit 1-fach-Geschwindigkeit."),
    ("Ich bestelle 1x Kaffee.", "de", "Ich bestelle einmal Kaffee."),
    # a factor of 1 says how often, in the singular
    ("Knead it 2x, let it rise 1x.", "en", "Knead it 2 times, let it rise once."),
    # ... but a setting after "at" or a colon is named ("Play it back at once" was said)
    ("Play it back at 1x.", "en", "Play it back at one-x."),
    ("Zoom: 1x. Stir 1x.", "en", "Zoom: one-x. Stir once."),
    ("Play it at 1x speed.", "en", "Play it at one-x speed."),
    ("Die Datenbank wird 1x täglich gesichert.", "de", "Die Datenbank wird einmal täglich gesichert."),
    ("un respaldo 1x al día", "es", "un respaldo 1 vez al día"),
    ("une sauvegarde 1x par jour", "fr", "une sauvegarde 1 fois par jour"),
]


@readings(MULTIPLIERS)
def test_a_lower_case_x_after_a_number_is_a_factor(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: ... not hex, a dimension, an architecture, a name or an unknown of a formula
NO_MULTIPLIERS = [
    ("0x1F at 1920x1080 on x86, 4x4", "en", "0x1F at 1920 by 1080 on x86, 4 by 4"),
    ("2x + 1 = 5 and y = 3x", "en", "two x plus 1 equals 5 and y equals three x"),
    ("solve 3x y", "en", "solve 3x y"),
    ("y = 3x", "de", "y gleich drei x"),
]


@readings(NO_MULTIPLIERS)
def test_an_x_that_is_no_factor_reads_as_before(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language", "said"),
    [
        ("a 3×3 matrix", "en", "a 3 by 3 matrix"),
        ("3 × 4 = 12", "en", "3 times 4 equals 12"),
        ("2×n", "en", "two times n"),
        ("0xAB12", "en", "0xAB12"),
    ],
)
def test_products_and_dimensions_with_a_times_sign_read_as_before(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A unit after a power of ten is its word, as after a number ("dix puissance huit m par seconde", "dix au cube kg"
#: were said): in the plural, and in French in the singular below one, as "0,5 kilogramme"
POWERS_WITH_UNITS = [
    ("c ≈ 3 × 10⁸ m/s", "fr", "c est environ égal à 3 fois dix puissance huit mètres par seconde"),
    ("10³ kg", "fr", "dix au cube kilogrammes"),
    ("10⁻³ kg", "fr", "dix puissance moins trois kilogramme"),
    ("3 × 10⁸ m/s", "es", "3 por diez elevado a ocho metros por segundo"),
    ("10^-3 kg", "en", "ten to the power minus three kilograms"),
    ("x² kg", "fr", "x au carré kg"),
]


@readings(POWERS_WITH_UNITS)
def test_a_unit_after_a_power_of_ten_is_said_as_its_word(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A percentage per a period is read as a unit per a period ("15 %/an" was left to the voice); a ratio of two
#: percentages stays
PERCENT_PER_PERIOD = [
    ("La base croît de 15 %/an.", "fr", "La base croît de 15 % par an."),
    ("2%/yr of drift", "en", "2% per year of drift"),
    ("crece un 15 %/año", "es", "crece un 15 % por año"),
    ("5 %/Jahr", "de", "5 % pro Jahr"),
    ("50%/50%", "en", "50%/50%"),
]


@readings(PERCENT_PER_PERIOD)
def test_a_percentage_per_a_period_is_said_as_a_rate(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A name's arrow to a number or infinity is a limit ("T to 0" was said); a step or a change keeps the arrow's word
LIMITS = [
    ("T → 0 gives greedy decoding", "en", "T goes to 0 gives greedy decoding"),
    ("as n → ∞", "en", "as n goes to infinity"),
    ("λ → 0", "en", "lambda goes to 0"),
    ("T → 0 ergibt Greedy-Decoding", "de", "T gegen 0 ergibt Greedy-Decoding"),
    ("quand T → 0", "fr", "quand T tend vers 0"),
    ("cuando T → 0", "es", "cuando T tiende a 0"),
    # after a preposition a participle, after a verb of setting its own word ("Pour n tend vers l'infini", "Para n
    # tiende a infinito", "for n goes to infinity", "Set epsilon goes to 0" were said)
    ("per T → 0", "it", "per T tendente a 0"),
    ("Pour n → ∞, la somme converge.", "fr", "Pour n tendant vers l'infini, la somme converge."),
    ("Para n → ∞", "es", "Para n tendiendo a infinito"),
    ("Para n → ∞", "pt", "Para n tendendo a infinito"),
    ("for n → ∞", "en", "for n going to infinity"),
    ("Set ε → 0 and retrain.", "en", "Set epsilon to 0 and retrain."),
    ("Setze ε → 0.", "de", "Setze epsilon auf 0."),
    # `let` takes the bare infinitive ("Let epsilon goes to 0" was said)
    ("Let ε → 0 and see.", "en", "Let epsilon go to 0 and see."),
    ("We let n → ∞ here.", "en", "We let n go to infinity here."),
    # ... and so does `letting`, and `let` before a noun phrase the name ends ("Letting h goes to 0", "Let the step
    # size eta goes to 0" were said); the limit a phrase takes stays ("Take the limit as h goes to 0")
    ("Letting h → 0, the quotient is f′.", "en", "Letting h go to 0, the quotient is f prime."),
    ("Let the step size η → 0.", "en", "Let the step size eta go to 0."),
    ("Take the limit as h → 0.", "en", "Take the limit as h goes to 0."),
    ("Let the width of the bin h → 0.", "en", "Let the width of the bin h go to 0."),
    # ... but a clause of its own after the phrase has its own verb ("Let the model run as epsilon go to 0" was said)
    (
        "Let the model run as ε → 0. Let the system evolve while t → ∞.",
        "en",
        "Let the model run as epsilon goes to 0. Let the system evolve while t goes to infinity.",
    ),
    ("Let a solver iterate until n → ∞.", "en", "Let a solver iterate until n goes to infinity."),
]


@readings(LIMITS)
def test_a_names_arrow_to_a_number_is_a_limit(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


@pytest.mark.parametrize(
    ("line", "language", "said"),
    [
        ("A → B", "en", "A to B"),
        ("loss 2.3 → 1.9", "en", "loss 2.3 to 1.9"),
        ("92,3 % → 94,1 %", "de", "92,3 % nach 94,1 %"),
        # a name's new value is no limit (review: "B tend vers 64", "B gegen 64", "p goes to 0.1")
        ("La taille de lot B → 64 a aidé.", "fr", "La taille de lot B vers 64 a aidé."),
        ("Die Batchgröße B → 64 half.", "de", "Die Batchgröße B nach 64 half."),
        ("Drop p → 0.1 to regularize.", "en", "Drop p to 0.1 to regularize."),
    ],
)
def test_arrows_between_steps_and_values_read_as_before(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A factor between a determiner and a noun is an adjective, a kind of engineer ("the 10 times engineer" was said);
#: before a comparative or without a determiner it is still "times"
FACTOR_ADJECTIVES = [
    ("The 10× engineer and a 10x developer", "en", "The ten-x engineer and a ten-x developer"),
    (
        "a 2× larger model, a 10x speedup, 3× the cost",
        "en",
        "a 2 times larger model, a 10 times speedup, 3 times the cost",
    ),
    ("a 3x3 matrix and the 2x + 1 term", "en", "a 3 by 3 matrix and the two x plus 1 term"),
    # a chain of sizes is all dimensions ("A 3 times 224 by 224 image" was said)
    ("A 3 × 224 × 224 image tensor.", "en", "A 3 by 224 by 224 image tensor."),
    (
        "Store the 3 × 4 × 5 tensor and a 3x224x224 image.",
        "en",
        "Store the 3 by 4 by 5 tensor and a 3 by 224 by 224 image.",
    ),
    ("2 × 3 × 4 = 24", "en", "2 times 3 times 4 equals 24"),
    # two sizes, a number and a one-letter name, are a shape's dimensions ("the three-x n matrix" was said)
    (
        "Take the 3 × n matrix and a 2 × k table.",
        "en",
        "Take the 3 by n matrix and a 2 by k table.",
    ),
    (
        "a 4 × d embedding block, a 2x n grid, an n × n matrix",
        "en",
        "a 4 by d embedding block, a 2 by n grid, an n by n matrix",
    ),
    ("3 × 3 matrix and 3×3 matrix", "en", "3 by 3 matrix and 3 by 3 matrix"),
    # ... and a chain of them, one-letter names inside it too ("the n times m times k tensor" was said)
    ("the n × m × k tensor", "en", "the n by m by k tensor"),
    ("an n×m×k matrix and a 3 × n × k grid", "en", "an n by m by k matrix and a 3 by n by k grid"),
    ("n × m × k values", "en", "n times m times k values"),  # no determiner, no shape's noun: a product
    # ... after a determiner too, where a name is inside the chain (review 211: "The n by m by k values")
    ("The n × m × k values.", "en", "The n times m times k values."),
    (
        "The n × m × k operations, the 3 × n × 5 multiplications",
        "en",
        "The n times m times k operations, the 3 times n times 5 multiplications",
    ),
    ("the 3 × 4 × 5 values, the n × 4 values", "en", "the 3 by 4 by 5 values, the n by 4 values"),  # as before
    # a shape's noun after another noun
    ("the n × m × k weight tensor, 3 × 3 conv kernel", "en", "the n by m by k weight tensor, 3 by 3 conv kernel"),
    # a product: before a verb, or neither a determiner nor a shape's noun before or after it
    (
        "the 2 × n is even; 3 × n values; 3 x 4 = 12",
        "en",
        "the 2 times n is even; 3 times n values; 3 times 4 equals 12",
    ),
]


@readings(FACTOR_ADJECTIVES)
def test_a_factor_before_a_noun_is_an_adjective(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A slash after a size count and its noun pairs two sizes, as a system's scale is given: a pause ("1 million users
#: per billion requests" was said); after a count of something else it is a rate per that round count
SIZE_PAIRS = [
    ("We serve 1M users / 1B requests a day.", "en", "We serve 1 million users, 1 billion requests a day."),
    ("1M Nutzer/1B Anfragen", "de", "eine Million Nutzer, eine Milliarde Anfragen"),
    ("50 errors / 1M requests", "en", "50 errors per million requests"),
    # each count read as a count whatever its noun (`1K admins` was left as written), Spanish `1B` "mil millones"
    (
        "We have 1M users / 1K admins. 10k servers / 1M sessions",
        "en",
        "We have 1 million users, 1 thousand admins. 10 thousand servers, 1 million sessions",
    ),
    (
        "Tenemos 1M usuarios / 1B peticiones y 1M usuarios / 1B tokens.",
        "es",
        "Tenemos un millón de usuarios, mil millones de peticiones y un millón de usuarios, mil millones de tokens.",
    ),
    ("Temos 1M usuários / 1B pedidos.", "pt", "Temos um milhão de usuários, um bilhão de pedidos."),
    # after a sign the count keeps its number, the comparison's operand ("un modelo, mil millones" was said)
    (
        "Con 1B tokens, un modelo > 1B parámetros",
        "es",
        "Con mil millones de tokens, un modelo mayor que 1 mil millones de parámetros",
    ),
]


@readings(SIZE_PAIRS)
def test_a_slash_between_two_size_counts_is_a_pause_not_per(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
