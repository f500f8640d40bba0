"""Markdown and HTML markup is shown, never spoken: links keep their text, emphasis only where it is emphasis."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`+([^`]*)`+")
_STARS = re.compile(r"(\*{1,3}|~~)(?=\S)(.+?)(?<=\S)\1")
# CommonMark: an underscore inside a word (`a_ij`, `snake_case`) never opens or closes emphasis
_UNDERSCORES = re.compile(r"(?<![\w\\])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\1(?!\w)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_URL = re.compile(r"<(https?://[^>]+)>")
_SPACE = re.compile(r"\s+")


def strip_markup(text: str) -> str:
    """Keep the words of Markdown and HTML: `**really**` is read as "really", `a_ij` stays `a_ij`."""
    text = _URL.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***both*** or **_both_**
        text = _STARS.sub(r"\2", text)
        text = _UNDERSCORES.sub(r"\2", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()
