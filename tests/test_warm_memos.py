"""A warm build of unchanged pages does the cheap thing (no line rendered, no tag or record read, nothing
republished), and each thing it remembers is forgotten as soon as what it depends on changes."""

from __future__ import annotations

import datetime
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from mkdocs_convaudio.html.captions import data_url
from mkdocs_convaudio.html.player import PlayerMemo, fill_placeholders, player_html
from mkdocs_convaudio.store import cache as cache_module
from mkdocs_convaudio.store import memo as memo_module
from mkdocs_convaudio.store.cache import _same_copy
from mkdocs_convaudio.store.memo import Memo
from mkdocs_convaudio.text.conversation import Conversation, Turn
from tests.sites import Site, conversation, post, static_i18n
from tests.test_player import tags_of
from tests.test_warm_build import KEY, cached_conversation, later_build

TALKS = {
    "one.md": post(conversation(("A", "Hello *there*."), ("B", "Hi, how are you?")), title="One"),
    "two.md": post(conversation(("A", "A second talk."), ("B", "With `code` in it.")), title="Two"),
}


def cache_dir(site: Site) -> Path:
    return site.root / ".cache" / "plugin" / "convaudio"


def settle(site: Site) -> None:
    """Time passes: every file of the cache (entries and published copies) was written ten seconds ago, well
    outside the window in which a file's times cannot be trusted (see `RACY_NS`)."""
    past = time.time() - 10
    for path in cache_dir(site).rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


def warm_site(site: Site) -> None:
    """Two audio posts built cold, then once more with settled files (which records what a warm build trusts)."""
    for name, text in TALKS.items():
        site.write(name, text)
    site.build()
    settle(site)
    site.build()


def test_warm_build_renders_no_line_reads_no_tag_record_or_timings_and_republishes_nothing(site: Site) -> None:
    warm_site(site)
    site.build()
    session = site.plugin.session
    assert site.plugin.player_memo.computed == 0, "a warm build rendered a player (each line's Markdown) again"
    assert session.republished == 0, "a warm build re-read the published tags and captions"
    assert session.cache.records_read == 0, "a warm build read a cache entry's check record"
    assert session.cache.hashed == 0
    assert session.voice_map.parsed == 0, "a warm build parsed the voice map's YAML again"
    assert session.recalls == 0, "a warm build read a replayed conversation's text or job"
    # both players were finished before `render` (with the timings published before), and render agreed
    assert sorted(site.plugin.filled) == ["one.md", "two.md"] and site.plugin.refill == {}
    html = site.html("one.html")
    assert "<em>there</em>" in html and 'data-start="' in html and "convaudio::" not in html
    assert tags_of(site.site / "assets/convaudio/one-1.mp3")["TIT2"].text == ["One"]


def test_a_warm_build_with_materials_offline_plugin_reads_the_captions_it_inlines_and_parses_no_timings(
    site: Site,
) -> None:
    """With Material's offline plugin each player's `<track>` holds its captions (a `data:` URL): a warm build
    takes them from the captions file the audio step published, as it found them, and works out no captions
    again (a 200-line conversation's took some 0.1 s a build, whatever the build changed)."""
    site.config.update(theme={"name": "material", "font": False}, plugins=["offline"])
    warm_site(site)
    site.build()
    assert site.plugin.player_memo.computed == 0 and site.plugin.session.republished == 0
    assert site.plugin.timings.parsed == 0, "a warm build parsed a conversation's timings to make its captions"
    html, captions = site.html("one.html"), (site.site / "assets/convaudio/one-1.vtt").read_text(encoding="utf-8")
    assert f'<track kind="captions" src="{data_url(captions)}"' in html and "<v B>Hi, how are you?" in captions


#: An MkDocs hook that, once every page is rendered and before convaudio's `on_env` renders the audio, gives
#: speaker A of one.md another voice in the voice map: as if the author edited it meanwhile.
VOICE_EDIT_HOOK = r"""
import pathlib
from mkdocs.plugins import event_priority

@event_priority(100)
def on_env(env, config, files):
    path = pathlib.Path(config.config_file_path).parent / "convaudio-voices.yml"
    path.write_text(path.read_text().replace("one.md:\n    A: m3", "one.md:\n    A: m7"))
    return env
"""


def test_a_player_finished_before_render_is_redone_when_render_plans_its_conversation_again(site: Site) -> None:
    warm_site(site)
    assert "one.md:\n    A: m3" in (site.root / "convaudio-voices.yml").read_text()
    before = site.timings(site.site / "assets/convaudio/one-1.mp3")
    # a new post (new speakers: the build saves the voice map) and, meanwhile, a hand edit of one.md's voices:
    # the file wins, and one.md is planned again after its player was finished with its old timings
    site.write("three.md", post(conversation(("C", "A third talk, and a longer line than before."))))
    (site.root / "hooks.py").write_text(VOICE_EDIT_HOOK)
    site.config["hooks"] = ["hooks.py"]
    summary = site.build(strict=True)
    assert summary.synthesized == 2  # one.md's line in its new voice, and three.md's
    assert site.plugin.refill == {"one.md": site.plugin.filled["one.md"]}
    after = site.timings(site.site / "assets/convaudio/one-1.mp3")
    assert after["voices"]["A"].endswith("m7") and after["lines"] != before["lines"]
    html = site.html("one.html")
    assert "convaudio::" not in html
    for line in after["lines"]:
        assert f'data-start="{line["start"]:.3f}" data-end="{line["end"]:.3f}"' in html
    minutes, seconds = divmod(int(after["duration"]), 60)
    assert f'<span class="convaudio-duration">{minutes}:{seconds:02d}</span>' in html


def test_published_record_is_forgotten_when_the_title_or_a_published_file_changes(site: Site) -> None:
    warm_site(site)
    site.write("one.md", TALKS["one.md"].replace("title: One", "title: One, renamed"))
    site.build()
    assert site.plugin.session.republished == 1  # only the renamed page's conversation
    assert tags_of(site.site / "assets/convaudio/one-1.mp3")["TIT2"].text == ["One, renamed"]

    settle(site)  # new times: checked once more, and recorded again
    site.build()
    site.build()
    assert site.plugin.session.republished == 0
    published = cache_dir(site) / "site" / "assets" / "convaudio"
    (published / "two-1.vtt").unlink()
    mp3 = published / "one-1.mp3"
    mp3.write_bytes(mp3.read_bytes()[:-100])  # a truncated published copy
    site.build()
    assert site.plugin.session.republished == 2
    assert (site.site / "assets/convaudio/two-1.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    key = site.plugin.session.placed["assets/convaudio/one-1.mp3"].job.key
    assert mp3.read_bytes().endswith((cache_dir(site) / "conversations" / f"{key}.mp3").read_bytes())
    assert tags_of(mp3)["TIT2"].text == ["One, renamed"]


def test_a_damaged_cache_entry_is_still_caught_by_a_warm_build(site: Site) -> None:
    warm_site(site)
    site.build()
    assert site.plugin.session.cache.records_read == 0
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].job.key
    entry = cache_dir(site) / "conversations" / f"{key}.mp3"
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: same size, same inode, a new modification time
    entry.write_bytes(bytes(data))
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 1_000_000_000))
    summary = site.build()
    [warning] = [w for w in site.warnings() if "damaged" in w]
    assert "two.md" in warning and "its MP3 checksum does not match" in warning, warning
    assert summary.synthesized == 0  # re-assembled from the cached lines
    assert entry.is_file() and entry.read_bytes() != bytes(data)


def test_search_index_gets_the_whole_transcript(site: Site) -> None:
    site.config["plugins"] = ["search"]
    site.write("one.md", TALKS["one.md"])
    site.build()
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    [entry] = [doc for doc in index["docs"] if doc["location"] == "one.html"]
    assert "how are you" in entry["text"]  # the transcript is in the page's content when search reads it


def test_materials_search_index_holds_the_transcript_not_the_players_controls(site: Site) -> None:
    """Every audio post's search text began "Listen to this conversation (MP3)Listen to this conversation · ·
    Download MP3", which Material shows as its snippet (bug bash 70)."""
    site.config["theme"] = {"name": "material"}
    site.config["plugins"] = ["search"]
    site.write("one.md", TALKS["one.md"])
    site.build()
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("one"))
    assert "how are you" in text and "Transcript" in text
    assert "(MP3)" not in text and "Download MP3" not in text and "Listen to this conversation" not in text, text


@pytest.mark.parametrize(("theme", "search_first"), [("mkdocs", True), ("readthedocs", False)])
def test_mkdocs_own_search_index_holds_the_transcript_not_the_players_controls(
    site: Site, theme: str, search_first: bool
) -> None:
    """MkDocs' own search (the `mkdocs` and `readthedocs` themes') does not honour `data-search-exclude`: every audio
    page's entry held "Listen to this conversation (MP3) … Download MP3", and searching "download" found them all.
    The page's entry and its sections' hold the transcript and the page's other words; a page without audio is
    indexed as MkDocs indexes it. The search plugin listed before or after convaudio."""
    site.config.update(theme={"name": theme}, use_directory_urls=True)
    if search_first:
        site.config["plugins"] = ["search"]
    else:
        site.plugins_after = ["search"]
    body = (
        "Some prose to download.\n\n## The talk\n\n" + conversation(("A", "How are you?"), ("B", "Fine.")) + "\nAfter."
    )
    site.write("index.md", post(body, title="Home"))
    site.write("plain.md", "# Plain\n\nDownload MP3 is said here.\n")
    two = "## One\n\n" + conversation(("A", "Hello there."), ("B", "Hi.")) + "\nBetween.\n\n## Two\n\n"
    site.write("two.md", post("Download MP3 here.\n\n" + two + conversation(("A", "Yes."), ("B", "No.")), title="Two"))
    site.build()
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert entries[""] == "Some prose to download. The talk Transcript A How are you? B Fine. After.", entries
    assert entries["#the-talk"] == "Transcript A How are you? B Fine. After.", entries
    assert entries["plain/"] == "Plain Download MP3 is said here.", entries
    # two players: each one's controls cut out, the page's own words kept, also where they read as a control's
    assert entries["two/"] == (
        "Download MP3 here. One Transcript A Hello there. B Hi. Between. Two Transcript A Yes. B No."
    ), entries
    assert entries["two/#two"] == "Transcript A Yes. B No.", entries
    assert "(MP3)" not in str(entries) and "Listen to this conversation" not in str(entries), entries


