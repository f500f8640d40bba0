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


def typed(text: str, encoding: str) -> str:
    """`text` a user typed (a command-line argument, standard input), which Python decoded with `encoding`, as
    they typed it.

    Under a legacy C locale with `PYTHONUTF8=0` Python decodes each byte that is not ASCII as a lone surrogate
    ("Zoë" arrives as "Zo\\udcc3\\udcab"), and the spoken text drops them: `mkdocs-convaudio say Zoë` printed "Zo".
    A terminal sends UTF-8, so those bytes are read as UTF-8. Text without such surrogates (what every UTF-8 or
    Latin-1 locale gives) is left as it is; bytes that are no UTF-8 stay surrogates, the rest is read (standard
    input with one stray byte lost all its accents)."""
    if not any("\udc80" <= character <= "\udcff" for character in text):
        return text
    try:
        return text.encode(encoding, "surrogateescape").decode("utf-8", "surrogateescape")
    except (UnicodeError, LookupError):
        return text
