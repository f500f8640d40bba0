"""`<!-- convaudio: lang=fr -->`: one conversation of a page spoken in another language than the page's (a French
content tab of an English page was read by the English voice; bug bash)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_convaudio.cli import main
from mkdocs_convaudio.text.discover import scan_page
from tests.sites import Site, conversation, decode, post, static_i18n

ENGLISH = conversation(("A", "Welcome to the show."), ("B", "Glad to be here."))
#: B speaks first here: each speaker keeps the page's voice, not one handed out in this conversation's order
FRENCH = conversation(("B", "Bienvenue dans l'émission."), ("A", "Ravi d'être là, à 9:00."))


def tabs(english: str, french: str, marker: str = "<!-- convaudio: lang=fr -->") -> str:
    """An English page with the same conversation in two content tabs (pymdownx.tabbed), the French one marked."""
    indented = [("\n".join("    " + line if line else "" for line in text.split("\n"))) for text in (english, french)]
    return f'=== "English"\n\n{indented[0]}\n=== "Français"\n\n    {marker}\n{indented[1]}\n'


def tabbed_site(site: Site) -> None:
    site.config["markdown_extensions"] = [{"pymdownx.tabbed": {"alternate_style": True}}, "pymdownx.superfences"]
    site.write("talk.md", post("# Talk\n\n" + tabs(ENGLISH, FRENCH), lang="en"))


def test_a_marked_conversation_is_spoken_in_its_language_on_a_page_in_another(site: Site) -> None:
    tabbed_site(site)
    summary = site.build(strict=True)
    assert (summary.conversations, summary.synthesized) == (2, 4)
    english, french = (site.site / f"assets/convaudio/talk-{number}.mp3" for number in (1, 2))
    timings = {mp3.name: site.timings(mp3) for mp3 in (english, french)}
    assert timings["talk-1.mp3"]["language"] == "en" and timings["talk-2.mp3"]["language"] == "fr"
    # the same speakers, each in the French voice of the same person (one voice-map entry, the page's)
    assert list(site.voice_map()["espeak"]) == ["talk.md"]
    english_voices = timings["talk-1.mp3"]["voices"]
    assert english_voices["A"] != english_voices["B"]
    assert timings["talk-2.mp3"]["voices"] == {
        speaker: voice.replace("en-US", "fr") for speaker, voice in english_voices.items()
    }
    for mp3 in (english, french):
        samples, rate = decode(mp3)
        assert len(samples) / rate == pytest.approx(timings[mp3.name]["duration"], abs=0.1)
        assert float(abs(samples).max()) > 0.1  # speech, not silence
    html = site.html("talk.html")
    players = html.split('<div class="convaudio"')[1:]
    assert len(players) == 2
    assert ' lang="en"' in players[0].split(">")[0] and ' lang="fr"' in players[1].split(">")[0]
    assert 'srclang="en"' in players[0] and 'srclang="fr"' in players[1]
    assert 'label="English"' in players[0] and 'label="Français"' in players[1]
    # each in its own tab
    blocks = html.split('class="tabbed-block"')[1:]
    assert len(blocks) == 2 and "talk-1.mp3" in blocks[0] and "talk-2.mp3" not in blocks[0]
    assert "talk-2.mp3" in blocks[1]

    assert site.build().synthesized == 0  # warm: the marker is read as it was
    assert not site.warnings()

    # without its marker, the French tab is the page's language again: only its lines are synthesized anew
    site.write("talk.md", post("# Talk\n\n" + tabs(ENGLISH, FRENCH, marker=""), lang="en"))
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (2, 2)
    assert site.timings(french)["language"] == "en"
    assert site.timings(french)["voices"] == english_voices


def test_a_marked_dialogue_file_is_spoken_in_its_language(site: Site) -> None:
    """A marked link takes the path a French page's link takes: `ep.fr.json` (a translation's name) is spoken in
    French, named `ep.fr.mp3`, in the voices of `ep.json`'s speakers."""
    english = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Guest", "line": "Hi."}]
    french = [{"speaker": "Guest", "line": "Salut."}, {"speaker": "Host", "line": "Bonjour."}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    (site.docs / "ep.fr.json").write_text(json.dumps(french), encoding="utf-8")
    page = "[script](ep.json)\n\n<!-- convaudio: lang=fr -->\n\n[script](ep.fr.json)\n"
    site.write("talk.md", post(page, lang="en"))
    site.build(strict=True)
    assert [mp3.name for mp3 in site.audio_files()] == ["ep-en.mp3", "ep.fr.mp3"]
    timings = [site.timings(mp3) for mp3 in site.audio_files()]
    assert [each["language"] for each in timings] == ["en", "fr"]
    assert list(site.voice_map()["espeak"]) == ["ep.json"]
    assert timings[1]["voices"] == {
        speaker: voice.replace("en-US", "fr") for speaker, voice in timings[0]["voices"].items()
    }
    players = site.html("talk.html").split('<div class="convaudio"')[1:]
    assert [player.split(">")[0].count(' lang="fr"') for player in players] == [0, 1]
    assert 'srclang="en"' in players[0] and 'srclang="fr"' in players[1]


def test_an_unmarked_link_to_another_languages_dialogue_file_is_warned_of(site: Site) -> None:
    """`ep.fr.json` beside `ep.json`, linked from an English page without a marker, is spoken in English (its
    audio `ep.fr-en.mp3`, as before): a warning at the link says so and names the marker (review r-lang)."""
    (site.docs / "ep.json").write_text(json.dumps([{"speaker": "Host", "line": "Hello."}]), encoding="utf-8")
    (site.docs / "ep.fr.json").write_text(json.dumps([{"speaker": "Host", "line": "Bonjour."}]), encoding="utf-8")
    site.write("talk.md", post("# Talk\n\n[script](ep.json)\n\nThe [French script](ep.fr.json) too.\n", lang="en"))
    for _ in range(2):  # a warm build too
        site.build()
        assert [mp3.name for mp3 in site.audio_files()] == ["ep-en.mp3", "ep.fr-en.mp3"]
        assert site.warnings() == [
            "convaudio: talk.md:10: ep.fr.json is named as the fr translation of a dialogue file, but this page is "
            "in en, so it is spoken in en (ep.fr-en.mp3); write `<!-- convaudio: lang=fr -->` on the line before "
            "the link to have it spoken in fr, or link the en file"
        ]
    site.write("talk.md", post("# Talk\n\n[script](ep.fr.json)\n", lang="fr-CA"))  # its language: no warning
    site.build(strict=True)


def test_a_marked_link_on_a_translated_page_is_the_file_of_the_markers_language(site: Site) -> None:
    """mkdocs-static-i18n's French build links `ep.fr.json` for `talk.fr.md`'s `ep.json`; under `lang=en` the
    English file is meant (review r-lang: `Bonjour à tous.` was read by the English voice, as `ep.fr-en.mp3`)."""
    static_i18n(site)
    (site.docs / "ep.json").write_text(json.dumps([{"speaker": "Host", "line": "Hello there."}]), encoding="utf-8")
    french = [{"speaker": "Host", "line": "Bonjour à tous."}]
    (site.docs / "ep.fr.json").write_text(json.dumps(french), encoding="utf-8")
    site.write("index.md", "# Home\n")
    site.write("talk.md", post("# Talk\n\n[script](ep.json)\n"))
    site.write("talk.fr.md", post("# Talk\n\n[script](ep.json)\n\n<!-- convaudio: lang=en -->\n[script](ep.json)\n"))
    site.build(strict=True)
    assert [mp3.name for mp3 in site.audio_files()] == ["ep-en.mp3", "ep.fr.mp3"]
    players = (site.site / "fr" / "talk.html").read_text(encoding="utf-8").split('<div class="convaudio"')[1:]
    assert ["ep.fr.mp3" in players[0], "ep-en.mp3" in players[1]] == [True, True]
    assert "Bonjour à tous." in players[0] and "Hello there." in players[1]
    assert [site.timings(mp3)["language"] for mp3 in site.audio_files()] == ["en", "fr"]


@pytest.mark.parametrize(
    ("marker", "said"),
    [
        ("lang=xx", "`<!-- convaudio: lang=xx -->`: eSpeak NG has no voice for language 'xx'"),
        ("lang=", "`<!-- convaudio: lang= -->` names no language code"),
        ("lnag=fr", "`<!-- convaudio: lnag=fr -->` is not a convaudio marker"),
    ],
)
def test_a_marker_that_names_no_language_is_warned_of_at_its_line(site: Site, marker: str, said: str) -> None:
    site.write("talk.md", post(f"<!-- convaudio: {marker} -->\n" + FRENCH, lang="en"))
    for _ in range(2):  # a warm build too
        site.build()
        [warning] = site.warnings()
        assert warning.startswith(f"convaudio: talk.md:6: {said}"), warning
        assert "`<!-- convaudio: lang=" in warning or "language code" in warning
        assert "spoken in the page's language" in warning
        [mp3] = site.audio_files()
        assert site.timings(mp3)["language"] == "en"
    if marker == "lnag=fr":
        assert "write `<!-- convaudio: lang=fr -->`" in warning


def test_estimate_counts_a_marked_conversation_in_its_language(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    tabbed_site(site)
    site.write_config()
    assert main(["estimate", "--show-text", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    english, french = out.split("talk.md:")[1:]
    assert "(en, espeak)" in english.split("\n")[0] and "(fr, espeak)" in french.split("\n")[0], out
    # its spoken text from the French table: `à 9:00` is "à 9 heures" (the English table's "9 o'clock")
    assert "spoken:  Ravi d'être là, à 9 heures." in french, out
    assert out.count("[new]") == 4
    site.build()
    main(["estimate", "--show-text", "-f", str(site.root / "mkdocs.yml")])
    assert capsys.readouterr().out.count("[cached]") == 4  # the build cached its lines as French ones


def test_render_posts_honours_the_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render --posts` reads posts as the plugin does (`scan_page`): a Hugo post's marked conversation too."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    body = ENGLISH + "\n<!-- convaudio: lang=fr -->\n" + FRENCH
    (tmp_path / "content" / "posts" / "talk.md").write_text(post(body, title="Talk"), encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--strict"]) == 0, capsys.readouterr().err
    timings = [json.loads((tmp_path / f"out/posts/talk-{n}.json").read_text(encoding="utf-8")) for n in (1, 2)]
    assert [each["language"] for each in timings] == ["en", "fr"]
    assert timings[1]["voices"] == {
        speaker: voice.replace("en-US", "fr") for speaker, voice in timings[0]["voices"].items()
    }
    samples, rate = decode(tmp_path / "out/posts/talk-2.mp3")
    assert len(samples) / rate == pytest.approx(timings[1]["duration"], abs=0.1)


def test_markers_stack_one_a_line(tmp_path: Path) -> None:
    """Each marker on its own line above one conversation counts; a marker above another paragraph does not."""
    markdown = "\n".join(
        [
            "<!-- convaudio: lang=de -->",
            "Text between.",
            "",
            "<!-- convaudio: lang=fr -->",
            "",
            "<!-- convaudio: off -->",
            FRENCH,
            "<!-- convaudio: off -->",
            "<!-- CONVAUDIO: lang=pt_BR -->",
            ENGLISH,
            "<!-- convaudio: lang=fr -->",
            ENGLISH,
        ]
    )
    scan = scan_page(markdown, "talk.md", 10, tmp_path)
    assert scan.opted_out == 2
    # the marker above the paragraph is said to mark nothing (line 1 of the Markdown, 11 of the file)
    assert scan.warnings == [
        "talk.md:11: `<!-- convaudio: lang=de -->` is not on the line before a conversation (a fenced one or a "
        "dialogue-file link; blank lines between are fine), so it marks nothing; move it right above the "
        "conversation it is for"
    ]
    [found] = scan.found
    lines = markdown.split("\n")
    marker = max(index for index, line in enumerate(lines) if line == "<!-- convaudio: lang=fr -->")
    assert (found.language, found.language_line) == ("fr", 10 + marker + 1)  # the file's line, 1-based


def test_a_language_marker_above_no_conversation_is_warned_of(site: Site) -> None:
    """A French tab whose marker stands above the sentence introducing its conversation marked nothing: its
    conversation was spoken in English without a word (review r-lang). Markers in code, and `off` above other
    text (sites may have left one), are not warned of."""
    site.config["markdown_extensions"] = [{"pymdownx.tabbed": {"alternate_style": True}}, "pymdownx.superfences"]
    example = "````markdown\n<!-- convaudio: lang=fr -->\nNot read here.\n````\n"
    french = "<!-- convaudio: lang=fr -->\nVoici la conversation :\n\n" + FRENCH
    body = "# Talk\n\n" + example + "\n<!-- convaudio: off -->\nText.\n\n" + tabs(ENGLISH, french, marker="")
    site.write("talk.md", post(body, lang="en"))
    for _ in range(2):  # a warm build too
        site.build()
        [warning] = site.warnings()
        lines = (site.docs / "talk.md").read_text(encoding="utf-8").split("\n")
        line = lines.index("    <!-- convaudio: lang=fr -->") + 1
        assert warning == (
            f"convaudio: talk.md:{line}: `<!-- convaudio: lang=fr -->` is not on the line before a conversation (a "
            "fenced one or a dialogue-file link; blank lines between are fine), so it marks nothing; move it right "
            "above the conversation it is for"
        )
        assert [site.timings(mp3)["language"] for mp3 in site.audio_files()] == ["en", "en"]


def test_a_marked_link_to_a_dialogue_file_is_its_translation_in_the_marker_s_language(site: Site) -> None:
    """`<!-- convaudio: lang=fr -->` above a link to `ep.json`, with `ep.fr.json` beside it: the French file is
    meant (its English lines were read by the French voice, as `ep-fr.mp3`); a file without a French translation
    is spoken in French as it is."""
    english = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Guest", "line": "Hi."}]
    french = [{"speaker": "Host", "line": "Bonjour."}, {"speaker": "Guest", "line": "Salut."}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    (site.docs / "ep.fr.json").write_text(json.dumps(french), encoding="utf-8")
    (site.docs / "solo.json").write_text(json.dumps(english), encoding="utf-8")
    page = "[script](ep.json)\n\n<!-- convaudio: lang=fr -->\n[script](ep.json)\n\n<!-- convaudio: lang=fr -->\n"
    site.write("talk.md", post(page + "[script](solo.json)\n", lang="en"))
    site.build(strict=True)
    assert [mp3.name for mp3 in site.audio_files()] == ["ep-en.mp3", "ep.fr.mp3", "solo-fr.mp3"]
    assert [site.timings(mp3)["language"] for mp3 in site.audio_files()] == ["en", "fr", "fr"]
    players = site.html("talk.html").split('<div class="convaudio"')[1:]
    assert ["Hello." in players[0], "Bonjour." in players[1], "Hello." in players[2]] == [True, True, True]
    assert list(site.voice_map()["espeak"]) == ["ep.json", "solo.json"]


@pytest.mark.parametrize("marker", ["lang=fr", "off"])
def test_a_marker_above_a_paragraph_marks_the_dialogue_link_on_its_later_line(site: Site, marker: str) -> None:
    """A marker above a paragraph whose link is on its second line was not read: the conversation was spoken in
    the page's language (`lang=fr` warned that it marked nothing) or kept (`off`, without a word). Every link of the
    paragraph is marked (review r-site4: two of them); a heading underlined below the marker ends it."""
    (site.docs / "ep.json").write_text(json.dumps([{"speaker": "Host", "line": "Bonjour."}]), encoding="utf-8")
    (site.docs / "ep2.json").write_text(json.dumps([{"speaker": "Host", "line": "Salut."}]), encoding="utf-8")
    (site.docs / "ep3.json").write_text(json.dumps([{"speaker": "Host", "line": "Hello."}]), encoding="utf-8")
    page = f"# Talk\n\n<!-- convaudio: {marker} -->\nVoici les conversations, en français :\n[script](ep.json)\n"
    page += "[script](ep2.json)\n\nMore\n\n<!-- convaudio: lang=fr -->\nPart\n----\n[script](ep3.json)\n"
    site.write("talk.md", post(page, lang="en"))
    site.write("other.md", post("# Other\n\n[script](ep.json)\n[script](ep2.json)\n", lang="en"))  # for `off`
    for _ in range(2):  # a warm build too
        site.build()
        assert [line.split(": ")[1] for line in site.warnings()] == ["talk.md:15"], site.warnings()
        players = site.html("talk.html").split('<div class="convaudio"')[1:]
        languages = {mp3.name: site.timings(mp3)["language"] for mp3 in site.audio_files()}
        if marker == "off":
            assert len(players) == 1 and languages == {"ep-en.mp3": "en", "ep2-en.mp3": "en", "ep3-en.mp3": "en"}
        else:
            assert [' lang="fr"' in player.split(">")[0] for player in players] == [True, True, False]
            assert languages == {
                "ep-en.mp3": "en",
                "ep-fr.mp3": "fr",
                "ep2-en.mp3": "en",
                "ep2-fr.mp3": "fr",
                "ep3-en.mp3": "en",
            }


@pytest.mark.parametrize(
    ("marker", "translation", "published"),
    [("lang=FR", "ep.fr.json", "ep.fr.mp3"), ("lang=fr", "ep-fr.json", "ep-fr-fr.mp3")],
)
def test_a_marked_link_opens_its_translation_whatever_the_code_s_case_or_the_name_s_form(
    site: Site, marker: str, translation: str, published: str
) -> None:
    """`<!-- convaudio: lang=FR -->` above `ep.json` beside `ep.fr.json`, and `lang=fr` above it beside `ep-fr.json`
    (the dash form `Translations` pairs with `ep.json`): `ep.json`'s English was read by the French voice."""
    english = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Guest", "line": "Hi."}]
    french = [{"speaker": "Host", "line": "Bonjour."}, {"speaker": "Guest", "line": "Salut."}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    (site.docs / translation).write_text(json.dumps(french), encoding="utf-8")
    site.write("talk.md", post(f"<!-- convaudio: {marker} -->\n[script](ep.json)\n", lang="en"))
    site.build(strict=True)
    assert [mp3.name for mp3 in site.audio_files()] == [published]
    assert site.timings(site.audio_files()[0])["language"] == "fr"
    assert "Bonjour." in site.html("talk.html") and "Hello." not in site.html("talk.html")


@pytest.mark.parametrize(
    ("beside", "opened", "published"),
    [
        (["ep.fr.json"], "Bonjour.", "ep.fr-fr-CA.mp3"),
        (["ep.fr.json", "ep.fr-CA.json"], "Allô.", "ep.fr-CA.mp3"),
        (["ep.fr.json", "ep.fr-ca.json"], "Allô.", "ep.fr-ca.mp3"),
        (["ep-fr.json"], "Bonjour.", "ep-fr-fr-CA.mp3"),
        ([], "Hello.", "ep-fr-CA.mp3"),
    ],
)
def test_a_marked_link_in_a_regional_language_opens_the_base_language_s_translation_without_its_own(
    site: Site, beside: list[str], opened: str, published: str
) -> None:
    """`<!-- convaudio: lang=fr-CA -->` above `ep.json` with only `ep.fr.json` beside it read `ep.json`'s English
    with the Canadian French voice: the regional file is opened first (`ep.fr-CA.json`, in either case), else the
    base language's (`ep.fr.json`, `ep-fr.json`), else `ep.json` as it is; spoken in `fr-CA` all the same."""
    english = [{"speaker": "Host", "line": "Hello."}, {"speaker": "Guest", "line": "Hi."}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    for name in beside:
        line = "Allô." if "-CA" in name or "-ca" in name else "Bonjour."
        turns = [{"speaker": "Host", "line": line}, {"speaker": "Guest", "line": "Salut."}]
        (site.docs / name).write_text(json.dumps(turns), encoding="utf-8")
    site.write("talk.md", post("<!-- convaudio: lang=fr-CA -->\n[script](ep.json)\n", lang="en"))
    site.build(strict=True)
    [mp3] = site.audio_files()
    assert (mp3.name, site.timings(mp3)["language"]) == (published, "fr-CA")
    assert site.timings(mp3)["lines"][0]["text"] == opened
    assert list(site.voice_map()["espeak"]) == ["ep.json"]  # one person's voices in every language


def test_a_marked_link_in_a_language_with_a_script_and_a_region_opens_the_script_s_translation(site: Site) -> None:
    """`<!-- convaudio: lang=zh-Hant-TW -->` above `ep.json` with `ep.zh-Hant.json` beside it read `ep.json`'s
    English with the Chinese voice: only the whole tag and the bare language were tried, not the tag between."""
    english = [{"speaker": "Host", "line": "Welcome back."}, {"speaker": "Guest", "line": "Hello."}]
    traditional = [{"speaker": "Host", "line": "歡迎回來。"}, {"speaker": "Guest", "line": "你好。"}]
    (site.docs / "ep.json").write_text(json.dumps(english), encoding="utf-8")
    (site.docs / "ep.zh-Hant.json").write_text(json.dumps(traditional, ensure_ascii=False), encoding="utf-8")
    site.write("talk.md", post("<!-- convaudio: lang=zh-Hant-TW -->\n[script](ep.json)\n", lang="en"))
    site.build(strict=True)
    [mp3] = site.audio_files()
    assert (mp3.name, site.timings(mp3)["language"]) == ("ep.zh-Hant-zh-Hant-TW.mp3", "zh-Hant-TW")
    assert site.timings(mp3)["lines"][0]["text"] == "歡迎回來。"
