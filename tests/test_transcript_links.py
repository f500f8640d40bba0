"""Links written in a conversation's lines go where the same link in the page's text goes: MkDocs makes a link to a
page's `.md` file (or to an image, a PDF) the URL of that file relative to the page it is on, and warns of one whose
target is missing. The transcript, written by the plugin after MkDocs' Markdown, kept `href="other.md"`: a broken
link on the site (review: links in a conversation's lines)."""

from __future__ import annotations

import datetime
import html
import json
import re

import pytest
from mkdocs.exceptions import Abort

from tests.sites import Site, conversation, post, static_i18n

#: A line with every kind of link MkDocs tells apart, for a post two folders down (`blog/2024/talk.md`)
LINE = (
    "See [the other post](../other.md), [setup](../../guide/setup.md#install), [the paper](paper.pdf), "
    "[home](../../index.md), [this talk](talk.md#end), [above](#top), [a site](https://example.com/x?a=1&b=2), "
    "[mail](mailto:me@example.org) and <me@example.org>."
)
_LINKS = re.compile(r'<a href="([^"]*)"')


def _hrefs(fragment: str) -> list[str]:
    return [html.unescape(href) for href in _LINKS.findall(fragment)]


def transcript_hrefs(page: str) -> list[str]:
    """The link targets of a page's transcript lines."""
    lines = re.findall(r'<span class="convaudio-text">(.*?)</span></li>', page)
    assert lines, "no transcript line"
    return [href for line in lines for href in _hrefs(line)]


def body_hrefs(page: str, marker: str) -> list[str]:
    """The link targets MkDocs itself wrote for the paragraph starting with `marker` in the page's text."""
    found = re.search(r"<p>" + re.escape(marker) + r"(.*?)</p>", page, re.S)
    assert found, f"no paragraph {marker!r}"
    return _hrefs(found[1])


def linked_site(site: Site, directory_urls: bool, line: str = LINE, *, body: bool = True) -> None:
    site.config["use_directory_urls"] = directory_urls
    site.write("index.md", "# Home\n")
    site.write("guide/setup.md", "# Setup\n\n## Install\n\nSteps.\n")
    site.write("blog/other.md", "# Other\n")
    (site.docs / "blog/2024").mkdir(parents=True, exist_ok=True)
    (site.docs / "blog/2024/paper.pdf").write_bytes(b"%PDF-1.4\n")
    text = "# Talk\n\n" + conversation(("A", line), ("B", "Thanks.")) + ("\nBody: " + line + "\n" if body else "")
    site.write("blog/2024/talk.md", post(text))


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("directory_urls", [False, True])
def test_a_line_s_links_go_where_the_same_links_in_the_page_go(site: Site, directory_urls: bool, theme: str) -> None:
    if theme == "material":
        site.config["theme"] = {"name": "material", "font": False}
    linked_site(site, directory_urls)
    site.build()
    page = site.html("blog/2024/talk/index.html" if directory_urls else "blog/2024/talk.html")
    expected = body_hrefs(page, "Body: ")
    assert len(expected) == 9, expected
    assert transcript_hrefs(page) == expected
    # MkDocs' own resolution, for the record: the link to a page is that page's URL relative to this one
    other, setup, paper, home, itself = expected[:5]
    assert (other, setup) == (
        ("../../other/", "../../../guide/setup/#install")
        if directory_urls
        else ("../other.html", "../../guide/setup.html#install")
    )
    assert paper == ("../paper.pdf" if directory_urls else "paper.pdf")
    assert home == ("../../../" if directory_urls else "../../index.html")
    assert itself in ("./#end", ".#end", "talk.html#end")
    assert expected[5:] == ["#top", "https://example.com/x?a=1&b=2", "mailto:me@example.org", "mailto:me@example.org"]
    assert not [warning for warning in site.warnings() if "link" in warning]


