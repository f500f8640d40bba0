"""Plural acronyms (`GPUs`, `APIs`) as the singular is read: eSpeak NG read them as words in German, French and
Spanish ("GePUs", "Apis", "jepus"; bug bash 165), where it spells `GPU` and `API`."""

from __future__ import annotations

import re

from .rules import Language

#: Two to five capitals and a plural's `s`, not in a name, a path or a compound (`GPUs-Cluster` stays)
_PLURAL_ACRONYM = re.compile(r"(?<![\w.$\\/-])([A-Z]{2,5})s(?![\w'’/-])")
#: An acronym said as a word (`RAM`, `LAN`, `JSON`, `JPEG`, `BERT`): one vowel between consonants; or a consonant
#: and a vowel twice (`TODO`, `NASA`, `GELU`, `FIXME`: "T O D Os" was said); `GPU`, `CEO`, `IDE` are spelled
_SAID_AS_A_WORD = re.compile(r"[^AEIOU]+[AEIOU][^AEIOU]+|[^AEIOU][AEIOU][^AEIOU]{1,2}[AEIOU]")


def _spelled_plural(match: re.Match[str]) -> str:
    """German adds the `s` to the last letter ("Ge Pe Us", "U Er Els"): "G P Us", and "L L M s" (eSpeak NG took
    "Ms" for English); an acronym said as a word keeps its plural (`RAMs`)."""
    acronym = match[1]
    if _SAID_AS_A_WORD.fullmatch(acronym):
        return match[0]
    return " ".join(acronym) + ("s" if acronym[-1] in "AEIOU" else " s")


def plural_acronyms(text: str, lang: Language) -> str:
    """`4 GPUs`: "4 G P Us" in German; "4 GPU" in French and Spanish, whose acronyms say no plural (`des GPU`,
    `las GPU`)."""
    if lang.acronym_plural == "spelled":
        return _PLURAL_ACRONYM.sub(_spelled_plural, text)
    if lang.acronym_plural == "invariable":
        return _PLURAL_ACRONYM.sub(r"\1", text)
    return text
