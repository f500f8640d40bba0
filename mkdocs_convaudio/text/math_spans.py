"""Where a line's formulas are (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`), for the spoken text and the transcript alike."""

from __future__ import annotations

import re

#: Chinese and Japanese characters (and their punctuation), written without spaces between words
CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"

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
    # a formula may follow a Chinese or Japanese word with no space (`用公式$E = mc^2$`: "dollars E equals…"), as
    # arithmatex reads it; a price may not (`价格$5` stays money)
    rf"|(?:(?<![\\$\w])|(?<=[{CJK}]))\$(?=[^\s$\d])(?P<inline>{_BODY})(?<=[^\s\\])\$(?!\d)",
    re.S,
)
