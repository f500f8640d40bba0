"""Spoken text through real MkDocs builds with eSpeak NG: the lexicon, `say`, language aliases, scripts a voice
cannot read, and the `say` / `estimate --show-text` commands. A recording subclass of the real eSpeak engine
notes what each request was given, then synthesizes it as usual."""

from __future__ import annotations

import json
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import ClassVar

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from mkdocs_convaudio import engines
from mkdocs_convaudio.audio.types import Audio
from mkdocs_convaudio.cli import main
from mkdocs_convaudio.engines.espeak import EspeakEngine
from tests.sites import Site, decode, post, rms_db


class RecordingEspeak(EspeakEngine):
    """The real eSpeak NG engine, keeping the text of every request."""

    sent: ClassVar[list[str]] = []

    def synthesize(self, text: str, voice: str, language: str) -> Audio:
        RecordingEspeak.sent.append(text)
        return super().synthesize(text, voice, language)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    registered = engines.available()
    recording = EntryPoint("espeak", f"{__name__}:RecordingEspeak", engines.ENTRY_POINT_GROUP)
    monkeypatch.setattr(engines, "available", lambda: {**registered, "espeak": recording})
    RecordingEspeak.sent = []
    return RecordingEspeak.sent


def turns(*items: dict[str, str]) -> str:
    return "```json\n" + json.dumps(list(items), indent=1, ensure_ascii=False) + "\n```\n"


def technical_post(say: str = "B equals P inverse, times A, times P") -> str:
    return post(
        turns(
            {"speaker": "A", "line": "Our SPI bus talks to DeepSeek."},
            {"speaker": "B", "line": "B = P⁻¹AP", "say": say},
            {"speaker": "A", "line": r"And $\frac{1}{\sqrt{2}}$, with $a_{ij}$ and A^-1."},
        ),
        lang="en",
    )


def test_formulas_reach_the_engine_as_words_and_the_transcript_keeps_the_line(site: Site, sent: list[str]) -> None:
    site.write("post.md", technical_post())
    assert site.build().synthesized == 3
    assert sent[2] == "And one over the square root of two, with a sub i j and A inverse."
    assert sent[1] == "B equals P inverse, times A, times P"  # "say" is sent as written
    timings = site.timings(site.audio_files()[0])
    assert [line["text"] for line in timings["lines"]][1] == "B = P⁻¹AP"
    assert "B = P⁻¹AP" in site.html("post.html")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Bei 60 Kilometer pro Stunde gilt ein halb m v Quadrat, zum Beispiel für P invers A P."),
        ("es", "A 60 kilómetros por hora vale un medio m v al cuadrado, por ejemplo para P inversa A P."),
        ("fr", "En une minute, un euro de plus, à 60 kilomètres par heure."),
    ],
)
def test_translated_pages_reach_the_engine_in_their_own_words(
    site: Site, sent: list[str], lang: str, said: str
) -> None:
    """A German, Spanish or French page's units, formulas and abbreviations are said with that language's words
    (German and Spanish had English words before their tables; "1 min" is "une minute", where eSpeak read the digit
    "un"), by a voice of that language; the transcript keeps the line as written."""
    written = {
        "de": r"Bei 60 km/h gilt $\frac{1}{2}mv^2$, z. B. für P⁻¹AP.",
        "es": r"A 60 km/h vale $\frac{1}{2}mv^2$, p. ej. para P⁻¹AP.",
        "fr": "En 1 min, 1 € de plus, à 60 km/h.",
    }[lang]
    site.write("post.md", post(turns({"speaker": "A", "line": written}), lang=lang))
    assert site.build(strict=True).synthesized == 1
    assert sent == [said]
    mp3 = site.audio_files()[0]
    timings = site.timings(mp3)
    assert timings["language"] == lang and timings["voices"]["A"].startswith(lang)
    assert [line["text"] for line in timings["lines"]] == [written]
    samples, rate = decode(mp3)
    assert len(samples) / rate > 2.0 and rms_db(samples) > -40


