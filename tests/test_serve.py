"""`mkdocs serve`: the voice map and dialogue files are watched, and a rebuild re-renders only what changed."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import weakref
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from mkdocs_convaudio.plugin import _unwatched
from mkdocs_convaudio.voices.voice_map import VoiceMap
from tests.sites import Site, conversation, decode, post


def test_serve_watches_voice_map_and_dialogue_files(site: Site) -> None:
    dialogue = site.write(
        "talks/one.json", json.dumps([{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Yo."}])
    )
    site.write("index.md", post("[script](talks/one.json)\n"))
    assert site.build().synthesized == 2
    config = load_config(config_file=str(site.root / "mkdocs.yml"))
    build(config, serve_url="http://127.0.0.1:8000/")  # what `mkdocs serve` runs per change
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    server.watch(config.docs_dir)  # as `mkdocs serve` does before the plugins' on_serve
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    watched = {Path(path).resolve() for path in server._watched_paths}
    assert (site.root / "convaudio-voices.yml").resolve() in watched
    # the dialogue file is watched through docs_dir alone: watched twice, each save was two rebuilds
    assert [path for path in watched if dialogue.resolve().is_relative_to(path)] == [site.docs.resolve()], watched
    # an edit to one line of the dialogue file: the next rebuild synthesizes that line only
    dialogue.write_text(json.dumps([{"speaker": "A", "line": "Hi."}, {"speaker": "B", "line": "Hello."}]))
    assert site.build().synthesized == 1


def _conversations(site: Site) -> dict[str, float]:
    """The cache's conversation MP3s, by key, with their modification times."""
    folder = site.root / ".cache/plugin/convaudio/conversations"
    return {path.stem: path.stat().st_mtime_ns for path in folder.glob("*.mp3")}


def test_saves_under_serve_keep_the_conversation_in_use_and_the_one_before(site: Site, monkeypatch: Any) -> None:
    """Each save of a conversation under `mkdocs serve` assembled a new MP3 and kept every earlier one until
    `cache prune` (bug bash 116: 7 MB a save of a 14-minute conversation). What this process made and two later
    versions replaced is removed; an edit undone is published at once; an entry made before the process started, or
    while another build holds the cache, is kept (then removed at the next build)."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())  # a process starting now
    lines = [("A", "Welcome back."), ("B", "Today: bread.")]
    versions: list[str] = []

    def save(line: str) -> str:
        before = set(_conversations(site))
        site.write("talk.md", post(conversation(lines[0], ("B", line))))
        site.build()
        [mp3] = site.audio_files()
        samples, rate = decode(mp3)
        assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.06)
        made = set(_conversations(site)) - before
        versions.extend(made)
        return made.pop() if made else ""

    first = save("Today: bread.")
    second = save("Today: rye.")
    assert set(_conversations(site)) == {first, second}  # the one before is kept
    third = save("Today: spelt.")
    assert set(_conversations(site)) == {second, third}  # the first is gone: two saves replaced it
    kept = _conversations(site)
    assert save("Today: rye.") == "" and _conversations(site) == kept  # undone: published as it was, not assembled
    assert site.summary().synthesized == 0

    # a new process: what the last one made is not its own
    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    fourth, fifth = save("Today: oats."), save("Today: millet.")
    assert set(_conversations(site)) == {second, third, fourth, fifth}
    # another build holds the cache (as `render` would): nothing is removed while it runs
    from mkdocs_convaudio.store.locks import CacheLocks

    with CacheLocks(site.root / ".cache/plugin/convaudio").building():
        sixth = save("Today: barley.")
        assert fourth in _conversations(site)
    seventh = save("Today: corn.")
    assert set(_conversations(site)) == {second, third, sixth, seventh}
    assert len(versions) == 7 and len(set(versions)) == 7


def test_a_version_another_page_still_plays_is_kept(site: Site, monkeypatch: Any) -> None:
    """Two pages with the same conversation share its MP3: edits of one page never remove what the other plays."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    talk = conversation(("A", "Welcome back."), ("B", "Today: bread."))
    site.write("one.md", post(talk))
    site.build()
    [(shared, made)] = _conversations(site).items()
    site.write("two.md", post(talk))  # found in the cache: made for the other page
    for line in ("rye", "spelt", "oats"):
        site.write("one.md", post(conversation(("A", "Welcome back."), ("B", f"Today: {line}."))))
        site.build()
    # two's, never removed (nor assembled again), and one's last two
    assert _conversations(site)[shared] == made and len(_conversations(site)) == 3
    [two] = [mp3 for mp3 in site.audio_files() if mp3.name.startswith("two")]
    samples, rate = decode(two)
    assert len(samples) / rate == pytest.approx(site.timings(two)["duration"], abs=0.06)


