"""Read JSON the way language models write it: stray LaTeX backslashes and trailing commas, each noted."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from typing import Any

#: JSON's own escapes; `\uXXXX` is checked separately.
_VALID_ESCAPES = frozenset('"\\/bfnrtu')

#: LaTeX commands that begin with a letter JSON reads as an escape (`\b`, `\f`, `\n`, `\r`, `\t`): in a
#: dialogue line `"$\frac{a}{b}$"` means the command, not a form feed followed by "rac".
LATEX_COMMANDS = frozenset(
    """
    backslash bar begin beta big bigcap bigcup bigg bigl bigoplus bigotimes bigr bigvee bigwedge binom bm bmatrix
    bmod boldsymbol bot bowtie boxed breve bullet bf
    fbox flat forall frac frak frown footnote footnotesize
    nabla natural ne nearrow neg neq newcommand newline nexists ngeq ni nleq nmid noindent nolimits nonumber norm
    normalsize not notin nparallel nu nwarrow
    rangle rbrace rceil ref renewcommand rfloor rho right rightarrow rightharpoonup rightleftharpoons ring rm rule
    rvert
    tag tan tanh tau tbinom text textbf textit textnormal textrm textsc textsf textstyle texttt tfrac therefore theta
    thinspace tilde times tiny to top triangle triangleq tt
    """.split()  # noqa: SIM905 (a word list reads best as words)
)

_COMMAND_NAME = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Repair:
    """One thing the reader assumed: where (1-based line and column in the text) and what."""

    line: int
    column: int
    message: str


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _is_unicode_escape(text: str, index: int) -> bool:
    digits = text[index + 2 : index + 6]
    return len(digits) == 4 and all(char in "0123456789abcdefABCDEF" for char in digits)


_WINDOWS_PATH = re.compile(r"(?<![\w\\])[A-Za-z]:\\(?!\\)")


def _windows_path(text: str, start: int, known: dict[int, bool]) -> bool:
    """Whether the string opening at `start` holds a Windows path written with single backslashes (`C:\\Users`):
    its backslashes are text. LaTeX (`\\alpha` beside a real `\\n`) is no evidence of that (review 78). Each string
    is looked at once (`known`, by where it opens), however many escapes it holds."""
    if start in known:
        return known[start]
    end = start + 1
    while end < len(text) and text[end] != '"':
        end += 2 if text[end] == "\\" else 1
    known[start] = _WINDOWS_PATH.search(text, start + 1, end) is not None
    return known[start]


def repair(text: str) -> tuple[str, list[Repair]]:
    """The text with backslashes that cannot be meant as JSON escapes doubled and trailing commas dropped.

    A backslash inside a string is taken literally when what follows is not a JSON escape (`\\epsilon`,
    `\\alpha`, `\\(`), or when it is one of `\\b \\f \\n \\r \\t` followed by letters that spell a
    LaTeX command (`\\frac`, `\\tau`, `\\nabla`); `\\n` before anything else stays a newline. A comma
    followed only by blanks before `]` or `}` is dropped. Nothing else is changed: other mistakes stay errors.
    """
    fixed, repairs, _ = _repair(text)
    return fixed, repairs


def _repair(text: str) -> tuple[str, list[Repair], list[int]]:
    out: list[str] = []
    origin: list[int] = []  # for each character of the result, its index in `text`
    repairs: list[Repair] = []
    in_string = False
    pending_comma: int | None = None  # index in `out` of a comma that may turn out to be trailing
    pending_at = 0
    string_start = 0  # where the string being read opens
    paths: dict[int, bool] = {}  # strings holding a Windows path, by where they open
    index = 0
    while index < len(text):
        char = text[index]
        if in_string and char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            name = _COMMAND_NAME.match(text, index + 1)
            word = name.group(0) if name else ""
            note = None
            if following not in _VALID_ESCAPES or (following == "u" and not _is_unicode_escape(text, index)):
                shown = "\\" + (word or following)
                note = f"read the invalid escape {shown} as the text {shown} (write \\{shown} to say so)"
            elif following in "bfnrt" and word in LATEX_COMMANDS:
                note = (
                    f"read \\{word} as the LaTeX command \\{word}, not as the JSON escape \\{following} "
                    f"(write \\\\{word} to say so)"
                )
            elif (
                following in "bfnrt"
                and text[index + 2 : index + 3].isalpha()
                and (following in "bf" or _windows_path(text, string_start, paths))
            ):
                # a Windows path (`C:\Users\bob\new`): a backspace or form feed before a letter is never meant in a
                # line, and in a path a `\new` is a folder ("c:\usersob", "me ew_folder" were published, and only the
                # invalid escapes warned about; bug bash 77)
                note = (
                    f"read \\{word} as the text \\{word}, not as the JSON escape \\{following} "
                    f"(write \\\\{word} to say so)"
                )
            if note is not None:
                repairs.append(Repair(*_position(text, index), note))
                out += ["\\", "\\"]
                origin += [index, index]
                index += 1
            else:
                out += [char, following]
                origin += [index, index + 1]
                index += 2
            continue
        if in_string:
            in_string = char != '"'
        elif char == '"':
            in_string = True
            string_start = index
            pending_comma = None
        elif char == ",":
            pending_comma, pending_at = len(out), index
        elif char in "]}" and pending_comma is not None:
            out[pending_comma] = ""
            note = f"ignored the trailing comma before {char!r} (remove it)"
            repairs.append(Repair(*_position(text, pending_at), note))
            pending_comma = None
        elif not char.isspace():
            pending_comma = None
        out.append(char)
        origin.append(index)
        index += 1
    kept = [(char, where) for char, where in zip(out, origin, strict=True) if char]
    return "".join(char for char, _ in kept), repairs, [where for _, where in kept]


_MAYBE_TRAILING_COMMA = re.compile(r",\s*[\]}]")


class JSONObject(dict[str, Any]):
    """A JSON object that remembers the names it was given more than once (`{"speaker": "A", "speaker": "B"}`):
    Python keeps the last one without a word."""

    twice: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> JSONObject:
    found = JSONObject(pairs)
    if len(found) < len(pairs):
        names = [name for name, _ in pairs]
        found.twice = tuple(sorted({name for name in names if names.count(name) > 1}))
    return found


def loads(text: str) -> tuple[Any, list[Repair]]:
    """Parse `text` as JSON, repaired as `repair` says, and say what was assumed.

    Raises `json.JSONDecodeError`, positioned in the original text, when even the repaired text is not JSON.
    """
    if "\\" not in text and not _MAYBE_TRAILING_COMMA.search(text):
        # nothing the repair could change (the common case): skip the character-by-character pass
        with contextlib.suppress(json.JSONDecodeError):
            return json.loads(text, object_pairs_hook=_object), []
    fixed, repairs, origin = _repair(text)
    if not repairs:
        return json.loads(text, object_pairs_hook=_object), []
    try:
        return json.loads(fixed, object_pairs_hook=_object), repairs
    except json.JSONDecodeError as error:
        where = origin[error.pos] if error.pos < len(origin) else len(text)
        raise json.JSONDecodeError(error.msg, text, where) from None
