"""A warm build's site is the site a build without any memo makes, whatever changed (review 3's differential tests)."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Callable

import pytest

from tests.fakes.http import FakeServer
from tests.sites import Site, conversation, post, static_i18n
from tests.test_cloud_builds import TURNS_EN, use_google
from tests.test_warm_memos import TALKS, VOICE_EDIT_HOOK, cache_dir, settle, warm_site

#: What a build writes that pages and readers see (MP3s are compared by the tests of the audio).
TEXT_SUFFIXES = (".html", ".json", ".vtt", ".xml")


def snapshot(site: Site) -> dict[str, str]:
    return {
        path.relative_to(site.site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.site.rglob("*"))
        if path.suffix in TEXT_SUFFIXES
    }


def memo_free(site: Site) -> dict[str, str]:
    """The site a build makes with every memo deleted first."""
    shutil.rmtree(site.site, ignore_errors=True)
    for memo in cache_dir(site).glob("*-memo.json"):
        memo.unlink()
    site.build()
    return snapshot(site)


def assert_same_as_memo_free(site: Site) -> None:
    shutil.rmtree(site.site, ignore_errors=True)
    site.build()
    warm = snapshot(site)
    cold = memo_free(site)
    assert sorted(warm) == sorted(cold)
    assert sum('data-start="' in text for text in warm.values()) >= 2, "no player with line times was compared"
    for name, text in warm.items():
        assert text == cold[name], f"{name} differs from a build without memos"


def assert_times_match(site: Site) -> None:
    """Every player's line times are those of the timings file it points at, on every page that shows it."""
    checked = 0
    player = re.compile(r'<div class="convaudio" data-convaudio-timings="([^"]+)"(.*?)</ol></details></div>', re.S)
    for page in site.site.rglob("*.html"):
        for match in player.finditer(page.read_text(encoding="utf-8")):
            data = json.loads((page.parent / match[1]).resolve().read_text(encoding="utf-8"))
            shown = re.findall(r'data-start="([\d.]+)" data-end="([\d.]+)"', match[2])
            assert shown == [(f"{line['start']:.3f}", f"{line['end']:.3f}") for line in data["lines"]], page
            checked += 1
    assert checked


def two_talks(site: Site) -> None:
    second = conversation(("C", "Second one."), ("A", "Yes."))
    body = conversation(("A", "First one."), ("B", "Reply.")) + "\n\nText between.\n\n" + second
    site.write("three.md", post(body, title="Three"))


def moved(site: Site) -> None:
    site.write("sub/one.md", TALKS["one.md"])
    (site.docs / "one.md").unlink()