def _published(site: Site) -> list[str]:
    """The files in the cache's published folder."""
    folder = site.root / ".cache/plugin/convaudio/site"
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_a_page_renamed_under_serve_leaves_no_published_files_nor_entry(site: Site, monkeypatch: Any) -> None:
    """A page renamed under `mkdocs serve` left its old name's MP3, timings and captions in the cache's published
    folder, and the conversation made for it in the cache, until `cache prune` (bug bash 149): the old placement
    kept it in use for the whole session. Its files go at the rebuild that finds the page gone; the conversation,
    which the new name plays, goes once two of its edits replaced it, as any version does. A page deleted and
    restored is published again, from its cached lines."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("talk.md", post(conversation(("A", "Welcome back."), ("B", "Today: bread."))))
    site.build()
    [first] = _conversations(site)
    (site.docs / "talk.md").rename(site.docs / "chat.md")
    site.build()
    assert _published(site) == [
        "assets/convaudio/chat-1.json",
        "assets/convaudio/chat-1.mp3",
        "assets/convaudio/chat-1.vtt",
    ]
    for line in ("rye", "spelt"):
        site.write("chat.md", post(conversation(("A", "Welcome back."), ("B", f"Today: {line}."))))
        site.build()
    assert first not in _conversations(site) and len(_conversations(site)) == 2
    (site.docs / "chat.md").unlink()
    site.build()
    assert _published(site) == [] and _conversations(site) == {}
    site.write("chat.md", post(conversation(("A", "Welcome back."), ("B", "Today: spelt."))))
    assert site.build().synthesized == 0
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.06)


def test_a_page_with_sections_renamed_under_serve_leaves_no_chapters_file(site: Site, monkeypatch: Any) -> None:
    """The JSON chapters file published beside a sectioned conversation's MP3 goes with its page, as its captions
    do: renamed under `mkdocs serve`, the old name's file is removed from the cache's published folder."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    turns = [{"speaker": "A", "line": "Welcome back.", "section": "Start"}, {"speaker": "B", "line": "Hi."}]
    site.write("talk.md", post(f"```json\n{json.dumps(turns)}\n```\n"))
    site.build()
    assert "assets/convaudio/talk-1.chapters.json" in _published(site)
    (site.docs / "talk.md").rename(site.docs / "chat.md")
    site.build()
    assert _published(site) == [f"assets/convaudio/chat-1.{kind}" for kind in ("chapters.json", "json", "mp3", "vtt")]
    assert (site.site / "assets/convaudio/chat-1.chapters.json").is_file()


def test_a_video_turned_off_under_serve_leaves_no_published_copy(site: Site, monkeypatch: Any) -> None:
    """A post's `video: true` turned off under `mkdocs serve` left its MP4 in the cache's published folder until
    `cache prune` (the placement's published files only grew over the session). It goes at the rebuild that turns
    it off, from the published folder and the served site; turned on again, the kept video is published again
    without being encoded."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    talk = "# Talk\n\n" + conversation(("A", "Hello there."), ("B", "Hi!"))
    site.write("talk.md", post(talk, video=True))
    _serve(site)
    assert "assets/convaudio/talk-1.mp4" in _published(site)
    site.write("talk.md", post(talk, video=False))
    assert site.build().synthesized == 0
    assert _published(site) == [f"assets/convaudio/talk-1.{kind}" for kind in ("json", "mp3", "vtt")]
    assert not (site.site / "assets/convaudio/talk-1.mp4").exists()
    site.write("talk.md", post(talk, video=True))
    assert site.build().synthesized == 0
    assert not any("made 1 video" in message for message in site.infos())
    assert "assets/convaudio/talk-1.mp4" in _published(site)
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()


def _saved(site: Site, page: str, text: str) -> Path:
    """`site.write` of `page` as a save under `mkdocs serve --dirty` is: after the last build wrote its HTML. MkDocs
    rebuilds a page in a dirty build only when its source's time is later than the HTML's; the writes came 1-2 ms
    after the build, within one tick of a file system's coarse clock (4 ms), which can give both the same time: the
    page was then skipped. The save's time is set 1 ms after the HTML's, however fast the machine or coarse its
    clock."""
    source = site.write(page, text)
    built = (site.site / page).with_suffix(".html").stat()
    os.utime(source, ns=(built.st_atime_ns, built.st_mtime_ns + 1_000_000))
    return source


def test_a_video_and_captions_turned_off_under_serve_dirty_leave_the_served_site(site: Site, monkeypatch: Any) -> None:
    """`mkdocs serve --dirty` does not clean the served site: a post's `video: true` turned off left its MP4 there
    (and `captions: false` its WebVTT file), served at its old URL for the rest of the session. They go at that
    rebuild, as from the cache's published folder; a file of the docs folder at such a URL stays."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    talk = "# Talk\n\n" + conversation(("A", "Hello there."), ("B", "Hi!"))
    site.write("talk.md", post(talk, video=True))
    site.write("other.md", post("# Other\n\n" + conversation(("A", "Bye."), ("B", "Bye!")), video=True))
    _serve(site)
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()
    _saved(site, "talk.md", post(talk, video=False))
    assert site.build(dirty=True).synthesized == 0
    assert not (site.site / "assets/convaudio/talk-1.mp4").exists()
    assert (site.site / "assets/convaudio/other-1.mp4").is_file()  # a page the rebuild skipped keeps its own
    site.plugin_options["captions"] = False
    assert site.build(dirty=True).synthesized == 0
    assert not list(site.site.glob("assets/convaudio/*.vtt"))
    assert (site.site / "assets/convaudio/other-1.mp4").is_file()
    # on again, then off with a file of the docs folder put at its URL in the same save: that file stays
    _saved(site, "talk.md", post(talk, video=True))
    assert site.build(dirty=True).synthesized == 0
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()
    _saved(site, "talk.md", post(talk, video=False))
    site.write("assets/convaudio/talk-1.mp4", "the site's own file")
    assert site.build(dirty=True).synthesized == 0
    assert (site.site / "assets/convaudio/talk-1.mp4").read_text(encoding="utf-8") == "the site's own file"


