"""Warm builds do no work twice: cached MP3s are hashed once, spoken text is spelled out once, files are linked."""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile
import yaml
from mkdocs.exceptions import Abort

from mkdocs_convaudio.store.cache import RACY_NS, AudioCache
from mkdocs_convaudio.store.memo import Memo
from mkdocs_convaudio.text import spoken_memo
from mkdocs_convaudio.text.spoken import Entry, Lexicon, spoken_text
from mkdocs_convaudio.text.spoken_memo import SpokenMemo, code_version
from tests.sites import Site, conversation, post, static_i18n
from tests.test_spoken_text import TABLE

KEY = "ab" * 32


def cached_conversation(root: Path) -> Path:
    """A real MP3 (a second of tone) and its timings in the cache, as a build leaves them."""
    tone = (0.2 * np.sin(np.arange(24_000) * 2 * np.pi * 440 / 24_000)).astype(np.float32)
    cache = AudioCache(root)
    cache.put_conversation(KEY, lambda path: soundfile.write(path, tone, 24_000, format="MP3"), {"lines": []})
    return cache.conversation_mp3(KEY)


def clocked_cache(root: Path) -> tuple[AudioCache, list[float]]:
    """The cache with a clock that starts at the wall clock's time and moves on only when the cache sleeps (what
    it slept is listed): waiting for files to settle costs a test no real time."""
    cache = AudioCache(root)
    slept: list[float] = []
    start = time.time_ns()
    cache.clock_ns = lambda: start + int(sum(slept) * 1e9)
    cache.sleep = slept.append
    return cache, slept


def later_build(root: Path) -> AudioCache:
    """The cache as the next build opens it: its clock well past the racy window of files written just now."""
    cache = AudioCache(root)
    cache.clock_ns = lambda: time.time_ns() + 10 * RACY_NS
    return cache


def wait_for_file_clock(after: Path, probe: Path) -> None:
    """Until the file system's clock (coarse: it ticks every few milliseconds) has moved past `after`'s times."""
    while True:
        probe.write_bytes(b"tick")
        if probe.stat().st_ctime_ns > after.stat().st_ctime_ns:
            return


