"""A transcript line's inline Markdown as safe HTML (emphasis, code, links) and as plain text for captions."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..text.math_spans import MATH_SPAN

#: Link targets a transcript may point at; anything else (javascript:, data:, vbscript:...) loses its link.
SAFE_SCHEMES = ("", "http", "https", "mailto")
_SPACE = re.compile(r"\s+")
#: What a browser ignores in a URL before reading its scheme: ASCII controls and spaces (`java\tscript:`).
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")


class _SafeLinks(Treeprocessor):
    """Links keep safe targets only; images become their alt text (a transcript line shows words)."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = etree.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a" and not _safe_href(child.get("href", "")):
                    child.attrib.pop("href", None)


def _safe_href(href: str) -> bool:
    """Whether a link target is safe, read as the browser reads it: character references decoded
    (`&#106;avascript:` is `javascript:`), controls and spaces dropped."""
    url = _URL_IGNORED.sub("", html.unescape(href))
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


#: A formula as the spoken text reads one (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`): shown as written. Markdown took its
#: `*` for emphasis, its `\\` row breaks and `\{` braces for escapes (bug bash 107: `$a*b*c$` was `$a<em>b</em>c$`)
_MATH = MATH_SPAN.pattern


class _Formula(InlineProcessor):
    """A formula's text, untouched by the inline patterns after it."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        span = etree.Element("span")
        span.text = AtomicString(m.group(0))
        return span, m.start(0), m.end(0)


class _InlineOnly(markdown.Extension):
    """Python-Markdown with block syntax (headings, lists, quotes, code blocks) switched off: a line is a line."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        blocks = ("empty", "indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference")
        for name in blocks:
            if name in md.parser.blockprocessors:
                md.parser.blockprocessors.deregister(name)
        md.preprocessors.deregister("html_block")  # raw HTML is text, not markup
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "convaudio-safe-links", 0)
        # after code spans (190: a formula's signs in backticks are code), before escapes (180) and emphasis
        md.inlinePatterns.register(_Formula(_MATH, md), "convaudio-formula", 185)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[_InlineOnly()], output_format="html")


@lru_cache(maxsize=8192)  # the player and the captions render the same lines
def line_html(text: str) -> str:
    """Inline Markdown rendered; raw HTML in the line is shown as text, never passed through."""
    converter = _converter()
    converter.reset()
    # without the raw-HTML block and inline processors, `<` and `&` reach the serializer as text and are escaped
    # one paragraph, on one line: a blank line would end the raw HTML block the player sits in
    rendered = converter.convert(_BLANK_LINES.sub("\n", text.strip()))
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered.strip().replace("\n", " ")


def line_text(text: str) -> str:
    """The words a reader sees, without markup (for captions and feed summaries)."""
    rendered = line_html(text)
    words = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return _SPACE.sub(" ", words).strip()