def turns(*lines: tuple[str, str, str | None]) -> Conversation:
    return Conversation(
        [Turn(speaker, line, number, section=section) for number, (speaker, line, section) in enumerate(lines, 1)],
        "talk.md",
        1,
    )


def player(memo: PlayerMemo, conversation: Any, token: str, title: str, **options: Any) -> str:
    """A player through `memo` as a build asks for it: declared, then taken with all its placeholders."""
    memo.want(conversation, token, title, **options)
    return memo.plain(token)


def test_player_memo_is_forgotten_when_anything_the_player_shows_changes(tmp_path: Path) -> None:
    path = tmp_path / "players-memo.json"
    talk = turns(("A", "Hello *there*.", None), ("B", "Hi.", "Part two"))
    options = {"language": "en", "captions_label": "English", "video": False}
    cold = PlayerMemo(Memo(path, "code 1"))
    block = player(cold, talk, "0123456789abcdef", "Listen", **options)
    assert block == player_html(talk, "0123456789abcdef", "Listen", **options)  # type: ignore[arg-type]
    assert cold.computed == 1 and cold.memo is not None
    cold.memo.save()

    warm = PlayerMemo(Memo(path, "code 1"))
    assert player(warm, talk, "0123456789abcdef", "Listen", **options) == block
    assert warm.computed == 0, "a warm build rendered the player again"
    changes = [
        (turns(("A", "Hello *here*.", None), ("B", "Hi.", "Part two")), "0123456789abcdef", "Listen", options),
        (turns(("C", "Hello *there*.", None), ("B", "Hi.", "Part two")), "0123456789abcdef", "Listen", options),
        (turns(("A", "Hello *there*.", None), ("B", "Hi.", "Part 2")), "0123456789abcdef", "Listen", options),
        (talk, "fedcba9876543210", "Listen", options),
        (talk, "0123456789abcdef", "Hear it", options),
        (talk, "0123456789abcdef", "Listen", {**options, "language": "fr"}),
        (talk, "0123456789abcdef", "Listen", {**options, "captions_label": None}),
        (talk, "0123456789abcdef", "Listen", {**options, "video": True}),
    ]
    for number, (changed, token, title, opts) in enumerate(changes, 1):
        fresh = player(warm, changed, token, title, **opts)
        assert warm.computed == number, f"change {number} reused a remembered player"
        assert fresh == player_html(changed, token, title, **opts)  # type: ignore[arg-type]
    stale = PlayerMemo(Memo(path, "code 2"))  # the player's code changed
    player(stale, talk, "0123456789abcdef", "Listen", **options)
    assert stale.computed == 1


def test_player_memo_keyed_by_source_reads_no_text_and_fills_times_once_per_timings(tmp_path: Path) -> None:
    path = tmp_path / "players-memo.json"
    talk = turns(("A", "Hello *there*.", None), ("B", "Hi.", "Part two"))
    token = "0123456789abcdef"
    asked: list[int] = []

    def text() -> Conversation:
        asked.append(1)
        return talk

    cold = PlayerMemo(Memo(path, "code 1"))
    block = player(cold, text, token, "Listen", source_key="page-digest:0")
    assert block == player_html(talk, token, "Listen") and len(asked) == 1
    timings = {"duration": 65.5, "lines": [{"start": 0.25, "end": 1.5}, {"start": 2.0, "end": 3.125}]}
    timed = cold.timed(token, timings, "digest-1")
    assert timed == fill_placeholders(block, "", {}, {token: timings}, keep_durations=True)
    # line times filled; the URLs (which differ from page to page) and the duration (text, which the search index
    # must see alike in warm and cold builds) are left for the page's final HTML
    assert 'data-start="2.000" data-end="3.125"' in timed and f"{token}:mp3" in timed
    assert f"<!--convaudio::{token}:duration-->" in timed
    assert ">1:05<" in fill_placeholders(timed, "a.html", {}, {token: timings})
    assert cold.memo is not None
    cold.memo.save()

    warm = PlayerMemo(Memo(path, "code 1"))
    warm.want(text, token, "Listen", source_key="page-digest:0")
    assert warm.timed(token, {"duration": 0.0, "lines": []}, "digest-1") == timed  # remembered by the digest
    assert warm.plain(token) == block and len(asked) == 1, "a remembered player read its conversation's text"
    assert warm.computed == 0
    assert player(warm, text, token, "Listen", source_key="page-digest:1") == block
    assert warm.computed == 1 and len(asked) == 2, "another source reused a remembered player"
    other = {"duration": 5.0, "lines": [{"start": 0.5, "end": 1.0}, {"start": 1.5, "end": 2.0}]}
    assert 'data-start="0.500"' in warm.timed(token, other, "digest-2")


def test_verified_conversation_is_trusted_without_its_record_until_a_file_changes(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    cached_conversation(root)
    first = later_build(root)
    assert first.verify_conversation(KEY).ok and first.records_read == 1
    assert first.verify_conversation(KEY).ok and first.records_read == 1  # once per build
    first.save_memo()
    second = later_build(root)
    assert second.verify_conversation(KEY).ok
    assert second.records_read == 0 and second.hashed == 0, "a warm build read the entry's record"
    second.save_memo()
    record = second.check_path(second.conversation_mp3(KEY))
    timings = second.conversation_timings(KEY)
    for changed in (record, timings):
        os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 1_000_000_000))
        third = later_build(root)
        assert third.verify_conversation(KEY).ok and third.records_read == 1, f"{changed.name} changed unnoticed"
        third.save_memo()
    timings.write_bytes(timings.read_bytes()[:-2])
    verdict = later_build(root).verify_conversation(KEY)
    assert not verdict.ok and "timings" in verdict.reason


def job_keys(site: Site) -> dict[str, tuple[str, list[str]]]:
    """Each placed conversation's key and its parts' keys, by audio URI, as the last build planned them."""
    return {
        uri: (item.job.key, [part.key for part in item.job.all_parts])
        for uri, item in site.plugin.session.placed.items()
    }


def test_warm_build_replays_pages_without_reading_or_planning_conversations(site: Site) -> None:
    warm_site(site)
    planned = job_keys(site)
    site.build()
    session = site.plugin.session
    assert session.replayed == 2 and session.scanned == 0, "a warm build read an unchanged page's conversations"
    assert session.renderer.prepared == 0, "a warm build planned an unchanged conversation again"
    assert job_keys(site) == planned
    assert [turn.line for turn in session.placed["assets/convaudio/two-1.mp3"].found.conversation.turns] == [
        "A second talk.",
        "With `code` in it.",
    ]


def test_page_memo_is_forgotten_when_what_a_plan_depends_on_changes(site: Site) -> None:
    """Each change is planned afresh (nothing replayed), and gives exactly what a build without the memo gives."""
    memos = [cache_dir(site) / "pages-memo.json", cache_dir(site) / "plans-memo.json"]

    def change_then_compare(what: str, changed: int = 2) -> None:
        site.build()
        session = site.plugin.session
        assert session.renderer.prepared == changed, f"{what}: a remembered plan was reused"
        assert session.replayed == 2 - changed
        planned = job_keys(site)
        for memo in memos:
            memo.unlink()
        site.build()
        assert job_keys(site) == planned, f"{what}: the plan differs from one made without the memo"
        site.build()
        assert site.plugin.session.replayed == 2  # remembered again

    warm_site(site)
    site.plugin_options["espeak"] = {"rate": 200}  # an engine option: the lines' sound settings
    change_then_compare("engine option")
    voices = site.root / "convaudio-voices.yml"
    voices.write_text(voices.read_text().replace("B: f2", "B: f5"))  # a voice chosen by hand
    change_then_compare("voice map")
    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  second: 2nd\n")  # the lexicon
    change_then_compare("lexicon")
    site.plugin_options["pause"] = 0.9  # an assembly setting: the conversations' keys
    change_then_compare("assembly setting")
    site.write("one.md", TALKS["one.md"].replace("title: One", "title: One\nlang: fr"))  # the page's language
    change_then_compare("language", changed=1)  # the other page is replayed


def test_source_fingerprint_follows_any_edit(tmp_path: Path) -> None:
    from mkdocs_convaudio.libversions import source_fingerprint

    module = tmp_path / "module.py"
    module.write_text("A = 1\n")
    before = source_fingerprint(tmp_path)
    module.write_text("A = 2\n")
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1_000_000_000))
    assert source_fingerprint(tmp_path) != before


def test_relative_urls_are_those_of_posixpath_relpath() -> None:
    import posixpath
    from urllib.parse import quote

    from mkdocs_convaudio.html.player import relative_url

    def reference(uri: str, page_url: str) -> str:
        if uri.startswith("/") or "://" in uri:
            return quote(uri, safe="/:")
        base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
        return quote(posixpath.relpath(uri, start=base or "."))

    uris = ["assets/convaudio/a-1.mp3", "a.mp3", "blog/posts/x y.mp3", "/abs/x.mp3", "https://x/y.mp3", "a/../b.mp3"]
    pages = ["", "index.html", "a/", "a/b/", "blog/2026/11/20/hello/", "blog/posts/hello.html", "assets/convaudio/"]
    pages += ["./", "a/./b/", "assets/convaudio/a-1.html"]
    for uri in uris:
        for page in pages:
            assert relative_url(uri, page) == reference(uri, page), (uri, page)


def test_a_marker_without_its_player_stays_a_comment() -> None:
    from mkdocs_convaudio.html.player import fill_placeholders, player_marker

    html = f"<p>x</p>{player_marker('0123456789abcdef')}<p>y</p>"
    assert fill_placeholders(html, "a.html", {}, {}, {"fedcba9876543210": "<div>other</div>"}) == html
    filled = fill_placeholders(html, "a.html", {}, {}, {"0123456789abcdef": "<div>it</div>"})
    assert filled == "<p>x</p><div>it</div><p>y</p>"