def test_a_conditional_probability_builds_and_a_reply_no_stays_no(site: Site, sent: list[str]) -> None:
    """`P(A|B)` ended the build with a KeyError from the formula reader (a bar left open when its parenthesis
    closed); a reply "No." was read "number"."""
    site.write(
        "post.md",
        post(turns({"speaker": "A", "line": "Is P(A|B) = P(B|A)?"}, {"speaker": "B", "line": "No. Not in general."})),
    )
    assert site.build(strict=True).synthesized == 2
    assert sent == ["Is P of A given B equals P of B given A?", "No. Not in general."]
    samples, rate = decode(site.audio_files()[0])
    assert len(samples) / rate > 2.0


def test_a_line_the_rules_fail_on_is_read_as_written_with_a_located_warning(
    site: Site, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """If spelling a line out fails (a bug in a rule, met on a line nobody foresaw), the build goes on: the line is
    read without its formula syntax, and a warning names its file and line and how to get past it."""
    from mkdocs_convaudio.text import spoken_memo

    spelled = spoken_memo.SpokenMemo.spoken

    def failing_on_one_line(self: spoken_memo.SpokenMemo, line: str, language: str) -> str:
        if "x^{2}" in line:
            raise RuntimeError("a rule failed")  # as `P(A|B)` did, with a KeyError, before conditionals were known
        return spelled(self, line, language)

    monkeypatch.setattr(spoken_memo.SpokenMemo, "spoken", failing_on_one_line)
    text = post(turns({"speaker": "A", "line": "Hello."}, {"speaker": "B", "line": "So $x^{2}$ grows."}))
    site.write("post.md", text)
    # the turn's line, where its object opens (as every warning about a turn)
    number = next(index for index, line in enumerate(text.splitlines(), 1) if '"B"' in line) - 1
    assert site.build().synthesized == 2
    assert sent == ["Hello.", "So x 2 grows."]
    [warning] = [message for message in site.warnings() if "could not be put into words" in message]
    assert f"post.md:{number}:" in warning and "RuntimeError: a rule failed" in warning and '"say"' in warning
    samples, rate = decode(site.audio_files()[0])
    assert len(samples) / rate > 1.0
    # a warm rebuild says it again (and so fails --strict), and pays for nothing: the line's key is stable
    with pytest.raises(Abort):
        site.build(strict=True)
    assert sum("could not be put into words" in message for message in site.warnings()) == 1
    assert site.summary().synthesized == 0 and sent == ["Hello.", "So x 2 grows."]


def test_a_build_whose_rules_fail_on_many_lines_stops_before_making_any_audio(
    site: Site, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule broken for every line would have each line paid for as written, and again once fixed: past three
    such lines the build stops, naming the line, before any request."""
    from mkdocs_convaudio.text import spoken_memo

    def failing(self: spoken_memo.SpokenMemo, line: str, language: str) -> str:
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(spoken_memo.SpokenMemo, "spoken", failing)
    # three such lines: read as written, each with its warning
    site.write("post.md", post(turns(*({"speaker": "AB"[n % 2], "line": f"Line {n}."} for n in range(3)))))
    assert site.build().synthesized == 3
    assert sum("could not be put into words" in message for message in site.warnings()) == 3
    assert sent == ["Line 0.", "Line 1.", "Line 2."]
    # a fourth: the build stops at it, before any request
    sent.clear()
    site.write("post.md", post(turns(*({"speaker": "AB"[n % 2], "line": f"Line {n}!"} for n in range(4)))))
    error = site.build_error()
    assert "post.md:" in error and "stopping before any audio is made" in error and "report" in error
    assert sent == []


def test_an_error_to_fix_met_while_spelling_a_line_still_stops_the_build(
    site: Site, sent: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a rule's own failure is read past; an error the user must fix (a lexicon's) is shown as it is."""
    from mkdocs_convaudio.errors import ConvaudioError
    from mkdocs_convaudio.text import spoken_memo

    def failing(self: spoken_memo.SpokenMemo, line: str, language: str) -> str:
        raise ConvaudioError("this entry says nothing; give it the words to say", "convaudio-pronunciations.yml", 3)

    monkeypatch.setattr(spoken_memo.SpokenMemo, "spoken", failing)
    site.write("post.md", post(turns({"speaker": "A", "line": "Hello."})))
    assert "convaudio-pronunciations.yml:3: this entry says nothing" in site.build_error()
    assert sent == []


def test_lexicon_and_say_change_only_the_lines_they_touch(site: Site, sent: list[str]) -> None:
    site.write("post.md", technical_post())
    site.build()
    assert sent[0] == "Our SPI bus talks to DeepSeek."

    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  SPI: S P I\n  DeepSeek: Deep Seek\n")
    sent.clear()
    summary = site.build()
    assert (summary.synthesized, summary.from_cache) == (1, 2)
    assert sent == ["Our S P I bus talks to Deep Seek."]

    # an entry no line uses changes no key: the lexicon as a whole is not part of any key
    (site.root / "convaudio-pronunciations.yml").write_text(
        "all:\n  SPI: S P I\n  DeepSeek: Deep Seek\nen:\n  GPT: G P T\nfr:\n  SPI: esse pé i\n"
    )
    sent.clear()
    assert site.build().synthesized == 0

    site.write("post.md", technical_post(say="B is P inverse A P"))
    sent.clear()
    assert site.build().synthesized == 1
    assert sent == ["B is P inverse A P"]


def test_estimate_show_text_lists_written_and_spoken(
    site: Site, sent: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    site.write("post.md", technical_post())
    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  SPI: S P I\n")
    site.write_config()
    assert main(["estimate", "--show-text", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "written: Our SPI bus talks to DeepSeek." in out
    assert "spoken:  Our S P I bus talks to DeepSeek." in out
    assert "spoken:  B equals P inverse, times A, times P" in out and 'from "say"' in out
    assert "spoken:  And one over the square root of two, with a sub i j and A inverse." in out
    assert out.count("[new]") == 3 and not sent  # nothing synthesized, nothing sent

    site.build()
    main(["estimate", "--show-text", "-f", str(site.root / "mkdocs.yml")])
    assert capsys.readouterr().out.count("[cached]") == 3


def test_say_command_uses_the_sites_lexicon(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["say", "--lang", "en", "-f", "missing.yml", "B = P⁻¹AP"]) == 0
    assert capsys.readouterr().out == "B equals P inverse A P\n"
    assert main(["say", "--lang", "fr", "-f", "missing.yml", "x² et Aᵀ, Vrai/Faux"]) == 0
    assert capsys.readouterr().out == "x au carré et A transposée, Vrai ou Faux\n"

    site.write("index.md", "# Home\n")
    site.plugin_options = {"language_aliases": {"anglais": "en"}}
    site.write_config()
    (site.root / "convaudio-pronunciations.yml").write_text("en:\n  SPI: S P I\n")
    monkeypatch.chdir(site.root)
    assert main(["say", "--lang", "anglais", "The SPI bus"]) == 0
    assert capsys.readouterr().out == "The S P I bus\n"


def test_say_command_works_beside_a_mkdocs_yml_without_the_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a project's own docs site (like this repository's): `say` must not insist that it uses the plugin
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Project docs\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["say", "--lang", "en", "B = P⁻¹AP"]) == 0
    assert capsys.readouterr().out == "B equals P inverse A P\n"


def test_say_command_uses_the_lexicon_of_a_blog_without_mkdocs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a Jekyll blog rendered with `render`: convaudio.toml names the lexicon and the aliases
    (tmp_path / "convaudio.toml").write_text(
        'pronunciations = "words.yml"\n[language_aliases]\nanglais = "en"\n', encoding="utf-8"
    )
    (tmp_path / "words.yml").write_text("en:\n  DeepSeek: Deep Seek\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["say", "--lang", "anglais", "DeepSeek and $x^2$"]) == 0
    assert capsys.readouterr().out == "Deep Seek and x squared\n"


def test_unreadable_script_warns_with_its_location_and_is_not_spoken(site: Site, sent: list[str]) -> None:
    site.write(
        "post.md",
        post(
            turns(
                {"speaker": "A", "line": "In Japanese, Tokyo is written 東京."},
                {"speaker": "B", "line": "東京は日本の首都です。"},
                {"speaker": "A", "line": "Thanks."},
            ),
            lang="en",
        ),
    )
    with pytest.raises(Exception, match="warnings"):
        site.build(strict=True)
    warning = next(message for message in site.warnings() if "cannot read" in message)
    assert "post.md:8: 2 line(s) of this conversation (line 8, 12) are written in Han" in warning
    assert "and Hiragana" in warning and "set the page's `lang`" in warning

    assert sent == ["In Japanese, Tokyo is written.", "Thanks."]  # the all-Japanese line is a short silence
    site.build()
    mp3 = site.audio_files()[0]
    lines = site.timings(mp3)["lines"]
    assert len(lines) == 3 and lines[1]["text"] == "東京は日本の首都です。"
    samples, rate = decode(mp3)
    assert len(samples) / rate > 1.0


def test_the_marks_of_unreadable_letters_go_with_them(site: Site, sent: list[str]) -> None:
    """Thai vowel signs, Devanagari vowel signs, Arabic vowel marks and Hebrew points stayed when their letters
    were left out, and eSpeak NG read each out by name ("Thai letter e31", "fatha"; bug bash 77)."""
    site.write(
        "post.md",
        post(
            turns(
                {"speaker": "A", "line": "Hello in Thai is สวัสดี, okay."},
                {"speaker": "B", "line": "In Hindi it is नमस्ते, okay."},
                {"speaker": "A", "line": "Arabic is مَرْحَبًا, okay."},
                {"speaker": "B", "line": "Hebrew is שָׁלוֹם, okay."},
                {"speaker": "A", "line": "And Jos\u00e9 stays Jose\u0301, caf\u00e9 too."},
            ),
            lang="en",
        ),
    )
    site.build()
    assert sent == [
        "Hello in Thai is, okay.",
        "In Hindi it is, okay.",
        "Arabic is, okay.",
        "Hebrew is, okay.",
        "And Jos\u00e9 stays Jose\u0301, caf\u00e9 too.",  # a combining accent on a Latin letter stays
    ]
    warning = next(message for message in site.warnings() if "cannot read" in message)
    assert "written in Thai, Devanagari, Arabic and Hebrew, which" in warning, warning


def test_a_reply_of_only_an_emoji_or_a_symbol_keeps_its_place(site: Site, sent: list[str]) -> None:
    """`👍` as a whole reply vanished from the transcript and the audio without a word (bug bash 77): it keeps its
    place in the transcript (nothing is sent for it), and takes no time in the audio (it was 1.5 s of silence:
    its own 0.4 s and a pause on each side); punctuation or math symbols alone (a model's `===` separator) are
    still no turn (review 78)."""
    site.write(
        "post.md",
        post(
            turns(
                {"speaker": "A", "line": "Did it work?"},
                {"speaker": "B", "line": "👍"},
                {"speaker": "A", "line": "And the limit?"},
                {"speaker": "B", "line": "∞"},
                {"speaker": "A", "line": "..."},
                {"speaker": "B", "line": "==="},
            ),
            lang="en",
        ),
    )
    site.build()
    assert sent == ["Did it work?", "And the limit?"]
    lines = site.timings(site.audio_files()[0])["lines"]
    assert [line["text"] for line in lines] == ["Did it work?", "👍", "And the limit?"]
    # no time of its own: where the next line starts, after the pause of A going on, as if it were absent
    assert lines[1]["start"] == lines[1]["end"] == lines[2]["start"]
    assert lines[2]["start"] - lines[0]["end"] == pytest.approx(0.35, abs=0.013)
    assert "👍" in site.html("post.html")
    # the audio is where the timings say: silence in the one pause, A's voice on each side of it
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    assert len(samples) / rate == pytest.approx(site.timings(mp3)["duration"], abs=0.01)
    assert rms_db(samples[int((lines[0]["end"] + 0.01) * rate) : int((lines[2]["start"] - 0.01) * rate)]) < -60
    for line in (lines[0], lines[2]):
        assert rms_db(samples[int(line["start"] * rate) : int(line["end"] * rate)]) > -35
    # captions caption what is heard: a cue must last, so the emoji has none (the transcript shows it)
    captions = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    assert "Did it work?" in captions and "And the limit?" in captions and "👍" not in captions


def test_espeak_japanese_reads_kana_but_not_kanji(site: Site, sent: list[str]) -> None:
    site.write("ja.md", post(turns({"speaker": "A", "line": "東京はとても大きいです。"}), lang="ja"))
    site.build()
    assert sent == ["はとても きいです。"]
    assert any("Han (Chinese characters, kanji)" in message and "'ja'" in message for message in site.warnings())


@pytest.mark.parametrize(
    ("lang", "aliases", "tag", "voice"),
    [
        ("hant", {}, "zh-Hant", "cmn+"),
        ("tc", {"tc": "zh-Hant-HK"}, "zh-Hant-HK", "yue+"),
        ("en_US", {}, "en-US", "en-US+"),
    ],
)
def test_language_codes_are_normalized_with_aliases(
    site: Site, sent: list[str], lang: str, aliases: dict[str, str], tag: str, voice: str
) -> None:
    site.plugin_options = {"language_aliases": aliases}
    lines = turns({"speaker": "A", "line": "你好。OK"}, {"speaker": "B", "line": "謝謝"})
    site.write("post.md", post(lines, lang=lang))
    site.build(strict=tag.startswith("zh"))  # Chinese voices read Han: no warning
    timings = site.timings(site.audio_files()[0])
    assert timings["language"] == tag
    assert all(name.startswith(voice) for name in timings["voices"].values())


def test_a_code_that_is_no_language_is_named_with_its_line(site: Site) -> None:
    site.write("post.md", post(turns({"speaker": "A", "line": "Hi"}), lang="not a language!"))
    message = site.build_error()
    assert "post.md:3: 'not a language!' is not a language code" in message and "language_aliases" in message


def test_an_alias_to_no_language_is_named_by_the_option_not_the_pages_code(site: Site) -> None:
    """`language_aliases: {en: "notalang!!"}` blamed the page's `en` and told the author to map it (bug bash 95)."""
    site.plugin_options = {"language_aliases": {"EN": "notalang!!"}}
    site.write("post.md", post(turns({"speaker": "A", "line": "Hi"}), lang="en"))
    message = site.build_error()
    assert "language_aliases: EN: 'notalang!!' is not a language code" in message, message
    assert "'en' is not a language code" not in message


def test_a_language_written_as_its_name_gets_an_alias_to_its_own_code(site: Site) -> None:
    """The hint maps `french` to `fr`, not to English (copied as it was, French lines were read in English)."""
    site.write("post.md", post(turns({"speaker": "A", "line": "Bonjour"}), lang="french"))
    message = site.build_error()
    assert "post.md:3: 'french' is not a language code" in message and "language_aliases: {french: fr}" in message


@pytest.mark.parametrize("lang", [5, ["fr"], ""])
def test_a_lang_that_is_no_text_stops_the_build_with_its_line(site: Site, lang: object) -> None:
    """`lang: 5` or `lang: [fr]` was read as English without a word; every such page is named in one build."""
    site.write("post.md", post(turns({"speaker": "A", "line": "Bonjour"}), lang=lang))
    site.write("other.md", post(turns({"speaker": "A", "line": "Bonjour"}), lang=lang))
    message = site.build_error()
    assert f"post.md:3: lang: {lang!r} is not a language code" in message, message
    assert f"other.md:3: lang: {lang!r}" in message


def test_bad_lexicon_is_named(site: Site) -> None:
    site.write("post.md", technical_post())
    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  SPI: [S, P\n")
    assert "convaudio-pronunciations.yml:3: this pronunciation lexicon is not valid YAML" in site.build_error()
    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  SPI: {sound: S P I}\n")
    assert "the entry 'SPI' must be the words to say" in site.build_error()


def test_every_bad_lexicon_entry_is_named_with_its_line_in_one_build(site: Site) -> None:
    site.write("post.md", technical_post())
    (site.root / "convaudio-pronunciations.yml").write_text(
        "all:\n  SPI: S P I\n  bad: [1, 2]\nenglish:\n  GPT: G P T\nfr:\n  worse: {sai: x}\n"
    )
    message = site.build_error()
    assert "3 problems in this pronunciation lexicon" in message, message
    assert "convaudio-pronunciations.yml:3: section all: the entry 'bad' must be the words to say" in message
    assert "convaudio-pronunciations.yml:4: section english: 'english' is not a language code" in message
    assert "convaudio-pronunciations.yml:7: section fr: the entry 'worse'" in message
    assert "Traceback" not in message
    # an empty key matched everywhere ("Hello world.nothing The ..."); a quoted "false" was true
    (site.root / "convaudio-pronunciations.yml").write_text(
        'en:\n  "": nothing\n  API: {say: A P I, whole_word: "false"}\n'
    )
    message = site.build_error()
    assert "convaudio-pronunciations.yml:2: section en: an entry has an empty key" in message, message
    assert "convaudio-pronunciations.yml:3: section en: the entry 'API': whole_word and case_sensitive are true or" in (
        message
    )


def test_lexicon_path_option(site: Site, sent: list[str], tmp_path: Path) -> None:
    lexicon = tmp_path / "words.yml"
    lexicon.write_text("en:\n  SPI: S P I\n")
    site.plugin_options = {"pronunciations": str(lexicon)}
    site.write("post.md", post(turns({"speaker": "A", "line": "SPI"}), lang="en"))
    site.build(strict=True)
    assert sent == ["S P I"]
    lexicon.unlink()  # a typo in the option read nothing without a word
    site.write("post.md", post(turns({"speaker": "A", "line": "SPI now"}), lang="en"))
    site.build()
    assert any(f"pronunciations: {lexicon} does not exist" in warning for warning in site.warnings())


def test_serve_watches_the_lexicon(site: Site) -> None:
    (site.root / "convaudio-pronunciations.yml").write_text("all:\n  SPI: S P I\n")
    site.write("index.md", post(turns({"speaker": "A", "line": "SPI"}), lang="en"))
    site.write_config()
    config = load_config(config_file=str(site.root / "mkdocs.yml"))
    build(config, serve_url="http://127.0.0.1:8000/")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.site))
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    watched = {Path(path).resolve() for path in server._watched_paths}
    assert (site.root / "convaudio-pronunciations.yml").resolve() in watched


def test_a_conversation_of_only_emoji_replies_gets_no_mp3_and_says_why(site: Site, sent: list[str]) -> None:
    """Every turn an emoji (they take no time in the audio): it published an MP3 of half a second of silence and a
    player without a word (review 146). It gets neither, and a warning naming its line says what to write."""
    page = site.write("post.md", post(turns({"speaker": "A", "line": "👍"}, {"speaker": "B", "line": "🎉"}), lang="en"))
    site.build()
    assert sent == [] and site.audio_files() == []
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("```")) + 1
    warnings = site.warnings()
    assert any(
        f"post.md:{first}: this conversation has no lines to speak: its turns are only emoji" in w for w in warnings
    ), warnings


def test_an_emoji_conversation_with_a_symbol_to_say_is_spoken(site: Site, sent: list[str]) -> None:
    """`👍 ≠ 👎` has a word to say ("is not equal to"): its conversation is no conversation of only emoji, and gets
    its MP3 (review 152: the check for words wanted a letter or a digit)."""
    site.write("post.md", post(turns({"speaker": "A", "line": "🤔"}, {"speaker": "B", "line": "👍 ≠ 👎"}), lang="en"))
    site.build(strict=True)
    assert len(sent) == 1 and "not equal" in sent[0], sent
    assert len(site.audio_files()) == 1


def test_a_formula_nested_too_deep_to_read_is_said_symbol_by_symbol(site: Site, sent: list[str]) -> None:
    """`x^x^x^…` 600 times or `10^{1` pasted a thousand times ended the reader in a RecursionError (the build read
    the line as written with a warning that a rule had failed, and `say` showed a traceback): such a formula is said
    symbol by symbol, the rest of the line with it, and the build goes on."""
    nested = "x^" * 600 + "x"
    pasted = "10^{1" * 1000
    site.write(
        "post.md",
        post(turns({"speaker": "A", "line": f"So {nested} grows."}, {"speaker": "B", "line": f"And ${pasted}$."})),
    )
    assert site.build(strict=True).synthesized == 2
    assert sent == [f"So {'x ' * 600}x grows.", f"And 10 {'110 ' * 999}1."]
    assert not site.warnings()
    samples, rate = decode(site.audio_files()[0])
    assert len(samples) / rate > 10.0


def test_say_command_reads_a_formula_nested_too_deep_symbol_by_symbol(capsys: pytest.CaptureFixture[str]) -> None:
    """`say` with `x^` 600 times showed a RecursionError's traceback."""
    assert main(["say", "--lang", "en", "-f", "missing.yml", "x^" * 600]) == 0
    assert capsys.readouterr().out == f"{'x ' * 599}x\n"


def test_stage_directions_a_model_writes_are_not_sent_and_stay_in_the_transcript(site: Site, sent: list[str]) -> None:
    # bug bash h-llm: a podcast dialogue from a language model, its cues said aloud ("laughs Thanks", "Music fades
    # in"); a turn of only a cue keeps its place in the transcript and sends no request
    site.write(
        "post.md",
        post(
            turns(
                {"speaker": "Host", "line": "[Music fades in]"},
                {"speaker": "Host", "line": "Welcome back. *pauses* Today: neurons."},
                {"speaker": "Guest", "line": "[laughs] Thanks for having me (sighs)."},
            ),
            lang="en",
        ),
    )
    summary = site.build()
    assert sorted(sent) == ["Thanks for having me.", "Welcome back. Today: neurons."]
    assert summary.characters == len("Thanks for having me.") + len("Welcome back. Today: neurons.")
    timings = site.timings(site.audio_files()[0])
    assert [line["text"] for line in timings["lines"]] == [
        "[Music fades in]",
        "Welcome back. *pauses* Today: neurons.",
        "[laughs] Thanks for having me (sighs).",
    ]
    assert "[laughs] Thanks for having me (sighs)." in site.html("post.html")
    # captions caption what is heard, and no laugh is (f-cues2: the cues were shown, `*pauses*` as the word "pauses")
    captions = site.audio_files()[0].with_suffix(".vtt").read_text(encoding="utf-8")
    assert "<v Host>Welcome back. Today: neurons." in captions, captions
    assert "<v Guest>Thanks for having me." in captions, captions
    assert not any(cue in captions for cue in ("laughs", "pauses", "sighs", "Music")), captions


def test_a_conversation_of_only_stage_directions_gets_no_mp3_and_says_why(site: Site, sent: list[str]) -> None:
    # review r-llm of h-llm: stage directions take no time in the audio, as emoji do, and a conversation of only
    # cues (`[Music fades in]`, `(laughs)`, `*nods*`) published half a second of silence and a player without a word
    page = site.write(
        "post.md",
        post(
            turns(
                {"speaker": "Host", "line": "[Music fades in]"},
                {"speaker": "Guest", "line": "(laughs)"},
                {"speaker": "Host", "line": "*nods* 🎉"},
            ),
            lang="en",
        ),
    )
    site.write("code.md", post(turns({"speaker": "A", "line": "`(pause)`"}), lang="en"))
    site.build()
    assert sent == ["(pause)"], sent  # a code span is read as code
    assert [mp3.name for mp3 in site.audio_files()] == ["code-1.mp3"]
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("```")) + 1
    warnings = site.warnings()
    assert any(
        f"post.md:{first}: this conversation has no lines to speak: its turns are only emoji or stage directions" in w
        for w in warnings
    ), warnings


def test_a_speakers_own_name_at_the_start_of_its_line_is_not_said(site: Site, sent: list[str]) -> None:
    # a language model often repeats the speaker in the line: `{"speaker": "Host", "line": "Host: Welcome back!"}`
    # said "Host: Welcome back!"; only the turn's own name, at the line's start, goes, and the transcript keeps it
    written = [
        ("Host", "Host: Welcome back!"),
        ("Guest", "**guest:** Glad to be here."),
        ("Host", "**HOST**: So, tell us."),
        ("Guest", "Host: that is your name, not mine."),
        ("Host", "Today, Host: a title."),
    ]
    site.write("post.md", post(turns(*({"speaker": who, "line": line} for who, line in written)), lang="en"))
    summary = site.build()
    said = [
        "Welcome back!",
        "Glad to be here.",
        "So, tell us.",
        "Host: that is your name, not mine.",
        "Today, Host: a title.",
    ]
    assert sorted(sent) == sorted(said)
    assert summary.characters == sum(len(line) for line in said)
    timings = site.timings(site.audio_files()[0])
    assert [line["text"] for line in timings["lines"]] == [line for _, line in written]
