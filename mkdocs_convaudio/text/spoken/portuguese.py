"""The Portuguese spelling table (`pt`): the words a Portuguese page reads formulas, symbols, units and abbreviations
with (Brazilian spelling, understood in Portugal)."""

from __future__ import annotations

from .rules import GREEK, Language

_SYMBOLS = {
    "=": "igual a", "≠": "diferente de", "≈": "aproximadamente igual a", "≃": "aproximadamente igual a",
    "∼": "é semelhante a", "≅": "é congruente a", "≡": "é equivalente a", "<": "menor que", ">": "maior que",
    "≤": "menor ou igual a", "≥": "maior ou igual a", "≪": "muito menor que", "≫": "muito maior que",
    "±": "mais ou menos", "∓": "menos ou mais", "×": "vezes", "·": "vezes", "⋅": "vezes", "*": "vezes",
    "÷": "dividido por", "→": "para", "↦": "é levado em", "←": "de", "⇒": "implica", "⇐": "é implicado por",
    "⇔": "se e somente se", "↔": "se e somente se", "∞": "infinito", "∑": "o somatório", "∏": "o produtório",
    "∫": "a integral", "∮": "a integral de linha", "∂": "parcial", "∇": "nabla", "∈": "pertence a",
    "∉": "não pertence a", "⊂": "subconjunto de", "⊆": "subconjunto ou igual a", "∪": "união",
    "∩": "interseção", "∅": "o conjunto vazio", "∀": "para todo", "∃": "existe", "¬": "não", "∧": "e",
    "∨": "ou", "⊕": "ou exclusivo", "⊗": "tensor", "∘": "composta com", "∝": "é proporcional a",
    "⊥": "é perpendicular a", "∥": "é paralelo a", "∠": "ângulo", "°": "graus", "…": "e assim por diante",
    "†": "adaga", "ℓ": "ele", "ℏ": "h cortado", "′": "linha", "ℜ": "a parte real de",
    "ℑ": "a parte imaginária de", "⋆": "estrela", "%": "por cento", "&": "e", "⟨": "", "⟩": "",
    "√": "a raiz quadrada de", "∛": "a raiz cúbica de", "ℝ": "R", "ℕ": "N", "ℤ": "Z", "ℚ": "Q", "ℂ": "C",
    "+": "mais", "−": "menos", "-": "menos", "/": "sobre", "!": "fatorial", "#": "número", "$": "dólares",
    "€": "euros", "£": "libras",
}

_UNITS = {
    "A": "amperes", "mA": "miliamperes", "µA": "microamperes", "μA": "microamperes", "nA": "nanoamperes",
    "V": "volts", "mV": "milivolts", "kV": "quilovolts", "µV": "microvolts", "W": "watts", "mW": "miliwatts",
    "kW": "quilowatts", "Hz": "hertz", "kHz": "quilohertz", "MHz": "megahertz", "GHz": "gigahertz", "Ω": "ohms",
    "kΩ": "quilo-ohms", "MΩ": "megaohms", "F": "farads", "µF": "microfarads", "μF": "microfarads",
    "nF": "nanofarads", "pF": "picofarads", "H": "henrys", "mH": "milihenrys", "µH": "microhenrys",
    "s": "segundos", "ms": "milissegundos", "µs": "microssegundos", "μs": "microssegundos", "ns": "nanossegundos",
    "ps": "picossegundos", "dB": "decibéis", "dBm": "d B m", "mAh": "miliampere-hora", "Wh": "watt-hora",
    "kWh": "quilowatt-hora", "B": "bytes", "KB": "quilobytes", "kB": "quilobytes", "MB": "megabytes",
    "GB": "gigabytes", "TB": "terabytes", "KiB": "kibibytes", "MiB": "mebibytes", "GiB": "gibibytes", "b": "bits",
    "kb": "quilobits", "Mb": "megabits", "bps": "bits por segundo", "kbps": "quilobits por segundo",
    "Kbps": "quilobits por segundo", "Mbps": "megabits por segundo", "Gbps": "gigabits por segundo",
    "m": "metros", "mm": "milímetros", "cm": "centímetros", "km": "quilômetros", "µm": "micrômetros",
    "nm": "nanômetros", "g": "gramas", "mg": "miligramas", "kg": "quilogramas", "°C": "graus Celsius",
    "°F": "graus Fahrenheit", "K": "kelvins", "ppm": "partes por milhão", "h": "horas", "min": "minutos",
}

#: The nouns the table's phrases put after an article, which a preposition before them contracts with.
_MASCULINE = ("determinante", "traço", "posto", "núcleo", "espaço", "logaritmo", "máximo", "mínimo", "valor",
              "conjunto", "somatório", "produtório", "limite")
_FEMININE = ("raiz", "norma", "integral", "probabilidade", "exponencial", "matriz", "dimensão", "variância",
             "projeção", "parte")