def test_players_take_the_place_of_their_markers_and_of_the_paragraph_around_them() -> None:
    from mkdocs_convaudio.html.player import insert_players, player_marker

    one, two, other = (player_marker(token) for token in ("0" * 16, "1" * 16, "2" * 16))
    upper, short = "<!--convaudio::player:" + "A" * 16 + "-->", "<!--convaudio::player:" + "1" * 15 + "-->"
    players = {"0" * 16: "[one]", "1" * 16: "[two]", "A" * 16: "[upper]", "1" * 15: "[short]"}
    cases = {
        f"<h1>t</h1>\n<p>{one}</p>\n<p>after</p>": "<h1>t</h1>\n[one]\n<p>after</p>",
        f"<li>{one}</li>": "<li>[one]</li>",  # Markdown left it bare
        f"<p>{one}\nmore text</p>": "[one]\nmore text</p>",  # as the pattern `(<p>)?marker(</p>)?` did
        f"<p>{one}</p><p>{two}</p>": "[one][two]",
        f"{one}</p>{two}": "[one][two]",
        f"<p>{other}</p> <p>{two}</p>": f"<p>{other}</p> [two]",  # an unknown player stays a comment
        "<!--convaudio::player:not-a-token--><p>x</p>": "<!--convaudio::player:not-a-token--><p>x</p>",
        f"{one}<p>": "[one]<p>",  # at the very start: no paragraph before it
        f"x{one}": "x[one]",
        f"p>{one}": "p>[one]",
        f"<p>{other}</p>{one}</p>": f"<p>{other}</p>[one]",
        "<!--convaudio::player:" + f"<p>{one}</p>": "<!--convaudio::player:[one]",  # a cut marker before one
        f"<p>{upper}</p><p>{short}</p>": f"<p>{upper}</p><p>{short}</p>",  # not what `player_marker` writes
    }
    for html, expected in cases.items():
        assert insert_players(html, players) == expected, html
    assert insert_players(f"<p>{one}</p>", {"0" * 16: ""}) == ""  # an empty player is a player


def test_a_site_file_in_the_way_is_replaced_by_a_link(site: Site) -> None:
    from mkdocs_convaudio.plugin import LinkedFile

    site.write("one.md", TALKS["one.md"])
    site.build()
    source = cache_dir(site) / "site" / "assets" / "convaudio" / "one-1.vtt"
    file = LinkedFile("assets/convaudio/one-1.vtt", src_dir=None, dest_dir=str(site.site), use_directory_urls=False)
    file.abs_src_path = str(source)
    target = Path(file.abs_dest_path)
    target.unlink()
    target.write_text("something else", encoding="utf-8")  # a stale copy, not the published file
    file.copy_file()
    assert target.samefile(source)
    file.copy_file()  # already this file: left as it is
    assert target.samefile(source)


def test_a_replayed_page_reports_its_warnings_again(site: Site) -> None:
    """What a build can survive is reported by every build, also when the page's plan comes from the memo."""
    body = '```json\n[{"speaker": "A", "line": "First,"},\n {"speaker": "B", "line": "then."},]\n```\n'
    site.write("talk.md", post(body))
    site.build()
    first = [warning for warning in site.warnings() if "talk.md" in warning]
    assert first and any("trailing comma" in warning for warning in first), first
    site.build()
    assert site.plugin.session.replayed == 1
    assert [warning for warning in site.warnings() if "talk.md" in warning] == first


def test_library_versions_are_those_importlib_metadata_gives() -> None:
    from importlib import metadata

    from mkdocs_convaudio.libversions import library_version

    for name in ("markdown", "mutagen", "langcodes", "language_data", "regex", "num2words", "pylatexenc"):
        assert library_version(name) == metadata.version(name), name
    assert library_version("surely-not-installed-convaudio") == "-"


def test_a_path_naming_no_language_is_told_without_splitting_it() -> None:
    """`strip_language` answers None for a path that does not hold the language's code at all (most pages of a
    warm build, asked twice a page) before splitting it; what it answers is what the full work gives, for folders
    and suffixes in any case, with `_` for `-` and spaces around."""
    from mkdocs_convaudio.voices import translations as module

    def by_splitting(src_path: str, language: str, *, name: bool = True) -> str | None:
        folders, stem, ext = module._split(src_path)
        code, changed = module.normal(language), False
        for index in range(len(folders) - 1, -1, -1):
            if module.normal(folders[index]) == code:
                del folders[index]
                changed = True
                break
        for separator in ("-", ".") if name else ():
            if module.normal(stem).endswith(separator + code) and len(stem) > len(code) + 1:
                stem, changed = stem[: -len(code) - 1], True
                break
        return posixpath.join(*folders, stem + ext) if changed else None

    paths = [
        "post-001.md",
        "blog/FR/talk.md",
        "blog/talk-FR.md",
        "b/talk.pt_BR.md",
        "Zh_Hant/x.md",
        " fr /a.md",
        "blog/talk-fr .md",
        "en-us/talk.md",
        "ελ/σελίδα.md",
        "post-δ.md",
        "K/talk.md",
    ]
    asked = 0
    for path in paths:
        for language in ("fr", "FR ", "pt-br", "zh-hant", "en_US", "ελ", "δ", "k", ""):
            for name in (True, False):
                assert module.strip_language(path, language, name=name) == by_splitting(path, language, name=name)
                asked += 1
    assert asked == 198
    # the work it skips: a split of the path (`_split`), none when the code is not in it
    calls: list[str] = []
    split = module._split
    module._split = lambda path: calls.append(path) or split(path)  # type: ignore[assignment,func-returns-value]
    try:
        assert module.strip_language("blog/post-001.md", "fr") is None
        assert module.strip_language("blog/fr/post.md", "fr") == "blog/post.md"
    finally:
        module._split = split
    assert calls == ["blog/fr/post.md"]


def test_translation_keys_are_unchanged_by_the_per_build_markers() -> None:
    """Keys found with each page's language markers worked out once per build are those worked out afresh."""
    from mkdocs_convaudio.voices import translations as module

    pages = ["blog/talk.md", "blog/talk-fr.md", "blog/fr/other.md", "blog/en/other.md", "cs/topic.md", "solo.md"]
    found = module.Translations(pages)
    for page in pages:
        for language in (None, "en", "fr", "cs", "zh-Hant"):
            fresh = module.Translations(pages)
            fresh._markers = {}  # every page's markers worked out again, as before
            assert found.key(page, language) == fresh.key(page, language), (page, language)
    assert found.key("blog/talk-fr.md", "fr") == "blog/talk.md"
    assert found.key("blog/fr/other.md", None) == "blog/other.md"
    assert found.key("cs/topic.md", "en") == "cs/topic.md"  # a topic folder, not Czech


def test_a_warm_build_reads_no_page_file_again_until_it_changes(site: Site) -> None:
    """MkDocs hands over a page's Markdown without its front matter; how many lines that was (for line numbers)
    is remembered by the file's stamp, and read again as soon as the file changes."""
    warm_site(site)
    past = time.time() - 10
    for name in TALKS:
        os.utime(site.docs / name, (past, past))
    site.build()  # remembers each file's front matter length
    site.build()
    session = site.plugin.session
    assert session.sources_read == 0, "a warm build read an unchanged page file a second time"
    assert session.replayed == 2
    before = session.placed["assets/convaudio/one-1.mp3"].found.conversation.source_line
    # one more blank line after the front matter: the same Markdown and front matter, one line further down
    site.write("one.md", TALKS["one.md"].replace("---\n\n", "---\n\n\n", 1))
    site.build()
    session = site.plugin.session
    assert session.sources_read == 1
    assert session.placed["assets/convaudio/one-1.mp3"].found.conversation.source_line == before + 1


def test_a_cached_mp3_written_in_place_with_its_time_put_back_is_caught(site: Site) -> None:
    """Tools such as `mp3gain -p` or `rsync --inplace -t` rewrite a file and put its modification time back: the
    change time still moves, and a warm build checks the entry in full (its MP3 is a tagged copy, linked nowhere)."""
    warm_site(site)
    site.build()
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].job.key
    entry = cache_dir(site) / "conversations" / f"{key}.mp3"
    before = entry.stat()
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with entry.open("r+b") as handle:  # same size, in place
        handle.write(bytes(data))
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))
    site.build()
    assert any("damaged" in warning and "two.md" in warning for warning in site.warnings())
    assert bytes(data) not in (site.site / "assets/convaudio/two-1.mp3").read_bytes()


def test_the_voice_map_memo_keeps_what_the_file_says_not_what_a_build_added(site: Site) -> None:
    """A build that gives new speakers voices must not store them as the parse of the file it read: going back to
    that file (a checkout) and renaming a speaker gives the voices a build without any memo gives."""
    site.write("one.md", post(conversation(("A", "Hello."), ("B", "Hi.")), title="One"))
    site.build()
    voice_map = site.root / "convaudio-voices.yml"
    committed = voice_map.read_text()
    site.write("two.md", post(conversation(("C", "Third."), ("D", "Fourth.")), title="Two"))
    shutil.rmtree(cache_dir(site))  # a CI machine with a fresh cache reads the committed map with no memo
    site.build()
    voice_map.write_text(committed)
    site.write("two.md", post(conversation(("C", "Third."), ("Dee", "Fourth.")), title="Two"))
    site.build()
    warm = {uri: dict(item.job.voices) for uri, item in site.plugin.session.placed.items()}
    warm_file = voice_map.read_text()
    voice_map.write_text(committed)
    (cache_dir(site) / "voicemap-memo.json").unlink()
    site.build()
    assert warm == {uri: dict(item.job.voices) for uri, item in site.plugin.session.placed.items()}
    assert warm_file == voice_map.read_text() and "D:" not in warm_file


def test_a_memo_keeps_what_the_last_rounds_of_the_process_used(tmp_path: Path) -> None:
    """Builds in one process share a memo (the languages of mkdocs-static-i18n): what any of the last ROUNDS used
    stays; `mkdocs serve` rebuilds on every save, and what no recent build used goes."""
    from mkdocs_convaudio.store import memo as memo_module

    path = tmp_path / "rounds-memo.json"
    for number in range(memo_module.ROUNDS + 3):
        memo = Memo(path, "1")
        memo.get("shared")  # used by every round
        memo.put("shared", 1)
        memo.put(f"round {number}", number)
        memo.save()
    kept = json.loads(path.read_text())["memo"]
    assert "shared" in kept and len(kept) == memo_module.ROUNDS + 1
    assert "round 0" not in kept and f"round {memo_module.ROUNDS + 2}" in kept and "round 3" in kept


