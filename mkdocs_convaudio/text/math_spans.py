"""Where a line's formulas are (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`), for the spoken text and the transcript alike."""

from __future__ import annotations

import re

# $$…$$, \(…\), \[…\], and $…$ as pandoc reads it: no space inside the dollars, no digit after the closing one.
# A span holds no opener of its kind (no `$` in `$…$`, but an escaped `\$`; no `$$` in `$$…$$`, whose `\text{}` may
# hold a `$x$`): each opener then looks no further than the next one, and a line of prices (`$5 and $6 and …`)
# takes time in proportion to its length, not its square. Nor does a `$…$` reach across a link's `](`: a price in
# a link's text is no formula with a `$` of its address (review 110)
_BODY = r"(?:\\.|(?!\]\()[^$\\])+?"
MATH_SPAN = re.compile(
    r"\$\$(?P<display>(?:\\.|[^$\\]|\$(?!\$))+?)\$\$"
    r"|\\\((?P<paren>(?:[^\\]|\\[^()])+?)\\\)|\\\[(?P<bracket>(?:[^\\]|\\[^\[\]])+?)\\\]"
    # after a price (`$5 mil o US$ 3 millones`), a closing `$` is no currency sign before an amount (`US$`, `R$`,
    # `C$`, `A$`, `NZ$`, `HK$` after a space, bug bash 85); `$x + C$ 2 lines below` keeps its closing `$` (review 86)
    rf"|(?<![\\$\w])\$(?=\d)(?P<price>{_BODY})(?<=[^\s\\])\$(?!\d)"
    r"(?!(?:(?<=\sUS\$)|(?<=\sR\$)|(?<=\s[ACM]\$)|(?<=\sNZ\$)|(?<=\sHK\$))\s?\d)"
    rf"|(?<![\\$\w])\$(?=[^\s$\d])(?P<inline>{_BODY})(?<=[^\s\\])\$(?!\d)",
    re.S,
)
