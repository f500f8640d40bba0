"""A transcript line's inline Markdown as safe HTML (emphasis, code, links) and as plain text for captions."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
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


#: A formula as the spoken text reads one (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`): shown as written (or as the site's
#: arithmatex writes it), never read as Markdown: Markdown took its `*` for emphasis, its `\\` row breaks and `\{`
#: braces for escapes (bug bash 107: `$a*b*c$` was `$a<em>b</em>c$`)
_MATH = MATH_SPAN.pattern
#: The Markdown extension whose formulas a site's MathJax or KaTeX renders
ARITHMATEX = "pymdownx.arithmatex"
#: Which of `MATH_SPAN`'s kinds each of arithmatex's `inline_syntax` and `block_syntax` names makes math
_INLINE_KINDS = {"dollar": ("inline", "price"), "round": ("paren",)}
_DISPLAY_KINDS = {"dollar": ("display",), "square": ("bracket",)}


@dataclass(frozen=True)
class MathMarkup:
    """How a site's `pymdownx.arithmatex` writes a formula: a transcript's formulas written alike are rendered by
    the site's MathJax or KaTeX as the page's are (bug bash: the transcript showed `$1 - 0.99^{100}$` raw)."""

    generic: bool
    inline_wrap: tuple[str, str]
    display_wrap: tuple[str, str]
    tag: str
    preview: bool
    #: `MATH_SPAN`'s kinds (its group names) the site reads as math, sorted (the player memo's key holds its repr)
    kinds: tuple[str, ...]

    def element(self, formula: str, *, display: bool) -> etree.Element:
        """The formula as arithmatex writes an inline one: generic, `<span class="arithmatex">\\(…\\)</span>`;
        for MathJax 2, a `<script type="math/tex">` (after a preview of the source, if asked for)."""
        wrapper = etree.Element(self.tag, {"class": "arithmatex"})
        if self.generic:
            opening, closing = self.display_wrap if display else self.inline_wrap
            wrapper.text = AtomicString(opening + formula + closing)
            return wrapper
        # a script's text is written as it is: arithmatex escapes it itself
        source = formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        if self.preview:
            etree.SubElement(wrapper, "span", {"class": "MathJax_Preview"}).text = AtomicString(source)
        script = etree.SubElement(wrapper, "script", {"type": "math/tex; mode=display" if display else "math/tex"})
        script.text = AtomicString(source)
        return wrapper


def site_math(extensions: Iterable[object], configs: Mapping[str, Any]) -> MathMarkup | None:
    """The math markup of a site whose Markdown extensions (MkDocs' `markdown_extensions`, with their options in
    `configs`, its `mdx_configs`) include arithmatex; None without it (formulas are then shown as written)."""
    for name in extensions:
        if not isinstance(name, str) or name.partition(":")[0] != ARITHMATEX:
            continue
        try:  # MkDocs loaded it with these options already: this only fills in arithmatex's own defaults
            from pymdownx.arithmatex import ArithmatexExtension

            settings = ArithmatexExtension(**dict(configs.get(name) or {})).getConfigs()
        except (ImportError, KeyError, TypeError, ValueError):
            return None
        kinds = {kind for syntax in settings["inline_syntax"] for kind in _INLINE_KINDS.get(syntax, ())}
        kinds.update(kind for syntax in settings["block_syntax"] for kind in _DISPLAY_KINDS.get(syntax, ()))
        return MathMarkup(
            generic=bool(settings["generic"]),
            inline_wrap=(str(settings["tex_inline_wrap"][0]), str(settings["tex_inline_wrap"][1])),
            display_wrap=(str(settings["tex_block_wrap"][0]), str(settings["tex_block_wrap"][1])),
            tag=str(settings["inline_tag"]),
            preview=bool(settings["preview"]),
            kinds=tuple(sorted(kinds)),
        )
    return None


class _Formula(InlineProcessor):
    """A formula's text, untouched by the inline patterns after it: as written, or as the site's arithmatex
    writes it (`math`)."""

    def __init__(self, pattern: str, md: markdown.Markdown, math: MathMarkup | None) -> None:
        super().__init__(pattern, md)
        self.math = math

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # type: ignore[override]
        kind = m.lastgroup or ""
        if self.math is not None and kind in self.math.kinds:
            return self.math.element(m[kind], display=kind in ("display", "bracket")), m.start(0), m.end(0)
        span = etree.Element("span")
        span.text = AtomicString(m.group(0))
        return span, m.start(0), m.end(0)


class _InlineOnly(markdown.Extension):
    """Python-Markdown with block syntax (headings, lists, quotes, code blocks) switched off: a line is a line;
    formulas written as `math` says."""

    def __init__(self, math: MathMarkup | None) -> None:
        super().__init__()
        self.math = math

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        blocks = ("empty", "indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference")
        for name in blocks:
            if name in md.parser.blockprocessors:
                md.parser.blockprocessors.deregister(name)
        md.preprocessors.deregister("html_block")  # raw HTML is text, not markup
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "convaudio-safe-links", 0)
        # after code spans (190: a formula's signs in backticks are code), before escapes (180) and emphasis
        md.inlinePatterns.register(_Formula(_MATH, md, self.math), "convaudio-formula", 185)


@lru_cache(maxsize=4)
def _converter(math: MathMarkup | None) -> markdown.Markdown:
    return markdown.Markdown(extensions=[_InlineOnly(math)], output_format="html")


@lru_cache(maxsize=8192)  # the player and the captions render the same lines
def line_html(text: str, math: MathMarkup | None = None) -> str:
    """Inline Markdown rendered; raw HTML in the line is shown as text, never passed through. Formulas are shown
    as written, or with `math` as the site's arithmatex writes them (for its MathJax or KaTeX)."""
    converter = _converter(math)
    converter.reset()
    # without the raw-HTML block and inline processors, `<` and `&` reach the serializer as text and are escaped
    # one paragraph, on one line: a blank line would end the raw HTML block the player sits in
    rendered = converter.convert(_BLANK_LINES.sub("\n", text.strip()))
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered.strip().replace("\n", " ")