CHANGES: dict[str, Callable[[Site], object]] = {
    "directory URLs": lambda site: site.config.update(use_directory_urls=True),
    "captions off": lambda site: site.plugin_options.update(captions=False),
    "player title": lambda site: site.plugin_options.update(player_title="Hear it"),
    "player at the top": lambda site: site.plugin_options.update(player_position="top"),
    "audio folder": lambda site: site.plugin_options.update(audio_dir="media/talks"),
    "nav titles": lambda site: site.config.update(nav=[{"Nav One": "one.md"}, {"Nav Two": "two.md"}]),
    "page moved": moved,
    "two conversations in a page": two_talks,
    "tags off": lambda site: site.plugin_options.update(tags=False),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_warm_build_after_a_change_makes_the_site_a_memo_free_build_makes(site: Site, change: str) -> None:
    site.config["plugins"] = ["search"]  # the search index holds the players' text too
    warm_site(site)
    CHANGES[change](site)
    assert_same_as_memo_free(site)
    settle(site)
    assert_same_as_memo_free(site)


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_static_i18n_warm_builds_make_the_memo_free_site(site: Site, structure: str) -> None:
    static_i18n(site, structure)
    french = post(conversation(("A", "Bonjour, une phrase bien plus longue que l'anglaise."), ("B", "Salut !")))
    prefix = "" if structure == "suffix" else "en/"
    site.write(f"{prefix}one.md", TALKS["one.md"])
    site.write("one.fr.md" if structure == "suffix" else "fr/one.md", french)
    site.write(f"{prefix}two.md", TALKS["two.md"])
    site.build()
    settle(site)
    site.build()
    assert_times_match(site)
    assert_same_as_memo_free(site)


def blog(site: Site) -> None:
    site.config.update(theme={"name": "material"}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    hello = conversation(("A", "Hello *there*."), ("B", "Hi, how are you?"))
    site.write("blog/posts/one.md", post("# One\n\n" + hello, date=datetime.date(2026, 11, 20)))
    bye = "# Two\n\nIntro.\n\n<!-- more -->\n\n" + conversation(("A", "A second talk."), ("B", "Yes."))
    site.write("blog/posts/two.md", post(bye, date=datetime.date(2026, 11, 21)))
    site.build()
    settle(site)
    site.build()


def test_a_material_blog_with_excerpts_warm_is_the_memo_free_site(site: Site) -> None:
    blog(site)
    assert_same_as_memo_free(site)
    assert_times_match(site)


def test_voices_edited_during_a_build_redo_the_post_and_its_excerpts(site: Site) -> None:
    blog(site)
    hook = VOICE_EDIT_HOOK.replace("one.md:", "blog/posts/one.md:")
    third = conversation(("C", "A third talk, and a longer line than before."))
    site.write("blog/posts/three.md", post("# Three\n\n" + third, date=datetime.date(2026, 11, 22)))
    (site.root / "hooks.py").write_text(hook)
    site.config["hooks"] = ["hooks.py"]
    site.build()
    assert site.plugin.refill, "no finished player was redone"
    assert site.timings(site.site / "assets/convaudio/blog/posts/one-1.mp3")["voices"]["A"].endswith("m7")
    assert_times_match(site)  # the post's page and the blog index's excerpt


def test_the_fallback_engine_redoes_players_finished_with_the_cloud_engine_times(
    site: Site, google: FakeServer, monkeypatch: pytest.MonkeyPatch, no_adc: None
) -> None:
    use_google(site, google, monkeypatch, fallback_engine="espeak")
    site.write("talk.md", post(conversation(*TURNS_EN), lang="en"))
    site.build()
    settle(site)
    site.build()
    monkeypatch.delenv("GOOGLE_API_KEY")
    site.write("new.md", post(conversation(("A", "A new post without audio yet.")), lang="en"))
    shutil.rmtree(site.site, ignore_errors=True)
    site.build()  # a line is missing and there are no credentials: every conversation is planned with eSpeak
    assert "talk.md" in site.plugin.refill
    warm = snapshot(site)
    assert_times_match(site)
    cold = memo_free(site)
    for name, text in warm.items():
        assert text == cold[name], name


def test_a_linked_dialogue_file_edited_warm_is_the_memo_free_site(site: Site) -> None:
    chat = [{"speaker": "A", "line": "From a file."}, {"speaker": "B", "line": "Yes indeed."}]
    site.write("talks/chat.json", json.dumps(chat))
    site.write("a.md", post("# A\n\n[chat](talks/chat.json)\n", title="A"))
    site.write("sub/b.md", post("# B\n\nSee [the chat](../talks/chat.json) here.\n", title="B"))
    site.build()
    settle(site)
    site.build()
    assert_same_as_memo_free(site)
    chat[0]["line"] = "From a file, edited and longer now."
    site.write("talks/chat.json", json.dumps(chat))
    assert_same_as_memo_free(site)
    assert_times_match(site)
    site.plugin_options.update(player_position="top")
    assert_same_as_memo_free(site)


def test_an_edit_reverted_then_made_again_keeps_every_player_right(site: Site) -> None:
    warm_site(site)
    edited = TALKS["one.md"].replace("Hi, how are you?", "Hi, how are you today, my dear friend?")
    site.write("one.md", edited)
    site.build()
    assert_times_match(site)
    settle(site)
    site.write("one.md", TALKS["one.md"])
    site.build()
    assert_times_match(site)
    site.config["use_directory_urls"] = True
    site.build()
    assert_times_match(site)
    site.write("one.md", edited)
    site.build()
    assert_times_match(site)
    assert_same_as_memo_free(site)


def test_arithmatex_turned_on_rewrites_remembered_transcripts(site: Site) -> None:
    """A remembered player holds its transcript's formulas as written: once the site's Markdown has arithmatex, a
    warm build writes them as arithmatex does, as a build without memos does."""
    site.write("math.md", post(conversation(("A", r"It fails with odds $1 - 0.99^{100}$."), ("B", "Yes.")), title="M"))
    warm_site(site)
    site.config["markdown_extensions"] = [{"pymdownx.arithmatex": {"generic": True}}]
    assert_same_as_memo_free(site)
    assert r'<span class="arithmatex">\(1 - 0.99^{100}\)</span>' in site.html("math.html")
