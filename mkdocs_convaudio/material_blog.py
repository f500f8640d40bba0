"""What Material's blog plugin makes of a site's pages, read from its objects without importing Material."""

from __future__ import annotations

from typing import Any


def _from_blog(thing: object) -> bool:
    return type(thing).__module__.startswith("material.plugins.blog")


def is_blog_post(page: object) -> bool:
    """Whether Material's blog plugin made `page` a post (its page is named after `slug:`), not one of its views
    (the index, the archive, a category)."""
    return any(
        kind.__name__ == "Post" and kind.__module__.startswith("material.plugins.blog") for kind in type(page).__mro__
    )


def replaced_by_its_title(page: object, plugins: Any) -> bool:
    """Whether `page` is a page after the first of a paginated blog view (the index, a year of the archive, a
    category): a copy of the view's file whose content the blog plugin replaces by the view's title, after this
    plugin's `on_page_markdown` (`pagination_keep_content: false`, its default). Its conversations are the first
    page's, played there."""
    pages = getattr(page, "pages", None)
    if not _from_blog(page) or not isinstance(pages, list) or not pages or pages[0] is page:
        return False
    original = pages[0]
    for plugin in plugins.values() if hasattr(plugins, "values") else ():
        blog = getattr(plugin, "blog", None)
        if _from_blog(plugin) and blog is not None and (original is blog or original in getattr(blog, "views", ())):
            return getattr(getattr(plugin, "config", None), "pagination_keep_content", False) is not True
    return False