def test_warm_build_hashes_no_unchanged_mp3_and_catches_a_same_size_rewrite(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    mp3 = cached_conversation(root)

    first = later_build(root)
    assert first.verify_conversation(KEY).ok and first.hashed == 2  # the MP3 and its timings, once
    first.save_memo()

    second = later_build(root)
    assert second.verify_conversation(KEY).ok
    assert second.hashed == 0, "an unchanged cached MP3 was hashed again on a warm build"
    second.save_memo()

    wait_for_file_clock(mp3, tmp_path / "probe")
    data = bytearray(mp3.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: same size, same inode
    mp3.write_bytes(bytes(data))
    third = later_build(root)
    verdict = third.verify_conversation(KEY)
    assert not verdict.ok and verdict.reason == "its MP3 checksum does not match", verdict
    assert not mp3.exists()  # discarded, assembled again by the build


def test_a_file_written_just_now_is_remembered_only_once_hashed_again_when_settled(tmp_path: Path) -> None:
    """Within the file clock's tick a rewrite could keep the file's times: a fresh entry is not remembered by its
    stamps as verified, but checked once more when the memos are saved, once its times are settled (a cache
    saved right after a cold build was hashed in full by every later build). A rewrite in that tick is caught."""
    root = tmp_path / "cache"
    cached_conversation(root)
    now, slept = clocked_cache(root)  # its clock: the same moment the entry was written
    assert now.verify_conversation(KEY).ok
    now.save_memo()
    assert 0 < sum(slept) <= RACY_NS / 1e9 + 0.001, slept  # waited on its clock, once; no real sleep
    again = AudioCache(root)
    assert again.verify_conversation(KEY).ok and again.hashed == 0
    mp3 = cached_conversation(tmp_path / "other")
    now, _slept = clocked_cache(tmp_path / "other")
    assert now.verify_conversation(KEY).ok
    info = mp3.stat()
    damaged = bytearray(mp3.read_bytes())
    damaged[-1] ^= 1
    mp3.write_bytes(damaged)  # same size, and its times put back: only its bytes tell
    os.utime(mp3, ns=(info.st_atime_ns, info.st_mtime_ns))
    now.save_memo()
    verdict = AudioCache(tmp_path / "other").verify_conversation(KEY)
    assert not verdict.ok and "checksum" in verdict.reason, verdict


def test_warm_build_does_not_touch_unchanged_entries(tmp_path: Path) -> None:
    """Marking an entry as used changes its times (and so the memo's stamp): done at most once an hour."""
    root = tmp_path / "cache"
    mp3 = cached_conversation(root)
    before = mp3.stat()
    assert later_build(root).verify_conversation(KEY).ok
    assert mp3.stat().st_ctime_ns == before.st_ctime_ns and mp3.stat().st_mtime_ns == before.st_mtime_ns
    hours_ago = time.time() - 2 * 3600
    os.utime(mp3, (hours_ago, hours_ago))
    assert later_build(root).verify_conversation(KEY).ok
    assert mp3.stat().st_mtime > hours_ago + 3600  # a day-old entry is marked as used (cache prune keeps it)


def test_spoken_text_memo_gives_the_same_text_without_spelling_lines_out_again(tmp_path: Path) -> None:
    path = tmp_path / "spoken-memo.json"
    lexicon = Lexicon(sections={"all": [Entry("SPI", "S P I")]})
    spoken_memo._process.clear()
    cold = SpokenMemo(Memo(path, code_version()), lexicon)
    assert [cold.spoken(line, language) for line, language, _ in TABLE] == [
        spoken_text(line, language, lexicon) for line, language, _ in TABLE
    ]
    assert cold.computed == len({(line, language) for line, language, _ in TABLE})
    assert cold.memo is not None
    cold.memo.save()

    spoken_memo._process.clear()  # a new build process
    warm = SpokenMemo(Memo(path, code_version()), lexicon)
    assert [warm.spoken(line, language) for line, language, _ in TABLE] == [said for _, _, said in TABLE]
    assert warm.computed == 0, "a warm build spelled lines out again"

    other = SpokenMemo(Memo(path, code_version()), Lexicon(sections={"all": [Entry("SPI", "spy")]}))
    assert other.spoken("The SPI bus.", "en") == "The spy bus." and other.computed == 1  # the lexicon is in the key
    stale = SpokenMemo(Memo(path, "another version of the rules"), lexicon)
    stale.spoken("The SPI bus.", "en")
    assert stale.computed == 1  # the code's version is in the key


def test_site_audio_is_linked_not_copied(site: Site) -> None:
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi."))))
    site.build()
    site.build()  # a warm build into a cleaned site folder
    [mp3] = site.audio_files()
    assert mp3.stat().st_nlink >= 2  # the published copy in the cache folder, and this one: no audio bytes written
    script = mp3.parent / "convaudio.js"
    assert script.is_file() and script.stat().st_nlink == 1  # copied: a minifier may rewrite it in place


@pytest.mark.parametrize("tags", [False, True])
def test_a_dirty_build_after_an_undone_edit_publishes_the_audio_the_page_shows(site: Site, tags: bool) -> None:
    """`mkdocs build --dirty` (and `serve --dirty`) copy a file only when its source is newer than the copy in the
    site: an undone edit brings back an older published file, and the site kept the edit's MP3 and timings
    against the page's transcript (bug bash 70)."""
    site.plugin_options["tags"] = tags
    first = post(conversation(("A", "First version of the line."), ("B", "Okay.")))
    site.write("t.md", first)
    site.build()
    site.write("t.md", post(conversation(("A", "Second, much longer version of the line here."), ("B", "Okay."))))
    site.build(dirty=True)
    site.write("t.md", first)
    site.build(dirty=True)
    published = site.root / ".cache/plugin/convaudio/site/assets/convaudio"
    for name in ("t-1.mp3", "t-1.json", "t-1.vtt"):
        in_site = site.root / "site/assets/convaudio" / name
        assert in_site.read_bytes() == (published / name).read_bytes(), name
    assert "First version" in (site.root / "site/assets/convaudio/t-1.json").read_text(encoding="utf-8")


def _written_a_while_ago(*paths: Path) -> None:
    for path in paths:  # so that a page's HTML is newer than its own file, as after any real build
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10_000_000_000))


