"""The player's stylesheet and script shipped with the package, and the version their URLs carry."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSET_NAMES = ("convaudio.css", "convaudio.js")
#: hex digits of the SHA-256 in `?v=`: enough to tell two releases' files apart, short enough to read
VERSION_DIGITS = 10


def content_version(data: bytes) -> str:
    """The version of a file whose bytes are `data`, as its URL carries it (`convaudio.js?v=<this>`)."""
    return hashlib.sha256(data).hexdigest()[:VERSION_DIGITS]


@cache
def asset_version(name: str) -> str:
    """`content_version` of the packaged asset `name`; read once per process, as every page's URL carries it."""
    return content_version((ASSETS / name).read_bytes())


def versioned(url: str, name: str) -> str:
    """`url` of the asset `name` with its version: a browser or CDN that holds an older copy (an upgrade's
    previous script, run against the new players' HTML) asks for this one instead."""
    return f"{url}?v={asset_version(name)}"


#: What `version_kind` adds to a kind
VERSION_SUFFIX = "?v"


def version_kind(kind: str) -> str:
    """The key beside a player's URI of `kind` (`mp3`, `vtt`) that holds its file's version (`fill_placeholders`
    adds it as `?v=`): apart from the path, which may itself hold a `?` (`what?-1.mp3`)."""
    return kind + VERSION_SUFFIX
