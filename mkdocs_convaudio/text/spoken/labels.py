"""Nouns that number a part (`chapter 2`, `step 3`, `Kapitel 3`): what comes after their number is no quantity of it."""

from __future__ import annotations

import re

#: A label's noun right before a number, which numbers a part and multiplies or measures nothing (`In chapter 2
#: Var[X] is defined`: "chapter 2 times the variance" was said; `step 3 s`, `Block 3 m` "3 seconds", "3 meters")
LABEL_BEFORE = re.compile(
    r"(?<!\w)(?:chapters?|steps?|sections?|fig(?:ure)?s?\.?|tables?|eq(?:uation)?s?\.?|lines?|pages?|p\.|parts?|items?"
    r"|cases?|stages?|phases?|levels?|rounds?|epochs?|versions?|players?|sessions?|blocks?|chapitres?|étapes?"
    r"|parties?|équations?|lignes?"
    r"|Kapitel|Schritt|Abschnitt|Abbildung|Tabelle|Gleichung|Zeile|Seite|Teil|Stufe|Phase|Runde|Epoche|Version"
    r"|capítulos?|pasos?|secci[oó]n|figuras?|tablas?|ecuaci[oó]n|líneas?|páginas?|partes?|fase|capitolo|passo"
    r"|sezione|tabella|equazione|pagina|parte|passos?|seção|tabela|equação|página) \Z",
    re.IGNORECASE,
)
#: ... with the labels listed before the number after it (`Pages 3 s and 4 s`: the `4` is a page's too)
_LISTED_LABELS = re.compile(r"(?:\d+[a-z]?|\d+ [A-Za-z])(?:,| and| or| et| und| y| e|,? &)? \Z")


def after_label(text: str, start: int) -> bool:
    """Whether the number at `start` in `text` follows a label's noun (`step 3`), or a list of its numbers (`Pages 3 s
    and 4`)."""
    for _ in range(8):  # a list's length: not the whole line
        if LABEL_BEFORE.search(text, max(0, start - 16), start) is not None:
            return True
        listed = _LISTED_LABELS.search(text, max(0, start - 16), start)
        if listed is None:
            return False
        start = listed.start()
    return False
