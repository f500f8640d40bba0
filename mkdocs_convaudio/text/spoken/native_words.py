"""Russian and Ukrainian words that several modules of the page's own words read by: the prepositions that ask for
the genitive of what follows them, and the months in the genitive (a date's, "15 марта").

`native_clock` says a time after those prepositions in the genitive ("с девяти"), `native_decimals` a decimal ("от
двух целых"), `native_abbreviations` a year ("с две тысячи двадцатого года"), `native_cases` a whole number ("от
пяти"); each adds the prepositions its own readings have met besides (a decimal's `без`, `для`; `native_cases`
leaves out "с", whose number is a genitive only as a range's start). Kept here once, so that a word one of them
learns, the others can take.
"""

from __future__ import annotations

#: Prepositions before a number that ask for its genitive (`с 9:00`, `до 2,5`, `после 2020 г.`)
GENITIVE_PREPOSITIONS = {
    "ru": ("с", "со", "до", "от", "после", "около"),
    "uk": ("з", "із", "зі", "до", "від", "після", "близько"),
}
#: A date's month, in the genitive (`15 марта`, `15 березня`), January first
MONTHS_GENITIVE = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
           "листопада", "грудня"),
}  # fmt: skip
