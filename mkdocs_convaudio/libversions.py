"""Installed libraries' versions for memo keys, read once per process and without parsing whole metadata."""

from __future__ import annotations

from functools import cache
from importlib import metadata


@cache
def library_version(name: str) -> str:
    """The installed version of distribution `name`, or `-` when it is not installed.

    Read from the `Version:` line of its metadata file: `importlib.metadata.version` parses the whole file as
    an e-mail message (~0.2 ms a library, paid by every build for the memo keys)."""
    try:
        distribution = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return "-"
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO") or ""
    for line in text.splitlines():
        if line.startswith("Version:"):
            return line[len("Version:") :].strip()
        if not line:  # the headers end at the first blank line
            break
    return distribution.version or "-"
