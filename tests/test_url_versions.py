"""The page's MP3 and captions URLs carry their files' version (`?v=`), which changes when their bytes do: a browser or
CDN holding an earlier build's MP3 (GitHub Pages keeps one for ten minutes) played it against the new transcript's
line times. The podcast feed's URLs stay plain: podcast apps know an episode by its enclosure's URL."""

from __future__ import annotations

import datetime
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mkdocs_convaudio import build
from mkdocs_convaudio.cli import main
from mkdocs_convaudio.html.assets import content_version
from mkdocs_convaudio.html.captions import webvtt
from mkdocs_convaudio.store.cache import RACY_NS
from tests.sites import Site, conversation, post, url_versions
from tests.test_warm_memos import settle

MP3, VTT = "assets/convaudio/talk-1.mp3", "assets/convaudio/talk-1.vtt"


def talk(last_line: str = "That sounds simple enough.") -> str:
    return conversation(
        ("A", "Have you heard of machine learning?"), ("B", "It learns from examples."), ("A", last_line)
    )


def versions(site: Site) -> tuple[str, str]:
    """The versions the page gives its MP3 and captions, each one for all its URLs (source, download link)."""
    html = site.html("talk.html")
    [mp3] = url_versions(html, MP3)
    [vtt] = url_versions(html, VTT)
    assert html.count(f"{MP3}?v={mp3}") == 3  # the source, the fallback link, the download link: none plain
    assert f'"{MP3}"' not in html and f'"{VTT}"' not in html
    return mp3, vtt


def test_an_edit_changes_the_mp3s_version_and_a_warm_rebuild_keeps_it(site: Site) -> None:
    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    site.build(strict=True)
    first, page = versions(site), site.html("talk.html")
    assert first[1] == content_version((site.site / VTT).read_bytes())
    for _ in range(2):  # published again from the cache, then a warm build's players finished before `render`
        site.build(strict=True)
        assert site.html("talk.html") == page
    assert site.plugin.session.republished == 0 and site.plugin.session.cache.hashed == 0  # nothing redone
    site.write("talk.md", post(talk("That sounds simple, then."), title="Talk", lang="en"))
    site.build(strict=True)
    edited = versions(site)
    assert edited[0] != first[0] and edited[1] != first[1]
    assert edited[1] == content_version((site.site / VTT).read_bytes())
    site.build(strict=True)
    assert versions(site) == edited


def test_a_new_title_in_the_mp3s_tags_changes_its_version_in_a_player_finished_before_render(site: Site) -> None:
    """The tags are the page's title: a warm build finishes the player before `render` with the versions the last
    build published, and puts the new one in once `render` has tagged the MP3 again."""
    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    site.build(strict=True)
    site.build(strict=True)  # recorded: the next build finishes the player early
    mp3, vtt = versions(site)
    site.write("talk.md", post(talk(), title="Another talk", lang="en"))
    site.build(strict=True)
    assert site.plugin.session.republished == 1
    retagged, same_captions = versions(site)
    assert retagged != mp3 and same_captions == vtt


#: An MkDocs hook that sets the cache's clock `clock-offset` nanoseconds (a file beside mkdocs.yml) off the wall
#: clock: a build's files are then too new to trust (far behind) or long settled (far ahead), however fast it runs.
CLOCK_HOOK = """
import pathlib
import time
from mkdocs.plugins import event_priority

@event_priority(100)
def on_files(files, config):
    offset = int(pathlib.Path(config.config_file_path).with_name("clock-offset").read_text())
    config.plugins["convaudio"].session.cache.clock_ns = lambda: time.time_ns() + offset
    return files
"""


