"""With mkdocs-static-i18n: one build per language, translations keyed by `norm_src_uri`, shared voices."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from mkdocs_convaudio.cli import main
from mkdocs_convaudio.html.assets import content_version
from tests.sites import Site, conversation, post, static_i18n, url_versions


def test_static_i18n_suffix_layout(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.build()
    assert list(site.voice_map()["espeak"]) == ["blog/talk.md"]
    mp3s = sorted(p.relative_to(site.site).as_posix() for p in site.audio_files())
    assert mp3s == ["assets/convaudio/blog/talk-1.mp3", "assets/convaudio/blog/talk.fr-1.mp3"]
    english = site.timings(site.site / mp3s[0])
    french = site.timings(site.site / mp3s[1])
    assert french["language"] == "fr" and english["language"] == "en"
    assert french["voices"] == {
        "A": english["voices"]["A"].replace("en-US", "fr"),
        "B": english["voices"]["B"].replace("en-US", "fr"),
    }
    html = site.html("fr/blog/talk.html")
    assert "Bonjour." in html and 'data-start="' in html
    # each language is a build of its own, so no build sees the pair: `voices --map` shows it
    logged = [record.getMessage() for record in site.caplog.records]
    assert not [message for message in logged if "convaudio: translations:" in message], logged
    assert main(["voices", "--map", "-f", str(site.root / "mkdocs.yml")]) == 0
    listed = capsys.readouterr().out
    assert "blog/talk.md\tshared by translations: blog/talk.fr.md (fr), blog/talk.md (en)" in listed, listed
    assert url_versions(html, 'src="../../assets/convaudio/blog/talk.fr-1.mp3')


def test_static_i18n_folder_layout(site: Site) -> None:
    static_i18n(site, "folder")
    site.write("en/index.md", "# Home\n")
    site.write("fr/index.md", "# Accueil\n")
    site.write("en/blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("fr/blog/talk.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.build()
    assert list(site.voice_map()["espeak"]) == ["blog/talk.md"]
    mp3s = sorted(site.audio_files())
    assert len(mp3s) == 2
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in mp3s}
    assert set(by_language) == {"en", "fr"}
    english, french = by_language["en"], by_language["fr"]
    assert french["voices"] == {
        "A": english["voices"]["A"].replace("en-US", "fr"),
        "B": english["voices"]["B"].replace("en-US", "fr"),
    }
    assert "Bonjour." in site.html("fr/blog/talk.html")


@pytest.mark.parametrize("directory_urls", [False, True])
def test_static_i18n_pages_reach_the_versioned_player_script(site: Site, directory_urls: bool) -> None:
    """Each language's pages link the player's script and stylesheet with their version (`?v=`), and the URL,
    resolved against the page, is a file of the site."""
    static_i18n(site)
    site.config["use_directory_urls"] = directory_urls
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.build()
    talk = "blog/talk/index.html" if directory_urls else "blog/talk.html"
    for page in ["index.html", talk, "fr/index.html", f"fr/{talk}"]:
        assets = site.player_assets(page)
        assert sorted(assets) == ["convaudio.css", "convaudio.js"], page
        for target, query in assets.values():
            assert target.is_file() and query == f"v={content_version(target.read_bytes())}", page


def test_static_i18n_builds_keep_each_others_memos(site: Site) -> None:
    """Each language is a build of its own in one process: a build's memos keep what the other builds use."""
    import json

    from mkdocs_convaudio.store import memo

    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.build()
    cache = site.root / ".cache" / "plugin" / "convaudio"
    for name in ("plans", "players"):
        table = json.loads((cache / f"{name}-memo.json").read_text(encoding="utf-8"))["memo"]
        assert len(table) == 2, f"{name}: the French build dropped what the English one remembered"
    memo._used_in_process.clear()  # the next `mkdocs build`, a new process
    site.build()
    assert site.plugin.session.replayed == 1 and site.plugin.session.scanned == 0  # the French page, replayed


