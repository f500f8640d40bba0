"""Find fenced code blocks and links in Markdown text, honouring CommonMark fence nesting."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
#: `[text](target)`, `[text](<a target with spaces>)`, `[text](target "title")`; Python-Markdown also takes
#: spaces in a bare target (`[text](ep 1.json)`). Its text may be an image (`[![cover](c.png)](ep.json)`); an
#: escaped bracket (`\[x](ep.json)`) opens no link.
_TEXT = r"(?P<text>(?:[^\]\[]|!\[[^\]\[]*\]\([^)]*\))*)"
_LINK = re.compile(
    rf"(?<![!\\])\[{_TEXT}\]\(\s*(?:<(?P<angled>[^>\n]+)>|(?P<target>[^)\s<>]+(?:\s+[^)\s<>\"']+)*?))"
    r"(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
#: `[text][label]` and `[label][]`, whose target a definition `[label]: target` gives; and the shortcut `[label]`
#: alone (a link only when its label is defined; `[^1]` is a footnote)
_REFERENCE = re.compile(rf"(?<![!\\\]])\[(?!\^){_TEXT}\](?:\[(?P<label>[^\]]*)\]|(?![\[(:]))")
_DEFINITION = re.compile(r" {0,3}\[(?P<label>[^\]]+)\]:\s*(?:<(?P<angled>[^>\n]+)>|(?P<target>\S+))")
#: Longer lines are not searched for links (see `scan_links`).
LONGEST_LINK_LINE = 4000
_CODE_SPAN = re.compile(r"(`+).+?\1")
#: a line that ends the block above it: an ATX heading, a setext heading's underline (`=====`, `-----`) or a
#: thematic break (`***`, `___`, `- - -`); a paragraph right under it starts below it
_BLOCK_END = re.compile(
    r" {0,3}(?:#{1,6}(?:\s|$)|(?:=+|-+|-(?:[ \t]*-){2,}|\*(?:[ \t]*\*){2,}|_(?:[ \t]*_){2,})[ \t]*$)"
)


@dataclass(frozen=True)
class FencedBlock:
    """A fenced code block: 0-based indices of its fence lines, its info word and its content."""

    start: int
    end: int
    info: str
    content: str
    #: whether a fence line closes it (a model's answer cut short ends inside its block: the page's end closes it)
    closed: bool = True


@dataclass(frozen=True)
class Link:
    """A Markdown inline link outside code, with the paragraph it sits in (0-based line indices)."""

    line: int
    target: str
    alone_on_line: bool
    paragraph_end: int
    #: the paragraph's first line: the markers above it mark the links on its later lines too
    paragraph_start: int


def _closes(line: str, char: str, length: int) -> bool:
    stripped = line.strip()
    return len(stripped) >= length and set(stripped) == {char}


def scan_fences(lines: list[str]) -> list[FencedBlock]:
    """Every top-level fenced block; a fence inside a longer fence is content, not a block."""
    blocks: list[FencedBlock] = []
    index = 0
    while index < len(lines):
        match = _FENCE_OPEN.match(lines[index])
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            index += 1
            continue
        char, length = match["fence"][0], len(match["fence"])
        info_words = match["info"].strip().lstrip("{").lstrip(".").split()
        info = info_words[0].lower().rstrip("}") if info_words else ""
        end = index + 1
        while end < len(lines) and not _closes(lines[end], char, length):
            end += 1
        content = "\n".join(lines[index + 1 : end])
        blocks.append(
            FencedBlock(start=index, end=min(end, len(lines) - 1), info=info, content=content, closed=end < len(lines))
        )
        index = end + 1
    return blocks


def scan_links(lines: list[str], fences: list[FencedBlock]) -> list[Link]:
    """Inline links outside fenced blocks and code spans."""
    in_fence: set[int] = set()
    for block in fences:
        in_fence.update(range(block.start, block.end + 1))
    links: list[Link] = []
    # a line of thousands of characters (data in a raw HTML block) holds no link an author writes, and the
    # patterns below are slow on long runs of brackets
    prose, _ = uncommented(lines, fences)
    outside = [
        (index, prose[index])
        for index, raw in enumerate(lines)
        if index not in in_fence
        and len(raw) <= LONGEST_LINK_LINE
        and not (raw.startswith("    ") and not raw.strip().startswith(("-", "*", "[")))
    ]
    # Markdown's labels match without regard to case or runs of spaces
    defined = {
        " ".join(match["label"].lower().split()): (match["angled"] or match["target"]).strip()
        for _, text in outside
        if (match := _DEFINITION.match(text))
    }
    for index, text in outside:
        found = [(match, match["angled"] or match["target"]) for match in _LINK.finditer(text)]
        for match in _REFERENCE.finditer(text):
            target = defined.get(" ".join((match["label"] or match["text"]).lower().split()))
            if target is not None:
                found.append((match, target))
        if not found:
            continue
        start = index
        while start > 0 and _in_paragraph(lines, start - 1, in_fence) and not _BLOCK_END.match(lines[start - 1]):
            start -= 1
        for match, target in sorted(found, key=lambda pair: pair[0].start()):
            end = index
            while end + 1 < len(lines) and _in_paragraph(lines, end + 1, in_fence):
                end += 1
            links.append(
                Link(
                    line=index,
                    target=target.strip(),
                    alone_on_line=text.strip() == match.group(0),
                    paragraph_end=end,
                    paragraph_start=start,
                )
            )
    return links


def _in_paragraph(lines: list[str], index: int, in_fence: set[int]) -> bool:
    """Whether line `index` can continue the paragraph of a line next to it: text, not a blank line, a fenced block's
    or a comment (a comment line ends the paragraph, as in Python-Markdown: the blog's `<!-- more -->` right under
    it must stay after the player, or the excerpt has none, bug bash 70; a marker above it begins it)."""
    return bool(lines[index].strip()) and index not in in_fence and not lines[index].lstrip().startswith("<!--")


def uncommented(lines: list[str], fences: list[FencedBlock]) -> tuple[list[str], set[int]]:
    """The lines with code spans and HTML comments (over several lines too) blanked out, and the first lines of
    the fenced blocks inside a comment. Markdown leaves a comment as it is, so nothing in one (a conversation
    commented out) is a conversation or a link; a fenced block outside comments is code, where `<!--` opens
    nothing. Lines of more than `LONGEST_LINK_LINE` characters are not searched."""
    starts = {block.start: block for block in fences}
    # a `<!--` never closed is text (Markdown shows it): the last line holding a `-->`
    last_close = max((index for index, line in enumerate(lines) if "-->" in line), default=-1)
    out = list(lines)
    commented: set[int] = set()
    inside = False
    index = 0
    while index < len(lines):
        block = starts.get(index)
        if block is not None and not inside:
            index = block.end + 1
            continue
        if block is not None:
            commented.add(index)
        text = lines[index]
        if not inside and text.startswith("    ") and not text.strip().startswith(("-", "*", "[")):
            index += 1  # an indented code block: its `<!--` is code
            continue
        if len(text) <= LONGEST_LINK_LINE:
            text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
        kept, position = [], 0
        while position < len(text):
            if inside:
                end = text.find("-->", position)
                if end < 0:
                    break
                position, inside = end + 3, False
            else:
                start = text.find("<!--", position)
                closed = start >= 0 and (text.find("-->", start + 4) >= 0 or last_close > index)
                if not closed:
                    kept.append(text[position:])
                    break
                kept.append(text[position:start])
                position, inside = start + 4, True
        out[index] = "".join(kept)
        index += 1
    return out, commented
