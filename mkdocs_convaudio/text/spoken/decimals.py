"""Numbers of a formula written with a decimal comma (`2,5`, `1.250,75`) as the points the formula rules read."""

from __future__ import annotations

import re

#: `1.000`, `2.500`, `1.000.000`, `1.250,75`: thousands grouped by points (not `0.001`, `3.142`, `2.718`: LaTeX writes
#: constants with a point in every language, review 86)
_POINT_GROUPS = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(,\d+)?(?![\d.,])")
_PLAIN_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d+),(\d+)(?![\d,])")
#: Brackets around a pair that is no decimal (`[0,1]`, `f(1,2)`, `\{0,1\}`, `]0,1[`)
_PAIR_OPEN, _PAIR_CLOSE = ("(", "[", "]", "{", "\\{"), (")", "]", "[", "}", "\\}")


def _thousands(match: re.Match[str]) -> str:
    """`1.000` → `1000`, `1.250,75` → `1250.75`; a single group only when it ends in 0 (`1.024` may be a constant)."""
    groups = match[2].split(".")[1:]
    if len(groups) == 1 and not groups[0].endswith("0"):
        return match[0]
    return match[1] + "".join(groups) + (f".{match[3][1:]}" if match[3] else "")


def _decimal_comma(match: re.Match[str]) -> str:
    """`2,5` → `2.5` where a comma marks decimals; a pair (`[0,1]`, `f(1,2)`) and indices (`a_{n+1,2}`) stay."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    if before.endswith(_PAIR_OPEN) and after.startswith(_PAIR_CLOSE):
        return match[0]
    if before.rfind("_{") > before.rfind("}") or before.rfind("^{") > before.rfind("}") or before.endswith(("_", "^")):
        return match[0]
    return f"{match[1]}.{match[2]}"


def decimal_points(source: str) -> str:
    """A formula of a language that writes a decimal comma with points for decimals and no thousands marks:
    `1.000` → `1000`, `2,5` → `2.5`, `p=0,03` → `p=0.03` (said "zero, three" before, bug bash 88)."""
    return _PLAIN_DECIMAL_COMMA.sub(_decimal_comma, _POINT_GROUPS.sub(_thousands, source))
