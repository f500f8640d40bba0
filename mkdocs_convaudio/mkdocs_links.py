"""A transcript's links to the site's files, resolved as MkDocs resolves a page's own links (its
`_RelativePathTreeprocessor`, whose `validation.links` options say how loudly a problem is told)."""

from __future__ import annotations

import logging
import posixpath
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


def resolve_link(href: str, page: File, files: Files, config: MkDocsConfig) -> Resolved:
    """`href`, a link written in a conversation on `page` (a path: `site_link`), as MkDocs resolves the page's own
    link: to the file it names, relative to the page's source file (`../other.md`, `paper.pdf`), or from the docs
    folder (`/other.md`) if `validation.links.absolute_links` is `relative_to_docs` (else left as written)."""
    absolute, not_found, unrecognized = _levels(config)
    _, _, path, query, anchor = urlsplit(href)
    path = unquote(path)
    if href.startswith(("/", "\\")):
        if absolute != RELATIVE_TO_DOCS:
            return Resolved(None, absolute, f"an absolute link '{href}', left as is")
        target_uri = posixpath.normpath(path.lstrip("/\\"))
    else:
        target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path).lstrip("/"))
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
