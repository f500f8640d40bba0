"""A transcript's links to the site's files, resolved as MkDocs resolves a page's own links (its
`_RelativePathTreeprocessor`, whose `validation.links` options say how loudly a problem is told)."""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel


@dataclass(frozen=True)
class Resolved:
    """Where a link goes: the target file's URL from the site's root with the link's query and anchor (None: the
    link stays as written), and what to tell the writer about it, at which log level (0: nothing)."""

    url: str | None
    level: int = 0
    problem: str = ""
    #: the file it goes to (whose anchors MkDocs checks)
    file: File | None = None


#: `validation.links.absolute_links: relative_to_docs`, as MkDocs holds it (its `_AbsoluteLinksValidationValue`)
RELATIVE_TO_DOCS = -1


def _levels(config: MkDocsConfig) -> tuple[int, int, int]:
    """MkDocs' `validation.links` options: absolute links (a level, or `RELATIVE_TO_DOCS`), missing targets,
    unrecognized links (MkDocs before 1.6 has not all of them: its levels then)."""
    links = getattr(getattr(config, "validation", None), "links", None)
    return (
        int(getattr(links, "absolute_links", logging.INFO)),
        int(getattr(links, "not_found", logging.WARNING)),
        int(getattr(links, "unrecognized_links", logging.INFO)),
    )


def _excluded(file: File) -> bool:
    """Whether MkDocs leaves `file` out of the built site (a draft, `exclude_docs`), as its `is_excluded` says."""
    return bool(file.inclusion.value <= InclusionLevel.DRAFT.value)


def resolve_link(href: str, page: File, files: Files, config: MkDocsConfig, written_in: str | None = None) -> Resolved:
    """`href`, a link written in a conversation on `page` (a path: `site_link`), as MkDocs resolves the page's own
    link: to the file it names, relative to the file it is written in (`written_in`, a dialogue file's
    docs-relative path; else the page's source file: `../other.md`, `paper.pdf`), as MkDocs would resolve it in a
    Markdown file there, or from the docs folder (`/other.md`) if `validation.links.absolute_links` is
    `relative_to_docs` (else left as written)."""
    absolute, not_found, unrecognized = _levels(config)
    _, _, path, query, anchor = urlsplit(href)
    path = unquote(path)
    if href.startswith(("/", "\\")):
        if absolute != RELATIVE_TO_DOCS:
            return Resolved(None, absolute, f"an absolute link '{href}', left as is")
        target_uri = posixpath.normpath(path.lstrip("/\\"))
    else:
        folder = posixpath.dirname(page.src_uri if written_in is None else written_in)
        target_uri = posixpath.normpath(posixpath.join(folder, path).lstrip("/"))
    target = files.get_file_from_path(target_uri)
    excluded = _excluded(page)
    if target is None:
        if not posixpath.splitext(path)[-1] and not href.startswith(("/", "\\")):
            level, problem = unrecognized, f"an unrecognized relative link '{href}', left as is"
        else:
            level = not_found
            problem = f"a link '{href}', but the target '{target_uri}' is not found among documentation files"
        return Resolved(None, min(logging.INFO, level) if excluded else level, problem)
    url = urlunsplit(("", "", target.url, query, anchor))
    if _excluded(target):
        level = logging.DEBUG if excluded else min(logging.INFO, not_found)
        return Resolved(url, level, f"a link to '{target_uri}', which is excluded from the built site", target)
    return Resolved(url, file=target)


def written_from_the_page(href: str, page: File, files: Files, config: MkDocsConfig, written_in: str) -> str:
    """What to add to the warning of a dialogue file's link to a missing target (`href`, read from `written_in`'s
    folder) that the page showing it would find from its own folder: a link written as it was before its dialogue
    file's links were read from there; "" otherwise."""
    if posixpath.dirname(written_in) == posixpath.dirname(page.src_uri):
        return ""
    target = resolve_link(href, page, files, config).file
    if target is None:
        return ""
    _, _, _, query, anchor = urlsplit(href)
    folder = posixpath.dirname(written_in)
    # under mkdocs-static-i18n, the path between the language-free names (`norm_src_uri`): the French build's
    # target is `fr/guide/setup.md` (folders) or `guide/setup.fr.md` (suffixes), and its path from the dialogue
    # file sent the English site's transcript to the French page, or to none; the language-free path goes to each
    # build's own page, as in a Markdown file there. Only a path that goes back to the target is suggested.
    own = files.src_uris.get(written_in)
    language_free = posixpath.dirname(str(getattr(own, "norm_src_uri", None) or written_in))
    suggested = [
        posixpath.relpath(str(getattr(target, "norm_src_uri", None) or target.src_uri), language_free or "."),
        posixpath.relpath(target.src_uri, folder or "."),
    ]
    path = next(
        (
            path
            for path in suggested
            if files.get_file_from_path(posixpath.normpath(posixpath.join(folder, path))) is target
        ),
        suggested[-1],
    )
    return (
        f"; it names '{target.src_uri}' from the page {page.src_uri}, but a dialogue file's links are read from "
        f"its own folder, as a Markdown file's there would be: write '{urlunsplit(('', '', path, query, anchor))}'"
    )


@dataclass(frozen=True)
class AnchorLink:
    """A conversation's link to an anchor of a site's file, where it is written (the turn's file and line)."""

    target: File
    anchor: str
    href: str
    source: str
    line: int
    #: a link to the page showing it (`#setup`), whose target is that page
    own: bool = False


def anchors_level(config: MkDocsConfig) -> int:
    """MkDocs' `validation.anchors` (`validation.links.anchors`): the level a link to a missing anchor is told at."""
    links = getattr(getattr(config, "validation", None), "links", None)
    return int(getattr(links, "anchors", logging.INFO))


def missing_anchors(links: Iterable[AnchorLink], told_before: set[tuple[str, int, str]] | None = None) -> list[str]:
    """The links whose anchor is not on the page they go to, found as MkDocs' `Page.validate_anchor_links` finds the
    page's own (a page this build did not render, as a `--dirty` build skips them, is not asked), each told once
    (a dialogue file two pages link), with the turn's file and line: MkDocs named only the page showing it. Those
    `told_before` (by file, line and link: an earlier language's build of the run) are not told again; those told
    now are added to it."""
    told: dict[str, None] = {}
    for link in links:
        page = link.target.page
        if page is None or page.present_anchor_ids is None or link.anchor in page.present_anchor_ids:
            continue
        if told_before is not None:
            if (where := (link.source, link.line, link.href)) in told_before:
                continue
            told_before.add(where)
        problem = (
            f"there is no such anchor on the page showing it, '{link.target.src_uri}'"
            if link.own
            else f"the doc '{link.target.src_uri}' does not contain an anchor '#{link.anchor}'"
        )
        told.setdefault(f"{link.source}:{link.line}: this line contains a link '{link.href}', but {problem}")
    return list(told)
