"""Tell translated posts from originals, so a translation shares its original's voices."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

_DASH_LANG = re.compile(r"^(?P<base>.+)-(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")
_DOT_LANG = re.compile(r"^(?P<base>.+)\.(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")


def _split(src_path: str) -> tuple[str, str, str]:
    directory, name = posixpath.split(src_path)
    stem, ext = posixpath.splitext(name)
    return directory, stem, ext


def language_free_path(src_path: str, lang: str | None, siblings: Collection[str]) -> str:
    """The path that names a post in every language, e.g. `blog/talk-fr.md` → `blog/talk.md`.

    Dash layout (`talk-en.md` / `talk-fr.md`) counts only when the suffix is the page language and a sibling
    with another language suffix exists; dot layout (`talk.fr.md` beside `talk.md` or `talk.en.md`) is the
    mkdocs-static-i18n convention. Anything else is its own original.
    """
    directory, stem, ext = _split(src_path)
    dash = _DASH_LANG.match(stem)
    if dash and lang and dash["lang"].lower() == lang.lower():
        base = dash["base"]
        for sibling in siblings:
            sib_dir, sib_stem, sib_ext = _split(sibling)
            other = _DASH_LANG.match(sib_stem)
            if (
                sib_dir == directory
                and sib_ext == ext
                and other
                and other["base"] == base
                and other["lang"] != dash["lang"]
            ):
                return posixpath.join(directory, base + ext)
    dot = _DOT_LANG.match(stem)
    if dot:
        base = dot["base"]
        plain = posixpath.join(directory, base + ext)
        if plain in siblings or any(
            _split(sibling)[0] == directory
            and (m := _DOT_LANG.match(_split(sibling)[1])) is not None
            and m["base"] == base
            and m["lang"] != dot["lang"]
            for sibling in siblings
        ):
            return plain
    return src_path


def voice_map_key(src_path: str, lang: str | None, siblings: Collection[str], translation_of: str | None = None) -> str:
    """The voice-map entry a page uses: its original's when it is a translation, its own otherwise."""
    if translation_of:
        target = posixpath.normpath(translation_of.lstrip("/"))
        suffix = _DASH_LANG.match(_split(target)[1])
        return language_free_path(target, suffix["lang"] if suffix else None, siblings)
    return language_free_path(src_path, lang, siblings)
