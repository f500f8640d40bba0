"""Convaudio beside other popular MkDocs plugins, listed before or after it as users write them (bug bash
h-plugins): the page a reader gets must hold a whole player whatever the order."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sites import Site, conversation, decode, post

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


def _run(site: Site, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python ARGUMENTS` in the site's folder, as a user runs `mkdocs` or `mkdocs-convaudio` there; a run that does not
    end fails the test (a hang is the bug these tests look for), not the test run."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
        "NO_MKDOCS_2_WARNING": "1",
    }
    try:
        return subprocess.run(
            [sys.executable, *arguments], cwd=site.root, env=env, capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{arguments} did not end")


ESTIMATE = (
    "-c",
    "import sys; from mkdocs_convaudio.entry import main; "
    "sys.argv = ['mkdocs-convaudio', 'estimate']; sys.exit(main())",
)


def test_convaudio_inside_material_s_group_plugin_builds(site: Site) -> None:
    """Material's group plugin (`group: {enabled: !ENV CI, plugins: [convaudio]}`, to synthesize in CI only) loads
    its plugins during its own `on_config` (priority 150) and files their events into the list MkDocs is running:
    convaudio's first `on_config` (at priority +inf) went before the group's, which MkDocs then ran again, and again,
    loading another convaudio each time: `mkdocs build` never ended, its memory growing. Convaudio's first
    `on_config` runs after the group's now. `mkdocs-convaudio estimate`, which cannot see a plugin the group has not
    loaded yet, said the plugin was not enabled: it says where it is, and what to write instead (convaudio's own
    `enabled:`), which it then estimates."""
    site.write("index.md", post("# Home\n\n" + TALK))
    config = "site_name: Test\nuse_directory_urls: false\ntheme: {name: material}\nplugins:\n"
    (site.root / "mkdocs.yml").write_text(
        config + "  - group:\n      enabled: !ENV [AUDIO, true]\n      plugins:\n        - convaudio\n",
        encoding="utf-8",
    )
    done = _run(site, "-m", "mkdocs", "build", "--strict")
    assert done.returncode == 0, done.stderr
    assert "1 conversation, 2 lines: 2 synthesized" in done.stderr, done.stderr
    samples, rate = decode(site.root / "site" / "assets" / "convaudio" / "index-1.mp3")
    assert len(samples) > rate, len(samples)
    assert "convaudio-duration" in (site.root / "site" / "index.html").read_text(encoding="utf-8")

    done = _run(site, *ESTIMATE)
    assert done.returncode == 2 and "listed under Material's group plugin" in done.stderr, done.stderr
    assert "`- convaudio: {enabled: !ENV [CI, false]}`" in done.stderr, done.stderr
    (site.root / "mkdocs.yml").write_text(
        config + "  - convaudio:\n      enabled: !ENV [AUDIO, true]\n", encoding="utf-8"
    )
    done = _run(site, *ESTIMATE)
    assert done.returncode == 0, done.stderr
    assert re.search(r"total\s+0\s+0\b", done.stdout), done.stdout


def test_convaudio_inside_material_s_group_plugin_with_static_i18n_is_a_clear_error(site: Site) -> None:
    """mkdocs-static-i18n runs `on_config` again for each further language, and Material's group plugin loads its
    plugins again there: the new convaudio's `on_post_build`, filed before the i18n plugin's while MkDocs ran it,
    made MkDocs run the i18n plugin's again, building every language again, for ever, with a convaudio more each
    time (review r-plugins). A second convaudio in a build now stops it and says what to write instead."""
    site.write("en/index.md", post("# Home\n\n" + TALK))
    site.write("fr/index.md", post("# Accueil\n\n" + conversation(("Maya", "Bonjour."), ("Tom", "Salut."))))
    languages = "[{locale: en, default: true, name: English, build: true}, {locale: fr, name: Fr, build: true}]"
    (site.root / "mkdocs.yml").write_text(
        "site_name: Test\nuse_directory_urls: false\ntheme: {name: material}\nplugins:\n"
        f"  - i18n: {{docs_structure: folder, languages: {languages}}}\n"
        "  - group: {enabled: true, plugins: [convaudio]}\n",
        encoding="utf-8",
    )
    done = _run(site, "-m", "mkdocs", "build")
    assert done.returncode == 1, done.stderr
    assert "the convaudio plugin was loaded a second time in this build" in done.stderr, done.stderr
    assert "`- convaudio: {enabled: !ENV [CI, false]}`" in done.stderr, done.stderr
