"""A Jekyll blog as it is: per-language post folders, LLM-written dialogue files, `lang` aliases, its own
trigger key; rendered by `mkdocs-convaudio render`, and built as a MkDocs site."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_convaudio.cli import main
from mkdocs_convaudio.html.assets import content_version
from tests.fakes.http import serve
from tests.fakes.openai_tts import openai_server
from tests.sites import SUMMARY, decode, url_versions

PHYSICS_EN = r"""[
  {"speaker": "Ada", "line": "The rate of change is $\frac{dv}{dt}$, with a time constant \tau."},
  {"speaker": "Ben", "line": "And the permittivity $\epsilon_0$ sets the scale."},
]
"""
PHYSICS_FR = r"""[
  {"speaker": "Ben", "line": "Et la permittivité fixe l'échelle."},
  {"speaker": "Ada", "line": "Le taux de variation est $\\frac{dv}{dt}$."}
]
"""
INTRO = '[{"speaker": "Host", "line": "Welcome to the show."}, {"speaker": "Guest", "line": "Glad to be here."}]\n'


def _post(lang_line: str, lines: tuple[str, str], link: str, *, trigger: str = "conversation: true") -> str:
    # translations let Ben speak first: voices handed out in order of appearance would differ if not shared
    speakers = ("Ada", "Ben") if "en" in lang_line else ("Ben", "Ada")
    turns = json.dumps([{"speaker": speakers[0], "line": lines[0]}, {"speaker": speakers[1], "line": lines[1]}])
    return (
        textwrap.dedent(
            f"""\
        ---
        layout: post
        title: Physics
        {lang_line}
        audio: true
        {trigger}
        translated: true
        ---

        The derivative $\\frac{{dv}}{{dt}}$ in one picture.

        """
        )
        + f"```json\n{turns}\n```\n\n[The script]({link})\n"
    )


def jekyll_blog(root: Path) -> Path:
    """A copy of the kind of blog issue 9 describes; no file in it mentions mkdocs-convaudio."""
    files = {
        "_config.yml": "title: A physics blog\n",
        "_posts/en/2026-01-10-physics-en.md": _post(
            "lang: en",
            ("What does the derivative tell us?", "How fast it changes."),
            "/scripts/conversation/physics-en.json",
        ),
        "_posts/fr/2026-01-10-physics-fr.md": _post(
            "lang: fr_FR",
            ("Que nous dit la dérivée ?", "À quelle vitesse cela change."),
            "/scripts/conversation/physics-fr.json",
        ),
        # the blog's own code for Traditional Chinese: an alias of zh-Hant
        "_posts/hant/2026-01-10-physics-hant.md": _post(
            "lang: hant", ("導數告訴我們什麼？", "它變化得多快。"), "/scripts/conversation/intro.json"
        ),
        "_posts/de/2026-01-10-physics-de.md": _post(
            "", ("Was sagt uns die Ableitung?", "Wie schnell es sich ändert."), "/scripts/conversation/intro.json"
        ),
        # in this blog `audio: true` means "a narrated MP3 of the post exists": not a conversation to render
        "_posts/en/2026-01-01-narrated-en.md": _post(
            "lang: en", ("Not me.", "Nor me."), "/scripts/conversation/intro.json", trigger=""
        ),
        "scripts/conversation/physics-en.json": PHYSICS_EN,
        "scripts/conversation/physics-fr.json": PHYSICS_FR,
        "scripts/conversation/intro.json": INTRO,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def timings(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def variants(voices: dict[str, str]) -> dict[str, str]:
    """eSpeak voices are `<language>+<variant>`: the variant is the speaker's identity across languages."""
    return {speaker: voice.split("+", 1)[1] for speaker, voice in voices.items()}