def test_the_build_after_a_republish_finishes_its_player_once(site: Site) -> None:
    """Files just published are too new for their stamps to be trusted (`RACY_NS`), so the build that published
    them recorded nothing: the next one finished the player before `render` without versions (the URLs plain, or
    an earlier title's MP3 version) and made it again once `render` gave them. The record keeps the versions and
    line times without the stamps: that build's player is right at once, and its files are checked again.
    The cache's clock decides what is "just published", not the machine's speed (CI, stop 45: at 0.08 s a build,
    the build after the one that checked the files again came within `RACY_NS` of them and found them too new)."""
    (site.root / "hooks.py").write_text(CLOCK_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hooks.py"]
    offset = site.root / "clock-offset"

    def build_once(publishing: bool) -> None:
        # a build that publishes sees its files as just written; the next ones come long after
        offset.write_text(str(-10 * RACY_NS if publishing else 10 * RACY_NS))
        site.build(strict=True)

    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    build_once(publishing=True)
    page = site.html("talk.html")
    build_once(publishing=False)
    assert site.html("talk.html") == page and not site.plugin.refill
    assert site.plugin.session.republished == 1  # its stamps were not recorded: checked again, now recorded
    site.write("talk.md", post(talk(), title="Another talk", lang="en"))  # its MP3 is tagged again
    build_once(publishing=True)
    page = site.html("talk.html")
    build_once(publishing=False)
    assert site.html("talk.html") == page and not site.plugin.refill
    build_once(publishing=False)
    assert site.html("talk.html") == page and site.plugin.session.republished == 0


def test_a_new_title_reaches_a_player_with_sections_under_a_heading_of_the_page(site: Site) -> None:
    """A player under the page's `##` heading has its sections at level 3: redone after `render` tagged the MP3
    with a new title, it was taken for a player another plugin had rewritten (a warning failing `--strict`, the old
    version kept), as the plain player's sections are at level 2."""
    lines = [{"speaker": "A", "line": "Have you heard of machine learning?", "section": "Start"}]
    lines.append({"speaker": "B", "line": "It learns from examples."})
    body = "## Part one\n\n```json\n" + json.dumps(lines) + "\n```\n"
    site.write("talk.md", post(body, title="Talk", lang="en"))
    site.build(strict=True)
    site.build(strict=True)  # recorded: the next build finishes the player early
    mp3, vtt = versions(site)
    assert 'aria-level="3"' in site.html("talk.html")
    site.write("talk.md", post(body, title="Another talk", lang="en"))
    site.build(strict=True)
    assert site.plugin.session.republished == 1
    retagged, same_captions = versions(site)
    assert retagged != mp3 and same_captions == vtt
    assert 'aria-level="3"' in site.html("talk.html")


def test_turning_tags_off_changes_the_mp3s_version_and_not_the_captions(site: Site) -> None:
    """The published MP3 is then the cache entry itself, without the tags: other bytes, the same captions."""
    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    site.build(strict=True)
    mp3, vtt = versions(site)
    site.plugin_options["tags"] = False
    site.build(strict=True)
    untagged, same_captions = versions(site)
    assert untagged != mp3 and same_captions == vtt
    site.build(strict=True)
    assert versions(site) == (untagged, vtt)


def test_new_captions_for_the_same_audio_change_the_captions_version_only(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plugin upgrade that writes other captions (their code is in `publish_version`) for the same cache entry."""
    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    site.build(strict=True)
    mp3, vtt = versions(site)
    monkeypatch.setattr(build, "webvtt", lambda timings: webvtt(timings) + "\nNOTE a newer format\n")
    monkeypatch.setattr(build, "publish_version", lambda: "a newer plugin")
    site.build(strict=True)
    assert (site.site / VTT).read_text(encoding="utf-8").endswith("NOTE a newer format\n")
    new_mp3, new_vtt = versions(site)
    assert new_mp3 == mp3 and new_vtt != vtt
    assert new_vtt == content_version((site.site / VTT).read_bytes())


def test_a_videos_url_carries_its_version_and_a_new_title_card_changes_it(site: Site) -> None:
    """The video is made in `render`, after a warm build finished the player: that player names it with the
    version the last build recorded, and the build redoes no player while the video is the same."""
    mp4 = "assets/convaudio/talk-1.mp4"

    def video() -> str:
        html = site.html("talk.html")
        [version] = url_versions(html, mp4)
        [key] = [path.stem for path in (site.root / ".cache/plugin/convaudio/videos").glob("*.mp4")]
        assert version == build.video_version(key) and f'"{mp4}"' not in html
        return version

    site.write("talk.md", post(talk(), title="Talk", lang="en", video=True))
    site.build(strict=True)
    first, page = video(), site.html("talk.html")
    settle(site)
    site.build(strict=True)  # players finished before `render`, from the records
    assert site.html("talk.html") == page and not site.plugin.refill
    shutil.rmtree(site.root / ".cache/plugin/convaudio/videos")  # the last title's video, so one is left
    site.write("talk.md", post(talk(), title="Another talk", lang="en", video=True))  # another title card
    site.build(strict=True)
    second = video()
    assert second != first
    settle(site)
    site.build(strict=True)  # recorded (the last build's files were too new to be)
    assert video() == second
    page = site.html("talk.html")
    site.build(strict=True)
    assert site.html("talk.html") == page and not site.plugin.refill


def test_a_new_title_changes_the_version_in_a_material_blog_post_and_its_excerpt(site: Site) -> None:
    """The blog index shows the post's player in its excerpt: both name the retagged MP3 with its new version."""
    site.config.update(theme={"name": "material"}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    site.write("blog/posts/one.md", post("# One\n\n" + talk(), date=datetime.date(2026, 11, 20)))
    site.build(strict=True)
    settle(site)
    site.build(strict=True)
    mp3 = "../../../../../assets/convaudio/blog/posts/one-1.mp3"
    [first] = url_versions(site.html("blog/2026/11/20/one/index.html"), mp3)
    assert url_versions(site.html("blog/index.html"), mp3[len("../../../../") :]) == {first}
    site.write("blog/posts/one.md", post("# One again\n\n" + talk(), date=datetime.date(2026, 11, 20)))
    site.build(strict=True)  # strict: the player refilled without a warning
    [retagged] = url_versions(site.html("blog/2026/11/20/one-again/index.html"), mp3)
    assert retagged != first and url_versions(site.html("blog/index.html"), mp3[len("../../../../") :]) == {retagged}


def test_an_edit_under_serve_changes_the_served_pages_versions(site: Site) -> None:
    served = "http://127.0.0.1:8000/"
    site.write("talk.md", post(talk(), title="Talk", lang="en"))
    site.build(serve_url=served)
    site.build(serve_url=served)
    first = versions(site)
    site.write("talk.md", post(talk("That sounds simple, then."), title="Talk", lang="en"))
    site.build(serve_url=served)
    edited = versions(site)
    assert edited[0] != first[0] and edited[1] == content_version((site.site / VTT).read_bytes()) != first[1]


def test_the_podcast_feed_keeps_plain_urls(site: Site) -> None:
    site.config["site_url"] = "https://example.org/blog/"
    site.plugin_options["podcast"] = {"enabled": True, "image": "https://example.org/c.jpg"}
    site.write("talk.md", post(talk(), title="Talk", lang="en", date="2026-11-20"))
    site.build(strict=True)
    versions(site)  # the page's carry their versions
    [item] = ET.parse(site.site / "podcast-en.xml").getroot().iter("item")
    enclosure = item.find("enclosure")
    assert enclosure is not None and enclosure.get("url") == f"https://example.org/blog/{MP3}"
    transcript = item.find("{https://podcastindex.org/namespace/1.0}transcript")
    assert transcript is not None and transcript.get("url") == f"https://example.org/blog/{VTT}"


def test_render_snippets_carry_the_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    source = tmp_path / "_posts" / "2026-05-01-talk.md"
    source.write_text(post(talk()), encoding="utf-8")
    out = tmp_path / "assets" / "conversations"
    snippet = out / "2026-05-01-talk-1.html"

    def rendered() -> tuple[str, str]:
        assert main(["render", "--posts", "_posts", "--out", "assets/conversations"]) == 0
        html = snippet.read_text(encoding="utf-8")
        [mp3] = url_versions(html, "/assets/conversations/2026-05-01-talk-1.mp3")
        [vtt] = url_versions(html, "/assets/conversations/2026-05-01-talk-1.vtt")
        assert vtt == content_version((out / "2026-05-01-talk-1.vtt").read_bytes())
        return mp3, vtt

    first = rendered()
    assert rendered() == first
    source.write_text(post(talk("That sounds simple, then.")), encoding="utf-8")
    edited = rendered()
    assert edited[0] != first[0] and edited[1] != first[1]
