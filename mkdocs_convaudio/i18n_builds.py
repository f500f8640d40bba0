"""Which language a build of mkdocs-static-i18n is for, and which feeds it owns (it builds each language in turn)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def same_language(one: str, other: str) -> bool:
    """`pt_BR` and `pt-br` are one language (mkdocs-static-i18n's locales, and BCP 47 tags)."""
    return one.replace("_", "-").lower() == other.replace("_", "-").lower()


@dataclass(frozen=True)
class LanguageBuild:
    """One of mkdocs-static-i18n's builds: its language, each language it builds with its link (`/`, `/fr/`), and
    the default language (built first, at the site's root)."""

    language: str
    links: dict[str, str]
    default: str

    def link(self, language: str) -> str | None:
        """The folder of `language`'s pages (`/fr/`), or None for a language mkdocs-static-i18n does not build."""
        return next((link for locale, link in self.links.items() if same_language(locale, language)), None)

    def own_page(self, locale: str | None) -> bool:
        """Whether a page of `locale` (its file's, from mkdocs-static-i18n) is this build's own: a page another
        language lacks is shown in this language's build too, keeping its own locale."""
        return locale is None or same_language(locale, self.language)

    def owns(self, language: str) -> bool:
        """Whether this build writes `language`'s feed (from its own pages): its own language, or a language no
        build of mkdocs-static-i18n is for (a page's own `lang:`). Another language's feed is that language's
        build's: the copies of its pages here must not replace it (bug bash 102: the English feed kept only the
        page French lacked)."""
        return self.link(language) is None or same_language(language, self.language)


def language_build(plugins: Any) -> LanguageBuild | None:
    """The build mkdocs-static-i18n is running (its plugin is named `i18n`), or None without it or with one
    language. Read from the plugin's own attributes, without importing it."""
    plugin = plugins.get("i18n") if hasattr(plugins, "get") else None
    current = getattr(plugin, "current_language", None)
    default = getattr(plugin, "default_language", None)
    languages = getattr(getattr(plugin, "config", None), "languages", None)
    if not isinstance(current, str) or not isinstance(default, str) or not isinstance(languages, list):
        return None
    links = {
        language.locale: str(getattr(language, "link", None) or "/")
        for language in languages
        if getattr(language, "build", False) and isinstance(getattr(language, "locale", None), str)
    }
    return LanguageBuild(current, links, default) if len(links) > 1 else None


def inner_build(plugins: Any) -> bool:
    """Whether this is one of the builds mkdocs-static-i18n runs from its `on_post_build` for its other languages
    (its `building` is set meanwhile), not the first (the default language's), which they run inside of and which
    ends after them."""
    plugin = plugins.get("i18n") if hasattr(plugins, "get") else None
    return getattr(plugin, "building", False) is True