@pytest.fixture
def blog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    root = jekyll_blog(tmp_path / "blog")
    (root / "convaudio.toml").write_text('trigger_key = "conversation"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_render_dialogue_files_like_the_blog_script(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "scripts/conversation", "--out", "assets/conversations"]) == 0
    out, err = capsys.readouterr()
    out_dir = blog / "assets/conversations"
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "intro.json",
        "intro.mp3",
        "intro.vtt",
        "physics-en.json",
        "physics-en.mp3",
        "physics-en.vtt",
        "physics-fr.json",
        "physics-fr.mp3",
        "physics-fr.vtt",
    ]
    # one summary line; every assumption about the invalid JSON located on standard error
    [summary] = out.splitlines()
    assert SUMMARY.search(summary) and "9 files in assets/conversations; 4 warnings" in summary, summary
    located = [line.split(" ", 2)[1] for line in err.splitlines() if "physics-en.json" in line]
    assert located == [
        "scripts/conversation/physics-en.json:2:54:",
        "scripts/conversation/physics-en.json:2:91:",
        "scripts/conversation/physics-en.json:3:53:",
        "scripts/conversation/physics-en.json:3:82:",
    ], err
    english, french = timings(out_dir / "physics-en.json"), timings(out_dir / "physics-fr.json")
    assert (english["language"], french["language"]) == ("en", "fr")
    assert english["lines"][0]["text"].startswith("The rate of change is $\\frac{dv}{dt}$")
    assert variants(french["voices"]) == variants(english["voices"])  # the translation shares the voices
    assert len(set(english["voices"].values())) == 2
    voice_map = yaml.safe_load((blog / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert sorted(voice_map["espeak"]) == ["scripts/conversation/intro.json", "scripts/conversation/physics.json"]
    samples, rate = decode(out_dir / "physics-fr.mp3")
    assert len(samples) / rate == pytest.approx(french["duration"], abs=0.01)
    # scripts and CI: a second run synthesizes nothing; an error is a non-zero exit with the file named
    assert main(["render", "scripts/conversation", "--out", "assets/conversations"]) == 0
    assert "0 synthesized" in capsys.readouterr().out
    assert main(["render", "scripts/conversation", "--out", "assets/conversations", "--strict"]) == 1
    capsys.readouterr()
    assert main(["render", "scripts/nowhere", "--out", "x"]) == 2
    assert "scripts/nowhere does not exist" in capsys.readouterr().err


def test_cache_prune_keeps_what_the_recorded_render_runs_use(
    blog: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blog without MkDocs prunes its cache where its convaudio.toml is: each `render` run records in the cache
    what it uses, and prune keeps what every run used the last time it was made. A dialogue file deleted since
    stays until its run is made again; a moved checkout (a CI runner's other path) is the same run."""
    render = ["render", "scripts/conversation", "--out", "assets/conversations"]
    assert main(render) == 0
    assert main(["render", "--posts", "_posts", "--out", "assets/posts"]) == 0  # another run, the same root
    cache = blog / ".cache/plugin/convaudio"

    def entries(root: Path = cache) -> set[str]:
        return {p.name.split(".")[0] for kind in ("lines", "conversations") for p in (root / kind).rglob("*.*")}

    before = entries()
    capsys.readouterr()
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entries() == before
    # a mkdocs.yml that does not use the plugin (another tool's) leaves the blog's convaudio.toml in charge
    (blog / "mkdocs.yml").write_text("site_name: Not this blog's audio\ndocs_dir: _posts\n", encoding="utf-8")
    assert main(["cache", "prune", "--dry-run"]) == 0 and "would remove 0 entries" in capsys.readouterr().out
    (blog / "mkdocs.yml").unlink()
    # the other cache commands find the same cache folder through convaudio.toml
    assert main(["cache", "stats"]) == 0
    assert f"local {cache}: {len(before) + 2} entries" in capsys.readouterr().out  # and 2 segments
    assert main(["cache", "verify"]) == 0 and "0 corrupt" in capsys.readouterr().out
    assert main(["cache", "push"]) == 2 and "convaudio.toml" in capsys.readouterr().err  # no shared_cache set

    # a post whose conversation is skipped (its JSON broken): the run is not complete, its last record stays
    post = blog / "_posts/en/2026-01-10-physics-en.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace('"}]', '"}', 1), encoding="utf-8")
    posts = ["render", "--posts", "_posts", "--out", "assets/posts"]
    assert main(posts) == 0 and "was skipped" in capsys.readouterr().err
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entries() == before
    post.write_text(text.replace("```json", "> ```json", 1), encoding="utf-8")  # a quoted block: left out
    assert main(posts) == 0 and "is not turned into audio" in capsys.readouterr().err
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entries() == before
    post.write_text(text.replace("conversation: true", 'conversation: "true"'), encoding="utf-8")  # nearly on
    assert main(posts) == 0
    err = capsys.readouterr().err
    line = text.splitlines().index("conversation: true") + 1
    assert f"physics-en.md:{line}: " in err and "so audio is off" in err, err  # at its front matter line
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entries() == before
    post.write_text(text, encoding="utf-8")
    assert main(posts) == 0 and "0 synthesized" in capsys.readouterr().out

    moved = tmp_path / "elsewhere" / "blog"
    shutil.copytree(blog, moved, symlinks=True)
    monkeypatch.chdir(moved)
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out, "a moved checkout lost the runs' audio"
    assert main(render) == 0 and "0 synthesized" in capsys.readouterr().out
    [record] = moved.glob(".cache/plugin/convaudio/renders-memo-*.json")
    assert len(json.loads(record.read_text(encoding="utf-8"))["runs"]) == 2  # the same two runs, not a third
    monkeypatch.chdir(blog)

    (blog / "scripts/conversation/intro.json").unlink()
    assert main(["cache", "prune"]) == 0  # its run still uses it, as last made
    assert "local: removed 0 entries" in capsys.readouterr().out
    assert main(render) == 0  # made again without it
    assert main(["cache", "prune"]) == 0
    out = capsys.readouterr().out
    assert "local: removed 3 entries" in out, out  # the intro's two lines and its conversation
    assert len(before - entries()) == 3
    assert main(render) == 0 and "0 synthesized" in capsys.readouterr().out

    # a run that does not make every file it was given keeps what its last complete run used
    broken = blog / "scripts/conversation/physics-fr.json"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text[:40], encoding="utf-8")
    assert main(render) == 1  # the file is skipped
    kept = entries()
    assert main(["cache", "prune"]) == 0
    assert "local: removed 0 entries" in capsys.readouterr().out and entries() == kept
    broken.write_text(text, encoding="utf-8")
    assert main(render) == 0 and "0 synthesized" in capsys.readouterr().out

    # a record that cannot be read is never replaced: prune stops on it, naming it
    [record] = cache.glob("renders-memo-*.json")
    for damaged in ("{damaged", '{"version": 1, "runs": {"x": {"conversations": [null], "keys": []}}}'):
        record.write_text(damaged, encoding="utf-8")
        assert main(render) == 0
        assert f"{record} cannot be read" in capsys.readouterr().err
        assert record.read_text(encoding="utf-8") == damaged
    kept = entries()
    assert main(["cache", "prune"]) == 2
    error = capsys.readouterr().err
    assert f"{record.name} in {cache} cannot be read" in error and "delete it, then make each" in error, error
    assert entries() == kept

    monkeypatch.chdir(tmp_path)  # neither mkdocs.yml nor convaudio.toml here
    assert main(["cache", "prune"]) == 2
    said = capsys.readouterr().err
    assert "no mkdocs.yml (nor convaudio.toml) in this folder" in said
    # render runs made with flags only have no options file: the message says what to write (bug bash 76)
    assert "or create an empty one" in said
    (tmp_path / "convaudio.toml").write_text("", encoding="utf-8")  # a blog no run is recorded for
    (tmp_path / ".cache/plugin/convaudio/lines").mkdir(parents=True)
    assert main(["cache", "prune"]) == 2
    assert "no render run is recorded in" in capsys.readouterr().err


def test_cache_prune_keeps_the_paid_audio_of_a_run_that_fell_back(
    blog: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run without the cloud engine's credentials re-plans its lines for the fallback engine. It records those
    as it makes them (a run stopped after its first line keeps that line), and it is no complete run: the cloud
    audio its last complete run paid for stays recorded, and prune keeps both."""
    from mkdocs_convaudio.store.cache import AudioCache

    cache = blog / ".cache/plugin/convaudio"

    def lines() -> set[str]:
        return {path.name.split(".")[0] for path in (cache / "lines").rglob("*.*")}

    render = ["render", "scripts/conversation", "--out", "out"]
    with serve(openai_server(api_key="test-key")) as server:
        options = f'engine = "openai"\nfallback_engine = "espeak"\n[openai]\nbase_url = "{server.url}/v1"\n'
        (blog / "convaudio.toml").write_text('trigger_key = "conversation"\n' + options, encoding="utf-8")
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        assert main(render) == 0
        paid = lines()
        assert paid and server.requests

        monkeypatch.delenv("OPENAI_API_KEY")
        (blog / "scripts/conversation/new.json").write_text('[{"speaker": "A", "line": "A new post."}]')
        put_line = AudioCache.put_line

        def put_line_and_stop(self: AudioCache, key: str, audio: Any) -> None:
            put_line(self, key, audio)
            raise RuntimeError("stopped")

        monkeypatch.setattr(AudioCache, "put_line", put_line_and_stop)
        with pytest.raises(RuntimeError, match="stopped"):
            main(render)  # stopped after its first line, made with the fallback engine
        monkeypatch.setattr(AudioCache, "put_line", put_line)
        first = lines()
        assert len(first - paid) == 1 and main(["cache", "prune"]) == 0
        assert "local: removed 0 entries" in capsys.readouterr().out and lines() == first

        assert main(render) == 0
        assert "fallback engine" in capsys.readouterr().err
        made = lines()
        assert main(["cache", "prune"]) == 0
        assert "local: removed 0 entries" in capsys.readouterr().out, "prune removed what the runs paid for"
        assert lines() == made and paid < made


def test_dry_run_estimates_and_writes_nothing(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "scripts/conversation", "--out", "assets/conversations", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^scripts/conversation/physics-en.json +2 +114 ", out, re.MULTILINE), out
    assert re.search(r"^total +6 +221 ", out, re.MULTILINE), out  # spoken text: "d v sur d t", not LaTeX
    assert not (blog / "assets").exists()
    assert not list(blog.rglob("*.flac"))


def test_render_posts_of_a_jekyll_blog(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--posts", "_posts", "--out", "assets/conversations"]) == 0
    out_dir = blog / "assets/conversations"
    mp3s = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.mp3"))
    assert mp3s == [
        "de/2026-01-10-physics-de-1.mp3",
        "en/2026-01-10-physics-en-1.mp3",
        "fr/2026-01-10-physics-fr-1.mp3",
        "hant/2026-01-10-physics-hant-1.mp3",
        "scripts/conversation/intro-de.mp3",
        "scripts/conversation/intro-hant.mp3",
        "scripts/conversation/physics-en-en.mp3",
        "scripts/conversation/physics-fr-fr_FR.mp3",
    ]  # the narrated post (`audio: true` only) is left alone
    english = timings(out_dir / "en/2026-01-10-physics-en-1.json")
    french = timings(out_dir / "fr/2026-01-10-physics-fr-1.json")
    german = timings(out_dir / "de/2026-01-10-physics-de-1.json")
    chinese = timings(out_dir / "hant/2026-01-10-physics-hant-1.json")
    # aliases (spoken as their BCP 47 tags), and the folder's language
    assert (french["language"], german["language"], chinese["language"]) == ("fr-FR", "de", "zh-Hant")
    assert variants(french["voices"]) == variants(english["voices"]) == variants(german["voices"])
    assert variants(chinese["voices"]) == variants(english["voices"])
    assert french["voices"]["Ada"].startswith("fr") and german["voices"]["Ada"].startswith("de")
    assert chinese["voices"]["Ada"].startswith("cmn")  # eSpeak reads Chinese characters with its Mandarin voice
    voice_map = yaml.safe_load((blog / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert "_posts/2026-01-10-physics.md" in voice_map["espeak"]
    snippet = (out_dir / "fr/2026-01-10-physics-fr-1.html").read_text(encoding="utf-8")
    assert url_versions(snippet, 'src="/assets/conversations/fr/2026-01-10-physics-fr-1.mp3')
    assert 'data-convaudio-timings="/assets/conversations/fr/2026-01-10-physics-fr-1.json"' in snippet
    assert snippet.count("data-start=") == 2 and "Que nous dit la dérivée ?" in snippet
    head = (out_dir / "convaudio-head.html").read_text(encoding="utf-8")
    version = content_version((out_dir / "convaudio.js").read_bytes())
    assert f'/assets/conversations/convaudio.js?v={version}"' in head
    capsys.readouterr()
    assert main(["voices", "--map", "--posts", "_posts"]) == 0
    listing = capsys.readouterr().out
    assert (
        "_posts/2026-01-10-physics.md\tshared by translations: _posts/de/2026-01-10-physics-de.md (de), "
        "_posts/en/2026-01-10-physics-en.md (en), _posts/fr/2026-01-10-physics-fr.md (fr_FR), "
        "_posts/hant/2026-01-10-physics-hant.md (hant)"
    ) in listing
    # a posts folder with no conversation: a run that makes no audio, into an output folder not yet made
    (blog / "drafts").mkdir()
    (blog / "drafts/2026-02-01-plain.md").write_text("---\ntitle: Plain\n---\n\nNo talk here.\n", encoding="utf-8")
    assert main(["render", "--posts", "drafts", "--out", "assets/drafts"]) == 0
    assert "0 conversations" in capsys.readouterr().out and (blog / "assets/drafts/convaudio-head.html").is_file()


def test_the_same_blog_as_a_mkdocs_site_builds_in_one_pass(
    blog: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (blog / "convaudio.toml").unlink()
    config = {
        "site_name": "A physics blog",
        "docs_dir": "blog",
        "site_dir": "out",
        "use_directory_urls": False,
        "plugins": [{"convaudio": {"trigger_key": "conversation"}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(tmp_path / "mkdocs.yml")))
    messages = [record.getMessage() for record in caplog.records]
    [summary] = [message for message in messages if SUMMARY.search(message)]
    assert "8 conversations" in summary
    warnings = [m for m in messages if m.startswith("convaudio: scripts/conversation/physics-en.json:")]
    assert len(warnings) == 4  # every assumption listed in the one build
    # the voice map's entry is named after no page of the blog (its posts sit in language folders): they share it
    assert (
        "convaudio: translations: _posts/de/2026-01-10-physics-de.md (de), _posts/en/2026-01-10-physics-en.md (en), "
        "_posts/fr/2026-01-10-physics-fr.md (fr_FR) and _posts/hant/2026-01-10-physics-hant.md (hant) share voices "
        "(the voice map's entry _posts/2026-01-10-physics.md)"
    ) in messages, messages
    voice_map = yaml.safe_load((tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert sorted(voice_map["espeak"]) == [
        "_posts/2026-01-10-physics.md",
        "scripts/conversation/intro.json",
        "scripts/conversation/physics.json",
    ]
    html = (tmp_path / "out/_posts/fr/2026-01-10-physics-fr.html").read_text(encoding="utf-8")
    assert "convaudio-audio" in html and "Que nous dit la dérivée ?" in html
    assert "convaudio-audio" not in (tmp_path / "out/_posts/en/2026-01-01-narrated-en.html").read_text("utf-8")


def test_hugo_content_with_toml_front_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    turns = '[{"speaker": "A", "line": "Hugo writes TOML."}, {"speaker": "B", "line": "So it does."}]'
    for lang in ("en", "fr"):
        page = tmp_path / f"content/{lang}/posts/talk.md"
        page.parent.mkdir(parents=True)
        page.write_text(f'+++\ntitle = "Talk"\naudio = true\n+++\n\n```json\n{turns}\n```\n', encoding="utf-8")
    broken = tmp_path / "content/en/posts/broken.md"
    broken.write_text('+++\naudio = true\n+++\n\n```conversation\n[{"speaker": "A"}]\n```\n', encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "static/conversations", "--url-prefix", "/c/"]) == 0
    assert 'warning: content/en/posts/broken.md:6: turn 1 has no "line"' in capsys.readouterr().err
    out = tmp_path / "static/conversations"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.mp3")) == [
        "en/posts/talk-1.mp3",
        "fr/posts/talk-1.mp3",
    ]
    assert timings(out / "fr/posts/talk-1.json")["language"] == "fr"  # from the folder: no `lang` in Hugo pages
    assert url_versions((out / "fr/posts/talk-1.html").read_text(encoding="utf-8"), 'src="/c/fr/posts/talk-1.mp3')
    voice_map = yaml.safe_load((tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8"))
    assert list(voice_map["espeak"]) == ["content/posts/talk.md"]


def test_render_reads_the_mkdocs_plugin_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/talk.json").write_text(INTRO, encoding="utf-8")
    config = {"site_name": "S", "plugins": [{"convaudio": {"voice_map": "voices.yml", "espeak": {"rate": 190}}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "convaudio.toml").write_text('voice_map = "ignored.yml"\n', encoding="utf-8")
    assert main(["render", "docs/talk.json", "--out", "out"]) == 0
    assert (tmp_path / "voices.yml").is_file() and not (tmp_path / "ignored.yml").exists()
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "convaudio.toml").write_text("engine = 3\n", encoding="utf-8")
    assert main(["render", "docs/talk.json", "--out", "out"]) == 2  # a bad option is an error, not a guess


def test_render_never_overwrites_a_file_it_did_not_write(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An output folder that holds another dialogue file of the same name (not one given): render stops before it
    writes anything; its own timings file, from the run before, it replaces."""
    other = blog / "out" / "intro.json"
    other.parent.mkdir()
    other.write_text('[{"speaker": "A", "line": "Another script, kept here."}]', encoding="utf-8")
    before = other.read_bytes()
    assert main(["render", "scripts/conversation/intro.json", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert f"would overwrite {other.resolve()}, which is not a timings file this command wrote" in err, err
    assert other.read_bytes() == before and not list(other.parent.glob("*.mp3"))
    other.unlink()
    assert main(["render", "scripts/conversation/intro.json", "--out", "out"]) == 0
    assert main(["render", "scripts/conversation/intro.json", "--out", "out"]) == 0  # its own timings: replaced
    assert json.loads(other.read_text(encoding="utf-8"))["lines"]


def test_render_names_what_it_was_given_that_is_not_there(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped folder or options file is an error, not a run with nothing to do or with the default settings."""
    for args, message in (
        (["--posts", "_postz", "--out", "out"], "_postz (given with --posts) is not a folder"),
        (
            ["scripts/conversation", "--out", "out", "--toml", "nope.toml"],
            "nope.toml (given with --toml) is not a file",
        ),
        (["scripts/conversation", "--out", "out", "-f", "nope.yml"], "nope.yml (given with -f) is not a file"),
        (["scripts/conversation", "--out", "convaudio.toml"], "convaudio.toml (given with --out) is a file"),
    ):
        assert main(["render", *args]) == 2, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, err
    assert not (blog / "out").exists()
    # a mkdocs.yml that happens to be here (another tool's) does not hide the options file given
    (blog / "mkdocs.yml").write_text("site_name: Not the blog\n", encoding="utf-8")
    assert main(["render", "scripts/conversation/intro.json", "--out", "out"]) == 2
    assert "mkdocs-convaudio: mkdocs.yml: " in capsys.readouterr().err  # read by default, and not the blog's
    assert main(["render", "scripts/conversation/intro.json", "--out", "out", "--toml", "convaudio.toml"]) == 0


def test_render_counts_every_warning_it_prints(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A warning of the audio step (here a damaged cached MP3, made again) counts in the summary and fails
    `--strict`, as a page's warnings do."""
    assert main(["render", "scripts/conversation/intro.json", "--out", "out"]) == 0
    capsys.readouterr()
    [cached] = (blog / ".cache/plugin/convaudio/conversations").glob("*.mp3")
    cached.write_bytes(cached.read_bytes()[:2000])
    assert main(["render", "scripts/conversation/intro.json", "--out", "out", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert err.count("warning: ") == 1 and "damaged" in err, err
    assert out.rstrip().endswith("; 1 warning"), out


def test_render_never_overwrites_its_inputs(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (blog / "scripts/conversation/intro.json").read_text(encoding="utf-8")
    assert main(["render", "scripts/conversation", "--out", "scripts/conversation"]) == 2
    err = capsys.readouterr().err
    assert "3 problems stop this build" in err and "intro.json would overwrite a dialogue file given to render" in err
    assert (blog / "scripts/conversation/intro.json").read_text(encoding="utf-8") == before
    assert not list((blog / "scripts/conversation").glob("*.mp3"))
    (blog / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["render", "scripts/conversation", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("mkdocs-convaudio: mkdocs.yml: cannot read this MkDocs configuration") and "Traceback" not in err
    )
    # a config MkDocs reads but refuses: the reason, not "Aborted with a configuration error!"
    (blog / "mkdocs.yml").write_text(
        "site_name: Blog\ndocs_dir: scripts\nplugins:\n  - convaudio:\n      pause: x\n", encoding="utf-8"
    )
    for command in (["render", "scripts/conversation", "--out", "out"], ["say", "hi"], ["cache", "stats"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "mkdocs.yml:5: option 'pause': pause: Expected type" in err and "Aborted" not in err, (command, err)


def test_a_dialogue_file_that_makes_no_audio_fails_the_command(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = blog / "scripts/conversation/broken.json"
    broken.write_text('[\n  {"speaker": "A", "line": "Hi"}\n  {"speaker": "B", "line": "no comma above"}\n]\n')
    # the other files still render, but a script expecting broken.mp3 learns it is missing: exit 1, also dry
    assert main(["render", "scripts/conversation", "--out", "assets/conversations", "--dry-run"]) == 1
    capsys.readouterr()
    assert main(["render", "scripts/conversation", "--out", "assets/conversations"]) == 1
    out, err = capsys.readouterr()
    assert "1 dialogue file(s) skipped" in out.splitlines()[-1], out
    [located] = [line for line in err.splitlines() if "broken.json" in line]
    assert located.startswith("warning: scripts/conversation/broken.json:2:33: this dialogue file is not valid JSON")
    assert "page keeps it as text" not in located and "mark the block" not in located, located
    assert "Traceback" not in err
    out_dir = blog / "assets/conversations"
    assert (out_dir / "physics-en.mp3").is_file() and not (out_dir / "broken.mp3").exists()


def test_a_restored_cache_relaxes_no_stamp_of_the_output_folder(blog: Path) -> None:
    """A copied cache folder has its files compared by size and time; `--out` was not copied with it, so a file
    there replaced by another of the same size and time (another inode) is still published again."""
    out = blog / "out"
    assert main(["render", "scripts/conversation", "--out", "out"]) == 0
    past = time.time() - 10
    for path in blog.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))  # settled: the next run records what it trusts
    assert main(["render", "scripts/conversation", "--out", "out"]) == 0
    [marker] = blog.rglob("folder-id")
    copy = marker.parent.with_name("restored")
    shutil.copytree(marker.parent, copy, copy_function=shutil.copy2)
    shutil.rmtree(marker.parent)
    copy.rename(marker.parent)
    published = out / "intro.mp3"
    good = published.read_bytes()
    info = published.stat()
    replacement = out / "replacement"
    replacement.write_bytes(good[:-1] + bytes([good[-1] ^ 0xFF]))
    os.utime(replacement, ns=(info.st_atime_ns, info.st_mtime_ns))
    replacement.replace(published)
    assert main(["render", "scripts/conversation", "--out", "out"]) == 0
    assert published.read_bytes() == good, "a replaced file of --out was kept"