def test_an_estimate_writes_no_memo_so_a_restored_cache_stays_known_as_a_copy(site: Site) -> None:
    """`mkdocs-convaudio estimate` plans every language of a translated site and writes nothing: after a CI cache
    restore, it leaves the memos as they were, and the build after it still trusts the copy by size and time."""
    translated_site(site, 2)
    in_a_new_process(site, *BUILD)
    settle(site)
    in_a_new_process(site, *BUILD)
    restore_cache(site)
    memos = {path: path.read_bytes() for path in cache_dir(site).glob("*-memo.json")}
    in_a_new_process(site, "mkdocs_convaudio.cli", "estimate", "-f", "mkdocs.yml")
    assert {path: path.read_bytes() for path in cache_dir(site).glob("*-memo.json")} == memos, "estimate wrote"
    english, french = in_a_new_process(site, *BUILD)
    assert english == french == [0, 0, 0], "the build after an estimate read the restored cache again"


def built_in_turn_stay_warm(site: Site, *configs: str) -> None:
    """Build each config cold, then once more with settled files (which records what the next builds trust); then
    twice more in turn: each build plans, hashes and republishes nothing."""
    for config in configs:
        in_a_new_process(site, *BUILD, "-f", config)
    settle(site)
    for config in configs:
        in_a_new_process(site, *BUILD, "-f", config)  # records what the next builds trust
    for _ in range(2):
        for config in configs:
            [record] = in_a_new_process(site, *BUILD, "-f", config)
            assert record == [0, 0, 0], f"{config} lost its memos"


def test_two_configs_in_one_folder_keep_their_own_memos(site: Site) -> None:
    """`mkdocs.yml` and `mkdocs.fr.yml` side by side (translations without mkdocs-static-i18n) share the cache
    folder: each config's builds keep memo files of their own, so neither save drops what the other uses."""
    count_builds(site)
    for number in range(2):
        site.write(f"en/p{number}.md", post(conversation(("A", f"English line {number}."), ("B", "Yes.")), title="P"))
        site.write(f"fr/p{number}.md", post(conversation(("A", f"Ligne {number}."), ("B", "Oui.")), title="P"))
    site.config["docs_dir"] = "docs/en"
    site.write_config()
    english = (site.root / "mkdocs.yml").read_text()
    french = english.replace("docs/en", "docs/fr").replace("site_name: Test", "site_name: Test\nsite_dir: site-fr")
    (site.root / "mkdocs.fr.yml").write_text(french)
    built_in_turn_stay_warm(site, "mkdocs.yml", "mkdocs.fr.yml")
    assert len(list(cache_dir(site).glob("pages-memo-*.json"))) == 2  # both docs folders are not the usual `docs/`
    assert len(list(cache_dir(site).glob("site-*/assets/convaudio/p0-1.mp3"))) == 2


def test_two_configs_of_one_docs_folder_keep_their_own_memos(site: Site) -> None:
    """`mkdocs.yml` (eSpeak at its usual rate, for previews) and `mkdocs.prod.yml` (another rate: other audio) build
    one docs folder: built in turn, each stays warm and publishes its own copies under the same URIs."""
    count_builds(site)
    for number in range(2):
        site.write(f"p{number}.md", post(conversation(("A", f"English line {number}."), ("B", "Yes.")), title="P"))
    site.write_config()
    preview = (site.root / "mkdocs.yml").read_text()
    prod = preview.replace("convaudio: {", "convaudio: {espeak: {rate: 200}, ") + "site_dir: site-prod\n"
    assert "rate: 200" in prod
    (site.root / "mkdocs.prod.yml").write_text(prod)
    built_in_turn_stay_warm(site, "mkdocs.yml", "mkdocs.prod.yml")
    assert len(list(cache_dir(site).glob("pages-memo*.json"))) == 2
    copies = [cache_dir(site) / folder / "assets/convaudio/p0-1.mp3" for folder in ("site", f"site{prod_tag(site)}")]
    assert copies[0].read_bytes() != copies[1].read_bytes()  # two voices' audio under one URI, each its own
    for config, folder in (("mkdocs.yml", "site"), ("mkdocs.prod.yml", "site-prod")):
        in_a_new_process(site, *BUILD, "-f", config)
        published = copies[config != "mkdocs.yml"].read_bytes()
        assert (site.root / folder / "assets/convaudio/p0-1.mp3").read_bytes() == published


def prod_tag(site: Site) -> str:
    from mkdocs_convaudio.build import memo_tag

    return memo_tag(site.root / "docs", cache_dir(site), config_file=site.root / "mkdocs.prod.yml")


def test_sites_sharing_a_cache_folder_are_told_apart_by_their_docs_folder(tmp_path: Path) -> None:
    from mkdocs_convaudio.build import memo_tag

    cache = tmp_path / ".cache/plugin/convaudio"
    assert memo_tag(tmp_path / "docs", cache) == ""  # the usual layout keeps the plain names
    shared = tmp_path / ".cache/shared"
    tags = {
        memo_tag(tmp_path / "docs/fr", cache),  # mkdocs.fr.yml beside mkdocs.yml
        memo_tag(tmp_path / "en/docs", shared),  # en/mkdocs.yml and fr/mkdocs.yml with one cache_dir
        memo_tag(tmp_path / "fr/docs", shared),
    }
    assert len(tags) == 3 and "" not in tags
    # another config of the usual docs folder is another site; mike's temporary copy of mkdocs.yml is the same site
    assert memo_tag(tmp_path / "docs", cache, config_file=tmp_path / "mkdocs.yml") == ""
    assert memo_tag(tmp_path / "docs", cache, config_file=tmp_path / "mike-mkdocs3k_x9.yml") == ""
    prod = memo_tag(tmp_path / "docs", cache, config_file=tmp_path / "mkdocs.prod.yml")
    assert prod not in tags | {""}
    assert memo_tag(tmp_path / "docs/fr", cache, config_file=tmp_path / "mkdocs.prod.yml") not in tags | {"", prod}


def test_builds_through_a_temporary_config_stay_warm(site: Site) -> None:
    """mike builds through a temporary copy of mkdocs.yml with a random name, in the same folder: the same site,
    the same memos."""
    count_builds(site)
    for name, text in TALKS.items():
        site.write(name, text)
    site.write_config()
    text = (site.root / "mkdocs.yml").read_text()

    def build_as_mike_does() -> list[int]:
        with tempfile.NamedTemporaryFile("w", dir=site.root, prefix="mike-mkdocs", suffix=".yml", delete=False) as f:
            f.write(text)
        try:
            [record] = in_a_new_process(site, *BUILD, "-f", f.name)
        finally:
            os.remove(f.name)
        return record

    build_as_mike_does()
    settle(site)
    build_as_mike_does()
    assert build_as_mike_does() == [0, 0, 0], "a build through a temporary config was cold"
    assert (
        sorted(path.name for path in cache_dir(site).iterdir() if "memo" in path.name and "-memo-" in path.name) == []
    )


def test_cache_prune_of_another_config_removes_its_own_stale_published_files(site: Site) -> None:
    from mkdocs_convaudio.cli import main

    for name, text in TALKS.items():
        site.write(name, text)
    site.write_config()
    config = site.root / "mkdocs.fr.yml"
    config.write_text((site.root / "mkdocs.yml").read_text() + "docs_dir: docs/fr\n")
    (site.root / "mkdocs.yml").unlink()
    for name, text in TALKS.items():
        (site.docs / name).rename(site.write(f"fr/{name}", text))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=site.root, check=True)
    [published] = [path / "assets/convaudio" for path in cache_dir(site).glob("site-*")]
    assert (published / "two-1.mp3").is_file() and not (cache_dir(site) / "site").exists()
    (site.docs / "fr/two.md").unlink()
    assert main(["cache", "prune", "-f", str(config)]) == 0
    assert (published / "one-1.mp3").is_file() and not (published / "two-1.mp3").exists()


def test_a_later_build_of_the_process_finds_what_an_earlier_save_left_out(tmp_path: Path) -> None:
    """The first language's save drops what only later languages use; their builds, later in the same process,
    still find it (and write it back once used), until no build of the process has used it for a while."""
    from mkdocs_convaudio.store import memo as memo_module

    path = tmp_path / "left-memo.json"
    first = Memo(path, "1")
    first.put("english", 1)
    first.put("french", 2)
    first.save()
    memo_module._used_in_process.clear()  # the next `mkdocs build` is a new process
    english = Memo(path, "1")  # its English build changes the memo, then saves
    english.get("english")
    english.put("new", 3)
    english.save()
    assert "french" not in json.loads(path.read_text())["memo"]
    french = Memo(path, "1")
    assert french.get("french") == 2, "a later build of the process lost what the first one's save left out"
    french.save()  # written back: the next process has it
    assert json.loads(path.read_text())["memo"]["french"] == 2
    for number in range(2 * memo_module.ROUNDS + 1):  # `mkdocs serve`: each rebuild saves; none uses it
        memo = Memo(path, "1")
        memo.put("other", number)
        memo.save()
    assert Memo(path, "1").get("french") is None, "an entry no build of the process used for long stayed"


def _a_save_leaves_french_out(path: Path) -> None:
    """One process saves `english` and `french`; the next, a new process, puts only an edited `english` and saves:
    `french`, unused by it, is left out of the file."""
    from mkdocs_convaudio.store import memo as memo_module

    first = Memo(path, "1")
    first.put("english", 1)
    first.put("french", 2)
    first.save()
    memo_module._used_in_process.clear()  # the next `mkdocs build` is a new process
    english = Memo(path, "1")
    english.put("english, edited", 3)
    english.save()


def test_an_entry_a_build_only_touches_is_written_back(tmp_path: Path) -> None:
    """A replayed page's plan is touched, not read: if an earlier save of the process left it out, the build that
    touches it still writes it back."""
    path = tmp_path / "plans-memo.json"
    _a_save_leaves_french_out(path)
    french = Memo(path, "1")
    french.touch("french")  # before the memo is read, as `_replay` does
    french.save()
    assert json.loads(path.read_text())["memo"].get("french") == 2


def test_an_entry_a_build_puts_again_unchanged_is_written_back(tmp_path: Path) -> None:
    """`Memo.put` of the value an earlier save of the process left out (a later language's build recording what
    it found again) counts it as used: the save writes it back, though the value did not change (`put` does its
    bookkeeping inline since the warm fast path's review)."""
    path = tmp_path / "put-memo.json"
    _a_save_leaves_french_out(path)
    assert "french" not in json.loads(path.read_text())["memo"]
    french = Memo(path, "1")
    french.put("french", 2)
    french.save()
    assert json.loads(path.read_text())["memo"].get("french") == 2