def test_a_line_s_link_to_a_missing_page_is_a_warning_naming_the_post_s_line(site: Site) -> None:
    """MkDocs warns of the page's own link to a missing file (and `--strict` fails); the transcript's link to one
    said nothing and stayed broken. It is left as written, and warned of at the level MkDocs' `validation.links`
    gives missing targets, naming the post's file and line."""
    linked_site(site, False, "Read [the lost post](../lost.md#x) first.", body=False)
    site.build()
    assert site.build().synthesized == 0  # a warm build (the links remembered) says it again
    warnings = [warning.removeprefix("convaudio: ") for warning in site.warnings() if "lost.md" in warning]
    ours = [warning for warning in warnings if warning.startswith("blog/2024/talk.md:")]
    assert len(ours) == 1, warnings
    source = (site.docs / "blog/2024/talk.md").read_text(encoding="utf-8").split("\n")
    # the line its turn starts on (`{`), as the plugin's other warnings of a turn name it
    line = next(number for number, text in enumerate(source, 1) if "lost post" in text and '"line"' in text) - 2
    assert source[line - 1].strip() == "{"
    assert ours[0].startswith(f"blog/2024/talk.md:{line}: "), ours[0]
    assert "blog/lost.md" in ours[0] and "not found" in ours[0], ours[0]
    assert not [warning for warning in warnings if warning.startswith("Doc file")]  # nothing in the page's text
    assert transcript_hrefs(site.html("blog/2024/talk.html")) == ["../lost.md#x"]
    with pytest.raises(Abort):
        site.build(strict=True)
    site.config["validation"] = {"links": {"not_found": "info"}}
    site.build(strict=True)  # as MkDocs does for the page's text: the site's own choice
    assert any(message.startswith(f"convaudio: blog/2024/talk.md:{line}: ") for message in site.infos())


def test_a_dialogue_file_s_link_to_a_missing_page_names_the_dialogue_file_s_line(site: Site) -> None:
    site.write(
        "blog/ep.json", '[\n {"speaker": "A", "line": "See [gone](gone.md)."},\n {"speaker": "B", "line": "Ok."}\n]\n'
    )
    site.write("blog/talk.md", post("[Script](ep.json)\n"))
    site.build()
    assert [
        warning
        for warning in site.warnings()
        if "gone.md" in warning and warning.startswith("convaudio: blog/ep.json:2: ")
    ]


