"""Formulas written with Unicode signs in the prose of a language model's blog post (bug bash 165): read as the same
formula written in LaTeX is."""

from __future__ import annotations

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import readings

#: `ℝ^{768×3072}`, `ℝ^(d×k)`: a space's shape, read as `\mathbb{R}^{768 \times 3072}` is (it was "to the seven
#: hundred and sixty-eighth power by 3072", "to the power d b y k": the word "by" spelled)
SHAPES = [
    (
        "W₁ ∈ ℝ^{768×3072}",
        "en",
        "W sub one in the real numbers to the seven hundred and sixty-eight by three thousand and seventy-two",
    ),
    ("W ∈ ℝ^(d×k).", "en", "W in the real numbers to the d by k."),
    ("W ∈ ℝ^(d×k)", "de", "W Element R hoch d mal k"),
    ("W ∈ ℝ^(d×k)", "fr", "W appartient à l'ensemble des réels puissance d par k"),
    (
        "W ∈ ℝ^{768×3072}",
        "es",
        "W pertenece a los números reales elevado a setecientos sesenta y ocho por tres mil setenta y dos",
    ),
    ("a 2×2 matrix, n×n", "en", "a 2 by 2 matrix, n by n"),  # outside a superscript, as before
]


@readings(SHAPES)
def test_a_spaces_shape_in_unicode_is_read_as_in_latex(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `θ ← θ − η∇L`: an update, as `\gets` is (it was "theta from theta"); an arrow after a word keeps its word
ASSIGNMENTS = [
    ("then θ ← θ − η∇L each step", "en", "then theta gets theta minus eta nabla L each step"),
    ("θ ← θ − η∇L", "de", "theta wird zu theta minus eta Nabla L"),
    ("θ ← θ − η∇L", "fr", "thêta reçoit thêta moins êta nabla L"),
    ("θ ← θ − η∇L", "es", "theta recibe theta menos eta nabla L"),
    ("w_t←w_{t-1} + 1 and x′ ← x", "en", "w sub t gets w sub t minus one plus 1 and x prime gets x"),
    ("press ← to go back", "en", "press from to go back"),
]


@readings(ASSIGNMENTS)
def test_a_left_arrow_after_a_name_is_an_update(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `·` between factors: a product ("times"), a group's end heard; `u·v` between two names stays a dot product
PRODUCTS = [
    ("cost O(n²·d) here", "en", "cost O of n squared times d here"),
    ("O(n²·d)", "de", "O von n Quadrat mal d"),
    ("O(n²·d)", "fr", "O de n au carré fois d"),
    ("O(n·d)", "es", "O de n por d"),
    ("y' = (1 − ε)·y + ε/K", "en", "y prime equals the quantity one minus epsilon, times y plus epsilon over K"),
    ("y' = (1 − ε)·y", "de", "y Strich gleich Klammer auf eins minus epsilon Klammer zu, mal y"),
    ("y' = (1 − ε)·y", "fr", "y prime égale un moins epsilon, fois y"),
    ("y' = (1 − ε)·y", "es", "y prima igual a uno menos épsilon, por y"),
    ("x·(1 − ε) and (a + b)·(c + d)", "en",
     "x times the quantity one minus epsilon and the quantity a plus b, times the quantity c plus d"),
    (r"$(1-\epsilon) \cdot y$", "en", "the quantity one minus epsilon, times y"),
    ("u·v = 0", "en", "u dot v equals 0"),
    # a function applied is a factor (cross-entropy was "minus y dot log of p minus (1 minus y dot log one minus p")
    ("L = −y·log(p) − (1 − y)·log(1 − p)", "en",
     "L equals minus y times log of p minus the quantity one minus y, times log of one minus p"),
    (r"$-y \cdot \log(p) - (1-y) \cdot \log(1-p)$", "en",
     "minus y times log of p minus the quantity one minus y, times log of one minus p"),
    ("L = −y·log(p) − (1 − y)·log(1 − p)", "de",
     "L gleich minus y mal Logarithmus von p minus Klammer auf eins minus y Klammer zu, "
     "mal Logarithmus von eins minus p"),
    ("L = −y·log(p) − (1 − y)·log(1 − p)", "fr",
     "L égale moins y fois logarithme de p moins un moins y, fois logarithme d'un moins p"),
    ("L = −y·log(p) − (1 − y)·log(1 − p)", "es",
     "L igual a menos y por logaritmo de p menos uno menos y, por logaritmo de uno menos p"),
    ("x·σ(z) and a·f(x)", "en", "x times sigma of z and a dot f of x"),
]  # fmt: skip


@readings(PRODUCTS)
def test_a_middle_dot_between_factors_is_a_product(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: a spaced `·` between words or ratios separates a list's items: a pause, not a product ("Wien mal Berlin mal Paris")
SEPARATORS = [
    ("Wien · Berlin · Paris", "de", "Wien, Berlin, Paris"),
    ("Wien · Berlin · Paris", "fr", "Wien, Berlin, Paris"),
    ("Features · Pricing · Docs.", "en", "Features, Pricing, Docs."),
    ("4:3 · 16:9", "en", "4:3, 16:9"),
    ("u · v = 0 and 2 · 3 = 6", "en", "u times v equals 0 and 2 times 3 equals 6"),  # a product, as before
    # words in a formula and two words in lower case are a product ("2 times Precision, Recall" was said)
    (
        "F1 = 2 · Precision · Recall / (Precision + Recall)",
        "en",
        "F1 equals 2 times Precision times Recall over (Precision plus Recall)",
    ),
    ("We multiply loss · weight per sample.", "en", "We multiply loss times weight per sample."),
    ("Verlust · Gewicht = Summe", "de", "Verlust mal Gewicht gleich Summe"),
    # a menu's item may begin with a one-letter capital word ("Accueil, Blog fois À propos" was said)
    ("Accueil · Blog · À propos", "fr", "Accueil, Blog, À propos"),
    ("Home · Blog · A propos · Contact", "en", "Home, Blog, A propos, Contact"),
    ("Inicio · Blog · Y más", "es", "Inicio, Blog, Y más"),
    ("Gain · A x", "en", "Gain times A x"),  # no menu: a product, as before
]


@readings(SEPARATORS)
def test_a_middle_dot_between_words_separates_them(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: `≈` after a verb or a preposition: "about", as English and French say it (de was "auf ungefähr gleich 4,6", es "a
#: aproximadamente igual a 4,6"); another sign keeps its words, and `≈` between two terms its "equal"
ABOUT = [
    ("Der Loss springt auf ≈ 4,6.", "de", "Der Loss springt auf etwa 4,6."),
    ("Wir erhalten ≈ 92 %.", "de", "Wir erhalten etwa 92 %."),
    ("Der Wert ist < 0,05", "de", "Der Wert ist kleiner als 0,05"),
    ("x ≈ 3", "de", "x ungefähr gleich 3"),
    ("La pérdida salta a ≈ 4,6.", "es", "La pérdida salta a aproximadamente 4,6."),
    ("Obtenemos ≈ 92 %.", "es", "Obtenemos aproximadamente 92 %."),
    ("Scende a ≈ 4,6.", "it", "Scende a circa 4,6."),
    ("Cai para ≈ 4,6.", "pt", "Cai para aproximadamente 4,6."),
    # `a` is a preposition after a verb only: a name elsewhere, whose `≈` keeps its "equal" ("si a aproximadamente b")
    (
        "La pérdida cae a ≈ 2,1; si a ≈ b, para.",
        "es",
        "La pérdida cae a aproximadamente 2,1; si a es aproximadamente igual a b, para.",
    ),
    ("La tasa a ≈ 0,5 funciona.", "es", "La tasa a aproximadamente igual a 0,5 funciona."),
    ("Se a ≈ b, converge.", "it", "Se a circa uguale a b, converge."),
    ("Se a ≈ b, converge.", "pt", "Se a aproximadamente igual a b, converge."),
]


@readings(ABOUT)
def test_about_after_a_verb_or_a_preposition_is_about(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A comparison after a verb with an object or a preposition bounds the amount after it (en "takes less than or equal
#: to 0.2 milliseconds", fr "fait est inférieur ou égal à", de "ist größer oder gleich ein Gigabyte"; French and
#: German `< 1 ms` lost its sign as a menu path's: "prend, une milliseconde"); after a copula and between names, the
#: comparison's words stay
BOUNDS = [
    ("A round trip takes ≤ 0.2 ms.", "en", "A round trip takes at most 0.2 milliseconds."),
    ("A write costs ≥ 3 IOPS.", "en", "A write costs at least 3 IOPS."),
    ("It answers with ≥ 80% recall.", "en", "It answers with at least 80% recall."),
    ("It takes < 1 ms and costs > 3 IOPS.", "en", "It takes less than 1 millisecond and costs more than 3 IOPS."),
    (
        "The lag is ≤ 2 ms; x ≤ y; $a \\le b$",
        "en",
        "The lag is less than or equal to 2 milliseconds; x is less than or equal to y; a is less than or equal to b",
    ),
    ("Un aller-retour fait ≤ 0,2 ms.", "fr", "Un aller-retour fait au plus 0,2 milliseconde."),
    ("Il prend ≤ 0,2 ms et coûte ≥ 3 IOPS.", "fr", "Il prend au plus 0,2 milliseconde et coûte au moins 3 IOPS."),
    ("Il prend < 1 ms et coûte > 3 IOPS.", "fr", "Il prend moins d'une milliseconde et coûte plus de 3 IOPS."),
    ("Le délai est ≤ 2 ms.", "fr", "Le délai est inférieur ou égal à 2 millisecondes."),
    (
        "Es dauert ≤ 0,2 ms und kostet ≥ 3 IOPS.",
        "de",
        "Es dauert höchstens 0,2 Millisekunden und kostet mindestens 3 IOPS.",
    ),
    (
        "Es dauert < 1 ms und kostet > 1 €.",
        "de",
        "Es dauert weniger als eine Millisekunde und kostet mehr als einen Euro.",
    ),
    ("Der Durchsatz ist ≥ 1 GB/s.", "de", "Der Durchsatz ist mindestens ein Gigabyte pro Sekunde."),
    ("Der Fehler ist < 0,05.", "de", "Der Fehler ist kleiner als 0,05."),
    # verbs an amount is the object of; the nouns and participles among their forms keep the comparison's words
    (
        "Raft requires ≥ 3 nodes; CPU use ≤ 50%",
        "en",
        "Raft requires at least 3 nodes; CPU use is less than or equal to 50%",
    ),
    ("memory used ≤ 4 GB", "en", "memory used is less than or equal to 4 gigabytes"),
    ("Il faut ≥ 3 nœuds.", "fr", "Il faut au moins 3 nœuds."),
    ("Raft benötigt ≥ 3 Knoten.", "de", "Raft benötigt mindestens 3 Knoten."),
]


@readings(BOUNDS)
def test_a_comparison_after_a_verb_with_an_object_is_a_bound(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A comparison about a name after a preposition has no verb of its own (en was "for z is greater than 88", fr "pour
#: z est supérieur à 88"); in Spanish, one after "si" is its clause's verb ("si x mayor que 1" lacked it)
NAMED_COMPARISONS = [
    ("It overflows for z > 88.", "en", "It overflows for z greater than 88."),
    ("for x ≈ 0", "en", "for x approximately equal to 0"),
    ("If x > 0, stop.", "en", "If x is greater than 0, stop."),
    ("Il déborde pour z > 88.", "fr", "Il déborde pour z supérieur à 88."),
    ("si ‖g‖₂ > 1,0, recortamos", "es", "si la norma de g, sub dos es mayor que 1,0, recortamos"),
    ("cuando n >= 10", "es", "cuando n es mayor o igual que 10"),
    ("con x > 3", "es", "con x mayor que 3"),
    ("Aunque x < y, seguimos.", "es", "Aunque x es menor que y, seguimos."),
    # ... and a noun phrase of prose after such a conjunction or a word joining clauses ("si la pérdida menor que
    # 0,1" was said); at a sentence's start or after a preposition it may be a phrase, left as it was
    ("Si la pérdida < 0,1, paramos.", "es", "Si la pérdida es menor que 0,1, paramos."),
    ("cuando la tasa de aprendizaje > 1e-3", "es", "cuando la tasa de aprendizaje es mayor que 1 e menos 3"),
    ("Es alta y la pérdida ≈ 0,5.", "es", "Es alta y la pérdida es aproximadamente igual a 0,5."),
    ("Vimos que el error >= 2.", "es", "Vimos que el error es mayor o igual que 2."),
    ("La pérdida < 0,1 indica convergencia", "es", "La pérdida menor que 0,1 indica convergencia"),
    ("con la pérdida < 0,1", "es", "con la pérdida menor que 0,1"),
    ("Si la pérdida es < 0,1", "es", "Si la pérdida es menor que 0,1"),
    # ... but not where the clause's own verb follows the operand and its unit ("que la pérdida es menor que 0,1
    # indica" was said), nor for two nouns of one subject ("El precio y la calidad es mayor")
    (
        "Sabemos que la pérdida < 0,1 indica convergencia.",
        "es",
        "Sabemos que la pérdida menor que 0,1 indica convergencia.",
    ),
    ("Y la precisión > 90 % es buena señal.", "es", "Y la precisión mayor que 90 % es buena señal."),
    ("Pero la dosis > 5 mg es peligrosa.", "es", "Pero la dosis mayor que 5 miligramos es peligrosa."),
    (
        "Vimos que una latencia < 10 ms es aceptable.",
        "es",
        "Vimos que una latencia menor que 10 milisegundos es aceptable.",
    ),
    ("El precio y la calidad > 7.", "es", "El precio y la calidad mayor que 7."),
    # a verb of the clause's own is read past the operand's unit of any length; anything else after it (a
    # preposition, the main clause's verb after `si`, `no paramos`) keeps "es" ("si la latencia mayor que" was said)
    (
        "Si la latencia > 10 ms paramos el servicio.",
        "es",
        "Si la latencia es mayor que 10 milisegundos paramos el servicio.",
    ),
    ("Mientras la carga > 80 % escalamos.", "es", "Mientras la carga es mayor que 80 % escalamos."),
    ("Cuando el precio > 100 € vendemos.", "es", "Cuando el precio es mayor que 100 euros vendemos."),
    ("Si la latencia > 10 ms no paramos.", "es", "Si la latencia es mayor que 10 milisegundos no paramos."),
    ("Vemos que el throughput < 5 MB/s.", "es", "Vemos que el throughput es menor que 5 megabytes por segundo."),
    ("Sabemos que la pérdida < 0,1 en validación.", "es", "Sabemos que la pérdida es menor que 0,1 en validación."),
    (
        "Cuando la temperatura > 180 °C, el pan se quema.",
        "es",
        "Cuando la temperatura es mayor que 180 grados Celsius, el pan se quema.",
    ),
    (
        "Si el modelo > 1B parámetros, no cabe en la GPU.",
        "es",
        "Si el modelo es mayor que 1 mil millones de parámetros, no cabe en la GPU.",
    ),
    (
        "Sabemos que la pérdida < 0,1 en validación indica convergencia.",
        "es",
        "Sabemos que la pérdida menor que 0,1 en validación indica convergencia.",
    ),
    (
        "Vemos que el modelo > 1B parámetros no cabe.",
        "es",
        "Vemos que el modelo mayor que 1 mil millones de parámetros no cabe.",
    ),
    # a unit, a mark or a word joining clauses after the operand: the verb is the comparison's
    (
        "Si la latencia > 10 ms, paramos; si la pérdida < 0,1 y el error > 2, seguimos.",
        "es",
        "Si la latencia es mayor que 10 milisegundos, paramos; si la pérdida es menor que 0,1 y el error es mayor "
        "que 2, seguimos.",
    ),
    # after a quantifier, and with a word for the name (were "for all x is greater than 0", "with count is greater")
    ("for all x > 0", "en", "for all x greater than 0"),
    ("For every x > 0, f(x) > 0", "en", "For every x greater than 0, f of x is greater than 0"),
    ("with count ≥ 5", "en", "with count greater than or equal to 5"),
    ("Pour tout x > 0", "fr", "Pour tout x supérieur à 0"),
    ("für alle x > 0", "de", "für alle x größer als 0"),  # German has no verb there, as before
]


@readings(NAMED_COMPARISONS)
def test_a_comparison_has_a_verb_only_where_the_sentence_needs_one(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: Generated phrases joined as the language joins them, and a norm's noun said once after "the norm"
JOINED = [
    ("the norm ‖x‖ is ≤ 1", "en", "the norm of x is less than or equal to 1"),
    ("la norme ‖x‖", "fr", "la norme de x"),
    ("Die Norm ‖x‖ ist klein", "de", "Die Norm von x ist klein"),  # were "Die Norm die Norm von x", …
    ("mit der Norm ‖x − y‖₂", "de", "mit der Norm von x minus y, Index zwei"),
    ("La norma ‖x‖", "es", "La norma de x"),
    ("La norma ‖x‖", "it", "La norma di x"),
    ("A norma ‖x‖", "pt", "A norma de x"),
    # a feminine subject written in prose agrees ("la loss" too; "La perte initiale … égal au" was said)
    ("la loss initiale ≈ ln(V)", "fr", "la loss initiale est environ égale au logarithme népérien de V"),
    ("La perte initiale ≈ ln(V)", "fr", "La perte initiale est environ égale au logarithme népérien de V"),
    ("Ici, la valeur de x >= 3.", "fr", "Ici, la valeur de x est supérieure ou égale à 3."),
    (
        "L'espérance ≥ 0 mais Le coût ≈ 2",
        "fr",
        "L'espérance est supérieure ou égale à 0 mais Le coût est environ égal à 2",
    ),
    ("Pour la perte x > 0", "fr", "Pour la perte x est supérieur à 0"),  # x is the subject: masculine
    # an adverbial phrase before the subject is not its noun ("x est supérieure à 0" was said)
    ("Une fois x > 0, on s'arrête.", "fr", "Une fois x est supérieur à 0, on s'arrête."),
    ("Cette fois x ≥ 0", "fr", "Cette fois x est supérieur ou égal à 0"),
    # a linking word before the subject is not its first word ("Si la perte est inférieur" was said)
    ("Si la perte < 0,1, on s'arrête.", "fr", "Si la perte est inférieure à 0,1, on s'arrête."),
    ("Donc la perte ≈ 0", "fr", "Donc la perte est environ égale à 0"),
    ("Quand la variance > 1", "fr", "Quand la variance est supérieure à 1"),
    ("Lorsque la perte ≤ 0,5", "fr", "Lorsque la perte est inférieure ou égale à 0,5"),
    ("Puisque la norme ≥ 1", "fr", "Puisque la norme est supérieure ou égale à 1"),
    ("Et si la valeur de x >= 3", "fr", "Et si la valeur de x est supérieure ou égale à 3"),
    ("Si x > 0", "fr", "Si x est supérieur à 0"),
    # a second comparison after "et", "mais", "ou" has its own subject ("la perte est inférieur" was said)
    ("Si x > 0 et la perte < 1", "fr", "Si x est supérieur à 0 et la perte est inférieure à 1"),
    (
        "Le rappel > 0,9 et la précision < 0,5",
        "fr",
        "Le rappel est supérieur à 0,9 et la précision est inférieure à 0,5",
    ),
    ("La perte < 1 mais x > 0", "fr", "La perte est inférieure à 1 mais x est supérieur à 0"),
    # a noun after `l'` the feminine list knows, and an article's noun with its complement of five words
    # ("inférieur" was said)
    ("Quand l'erreur < 0,1", "fr", "Quand l'erreur est inférieure à 0,1"),
    ("L'entropie ≥ 0", "fr", "L'entropie est supérieure ou égale à 0"),
    ("Si l'incertitude > 0,5", "fr", "Si l'incertitude est supérieure à 0,5"),
    ("Et la perte de validation moyenne < 0,1", "fr", "Et la perte de validation moyenne est inférieure à 0,1"),
    ("L'écart < 0,1", "fr", "L'écart est inférieur à 0,1"),
    # a comparison after a clause with its own verb, joined by "et", "mais", "ou", has its own subject ("la perte est
    # inférieur" was said)
    (
        "Si le modèle est bon et la perte < 1, on arrête.",
        "fr",
        "Si le modèle est bon et la perte est inférieure à 1, on arrête.",
    ),
    (
        "Si le modèle converge et que la perte ≤ 0,5",
        "fr",
        "Si le modèle converge et que la perte est inférieure ou égale à 0,5",
    ),
    ("Le modèle est bon mais le coût > 2", "fr", "Le modèle est bon mais le coût est supérieur à 2"),
    # ... but after a noun phrase, "et" joins a noun to it: one subject ("Le ratio … est supérieure" was said)
    (
        "Le ratio de la variance et la moyenne > 1.",
        "fr",
        "Le ratio de la variance et la moyenne est supérieur à 1.",
    ),
    ("Le produit de la masse et la vitesse > 10.", "fr", "Le produit de la masse et la vitesse est supérieur à 10."),
    ("Si le modèle a convergé et la perte < 1", "fr", "Si le modèle a convergé et la perte est inférieure à 1"),
    # two noun phrases joined: the first one's gender ("La variance et la moyenne est supérieur" was said)
    ("La variance et la moyenne > 1.", "fr", "La variance et la moyenne est supérieure à 1."),
    ("La variance de X et la moyenne de Y > 1.", "fr", "La variance de X et la moyenne de Y est supérieure à 1."),
    ("La cote du match ou la mise > 2.", "fr", "La cote du match ou la mise est supérieure à 2."),
    ("Quand le four et la poêle > 200", "fr", "Quand le four et la poêle est supérieur à 200"),
    # the head noun of "X de Y" is the subject, whose complement may be an elided article's noun ("inférieur" was said)
    ("La valeur de l'erreur < 0,1", "fr", "La valeur de l'erreur est inférieure à 0,1"),
    ("La moyenne d'erreur ≈ 0,2", "fr", "La moyenne d'erreur est environ égale à 0,2"),
    ("Le taux d'erreur > 5 %", "fr", "Le taux d'erreur est supérieur à 5 %"),
    ("Le taux de l'erreur ≥ 0,1", "fr", "Le taux de l'erreur est supérieur ou égal à 0,1"),
    ("La somme des poids = 1", "fr", "La somme des poids égale 1"),
    # ... and after the sentence's own verb ("La perte est inférieur" was said)
    ("La perte est < 1", "fr", "La perte est inférieure à 1"),
    ("La perte de validation était >= 2", "fr", "La perte de validation était supérieure ou égale à 2"),
    ("Le coût est < 1", "fr", "Le coût est inférieur à 1"),
    ("la perte baisse quand x > 0", "fr", "la perte baisse quand x est supérieur à 0"),
    ("p_i ∝ exp(z_i)", "fr", "p indice i est proportionnel à l'exponentielle de z indice i"),
    ("une accélération de ~2 fois", "fr", "une accélération d'environ 2 fois"),
]


@readings(JOINED)
def test_generated_phrases_join_their_neighbours_as_the_language_does(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: French: a power of a group after a term or a sign marks where the group starts, as English's "the quantity" does
#: (`1 - (1 - p)^n` was "un moins un moins p, le tout puissance n", which takes the first "un" into "le tout")
GROUPED_POWERS = [
    (r"$P(\text{lent}) = 1 - (1 - p)^n$", "fr", "P de lent égale un moins la quantité un moins p, le tout puissance n"),
    ("$n(1-p)^2$", "fr", "n fois la quantité un moins p, le tout au carré"),
    ("$(a+b)^2$ et $y = (1-p)^n$", "fr", "a plus b, le tout au carré et y égale un moins p, le tout puissance n"),
    (r"$P(\text{slow}) = 1 - (1 - p)^n$", "en", "P of slow equals one minus the quantity one minus p, to the n"),
]


@readings(GROUPED_POWERS)
def test_a_grouped_power_after_a_term_says_where_its_group_starts(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: An ion's charge after a formula of elements is said as chemistry says it ("H to the power plus" was said for
#: `[H⁺]`; bug bash h-tech); a power, a limit's side and a name that is no formula stay a formula's
ION_CHARGES = [
    (
        "A pH of 7.4 means [H⁺] ≈ 4×10⁻⁸ mol/L",
        "en",
        "A pH of 7.4 means [H plus] is approximately equal to four times ten to the power minus eight moles per liter",
    ),
    ("Ca²⁺ and Cl⁻, NH₄⁺, SO₄²⁻", "en", "C a 2 plus and C l minus, N H four plus, S O four 2 minus"),
    ("Ein pH-Wert von 7,4 bedeutet [H⁺], Ca²⁺", "de", "Ein pH-Wert von 7,4 bedeutet [H plus], C a 2 plus"),
    ("[H⁺] et Cl⁻", "fr", "[H plus] et C l moins"),
    ("[H⁺] y Cl⁻", "es", "[H más] y C l menos"),
    ("[H⁺] e Cl⁻", "it", "[H più] e C l meno"),
    ("[H⁺] e Cl⁻", "pt", "[H mais] e C l menos"),
    ("A⁺ b, A⁻¹, e⁻ˣ, Q⁺", "en", "A to the power plus b, A inverse, e to the power minus x, Q to the power plus"),
]


@readings(ION_CHARGES)
def test_an_ions_charge_is_said_as_plus_or_minus(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A chemical formula of elements' symbols with counts in subscript is said as chemists say it ("C O sub two", "H
#: Index zwei O" were said; review r-tech of bug bash h-tech); a math name's index stays one (`x₂`, `C₁`, `P₁P₂`)
CHEMICAL_FORMULAS = [
    (
        "CO₂ and H₂O, C₆H₁₂O₆, C₁₂H₂₂O₁₁, Fe₂O₃, O₂ and N₂",
        "en",
        "C O two and H two O, C six H twelve O six, C twelve H twenty-two O eleven, F e two O three, O two and N two",
    ),
    ("Der CO₂-Gehalt, H₂O", "de", "Der C O zwei Gehalt, H zwei O"),
    ("le CO₂ et l'H₂O", "fr", "le C O deux et l'H deux O"),
    ("el CO₂ y el H₂O", "es", "el C O dos y el H dos O"),
    ("la CO₂ e l'H₂O", "it", "la C O due e l'H due O"),
    ("o CO₂ e a H₂O", "pt", "o C O dois e a H dois O"),
    (
        "x₂, C₁, C₂, P₁P₂, P₂P₃, K₂ and x₁ + x₂",
        "en",
        "x sub two, C sub one, C sub two, P sub one P sub two, P sub two P sub three, K sub two and x sub one plus x "
        "sub two",
    ),
    ("V₁I₁ = V₂I₂ and CO₂", "en", "V sub one I sub one equals V sub two I sub two and C O two"),
]


@readings(CHEMICAL_FORMULAS)
def test_a_chemical_formula_is_said_as_chemists_say_it(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