def test_a_dirty_build_rebuilds_a_page_whose_dialogue_file_or_voice_map_changed(site: Site) -> None:
    """`build --dirty` and `serve --dirty` rebuild only pages whose own file changed: an edited dialogue file kept
    the page's old transcript and MP3, and a voice changed in the voice map kept the old voice (bug bash 95)."""
    script = site.docs / "talks/ep.json"
    script.parent.mkdir(parents=True)
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Hi."}]))
    site.write("page.md", post("[Script](talks/ep.json)\n"))
    site.write("other.md", post(conversation(("A", "Another page."), ("B", "Yes."))))
    _written_a_while_ago(site.docs / "page.md", site.docs / "other.md")
    site.build()
    other = site.site / "other.html"
    built = other.stat().st_mtime_ns
    html = site.site / "page.html"
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome again."}, {"speaker": "B", "line": "Hi."}]))
    summary = site.build(dirty=True)
    assert summary.conversations == 1 and summary.synthesized == 1  # the page, not the other one
    assert "Welcome again." in html.read_text(encoding="utf-8")
    assert other.stat().st_mtime_ns == built  # a page with nothing changed is still skipped
    [mp3] = [path for path in site.audio_files() if path.name.startswith("ep")]
    assert site.timings(mp3)["lines"][0]["text"] == "Welcome again."
    voices = site.root / "convaudio-voices.yml"
    table = site.voice_map()
    before = table["espeak"]["other.md"]["A"]
    table["espeak"]["other.md"]["A"] = "f2" if before != "f2" else "m5"
    voices.write_text(yaml.safe_dump(table), encoding="utf-8")
    site.build(dirty=True)
    assert other.stat().st_mtime_ns != built  # every audio page: the voice map names their voices
    [mp3] = [path for path in site.audio_files() if path.name.startswith("other")]
    assert site.timings(mp3)["voices"]["A"].endswith(table["espeak"]["other.md"]["A"])


def test_a_dirty_build_says_a_linked_dialogue_file_is_gone(site: Site) -> None:
    """A dialogue file deleted since the last build: its page is built again, and the build says the file is gone
    (the page kept its old player and transcript, review 101)."""
    script = site.docs / "talks/ep.json"
    script.parent.mkdir(parents=True)
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Hi."}]))
    site.write("page.md", post("[Script](talks/ep.json)\n"))
    _written_a_while_ago(site.docs / "page.md")
    site.build()
    script.unlink()
    with pytest.raises(Abort):
        site.build(dirty=True)
    assert any("page.md:5: the dialogue file 'talks/ep.json' does not exist" in error for error in site.warnings())


def test_a_dirty_build_rebuilds_the_audio_pages_when_a_shows_sound_changed(site: Site) -> None:
    """A page's own music bed (like its intro, outro or cover, or the site's) is part of its MP3: a dirty build after
    it changed rebuilt nothing (review 101)."""
    from tests.test_show import drone

    media = site.root / "media"
    media.mkdir()
    drone(media / "bed.wav")
    site.write("talk.md", post(conversation(("A", "A produced page."), ("B", "Yes.")), audio_music="media/bed.wav"))
    _written_a_while_ago(site.docs / "talk.md")
    site.build()
    [mp3] = site.audio_files()
    before = mp3.read_bytes()
    drone(media / "bed.wav", seconds=2.0)  # another bed
    site.build(dirty=True)
    assert site.audio_files()[0].read_bytes() != before