def new_process() -> None:
    """What a new `mkdocs build` process starts without: this one's memory of memo entries and copied folders."""
    from mkdocs_convaudio.store import memo as memo_module

    memo_module._used_in_process.clear()
    memo_module._copied.clear()
    memo_module._left_out.clear()
    memo_module._rounds.clear()
    cache_module._relocated_in_process.clear()


def test_an_entry_used_after_a_save_is_written_by_the_next_save(tmp_path: Path) -> None:
    """The audio step saves the memos; the pages use more entries after it (a blog index's players): one that the
    save left out is written by the build's last save, and, failing that, by a later build of the process."""
    path = tmp_path / "players-memo.json"
    cold = Memo(path, "1")
    cold.put("finished", 1)
    cold.put("timed for the index", 2)
    cold.save()
    new_process()
    build = Memo(path, "1")
    build.put("finished", 3)
    build.save()  # the audio step's save leaves the index's entry out
    assert build.get("timed for the index") == 2  # used afterwards
    build.save()
    assert json.loads(path.read_text())["memo"].get("timed for the index") == 2
    new_process()
    english = Memo(path, "1")
    english.put("finished", 4)
    english.save()
    assert english.get("timed for the index") == 2  # used after the build's last save
    french = Memo(path, "1")  # the next language's build, which changes nothing of its own
    french.get("finished")
    french.save()
    assert json.loads(path.read_text())["memo"].get("timed for the index") == 2, "lost for the next process"


def test_a_long_serve_session_keeps_the_process_bookkeeping_bounded(tmp_path: Path) -> None:
    """Every rebuild of `mkdocs serve` saves a new entry and leaves the older ones out: what the process keeps
    about them (left-out values, keys used) stays within the last ROUNDS openings."""
    from mkdocs_convaudio.store import memo as memo_module

    path = tmp_path / "serve-memo.json"
    for number in range(5 * memo_module.ROUNDS):
        memo = Memo(path, "1")
        memo.put(f"edit {number}", number)
        memo.save()
    assert len(json.loads(path.read_text())["memo"]) <= memo_module.ROUNDS
    assert len(memo_module._left_out[(str(path), "1")]) <= memo_module.ROUNDS
    assert len(memo_module._used_in_process[str(path)]) <= memo_module.ROUNDS


def test_a_copied_file_matches_its_time_cut_to_the_second_only_when_its_time_is_whole() -> None:
    """A copied folder's file matches the recorded size and time, or that time cut to the second (or the
    millisecond, or the microsecond) when the copy's time is a whole one (an archive that keeps seconds); a time
    within the same second is another write."""
    recorded = [1, 100, 5_300_000_000]
    assert _same_copy(recorded, [2, 100, 5_300_000_000])
    assert _same_copy(recorded, [2, 100, 5_000_000_000])
    assert not _same_copy(recorded, [2, 100, 5_700_000_000]), "a write in the same second was trusted"
    assert not _same_copy(recorded, [2, 101, 5_000_000_000])
    precise = [1, 100, 5_123_456_789]  # a copy that kept milliseconds (Node.js, Java) or microseconds
    assert _same_copy(precise, [2, 100, 5_123_000_000]) and _same_copy(precise, [2, 100, 5_123_456_000])
    assert not _same_copy(precise, [2, 100, 5_124_000_000]), "a write a millisecond later was trusted"


def test_versions_are_remembered_until_the_import_path_or_the_package_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_convaudio import libversions

    folder = tmp_path / "site-packages"
    folder.mkdir()
    past = time.time() - 10
    os.utime(folder, (past, past))
    monkeypatch.syspath_prepend(str(folder))
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return f"answer {len(calls)}"

    def next_build() -> Memo:
        memo = Memo(tmp_path / "versions-memo.json", "1")
        libversions.remember_in(memo)
        return memo

    try:
        first = next_build()
        assert libversions.remembered("thing", compute) == "answer 1"
        first.save()
        next_build()
        assert libversions.remembered("thing", compute) == "answer 1" and len(calls) == 1, "worked out again"
        (folder / "new_library-1.0.dist-info").mkdir()  # a library installed on the import path
        next_build()
        assert libversions.remembered("thing", compute) == "answer 2", "a new library kept an old answer"
        monkeypatch.setattr(libversions, "package_fingerprint", lambda: "edited")  # this package's code changed
        next_build()
        assert libversions.remembered("thing", compute) == "answer 3", "edited code kept an old answer"
    finally:
        libversions.remember_in(None)


def test_the_build_after_an_edit_is_warm_again(site: Site) -> None:
    """An edited page is planned afresh once; the next build replays it like the others: its player (remembered
    by the page's memo key from the start) is neither rendered nor finished again, and no conversation is read."""
    warm_site(site)
    site.write("one.md", TALKS["one.md"].replace("Hi, how are you?", "Hi, how are you today?"))
    assert site.build().synthesized == 1
    settle(site)
    site.build()
    assert site.plugin.session.replayed == 2
    assert site.plugin.player_memo.computed == 0, "the edited page's player was rendered again"
    site.build()
    session = site.plugin.session
    assert session.replayed == 2 and session.recalls == 0 and site.plugin.player_memo.computed == 0
    assert sorted(site.plugin.filled) == ["one.md", "two.md"] and site.plugin.refill == {}
    assert "today?" in site.html("one.html") and "convaudio::" not in site.html("one.html")


def restore_cache(site: Site) -> None:
    """What a CI cache restore does: the cache folder archived and extracted again, every file with a new inode
    (and change time) and its size and modification time kept."""
    folder = cache_dir(site)
    copy = folder.with_name("restored")
    shutil.copytree(folder, copy, copy_function=shutil.copy2)
    shutil.rmtree(folder)
    copy.rename(folder)


def test_a_restored_cache_is_trusted_by_size_and_time(site: Site) -> None:
    warm_site(site)
    site.build()
    before = {name: site.html(name) for name in ("one.html", "two.html")}
    restore_cache(site)
    site.build(strict=True)
    session = site.plugin.session
    assert session.cache.relocated
    assert session.cache.hashed == 0 and session.cache.records_read == 0, "a restored cache was read again"
    assert session.republished == 0, "a restored cache's published copies were made again"
    assert {name: site.html(name) for name in before} == before
    cache_module._relocated_in_process.clear()  # the next `mkdocs build` is a new process
    site.build()
    session = site.plugin.session
    assert not session.cache.relocated  # the memos now name this folder, with its files' new stamps
    assert session.cache.hashed == 0 and session.cache.records_read == 0 and session.republished == 0


def test_a_changed_entry_of_a_restored_cache_is_still_caught(site: Site) -> None:
    warm_site(site)
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    restore_cache(site)
    entry = cache_dir(site) / "conversations" / f"{key}.mp3"
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, a new modification time
    entry.write_bytes(bytes(data))
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 1_000_000_000))
    site.build()
    assert site.plugin.session.cache.relocated
    [warning] = [w for w in site.warnings() if "damaged" in w]
    assert "two.md" in warning and "its MP3 checksum does not match" in warning, warning
    assert entry.read_bytes() != bytes(data)


#: An MkDocs hook that moves the cache's clock two hours on: every entry was last used more than an hour ago.
LATER_HOOK = """
import time
from mkdocs.plugins import event_priority

@event_priority(100)
def on_files(files, config):
    config.plugins["convaudio"].session.cache.clock_ns = lambda: time.time_ns() + 7_200_000_000_000
    return files
"""


def test_an_unchanged_entry_unused_for_an_hour_is_not_read_again(site: Site) -> None:
    warm_site(site)
    entry = next((cache_dir(site) / "conversations").glob("*.mp3"))
    (site.root / "hooks.py").write_text(LATER_HOOK)
    site.config["hooks"] = ["hooks.py"]
    before = entry.stat().st_mtime_ns
    site.build()
    session = site.plugin.session
    assert session.cache.hashed == 0 and session.cache.records_read == 0, "an entry unused for an hour was read"
    assert session.republished == 0
    assert entry.stat().st_mtime_ns != before  # marked as used (for `cache prune --older-than`)
    site.config.pop("hooks")
    site.build()  # an hour later still: the entries' new times were remembered
    session = site.plugin.session
    assert session.cache.hashed == 0 and session.cache.records_read == 0 and session.republished == 0


def test_ci_restores_of_one_saved_cache_read_nothing(site: Site) -> None:
    """CI restores the same saved cache on every run, hours apart: new inodes, old times, nothing read."""
    warm_site(site)
    saved = site.root / "saved-cache"
    shutil.copytree(cache_dir(site), saved, copy_function=shutil.copy2)
    (site.root / "hooks.py").write_text(LATER_HOOK)
    site.config["hooks"] = ["hooks.py"]
    for _ in range(2):
        shutil.rmtree(cache_dir(site))
        shutil.copytree(saved, cache_dir(site), copy_function=shutil.copy2)
        shutil.rmtree(site.site)
        site.build(strict=True)
        session = site.plugin.session
        assert session.cache.relocated and session.cache.hashed == 0 and session.cache.records_read == 0
        assert session.republished == 0, "a restored cache's published copies were made again"
        assert 'data-start="' in site.html("one.html")


def test_a_restored_cache_with_records_of_another_shape_builds(site: Site) -> None:
    """A memo's record of another shape (a hand edit, another version's layout) only means the work is done
    again, in a restored cache too."""
    warm_site(site)
    restore_cache(site)
    path = cache_dir(site) / "trusted-memo.json"
    data = json.loads(path.read_text())
    for key, value in data["memo"].items():
        if key != "cache folder":
            data["memo"][key] = [[1], *value[1:]]
    path.write_text(json.dumps(data))
    new_process()
    site.build(strict=True)
    assert site.plugin.session.cache.relocated and 'data-start="' in site.html("one.html")


def test_malformed_publish_records_only_cost_the_work_again(site: Site) -> None:
    warm_site(site)
    path = cache_dir(site) / "published-memo.json"
    data = json.loads(path.read_text())
    for key in data["memo"]:
        data["memo"][key] = [5, [[1]], "", "", 1.0, {}]  # the right length, another shape
    path.write_text(json.dumps(data))
    new_process()
    site.build(strict=True)
    assert site.plugin.session.republished == 2 and 'data-start="' in site.html("one.html")


