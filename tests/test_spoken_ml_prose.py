"""Words of machine-learning posts that a voice misread (bug bash 165): abbreviated months and words, plural
acronyms, functions applied in prose, and names from code."""

from __future__ import annotations

import pytest

from mkdocs_convaudio.text.spoken import spoken_text

#: An abbreviated month before a day or a year is the month (eSpeak NG said "Feb" and ended the sentence); German
#: `bzgl.` and `min.` are words (`bzgl.` was spelled, `min.` ended the sentence), `5 min.` is still five minutes
ABBREVIATIONS = [
    ("im Feb. 2019, im Jan. 2024, Mitte Sept. 2023", "de", "im Februar 2019, im Januar 2024, Mitte September 2023"),
    ("am 12. Feb. 2019; Jan. kommt morgen", "de", "am zwölften Februar 2019; Jan. kommt morgen"),
    ("bzgl. des Modells", "de", "bezüglich des Modells"),
    ("min. 4 Karten, max. 8 und 3000 U/min.", "de", "mindestens 4 Karten, maximal 8 und 3000 U pro Minute."),
    ("Das dauert 5 min. Danach geht es weiter.", "de", "Das dauert 5 Minuten. Danach geht es weiter."),
    ("en févr. 2019, janv. 2024, le 3 sept. 2023", "fr", "en février 2019, janvier 2024, le 3 septembre 2023"),
    ("resp. 5 et 6. Il en reste sept.", "fr", "respectivement 5 et 6. Il en reste sept."),
    ("feb. 2019 y en ene. 2024", "es", "febrero 2019 y en enero 2024"),
]


@pytest.mark.parametrize(
    ("line", "language", "said"), ABBREVIATIONS, ids=[f"{lang}:{line}" for line, lang, _ in ABBREVIATIONS]
)
def test_an_abbreviated_month_or_word_is_said_in_full(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said


#: A plural acronym is read as its singular is, spelled: German puts the plural's `s` on the last letter ("Ge Pe
#: Us", "L L M s"), French and Spanish say none (eSpeak NG said "GePUs", "Apis", "jepus"); one said as a word keeps its
#: plural, code and formulas are left alone, and English eSpeak spells them already
ACRONYMS = [
    ("vier GPUs und die APIs, LLMs, URLs, 4 VMs", "de", "vier G P Us und die A P Is, L L M s, U R L s, 4 V M s"),
    ("die RAMs, eine GPU, GPUs-Cluster", "de", "die RAMs, eine GPU, GPUs-Cluster"),
    ("quatre GPUs, les APIs. Les LLMs, 4 VMs", "fr", "quatre GPU, les API. Les LLM, 4 VM"),
    ("cuatro GPUs y las APIs", "es", "cuatro GPU y las API"),
    ("four GPUs and the APIs", "en", "four GPUs and the APIs"),
]


@pytest.mark.parametrize(("line", "language", "said"), ACRONYMS, ids=[f"{lang}:{line}" for line, lang, _ in ACRONYMS])
def test_a_plural_acronym_is_read_as_its_singular(line: str, language: str, said: str) -> None:
    assert spoken_text(line, language) == said
