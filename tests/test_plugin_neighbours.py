"""Convaudio beside other popular MkDocs plugins, listed before or after it as users write them (bug bash
h-plugins): the page a reader gets must hold a whole player whatever the order."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.sites import Site, conversation, post

TALK = conversation(("Maya", "This conversation sits in the excerpt."), ("Tom", "So the blog index shows it."))

#: mkdocs-minify-plugin as its README configures it: HTML comments removed
MINIFY = {"minify": {"minify_html": True, "htmlmin_opts": {"remove_comments": True}}}


@pytest.mark.parametrize("minify_first", [True, False], ids=["minify-listed-first", "minify-listed-after"])
def test_minify_removing_comments_keeps_the_durations_and_the_blog_index_players(
    site: Site, minify_first: bool
) -> None:
    """The player's duration and a blog index excerpt's player are filled into the page in `on_post_page`, at
    markers that are HTML comments; mkdocs-minify-plugin listed before convaudio (its `on_post_page` at the same
    priority, so run first) removed them: every player showed no duration, and the blog index lost its players,
    with no warning. Convaudio fills its pages before other plugins' `on_post_page` (as Material's social plugin
    does for minify)."""
    site.config.update(theme={"name": "material"}, use_directory_urls=True)
    site.config["plugins"] = ["blog", MINIFY] if minify_first else ["blog"]
    site.plugins_after = [] if minify_first else [MINIFY]
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    site.write(
        "blog/posts/hello.md",
        post("# Hello\n\n" + TALK + "\n<!-- more -->\n\nMore.\n", date=datetime.date(2026, 11, 20)),
    )
    for build in ("cold", "warm"):
        assert site.build(strict=True).synthesized == (2 if build == "cold" else 0)
        for page in ("blog/2026/11/20/hello/index.html", "blog/index.html"):
            html = site.html(page)
            assert "convaudio::" not in html, (build, page)
            assert re.search(r'class="?convaudio-duration"?>0:0\d<', html), (build, page)
            assert re.search(r'<audio class="?convaudio-audio"?', html), (build, page)
            assert len(re.findall(r"data-start=", html)) == 2, (build, page)