def test_warm_builds_of_a_material_blog_render_no_player_again(site: Site) -> None:
    """The blog index's excerpts use their players after the audio step saved the memos: the build's last save
    keeps them, so later builds (each a new process) render none."""
    site.config.update(theme={"name": "material"}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    talk = conversation(("A", "Hello there, friend."), ("B", "Hi!"))
    site.write("blog/posts/hello.md", post("# Hello\n\n" + talk, date=datetime.date(2026, 11, 20)))
    site.build()
    settle(site)
    computed = []
    for _ in range(5):
        new_process()
        site.build()
        computed.append(site.plugin.player_memo.computed)
    assert computed[2:] == [0, 0, 0], f"players rendered again in warm builds: {computed}"


@pytest.mark.parametrize("rebuilds", [1, 13])
def test_later_builds_of_the_process_compare_in_full_what_the_first_one_stamped(site: Site, rebuilds: int) -> None:
    """`mkdocs serve` started on a restored cache: its first build trusts entries by size and time and stamps
    them again; its later rebuilds, however many, compare them in full, so one written in place with its time put
    back is caught (the other languages' entries, still recorded with the copied folder's stamps, stay relaxed)."""
    warm_site(site)
    restore_cache(site)
    new_process()
    for _ in range(rebuilds):
        site.build()
    assert site.plugin.session.cache.relocated
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    site.build()  # a rebuild of the same process
    assert site.plugin.session.cache.relocated
    [warning] = [w for w in site.warnings() if "damaged" in w]
    assert "two.md" in warning and "its MP3 checksum does not match" in warning, warning


def damage_in_place_with_its_time_put_back(entry: Path) -> bytes:
    """What `mp3gain -p` or `rsync --inplace -t` do to a file: new bytes, the same size and modification time."""
    info = entry.stat()
    damaged = _flip_a_byte(entry.read_bytes())
    with entry.open("r+b") as handle:
        handle.write(damaged)
    os.utime(entry, ns=(info.st_atime_ns, info.st_mtime_ns))
    return damaged


def assert_not_published(site: Site, uri: str, damaged: bytes) -> None:
    middle = len(damaged) // 2
    assert damaged[middle - 50 : middle + 50] not in (site.site / uri).read_bytes(), "a damaged entry was published"


def test_serve_on_a_restored_cache_catches_an_entry_its_memo_dropped_and_brought_back(site: Site) -> None:
    """A page edited for more rebuilds than a memo keeps an unused record (ROUNDS), its first entry damaged in
    place with its time put back, then the edit undone: the record, brought back from what the process kept,
    holds this folder's stamps, so it is compared in full."""
    warm_site(site)
    restore_cache(site)
    new_process()
    site.build()
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    (site.root / "hooks.py").write_text(LATER_HOOK)  # hours pass during the session: new entries are recorded
    site.config["hooks"] = ["hooks.py"]
    for number in range(memo_module.ROUNDS + 1):
        site.write("two.md", post(conversation(("A", f"Edit {number}."), ("B", "With `code` in it.")), title="Two"))
        site.build()
    damaged = damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    site.write("two.md", TALKS["two.md"])
    site.build()
    assert site.plugin.session.cache.relocated
    assert_not_published(site, "assets/convaudio/two-1.mp3", damaged)


def test_serve_on_a_restored_cache_compares_in_full_what_another_build_recorded_since(site: Site) -> None:
    """While `mkdocs serve` runs on a restored cache, a `mkdocs build` in another terminal renders a new page
    and records its entry with this folder's stamps: the serve process compares that record in full."""
    warm_site(site)
    restore_cache(site)
    new_process()
    site.build()
    site.write("three.md", post(conversation(("C", "A third talk, long enough."), ("D", "Indeed.")), title="Three"))
    site.write_config()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=site.root, check=True)
    past = time.time() - 10
    for path in cache_dir(site).rglob("*"):
        if path.is_file() and path.name != "folder-id":  # time passes (the marker is left alone)
            os.utime(path, (past, past))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=site.root, check=True)  # records it
    site.build()
    key = site.plugin.session.placed["assets/convaudio/three-1.mp3"].key
    damaged = damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    site.write("three.md", post(conversation(("C", "A third talk, long enough."), ("D", "Indeed.")), title="3!"))
    site.build()  # the title edited: published again from the entry
    assert site.plugin.session.cache.relocated
    assert_not_published(site, "assets/convaudio/three-1.mp3", damaged)


def edit_two_and_record_it(site: Site) -> str:
    """`two.md` edited in a `mkdocs serve` session, built, and built again once its new entry is past the racy
    window: the trusted memo is saved without the old entry's record. Returns the old entry's key."""
    key: str = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    site.write("two.md", post(conversation(("A", "An edit."), ("B", "With `code` in it.")), title="Two"))
    site.build()
    entry = cache_dir(site) / "conversations" / f"{site.plugin.session.placed['assets/convaudio/two-1.mp3'].key}"
    for path in (entry.with_suffix(".mp3"), entry.with_suffix(".json"), entry.with_suffix(".mp3.check")):
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 1_000_000_000))  # written a second ago
    site.build()
    assert key not in json.loads((cache_dir(site) / "trusted-memo.json").read_text())["memo"]
    return key


def test_a_copy_restored_during_serve_relaxes_only_what_its_memo_file_holds(site: Site) -> None:
    """The serve process kept the record of an entry its memo file no longer holds; the folder is then replaced
    by a copy whose memo lacks that record: the kept record is not one the copy brought, and is compared in full."""
    warm_site(site)
    new_process()
    key = edit_two_and_record_it(site)
    restore_cache(site)
    damaged = damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    site.write("two.md", TALKS["two.md"])
    site.build()
    assert site.plugin.session.cache.relocated
    assert_not_published(site, "assets/convaudio/two-1.mp3", damaged)


def test_memos_deleted_during_serve_on_a_restored_cache_relax_nothing(site: Site) -> None:
    """What the docs advise after an edit that keeps a file's size and time: deleting the memos. The process then
    forgets that the folder is a copy, and compares everything in full."""
    warm_site(site)
    restore_cache(site)
    new_process()
    key = edit_two_and_record_it(site)  # the session's first build finds the copy
    damaged = damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    for memo in cache_dir(site).glob("*-memo.json"):
        memo.unlink()
    site.write("two.md", TALKS["two.md"])
    site.build()
    assert not site.plugin.session.cache.relocated
    assert_not_published(site, "assets/convaudio/two-1.mp3", damaged)


def archive_and_restore(site: Site, saved: Path) -> None:
    """What a CI cache whose archive keeps whole seconds does (`tar --format=gnu`, a zip with Unix times, as
    GitLab's runner makes): the folder archived at the end of a run and extracted at the start of the next one,
    with new inodes and modification times cut to the second."""
    with tarfile.open(saved, "w", format=tarfile.GNU_FORMAT) as archive:
        archive.add(cache_dir(site), arcname="convaudio")
    shutil.rmtree(cache_dir(site))
    with tarfile.open(saved) as archive:
        archive.extractall(cache_dir(site).parent, filter="tar")


def test_ci_caches_archived_with_whole_seconds_read_nothing(site: Site) -> None:
    """Runs hours apart, each restoring what the last one saved in an archive that keeps whole seconds (each
    run marks the entries as used, at a time with nanoseconds): nothing is read again."""
    warm_site(site)
    (site.root / "hooks.py").write_text(LATER_HOOK)
    site.config["hooks"] = ["hooks.py"]
    saved = site.root / "cache.tar"
    for _ in range(3):
        archive_and_restore(site, saved)
        assert all(path.stat().st_mtime_ns % 1_000_000_000 == 0 for path in cache_dir(site).rglob("*.mp3"))
        shutil.rmtree(site.site)
        site.build(strict=True)
        session = site.plugin.session
        assert session.cache.relocated and session.cache.hashed == 0 and session.cache.records_read == 0
        assert session.republished == 0, "a restored cache's published copies were made again"


def _flip_a_byte(data: bytes) -> bytes:
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0xFF
    return bytes(flipped)


def test_a_deleted_folder_marker_is_not_taken_for_a_copy(site: Site) -> None:
    """The marker is written again: that tells nothing (the folder is not a copy), so stamps are compared in full
    and an entry replaced by another file of the same size and modification time is still caught."""
    warm_site(site)
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    entry = cache_dir(site) / "conversations" / f"{key}.mp3"
    (cache_dir(site) / "folder-id").unlink()
    info = entry.stat()
    replacement = entry.with_name("replacement")
    replacement.write_bytes(_flip_a_byte(entry.read_bytes()))
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    replacement.replace(entry)  # another inode, the same size and modification time
    site.build()
    assert not site.plugin.session.cache.relocated and (cache_dir(site) / "folder-id").is_file()
    [warning] = [w for w in site.warnings() if "damaged" in w]
    assert "two.md" in warning and "its MP3 checksum does not match" in warning, warning


def test_an_entry_marked_as_used_and_then_written_in_place_is_caught(site: Site) -> None:
    """Marking an entry as used records its new stamps at once; a later write that puts the modification time
    back still moves its change time."""
    warm_site(site)
    (site.root / "hooks.py").write_text(LATER_HOOK)
    site.config["hooks"] = ["hooks.py"]
    site.build()
    site.config.pop("hooks")
    key = site.plugin.session.placed["assets/convaudio/two-1.mp3"].key
    damage_in_place_with_its_time_put_back(cache_dir(site) / "conversations" / f"{key}.mp3")
    site.build()
    [warning] = [w for w in site.warnings() if "damaged" in w]
    assert "two.md" in warning and "its MP3 checksum does not match" in warning, warning


def test_entries_linked_into_the_site_are_marked_as_used_without_republishing(site: Site) -> None:
    """With `tags: false` the published MP3 and timings are hard links to the entry: marking the entry moves
    their times too, which is no reason to publish them again, now or in the next build."""
    site.plugin_options.update(tags=False)
    warm_site(site)
    before = {name: site.html(name) for name in ("one.html", "two.html")}
    audio = (site.site / "assets/convaudio/one-1.mp3").read_bytes()
    (site.root / "hooks.py").write_text(LATER_HOOK)
    site.config["hooks"] = ["hooks.py"]
    site.build()
    session = site.plugin.session
    assert session.cache.hashed == 0 and session.cache.records_read == 0 and session.republished == 0
    site.config.pop("hooks")
    site.build()
    session = site.plugin.session
    assert session.cache.hashed == 0 and session.cache.records_read == 0 and session.republished == 0
    assert {name: site.html(name) for name in before} == before
    assert (site.site / "assets/convaudio/one-1.mp3").read_bytes() == audio


