"""Turn a written line into the text an engine should read aloud: markup is shown, never spoken."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`+([^`]*)`+")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_URL = re.compile(r"<(https?://[^>]+)>")
_SPACE = re.compile(r"\s+")


def speakable(text: str) -> str:
    """Strip Markdown and HTML markup, keep the words; `**really**` is read as "really"."""
    text = _URL.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***both*** or **_both_**
        text = _EMPHASIS.sub(r"\2", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()