def line_text(text: str) -> str:
    """The words a reader sees, without markup (for captions and feed summaries); formulas as written."""
    rendered = line_html(text)
    words = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return _SPACE.sub(" ", words).strip()


#: A link's start tag as `line_html` writes it (its `href` first, as Python-Markdown serializes it)
_HREF = re.compile(r'<a href="([^"]*)"')


def site_link(href: str) -> bool:
    """Whether a link target is one a site resolves among its own files (as MkDocs does a page's links): a path,
    relative (`other.md`, `../guide/setup.md#install`, `paper.pdf`) or from the site's root (`/about.md`); not a
    URL with a scheme or host (`https:`, `mailto:`, `//cdn`), nor an anchor or query of the page itself (`#top`)."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and bool(parts.path)


def line_links(text: str, *, anchors: bool = False) -> list[str]:
    """The targets of a line's links that a site resolves (`site_link`), as written, in order, each once; with
    `anchors`, also its links to an anchor of the page showing it (`#setup`)."""
    if "](" not in text:  # no inline link: the only kind a line's Markdown has (autolinks have a scheme)
        return []
    hrefs = (html.unescape(href) for href in _HREF.findall(line_html(text)))
    return list(dict.fromkeys(href for href in hrefs if site_link(href) or (anchors and own_anchor(href))))


def own_anchor(href: str) -> str | None:
    """The anchor a link to the page itself goes to (`#setup`: `setup`), else None (`#` alone: the page's top)."""
    return href[1:] or None if href.startswith("#") else None


def with_links(rendered: str, links: Mapping[str, str], prefix: str) -> str:
    """A line as `line_html` rendered it, each link whose target `links` maps (as written) given `prefix` and
    what it maps to instead (attribute-escaped)."""

    def swap(match: re.Match[str]) -> str:
        target = links.get(html.unescape(match[1]))
        return match[0] if target is None else f'<a href="{prefix}{html.escape(target)}"'

    return _HREF.sub(swap, rendered)