def test_a_dirty_build_rebuilds_the_audio_pages_when_the_plugins_options_changed(site: Site) -> None:
    """Another bed or a longer lead in mkdocs.yml changes every MP3: a dirty build (`mkdocs serve --dirty`, which
    builds again when mkdocs.yml changes) kept the old MP3 and the old duration (bug bash 111)."""
    from tests.test_show import drone

    media = site.root / "media"
    media.mkdir()
    drone(media / "bed.wav")
    site.plugin_options.update(music="media/bed.wav")
    site.write("talk.md", post(conversation(("A", "A produced page."), ("B", "Yes."))))
    site.write("plain.md", "# No audio\n")
    _written_a_while_ago(site.docs / "talk.md")
    _written_a_while_ago(site.docs / "plain.md")
    site.build()
    [mp3] = site.audio_files()
    before = site.timings(mp3)["duration"]
    plain = (site.site / "plain.html").stat().st_mtime_ns
    site.plugin_options.update(music_lead=6)
    site.build(dirty=True)
    assert site.timings(site.audio_files()[0])["duration"] > before + 6
    assert (site.site / "plain.html").stat().st_mtime_ns == plain  # a page without audio is still skipped
    built = (site.site / "talk.html").stat().st_mtime_ns
    site.build(dirty=True)  # the options unchanged since: the page is skipped again
    assert (site.site / "talk.html").stat().st_mtime_ns == built


def test_a_dirty_build_that_gives_out_a_voice_leaves_the_pages_it_skips_whole(site: Site) -> None:
    """MkDocs asks whether a page changed before reading it and again before writing it; the voice map this build
    saves in between made the second answer yes, and a page never read was written as "None" (review 101)."""
    site.write("one.md", post(conversation(("A", "The first page."), ("B", "Yes."))))
    site.write("two.md", post(conversation(("A", "The second page."), ("B", "Yes."))))
    _written_a_while_ago(site.docs / "one.md", site.docs / "two.md")
    site.build()
    site.write(
        "new.md",
        post(
            conversation(
                ("Zed", "A new speaker."),
            )
        ),
    )
    site.build(dirty=True)  # gives Zed a voice: the voice map is saved
    for page in ("one.html", "two.html"):
        html = site.html(page)
        assert "None</div>" not in html and "page." in html, page
    assert "A new speaker." in site.html("new.html")


def test_a_dirty_build_with_static_i18n_rebuilds_both_languages_of_an_edited_dialogue(site: Site) -> None:
    """mkdocs-static-i18n makes each language's pages anew after the plugin's `on_files`: the check set on the
    first ones was lost (review 101)."""
    static_i18n(site)
    script = site.docs / "talks/ep.json"
    script.parent.mkdir(parents=True)
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Hi."}]))
    site.write("ep.md", post("[Script](talks/ep.json)\n"))
    site.write("ep.fr.md", post("[Script](talks/ep.json)\n", lang="fr"))
    _written_a_while_ago(site.docs / "ep.md", site.docs / "ep.fr.md")
    site.build()
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome again."}, {"speaker": "B", "line": "Hi."}]))
    site.build(dirty=True)
    assert "Welcome again." in site.html("ep.html") and "Welcome again." in site.html("fr/ep.html")