PORTUGUESE = Language(
    code="pt",
    symbols=_SYMBOLS,
    functions={
        "det": "o determinante de {}", "tr": "o traço de {}", "trace": "o traço de {}", "rank": "o posto de {}",
        "dim": "a dimensão de {}", "ker": "o núcleo de {}", "span": "o espaço gerado por {}",
        "exp": "a exponencial de {}", "ln": "o logaritmo natural de {}", "log": "logaritmo de {}",
        "sin": "seno de {}", "cos": "cosseno de {}", "tan": "tangente de {}", "max": "o máximo de {}",
        "min": "o mínimo de {}", "diag": "a matriz diagonal de {}", "var": "a variância de {}",
        "Pr": "a probabilidade de {}", "E": "o valor esperado de {}",
    },
    plain_functions={
        "sin": "seno", "cos": "cosseno", "tan": "tangente", "ln": "logaritmo natural", "lim": "o limite",
        "det": "det", "proj": "proj", "max": "max", "min": "min", "tr": "traço", "sgn": "sinal", "gcd": "m d c",
        "lcm": "m m c", "Pr": "probabilidade", "var": "variância", "cov": "covariância", "arg": "argumento",
        "mod": "módulo",
    },
    abbreviations={
        "p. ex.": "por exemplo", "p.ex.": "por exemplo", "e.g.": "por exemplo", "i.e.": "isto é",
        "vs.": "versus", "etc.": "et cetera", "cf.": "confira", "aprox.": "aproximadamente", "nº": "número",
        "n.º": "número", "Fig.": "figura", "Eq.": "equação", "pág.": "página",
        "et al.": "e colaboradores", "I/O": "I O", "E/S": "E S", "N/A": "não se aplica",
        "24/7": "vinte e quatro por sete", "50/50": "meio a meio", "A/B test": "teste A B", "Sr.": "senhor",
        "Sra.": "senhora", "Dr.": "doutor", "Dra.": "doutora",
    },
    units=_UNITS,
    squared="ao quadrado",
    cubed="ao cubo",
    inverse="inversa",
    transpose="transposta",
    power_ordinal="elevado a {}",
    power="elevado a {}",
    power_letter="elevado a {}",
    sub="{} índice {}",
    over="sobre",
    frac_simple={(1, 2): "um meio", (1, 3): "um terço", (2, 3): "dois terços", (1, 4): "um quarto",
                 (3, 4): "três quartos"},
    sqrt="a raiz quadrada de {}",
    cbrt="a raiz cúbica de {}",
    root="a raiz {} de {}",
    norm="a norma de {}",
    abs="o valor absoluto de {}",
    of="{} de {}",
    projection="a projeção de {} sobre {}",
    log_base="logaritmo na base {} de {}",
    word_or="ou",
    word_to="a",
    by="por",
    dot="escalar",
    about="aproximadamente",
    per="por",
    minus="menos",
    times="vezes",
    prime="linha",
    label="{}:",
    limits="{} de {} até {} de",
    limits_under="{} sobre {} de",
    limit="o limite quando {} tende a {} de",
    binomial="{0} sobre {1}",
    given="dado",
    accents={"vec": "vetor {}", "hat": "{} chapéu", "bar": "{} barra", "tilde": "{} til", "dot": "{} ponto",
             "ddot": "{} dois pontos"},
    multipliers={"k": "mil", "K": "mil", "thousand": "mil", "M": "milhões de", "million": "milhões de",
                 "B": "bilhões de", "bn": "bilhões de", "billion": "bilhões de"},
    decimal_comma=True,
    greek={**GREEK, "α": "alfa", "ε": "épsilon", "ϵ": "épsilon", "μ": "mi", "µ": "mi", "ν": "ni", "ξ": "csi",
           "ο": "ômicron", "ρ": "rô", "υ": "úpsilon", "φ": "fi", "ϕ": "fi", "χ": "qui",
           "Γ": "gama maiúsculo", "Δ": "delta maiúsculo", "Θ": "teta maiúsculo", "Λ": "lambda maiúsculo",
           "Ξ": "csi maiúsculo", "Π": "pi maiúsculo", "Σ": "sigma maiúsculo", "Φ": "fi maiúsculo",
           "Ψ": "psi maiúsculo", "Ω": "ômega maiúsculo"},
    per_words=frozenset({"segundo", "minuto", "hora", "dia", "semana", "mês", "ano"}),
    conjunctions=frozenset({"e", "ou"}),
    short_words=frozenset({"o", "os", "as", "um", "de", "do", "da", "em", "no", "na", "ao", "se", "que", "com",
                           "por", "para", "não", "é", "são", "há", "eu", "ele", "ela", "nos", "me", "te", "tu",
                           "ai", "só", "já", "lá", "cá", "vá", "dá"}),
    singular_units={"decibéis": "decibel", "graus Celsius": "grau Celsius", "graus Fahrenheit": "grau Fahrenheit",
                    "partes por milhão": "parte por milhão", "dólares": "dólar", "reais": "real"},
    singular_after_one=True,
    one="um",
    one_feminine="uma",
    feminine=frozenset({"hora", "libra", "parte"}),
    feminine_ordinals=True,
    before_numbers=frozenset({"nº", "n.º", "Fig.", "Eq.", "pág."}),
    currency_signs={"R$": "reais", "US$": "dólares"},
    multipliers_one={"M": "milhão de", "million": "milhão de", "B": "bilhão de", "bn": "bilhão de",
                     "billion": "bilhão de"},
    # only before the table's own nouns: `a` and `o` are also the names of variables (`a projeção de a sobre b`)
    contractions=tuple(
        (f"{preposition} {article} {noun}", f"{contracted} {noun}")
        for article, nouns, forms in (
            ("o", _MASCULINE, (("a", "ao"), ("de", "do"), ("em", "no"), ("por", "pelo"))),
            ("a", _FEMININE, (("a", "à"), ("de", "da"), ("em", "na"), ("por", "pela"))),
        )
        for noun in nouns
        for preposition, contracted in forms
    ),
    bare_thousand=True,
)
