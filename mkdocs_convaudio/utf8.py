"""Text to UTF-8 bytes for hashing and writing, whatever the locale Python started in."""

from __future__ import annotations


def utf8(text: str) -> bytes:
    """`text` as UTF-8 bytes, also when it holds surrogates.

    Under a legacy C locale with `PYTHONUTF8=0` (some CI images: `LANG=C`, Python before 3.15), Python decodes
    the bytes of a file name that are not ASCII as lone surrogates ("été" becomes "\\udcc3\\udca9t\\udcc3\\udca9"),
    which strict UTF-8 cannot encode. "surrogateescape" gives those bytes back as they are on disk, so such a path
    hashes as the same path read under a UTF-8 locale does, and text without surrogates (every normal path and
    line) encodes exactly as before: no cache key changes. Surrogates no file name gives (JSON's "\\ud800") are
    passed through as their own 3 bytes: a key must never be a crash."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")