def test_static_i18n_suffix_layout_reads_a_translated_page_s_localized_dialogue_file(site: Site) -> None:
    """`talk.fr.md` links `ep.json` as `talk.md` does; mkdocs-static-i18n publishes `ep.fr.json` in its place in
    the French site, and the French audio is made from it (it was the English script in a French voice)."""
    import json

    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write(
        "blog/ep.json", json.dumps([{"speaker": "Ana", "line": "English line."}, {"speaker": "Ben", "line": "Yes."}])
    )
    site.write(
        "blog/ep.fr.json",
        json.dumps([{"speaker": "Ana", "line": "Ligne française."}, {"speaker": "Ben", "line": "Oui."}]),
    )
    site.write("blog/talk.md", post("[Script](ep.json)\n"))
    site.write("blog/talk.fr.md", post("[Script](ep.json)\n"))
    site.build(strict=True)
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert [line["text"] for line in by_language["fr"]["lines"]] == ["Ligne française.", "Oui."]
    assert [line["text"] for line in by_language["en"]["lines"]] == ["English line.", "Yes."]
    assert by_language["fr"]["voices"]["Ana"].replace("fr", "en-US") == by_language["en"]["voices"]["Ana"]


def test_static_i18n_page_in_a_regional_locale_reads_its_base_language_s_dialogue_file(site: Site) -> None:
    """`talk.fr_CA.md` of mkdocs-static-i18n's `fr_CA` locale links `ep.json` with only `ep.fr.json` beside it: its
    audio was `ep.json`'s English in the Canadian French voice; it is made from the French file (a regional one,
    `ep.fr_CA.json`, the name that plugin publishes, first when there is one)."""
    import json

    static_i18n(site)
    site.config["plugins"][0]["i18n"]["languages"].append({"locale": "fr_CA", "name": "Québec", "build": True})
    site.write("index.md", "# Home\n")
    site.write("blog/ep.json", json.dumps([{"speaker": "Ana", "line": "English line."}]))
    site.write("blog/ep.fr.json", json.dumps([{"speaker": "Ana", "line": "Ligne française."}]))
    site.write("blog/talk.md", post("[Script](ep.json)\n"))
    site.write("blog/talk.fr_CA.md", post("[Script](ep.json)\n"))
    site.build(strict=True)
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert [line["text"] for line in by_language["fr-CA"]["lines"]] == ["Ligne française."]
    assert [line["text"] for line in by_language["en"]["lines"]] == ["English line."]
    site.write("blog/ep.fr_CA.json", json.dumps([{"speaker": "Ana", "line": "Ligne québécoise."}]))
    site.build(strict=True)
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert [line["text"] for line in by_language["fr-CA"]["lines"]] == ["Ligne québécoise."]


