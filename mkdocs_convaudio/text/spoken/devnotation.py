"""Developer notation in prose: IP addresses, command-line options, code operators, version constraints, years."""

from __future__ import annotations

import re

from .rules import Language

_OCTET = r"(?:25[0-5]|2[0-4]\d|1?\d?\d)"
_IPV4 = re.compile(rf"(?<![\w.])({_OCTET}(?:\.{_OCTET}){{3}})(?::(\d{{1,5}}))?(?!\w|\.\d)(/\S*)?")
#: `--max-workers=4`, `-out=plan`: an option and its value ("minus minus max minus workers equals four")
_OPTION_VALUE = re.compile(r"(?<![\w-])(--[A-Za-z][\w-]*|-[A-Za-z][\w-]+)=(?=\S)")  # not `a -b=c` (a minus)
#: `==` between two terms, spaced on both sides or on neither (not `===`, a line of `=`, base64's `aGk== `, or
#: inside a web address, review 86)
_DOUBLE_EQUALS = re.compile(
    r"(?<=[\w)\]'\"])(?<![=!<>])==(?!=)(?=[\w(\['\"-])|(?<=[\w)\]'\"]) (?<![=!<>] )==(?!=) (?=[\w(\['\"-])"
)
#: `x ** 2` (Python's power, spaced): not two products
_SPACED_POWER = re.compile(r"(?<=[\w)\]]) \*\* (?=[\w(])")
#: `a || b`, `a && b`: the logical operators of code, spaced (`||` was dropped as a norm's bars, `&&` read "and and")
_LOGICAL = re.compile(r"(?<=\S) (\|\||&&) (?=\S)")
#: `$PATH`, `${HOME}`: a shell variable, not dollars
_SHELL_VARIABLE = re.compile(r"(?<![\w$])\$\{?([A-Z_][A-Z0-9_]+)\}?(?![\w(])")
#: `^1.4`, `~1.4.2`: a version constraint's caret or tilde before a version (not a power, nor "about")
_VERSION_MARK = re.compile(r"(?<![\w)\]}])(?:\^|~(?=\d+\.\d+\.\d))(?=\d+\.\d)")
#: A math operand before the mark and a space: `x ^1.5` is a power
_OPERAND_BEFORE = re.compile(r"(?:^|\s)(?:[A-Za-z]|\d+(?:\.\d+)?|[)\]}])\s+$")
#: `python>=3.10`, `>=2.0,<3.0`: a comparison written without spaces before a version number
_GLUED_COMPARISON = re.compile(r"(?<=[A-Za-z])(==|<|>)(?=\d)|(?<![=<>!])(>=|<=)(?=\d)|(?<=,)(<|>)(?=\d)")


def _equals_once(match: re.Match[str]) -> str:
    start = match.string.rfind(" ", 0, match.start()) + 1
    return match[0] if "://" in match.string[start : match.start()] else " = "


#: Brazilian phone numbers and postcodes: `(21) 3456-7890`, `91234-5678`, CEP `01310-100` (a range, "3456 a 7890",
#: or "menos", bug bash 85): their digit groups, as they are read
_BRAZILIAN_NUMBER = re.compile(
    r"(?:(?<=\(\d\d\) )|(?<=\(\d\d\)))(\d{4,5})-(\d{4})\b|(?<![\w-])(\d{5})-(\d{3,4})(?![\w-])"
)


def developer_notation(text: str, lang: Language) -> str:
    """Notation of code and command lines in a line of prose, in words the later rules leave alone."""
    if "." in text:
        dot, port = lang.address_words

        def address(match: re.Match[str]) -> str:
            groups = match[1].split(".")
            if lang.decimal_comma and not match[2] and all(len(group) == 3 for group in groups[1:]):
                return match[0]  # `1.200.150.100 Euro`: thousands, where a point groups them
            spoken = f" {dot} ".join(groups)
            spoken = f"{spoken}, {port} {match[2]}" if match[2] else spoken
            rest = match[3] or ""
            if not (rest and match.string[: match.start()].endswith("://")):
                return spoken + rest  # not a network's `/24`
            # a web address's path, as on `localhost` ("localhost:8080 slash health"), without its query; the
            # sentence's punctuation after it stays
            end = re.search(r"[.,;:!?)\]]*$", rest)
            path = rest[: end.start() if end else len(rest)].split("?", 1)[0].split("#", 1)[0]
            slash = lang.code_symbols.get("/", "/")
            return spoken + "".join(f" {slash} {part}" for part in path.split("/") if part) + (end[0] if end else "")

        text = _IPV4.sub(address, text)
    if lang.code == "pt" and "-" in text:
        text = _BRAZILIAN_NUMBER.sub(lambda match: " ".join(group for group in match.groups() if group), text)
    if "==" in text:
        text = _DOUBLE_EQUALS.sub(_equals_once, text)  # `numpy==1.26.4`, `x == 0`: "equals", once
    if "=" in text:
        text = _OPTION_VALUE.sub(lambda match: f"{match[1]} {lang.symbols['=']} ", text)
    if "**" in text:
        text = _SPACED_POWER.sub(f" {lang.power.format('').strip()} ", text)
    if "||" in text or "&&" in text:
        text = _LOGICAL.sub(lambda match: f" {lang.word_or if match[1] == '||' else lang.word_and} ", text)
    if "$" in text:
        # the sign's own name in the page's language (eSpeak's Spanish read the English "dollar" with a Spanish "ll")
        text = _SHELL_VARIABLE.sub(rf"{lang.singular(lang.symbols['$'])} \1", text)
    if "^" in text or "~" in text:
        text = _VERSION_MARK.sub(
            lambda match: match[0] if _OPERAND_BEFORE.search(match.string[: match.start()]) else "", text
        )
    if "=" in text or "<" in text or ">" in text:
        text = _GLUED_COMPARISON.sub(lambda match: f" {match[1] or match[2] or match[3]} ", text)
    return text
