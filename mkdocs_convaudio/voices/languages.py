"""Language codes as BCP 47 tags (with aliases authors add), and the writing systems each language uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..store.memo import Memo

from ..errors import ConvaudioError

#: Codes real blogs use that are not BCP 47 language tags; the plugin option `language_aliases` adds more.
BUILTIN_ALIASES: Mapping[str, str] = {
    "hant": "zh-Hant",
    "hans": "zh-Hans",
    "jp": "ja",
    "kr": "ko",
    "cn": "zh-Hans",
    "tw": "zh-Hant-TW",
}

#: ISO 15924 codes that stand for several scripts used together.
_COMBINED_SCRIPTS: Mapping[str, frozenset[str]] = {
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Kore": frozenset({"Hang", "Hani"}),
    "Hant": frozenset({"Hani"}),
    "Hans": frozenset({"Hani"}),
}

#: Latin letters (acronyms, names, code) appear in posts of every language; every voice spells them somehow.
ALWAYS_READABLE = frozenset({"Latn"})

#: Answers langcodes gave earlier builds (see `use_memo`): a warm build does not import it at all.
_memo: Memo | None = None
_T = TypeVar("_T")


#: How the answers are asked for: 2, a captions label names its language in the language's fullest locale (zh-TW's
#: was half English)
ASKED = "2"


def memo_version() -> str:
    """The versions of langcodes and its data, and of how they are asked: answers remembered under other versions
    are not reused."""
    from ..libversions import library_version

    versions = " ".join(f"{name}={library_version(name)}" for name in ("langcodes", "language_data"))
    return f"{versions} asked={ASKED}"


def use_memo(memo: Memo | None) -> None:
    """Remember langcodes' answers in `memo` (a file in the cache folder) from now on in this process."""
    global _memo
    _memo = memo


def remembered(
    kind: str,
    argument: str,
    compute: Callable[[], _T],
    store: Callable[[_T], Any] = lambda x: x,
    load: Callable[[Any], _T] = lambda x: x,
) -> _T:
    """`compute()`, or its answer from the memo of an earlier build (answers only: errors are not kept)."""
    key = f"{kind}:{argument}"
    if _memo is not None:
        stored = _memo.get(key)
        if stored is not None:
            return load(stored)
    value = compute()
    if _memo is not None:
        _memo.put(key, store(value))
    return value


def normalize_language(code: str, aliases: Mapping[str, str] | None = None) -> str:
    """`hant` → `zh-Hant`, `en_US` → `en-US`, `iw` → `he`: the BCP 47 form of a page's language code.

    Author aliases win over the built-in ones; both are matched case-insensitively.
    """
    raw = code.strip()
    table = {key.lower(): value for key, value in BUILTIN_ALIASES.items()}
    table.update({str(key).lower(): str(value) for key, value in (aliases or {}).items()})
    key = raw.lower().replace("_", "-")
    try:
        return _standardize(table.get(key, raw), code)
    except ConvaudioError:
        written = next((alias for alias in aliases or {} if str(alias).lower() == key), None)
        if written is None:
            raise
        # the option's value is wrong, not the page's code (it was blamed, and told to add the alias it had)
        raise ConvaudioError(
            f"language_aliases: {written}: {table[key]!r} is not a language code; give a BCP 47 tag such as en, "
            "fr-CA or zh-Hant"
        ) from None


@lru_cache(maxsize=1024)
def _standardize(raw: str, code: str) -> str:
    return remembered("tag", raw, lambda: _langcodes_standardize(raw, code))


def _langcodes_standardize(raw: str, code: str) -> str:
    import langcodes  # loaded on first use: most builds need a handful of tags at most
    from langcodes.tag_parser import LanguageTagError

    try:
        return str(langcodes.standardize_tag(raw.replace("_", "-")))
    except (ValueError, LanguageTagError):
        named = _language_named(code.strip())
        example = f"{code.strip()}: {named}" if named else f"{code.strip()}: TAG"
        raise ConvaudioError(
            f"{code!r} is not a language code; use a BCP 47 tag such as {named or 'en'}, fr-CA or zh-Hant, or map it "
            f"to one with the plugin option `language_aliases` (e.g. `language_aliases: {{{example}}}`)"
        ) from None


def _language_named(name: str) -> str:
    """The tag of the language a name names, in English or in itself (`french`, `Deutsch`), or nothing."""
    import langcodes

    try:
        return str(langcodes.find(name))
    except (LookupError, ValueError, ImportError):
        return ""


def base_language(tag: str) -> str:
    """The language subtag: `fr-CA` → `fr`, `zh-Hant` → `zh`."""
    return tag.split("-")[0].lower()


#: Tags of one language under two codes, by the code a voice's name may carry: Norwegian Bokmål is `nb` on a page
#: and `no` in Piper's `no_NO` models; Mandarin is `cmn` on a page and `zh` in `zh_CN` models.
_SAME_LANGUAGE = {"nb": "no", "cmn": "zh"}
#: Codes of no one language (several, undetermined, none): a model that says one of them speaks no other language.
_NO_ONE_LANGUAGE = {"mul", "und", "zxx"}


def speaks_other_language(voice_language: str, page_language: str) -> bool:
    """Whether a voice made for `voice_language` (`en_US`) is not one for `page_language` (`fr`, `en-GB` is),
    by their primary tags; a code that is not one (a custom model's), or one of several languages (`mul`), says
    nothing."""
    try:
        voice, page = (base_language(normalize_language(tag)) for tag in (voice_language, page_language))
    except ConvaudioError:
        return False
    if voice in _NO_ONE_LANGUAGE:
        return False
    return _SAME_LANGUAGE.get(voice, voice) != _SAME_LANGUAGE.get(page, page)


@lru_cache(maxsize=256)
def language_scripts(tag: str) -> frozenset[str]:
    """ISO 15924 scripts a language is usually written in (Japanese: Han, Hiragana, Katakana), plus Latin."""
    return remembered("scripts", tag, lambda: _language_scripts(tag), sorted, frozenset)


def _language_scripts(tag: str) -> frozenset[str]:
    import langcodes
    from langcodes.tag_parser import LanguageTagError

    try:
        script = langcodes.Language.get(tag).maximize().script or "Latn"
    except (ValueError, LanguageTagError):
        script = "Latn"
    return _COMBINED_SCRIPTS.get(script, frozenset({script})) | ALWAYS_READABLE