def test_a_dirty_build_with_static_i18n_skips_pages_the_voice_maps_own_saves_did_not_touch(site: Site) -> None:
    """The French build saves its new speakers' voices after the English pages were written: the next `--dirty`
    build rebuilt every English audio page, the voice map being newer than their HTML (bug bash 119). A change to
    the voice map by hand still rebuilds the audio pages of every language. (A French-only post's speakers are the
    French build's new voices: a translation's renamed speaker, `C` for `B`, is paired by every build and no longer
    written into the map.)"""
    static_i18n(site)
    site.write("talk.md", post(conversation(("A", "Welcome back."), ("B", "Hi."))))
    site.write("talk.fr.md", post(conversation(("A", "Bon retour."), ("C", "Salut.")), lang="fr"))
    site.write("only.fr.md", post(conversation(("X", "Seulement en français."), ("Y", "Oui.")), lang="fr"))
    _written_a_while_ago(site.docs / "talk.md", site.docs / "talk.fr.md", site.docs / "only.fr.md")
    site.build()
    english, french = site.site / "talk.html", site.site / "fr/talk.html"
    built = english.stat().st_mtime_ns, french.stat().st_mtime_ns
    assert "X" in site.voice_map()["espeak"]["only.md"]  # saved by the French build
    site.build(dirty=True)
    # (mkdocs-static-i18n itself writes every page of its other languages again at each `--dirty` build, plain
    # pages too: the French one is not looked at here)
    assert english.stat().st_mtime_ns == built[0]

    table = site.voice_map()
    table["espeak"]["talk.md"]["A"] = "f2" if table["espeak"]["talk.md"]["A"] != "f2" else "m5"
    (site.root / "convaudio-voices.yml").write_text(yaml.safe_dump(table), encoding="utf-8")
    site.build(dirty=True)
    assert english.stat().st_mtime_ns != built[0] and french.stat().st_mtime_ns != built[1]
    talks = [path for path in site.audio_files() if path.name.startswith("talk")]
    assert len(talks) == 2  # English and French
    for mp3 in talks:
        assert site.timings(mp3)["voices"]["A"].endswith(table["espeak"]["talk.md"]["A"]), mp3


