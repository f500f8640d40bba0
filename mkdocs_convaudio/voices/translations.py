"""Tell translated posts from originals in every common layout, so a translation shares its original's voices."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from ..errors import ConvaudioError
from .languages import BUILTIN_ALIASES

#: ISO 639-1 codes: a folder or name suffix counts as a language only if it is one of these (or below).
_ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee
    el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it
    iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my
    na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn
    so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
#: Codes blogs use that are not two letters: scripts (`hant` for Traditional Chinese) and common ISO 639-3 codes;
#: and the aliases a page's `lang:` accepts (`jp`, `cn`): `talk-jp.md` beside `talk-en.md` was no translation (bug
#: bash 74).
_OTHER_CODES = frozenset(
    {"hant", "hans", "fil", "yue", "haw", "ceb", "ast", "gsw", "nds", "cmn", "wuu", *BUILTIN_ALIASES}
)
#: Language codes that are also words a file name ends with after a dash (`api/user-id.md`, the page of a user's
#: id, beside `api/user.md`): such a suffix beside the page without one is a language only when something else says
#: so (see `Translations._named_beside`). Each is a common technical word or abbreviation, and none a language many
#: blogs are written in without saying so: `id` identifier (Indonesian), `cs` computer science, C# (Czech), `ml`
#: machine learning (Malayalam), `ts` TypeScript, timestamp (Tsonga), `ms` milliseconds, Microsoft (Malay), `ca`
#: certificate authority (Catalan), `rm` remove (Romansh), `ln` link, logarithm (Lingala), `io` input/output (Ido),
#: `ee` electrical engineering (Ewe), `gl` OpenGL (Galician), `ps` PostScript, processes (Pashto), `sq` square,
#: SQL (Albanian), `mk` make (Macedonian), `os` operating system (Ossetian), `cv` computer vision, curriculum vitae
#: (Chuvash), `pi` Raspberry Pi, the number (Pali), `ar` augmented reality (Arabic: `vr-ar.md`), `hr` human
#: resources (Croatian: `team-hr.md`).
_NAME_WORDS = frozenset("id cs ml ts ms ca rm ln io ee gl ps sq mk os cv pi ar hr".split())  # noqa: SIM905 (as above)
#: A folder's index page, as MkDocs names it (`README.md` stands in for `index.md`).
_INDEX_STEMS = frozenset({"index", "readme"})
_SUBTAGS = re.compile(r"^(?P<primary>[a-z]{2,3})(?:[-_](?P<rest>[a-z]{2,4}))?$")


def normal(code: str) -> str:
    """A language code compared without case or `_`/`-` differences."""
    return code.strip().lower().replace("_", "-")


def is_language_code(word: str) -> bool:
    """Whether a folder name or name suffix looks like a language: `fr`, `pt-BR`, `zh_Hant`, `hant`."""
    code = normal(word)
    if code in _OTHER_CODES:
        return True
    match = _SUBTAGS.match(code)
    return match is not None and (match["primary"] in _ISO_639_1 or match["primary"] in _OTHER_CODES)


def _split(src_path: str) -> tuple[list[str], str, str]:
    directory, name = posixpath.split(src_path)
    stem, ext = posixpath.splitext(name)
    return [part for part in directory.split("/") if part], stem, ext


def _suffix(stem: str) -> str | None:
    """The language suffix of a name (`talk-fr`, `talk.fr`, `talk-pt-BR`), if it has one."""
    for separator in ("-", "."):
        head, sep, tail = stem.rpartition(separator)
        if sep and head and is_language_code(tail):
            # `talk-pt-br`: try the two-part code first
            head2, sep2, tail2 = head.rpartition("-")
            if separator == "-" and sep2 and head2 and is_language_code(f"{tail2}-{tail}"):
                return f"{tail2}-{tail}"
            return tail
    return None


#: What an ASCII folder or suffix that is a language code looks like (`is_language_code`), spaces around it
#: included: two or three letters, maybe a `-` or `_` and two to four more, or one of the longer `_OTHER_CODES`
#: (`hant`); found in a path's folders, each alone.
_LONGER_CODES = "|".join(
    f"(?i:{re.escape(code)})" for code in sorted(_OTHER_CODES) if not re.fullmatch(r"[a-z]{2,3}(?:-[a-z]{2,4})?", code)
)
_CODE_LIKE = rf"\s*(?:[A-Za-z]{{2,3}}(?:[-_][A-Za-z]{{2,4}})?|{_LONGER_CODES})\s*"
_FOLDER_CODE_LIKE = re.compile(rf"(?<![^/]){_CODE_LIKE}(?![^/])")
_SUFFIX_CODE_LIKE = re.compile(_CODE_LIKE)


def _names_no_language(src_path: str) -> bool:
    """Whether an ASCII path surely names no language (`markers` is empty): none of its folders, nor what follows
    the last `-` or `.` of its name without its extension (`post-001.md`: `001`), looks like a code. A quick test
    for most pages of a site, once a build each (`Translations`): the full work splits the path and reads each
    part."""
    folders, _, name = src_path.rpartition("/")
    if _FOLDER_CODE_LIKE.search(folders):
        return False
    dot = name.rfind(".")
    stem = name[:dot] if dot > 0 and name[:dot].lstrip(".") else name  # `posixpath.splitext`
    return not any(
        _SUFFIX_CODE_LIKE.fullmatch(stem.rpartition(separator)[2]) for separator in ("-", ".") if separator in stem
    )


def markers(src_path: str) -> list[str]:
    """The languages a path names, suffix first then folders from the innermost: `posts/fr/talk-fr.md` → [fr]."""
    if src_path.isascii() and _names_no_language(src_path):
        return []
    folders, stem, _ = _split(src_path)
    found: list[str] = []
    suffix = _suffix(stem)
    if suffix:
        found.append(normal(suffix))
    found.extend(normal(part) for part in reversed(folders) if is_language_code(part))
    return list(dict.fromkeys(found))


def strip_language(src_path: str, language: str, *, name: bool = True) -> str | None:
    """The path without its `language` folder and name suffix (`posts/fr/talk-fr.md` → `posts/talk.md`), or
    None when the path names no such language. With `name` false, only the folder is removed."""
    code = normal(language)
    if code.isascii() and code not in src_path.lower().replace("_", "-"):
        return None  # most pages: the path names no such language (lowered alike, character by character)
    folders, stem, ext = _split(src_path)
    changed = False
    for index in range(len(folders) - 1, -1, -1):
        if normal(folders[index]) == code:
            del folders[index]
            changed = True
            break
    for separator in ("-", ".") if name else ():
        if normal(stem).endswith(separator + code) and len(stem) > len(code) + 1:
            stem = stem[: -len(code) - 1]
            changed = True
            break
    return posixpath.join(*folders, stem + ext) if changed else None


def language_free_paths(src_path: str, language: str) -> list[str]:
    """The paths a page may share with its translations in `language`: without its folder and name suffix
    (`_posts/fr/talk-fr.md` → `_posts/talk.md`), then, when both name the language, without the folder alone: a
    name that ends like the folder's language is the post's own in every language (`it/posts/ship-it.md` beside
    `en/posts/ship-it.md`; `ja/blog/trip-ja.md` was no translation, and spoken with the site's voice: bug bash
    h-i18n)."""
    both = strip_language(src_path, language)
    if both is None:
        return []
    folder = strip_language(src_path, language, name=False)
    return [both] if folder is None or folder == both else [both, folder]


def _may_be(code: str, language: str) -> bool:
    """Whether a code the path names can be the page's language (`hant` and `zh-Hant`, `en` and `en-US`); codes
    that cannot be read as BCP 47 (an author's own alias) are given the benefit of the doubt."""
    from .languages import normalize_language  # langcodes is loaded only when a page declares its language

    try:
        one, other = normalize_language(code).lower(), normalize_language(language).lower()
    except ConvaudioError:
        return True
    return one == other or one.startswith(other + "-") or other.startswith(one + "-")


class Translations:
    """The pages of one site (or one folder of posts), indexed so that each page finds its translations.

    A page is a translation of another when removing the language from its path, as a folder anywhere in the
    path and/or a `-xx` / `.xx` name suffix, gives the same path as removing another language from another page's
    path (or gives that page's path itself: `talk.md` beside `talk.fr.md`). The shared path is the voice-map key.
    """

    def __init__(
        self,
        pages: Iterable[str],
        front_matter: Callable[[str], Mapping[str, Any]] | None = None,
        languages: Iterable[object] = (),
    ) -> None:
        self.pages = frozenset(pages)
        #: A page's front matter, asked only of the pages beside an index page in a folder named like a language
        #: (see `_section_index`): their `lang:` or `translation_of:` tells a translated folder from a section; and
        #: of every page once a build, only when a page named like a word of `_NAME_WORDS` needs it (`_in_use`).
        self._front_matter = front_matter
        #: the languages the site is configured in (its theme's, mkdocs-static-i18n's): see `_in_use`
        self._configured = [language for language in languages if isinstance(language, str) and language.strip()]
        self._used: frozenset[str] | None = None  # `_named_languages`, once a build
        self._declared_languages: frozenset[str] | None = None  # the pages' `lang:`, once a build (`_in_use`)
        self._sections: dict[tuple[str, str], bool] = {}
        self._by_key: dict[str, set[tuple[str, str]]] = {}
        self._markers = {page: markers(page) for page in self.pages}  # each page's, once per build
        for page, languages in self._markers.items():
            for language in languages:
                for key in language_free_paths(page, language):
                    self._by_key.setdefault(key, set()).add((page, language))

    def __contains__(self, page: object) -> bool:
        return page in self.pages

    def names_a_page(self, key: str) -> bool:
        """Whether `key` is a page's path or the language-free name of one (`talk.md` for `talk-fr.md`)."""
        return key in self.pages or key in self._by_key

    def names_in(self, key: str, language: str) -> bool:
        """Whether a page whose path names `language` still has the language-free name `key` (`talk-en.md`, or
        `talk.en.md`, for `talk.md` in English): the entry `key` has a page in that language."""
        return any(_may_be(code, language) for _, code in self._by_key.get(key, ()))

    def _paired(self, key: str, page: str, language: str, *, said: bool) -> bool:
        if key in self.pages and key != page and (said or self._named_beside(page, language)):
            return True
        return any(other != page and lang != language for other, lang in self._by_key.get(key, ()))

    def _named_beside(self, page: str, code: str) -> bool:
        """Whether a page whose path names `code` is the translation of the page at its language-free path. A dot
        suffix (`talk.fr.md`, mkdocs-static-i18n's) or a folder naming the language is one, and so is a dash suffix
        (`talk-fr.md` beside `talk.md`, a blogger's French post without `lang:`), unless the code is also a word
        file names end with (`_NAME_WORDS`: `api/user-id.md` beside `api/user.md` is the page of a user's id, not
        its Indonesian translation); then it is one only when the site is in that language (`_in_use`: its
        configuration, another page's name or any page's `lang:`, its own among them). With a translation in another
        language beside them (`talk-de.md`, `talk.es.md`, `fr/talk.md`), `_paired` finds it anyway; so does a page
        whose language the caller knows (`said`: its `lang:`, or mkdocs-static-i18n's locale)."""
        return not self._named_like_a_word(page, code) or self._in_use(code.split("-")[0])

    @staticmethod
    def _named_like_a_word(page: str, code: str) -> bool:
        """Whether a page names `code` only as a dash suffix that is also a word (`api/user-id.md`), so whether it is
        a translation beside the page without it depends on the rest of the site (`_in_use`)."""
        folders, stem, _ = _split(page)
        return (
            normal(stem).endswith("-" + code)
            and not any(normal(folder) == code for folder in folders)
            and code.split("-")[0] in _NAME_WORDS
        )

    def _in_use(self, code: str) -> bool:
        """Whether the site is in the language `code` (a primary subtag): by `_named_languages`, else by a page's
        `lang:`. The pages' `lang:` are read once a build, the first time
        nothing cheaper names the language, by the front matter's stamp (`_translation_marks`: no file is read
        again in a warm build, only its stamp)."""
        if code in self._named_languages():
            return True
        if self._declared_languages is None:
            marks = self._front_matter or (lambda page: {})
            langs = (marks(page).get("lang") for page in self.pages)
            self._declared_languages = frozenset(
                normal(lang).split("-")[0] for lang in langs if isinstance(lang, str) and lang.strip()
            )
        return code in self._declared_languages

    def _named_languages(self) -> frozenset[str]:
        """The languages (primary subtags) the site's configuration and file names say it is in: its configured ones
        (its theme's, mkdocs-static-i18n's), and the ones file names say where nothing else could be meant (a dot
        suffix, `talk.id.md`; a dash suffix in a group of two languages or more, `talk-id.md` beside `talk-en.md`).
        Computed once a build, from the paths alone. An `X.md`/`X-id.md` pair does not count for another
        (`user-id.md` and `group-id.md` beside `user.md` and `group.md` would make each other Indonesian)."""
        if self._used is not None:
            return self._used
        used = {normal(language).split("-")[0] for language in self._configured}
        for group in self._by_key.values():
            several = len({code for _, code in group}) > 1
            for page, code in group:
                stem = normal(_split(page)[1])
                if stem.endswith("." + code) or (several and stem.endswith("-" + code)):
                    used.add(code.split("-")[0])
        self._used = frozenset(used)
        return self._used

    def _written_language(self, page: str, code: str) -> bool:
        """Whether the page's front matter says it is in `code` (`lang: id`)."""
        lang = (self._front_matter(page) if self._front_matter is not None else {}).get("lang")
        return isinstance(lang, str) and bool(lang.strip()) and _may_be(code, lang)

    def match(self, src_path: str, language: str | None) -> tuple[str, str] | None:
        """(language-free key, the language the path names) when the page has a translation, else None.
        The page's own language is tried first, then each language its path names."""
        own = normal(language) if language else None
        candidates = [own] if own else []
        found = self._markers.get(src_path)
        candidates += markers(src_path) if found is None else found
        for candidate in dict.fromkeys(candidates):
            # the page's own language may be its language (no need to ask langcodes, once per page)
            if language and candidate != own and not _may_be(candidate, language):
                continue  # an English page in a folder `cs/` (computer science) is no Czech translation
            for key in language_free_paths(src_path, candidate):
                if self._paired(key, src_path, candidate, said=candidate == own):
                    return key, candidate
        return None

    def key(self, src_path: str, language: str | None) -> str:
        """The voice-map entry of a page: the language-free path it shares with its translations, or its own."""
        found = self.match(src_path, language)
        return found[0] if found else src_path

    def neighbours(self, src_path: str) -> list[str] | None:
        """The pages whose presence decides whether a page is a translation, and in which language (`posts/talk.md`
        for `posts/fr/talk.md`, `talk-de.md` for `talk-fr.md`); None for a page whose path names no language. For a
        name like a word (`api/user-id.md` beside `api/user.md`), also whether the site is in that language (`_in_use`,
        as `"\0in use: id"`): another page's `lang: id` added or removed makes it a translation or no longer one."""
        languages = self._markers.get(src_path)
        if languages is None:
            languages = markers(src_path)
        if not languages:
            return None
        found: set[str] = set()
        for code in languages:
            for key in language_free_paths(src_path, code):
                found.update(page for page, _ in self._by_key.get(key, ()))
                if key in self.pages:
                    found.add(key)
                    primary = code.split("-")[0]
                    if self._named_like_a_word(src_path, code) and self._in_use(primary):
                        found.add(f"\0in use: {primary}")
        found.discard(src_path)
        return sorted(found)

    def former_keys(
        self, src_path: str, language: str | None, key: str, site_language: str = "en", *, language_free: bool = True
    ) -> list[str]:
        """Names the voice-map entry `key` of a page may have had before, most likely first: the page's own path
        and its translations' (before they were paired: the entry moves to `key` whichever page is planned
        first), and with `language_free` the language-free path (before its last translation was removed; not
        for dialogue files, whose neighbours are only the files near them). Never another page that is there on
        its own: a page of the group counts only when its path is trusted to name its language (a suffix, or a
        folder beside the original's), so a topic folder (`cs/sorting.md`, an English page) keeps its entry."""
        names = [src_path]
        names += sorted(
            page
            for page, code in self._by_key.get(key, ())
            if page != src_path
            and self._planned_key(page, code) == key
            and self.path_language(page, site_language) == code
        )
        if key in self.pages:
            names.append(key)  # the original at the language-free path (`talk.md` beside `talk.fr.md`)
        if key == src_path and language_free:
            own = normal(language) if language else None
            found = self._markers.get(src_path)
            for code in dict.fromkeys(([own] if own else []) + (markers(src_path) if found is None else found)):
                if language and code != own and not _may_be(code, language):
                    continue  # a topic folder (`cs/`) is no language of an English page
                free = strip_language(src_path, code)
                if free is not None and free not in self.pages:
                    names.append(free)  # `talk-en.md` left alone again keeps the voices of `talk.md`
        return [name for name in dict.fromkeys(names) if name != key]

    def original(self, key: str, site_language: str = "en") -> str | None:
        """The original of the pages sharing the voice-map entry `key`: the page at the language-free path itself
        (`talk.md` beside `talk.fr.md`), else the one whose path names the site's language (`talk-en.md`,
        `en/talk.md`); None when neither is there (every page a translation of a post the site lacks)."""
        if key in self.pages:
            return key
        site = normal(site_language).split("-")[0]
        return next(
            (
                page
                for page, code in sorted(self._by_key.get(key, ()))
                if code.split("-")[0] == site and self._planned_key(page, code) == key
            ),
            None,
        )

    def _planned_key(self, page: str, code: str) -> str:
        """The entry a page of a group plans with, as its own build asks for it (`AudioSession._post_key`): by its
        `lang:` when it has one, else by `code`, the language its path names. A page whose `lang:` contradicts its
        path (`talk.fr.md` with `lang: de`, an English `cs/intro.md`) keeps an entry of its own, so it is no former
        name of the original's: `talk.md` moved `talk.fr.md`'s entry to itself while `talk.fr.md` went on using
        it, the saved voice map had `talk.fr.md`'s entry alone, and every build planned both pages twice (docs bug
        bash h-docs2)."""
        meta = self._front_matter(page) if self._front_matter is not None else {}
        written = meta.get("lang")
        return self.key(page, written.strip() if isinstance(written, str) and written.strip() else code)

    def path_language(self, src_path: str, site_language: str = "en", *, names_original: bool = False) -> str | None:
        """The language a page's path names, when the page is one of several translations (for pages without
        `lang:` in their front matter).

        A name suffix (`talk-fr.md`, `talk.fr.md`) is trusted; folders alone (`fr/talk.md`) only when the original
        is among the translations: a page at the language-free path, or one in a folder of the site's language.
        Topic folders that happen to be language codes (`cs/`, `ee/`, `it/`, `ml/`) are not languages. A page that
        `names_original` (`translation_of:`) is a translation by its author's word, never a section's index."""
        found = self.match(src_path, None)
        if found is None:
            return None
        key, code = found
        suffix = _suffix(_split(src_path)[1])
        site = normal(site_language).split("-")[0]
        if suffix is not None and normal(suffix) == code:
            return code
        if key in self.pages and (names_original or not self._section_index(src_path, code)):
            return code
        group = {normal(language).split("-")[0] for _, language in self._by_key.get(key, ())}
        return code if site in group else None

    def _section_index(self, src_path: str, code: str) -> bool:
        """Whether the page is the index of the folder `code`, which holds pages of its own and none translating
        one: a docs site's section (`ml/index.md` beside `ml/regression.md`, `os/index.md` beside
        `os/scheduling.md`) whose "original" would be only the index of the folder above, which every folder has.
        A translated folder (`fr/index.md` beside `fr/guide.md`, with `guide.md` at the top) still counts, and so
        does a folder holding its index page alone (`fr/index.md`: a site's translated home page, paired with
        `index.md` since translations were first recognized; its voices must not change on an upgrade)."""
        folders, stem, _ = _split(src_path)
        if stem.lower() not in _INDEX_STEMS or not folders or normal(folders[-1]) != code:
            return False
        known = self._sections.get((src_path, code))
        if known is None:
            inside = "/".join(folders) + "/"
            others = sorted(page for page in self.pages if page != src_path and page.startswith(inside))
            known = self._sections[(src_path, code)] = bool(others) and not any(
                strip_language(page, code) in self.pages or self._declared(page, code) for page in others
            )
        return known

    def _declared(self, page: str, code: str) -> bool:
        """Whether a page's front matter makes it a translation in `code` (`lang: fr`, or `translation_of:`): a
        French blog's posts have French names (`fr/posts/causerie.md` naming `posts/cache.md`), so its folder's
        index page is its translated home page, as it was before sections were told apart."""
        meta = self._front_matter(page) if self._front_matter is not None else {}
        return self._written_language(page, code) or meta.get("translation_of") is not None


def language_free_path(src_path: str, lang: str | None, siblings: Collection[str]) -> str:
    """The path that names a post in every language, e.g. `blog/talk-fr.md` → `blog/talk.md`."""
    return Translations(siblings).key(src_path, lang)


def voice_map_key(src_path: str, lang: str | None, siblings: Collection[str], translation_of: str | None = None) -> str:
    """The voice-map entry a page uses: its original's when it is a translation, its own otherwise."""
    translations = Translations(siblings)
    if translation_of:
        target = posixpath.normpath(translation_of.lstrip("/"))
        return translations.key(target, None)
    return translations.key(src_path, lang)
