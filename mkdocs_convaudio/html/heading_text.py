"""A heading's text as a site's page shows it, in plain text: for the title of the conversation under it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from html.parser import HTMLParser
from typing import Any

import markdown

#: a formula's delimiters as arithmatex writes them (generic mode: `\(…\)`, `\[…\]`; `$…$` kept by some setups)
_WRAPS = re.compile(r"^\s*(?:\\\(|\\\[|\$\$?)(?P<formula>.*?)(?:\\\)|\\\]|\$\$?)\s*$", re.S)


class _ShownText(HTMLParser):
    """The text a browser shows of a heading's HTML: an image's `alt` (an emoji, as pymdownx.emoji writes it), a
    formula without its delimiters, no permalink (`¶`) nor formula preview (shown until MathJax replaces it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0  # inside an element whose text is not the heading's (a permalink, a preview)
        self.formula: list[str] | None = None  # the text of a formula being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        classes = (named.get("class") or "").split()
        if self.skipping or "headerlink" in classes or "MathJax_Preview" in classes:
            self.skipping += tag not in _VOID
            return
        if tag == "img" and named.get("alt"):
            self.parts.append(named["alt"] or "")
        elif "arithmatex" in classes or (tag == "script" and "math/tex" in (named.get("type") or "")):
            self.formula = []

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        if self.formula is not None and tag in ("span", "div", "script"):
            written = "".join(self.formula)
            self.parts.append(match["formula"] if (match := _WRAPS.match(written)) else written)
            self.formula = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        (self.formula if self.formula is not None else self.parts).append(data)


#: elements without an end tag
_VOID = {"img", "br", "hr", "input", "wbr", "source"}


def heading_reader(
    extensions: Iterable[object], configs: Mapping[str, Any], fallback: Callable[[str], str]
) -> Callable[[str], str]:
    """A heading's text (`The $E=mc^2$ bit :rocket:`) as the page shows it, rendered with the site's Markdown
    extensions (MkDocs' `markdown_extensions`, their options in `configs`) and read as plain text (`The E=mc^2 bit
    🚀`): the MP3's, video's and episode's title kept the formula's dollars and the emoji's shortcode. The site's
    Markdown is loaded the first time a heading is asked for (a page with several conversations); `fallback`
    reads a heading when it cannot be rendered (an extension that fails outside a page)."""
    converter: list[markdown.Markdown] = []

    def shown(text: str) -> str:
        try:
            if not converter:
                names = [name for name in extensions if isinstance(name, str)]
                converter.append(markdown.Markdown(extensions=names, extension_configs=dict(configs)))
            html = converter[0].reset().convert("# " + text)
        except Exception:  # any extension's failure: the heading's words as written, not a stopped build
            return fallback(text)
        parser = _ShownText()
        parser.feed(html)
        parser.close()
        return " ".join("".join(parser.parts).split())

    return shown
