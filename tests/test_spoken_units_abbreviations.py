"""Units after a number and abbreviations, as a bug bash heard them in English, Spanish, Italian and Portuguese:
what each is said as, and where the same letters mean something else and stay."""

from __future__ import annotations

from mkdocs_convaudio.text.spoken import spoken_text
from tests.readings import readings

#: An abbreviation that closes what it follows (`etc.`, `a.a.`, `ecc.`) before a capital ends the sentence: its full
#: stop stays, the voice's pause ("ao ano Depois cai" ran two sentences together); inside a sentence none is made
SENTENCE_ENDS = [
    ("rende 8% a.a. Depois cai.", "pt", "rende 8% ao ano. Depois cai."),
    ("rende 8% a.a. e depois cai.", "pt", "rende 8% ao ano e depois cai."),
    ("Pagas IVA, IRPF, etc. Luego ahorras.", "es", "Pagas IVA, IRPF, etcétera. Luego ahorras."),
    ("IVA, IRPF, etc. son impuestos.", "es", "IVA, IRPF, etcétera son impuestos."),
    ("sube 3% i.a. Luego baja.", "es", "sube 3% interanual. Luego baja."),
    ("mele, pere ecc. Poi andiamo.", "it", "mele, pere eccetera. Poi andiamo."),
    ("pommes, poires, etc. Ensuite on part.", "fr", "pommes, poires, et cetera. Ensuite on part."),
    ("Äpfel, Birnen usw. Danach gehen wir.", "de", "Äpfel, Birnen und so weiter. Danach gehen wir."),
    ("appels, peren enz. Daarna gaan we.", "nl", "appels, peren enzovoort. Daarna gaan we."),
    ("It pays 5% p.a. Then it falls.", "en", "It pays 5% per annum. Then it falls."),
    ("apples, pears, etc. Then we left.", "en", "apples, pears, et cetera. Then we left."),
]


@readings(SENTENCE_ENDS)
def test_an_abbreviation_ending_a_sentence_keeps_its_full_stop(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