def test_a_material_blog_post_s_links_go_to_the_posts_urls_from_the_post_and_from_the_blog_index(site: Site) -> None:
    """A blog post's page is not where its file is (`blog/posts/hello.md` is `blog/2026/11/20/hello/`), and its
    player shows in the blog's index too: the link goes to the other post's page from both."""
    site.config.update(theme={"name": "material", "font": False}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    site.write("guide/setup.md", "# Setup\n\n## Install\n")
    day = datetime.date(2026, 11, 20)
    site.write("blog/posts/other.md", post("# Other\n\nText.\n", date=day, audio=False))
    line = "Read [the other post](other.md) and [setup](../../guide/setup.md#install)."
    body = "# Hello\n\n" + conversation(("A", line), ("B", "Sure.")) + "\nBody: " + line + "\n"
    site.write("blog/posts/hello.md", post(body, date=day))
    site.build()
    page = site.html("blog/2026/11/20/hello/index.html")
    expected = body_hrefs(page, "Body: ")
    assert expected == ["../other/", "../../../../../guide/setup/#install"]
    assert transcript_hrefs(page) == expected
    index = site.html("blog/index.html")  # the post's excerpt: its player, its links from the index's URL
    assert transcript_hrefs(index) == body_hrefs(index, "Body: ") == ["2026/11/20/other/", "../guide/setup/#install"]
    assert not [warning for warning in site.warnings() if "link" in warning]


def test_a_translated_page_s_links_go_to_its_language_s_pages(site: Site) -> None:
    """mkdocs-static-i18n: `talk.fr.md`'s link to `other.md` goes where MkDocs sends the French page's own link."""
    static_i18n(site)
    site.config["use_directory_urls"] = True
    site.write("other.md", "# Other\n")
    site.write("other.fr.md", "# Autre\n")
    line_en, line_fr = "See [the other page](other.md).", "Voir [l'autre page](other.md)."
    site.write("talk.md", post(conversation(("A", line_en), ("B", "Ok.")) + "\nBody: " + line_en + "\n"))
    site.write("talk.fr.md", post(conversation(("A", line_fr), ("B", "Oui.")) + "\nBody: " + line_fr + "\n"))
    site.build()
    for path in ("talk/index.html", "fr/talk/index.html"):
        page = site.html(path)
        assert transcript_hrefs(page) == body_hrefs(page, "Body: ") == ["../other/"], path
    assert not [warning for warning in site.warnings() if "link" in warning]


def test_the_captions_carry_a_link_s_words_not_its_target(site: Site) -> None:
    """What a line's links are in the captions (the words read; the spoken text says them alike, see
    test_spoken_text.py): the words, never the target."""
    site.plugin_options["captions"] = True
    linked_site(site, False)
    site.build()
    captions = (site.site / "assets/convaudio/blog/2024/talk-1.vtt").read_text(encoding="utf-8")
    assert "<v A>See the other post, setup, the paper, home, this talk, above, a site," in captions
    assert "<v A>mail and me@example.org." in captions
    assert ".md" not in captions and "paper.pdf" not in captions and "mailto" not in captions, captions


def test_a_line_s_link_to_a_missing_anchor_is_told_with_the_line_as_mkdocs_tells_the_page_s_own(site: Site) -> None:
    """MkDocs checks that a link's anchor is on the page it goes to (`validation.anchors`): the transcript's links
    are checked alike, at the same level, and told with the file and line of the turn, as a missing target is
    (MkDocs' own message named only the page, and a dialogue file's line not at all). The page's own link to a
    missing anchor is still MkDocs' to tell."""
    site.config["validation"] = {"anchors": "warn"}
    line = "Read [setup](../../guide/setup.md#nope) and [install](../../guide/setup.md#install)."
    linked_site(site, True, line, body=False)
    talk = site.docs / "blog/2024/talk.md"
    talk.write_text(talk.read_text(encoding="utf-8") + "\nBody: [setup](../../guide/setup.md#gone).\n", "utf-8")
    site.build()
    source = talk.read_text(encoding="utf-8").split("\n")
    turn = next(number for number, text in enumerate(source, 1) if "#nope" in text and '"line"' in text) - 2
    assert sorted(warning for warning in site.warnings() if "#" in warning) == [
        "Doc file 'blog/2024/talk.md' contains a link '../../guide/setup.md#gone', but the doc 'guide/setup.md' "
        "does not contain an anchor '#gone'.",
        f"convaudio: blog/2024/talk.md:{turn}: this line contains a link '../../guide/setup.md#nope', but the doc "
        "'guide/setup.md' does not contain an anchor '#nope'",
    ]
    site.build()  # a warm build (the links remembered) says it again, once
    assert len([warning for warning in site.warnings() if "#nope" in warning]) == 1
    with pytest.raises(Abort):
        site.build(strict=True)
    site.config["validation"] = {"anchors": "info"}  # MkDocs' default: said at info, `--strict` passes
    site.build(strict=True)
    assert [message for message in site.infos() if "#nope" in message and f"talk.md:{turn}: " in message]


def test_a_dialogue_file_s_link_to_a_missing_anchor_names_the_dialogue_file_s_line(site: Site) -> None:
    """A dialogue file's link to a missing anchor, linked by two pages: told once, with the dialogue file's line,
    not as a link of the pages."""
    site.config["validation"] = {"anchors": "warn"}
    site.write("guide/setup.md", "# Setup\n\n## Install\n")
    site.write("dialogues/ep.json", _dialogue("Ok.", "See [setup](../guide/setup.md#nope) and [it](notes.md#x)."))
    site.write("dialogues/notes.md", '# Notes\n\n<a id="x"></a>Here.\n')
    site.write("blog/2024/a.md", post("[Script](../../dialogues/ep.json)\n"))
    site.write("notes/b.md", post("[Script](../dialogues/ep.json)\n"))
    site.build()
    assert [warning for warning in site.warnings() if "#" in warning] == [
        "convaudio: dialogues/ep.json:3: this line contains a link '../guide/setup.md#nope', but the doc "
        "'guide/setup.md' does not contain an anchor '#nope'"
    ]


def test_a_warm_build_links_as_the_cold_one(site: Site) -> None:
    """Which links a conversation has is remembered by its source (`transcript-links` memo): a warm build, and one
    after the linked page moved, resolve them again."""
    linked_site(site, False)
    site.build()
    assert site.build().synthesized == 0
    page = site.html("blog/2024/talk.html")
    assert transcript_hrefs(page) == body_hrefs(page, "Body: ")
    assert transcript_hrefs(page)[0] == "../other.html"
    (site.docs / "blog/other.md").rename(site.docs / "blog/2024/other.md")  # the link is now to a missing file
    site.build()
    assert transcript_hrefs(site.html("blog/2024/talk.html"))[0] == "../other.md"
    assert [warning for warning in site.warnings() if warning.startswith("convaudio: blog/2024/talk.md:")]


@pytest.mark.parametrize("absolute_links", [None, "relative_to_docs"])
def test_a_line_s_link_from_the_site_s_root_is_treated_as_mkdocs_treats_the_page_s(
    site: Site, absolute_links: str | None
) -> None:
    """`/guide/setup.md`: left as written by default (MkDocs says so at `info`), resolved from the docs folder with
    `validation.links.absolute_links: relative_to_docs`."""
    if absolute_links:
        site.config["validation"] = {"links": {"absolute_links": absolute_links}}
    linked_site(site, True, "See [setup](/guide/setup.md#install) and [the PDF](/blog/2024/paper.pdf).")
    site.build(strict=True)
    page = site.html("blog/2024/talk/index.html")
    expected = ["../../../guide/setup/#install", "../paper.pdf"]
    assert (
        transcript_hrefs(page)
        == body_hrefs(page, "Body: ")
        == (expected if absolute_links else ["/guide/setup.md#install", "/blog/2024/paper.pdf"])
    )
    ours = [message for message in site.infos() if message.startswith("convaudio: blog/2024/talk.md:")]
    assert len(ours) == (0 if absolute_links else 2), ours


def test_a_site_without_links_in_its_pages_looks_up_and_remembers_nothing(site: Site) -> None:
    """Most pages have no link in their Markdown, so none in a conversation written there: a warm build of them
    reads and writes no `transcript-links` memo (it held an empty entry for every conversation, read each build).
    A link written with a JSON escape (`[o]\\u0028other.md)`) is still one."""
    linked_site(site, False, "No link here, only [brackets] and (parentheses).", body=False)
    site.build()
    assert site.build().synthesized == 0
    assert not list(site.root.rglob("transcript-links-memo*.json"))
    page = site.html("blog/2024/talk.html")
    assert "[brackets] and (parentheses)" in page
    line = r'{"speaker": "A", "line": "See [it]\u0028../other.md)."}'  # `(` as JSON writes it escaped
    escaped = "```json\n[" + line + ', {"speaker": "B", "line": "Ok."}]\n```\n'
    site.write("blog/2024/talk.md", post(escaped))
    site.build()
    assert transcript_hrefs(site.html("blog/2024/talk.html")) == ["../other.html"]


def test_a_damaged_links_memo_is_worked_out_again(site: Site) -> None:
    """A memo only saves work: an entry of the `transcript-links` memo not as the plugin writes it (a damaged or
    hand-edited file) is worked out again, not a build stopped by a traceback."""
    linked_site(site, False)
    site.build()
    (memo,) = site.root.rglob("transcript-links-memo*.json")
    data = json.loads(memo.read_text(encoding="utf-8"))
    data["memo"] = {key: [["../other.md"]] for key in data["memo"]}
    memo.write_text(json.dumps(data), encoding="utf-8")
    site.build()
    page = site.html("blog/2024/talk.html")
    assert transcript_hrefs(page) == body_hrefs(page, "Body: ")


def test_a_line_s_link_to_an_excluded_page_is_treated_as_mkdocs_treats_the_page_s(site: Site) -> None:
    """A page left out of the site (`exclude_docs`, a draft): MkDocs still writes its URL and says so at `info`,
    naming the excluded file; the transcript's link alike, with the turn's line."""
    site.config["exclude_docs"] = "drafts/\n"
    linked_site(site, False, "See [the draft](../../drafts/next.md).")
    site.write("drafts/next.md", "# Next\n")
    site.build(strict=True)
    page = site.html("blog/2024/talk.html")
    assert transcript_hrefs(page) == body_hrefs(page, "Body: ") == ["../../drafts/next.html"]
    ours = [message for message in site.infos() if message.startswith("convaudio: blog/2024/talk.md:")]
    assert len(ours) == 1 and "'drafts/next.md', which is excluded" in ours[0], ours


def _dialogue(*lines: str) -> str:
    """A dialogue file of A's and B's turns, one a line: the first on line 2."""
    turns = [json.dumps({"speaker": "AB"[index % 2], "line": line}) for index, line in enumerate(lines)]
    return "[\n" + ",\n".join(turns) + "\n]\n"


#: A dialogue file's line in `dialogues/`, its links written from there (as in a Markdown file there)
SHARED = "See [setup](../guide/setup.md#install) and [the notes](notes.md)."
#: The same two links written from a page two folders down (`blog/2024/` or `notes/deep/`)
FROM_TWO_DOWN = "Body: See [setup](../../guide/setup.md#install) and [the notes](../../dialogues/notes.md)."


def test_a_dialogue_file_s_links_are_read_from_its_own_folder_on_every_page_that_links_it(site: Site) -> None:
    """A dialogue file linked by pages in other folders than its own (`dialogues/ep.json` from `blog/2024/a.md`
    and `notes/b.md`): its links were resolved from each page's folder, so each page warned of missing targets (or
    went elsewhere). They are read from the dialogue file's folder, as MkDocs reads a Markdown file's there, and go
    where the same file's link goes from each page."""
    site.write("guide/setup.md", "# Setup\n\n## Install\n")
    site.write("dialogues/notes.md", "# Notes\n")
    site.write("dialogues/ep.json", _dialogue(SHARED, "Ok."))
    site.write("blog/2024/a.md", post("[Script](../../dialogues/ep.json)\n\n" + FROM_TWO_DOWN + "\n"))
    site.write(
        "notes/b.md",
        post(
            "[Script](../dialogues/ep.json)\n\nBody: See [setup](../guide/setup.md#install) and "
            "[the notes](../dialogues/notes.md).\n"
        ),
    )
    site.build()
    assert not [warning for warning in site.warnings() if "link" in warning], site.warnings()
    for path, expected in (
        ("blog/2024/a.html", ["../../guide/setup.html#install", "../../dialogues/notes.html"]),
        ("notes/b.html", ["../guide/setup.html#install", "../dialogues/notes.html"]),
    ):
        page = site.html(path)
        assert transcript_hrefs(page) == body_hrefs(page, "Body: ") == expected, path


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_a_dialogue_file_s_links_go_to_each_language_s_pages_with_static_i18n(site: Site, structure: str) -> None:
    """mkdocs-static-i18n: an English and a French post two folders down link one dialogue file (and its
    translation) in `dialogues/`; each language's transcript goes where a link written in a Markdown file there
    goes in that language's site (the French setup page in the French site), with no warning."""
    static_i18n(site, structure)
    site.config["use_directory_urls"] = True
    fr = "fr/" if structure == "folder" else ""
    en = "en/" if structure == "folder" else ""
    for language, prefix in (("en", en), ("fr", fr)):
        suffix = "" if structure == "folder" or language == "en" else ".fr"
        site.write(f"{prefix}index{suffix}.md", "# Home\n")
        site.write(f"{prefix}guide/setup{suffix}.md", f"# Setup {language}\n\n## Install\n")
        site.write(f"{prefix}dialogues/notes{suffix}.md", f"# Notes {language}\n")
        site.write(
            f"{prefix}blog/2024/talk{suffix}.md", post(f"[Script](../../dialogues/ep.json)\n\n{FROM_TWO_DOWN}\n")
        )
    # one dialogue file, beside its French translation in the suffix layout; in the folder layout, in the English
    # folder and linked from the French page there (a file of the default language, shown in the French site)
    site.write(f"{en}dialogues/ep.json", _dialogue(SHARED, "Ok."))
    if structure == "suffix":
        site.write("dialogues/ep.fr.json", _dialogue(SHARED.replace("See", "Voir"), "Oui."))
    else:
        site.write("fr/blog/2024/talk.md", post(f"[Script](../../../en/dialogues/ep.json)\n\n{FROM_TWO_DOWN}\n"))
    site.build()
    assert not [warning for warning in site.warnings() if "link" in warning], site.warnings()
    for path in ("blog/2024/talk/index.html", "fr/blog/2024/talk/index.html"):
        page = site.html(path)
        assert transcript_hrefs(page) == body_hrefs(page, "Body: "), path
    french = transcript_hrefs(site.html("fr/blog/2024/talk/index.html"))
    assert french == ["../../../guide/setup/#install", "../../../dialogues/notes/"], french
    assert "Setup fr" in site.html("fr/guide/setup/index.html")


def test_a_dialogue_file_s_link_written_from_the_page_is_a_warning_saying_how_to_write_it(site: Site) -> None:
    """A link in a dialogue file written from the page that linked it (`../../guide/setup.md` in
    `dialogues/ep.json`, from `blog/2024/a.md`), as the plugin read it before: the warning of its missing target
    says what to write from the dialogue file's folder, and the link is left as written."""
    site.write("guide/setup.md", "# Setup\n\n## Install\n")
    site.write("dialogues/ep.json", _dialogue("See [setup](../../guide/setup.md#install).", "Ok."))
    site.write("blog/2024/a.md", post("[Script](../../dialogues/ep.json)\n"))
    site.build()
    ours = [warning for warning in site.warnings() if "setup.md" in warning]
    assert len(ours) == 1, ours
    assert ours[0].startswith("convaudio: dialogues/ep.json:2: this line contains a link "), ours[0]
    assert ours[0].endswith(
        "it names 'guide/setup.md' from the page blog/2024/a.md, but a dialogue file's links are read from its own "
        "folder, as a Markdown file's there would be: write '../guide/setup.md#install'"
    ), ours[0]
    assert transcript_hrefs(site.html("blog/2024/a.html")) == ["../../guide/setup.md#install"]


def test_a_transcript_with_links_tells_in_the_page_s_language_that_tab_goes_to_them(site: Site) -> None:
    """The sentence a screen reader reads before the transcript said how the arrows and Enter move, not that a
    line's links are the Tab stops after it: a player whose lines have links gives the script that sentence in the
    page's language; one without links gives none."""
    site.write("guide.md", "# Guide\n")
    site.write("fr.md", post(conversation(("A", "Voir [le guide](guide.md)."), ("B", "Oui.")), lang="fr"))
    site.write("en.md", post(conversation(("A", "No link here."), ("B", "Ok.")), lang="en"))
    site.build()
    assert 'data-convaudio-link-keys="La touche Tab mène aux liens de la ligne en cours."' in site.html("fr.html")
    assert "data-convaudio-link-keys" not in site.html("en.html")


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_the_warning_s_fix_for_a_dialogue_file_two_languages_link_works_in_both(site: Site, structure: str) -> None:
    """mkdocs-static-i18n: an English and a French post link one dialogue file, whose link is written from the
    posts' folder. The French build's warning said to write the path to the French file (`../../fr/blog/2024/
    other.md`, `../blog/2024/other.fr.md`), which sent the English site's transcript nowhere (a warning of its own);
    both builds say to write the language-free path, and written so, each site's transcript goes to its own page."""
    static_i18n(site, structure)
    fr = "fr/" if structure == "folder" else ""
    en = "en/" if structure == "folder" else ""
    for language, prefix in (("en", en), ("fr", fr)):
        suffix = "" if structure == "folder" or language == "en" else ".fr"
        link = (
            "../../../en/dialogues/ep.json" if structure == "folder" and language == "fr" else "../../dialogues/ep.json"
        )
        site.write(f"{prefix}index{suffix}.md", "# Home\n")
        site.write(f"{prefix}blog/2024/other{suffix}.md", f"# Other {language}\n")
        site.write(f"{prefix}blog/2024/talk{suffix}.md", post(f"[Script]({link})\n"))
    site.write(f"{en}dialogues/ep.json", _dialogue("See [the other post](other.md).", "Ok."))
    site.build()
    ours = [warning for warning in site.warnings() if "other.md" in warning]
    assert len(ours) == 2 and all(warning.endswith("write '../blog/2024/other.md'") for warning in ours), ours
    site.write(f"{en}dialogues/ep.json", _dialogue("See [the other post](../blog/2024/other.md).", "Ok."))
    site.build()
    assert not [warning for warning in site.warnings() if "link" in warning], site.warnings()
    for path in ("blog/2024/talk.html", "fr/blog/2024/talk.html"):
        assert transcript_hrefs(site.html(path)) == ["other.html"], path
    assert "Other fr" in site.html("fr/blog/2024/other.html") and "Other en" in site.html("blog/2024/other.html")


def test_a_line_s_link_to_an_anchor_of_its_own_page_is_checked_against_the_page_s_headings(site: Site) -> None:
    """`[see above](#setup)` in a line goes to the page showing the transcript: it was never checked, where the
    page's own `[x](#nope)` is (MkDocs' `validation.anchors`). Checked now against that page's anchors, and a
    dialogue file's against each page showing it."""
    site.config["validation"] = {"anchors": "warn"}
    line = "See [above](#setup), [gone](#nope) and [top](#)."
    site.write("talk.md", post("# Talk\n\n## Setup\n\nSteps.\n\n" + conversation(("A", line), ("B", "Ok."))))
    site.write("dialogues/ep.json", _dialogue("Ok.", "As [said](#setup)."))
    site.write("with-setup.md", post("# With\n\n## Setup\n\n[Script](dialogues/ep.json)\n"))
    site.write("without.md", post("# Without\n\n[Script](dialogues/ep.json)\n"))
    site.build()
    source = (site.docs / "talk.md").read_text(encoding="utf-8").split("\n")
    turn = next(number for number, text in enumerate(source, 1) if "#nope" in text and '"line"' in text) - 2
    assert sorted(warning for warning in site.warnings() if "#" in warning) == [
        "convaudio: dialogues/ep.json:3: this line contains a link '#setup', but there is no such anchor on the "
        "page showing it, 'without.md'",
        f"convaudio: talk.md:{turn}: this line contains a link '#nope', but there is no such anchor on the page "
        "showing it, 'talk.md'",
    ]
    page = site.html("talk.html")
    assert transcript_hrefs(page)[:2] == ["#setup", "#nope"]  # kept as written


def test_a_dialogue_file_s_missing_anchor_is_told_once_for_all_languages(site: Site) -> None:
    """mkdocs-static-i18n builds each language in turn: a dialogue file both languages' pages show was told once
    in each language's build, twice."""
    static_i18n(site)
    site.config["validation"] = {"anchors": "warn"}
    site.write("guide.md", "# Guide\n\n## Install\n")
    site.write("guide.fr.md", "# Guide\n\n## Installer\n")
    site.write("dialogues/ep.json", _dialogue("Ok.", "See [it](../guide.md#nope)."))
    site.write("talk.md", post("[Script](dialogues/ep.json)\n"))
    site.write("talk.fr.md", post("[Script](dialogues/ep.json)\n"))
    site.build()
    told = [warning for warning in site.warnings() if "#nope" in warning]
    assert len(told) == 1 and told[0].startswith("convaudio: dialogues/ep.json:3: "), told