def test_a_video_and_captions_turned_off_leave_the_site_of_a_dirty_build_in_a_process_of_its_own(
    site: Site, monkeypatch: Any
) -> None:
    """`mkdocs build --dirty` after a build that made a post's video: the video turned off (or captions) stayed in
    the site, which a dirty build does not clean, and was deployed with it. Each build is a process of its own
    here: the conversation's publish record says what the last build published."""
    from mkdocs_convaudio.store import superseded

    talk = "# Talk\n\n" + conversation(("A", "Hello there."), ("B", "Hi!"))
    site.write("talk.md", post(talk, video=True))
    site.write("other.md", post("# Other\n\n" + conversation(("A", "Bye."), ("B", "Bye!")), video=True))
    site.build()
    assert (site.site / "assets/convaudio/talk-1.mp4").is_file()
    _saved(site, "talk.md", post(talk, video=False))
    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())  # a new process
    assert site.build(dirty=True).synthesized == 0
    assert not (site.site / "assets/convaudio/talk-1.mp4").exists()
    assert (site.site / "assets/convaudio/other-1.mp4").is_file()
    site.plugin_options["captions"] = False
    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    assert site.build(dirty=True).synthesized == 0
    assert not list(site.site.glob("assets/convaudio/*.vtt"))
    assert (site.site / "assets/convaudio/other-1.mp4").is_file()