def test_a_dirty_build_rebuilds_a_material_blog_post_whose_dialogue_file_changed(site: Site) -> None:
    """Material's blog plugin has its posts excluded when the plugin marks the pages to check, and includes them
    later: an edited dialogue file of a post kept its old transcript under `--dirty` (bug bash 102)."""
    site.config.update(theme={"name": "material"}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    script = site.docs / "dialogues/ep.json"
    script.parent.mkdir(parents=True)
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome."}, {"speaker": "B", "line": "Hi."}]))
    site.write(
        "blog/posts/talk.md", post("# Talk\n\n[Script](../../dialogues/ep.json)\n", date=datetime.date(2026, 11, 20))
    )
    _written_a_while_ago(site.docs / "blog/posts/talk.md")
    site.build()
    script.write_text(json.dumps([{"speaker": "A", "line": "Welcome back again."}, {"speaker": "B", "line": "Hi."}]))
    summary = site.build(dirty=True)
    assert summary.conversations == 1 and summary.synthesized == 1
    assert "Welcome back again." in site.html("blog/2026/11/20/talk/index.html")


def test_a_dirty_build_that_failed_leaves_the_options_change_to_the_next(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The options' digest was recorded before the audio was made: a `--dirty` build that failed then (an outage,
    Ctrl-C) left the next one taking the new options for old, and the old MP3 stayed (review 115)."""
    from mkdocs.exceptions import Abort

    from mkdocs_convaudio.errors import ConvaudioError
    from mkdocs_convaudio.render import Renderer
    from tests.test_show import drone

    (site.root / "media").mkdir()
    drone(site.root / "media/bed.wav")
    site.plugin_options.update(music="media/bed.wav")
    site.write("talk.md", post(conversation(("A", "A produced page."), ("B", "Yes."))))
    _written_a_while_ago(site.docs / "talk.md")
    site.build()
    before = site.timings(site.audio_files()[0])["duration"]
    site.plugin_options.update(music_lead=6)

    def outage(*args: object, **kwargs: object) -> None:
        raise ConvaudioError("the provider did not answer")

    with monkeypatch.context() as failing:
        failing.setattr(Renderer, "render", outage)
        with pytest.raises(Abort):
            site.build(dirty=True)
    site.build(dirty=True)
    assert site.timings(site.audio_files()[0])["duration"] > before + 6


@pytest.mark.parametrize("trouble", ["broken", "missing"])
def test_a_dirty_build_brings_the_player_back_when_a_linked_file_is_mended(site: Site, trouble: str) -> None:
    """A dialogue file saved half-typed (or moved away) left its page without a player, and the page's record
    then forgot the file: fixed, it never brought the player back under `serve --dirty` (bug bash 116)."""
    script = site.docs / "ep.json"
    good = json.dumps([{"speaker": "A", "line": "Hello there, fixed."}, {"speaker": "B", "line": "Hi."}])
    script.write_text(json.dumps([{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi."}]))
    site.write("post.md", post("[Script](ep.json)\n"))
    _written_a_while_ago(site.docs / "post.md")
    site.build()
    if trouble == "broken":
        script.write_text('[\n {"speaker": "A", "line": "Hello th\n')
        site.build(dirty=True)
        assert "<audio" not in (site.site / "post.html").read_text(encoding="utf-8")  # the link alone, as said
    else:
        script.rename(site.root / "away.json")
        with pytest.raises(Abort):
            site.build(dirty=True)
    script.write_text(good)
    site.build(dirty=True)
    html = (site.site / "post.html").read_text(encoding="utf-8")
    assert "Hello there, fixed." in html and "<audio" in html


def test_a_dirty_build_brings_back_one_of_two_conversations_when_its_file_is_mended(site: Site) -> None:
    """A page links two dialogue files, one saved half-typed: the page kept the other's player and forgot the
    broken file, so mending it never brought its player back under `--dirty` (review 117)."""
    one, two = site.docs / "one.json", site.docs / "two.json"
    one.write_text(json.dumps([{"speaker": "A", "line": "First talk."}, {"speaker": "B", "line": "Yes."}]))
    two.write_text(json.dumps([{"speaker": "A", "line": "Second talk."}, {"speaker": "B", "line": "Yes."}]))
    site.write("post.md", post("[One](one.json)\n\n[Two](two.json)\n"))
    _written_a_while_ago(site.docs / "post.md")
    site.build()
    two.write_text('[\n {"speaker": "A", "line": "Second ta\n')
    site.build(dirty=True)
    assert "Second talk" not in (site.site / "post.html").read_text(encoding="utf-8")
    site.build(dirty=True)  # replayed from the memo while it is broken: still watched
    two.write_text(json.dumps([{"speaker": "A", "line": "Second talk fixed."}, {"speaker": "B", "line": "Yes."}]))
    site.build(dirty=True)
    assert "Second talk fixed." in (site.site / "post.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("change", ["added", "removed"])
@pytest.mark.parametrize("layout", ["marker", "static-i18n"])
def test_a_dirty_build_rebuilds_a_page_whose_link_a_new_or_gone_translation_opens(
    site: Site, monkeypatch: pytest.MonkeyPatch, layout: str, change: str
) -> None:
    """`<!-- convaudio: lang=fr -->` above `ep.json`, and mkdocs-static-i18n's `page.fr.md` linking it, open
    `ep.fr.json` when it is there: a `--dirty` build after it was added kept `ep.json`'s English read by the French
    voice (a plain build opened it), and one after it was removed the French transcript of a file gone."""
    import sys

    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--dirty"])  # as mkdocs-static-i18n reads it
    english = [{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Hi."}]
    french = [{"speaker": "A", "line": "Bon retour."}, {"speaker": "B", "line": "Salut."}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    translation = site.docs / "ep.fr.json"
    if change == "removed":
        translation.write_text(json.dumps(french), encoding="utf-8")
    if layout == "marker":
        site.write("page.md", post("<!-- convaudio: lang=fr -->\n[Script](ep.json)\n", lang="en"))
        french_page = "page.html"
    else:
        static_i18n(site)
        site.write("page.md", post("[Script](ep.json)\n"))
        site.write("page.fr.md", post("[Script](ep.json)\n", lang="fr"))
        french_page = "fr/page.html"
    site.write("other.md", post(conversation(("A", "Another page."), ("B", "Yes."))))
    _written_a_while_ago(*site.docs.iterdir())
    site.build()
    other = site.site / "other.html"
    built = other.stat().st_mtime_ns
    if change == "added":
        translation.write_text(json.dumps(french), encoding="utf-8")
    else:
        translation.unlink()
    site.build(dirty=True)
    html = site.html(french_page)
    opened = change == "added"
    assert ("Bon retour." in html, "Welcome back." in html) == (opened, not opened)
    assert ("ep.fr.mp3" in html, "ep-fr.mp3" in html) == (opened, not opened)
    assert other.stat().st_mtime_ns == built  # a page with nothing changed is still skipped
