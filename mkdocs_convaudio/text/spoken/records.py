"""A team's or a fighter's record written with letters after its numbers, said as wins and losses (English).

`10 W 2 L` on a sports post was read as units, "10 watts 2 L" (and `10W-2L` as "10 watts-2 liters"). Said as a record
only in a clear record's context: a W and an L in that order, each after its number (a draw's D or a tie's T between
them), on a line that speaks of a season, a record or games, and not after "a", "the" or another determiner but
before a record's word (`our team bought a 10 W 2 L kettle`, `the team chose the 100 W 2 L model` stay a power and a
capacity; `their 10W-2L record` is one), each number no more than 3 digits (`1500 W 2 L`).
"""

from __future__ import annotations

import re

#: `10 W 2 L`, `10W-2L`, `10 W, 2 D, 1 L`, `8W/3T/1L`: no more than 3 digits each (`1500 W 2 L` is a kettle's)
_RECORD = re.compile(
    r"(?<![\w.,$])(?P<wins>\d{1,3})\s?W"
    r"(?:[ \t]*[,/–-]?[ \t]*(?P<drawn>\d{1,3})\s?(?P<kind>[DT]))?"
    # not before "of" (`800 W 1 L of water`) nor "=": a term of a sum (`100 W / 2 L = 50 W`, a spaced slash divides)
    r"[ \t]*[,/–-]?[ \t]*(?P<losses>\d{1,3})\s?L(?![\w.,]?\w|\s+of\b|\s*=)"
)
#: ... not an adjective's, after a determiner (`a 10 W 2 L kettle`, `the 100 W 2 L model`), but before a record's
#: word (`their 10W-2L record`)
_DETERMINER = re.compile(r"(?:\A|\s)(?:a|an|the|this|that|these|those|my|our|your|his|her|its|their)\s+\Z", re.I)
_RECORD_NOUN = re.compile(r"\s+(?:record|start|season|run|campaign|streak)\b", re.IGNORECASE)
#: Words of a line that speaks of a record
_CONTEXT = re.compile(
    r"\b(?:records?|seasons?|finished|went|standings|league|team|streak|games|matches|fights|bouts|tally|campaign|"
    r"tournament|playoffs|coach|squad|club)\b",
    re.IGNORECASE,
)
_WORDS = {"W": ("win", "wins"), "D": ("draw", "draws"), "T": ("tie", "ties"), "L": ("loss", "losses")}


def _counted(number: str, letter: str) -> str:
    one, many = _WORDS[letter]
    return f"{number} {one if number == '1' else many}"


def win_loss_records(text: str) -> str:
    """`text` with a record such as `10 W 2 L` said "10 wins, 2 losses" where the line speaks of one; as written
    otherwise."""
    if "W" not in text or "L" not in text or not _CONTEXT.search(text):
        return text

    def said(match: re.Match[str]) -> str:
        before = match.string[max(0, match.start() - 8) : match.start()]
        if _DETERMINER.search(before) and not _RECORD_NOUN.match(match.string, match.end()):
            return match[0]
        parts = [_counted(match["wins"], "W")]
        if match["drawn"]:
            parts.append(_counted(match["drawn"], match["kind"]))
        return ", ".join([*parts, _counted(match["losses"], "L")])

    return _RECORD.sub(said, text)