def test_captions_turned_off_under_serve_leave_no_published_captions_file(site: Site, monkeypatch: Any) -> None:
    """`captions: false` saved under `mkdocs serve` left each conversation's WebVTT file in the cache's published
    folder: it goes at that rebuild, as a video turned off does."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    _serve(site)
    site.plugin_options["captions"] = False
    assert site.build().synthesized == 0
    assert _published(site) == ["assets/convaudio/talk-1.json", "assets/convaudio/talk-1.mp3"]


def test_a_page_renamed_under_serve_keeps_another_language_s_files(site: Site, monkeypatch: Any) -> None:
    """mkdocs-static-i18n builds each language in turn: the French page is missing from the English build, not
    gone. Renaming the English page drops its files alone; the French page's files and conversation stay until it
    is renamed too; a page without a translation (which the French build shows in English) goes when renamed."""
    from mkdocs_convaudio.store import superseded
    from tests.sites import static_i18n

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.write("blog/solo.md", post(conversation(("A", "Only in English."), ("B", "Yes."))))
    site.build()
    conversations = set(_conversations(site))
    assert len(conversations) == 3
    (site.docs / "blog/talk.md").rename(site.docs / "blog/chat.md")
    (site.docs / "blog/solo.md").rename(site.docs / "blog/alone.md")
    site.build()
    assert set(_conversations(site)) == conversations
    stems = sorted({name.rsplit(".", 1)[0] for name in _published(site)})
    assert stems == [f"assets/convaudio/blog/{stem}-1" for stem in ("alone", "chat", "talk.fr")]
    assert {mp3.name for mp3 in site.audio_files()} == {"alone-1.mp3", "chat-1.mp3", "talk.fr-1.mp3"}
    (site.docs / "blog/talk.fr.md").rename(site.docs / "blog/chat.fr.md")
    site.build()
    stems = sorted({name.rsplit(".", 1)[0] for name in _published(site)})
    assert stems == [f"assets/convaudio/blog/{stem}-1" for stem in ("alone", "chat", "chat.fr")]
    assert set(_conversations(site)) == conversations


def test_a_page_is_gone_only_when_its_docs_folder_is_there_without_it(tmp_path: Path) -> None:
    """What proves a page gone in every language: its file missing from a docs folder that is there. A docs folder
    a plugin made for one build and removed since (mkdocs-monorepo's), a page another plugin wrote outside it
    (mkdocs-gen-files), or one with no file prove nothing."""
    from mkdocs_convaudio.store.superseded import Source

    docs = tmp_path / "docs"
    (docs / "blog").mkdir(parents=True)
    (docs / "blog" / "talk.md").write_text("x", encoding="utf-8")
    assert not Source(str(docs), str(docs / "blog" / "talk.md")).gone()
    assert Source(str(docs), str(docs / "blog" / "chat.md")).gone()
    assert not Source(str(tmp_path / "merged"), str(tmp_path / "merged" / "talk.md")).gone()
    assert not Source(str(docs), str(tmp_path / "generated" / "talk.md")).gone()
    assert not Source(str(docs), None).gone()


def test_a_page_renamed_in_case_alone_leaves_no_published_files_where_case_matters(
    site: Site, monkeypatch: Any
) -> None:
    """`Talk.md` renamed `talk.md` left `Talk-1.mp3`, `.json` and `.vtt` in the cache's published folder on a file
    system where case matters (Linux): the old files were kept as if they were the new name's, which they are only
    where case is ignored (macOS, Windows). There, the file both names share stays."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("Talk.md", post(conversation(("A", "Welcome back."), ("B", "Today: bread."))))
    site.build()
    (site.docs / "Talk.md").rename(site.docs / "talk.md")
    site.build()
    folder = site.root / ".cache/plugin/convaudio/site/assets/convaudio"
    if (folder / "TALK-1.MP3").exists():  # case ignored: one file for both names, which must stay
        assert (folder / "talk-1.mp3").is_file()
    else:
        assert _published(site) == [f"assets/convaudio/talk-1.{kind}" for kind in ("json", "mp3", "vtt")]


def _french_page_moved_away(site: Site, *, german: bool = False) -> tuple[Path, Path, list[str]]:
    """An i18n site (English and French, and German if asked) whose French talk page is built, then moved away as
    an editor's backup-by-rename does: the page's path, its backup's, and the files published before the move."""
    from tests.sites import static_i18n

    static_i18n(site)
    if german:
        site.config["plugins"][0]["i18n"]["languages"].append({"locale": "de", "name": "Deutsch", "build": True})
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    french = site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    if german:
        site.write("blog/talk.de.md", post(conversation(("A", "Hallo."), ("B", "Servus!"))))
    site.build()
    before = _published(site)
    assert [name for name in before if "talk.fr-1." in name] == [
        f"assets/convaudio/blog/talk.fr-1.{kind}" for kind in ("json", "mp3", "vtt")
    ]
    backup = french.with_name("talk.fr.md~")
    french.rename(backup)  # the editor's backup-by-rename, during the rebuild
    return french, backup, before


def test_a_failed_run_keeps_another_language_s_published_files(site: Site, monkeypatch: Any) -> None:
    """mkdocs-static-i18n: a French page missing for a moment (an editor's backup-by-rename) during a run that then
    fails (a new French post's dialogue file not saved yet) lost its MP3, timings and captions to the English build
    of that run. Another language's clean-up waits for the end of the run, which a failed run never reaches; a
    run that succeeds with the page still gone removes them."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    french, backup, before = _french_page_moved_away(site)
    site.write("blog/next.fr.md", post("[Script](next-fr.json)\n"))
    assert "next-fr.json" in site.build_error()
    assert _published(site) == before  # nothing of the failed run's other language removed
    backup.rename(french)
    site.write("blog/next-fr.json", json.dumps([{"speaker": "A", "line": "Suite."}, {"speaker": "B", "line": "Oui."}]))
    assert site.build().synthesized == 2  # the new post's lines alone
    assert set(before) < set(_published(site))
    mp3 = site.site / "assets/convaudio/blog/talk.fr-1.mp3"
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.06)
    french.unlink()  # gone for good: the run succeeds, and its end removes the French page's files
    site.build()
    assert not [name for name in _published(site) if "talk.fr-1." in name]


def test_pages_gone_from_another_language_s_builds_go_at_the_end_of_the_run(site: Site, monkeypatch: Any) -> None:
    """A page placed by no language's build of mkdocs-static-i18n (the site turned multilingual under `mkdocs
    serve`) and renamed since: no language's build drops it as its own, the end of the run does."""
    from mkdocs_convaudio.store import superseded
    from tests.sites import static_i18n

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.build()
    static_i18n(site)
    (site.docs / "blog/talk.md").rename(site.docs / "blog/chat.md")
    assert site.build().synthesized == 0
    stems = sorted({name.rsplit(".", 1)[0] for name in _published(site)})
    assert stems == ["assets/convaudio/blog/chat-1"]


def _serve(site: Site) -> None:
    """Start `mkdocs serve` on `site`: its first build, then its `on_serve` event. Each rebuild after that is
    `site.build()`: `mkdocs serve` loads the config, and so a new plugin, for each."""
    site.build()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    try:
        site.mkdocs_config.plugins.on_serve(server, config=site.mkdocs_config, builder=lambda: None)
    finally:
        server.server_close()


def _published_stems(site: Site) -> list[str]:
    """The published conversations (each an MP3, timings and captions), by their names without extension."""
    names = _published(site)
    stems = sorted({name.rsplit(".", 1)[0] for name in names})
    assert names == [f"{stem}.{kind}" for stem in stems for kind in ("json", "mp3", "vtt")]
    return stems


def test_a_dialogue_file_renamed_under_serve_leaves_no_published_files(site: Site, monkeypatch: Any) -> None:
    """A dialogue file renamed under `mkdocs serve` (`one.json` to `first.json`, the page linking it edited to
    match) left `one-en.mp3`, its timings and captions in the cache's published folder until `cache prune`: the
    placement was read from the page, which is still there. They go with the dialogue file. A file two pages link
    stays while it is there, as does a file a `--dirty` build did not read; a file deleted goes too."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    lines = [{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Today: bread."}]
    site.write("talks/one.json", json.dumps(lines))
    site.write("talks/two.json", json.dumps(lines[::-1]))
    site.write("talk.md", post("[Script](talks/one.json)\n\n[More](talks/two.json)\n"))
    site.write("more.md", post("[More](talks/two.json)\n"))
    _serve(site)
    assert _published_stems(site) == ["assets/convaudio/talks/one-en", "assets/convaudio/talks/two-en"]
    (site.docs / "talks/one.json").rename(site.docs / "talks/first.json")
    site.write("talk.md", post("[Script](talks/first.json)\n"))
    assert site.build().synthesized == 0
    assert _published_stems(site) == ["assets/convaudio/talks/first-en", "assets/convaudio/talks/two-en"]
    assert {mp3.name for mp3 in site.audio_files()} == {"first-en.mp3", "two-en.mp3"}
    samples, rate = decode(site.site / "assets/convaudio/talks/first-en.mp3")
    assert len(samples) / rate == pytest.approx(
        site.timings(site.site / "assets/convaudio/talks/first-en.mp3")["duration"], abs=0.06
    )
    site.write("more.md", post("[More](talks/two.json)\n\nEdited.\n"))
    site.build(dirty=True)  # reads `more.md` alone
    assert _published_stems(site) == ["assets/convaudio/talks/first-en", "assets/convaudio/talks/two-en"]
    (site.docs / "talks/two.json").unlink()
    site.write("more.md", post("No script any more.\n"))
    site.build()
    assert _published_stems(site) == ["assets/convaudio/talks/first-en"]


def test_a_dialogue_file_renamed_between_builds_not_served_keeps_its_files(site: Site, monkeypatch: Any) -> None:
    """Builds of a site that no `mkdocs serve` serves, in one process (as `mkdocs-convaudio render` runs are, each
    placing a part of a cache folder's site), are not rounds of one session: a dialogue file gone between them
    takes nothing along, and `cache prune` decides (it removed entries prune keeps)."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write(
        "talks/one.json", json.dumps([{"speaker": "A", "line": "Welcome back."}, {"speaker": "B", "line": "Hi."}])
    )
    site.write("talk.md", post("[Script](talks/one.json)\n"))
    site.build()
    (site.docs / "talks/one.json").rename(site.docs / "talks/first.json")
    site.write("talk.md", post("[Script](talks/first.json)\n"))
    site.build()
    assert _published_stems(site) == ["assets/convaudio/talks/first-en", "assets/convaudio/talks/one-en"]


def test_a_dialogue_file_renamed_under_serve_keeps_another_language_s_files(site: Site, monkeypatch: Any) -> None:
    """mkdocs-static-i18n builds each language in turn: the French dialogue file's audio is missing from the
    English build, not gone. Once the French file is deleted, the French page reads the English file, and the
    French file's audio goes; once the English file is renamed, both languages' audio of it go."""
    from mkdocs_convaudio.store import superseded
    from tests.sites import static_i18n

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/ep.json", json.dumps([{"speaker": "A", "line": "Hello there."}, {"speaker": "B", "line": "Hi!"}]))
    site.write(
        "blog/ep.fr.json", json.dumps([{"speaker": "A", "line": "Bonjour."}, {"speaker": "B", "line": "Salut !"}])
    )
    site.write("blog/talk.md", post("[Script](ep.json)\n"))
    site.write("blog/talk.fr.md", post("[Script](ep.json)\n"))
    _serve(site)
    both = _published_stems(site)
    site.build()
    assert _published_stems(site) == both
    (site.docs / "blog/ep.fr.json").unlink()
    site.build()
    assert both == ["assets/convaudio/blog/ep-en", "assets/convaudio/blog/ep.fr"]  # its language said once
    assert _published_stems(site) == ["assets/convaudio/blog/ep-en", "assets/convaudio/blog/ep-fr"]
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert [line["text"] for line in by_language["fr"]["lines"]] == ["Hello there.", "Hi!"]
    (site.docs / "blog/ep.json").rename(site.docs / "blog/first.json")
    site.write("blog/talk.md", post("[Script](first.json)\n"))
    site.write("blog/talk.fr.md", post("[Script](first.json)\n"))
    site.build()
    assert _published_stems(site) == ["assets/convaudio/blog/first-en", "assets/convaudio/blog/first-fr"]


def test_a_strict_run_failing_on_a_warning_keeps_a_missing_french_page_s_files(site: Site, monkeypatch: Any) -> None:
    """The French page missing for a moment (an editor's backup-by-rename) during a `--strict` run that fails on a
    warning of the English build: the French build's own clean-up removed `talk.fr-1.mp3`, its timings and
    captions (review of f917c91). Every language's clean-up waits for the end of a run that succeeds."""
    from mkdocs.exceptions import Abort

    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    _, _, before = _french_page_moved_away(site)
    site.write("blog/draft.md", post("No conversation yet.\n"))  # a warning: the strict run fails
    with pytest.raises(Abort):
        site.build(strict=True)
    assert _published(site) == before  # the failed run removed nothing


def test_a_strict_run_failing_after_every_language_built_keeps_another_language_s_gone_pages(
    site: Site, monkeypatch: Any
) -> None:
    """The end-of-run clean-up is skipped on a `--strict` warning (MkDocs aborts on it after the last
    `on_post_build`). A broken link in the English page alone warns in the outer build only (a warning in every
    language's build aborts the inner build first): every language builds, the run then fails, and the page no
    language's build placed keeps its published files."""
    from mkdocs.exceptions import Abort

    from mkdocs_convaudio.store import superseded
    from tests.sites import static_i18n

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.build()
    before = _published(site)
    static_i18n(site)
    (site.docs / "blog/talk.md").rename(site.docs / "blog/chat.md")
    site.write("blog/draft.md", "# Draft\n\n[x](missing.md)\n")  # a warning of the English build alone
    site.write("blog/draft.fr.md", "# Brouillon\n")
    with pytest.raises(Abort):
        site.build(strict=True)
    assert set(before) < set(_published(site))


def test_a_run_failing_in_a_later_language_keeps_a_missing_french_page_s_files(site: Site, monkeypatch: Any) -> None:
    """English, French and German. The French page is missing for a moment (an editor's backup-by-rename) during a
    rebuild that then fails on a German post whose dialogue file is not saved yet: the French build, which ran
    before the German one, removed `talk.fr-1.mp3`, its timings and captions as its own (review of f917c91)."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    _, _, before = _french_page_moved_away(site, german=True)
    site.write("blog/next.de.md", post("[Skript](next-de.json)\n"))
    assert "next-de.json" in site.build_error()
    assert _published(site) == before  # the failed run removed nothing


def test_a_strict_run_failing_on_a_warning_keeps_a_renamed_page_s_files(site: Site, monkeypatch: Any) -> None:
    """One language: a page renamed during a `--strict` rebuild that then fails on a warning (a broken link
    elsewhere) keeps its old name's published files, as a page missing for a moment must (the failed run's own
    build removed them); the next run that succeeds removes them."""
    from mkdocs.exceptions import Abort

    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    site.write("talk.md", post(conversation(("A", "Welcome back."), ("B", "Today: bread."))))
    site.build()
    before = _published(site)
    assert before == [f"assets/convaudio/talk-1.{kind}" for kind in ("json", "mp3", "vtt")]
    (site.docs / "talk.md").rename(site.docs / "chat.md")
    draft = site.write("draft.md", "# Draft\n\n[x](missing.md)\n")  # a warning: the strict run fails
    with pytest.raises(Abort):
        site.build(strict=True)
    assert set(before) < set(_published(site))
    draft.unlink()
    site.build(strict=True)
    assert _published(site) == [f"assets/convaudio/chat-1.{kind}" for kind in ("json", "mp3", "vtt")]


def test_a_link_to_a_missing_dialogue_file_under_serve_is_a_warning(site: Site, monkeypatch: Any) -> None:
    """A half-typed link (`[Script](nope.json)`) appended to a post under `mkdocs serve` failed the rebuild, and
    the preview stopped reloading until it was mended (bug bash: "the server will appear stuck"). A rebuild warns,
    naming the file and line, and the page keeps its text and its other conversations; `mkdocs build` stops."""
    from mkdocs_convaudio.store import superseded

    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())
    talk = post(conversation(("A", "Welcome back."), ("B", "Today: bread.")))
    site.write("talk.md", talk)
    _serve(site)
    page = site.write("talk.md", f"{talk}\nMore soon. [Script](nope.json)\n")
    line = page.read_text(encoding="utf-8").splitlines().index("More soon. [Script](nope.json)") + 1
    site.build(serve_url="http://127.0.0.1:8000/")
    [warning] = [message for message in site.warnings() if message.startswith("convaudio: talk.md")]
    assert warning.startswith(f"convaudio: talk.md:{line}: the dialogue file 'nope.json' does not exist"), warning
    assert "until then this conversation has no audio" in warning
    assert "More soon." in site.html("talk.html")
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.06)
    monkeypatch.setattr(superseded, "SUPERSEDED", superseded.Superseded())  # `mkdocs build`, another process
    assert f"talk.md:{line}: the dialogue file 'nope.json' does not exist" in site.build_error()


def test_a_voice_map_saved_by_a_rebuild_under_serve_starts_no_other_rebuild(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild under `mkdocs serve` that gives a new speaker a voice saves the voice map, which `mkdocs serve`
    watches: its watch saw the save and MkDocs built the site once more, and reloaded the browser, for nothing new.
    The save is not seen; an edit by hand after it is. Each watch is polled here as MkDocs' polling observer's
    thread polls it, from the file as it was when the watch began."""
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    site.build()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    path = site.root / "convaudio-voices.yml"
    begun: list[Any] = []

    def changes() -> list[str]:
        """What the voice map's watch finds changed since it began (a live observer begins each when it is made)."""
        # watchdog polls a watched file's folder, and passes on the file's events only
        [emitter] = [each for each in server.observer.emitters if each.watch.path in (str(path), str(path.parent))]
        if emitter not in begun:
            emitter.on_thread_start()
            begun.append(emitter)
        emitter.queue_events(0)
        found = []
        while not server.observer.event_queue.empty():
            found.append(str(server.observer.event_queue.get()[0].src_path))
        return sorted({found_path for found_path in found if found_path == str(path)})

    try:
        site.mkdocs_config.plugins.on_serve(server, config=site.mkdocs_config, builder=lambda: None)
        assert changes() == []
        site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."), ("Cleo", "And me."))))
        site.build(serve_url="http://127.0.0.1:8000/")
        assert "Cleo" in site.voice_map()["espeak"]["talk.md"]
        assert changes() == []
        path.write_text(path.read_text(encoding="utf-8") + "# chosen by hand\n", encoding="utf-8")
        assert changes() == [str(path)]
        # an edit by hand while a rebuild runs, before its save and before the watch polled the file: the save is
        # seen (review r-site4: unwatched, the edit was never built)
        saved = VoiceMap.save

        def edited_by_hand_first(voice_map: VoiceMap) -> bool:
            chosen = site.voice_map()
            chosen["espeak"]["talk.md"]["B"] = chosen["espeak"]["talk.md"]["Cleo"]  # B and Cleo: one voice
            path.write_text(yaml.safe_dump(chosen), encoding="utf-8")
            return saved(voice_map)

        site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."), ("Cleo", "Me."), ("Dan", "Yes."))))
        monkeypatch.setattr(VoiceMap, "save", edited_by_hand_first)
        site.build(serve_url="http://127.0.0.1:8000/")
        voices = site.voice_map()["espeak"]["talk.md"]
        assert "Dan" in voices and voices["B"] == voices["Cleo"], voices
        assert changes() == [str(path)]
        # a save that fails (a full disk) leaves the file watched
        with pytest.raises(OSError), _unwatched(server, str(path)):
            raise OSError("the disk is full")
        assert changes() == []
        path.write_text(path.read_text(encoding="utf-8") + "# and again\n", encoding="utf-8")
        assert changes() == [str(path)]
    finally:
        server.server_close()


def test_a_voice_map_the_options_name_under_serve_is_watched_from_its_first_build(site: Site) -> None:
    """`voice_map: team-voices.yml` saved in mkdocs.yml while `mkdocs serve` ran: `on_serve` had watched the voice
    map of the first build alone, so edits of the new one rebuilt nothing until the server was started again (bug
    bash h-serve). The first rebuild that uses it watches it, once, however many rebuilds follow."""
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    site.build()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    team = (site.root / "team-voices.yml").resolve()

    def watches() -> int:
        """How many watches the server keeps on the new voice map."""
        return sum(count for path, count in server._watched_paths.items() if Path(path).resolve() == team)

    try:
        site.mkdocs_config.plugins.on_serve(server, config=site.mkdocs_config, builder=lambda: None)
        assert watches() == 0
        site.plugin_options.update(voice_map="team-voices.yml")
        site.build(serve_url="http://127.0.0.1:8000/")  # mkdocs.yml saved: a rebuild with a new plugin
        assert team.is_file()
        assert watches() == 1
        site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."), ("Cleo", "And me."))))
        site.build(serve_url="http://127.0.0.1:8000/")  # its save by a rebuild is not watched twice after
        assert "Cleo" in yaml.safe_load(team.read_text(encoding="utf-8"))["espeak"]["talk.md"]
        assert watches() == 1
        (site.root / "drafts").mkdir()  # the same file named another way is watched once too (review r-serve)
        site.plugin_options.update(voice_map="drafts/../team-voices.yml")
        site.build(serve_url="http://127.0.0.1:8000/")
        assert watches() == 1
        site.build(serve_url="http://127.0.0.1:8000/")  # and its saves by a rebuild are not watched either
        assert site.plugin.session.voice_map.writing is not contextlib.nullcontext
    finally:
        server.server_close()


def test_a_served_config_read_from_a_stream_watches_no_file_of_another_site(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Configs read from a stream name no config file: d85e0f9 kept the server of the one served under the key "",
    so a later build of another site in the process, read from a stream too, had its voice map watched by that
    server (review r-serve). The served site's own voice map is watched still."""
    other = Site(tmp_path / "other", caplog)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))

    def built_from_a_stream(each: Site, voice_map: Path) -> Any:
        each.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
        each.plugin_options.update(voice_map=str(voice_map))
        each.write_config()
        monkeypatch.chdir(each.root)  # a config without a file has its folders where the process runs
        config = load_config(config_file=io.StringIO((each.root / "mkdocs.yml").read_text(encoding="utf-8")))
        assert not config.config_file_path
        build(config)
        assert voice_map.is_file()
        return config

    try:
        config = built_from_a_stream(site, tmp_path / "served-voices.yml")
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        built_from_a_stream(other, tmp_path / "other-voices.yml")
        watched = [Path(path) for path in server._watched_paths]
        assert watched == [tmp_path / "served-voices.yml"], watched
    finally:
        server.server_close()


def test_rebuilds_under_serve_keep_no_plugin_config_or_session_of_an_earlier_build(site: Site) -> None:
    """`mkdocs serve` loads a new plugin per rebuild, and the record of its server is process-wide (d85e0f9): it
    must hold nothing of a build, or every rebuild's plugin, config and session (its engine, its memos) would stay
    in memory for the afternoon (review r-serve)."""
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    site.plugin_options.update(voice_map="team-voices.yml")
    site.build()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    try:
        site.mkdocs_config.plugins.on_serve(server, config=site.mkdocs_config, builder=lambda: None)
        earlier = [weakref.ref(site.plugin), weakref.ref(site.mkdocs_config), weakref.ref(site.plugin.session)]
        for number in range(3):
            site.write("talk.md", post(conversation(("A", f"Hello {number}."), ("B", "Hi."))))
            site.build(serve_url="http://127.0.0.1:8000/")
            if number < 2:  # the last build's are the site's own
                earlier += [weakref.ref(site.plugin), weakref.ref(site.mkdocs_config), weakref.ref(site.plugin.session)]
        gc.collect()
        assert [ref() for ref in earlier] == [None] * len(earlier)
    finally:
        server.server_close()
