"""What tells a page's conversations apart: the heading each one stands under, for its MP3's and video's title."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .discover import title_end
from .markdown_scan import scan_fences
from .math_spans import MATH_SPAN

#: `## Title`, `## Title ##` (and `##Title`, as Python-Markdown reads it), indented by three spaces at most
_ATX = re.compile(r" {0,3}#{1,6}(?!#)[ \t]*(?P<text>.*?)(?:[ \t]+#+)?[ \t]*")
#: the line under a setext heading's text (`Title` over `===` or `---`)
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
#: what a heading's text holds besides its words: an attribute list (`{#id .class}`), a link's or image's target,
#: emphasis and code marks, HTML tags
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"<[^>]+>|`+|\*\*|__|(?<!\w)[*_]|[*_](?!\w)")


def heading_words(text: str) -> str:
    """A heading's words without their markup, its formulas without their delimiters (`The $E=mc^2$ bit` is
    `The E=mc^2 bit`), where no site's Markdown renders it (`render`, or a site's heading its extensions fail on)."""
    text = MATH_SPAN.sub(lambda match: next(group for group in match.groups() if group is not None), text)
    return " ".join(_MARKS.sub("", _LINK.sub(r"\1", _ATTRIBUTES.sub("", text))).split())


def _headings(lines: list[str], shown: Callable[[str], str]) -> list[tuple[int, str]]:
    """Each heading of the page outside fenced blocks, after its title (`title_end`): its line and its words."""
    inside = {index for block in scan_fences(lines) for index in range(block.start, block.end + 1)}
    after = title_end(lines)
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if index in inside or (after is not None and index <= after):
            continue
        if (match := _ATX.fullmatch(line)) is not None:
            text = match["text"]
        elif (
            index > 0
            and _SETEXT.fullmatch(line)
            and lines[index - 1].strip()
            and index - 1 not in inside
            and not _ATX.fullmatch(lines[index - 1])
        ):
            text = lines[index - 1]
        else:
            continue
        if words := shown(text.strip()):
            found.append((index, words))
    return found


def conversation_labels(
    markdown: str, starts: Sequence[int], shown: Callable[[str], str] | None = None
) -> list[str | None]:
    """For conversations starting at these lines (0-based, in page order) of a page holding several, the heading
    each one stands under, in plain text as `shown` gives it (a site's: as its page shows it, see
    `html.heading_text`), else `heading_words`: None for one under no heading (but the page's title) or under the
    heading of an earlier one (its title is then numbered instead, see `numbered_title`)."""
    headings = _headings(markdown.split("\n"), shown or heading_words)
    labels: list[str | None] = []
    for start in starts:
        label = next((words for line, words in reversed(headings) if line < start), None)
        labels.append(None if label in labels else label)
    return labels


def numbered_title(page_title: str, label: str | None, number: int) -> str:
    """A conversation's title, told apart from the others of its page: `Page — Heading` under a heading of its
    own, else `Page (2)` from the second on; the first under no heading (a page's only one) is the page's title."""
    if label:
        return f"{page_title} \N{EM DASH} {label}"
    return f"{page_title} ({number})" if number > 1 else page_title