def test_an_entry_verified_in_full_after_an_hour_unused_is_remembered_at_once(site: Site) -> None:
    """Its check marks it as used; that mark is just past the racy window, so what was checked is remembered."""
    warm_site(site)
    past = time.time() - 7_200
    for path in (cache_dir(site) / "conversations").glob("*"):
        os.utime(path, (past, past))
    (cache_dir(site) / "trusted-memo.json").unlink()  # nothing remembered: checked in full
    site.build()
    assert site.plugin.session.cache.hashed > 0
    assert all(path.stat().st_mtime > past + 3_600 for path in (cache_dir(site) / "conversations").glob("*.mp3"))
    site.build()
    assert site.plugin.session.cache.hashed == 0, "the entries checked in full were not remembered"


#: Records, after each build of a `mkdocs build` process (each language of mkdocs-static-i18n is one), how many
#: pages it planned afresh and how many cache files it hashed.
COUNTING_HOOK = """
import json

def on_post_build(config, **kwargs):
    session = config.plugins["convaudio"].session
    with open("counts.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps([session.scanned, session.cache.hashed, session.cache.records_read]) + "\\n")
"""
#: `python -m` arguments of a site build.
BUILD = ("mkdocs", "build", "-q")


def count_builds(site: Site) -> None:
    """Add `COUNTING_HOOK` to the site's builds."""
    (site.root / "hooks.py").write_text(COUNTING_HOOK)
    site.config["hooks"] = ["hooks.py"]


def translated_site(site: Site, posts: int) -> None:
    """`posts` pages in English and French, built by mkdocs-static-i18n (suffix layout), builds counted."""
    static_i18n(site, "suffix")
    count_builds(site)
    for number in range(posts):
        site.write(f"p{number}.md", post(conversation(("A", f"English line {number}."), ("B", "Yes.")), title="P"))
        site.write(f"p{number}.fr.md", post(conversation(("A", f"Ligne {number}."), ("B", "Oui.")), title="P"))
    site.write_config()


def in_a_new_process(site: Site, *arguments: str) -> list[list[int]]:
    """Run `python -m <arguments>` in the site's folder, a new process; what each of its builds counted."""
    counts = site.root / "counts.jsonl"
    counts.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", *arguments], cwd=site.root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in counts.read_text().splitlines()] if counts.is_file() else []


def same_inodes_as_recorded(cache: Path) -> None:
    """Make the trusted memo record each conversation's files under the inode numbers the copies have now, as
    when extracting the same archive on a fresh machine hands out the same numbers again."""
    path = cache / "trusted-memo.json"
    data = json.loads(path.read_text())
    for key, stamps in data["memo"].items():
        if key != cache_module.ROOT_KEY:
            files = [cache / "conversations" / f"{key}{suffix}" for suffix in (".mp3", ".json", ".mp3.check")]
            for stamp, file in zip(stamps, files, strict=True):
                stamp[0] = file.stat().st_ino
    path.write_text(json.dumps(data))


MEMOS = ("pages", "plans")


def test_static_i18n_languages_keep_their_memo_entries_across_processes(site: Site) -> None:
    """Each `mkdocs build` is a new process that builds every language in turn, and each language's build saves
    the memos when it changed them. An edit of one English page must cost the French build nothing: the English
    build's save must not drop the French pages' plans or their conversations' trust records."""
    translated_site(site, 3)

    def build_in_a_new_process() -> list[list[int]]:
        return in_a_new_process(site, *BUILD)

    build_in_a_new_process()
    settle(site)
    build_in_a_new_process()  # records what the next builds trust
    english, french = build_in_a_new_process()
    assert english == french == [0, 0, 0], "a warm build of both languages planned or hashed again"
    site.write("p0.md", post(conversation(("A", "English line, edited."), ("B", "Yes.")), title="P"))
    english, french = build_in_a_new_process()
    assert english[0] == 1, "the English build did not plan the edited page (and only it) afresh"
    assert french == [0, 0, 0], "the English build's memo save made the French build plan or check again"
    pages, plans = (set(json.loads((cache_dir(site) / f"{name}-memo.json").read_text())["memo"]) for name in MEMOS)
    assert len(pages) == 6 and pages <= plans, "the French pages' plans (touched, not read) were not written back"
    english, french = build_in_a_new_process()
    assert english[0] == french[0] == 0, "a page was planned again in the next process"
    settle(site)
    build_in_a_new_process()
    english, french = build_in_a_new_process()
    assert english == french == [0, 0, 0], "the builds after the edit are not warm again"
    restore_cache(site)  # CI: the cache folder restored from an archive
    english, french = build_in_a_new_process()
    assert english == french == [0, 0, 0], "a language's build read the restored cache again"
    restore_cache(site)
    same_inodes_as_recorded(cache_dir(site))  # a fresh CI machine may give the copies the same inode numbers
    english, french = build_in_a_new_process()
    assert english == french == [0, 0, 0], "a copy that got its recorded inode number back was read again"


MERGING_HOOK = """
import shutil
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority


# before convaudio's main handler, and as high as a plugin can be below Material's group plugin's `on_config` (150),
# which convaudio's first `on_config` must stay below (bug bash h-plugins: above it, a build in a group never ended)
@event_priority(149)
def on_config(config):
    # a new folder outside the site's folder for each build, as mkdocs-monorepo-plugin merges docs folders
    merged = tempfile.mkdtemp(prefix="merged-docs-", dir=Path(config.config_file_path).parent.parent)
    shutil.copytree(config.docs_dir, merged, dirs_exist_ok=True)
    config.docs_dir = merged
    return config
"""