def test_a_lang_that_contradicts_the_pages_locale_is_a_warning(site: Site) -> None:
    """A translator's front matter copied from another language's file: the French site's page got a Spanish MP3
    and Spanish captions without a word (bug bash 74)."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !")), lang="es"))
    site.build()
    [warning] = [message for message in site.warnings() if "lang: es" in message]
    assert "blog/talk.fr.md:" in warning and "the fr translation (its locale)" in warning, warning


def test_static_i18n_reports_every_language_s_problems_in_one_build(site: Site) -> None:
    """Each language is a build of its own: the French page's problem was reported only once the English ones were
    fixed (the first language's build stopped, and the others never ran). One build lists them all, each once,
    and still fails."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post("[Script](missing-en.json)\n"))
    site.write("blog/talk.fr.md", post("[Script](missing-fr.json)\n"))
    site.write("blog/alone.md", post("[Script](missing-alone.json)\n"))  # shown in the French site too
    site.write("blog/fine.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/fine.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    message = site.build_error()
    assert message.startswith("3 problems stop this build"), message
    listed = sorted(line.strip().split(" ", 1)[0] for line in message.splitlines()[1:])
    assert listed == ["blog/alone.md:5:", "blog/talk.fr.md:5:", "blog/talk.md:5:"], message
    assert "missing-fr.json" in message and "missing-en.json" in message
    assert not site.audio_files()  # a build that fails spends nothing it can help


@pytest.mark.parametrize(
    ("original", "translation", "key"),
    [
        ("blog/talk.md", "blog/talk.de.md", "blog/talk.md"),  # dot suffix: `talk.de.md` sorts before `talk.md`
        ("blog/talk-en.md", "blog/talk-de.md", "blog/talk.md"),  # `lang:` front matter and a dash suffix
        ("en/blog/talk.md", "de/blog/talk.md", "blog/talk.md"),  # a folder per language
    ],
)
def test_voices_follow_the_original_s_speaker_order_whichever_translation_is_planned_first(
    site: Site, original: str, translation: str, key: str
) -> None:
    """The German translation is planned first and its Guest speaks first: Guest got the first voice, and adding a
    translation to a post changed who sounds like whom. The original's order hands out the voices."""
    site.write(original, post(conversation(("Host", "Hello."), ("Guest", "Hi.")), lang="en"))
    site.write(translation, post(conversation(("Guest", "Hallo."), ("Host", "Guten Tag.")), lang="de"))
    site.build()
    pool = site.plugin.session.engine.voice_pool()
    assert site.voice_map()["espeak"] == {key: {"Host": pool[0], "Guest": pool[1]}}


def test_voices_chosen_again_on_a_warm_build_follow_the_original_s_speaker_order(site: Site) -> None:
    """docs/voices.md: "to have a voice chosen again, delete the speaker's line (or the whole post entry)". With the
    pages unchanged, their plans were replayed from the page memo, and the German translation (planned first)
    handed the voices out in its own order: Guest got Host's voice."""
    site.write("blog/talk.md", post(conversation(("Host", "Hello."), ("Guest", "Hi.")), lang="en"))
    site.write("blog/talk.de.md", post(conversation(("Guest", "Hallo."), ("Host", "Guten Tag.")), lang="de"))
    site.build()
    pool = site.plugin.session.engine.voice_pool()
    chosen = {"blog/talk.md": {"Host": pool[0], "Guest": pool[1]}}
    assert site.voice_map()["espeak"] == chosen
    (site.root / "convaudio-voices.yml").write_text("espeak:\n  blog/talk.md: {}\n", encoding="utf-8")
    site.build()
    assert site.voice_map()["espeak"] == chosen


def test_a_dialogue_file_s_voices_follow_the_original_file_s_speaker_order(site: Site) -> None:
    """`de.md` (planned before `en.md`) links the German dialogue file, whose Guest speaks first."""
    import json

    turns = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Guest", "line": "Hi."}]
    site.write("talks/ep.json", json.dumps(turns))
    site.write("talks/ep.de.json", json.dumps([{"speaker": "Guest", "line": "Hallo."}, turns[0]]))
    site.write("de.md", post("[Skript](talks/ep.de.json)\n", lang="de"))
    site.write("en.md", post("[Script](talks/ep.json)\n", lang="en"))
    site.build()
    pool = site.plugin.session.engine.voice_pool()
    assert site.voice_map()["espeak"] == {"talks/ep.json": {"Host": pool[0], "Guest": pool[1]}}


def test_a_dirty_static_i18n_build_rewrites_no_other_language_s_unchanged_page(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs-static-i18n builds its other languages `--dirty` only when its command line says so (it reads
    `sys.argv`, not the build's own setting: through MkDocs' Python API it rebuilds them whole, with or without
    this plugin; docs/writing.md). As `mkdocs build --dirty` runs it, this plugin makes it rewrite no unchanged
    page of any language, the French audio page included, and the French voice map save is no change."""
    import sys

    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--dirty"])
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("index.fr.md", "# Accueil\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"), ("C", "Moi aussi."))))
    site.build()
    pages = ["index.html", "blog/talk.html", "fr/index.html", "fr/blog/talk.html"]
    # stamped a day ahead, rather than sleeping past the file system's clock: still newer than their sources (so
    # `--dirty` takes them as built), and a rewrite would stamp them now
    ahead = int(time.time()) + 86_400
    for page in pages:
        os.utime(site.site / page, (ahead, ahead))
    site.build(dirty=True)
    assert {page: (site.site / page).stat().st_mtime for page in pages} == dict.fromkeys(pages, ahead)


def test_translations_sharing_voices_are_said_when_one_joins_not_on_every_build(site: Site) -> None:
    """`translations share voices: blog/talk.md ← blog/talk-fr.md (fr), blog/talk.md (en)` was logged on every
    build and every `mkdocs serve` reload (bug bash), with the entry named twice. It is said when a translation
    joins an entry, which page uses whose voices; a warm build says only its summary."""
    site.write("blog/talk.md", post(conversation(("Host", "Hello."), ("Guest", "Hi.")), lang="en"))
    site.write("blog/talk-fr.md", post(conversation(("Host", "Bonjour."), ("Guest", "Salut.")), lang="fr"))

    def said() -> list[str]:
        return [message for message in site.infos() if message.startswith("convaudio: translations:")]

    site.build()
    assert said() == ["convaudio: translations: blog/talk-fr.md (fr) uses the voices of blog/talk.md (en)"]
    site.build()
    assert said() == []
    site.write("blog/talk-de.md", post(conversation(("Host", "Hallo."), ("Guest", "Servus.")), lang="de"))
    site.build()
    assert said() == [
        "convaudio: translations: blog/talk-de.md (de) and blog/talk-fr.md (fr) use the voices of blog/talk.md (en)"
    ]
    site.build()
    assert said() == []


def _line_of(path: Path, text: str) -> int:
    """The 1-based line of the file at `path` where `text` first appears."""
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_a_misspelt_speaker_new_to_the_voice_map_is_a_warning_at_its_turn(site: Site) -> None:
    """The Italian translation's last turn said `Hots` for `Host`: a third voice spoke it, with only the info line
    about new voices to say so, and `--strict` passed (bug bash). A deliberate speaker stops warning once the voice
    map records it; two people with near names who both speak often (`Ana`, `Anna`) are no typo."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "Go on."), ("Guest", "Well.")]
    site.write("blog/talk.md", post(conversation(*turns, ("Host", "Goodbye."))))
    french_turns = [("Host", "Bienvenue."), ("Guest", "Merci."), ("Host", "Alors ?"), ("Guest", "Eh bien.")]
    french = site.write("blog/talk.fr.md", post(conversation(*french_turns, ("Host", "Bon."), ("Hots", "Au revoir."))))
    names = [("Ana", "One."), ("Anna", "Two."), ("Ana", "Three."), ("Anna", "Four."), ("Ana", "Five."), ("Anna", "6.")]
    site.write("blog/names.md", post(conversation(*names)))
    site.build()
    [warning] = [message for message in site.warnings() if "misspelling" in message]
    turn = _line_of(french, '"Hots"') - 1  # the turn's `{`, where errors in a turn point
    assert warning.startswith(f"convaudio: blog/talk.fr.md:{turn}: speaker 'Hots' speaks once"), warning
    voice = site.timings(site.site / "assets/convaudio/blog/talk.fr-1.mp3")["voices"]["Hots"].split("+")[-1]
    assert voice not in {"m3", "f2"}  # the third voice it warns of, written in the warning, and not in the voice map
    assert "misspelling of 'Host'" in warning, warning
    add = f"add `Hots: {voice}` under 'blog/talk.md' in convaudio-voices.yml if Hots is a different person"
    assert add in warning, warning
    assert "Hots" not in site.voice_map()["espeak"]["blog/talk.md"]


def test_a_likely_typo_warns_on_every_build_until_the_voice_map_records_it(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build wrote the misspelt speaker's voice into the voice map: `--strict` failed once, then passed with the
    typo still there; and CI with the cache restored but no voice map committed was silent, the page memo replaying
    the plan (review 212). The speaker's voice stays out of the file until its author records it: every build warns,
    cold, with the page memo, in `estimate`, and once the file is deleted; the voices after it do not shift."""
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "So?"), ("Guest", "Well."), ("Host", "Bye.")]
    site.write("talk.md", post(conversation(*turns, ("Hots", "Really, bye."), ("Carol", "Hello all."))))
    site.write("other.md", post(conversation(("A", "One."), ("B", "Two."))))
    voices = site.root / "convaudio-voices.yml"
    config = str(site.root / "mkdocs.yml")

    def typos() -> list[str]:
        return [message for message in site.warnings() if "speaker 'Hots'" in message]

    site.build()
    [warning] = typos()
    voice = site.timings(site.site / "assets/convaudio/talk-1.mp3")["voices"]["Hots"].split("+")[-1]
    assert f"add `Hots: {voice}` under 'talk.md' in convaudio-voices.yml if Hots is a different person" in warning
    entry = site.voice_map()["espeak"]["talk.md"]
    assert set(entry) == {"Host", "Guest", "Carol"} and voice not in entry.values(), entry
    written, stamp = voices.read_bytes(), voices.stat().st_mtime_ns
    # again, nothing changed: other.md replayed, talk.md planned afresh, warned of again; same voice, nothing paid
    # for, the voice map not written
    summary = site.build()
    assert typos() == [warning] and summary.synthesized == 0
    assert site.plugin.session.replayed == 1 and site.plugin.session.scanned == 1
    assert (voices.read_bytes(), voices.stat().st_mtime_ns) == (written, stamp)
    for _ in range(2):  # `--strict` fails every time, not once
        with pytest.raises(Abort):
            site.build(strict=True)
        assert typos() == [warning]
    site.caplog.clear()
    assert main(["estimate", "-f", config]) == 0
    assert typos() == [warning], capsys.readouterr()
    # recorded by hand (the voice the warning names): meant, no warning, and the page replayed from then on
    voices.write_text(voices.read_text("utf-8").replace("    Carol:", f"    Hots: {voice}\n    Carol:"), "utf-8")
    assert site.build().synthesized == 0 and not typos()
    site.build()
    assert not typos() and site.plugin.session.replayed == 2
    # CI with the cache restored and no voice map: warned of again (not replayed), every voice as before
    voices.unlink()
    assert site.build().synthesized == 0
    assert typos() == [warning]
    assert site.voice_map()["espeak"]["talk.md"] == entry


def test_a_likely_typo_of_the_original_is_not_recorded_by_its_translation_s_build(site: Site) -> None:
    """The English page's `Hots` was held out of the voice map, then the French build, whose speakers all have
    names of their own, gave the original's speakers their voices in its order and recorded `Hots` (review of
    eb5f292, in Portuguese): the next build was silent. It stays out, and every build warns of it."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "So?"), ("Guest", "Well."), ("Host", "Bye.")]
    site.write("blog/c.md", post(conversation(*turns, ("Hots", "Really, bye."))))
    renamed = [("Animateur" if speaker == "Host" else "Invité", line) for speaker, line in turns]
    site.write("blog/c.fr.md", post(conversation(*renamed, ("Animateur", "Salut."))))
    for _ in range(2):
        site.build()
        assert [message for message in site.warnings() if "speaker 'Hots'" in message]
        assert "Hots" not in site.voice_map()["espeak"]["blog/c.md"]


@pytest.mark.parametrize(
    "french",
    [
        # Guest's two turns in a row: paired change of speaker by change of speaker
        [
            ("Animateur", "Bienvenue."),
            ("Guest", "Merci."),
            ("Guest", "Vraiment."),
            ("Animateur", "Alors ?"),
            ("Guest", "Bon."),
            ("Animateur", "Au revoir."),
        ],
        # turn by turn
        [
            ("Animateur", "Bienvenue."),
            ("Guest", "Merci."),
            ("Animateur", "Alors ?"),
            ("Guest", "Bon."),
            ("Animateur", "Salut."),
        ],
    ],
)
def test_a_translation_s_renamed_speaker_speaks_in_the_original_speaker_s_voice(
    site: Site, french: list[tuple[str, str]]
) -> None:
    """The Portuguese translation called the host `Apresentador`, who got a female voice of its own while `Host`
    had a male one in every other language (bug bash). Its turns are Host's, one to one: it speaks as Host, paired
    again by every build, not written into the voice map (written, it kept Host's first voice when Host's was
    changed: review r-render4); said once; the original's speakers and lines are unchanged, and a second build
    sends nothing."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "So?"), ("Guest", "Well."), ("Host", "Bye.")]
    site.write("blog/talk.md", post(conversation(*turns)))
    site.write("blog/talk.fr.md", post(conversation(*french)))
    site.build()
    entry = site.voice_map()["espeak"]["blog/talk.md"]
    assert entry == {"Host": entry["Host"], "Guest": entry["Guest"]}
    assert entry["Host"] != entry["Guest"]
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert by_language["fr"]["voices"]["Animateur"] == by_language["en"]["voices"]["Host"].replace("en-US", "fr")
    assert [m for m in site.infos() if "Animateur speaks as Host" in m and "blog/talk.fr.md:" in m]
    assert not [message for message in site.warnings() if "Animateur" in message]
    site.caplog.clear()
    assert site.build().synthesized == 0
    assert site.voice_map()["espeak"]["blog/talk.md"] == entry
    assert not [m for m in site.infos() if "Animateur" in m]  # said once
    # Host's voice changed by hand: Animateur's too
    voices = site.root / "convaudio-voices.yml"
    voices.write_text(voices.read_text("utf-8").replace(f"    Host: {entry['Host']}\n", "    Host: m6\n"), "utf-8")
    site.build()
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert by_language["fr"]["voices"]["Animateur"] == by_language["en"]["voices"]["Host"].replace("en-US", "fr")
    assert by_language["fr"]["voices"]["Animateur"].endswith("+m6"), by_language["fr"]["voices"]
    assert "Animateur" not in site.voice_map()["espeak"]["blog/talk.md"]


def test_a_renamed_speaker_is_paired_in_the_static_i18n_folder_layout(site: Site) -> None:
    """With a folder per language, each language's build has its own site language, and `fr/blog/talk.md` was taken
    for its own original: its renamed speakers got voices of their own, a third and a fourth voice for the same two
    people (bug bash h-nlsv, Dutch `Presentator` and Swedish `Värd` for `Host`). The default language's page is the
    original in every language's build."""
    static_i18n(site, "folder")
    site.write("en/index.md", "# Home\n")
    site.write("fr/index.md", "# Accueil\n")
    site.write("en/blog/talk.md", post(conversation(("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "Bye."))))
    french = conversation(("Animateur", "Bienvenue."), ("Invité", "Merci."), ("Animateur", "Salut."))
    site.write("fr/blog/talk.md", post(french))
    site.build()
    entry = site.voice_map()["espeak"]["blog/talk.md"]
    assert sorted(entry) == ["Guest", "Host"] and entry["Host"] != entry["Guest"], entry  # paired by each build
    assert [m for m in site.infos() if "Animateur speaks as Host" in m and "fr/blog/talk.md:" in m]
    by_language = {site.timings(mp3)["language"]: site.timings(mp3) for mp3 in site.audio_files()}
    assert by_language["fr"]["voices"]["Animateur"] == by_language["en"]["voices"]["Host"].replace("en-US", "fr")
    assert by_language["fr"]["voices"]["Invité"] == by_language["en"]["voices"]["Guest"].replace("en-US", "fr")
    assert site.build().synthesized == 0


def test_the_original_is_the_default_language_s_page_wherever_the_default_is_listed(site: Site) -> None:
    """mkdocs-static-i18n's default language need not be listed first: with Dutch first and English (`default:
    true`) second, the English page is still the original, in every language's build, and a voice map recorded
    before keeps its voices (review of bug bash h-nlsv)."""
    languages = [
        {"locale": "nl", "name": "Nederlands", "build": True},
        {"locale": "en", "name": "English", "build": True, "default": True},
    ]
    site.config["plugins"] = [{"i18n": {"docs_structure": "folder", "languages": languages}}]
    site.write("en/index.md", "# Home\n")
    site.write("nl/index.md", "# Thuis\n")
    site.write("en/blog/talk.md", post(conversation(("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "Bye."))))
    dutch = conversation(("Presentator", "Welkom."), ("Gast", "Dank je."), ("Presentator", "Doei."))
    site.write("nl/blog/talk.md", post(dutch))
    site.build()
    entry = site.voice_map()["espeak"]["blog/talk.md"]
    assert sorted(entry) == ["Guest", "Host"] and entry["Host"] != entry["Guest"], entry  # paired by each build
    assert [m for m in site.infos() if "Presentator speaks as Host" in m and "nl/blog/talk.md:" in m]
    by_language = {site.timings(mp3)["language"]: site.timings(mp3)["voices"] for mp3 in site.audio_files()}
    assert by_language["nl"]["Presentator"].split("+")[1] == entry["Host"], by_language
    # a voice map that recorded voices of their own for the Dutch speakers (the previous release) keeps them
    voices = site.root / "convaudio-voices.yml"
    own = {**entry, "Presentator": "m7", "Gast": "f4"}
    voices.write_text(yaml.safe_dump({"espeak": {"blog/talk.md": own}}, allow_unicode=True), "utf-8")
    site.build()
    assert site.voice_map()["espeak"]["blog/talk.md"] == own


@pytest.mark.parametrize(
    "french",
    [
        # the guest speaks first: read in order, Guest would be the original's Host
        [("Guest", "Merci."), ("Animateur", "Alors ?"), ("Guest", "Eh bien.")],
        # a question and its answer, or a greeting, left out? Read by the order speakers go round in, a translation
        # without the greeting had its two voices swapped (review 212): no guess
        [("Animateur", "Bienvenue."), ("Guest", "Merci."), ("Animateur", "Au revoir.")],
    ],
)
def test_a_translation_s_renamed_speaker_that_cannot_be_paired_is_a_warning(
    site: Site, french: list[tuple[str, str]]
) -> None:
    """Turns that do not pair one to one with the original's (a speaker's turn added, another's dropped): no
    guess, a warning naming the file and the speakers, and how to fix it either way (a renamed speaker, or a
    speaker of the translation's own)."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    turns = [("Host", "Welcome."), ("Guest", "Thanks."), ("Host", "So?"), ("Guest", "Well."), ("Host", "Bye.")]
    site.write("blog/talk.md", post(conversation(*turns)))
    page = site.write("blog/talk.fr.md", post(conversation(*french)))
    site.build()
    [warning] = [message for message in site.warnings() if "Animateur" in message]
    turn = _line_of(page, '"Animateur"') - 1  # its first turn's `{`
    assert warning.startswith(f"convaudio: blog/talk.fr.md:{turn}: Animateur is not"), warning
    assert "blog/talk.md (Host, Guest)" in warning and "Use the original's speaker names, or, if Animateur" in warning
    voice = site.timings(next(mp3 for mp3 in site.audio_files() if ".fr-" in mp3.name))["voices"]["Animateur"]
    voice = voice.split("+")[-1]
    assert f"add `Animateur: {voice}` under 'blog/talk.md' in convaudio-voices.yml" in warning
    # not recorded by the build: warned of on every build (the page memo too) until its author records it
    assert "Animateur" not in site.voice_map()["espeak"]["blog/talk.md"]
    assert site.build().synthesized == 0
    assert [message for message in site.warnings() if "Animateur" in message] == [warning]
    voices = site.root / "convaudio-voices.yml"
    voices.write_text(voices.read_text("utf-8") + f"    Animateur: {voice}\n", "utf-8")  # blog/talk.md's, the last
    assert site.build().synthesized == 0
    assert not [message for message in site.warnings() if "Animateur" in message]


def test_a_translated_dialogue_file_s_renamed_speaker_speaks_in_the_original_speaker_s_voice(site: Site) -> None:
    import json

    static_i18n(site)
    site.write("index.md", "# Home\n")
    original = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Luca", "line": "Hi."}]
    site.write("blog/ep.json", json.dumps(original))
    site.write("blog/ep.fr.json", json.dumps([{"speaker": "Hôte", "line": "Bonjour."}, original[1]]))
    site.write("blog/talk.md", post("[Script](ep.json)\n"))
    site.write("blog/talk.fr.md", post("[Script](ep.json)\n"))
    site.build(strict=True)
    entry = site.voice_map()["espeak"]["blog/ep.json"]
    assert sorted(entry) == ["Host", "Luca"] and entry["Host"] != entry["Luca"]  # Hôte paired by each build
    by_language = {site.timings(mp3)["language"]: site.timings(mp3)["voices"] for mp3 in site.audio_files()}
    assert by_language["fr"]["Hôte"] == by_language["en"]["Host"].replace("en-US", "fr"), by_language


def test_a_language_without_a_post_s_translation_says_which_audio_posts_fall_back(site: Site) -> None:
    """mkdocs-static-i18n shows a page a language lacks in the default language: the Spanish site played the English
    MP3 of a post without `.es.md`, and nothing said so (bug bash). One info line per language names them; a
    fallback is a documented feature, so no warning."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/talk.md", post(conversation(("A", "Hello there."), ("B", "Hi!"))))
    site.write("blog/talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut !"))))
    site.write("blog/physics.md", post(conversation(("A", "Energy."), ("B", "Mass."))))
    site.write("blog/plain.md", "# No audio\n")
    site.build(strict=True)
    said = [message for message in site.infos() if "fallback" in message]
    assert said == [
        "convaudio: translations: fr has no translation of 1 audio post, shown with its original's audio "
        "(mkdocs-static-i18n's fallback): blog/physics.md (en)"
    ]
    assert not [message for message in site.warnings() if "physics" in message]


def _fallback_lines(site: Site) -> list[str]:
    return [message for message in site.infos() if "mkdocs-static-i18n's fallback" in message]


def test_a_language_s_fallback_posts_are_said_when_they_change_not_on_every_build(site: Site) -> None:
    """The fallback line was said on every build and every `mkdocs serve` reload (review 212). It is said when the
    posts a language falls back on are new: the first build, a translation added (the rest named), the last one
    added (nothing falls back: nothing said), one removed."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/physics.md", post(conversation(("A", "Energy."), ("B", "Mass."))))
    site.write("blog/chem.md", post(conversation(("A", "Salt."), ("B", "Water."))))
    site.build()
    assert _fallback_lines(site) == [
        "convaudio: translations: fr has no translation of 2 audio posts, shown with their original's audio "
        "(mkdocs-static-i18n's fallback): blog/chem.md (en), blog/physics.md (en)"
    ]
    site.build()
    assert _fallback_lines(site) == []
    site.write("blog/physics.fr.md", post(conversation(("A", "Énergie."), ("B", "Masse."))))
    site.build()
    assert _fallback_lines(site) == [
        "convaudio: translations: fr has no translation of 1 audio post, shown with its original's audio "
        "(mkdocs-static-i18n's fallback): blog/chem.md (en)"
    ]
    site.build()
    assert _fallback_lines(site) == []
    translation = site.write("blog/chem.fr.md", post(conversation(("A", "Sel."), ("B", "Eau."))))
    site.build()
    assert _fallback_lines(site) == []
    translation.unlink()
    site.build()
    assert _fallback_lines(site) == [
        "convaudio: translations: fr has no translation of 1 audio post, shown with its original's audio "
        "(mkdocs-static-i18n's fallback): blog/chem.md (en)"
    ]


def test_a_dirty_build_that_skips_a_fallback_post_keeps_it_as_falling_back(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `--dirty` build reads no unchanged page: the post it skips still falls back, so neither that build nor
    the next full one says the line again."""
    import sys

    static_i18n(site)
    site.write("index.md", "# Home\n")
    site.write("blog/physics.md", post(conversation(("A", "Energy."), ("B", "Mass."))))
    site.build()
    assert len(_fallback_lines(site)) == 1
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--dirty"])
    site.build(dirty=True)
    assert _fallback_lines(site) == []
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build"])
    site.build()
    assert _fallback_lines(site) == []


def test_a_language_s_fallback_line_names_the_first_posts_and_counts_the_rest(site: Site) -> None:
    """A new blog without translations falls back on every post: the line names the first few, like the new
    voices' line, not hundreds."""
    static_i18n(site)
    site.write("index.md", "# Home\n")
    for number in range(5):
        site.write(f"blog/p{number}.md", post(conversation(("A", "Yes."), ("B", "No."))))
    site.build()
    assert _fallback_lines(site) == [
        "convaudio: translations: fr has no translation of 5 audio posts, shown with their original's audio "
        "(mkdocs-static-i18n's fallback): blog/p0.md (en), blog/p1.md (en), blog/p2.md (en), and 2 more posts"
    ]


def test_a_dirty_static_i18n_build_keeps_the_pages_another_language_wrote_to_one_path(site: Site) -> None:
    """mkdocs-static-i18n's builds share the memo: the French build, whose pages are not audio pages, recorded
    only its own pages written to one path, and the English `a.md` and `a/index.md` (both `a/index.html`) were
    forgotten; once `a/index.md` moved away, the next `--dirty` build left `a.md`, unchanged, overwritten by the
    other's old page, its player lost."""
    static_i18n(site)
    site.config.update(use_directory_urls=True)
    site.write("a.md", post(conversation(("A", "The page a."), ("B", "Yes."))))
    site.write("a/index.md", post(conversation(("A", "The folder a."), ("B", "Yes."))))
    site.write("a.fr.md", "# A\n\nLa page.\n")
    site.write("a/index.fr.md", "# A\n\nLe dossier.\n")
    site.build()
    (site.docs / "a/index.md").rename(site.docs / "c.md")
    site.build(dirty=True)
    assert "a-1.mp3" in site.html("a/index.html") and "c-1.mp3" in site.html("c/index.html")


def test_a_static_i18n_build_forgets_the_dirty_records_of_gone_pages_not_of_another_language(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs-static-i18n's builds share the memo, and each sees only its language's pages: the records of the
    pages a build lacks are another language's, kept, unless the page is gone from the site (a deleted or renamed
    post was recorded for good)."""
    import sys

    from tests.test_warm_memos import new_process, side_files_memo

    static_i18n(site)
    site.config.update(use_directory_urls=True)
    site.write("a.md", post(conversation(("A", "The page a."), ("B", "Yes."))))
    site.write("a/index.md", post(conversation(("A", "The folder a."), ("B", "Yes."))))
    site.write("a.fr.md", post(conversation(("A", "La page a."), ("B", "Oui."))))
    site.write("a/index.fr.md", post(conversation(("A", "Le dossier a."), ("B", "Oui."))))
    site.write("talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    site.write("talk.fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut."))))
    site.build()
    memo = side_files_memo(site)  # the French build kept the English build's records, and added its own
    assert memo["\0overwritten"] == ["a.fr.md", "a.md", "a/index.fr.md", "a/index.md"]
    assert sorted(memo["\0neighbours"]) == ["a.fr.md", "a/index.fr.md", "talk.fr.md"]
    (site.docs / "a/index.md").rename(site.docs / "c.md")
    (site.docs / "a/index.fr.md").rename(site.docs / "c.fr.md")
    new_process()  # the next `mkdocs build --dirty`
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--dirty"])
    site.build(dirty=True)
    memo = side_files_memo(site)
    assert memo["\0overwritten"] == []
    # `talk.fr.md`, skipped by the French build, is there as the English build found it
    assert memo["\0neighbours"] == {"a.fr.md": ["a.md"], "c.fr.md": ["c.md"], "talk.fr.md": ["talk.md"]}
    assert not [key for key in memo if key.startswith("a/")], sorted(memo)
    assert "a.fr-1.mp3" in site.html("fr/a/index.html") and "c.fr-1.mp3" in site.html("fr/c/index.html")