def test_a_docs_folder_moved_to_a_new_temporary_folder_each_build_keeps_one_set_of_memos(site: Site) -> None:
    """A plugin that merges docs folders into a new temporary folder for every build, at any priority up to 149:
    the site keeps one set of memo files and one published folder, not a full copy of its audio per build."""
    for name, text in TALKS.items():
        site.write(name, text)
    (site.root / "hook.py").write_text(MERGING_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    for _ in range(3):
        site.build()
    with tempfile.NamedTemporaryFile("w", dir=site.root, prefix="mike-mkdocs", suffix=".yml") as mike:
        mike.write((site.root / "mkdocs.yml").read_text())  # and once through a config with a random name, as mike
        mike.flush()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", mike.name], cwd=site.root, check=True)
    assert len(list(site.root.parent.glob("merged-docs-*"))) == 4  # each build had a docs folder of its own
    # named after the docs folder mkdocs.yml gives (the usual one: plain names)
    assert [path.name for path in cache_dir(site).glob("site*")] == ["site"]
    assert [path.name for path in cache_dir(site).glob("pages-memo*.json")] == ["pages-memo.json"]
    # the cache commands name them the same way
    from mkdocs_convaudio.cli import main

    assert main(["cache", "prune", "-f", str(site.root / "mkdocs.yml")]) == 0


def test_a_moved_docs_folder_keeps_one_set_of_memos_in_every_language(site: Site) -> None:
    """mkdocs-static-i18n builds its other languages again with the config the first build's plugins changed:
    the French build names its files after the docs folder mkdocs.yml gives too."""
    static_i18n(site, "suffix")
    site.write("one.md", post(conversation(("A", "An English line.")), title="One"))
    site.write("one.fr.md", post(conversation(("A", "Une ligne."), ("B", "Oui.")), title="Un"))
    (site.root / "hook.py").write_text(MERGING_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    for _ in range(2):
        site.build()
    assert len(list(site.root.parent.glob("merged-docs-*"))) == 4  # each language of each build moved them
    assert [path.name for path in cache_dir(site).glob("site*")] == ["site"]
    assert list((cache_dir(site) / "site").rglob("one.fr-1.mp3")), "the French build published elsewhere"


def test_a_cache_saved_right_after_a_cold_build_is_not_hashed_again_at_each_restore(site: Site) -> None:
    """CI saves the cache a cold build made; every run on an exact key hit restores that same archive. Its entries
    were too fresh to be remembered by their times (see `RACY_NS`), so each run hashed every entry again, and
    saved nothing. The cold build now checks them once more at its end, once their times are settled."""
    for name, text in TALKS.items():
        site.write(name, text)
    site.build()
    archive = cache_dir(site).with_name("archive")
    shutil.copytree(cache_dir(site), archive, copy_function=shutil.copy2)
    for _run in range(2):
        shutil.rmtree(cache_dir(site))
        shutil.copytree(archive, cache_dir(site), copy_function=shutil.copy2)
        cache_module._relocated_in_process.clear()  # each CI run is a new process
        site.build()
        session = site.plugin.session
        assert session.cache.relocated and site.summary().synthesized == 0
        assert session.cache.hashed == 0 and session.cache.records_read == 0, "a restored cache was hashed again"


def test_a_build_right_after_a_cold_build_hashes_nothing(site: Site) -> None:
    """The cold build checks its fresh entries once more at its end (see `AudioCache.settle_fresh`), once they are
    published: a link into the site changes a timings file's stamps, so the ones taken before publishing did not
    match at the next build, which hashed every entry again (review 148)."""
    for name, text in TALKS.items():
        site.write(name, text)
    site.build()
    site.build()
    session = site.plugin.session
    assert site.summary().synthesized == 0 and not session.cache.relocated
    assert session.cache.hashed == 0 and session.cache.records_read == 0, "a warm build hashed the entries again"


def test_a_warm_build_reads_no_page_beside_a_language_folders_index_again(site: Site) -> None:
    """Whether `fr/index.md` is the French home page or a section's index hangs on the front matter of the pages
    beside it (`lang: fr`): each is read once, then remembered by its file's stamp until it changes (every build
    read every page of the folder, a docs section's hundreds)."""
    site.write("index.md", post(conversation(("Ann", "Welcome."), ("Bob", "Hi."))))
    site.write("fr/index.md", post(conversation(("Ann", "Bienvenue."), ("Bob", "Salut."))))
    site.write("fr/notes.md", "# Notes\n\nA page of its own.\n")
    site.write("fr/posts/causerie.md", "---\nlang: fr\n---\n\n# Causerie\n")
    past = time.time() - 10
    for path in site.docs.rglob("*.md"):
        os.utime(path, (past, past))
    site.build()
    site.build()
    assert site.plugin.session.sources_read == 0, "a warm build read an unchanged page file a second time"
    assert site.timings(site.site / "assets/convaudio/fr/index-1.mp3")["language"] == "fr"
    # the post says no more that it is French: the folder is a section, its index page in the site's language
    site.write("fr/posts/causerie.md", "# Causerie\n")
    os.utime(site.docs / "fr/posts/causerie.md", (past + 1, past + 1))
    site.build()
    assert site.plugin.session.sources_read == 1
    assert site.timings(site.site / "assets/convaudio/fr/index-1.mp3")["language"] == "en"


def side_files_memo(site: Site) -> dict[str, Any]:
    table: dict[str, Any] = json.loads((cache_dir(site) / "side-files-memo.json").read_text(encoding="utf-8"))["memo"]
    return table


@pytest.mark.parametrize("dirty", [False, True])
def test_the_dirty_records_forget_pages_deleted_or_renamed_and_keep_what_dirty_builds_need(
    site: Site, dirty: bool
) -> None:
    """A blog of years renames and deletes posts: the records of pages written to one path (`a.md` and
    `a/index.md`) and of the pages deciding a page's language (`notes/fr/intro.md` by `notes/intro.md`) kept every
    page ever built, so the memo grew for good. Those of pages gone go, by a plain or `--dirty` build, and the
    records of the pages still there keep doing their work."""
    site.config.update(use_directory_urls=True)
    site.write("a.md", post(conversation(("A", "The page a."), ("B", "Yes."))))
    site.write("a/index.md", post(conversation(("A", "The folder a."), ("B", "Yes."))))
    site.write("posts/fr/talk.md", post(conversation(("Ann", "Bonjour."), ("Bob", "Salut."))))
    site.write("posts/talk.md", post(conversation(("Ann", "Hello."), ("Bob", "Hi."))))
    site.write("notes/fr/intro.md", post(conversation(("Ann", "Voilà."), ("Bob", "Oui."))))
    site.write("notes/intro.md", post(conversation(("Ann", "There."), ("Bob", "Yes."))))
    site.build()
    memo = side_files_memo(site)
    assert sorted(memo["\0overwritten"]) == ["a.md", "a/index.md"]
    assert memo["\0neighbours"] == {"notes/fr/intro.md": ["notes/intro.md"], "posts/fr/talk.md": ["posts/talk.md"]}
    (site.docs / "a/index.md").rename(site.docs / "b.md")  # renamed: `a.md` is written alone
    (site.docs / "posts/fr/talk.md").unlink()
    (site.docs / "posts/talk.md").unlink()
    new_process()  # the next `mkdocs build`: what this process's builds used is not kept for them
    site.build(dirty=dirty)
    memo = side_files_memo(site)
    assert memo["\0overwritten"] == []
    assert memo["\0neighbours"] == {"notes/fr/intro.md": ["notes/intro.md"]}
    assert not [key for key in memo if key.startswith(("posts/", "a/"))], sorted(memo)
    assert "a-1.mp3" in site.html("a/index.html") and "b-1.mp3" in site.html("b/index.html")
    # the page kept is still built again once its English original goes
    french = site.site / "assets/convaudio/notes/fr/intro-1.mp3"
    assert site.timings(french)["language"] == "fr"
    (site.docs / "notes/intro.md").unlink()
    site.build(dirty=True)
    assert site.timings(french)["language"] == "en"
    assert side_files_memo(site)["\0neighbours"] == {"notes/fr/intro.md": []}


@pytest.mark.parametrize("dirty", [False, True])
def test_a_warm_build_of_unchanged_pages_writes_no_side_files_memo(site: Site, dirty: bool) -> None:
    """The `--dirty` records are written when they change, not by every build: a warm build of a site whose pages
    did not change leaves the memo file as it was (the file replaced would be another inode)."""
    site.config.update(use_directory_urls=True)
    site.write("a.md", post(conversation(("A", "The page a."), ("B", "Yes."))))
    site.write("a/index.md", post(conversation(("A", "The folder a."), ("B", "Yes."))))
    site.write("notes/fr/intro.md", post(conversation(("Ann", "Voilà."), ("Bob", "Oui."))))
    site.write("notes/intro.md", post(conversation(("Ann", "There."), ("Bob", "Yes."))))
    site.build()
    site.build(dirty=dirty)  # the first build's records as a warm build finds them
    path = cache_dir(site) / "side-files-memo.json"
    before = path.stat()
    new_process()  # the next `mkdocs build`
    site.build(dirty=dirty)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("languages", ["one", "two"])
def test_a_warm_build_of_unchanged_pages_writes_no_memo(site: Site, languages: str) -> None:
    """Nothing changed, nothing learnt: a warm build writes none of the cache folder's memos (each write is a
    JSON dump of the whole table and a file replaced, on every save under `mkdocs serve`)."""
    if languages == "two":
        translated_site(site, 2)
    else:
        for name, text in TALKS.items():
            site.write(name, text)
    site.build()
    settle(site)
    site.build()

    def stamps() -> dict[str, tuple[int, int]]:
        return {
            path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in cache_dir(site).glob("*-memo*.json")
        }

    before = stamps()
    for _ in range(2):
        site.build()
        now = stamps()
        assert sorted(name for name in now if now[name] != before.get(name)) == [], "a warm build wrote a memo"


def test_a_warm_build_replays_a_translation_whose_renamed_speaker_follows_the_original_s(site: Site) -> None:
    """`Animateur`, paired by its turns with its original's `Host`, is not written into the voice map (every build
    pairs it again, so a voice changed for Host is Animateur's too): its page was planned again on every warm build
    (review r-opts2). The page memo records the pairing: a warm build replays both pages, and a voice changed for
    Host plans the translation again, in Host's new voice."""
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "Bye.")]
    site.write("talk.md", post(conversation(*turns), title="Talk"))
    french = [("Animateur", "Bienvenue."), ("Invité", "Merci."), ("Animateur", "Salut.")]
    site.write("talk-fr.md", post(conversation(*french), title="Causerie", lang="fr", translation_of="talk.md"))
    warm_site(site)
    site.build()
    session = site.plugin.session
    assert session.replayed == 4 and session.scanned == 0, "a warm build planned the translation again"
    assert session.renderer.prepared == 0
    assert "Animateur" not in site.voice_map()["espeak"]["talk.md"]
    assert site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")["voices"]["Animateur"].endswith("+m3")
    voices = site.root / "convaudio-voices.yml"
    voices.write_text(voices.read_text("utf-8").replace("    Host: m3\n", "    Host: m6\n"), "utf-8")
    site.build()
    assert site.plugin.session.replayed == 2, "the original or its translation was replayed in Host's former voice"
    assert site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")["voices"]["Animateur"].endswith("+m6")
    assert "Animateur" not in site.voice_map()["espeak"]["talk.md"]
    settle(site)
    site.build()
    assert site.plugin.session.replayed == 4 and site.plugin.session.scanned == 0, "not warm again after the change"
    # a voice written for Animateur by hand wins, and the page is planned once for it
    voices.write_text(voices.read_text("utf-8").replace("    Host: m6\n", "    Animateur: m5\n    Host: m6\n"), "utf-8")
    site.build()
    assert site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")["voices"]["Animateur"].endswith("+m5")
    settle(site)
    site.build()
    assert site.plugin.session.replayed == 4 and site.plugin.session.scanned == 0
    assert site.timings(site.site / "assets/convaudio/talk-fr-1.mp3")["voices"]["Animateur"].endswith("+m5")


def test_posts_that_set_no_show_of_their_own_share_the_site_s_planned_once(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm build plans the site's production once for every post whose front matter sets none of music,
    intro, outro or video (most posts: it was planned again for each, a replayed page too); a post that sets one
    is planned on its own, and gets its own."""
    from mkdocs_convaudio.showplan import ShowPlanner

    talk = conversation(("A", "Hello there."), ("B", "Hi."))
    for number in range(4):
        site.write(f"plain-{number}.md", post(talk, title=f"Plain {number}"))
    site.write("own.md", "---\naudio: true\naudio_music: none\nvideo: false\n---\n\n" + talk)
    site.build()
    settle(site)
    site.build()
    planned: list[str] = []
    shows: dict[str, int] = {}
    plan, public = ShowPlanner._plan, ShowPlanner.plan

    def counted(self: ShowPlanner, src_path: str, meta: Any, markdown: str) -> Any:
        planned.append(src_path)
        return plan(self, src_path, meta, markdown)

    def given(self: ShowPlanner, src_path: str, meta: Any, markdown: str) -> Any:
        show = public(self, src_path, meta, markdown)
        shows[src_path] = id(show)
        return show

    monkeypatch.setattr(ShowPlanner, "_plan", counted)
    monkeypatch.setattr(ShowPlanner, "plan", given)
    site.build()
    assert len(planned) == 2, planned  # one of the plain posts, for all four; and `own.md`
    assert "own.md" in planned
    assert len(shows) == 5
    assert len(set(shows.values())) == 2  # the plain posts' one, and `own.md`'s


def test_a_path_that_names_no_language_is_told_without_splitting_it() -> None:
    """`markers` answers a path whose parts hold no two letters in a row (`post-001.md`, once a build for each
    page of the site) without splitting it; what it answers is what the full work gives, for every mix of folders,
    suffixes, extensions, dots and dashes below."""
    import itertools

    from mkdocs_convaudio.voices import translations as module

    def by_splitting(src_path: str) -> list[str]:
        folders, stem, _ = module._split(src_path)
        found = [module.normal(suffix)] if (suffix := module._suffix(stem)) else []
        found.extend(module.normal(part) for part in reversed(folders) if module.is_language_code(part))
        return list(dict.fromkeys(found))

    parts = ["", "fr", "FR", "pt_BR", "zh-Hant", "HANT", "000", "x1", "en ", ".", "-", "_", "blog", "talk-fr", "k2"]
    parts += ["jp", "i", "/", "\u212a"]  # a Kelvin sign lowers to an ASCII `k`: such a path takes the full work
    asked = 0
    for one, two in itertools.product(parts, repeat=2):
        for ext in ("", ".md", ".fr.md", "-fr.md", ".", "..md"):
            for path in (one + two + ext, f"{one}/{two}{ext}", f"{one}-{two}{ext}", f"{one}.{two}{ext}"):
                assert module.markers(path) == by_splitting(path), path
                asked += 1
    assert asked == 19 * 19 * 6 * 4
    calls: list[str] = []
    split = module._split
    module._split = lambda path: calls.append(path) or split(path)  # type: ignore[assignment,func-returns-value]
    try:
        assert module.markers("blog/2024/post-001.md") == []
        assert module.markers("blog/fr/talk-fr.md") == ["fr"]
    finally:
        module._split = split
    assert calls == ["blog/fr/talk-fr.md"]
