"""The command line: voices and estimate, offline."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
import yaml
from mkdocs.config.config_options import Plugins
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_convaudio.cli import build_parser, main
from mkdocs_convaudio.html.assets import content_version
from tests.fakes.google_tts import google_server
from tests.fakes.http import serve
from tests.media import tone
from tests.sites import Site, conversation, decode, post, static_i18n, url_versions

CACHE_ACTIONS = ("stats", "prune", "verify", "push", "pull")


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"mkdocs-convaudio {version('mkdocs-convaudio')}"


def test_voices_lists_espeak_variants(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voices", "--engine", "espeak", "--lang", "fr", "-f", "missing.yml"]) == 0
    out = capsys.readouterr().out
    assert "fr\tfr language" in out and "m3\tfr variant" in out


def test_voices_of_a_language_espeak_lacks_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """`voices --lang zz` listed every variant as a "zz variant" and exited 0, where a page in zz fails."""
    assert main(["voices", "--engine", "espeak", "--lang", "zz", "-f", "missing.yml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert "eSpeak NG has no voice for language 'zz'" in captured.err
    # a tag eSpeak NG names otherwise lists the language voice a page gets
    assert main(["voices", "--engine", "espeak", "--lang", "zh-Hant-HK", "-f", "missing.yml"]) == 0
    assert "yue\tyue language" in capsys.readouterr().out


def test_voices_of_a_language_an_engine_lacks_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """`voices --engine piper --lang zz` printed nothing and exited 0 (bug bash 102)."""
    assert main(["voices", "--engine", "piper", "--lang", "zz", "-f", "missing.yml"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "piper has no voice for the language 'zz'" in captured.err
    assert main(["voices", "--engine", "piper", "--lang", "en", "-f", "missing.yml"]) == 0
    assert "en_US-joe-medium" in capsys.readouterr().out


def test_voices_works_beside_a_mkdocs_yml_without_the_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project's own docs site (no convaudio in its plugins) is no reason to refuse listing an engine's voices."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Project docs\n", encoding="utf-8")
    assert main(["voices", "--engine", "espeak", "--lang", "pt"]) == 0
    assert "pt\tpt language" in capsys.readouterr().out


def test_estimate_matches_next_build(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("talk.md", post(conversation(("A", "One line."), ("B", "Two lines here."))))
    site.write("other.md", post(conversation(("A", "One line."), ("C", "Three."))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    # "One line." is the same sound in both posts (A gets the same voice): counted once, for the first post
    assert "other.md      2          15" in out and "talk.md       1          15" in out
    assert "total         3          30" in out
    summary = site.build()
    assert (summary.synthesized, summary.characters) == (3, 30)
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert re.search(r"^total\s+0\s+0\s", capsys.readouterr().out, re.MULTILINE)


#: Long enough for a whole second to be under 3 % of a conversation, as lines of a technical post are written.
LONG_TALK = (
    ("A", "In 2019 we moved the build to a GPU runner, and the test suite went from 40 minutes to 12."),
    ("B", "That is a big change. What did you have to rewrite to get there, and what broke on the way?"),
    ("A", "Mostly the fixtures: each one started its own database, which took 3 seconds a test."),
    ("B", "So you shared one database across the suite, and reset it between the tests?"),
    ("A", "Exactly, with a transaction rolled back after each test. It is the oldest trick there is."),
)


def lengths(out: str) -> dict[str, tuple[float, bool]]:
    """The `length` column of `estimate`'s table: seconds and whether estimated (`~`), by row name."""
    rows = re.findall(r"^(\S+)\s+\d+\s+\d+\s+\$\s*[\d.]+\s+(~?)(?:(\d+):)?(\d+):(\d\d)$", out, re.MULTILINE)
    return {
        name: (3600 * int(hours or 0) + 60 * int(minutes) + int(seconds), bool(mark))
        for name, mark, hours, minutes, seconds in rows
    }


def test_commands_reading_a_material_blog_leave_no_folder_in_the_temporary_folder(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Material's blog plugin makes a temporary folder when it is loaded and removes it at shutdown, which `estimate`
    and `cache prune` never ran (`mkdocs build` does): each run left one in /tmp, holding the blog's archive pages
    (323 were found after a day). `cache prune` plans the site as `mkdocs serve` builds it; the blog's plugin
    is made anew for each command, as for each process."""
    site.config.update(theme={"name": "material"}, plugins=["blog"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    site.write(
        "blog/posts/hello.md", post(conversation(("A", "Hello."), ("B", "Hi.")), date=datetime.date(2026, 11, 20))
    )
    site.write_config()
    # MkDocs keeps such plugins for the process's next config: as a new process, with none made yet
    monkeypatch.setattr(MkDocsConfig.plugins, "plugin_cache", {})
    folder = Path(tempfile.gettempdir())
    before = set(folder.iterdir())
    config = str(site.root / "mkdocs.yml")
    assert main(["estimate", "-f", config]) == 0
    assert main(["cache", "prune", "--dry-run", "-f", config]) == 0
    assert "hello.md" in capsys.readouterr().out
    assert set(folder.iterdir()) == before


def test_commands_reading_a_sites_options_leave_the_plugins_they_did_not_start_alone(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`say`, `voices` and `cache stats` read a site's options and build nothing: Material's social plugin, loaded
    but never started nor configured, was shut down at their end and failed with a traceback (its thread pools are
    made by its `on_startup`)."""
    site.config.update(theme={"name": "material"}, plugins=["social"])
    site.write("index.md", post(conversation(("A", "Hello."))))
    site.write_config()
    monkeypatch.setattr(MkDocsConfig.plugins, "plugin_cache", {})  # as a new process, with none made yet
    config = str(site.root / "mkdocs.yml")
    assert main(["say", "-f", config, "Hello there"]) == 0
    assert main(["cache", "stats", "-f", config]) == 0
    assert "Hello there" in capsys.readouterr().out


def test_commands_reading_a_blogs_options_leave_no_folder_of_its_plugin_in_tmp(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Material's blog plugin makes an empty folder in /tmp when it is made, removed at shutdown, which `say`,
    `voices`, `render` and `cache stats` never reach (shutting down a plugin never started breaks Material's social
    plugin): each left one (review). Its folder is removed while empty, and the social plugin is left alone."""
    site.config.update(theme={"name": "material"}, plugins=["blog", "social"], use_directory_urls=True)
    site.write("index.md", "# Home\n")
    site.write("blog/index.md", "# Blog\n")
    site.write("dialogue.json", json.dumps([{"speaker": "A", "line": "Hello there."}]))
    site.write_config()
    monkeypatch.setattr(MkDocsConfig.plugins, "plugin_cache", {})  # as a new process, with none made yet
    monkeypatch.chdir(site.root)
    folder = Path(tempfile.gettempdir())
    before = set(folder.iterdir())
    assert main(["say", "Hello there"]) == 0
    assert main(["voices", "--map"]) == 0
    assert main(["render", "docs/dialogue.json", "--root", "docs", "--out", "out"]) == 0
    assert main(["cache", "stats"]) == 0
    assert "Hello there" in capsys.readouterr().out
    assert set(folder.iterdir()) == before
    samples, rate = decode(site.root / "out" / "dialogue.mp3")
    assert len(samples) / rate > 0.5


def test_commands_reading_a_sites_options_leave_an_empty_folder_another_plugin_names_as_its_temp_dir(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only Material's blog plugin's own folder, made by `mkdtemp` when the plugin is made, is removed at the end of
    `say`: every plugin's `temp_dir` was removed while empty, a user's folder another plugin names included, made
    before the command and meant to stay (review r-render3)."""
    user_folder = Path(tempfile.mkdtemp())  # where such a plugin may point, empty until its build fills it
    try:
        packages = tmp_path / "site-packages"
        (packages / "convaudio_keeps").mkdir(parents=True)
        (packages / "convaudio_keeps" / "__init__.py").write_text(
            "import os\nfrom mkdocs.plugins import BasePlugin\n\n\nclass Keeps(BasePlugin):\n"
            "    def __init__(self):\n        self.temp_dir = os.environ['KEEPS_FOLDER']\n",
            encoding="utf-8",
        )
        monkeypatch.syspath_prepend(str(packages))
        # installed, as MkDocs saw it when it was imported (it reads the entry points once)
        keeps = EntryPoint(name="keeps", value="convaudio_keeps:Keeps", group="mkdocs.plugins")
        option = MkDocsConfig.plugins
        assert isinstance(option, Plugins)
        monkeypatch.setitem(option.installed_plugins, "keeps", keeps)
        monkeypatch.setenv("KEEPS_FOLDER", str(user_folder))
        site.config.update(plugins=["keeps"])
        site.write("index.md", "# Home\n")
        site.write_config()
        monkeypatch.chdir(site.root)
        assert main(["say", "Hello there"]) == 0
        assert "Hello there" in capsys.readouterr().out
        assert user_folder.is_dir()
    finally:
        if user_folder.is_dir():
            user_folder.rmdir()


def test_estimate_says_how_long_each_conversation_lasts(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """Users set `max_duration` and want each episode's length before the build: estimated before it (within 10 %
    of the MP3 it makes, a produced show's intro and outro included), the MP3's own once made (within the second
    the column rounds off), for every conversation, fully cached ones too, one row each where a post holds two."""
    media = site.root / "media"
    tone(media / "intro.wav", 4.0, 880.0)
    tone(media / "outro.flac", 3.0, 660.0, rate=16000)
    site.write("talk.md", post(conversation(*LONG_TALK) + "\nThen:\n\n" + conversation(*LONG_TALK[1:])))
    site.write("show.md", post(conversation(*LONG_TALK[:3]), audio_intro="media/intro.wav"))
    site.plugin_options.update(outro="media/outro.flac")
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^post\s+lines\s+characters\s+price\s+length$", out, re.MULTILINE), out
    before = lengths(out)
    [first, second] = sorted((name for name in before if name.startswith("talk.md:")), key=lambda n: int(n[8:]))
    assert set(before) == {first, second, "show.md", "total"}, out
    assert all(estimated for _, estimated in before.values()), out
    assert before["total"][0] == pytest.approx(sum(before[name][0] for name in (first, second, "show.md")), abs=2)
    site.build()
    made = {
        name: len(samples) / rate
        for name, mp3 in ((first, "talk-1"), (second, "talk-2"), ("show.md", "show-1"))
        for samples, rate in [decode(site.site / f"assets/convaudio/{mp3}.mp3")]
    }
    for name, seconds in made.items():
        assert before[name][0] == pytest.approx(seconds, rel=0.1), (name, before[name], seconds)
    # the same lines in another order: nothing to synthesize, its MP3 not made yet (its lines at their cached
    # lengths); the same conversation in another post is the same MP3 (a dialogue file linked twice): one row
    site.write("reordered.md", post(conversation(*LONG_TALK[2:], *LONG_TALK[:2])))
    site.write("again.md", post(conversation(*LONG_TALK)))
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    after = lengths(out)
    assert re.search(r"^reordered\.md\s+0\s+0\s", out, re.MULTILINE) and "again.md" not in out, out
    assert after["reordered.md"][1] and after["total"][1], out
    for name, seconds in made.items():
        assert not after[name][1] and after[name][0] == pytest.approx(seconds, abs=1), (name, after[name], seconds)
    site.build()
    samples, rate = decode(site.site / "assets/convaudio/reordered-1.mp3")
    made["reordered.md"] = len(samples) / rate
    # from its cached lines' lengths: within the second the column rounds off
    assert after["reordered.md"][0] == pytest.approx(made["reordered.md"], abs=1), (after, made)
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    built = lengths(out)
    for name, seconds in made.items():
        assert not built[name][1] and built[name][0] == pytest.approx(seconds, abs=1), (name, built[name], seconds)
    assert built["total"][0] == pytest.approx(sum(made.values()), abs=4), out
    assert not built["total"][1] and "~" not in out, out


def test_errors_are_messages_not_tracebacks(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("bad.md", post("[script](missing.json)\n"))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert "\nmkdocs-convaudio: 1 problem stops this build" in err and "Traceback" not in err
    assert "\n  bad.md:5: the dialogue file 'missing.json' does not exist" in err


def test_voices_through_google_client(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_API_KEY", "test-key")
    with serve(google_server("test-key")) as server:
        site.plugin_options.update(engine="google", google={"endpoint": server.url})
        site.write_config()
        assert main(["voices", "--lang", "fr", "-f", str(site.root / "mkdocs.yml")]) == 0
        assert server.requests_to("/v1/voices")
    out = capsys.readouterr().out
    assert "fr-FR-Chirp3-HD-Charon" in out and "en-US" not in out
    assert "test-key" not in out


def test_estimate_uses_price_overrides(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.plugin_options["prices"] = {"m3": 2_000_000, "+f": 1_000_000}  # dollars per million characters
    site.write("talk.md", post(conversation(("A", "Four"), ("B", "Five5"))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    # A speaks with en-US+m3 (4 characters at $2 each), B with en-US+f2 (5 at $1)
    assert re.search(r"^total\s+2\s+9\s+\$\s*13\.0000\s+~\d+:\d\d$", capsys.readouterr().out, re.MULTILINE)


def test_a_price_names_the_voice_before_the_voice_family(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The docs' `{Chirp3-HD: 30, ...}` matched Google's `voice_family` setting for every voice, so a Studio
    voice was priced as Chirp 3 HD (an estimate 4× low, bug bash 68); and `studio` in lower case matched nothing."""
    monkeypatch.setenv("GOOGLE_API_KEY", "test-key")
    site.plugin_options.update(
        engine="google", google={"voice_family": "Chirp3-HD"}, prices={"Chirp3-HD": 1_000_000, "studio": 3_000_000}
    )
    (site.root / "convaudio-voices.yml").write_text(
        "google:\n  talk.md:\n    A: en-US-Chirp3-HD-Charon\n    B: en-US-Studio-O\n", encoding="utf-8"
    )
    site.write("talk.md", post(conversation(("A", "Four"), ("B", "Five5"))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    # A: 4 characters at $1 each; B, a Studio voice: 5 at $3
    assert re.search(r"^total\s+2\s+9\s+\$\s*19\.0000\s+~\d+:\d\d$", capsys.readouterr().out, re.MULTILINE)


def test_estimate_over_budget_names_mkdocs_static_i18n_only_on_a_site_that_uses_it(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site without mkdocs-static-i18n was told the build would stop before sending anything "(with
    mkdocs-static-i18n, once it reaches the language that passes it: …)", a condition it had no way to check (bug
    bash h-ci). The clause is said where the languages are built one after another."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key")
    site.plugin_options.update(engine="openai", max_characters=10)
    site.write("talk.md", post(conversation(("A", "A line that is long enough."), ("B", "Another one."))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "over max_characters (10): the build would stop before sending anything", out
    static_i18n(site)
    site.write("talk.fr.md", post(conversation(("A", "Une ligne assez longue."), ("B", "Une autre.")), lang="fr"))
    site.write_config()
    # in a process of its own, as mkdocs-static-i18n's builds leave state behind
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_convaudio.cli", "estimate", "-f", str(site.root / "mkdocs.yml")],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1] == (
        "over max_characters (10): the build would stop before sending anything (with mkdocs-static-i18n, once it "
        "reaches the language that passes it: the languages built before are sent)"
    ), done.stdout


def test_estimate_says_a_free_engine_is_not_over_budget(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """The build does not stop eSpeak for `max_characters` (it is paid for by nobody); `estimate` said it would."""
    site.plugin_options["max_characters"] = 1
    site.write("talk.md", post(conversation(("A", "Four"), ("B", "Five5"))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert "over max_characters" not in capsys.readouterr().out


def test_estimate_says_what_a_build_without_credentials_would_do(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without OpenAI's key and with `fallback_engine: espeak`, `estimate` priced OpenAI's requests and said the
    build would stop for `max_characters`, while the build renders with eSpeak for free (bug bash 112)."""
    site.plugin_options.update(engine="openai", fallback_engine="espeak", max_characters=10)
    site.write("talk.md", post(conversation(("A", "A line that is long enough."), ("B", "Another one."))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "no credentials for the openai engine here: the build would render every conversation with the " in out
    assert "fallback engine espeak instead, for free" in out and "over max_characters" not in out, out
    site.plugin_options.pop("fallback_engine")
    site.write_config()
    # the build would stop: a pipeline's estimate step says so by its status (bug bash 130: 0)
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "no credentials for the openai engine here: the build would stop and say how to provide them" in out
    # a fallback engine that is paid for is no free ride: its budget holds (review 117)
    site.plugin_options["fallback_engine"] = "elevenlabs"
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "fallback engine elevenlabs instead, which is paid for too" in out and "over max_characters" in out, out


def test_estimate_says_a_cache_only_build_sends_nothing_and_would_stop(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `CONVAUDIO_GENERATE=0` (or `generate: false`) and lines missing from the cache, the build sends nothing
    and stops; `estimate` priced the lines as what the next build would send, and exited 0 (bug bash h-cloud)."""
    site.plugin_options.update(engine="openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET123")
    site.write("talk.md", post(conversation(("A", "A line that is long enough."), ("B", "Another one."))))
    site.write_config()
    monkeypatch.setenv("CONVAUDIO_GENERATE", "0")
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "generate is off (CONVAUDIO_GENERATE=0): the build sends nothing, and stops: 2 lines" in out, out
    monkeypatch.delenv("CONVAUDIO_GENERATE")
    site.plugin_options.update(engine="espeak", generate=False)  # a free engine's cache-only build stops as well
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    assert "generate is off (`generate: false`): the build sends nothing, and stops" in capsys.readouterr().out
    site.plugin_options.pop("generate")
    site.build()
    site.plugin_options["generate"] = False
    site.write_config()  # nothing missing from the cache: a cache-only build of it goes through
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert "generate is off" not in capsys.readouterr().out


def test_estimate_with_generate_off_names_a_shared_cache_that_did_not_answer(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A cache-only build whose lines are in a shared cache that does not answer: `estimate` said to restore the
    cache directory, the wrong fix; it names the shared cache first (review r-cloud)."""
    share = tmp_path / "unmounted" / "share" / "cache"  # its parent missing: a share that is not mounted
    site.plugin_options.update(shared_cache=f"file://{share}")
    site.write("talk.md", post(conversation(("A", "A line that is long enough."), ("B", "Another one."))))
    site.write_config()
    monkeypatch.setenv("CONVAUDIO_GENERATE", "0")
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert f"no audio in the cache; the shared cache file://{share} could not be reached" in out, out
    site.plugin_options.pop("shared_cache")  # with no shared cache, the cache directory is the one to restore
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 1
    assert "no audio in the cache; restore the cache directory, or build once" in capsys.readouterr().out


def test_estimate_says_a_shared_cache_it_cannot_use_as_its_own_warning(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The shared cache is first looked up after the dry build, whose warnings the command shows as `warning: …`:
    its warning fell to Python's last-resort handler, printed without `warning: ` (docs/engines.md promises it;
    docs bug bash h-docs2)."""
    share = tmp_path / "unmounted" / "share" / "cache"  # its parent missing: a share that is not mounted
    site.plugin_options.update(shared_cache=f"file://{share}")
    site.write("talk.md", post(conversation(("A", "A line that is long enough."), ("B", "Another one."))))
    site.write_config()
    for command in (["estimate"], ["estimate", "--show-text"]):
        assert main([*command, "-f", str(site.root / "mkdocs.yml")]) == 0
        said = [line for line in capsys.readouterr().err.splitlines() if "cannot be used" in line]
        assert len(said) == 1 and said[0].startswith(f"warning: convaudio: the shared cache file://{share}"), said


def test_estimate_skips_what_the_build_skips(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.config["exclude_docs"] = "drafts/\n"
    site.write("drafts/wip.md", post(conversation(("A", "Not published."), ("B", "Not yet."))))
    site.write("talk.md", post(conversation(("A", "Published."), ("B", "Yes."))))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "drafts/wip.md" not in out
    assert re.search(r"^total\s+2\s+14\s", out, re.MULTILINE)
    assert not (site.root / ".cache").exists()  # a dry run writes nothing
    assert not (site.root / "convaudio-voices.yml").exists()


def test_estimate_shows_the_site_warnings(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("warn.md", post('```json\n[{"speaker": "A", "line": "x",}]\n```\n'))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert "warning: convaudio: warn.md:6:30: ignored the trailing comma" in capsys.readouterr().err


#: A hook warning through another plugin's logger while the site builds, as Material's privacy plugin does
OTHER_PLUGINS_WARNING_HOOK = """
import logging


def on_page_markdown(markdown, page, **kwargs):
    logging.getLogger("mkdocs.material.privacy").warning("External file: https://example.org/%s.js", page.file.name)
    return markdown
"""


def test_estimate_passes_another_plugins_warnings_through_as_theirs(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material's privacy plugin's "External file: …" was printed as the command's own `warning: External file: …`
    (review f-small2): it is printed as it is, named by its logger; convaudio's own warnings as before."""
    (site.root / "hook.py").write_text(OTHER_PLUGINS_WARNING_HOOK, encoding="utf-8")
    site.config["hooks"] = ["hook.py"]
    site.write("warn.md", post('```json\n[{"speaker": "A", "line": "x",}]\n```\n'))
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
    said = capsys.readouterr().err.splitlines()
    assert "WARNING (mkdocs.material.privacy): External file: https://example.org/warn.js" in said, said
    assert not any("External file" in line and line.startswith("warning:") for line in said), said
    assert any(line.startswith("warning: convaudio: warn.md:6:30: ignored the trailing comma") for line in said), said


def test_voices_map_lists_the_pairings_of_a_site(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write("posts/en/talk-en.md", post(conversation(("A", "Hello."), ("B", "Hi.")), lang="en"))
    site.write("posts/fr/talk-fr.md", post(conversation(("A", "Bonjour."), ("B", "Salut.")), lang="fr"))
    site.write("solo.md", post(conversation(("A", "Alone."))))
    site.write_config()
    assert main(["voices", "--map", "-f", str(site.root / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "posts/talk.md\tshared by translations: posts/en/talk-en.md (en), posts/fr/talk-fr.md (fr)",
        "solo.md\town voices: solo.md (en)",
    ]
    assert not (site.root / "convaudio-voices.yml").exists()  # listing writes nothing


def test_a_bad_voice_map_entry_is_the_only_problem_reported(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """A page whose voices cannot be resolved has a conversation: only the voice map is named, not also a false
    "no conversation was found"."""
    site.write("posts/talk.md", post(conversation(("A", "Hello."), ("B", "Hi."))))
    (site.root / "convaudio-voices.yml").write_text("espeak:\n  posts/talk.md:\n    A: nosuchvoice\n", encoding="utf-8")
    site.write_config()
    assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert "has no voice variant 'nosuchvoice'" in err and "no conversation was found" not in err, err


def test_a_mistyped_file_or_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`say --toml` and `voices --map --posts --toml` name what is not there, as `render` does, instead of going on
    with the default settings or with nothing to do; so does `render --root`."""
    for args, message in (
        (["say", "--toml", str(tmp_path / "nope.toml"), "1 kHz"], "nope.toml (given with --toml) is not a file"),
        (["voices", "--map", "--posts", str(tmp_path / "_postz")], "_postz (given with --posts) is not a folder"),
        (["voices", "--map", "--posts", str(tmp_path), "--toml", "nope.toml"], "nope.toml (given with --toml)"),
        # bug bash h-render: "the post … is outside the root folder nowhere", as if the post were misplaced
        (
            ["render", "--posts", str(tmp_path), "--out", str(tmp_path / "o"), "--root", str(tmp_path / "nowhere")],
            "nowhere (given with --root) is not a folder; give the blog's root folder",
        ),
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, err


def test_a_site_given_twice_is_refused_not_half_used(capsys: pytest.CaptureFixture[str]) -> None:
    """`cache stats -f a.yml -f b.yml` used b.yml alone, without a word: every command that works on one site
    refuses a second `-f` (only `cache prune` takes one per site)."""
    for command in (["cache", "stats"], ["cache", "pull"], ["estimate"], ["say", "hello"], ["render", "--out", "o"]):
        with pytest.raises(SystemExit) as stopped:
            main([*command, "-f", "one.yml", "-f", "two.yml"])
        assert stopped.value.code == 2
        assert "-f/--config-file is given more than once" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["cache", "stats", "--toml", "a.toml", "--toml", "b.toml"])
    assert "--toml is given more than once" in capsys.readouterr().err


def test_render_names_a_post_that_turns_audio_on_for_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a site build does: a post with `audio: true` whose conversation is not one (a mistyped fence) is a
    warning naming the post and its line, and `--strict` fails on it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    typo = conversation(("A", "Hello."), ("B", "Hi.")).replace("```json", "```jsn")
    (tmp_path / "_posts" / "2026-11-20-typo.md").write_text(post(typo, title="Typo"), encoding="utf-8")
    (tmp_path / "_posts" / "2026-11-21-fine.md").write_text(post(conversation(("A", "Fine."))), encoding="utf-8")
    hugo = '+++\ntitle = "Hugo"\naudio = true\n+++\n\n' + typo  # TOML front matter: the line of `audio =`
    (tmp_path / "_posts" / "2026-11-22-hugo.md").write_text(hugo, encoding="utf-8")
    assert main(["render", "--posts", "_posts", "--out", "out", "--strict"]) == 1
    captured = capsys.readouterr()
    said = sorted(line for line in captured.err.splitlines() if "no conversation was found" in line)
    assert len(said) == 2, captured.err
    assert "_posts/2026-11-20-typo.md:2: audio is on" in said[0] and "_posts/2026-11-22-hugo.md:3: audio" in said[1]
    assert "2 warnings" in captured.out and len(list((tmp_path / "out").rglob("*.mp3"))) == 1


def test_render_of_files_and_posts_at_once_is_refused_before_anything_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render faq.json --posts _posts` rendered the posts, left faq.json out without a word and exited 0 (bug
    bash 76)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2026-11-21-fine.md").write_text(post(conversation(("A", "Fine."))), encoding="utf-8")
    (tmp_path / "faq.json").write_text('[{"speaker": "A", "line": "A question."}]', encoding="utf-8")
    assert main(["render", "faq.json", "--posts", "_posts", "--out", "out"]) == 2  # as any other error
    assert "give dialogue files (faq.json) or --posts _posts, not both" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_render_of_dialogue_files_with_drafts_is_refused_naming_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render faq.json --drafts` rendered faq.json and dropped `--drafts` without a word: drafts are posts, and
    a script that meant `--posts` learned nothing (review). It is refused, as files and posts at once are."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.json").write_text('[{"speaker": "A", "line": "A question."}]', encoding="utf-8")
    assert main(["render", "faq.json", "--drafts", "--out", "out"]) == 2
    assert "dialogue files have none: leave out --drafts" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_render_of_dialogue_files_with_url_prefix_is_refused_naming_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render faq.json --url-prefix /talks/` dropped the prefix without a word: only the snippets of `--posts`
    hold URLs, and a script that expected them learned nothing (review). It is refused, as `--drafts` is."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.json").write_text('[{"speaker": "A", "line": "A question."}]', encoding="utf-8")
    assert main(["render", "faq.json", "--url-prefix", "/talks/", "--out", "out"]) == 2
    assert "dialogue files get no snippets: leave out --url-prefix" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["convaudio.toml", "mkdocs.yml"])
def test_render_counts_a_misspelled_option_as_a_warning_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """`enigne = "google"` ran with eSpeak and `0 warnings` (convaudio.toml: not a word; mkdocs.yml: MkDocs'
    warning, twice, uncounted): it is a warning of the run, said once, and `--strict` fails on it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    if where == "convaudio.toml":
        (tmp_path / where).write_text('enigne = "google"\n', encoding="utf-8")
    else:
        (tmp_path / "docs").mkdir()
        (tmp_path / where).write_text("site_name: T\nplugins:\n  - convaudio:\n      enigne: google\n")
    assert main(["render", "scripts", "--out", "out", "--strict"]) == 1
    captured = capsys.readouterr()
    said = [line for line in captured.err.splitlines() if "'enigne'" in line]
    assert len(said) == 1 and said[0].startswith("warning: "), captured.err
    assert "1 warning" in captured.out and len(list((tmp_path / "out").rglob("*.mp3"))) == 1
    assert main(["render", "scripts", "--out", "out"]) == 0  # a warning, not an error
    assert main(["render", "scripts", "--out", "out", "--dry-run", "--strict"]) == 1  # as the run itself would
    capsys.readouterr()
    if where == "mkdocs.yml":  # read for its options, then built to plan it: said once all the same
        assert main(["cache", "prune", "--dry-run"]) == 0
        said = [line for line in capsys.readouterr().err.splitlines() if "'enigne'" in line]
        assert len(said) == 1, said


def test_render_into_a_folder_inside_its_input_folder_runs_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render scripts --out scripts/out` worked once, then read its own timings files as dialogue files (a
    warning each) and stopped: the output folder's files are never inputs."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    for _ in range(2):
        assert main(["render", "scripts", "--out", "scripts/out", "--strict"]) == 0
        captured = capsys.readouterr()
        assert "0 warnings" in captured.out and "warning" not in captured.err, captured.err
    assert sorted(path.name for path in (tmp_path / "scripts" / "out").iterdir()) == [
        "talk.json",
        "talk.mp3",
        "talk.vtt",
    ]


@pytest.mark.parametrize("cache", [[], ["--cache-dir", "audio-cache"]], ids=["default", "not-hidden"])
def test_render_of_a_folder_skips_its_cache_hidden_folders_and_node_modules_unless_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cache: list[str]
) -> None:
    """`render --out out .` run twice read its own cache's memo files as dialogue files (11 warnings, exit 1), and
    `.git/` and `node_modules/` with them; a folder or file named on the command line is still read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    for folder in (".git", "node_modules/pkg"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "data.json").write_text('{"name": "not a dialogue"}', encoding="utf-8")
    for _ in range(2):
        assert main(["render", ".", "--out", "out", "--strict", *cache]) == 0
        captured = capsys.readouterr()
        assert "0 warnings" in captured.out and "warning" not in captured.err, captured.err
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["talk.json", "talk.mp3", "talk.vtt"]
    assert main(["render", "node_modules/pkg", "--out", "out2", *cache]) == 1
    assert "node_modules/pkg/data.json:1: not a conversation" in capsys.readouterr().err


def test_render_snippets_and_head_name_the_files_alike_whatever_the_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--url-prefix https://cdn.example.com/talks` was glued to the file names ("talks2024-…mp3"), and an output
    folder with a space was encoded in the players but not in `convaudio-head.html`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hi."))), encoding="utf-8")
    assert main(["render", "--posts", "_posts", "--out", "assets/my talks"]) == 0
    out = tmp_path / "assets" / "my talks"
    assert url_versions((out / "2026-05-01-talk-1.html").read_text(), 'src="/assets/my%20talks/2026-05-01-talk-1.mp3')
    css, js = (f"v={content_version((out / name).read_bytes())}" for name in ("convaudio.css", "convaudio.js"))
    assert f'href="/assets/my%20talks/convaudio.css?{css}"' in (out / "convaudio-head.html").read_text()
    prefix = "https://cdn.example.com/talks"
    assert main(["render", "--posts", "_posts", "--out", "assets/my talks", "--url-prefix", prefix]) == 0
    assert url_versions((out / "2026-05-01-talk-1.html").read_text(), f'src="{prefix}/2026-05-01-talk-1.mp3')
    assert f'src="{prefix}/convaudio.js?{js}"' in (out / "convaudio-head.html").read_text()
    encoded = "https://cdn.example.com/my%20talks/"  # given encoded: not encoded twice (`my%2520talks`)
    assert main(["render", "--posts", "_posts", "--out", "assets/my talks", "--url-prefix", encoded]) == 0
    assert url_versions((out / "2026-05-01-talk-1.html").read_text(), f'src="{encoded}2026-05-01-talk-1.mp3')
    assert f'src="{encoded}convaudio.js?{js}"' in (out / "convaudio-head.html").read_text()


@pytest.mark.parametrize(
    ("prefix", "cors"),
    [
        ("https://cdn.example.com/talks/", True),
        ("//cdn.example.com/talks/", True),  # the page's scheme, another host
        ("/talks/", False),
        (None, False),  # `/assets/talks/`, from --root
    ],
)
def test_render_snippets_ask_another_origin_for_the_captions_with_cors(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    prefix: str | None,
    cors: bool,
) -> None:
    """Captions served from a CDN (`--url-prefix https://cdn.example.com/talks/`) were refused by browsers: a
    `<track>` of another origin loads only when its `<audio>` asks with CORS (`crossorigin="anonymous"`), which the
    snippet did not. A snippet whose files are the page's own origin is unchanged."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hi."))), encoding="utf-8")
    given = ["--url-prefix", prefix] if prefix is not None else []
    assert main(["render", "--posts", "_posts", "--out", "assets/talks", *given]) == 0, capsys.readouterr().err
    html = (tmp_path / "assets" / "talks" / "2026-05-01-talk-1.html").read_text(encoding="utf-8")
    assert '<track kind="captions" src="' in html, html
    audio = html[html.index("<audio ") : html.index(">", html.index("<audio "))]
    assert ('crossorigin="anonymous"' in audio) is cors, audio
    assert html.count("crossorigin") == cors, html  # on the <audio> alone: its <track> follows its mode


def test_render_snippets_without_captions_do_not_ask_another_origin_for_cors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`crossorigin="anonymous"` is there for the captions' `<track>` alone (the player's script reads nothing
    else from the files' origin but an MP3 a server cannot seek in). With captions off it only made the MP3 itself
    fail to play from a CDN that sends no `Access-Control-Allow-Origin`, as it played before (review r-render4)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hi."))), encoding="utf-8")
    (tmp_path / "convaudio.toml").write_text("captions = false\n", encoding="utf-8")
    prefix = ["--url-prefix", "https://cdn.example.com/talks/"]
    assert main(["render", "--posts", "_posts", "--out", "assets/talks", *prefix]) == 0, capsys.readouterr().err
    html = (tmp_path / "assets" / "talks" / "2026-05-01-talk-1.html").read_text(encoding="utf-8")
    assert "<track" not in html and "crossorigin" not in html, html


def test_say_tells_when_a_language_has_no_spelling_table(capsys: pytest.CaptureFixture[str]) -> None:
    """`say --lang da` (or a code no table knows) reads units and formulas with English words, as a build does:
    it says so, where `say --lang fr` or `--lang de` does not."""
    assert main(["say", "--lang", "da", "Det koster 5 km."]) == 0
    captured = capsys.readouterr()
    assert "no spelling table for 'da'" in captured.err and "English words" in captured.err
    assert captured.out.strip() == "Det koster 5 kilometers."
    # Russian's units are said in its own words: the note says only what is still English's (it said "units")
    assert main(["say", "--lang", "ru", "Это 5 км."]) == 0
    captured = capsys.readouterr()
    assert "for 'ru'" in captured.err and "(units, money, decimals" in captured.err and "километров" in captured.out
    assert "units, symbols and formulas are read" not in captured.err
    assert "signs around a number are said in the page's own words)" in captured.err  # it said "in the page's own)"
    assert main(["say", "--lang", "fr-CA", "Il fait 5 km."]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "kilomètres" in captured.out
    assert main(["say", "--lang", "de-AT", "Es kostet 5 km."]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.strip() == "Es kostet 5 Kilometer."


def test_render_waits_for_its_use_record_and_counts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `render` run that needed nothing from the shared cache writes its use record in the background, and at
    its end waits for it and counts it for the day (the next run does not write it again)."""
    import json

    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.json").write_text(json.dumps([{"speaker": "A", "line": "Hello there."}]), encoding="utf-8")
    assert main(["render", "talk.json", "--out", "out"]) == 0  # the local cache alone
    (tmp_path / "convaudio.toml").write_text(f'shared_cache = "file://{tmp_path / "bucket"}"\n', encoding="utf-8")
    assert main(["render", "talk.json", "--out", "out"]) == 0
    records = sorted((tmp_path / "bucket" / "uses").glob("*.json"))
    memos = list(tmp_path.rglob("uses-memo*.json"))
    assert len(records) == 1 and len(memos) == 1 and records[0].name in memos[0].read_text(encoding="utf-8")
    assert not (tmp_path / "bucket" / "conversations").exists(), "the run asked the shared cache for something"


def test_render_warns_when_its_snippets_can_only_name_files_relative_to_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out` outside `--root` and no `--url-prefix`: the snippets' URLs are relative (`src="x-1.mp3"`) and break
    in a page at any other address; that was silent, even with `--strict`."""
    (tmp_path / "blog" / "_posts").mkdir(parents=True)
    (tmp_path / "blog" / "_posts" / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hi."))), "utf-8")
    monkeypatch.chdir(tmp_path / "blog")
    assert main(["render", "--posts", "_posts", "--out", str(tmp_path / "elsewhere"), "--strict"]) == 1
    captured = capsys.readouterr()
    assert "is outside --root" in captured.err and "give --url-prefix" in captured.err and "1 warning" in captured.out
    assert main(["render", "--posts", "_posts", "--out", str(tmp_path / "elsewhere"), "--url-prefix", "/a/"]) == 0
    assert "outside --root" not in capsys.readouterr().err


def cut_short(site: Site, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the command with its output piped to a reader that stops before anything is written, as `head` may."""
    site.write_config()
    read, write = os.pipe()
    os.close(read)  # no one reads: every write fails with EPIPE
    try:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs_convaudio.cli", *command, "-f", str(site.root / "mkdocs.yml")],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=site.root,
            check=False,
            # stdout buffered, as in a user's shell: the last write then happens when it is flushed (review 73)
            env={name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"},
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    ("command", "status"), [(["estimate"], 0), (["estimate", "--show-text"], 0), (["cache", "stats"], 1)]
)
def test_output_piped_to_a_reader_that_stops_is_no_traceback(site: Site, command: list[str], status: int) -> None:
    """`mkdocs-convaudio cache stats | head -1` ended in a BrokenPipeError traceback and status 1 (bug bash 71).
    `estimate | head -1` then exited 1, which says "the build would stop" to a CI step: it says what the estimate
    found, and other commands cut short exit 1, as Python's docs advise."""
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi."))))
    site.build()
    site.write("new.md", post(conversation(("A", "A new line to estimate."))))
    done = cut_short(site, command)
    assert done.returncode == status and done.stderr == "", done.stderr


def test_an_estimate_cut_short_still_says_the_build_would_stop(site: Site) -> None:
    """The status is the estimate's, whether or not anyone read it: a build that would stop (a cloud engine with
    no credentials here) is 1 either way."""
    site.plugin_options["engine"] = "openai"
    site.write("talk.md", post(conversation(("A", "Hello there."), ("B", "Hi."))))
    done = cut_short(site, ["estimate"])
    assert done.returncode == 1 and done.stderr == "", done.stderr


def test_small_mistakes_on_the_command_line_get_plain_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug bash 71: `estimate` where there is no mkdocs.yml said only MkDocs' "Config file 'mkdocs.yml' does not
    exist."; `--wait -1` was taken; `render x.json x.json` said x.json and x.json would both be written."""
    monkeypatch.chdir(tmp_path)
    assert main(["estimate"]) == 2
    assert "no mkdocs.yml in this folder: run this in the site's folder" in capsys.readouterr().err
    # bug bash 76: a config given with -f that does not exist was answered "give the site's config (-f ...)"; a
    # post given to render as a dialogue file was "not valid JSON"; a language given with --lang was to be set
    # in the front matter
    assert main(["estimate", "-f", "nope.yml"]) == 2
    assert "nope.yml (given with -f) does not exist; check its name and folder" in capsys.readouterr().err
    (tmp_path / "post.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    assert main(["render", "post.md", "--out", "out"]) == 2
    assert "post.md is a Markdown post, not a dialogue file: render posts with --posts" in capsys.readouterr().err
    (tmp_path / "x.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    assert main(["render", "x.json", "--out", "out", "--lang", "xx"]) == 2
    assert "or give `render --lang`" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["cache", "prune", "--wait", "-1"])
    assert "-1 is not 0 or more seconds" in capsys.readouterr().err
    (tmp_path / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    assert main(["render", "talk.json", "talk.json", "--out", "out"]) == 0
    assert "would both be written" not in capsys.readouterr().err
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["talk.json", "talk.mp3", "talk.vtt"]
    (tmp_path / "f" / "sub").mkdir(parents=True)
    (tmp_path / "f" / "sub" / "x.json").write_text('[{"speaker": "A", "line": "Hi."}]', encoding="utf-8")
    assert main(["render", "f/sub/x.json", "f", "--out", "out2"]) == 0  # once, by the name given first
    assert sorted(path.name for path in (tmp_path / "out2").rglob("*.mp3")) == ["x.mp3"]


def test_render_refuses_a_dialogue_file_whose_timings_would_be_another_s_chapters_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ep.json` with sections publishes its chapters as `ep.chapters.json`, the name of the timings file of a
    dialogue file `ep.chapters.json`: rendered together, the one written last replaced the other, unsaid (review
    r-chapters). The run stops, naming both files, in either order, and writes nothing; without sections the two
    are rendered."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    sectioned = [{"speaker": "A", "line": "Hello there.", "section": "Start"}, {"speaker": "B", "line": "Hi."}]
    (tmp_path / "scripts" / "ep.json").write_text(json.dumps(sectioned), encoding="utf-8")
    (tmp_path / "scripts" / "ep.chapters.json").write_text('[{"speaker": "A", "line": "Other."}]', encoding="utf-8")
    for order in (["scripts"], ["scripts/ep.json", "scripts/ep.chapters.json"]):
        assert main(["render", *order, "--root", "scripts", "--out", "out"]) == 2
        err = capsys.readouterr().err
        assert (
            "ep.chapters.json: its timings file and the chapters file of ep.json (which has sections) would both be "
            "written as ep.chapters.json; rename this file" in err
        ), err
        assert not (tmp_path / "out").exists()
    plain = [{key: value for key, value in turn.items() if key != "section"} for turn in sectioned]
    (tmp_path / "scripts" / "ep.json").write_text(json.dumps(plain), encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    assert json.loads((tmp_path / "out" / "ep.chapters.json").read_text(encoding="utf-8"))["lines"]


def test_render_into_a_folder_below_a_file_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out blocker/sub`, `blocker` a file: "the timings file t4.json would overwrite blocker/sub/t4.json, which is
    not a timings file this command wrote", and with --posts a NotADirectoryError traceback (bug bash)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blocker").touch()
    (tmp_path / "t4.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "talk.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    for command in (["t4.json", "--out", "blocker/sub"], ["--posts", "posts", "--out", "blocker/sub/deeper"]):
        assert main(["render", *command]) == 2
        err = capsys.readouterr().err
        assert f"blocker (in --out {command[-1]}) is a file, not a folder; choose another --out" in err, err
        assert "timings file" not in err
    assert not (tmp_path / "convaudio-voices.yml").exists()  # refused before anything was planned


def test_render_of_a_file_that_is_not_json_says_so_with_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialogue file given to render holding `not json at all` was "not a conversation": it is not valid JSON,
    said as for a linked dialogue file, with the line and column; valid JSON of other data is still "not a
    conversation"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t5.json").write_text("[\n  not json at all\n", encoding="utf-8")
    (tmp_path / "config.json").write_text('{"name": "x"}', encoding="utf-8")
    assert main(["render", "t5.json", "config.json", "--out", "out"]) == 1
    err = capsys.readouterr().err
    assert "t5.json:2:3: this dialogue file is not valid JSON (Expecting value), so it was skipped" in err, err
    assert "a page keeps its link" not in err and "t5.json:1: not a conversation" not in err
    assert "config.json:1: not a conversation" in err


def test_render_of_a_post_whose_front_matter_is_broken_yaml_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render --posts` printed PyYAML's message over four lines (`in "<unicode string>", line 2, column 12`); a
    site build says the same problem in one line, at the line to fix."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    body = "\n```json\n" + '[{"speaker": "A", "line": "Hello."}]' + "\n```\n"
    (tmp_path / "posts" / "talk.md").write_text("---\ntitle: Talk: the sequel\naudio: true\n---\n" + body, "utf-8")
    assert main(["render", "--posts", "posts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert (
        "\n  posts/talk.md:2: this post's front matter is not valid YAML (mapping values are not allowed here); quote "
        'a value holding a colon (`title: "Talk: the sequel"`) or fix the value\n'
    ) in err, err
    assert "<unicode string>" not in err and "Traceback" not in err


def test_a_bad_older_than_is_refused_in_one_line_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    """`cache prune --older-than -5d` gave argparse's "expected one argument" (it took -5d for an option) under a
    usage screen: a bad age, negative or malformed, is named in one line with an example of a good one. So it is
    with a prefix argparse takes for the option (`--older -5d` still gave the usage screen)."""
    for age, problem in (
        ("-5d", "cannot be negative"),
        ("-1", "cannot be negative"),
        ("5x", "not an age"),
        ("", "empty"),
        ("nan", "not a finite age"),
    ):
        for argv in (["--older-than", age], [f"--older-than={age}"], ["--older", age], ["--o", age], [f"--old={age}"]):
            with pytest.raises(SystemExit) as stopped:
                main(["cache", "prune", "--dry-run", *argv, "-f", "missing.yml"])
            err = capsys.readouterr().err
            assert stopped.value.code == 2 and err.count("\n") == 1, err
            assert problem in err and "e.g. --older-than 30d" in err and "usage" not in err, err
    parser = build_parser()
    for age, seconds in (("0", 0.0), ("30d", 30 * 86400.0), ("12h", 43200.0), ("90m", 5400.0), ("2", 172800.0)):
        args = parser.parse_args(["cache", "prune", "--older-than", age])
        assert args.older_than == seconds, age
    # a prefix of --older-than that is also (or only) another option's stays argparse's to refuse
    with pytest.raises(SystemExit):
        main(["render", "x.json", "--o", "-5d"])
    assert "argument --out: expected one argument" in capsys.readouterr().err


def test_cache_stats_says_one_entry_and_one_file_in_the_singular(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cache stats` printed "1 entries" and "1 files" (bug bash); the plural is for any other number."""
    site.write("talk.md", post(conversation(("A", "Hello."), ("A", "Hello."))))
    site.build()
    assert main(["cache", "stats", "-f", str(site.root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "conversations       1 entry    " in out and "lines               1 entry    " in out, out
    assert "line figures        1 file     " in out, out
    assert re.search(r"^local .*: [2-9] entries, ", out, re.MULTILINE), out
    assert not re.search(r"\b1 (entries|files)\b", out), out


@pytest.mark.parametrize(
    "command",
    [["estimate"], ["say"], ["voices"], ["render"], *(["cache", action] for action in CACHE_ACTIONS)],
)
def test_every_command_s_help_says_what_it_does_and_its_exit_status(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Only `estimate --help` said what the command does and what its exit status means (bug bash)."""
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    before_options = re.split(r" (?:positional arguments|options): ", out)[0]
    assert re.search(r"\] [A-Z][^\]]*\. Exit status: 0, [^.]*\b2 [^.]*\.$", before_options), out


@pytest.mark.parametrize("command", [["estimate"], ["cache", "prune"], ["render", "--out", "x"]])
def test_a_subcommand_s_bad_argument_shows_that_subcommand_s_usage(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`estimate --bogus` printed the top-level usage (`mkdocs-convaudio [-h] [--version] {estimate,...}`), which
    does not list the option that was meant."""
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--bogus"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    name = " ".join(word for word in command if not word.startswith("-") and word != "x")
    assert err.startswith(f"usage: mkdocs-convaudio {name} [-h]"), err
    assert f"mkdocs-convaudio {name}: error: unrecognized arguments: --bogus" in err, err


def test_render_counts_a_linked_files_warnings_once_as_it_prints_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dialogue file with a trailing comma, linked from two posts, printed its warning once and the summary said
    `2 warnings`, and counted its files twice (bug bash h-render): the summary counts what was printed and written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "episode.json").write_text('[{"speaker": "A", "line": "Hello."},]', encoding="utf-8")
    for name in ("one.md", "two.md"):
        (tmp_path / "posts" / name).write_text(post("[The episode](episode.json)\n"), encoding="utf-8")
    assert main(["render", "--posts", "posts", "--out", "out"]) == 0
    captured = capsys.readouterr()
    said = [line for line in captured.err.splitlines() if line.startswith("warning: ")]
    assert len(said) == 1 and "posts/episode.json:1:" in said[0] and "trailing comma" in said[0], captured.err
    assert captured.out.rstrip().endswith("; 1 warning"), captured.out
    # and its files once: MP3, timings, captions, snippet, and the head (it said 9)
    assert "; 5 files in out;" in captured.out and len(list((tmp_path / "out").rglob("*.mp3"))) == 1


def test_render_names_the_post_a_translation_of_from_the_posts_folder_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Hugo translation's `translation_of: posts/talk.md` (from `content/`) was "not a page in docs_dir; give the
    original post's path relative to docs_dir", which a blog without MkDocs has none of (bug bash h-render): the
    error says --root and names the post the path means."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "fr" / "posts").mkdir(parents=True)
    talk = post(conversation(("Host", "Hello."), ("Guest", "Hi.")))
    (tmp_path / "content" / "posts" / "talk.md").write_text(talk, encoding="utf-8")
    causerie = post(conversation(("Host", "Bonjour."), ("Guest", "Salut.")), lang="fr", translation_of="posts/talk.md")
    (tmp_path / "content" / "fr" / "posts" / "causerie.md").write_text(causerie, encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert (
        "content/fr/posts/causerie.md:4: translation_of: 'posts/talk.md' is not a page in --root; give the original "
        "post's path relative to --root, e.g. `translation_of: content/posts/talk.md`"
    ) in err, err
    assert "docs_dir" not in err


def test_render_of_a_post_whose_front_matter_is_broken_toml_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo's `+++` front matter that is not TOML was blamed on line 1 (the `+++`), with tomllib's own line in the
    message and "fix it" for advice (bug bash h-render): it is named at its line, with what TOML wants."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    body = "\n```json\n" + '[{"speaker": "A", "line": "Hello."}]' + "\n```\n"
    (tmp_path / "content" / "talk.md").write_text('+++\naudio = true\ntitle = "Talk: the sequel\n+++\n' + body, "utf-8")
    (tmp_path / "content" / "date.md").write_text("+++\naudio = true\n\ndate = 2024-13-45\n+++\n" + body, "utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert (
        "\n  content/talk.md:3: this post's front matter is not valid TOML (Illegal character '\\n', at column 26); "
        in err
    )
    assert "\n  content/date.md:4: this post's front matter is not valid TOML (" in err, err
    assert 'write text in quotes on one line (`title = "Talk: the sequel"`), dates as `2024-05-01`' in err
    assert "(at line" not in err and "fix it" not in err and not (tmp_path / "out").exists()


def test_render_reads_a_hugo_posts_custom_fields_under_params(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo wants custom front matter fields under `params` (`[params] audio = true`, `params: {audio: true}`), and
    its pages read them as their own: such a post had no audio, without a word (bug bash h-render)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    body = "\n" + conversation(("Alice", "Audio under params."), ("Bob", "It counts."))
    toml = '+++\ntitle = "TOML"\ndate = 2024-08-01T09:00:00+02:00\n[params]\n  audio = true\n+++\n' + body
    (tmp_path / "content" / "posts" / "toml.md").write_text(toml, encoding="utf-8")
    yaml_post = "---\ntitle: YAML\nparams:\n  audio: true\n---\n" + body.replace("It counts.", "Here too.")
    (tmp_path / "content" / "posts" / "yaml.md").write_text(yaml_post, encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--strict"]) == 0, capsys.readouterr().err
    assert "2 conversations, 4 lines" in capsys.readouterr().out
    for name in ("toml", "yaml"):
        samples, rate = decode(tmp_path / "out" / "posts" / f"{name}-1.mp3")
        assert len(samples) / rate > 1.0
    # at the top it wins (`audio = true` over `[params] audio = false`); text under params is named at its line,
    # not at a line of the post that reads like a field (`Audio: …`; review r2-build)
    top = '+++\ntitle = "Top"\naudio = true\n[params]\n  audio = false\n+++\n' + body.replace("It", "The top")
    (tmp_path / "content" / "posts" / "top.md").write_text(top, encoding="utf-8")
    text = '+++\ntitle = "Text"\n\n[params]\n  audio = "true"\n+++\n\nAudio: recorded at home.\n' + body
    (tmp_path / "content" / "posts" / "text.md").write_text(text, encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0, capsys.readouterr().err
    captured = capsys.readouterr()
    assert "3 conversations" in captured.out and 'content/posts/text.md:5: `audio = "true"` is text' in captured.err
    assert (tmp_path / "out" / "posts" / "top-1.mp3").is_file() and not (
        tmp_path / "out" / "posts" / "text-1.mp3"
    ).exists()


def test_render_names_the_lines_of_a_post_with_json_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo's JSON front matter (`{` … `}`) was read, but its lines were not counted: a broken conversation below it
    was named five lines too early, on a line of the front matter (bug bash h-render)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    broken = '```json\n[\n  {"speaker": "A", "line": "One."}\n  {"speaker": "B", "line": "Two."}\n]\n```\n'
    front = '{\n  "title": "JSON front matter",\n  "audio": true\n}\n\n'
    (tmp_path / "content" / "talk.md").write_text(front + broken, encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0
    err = capsys.readouterr().err
    assert "content/talk.md:8:35: this conversation block is not valid JSON" in err, err


def test_render_of_posts_without_a_conversation_says_1_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary of a run that wrote only the player's head said "1 files" (bug bash h-render)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "talk.md").write_text("---\ntitle: No audio\n---\n\nText.\n", encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0
    assert capsys.readouterr().out.endswith("; 1 file in out; 0 warnings\n")


def test_render_of_a_line_of_one_letter_says_1_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary said "1 synthesized (1 characters)" (review)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.json").write_text('[{"speaker": "A", "line": "O"}]', encoding="utf-8")
    assert main(["render", "one.json", "--out", "out"]) == 0
    assert capsys.readouterr().out.startswith("1 conversation, 1 line: 1 synthesized (1 character), 0 from cache")
    samples, rate = decode(tmp_path / "out" / "one.mp3")
    assert len(samples) / rate > 0.1


def test_render_snippets_show_template_tags_as_written_when_a_template_includes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """render.md tells Jekyll blogs to `{% include %}` the snippets, which Liquid renders: a line about templates
    (`{{ page.title }}`) became the including page's title, and `{% if %}` stopped the build (bug bash h-render).
    Rendered by Jinja (Liquid's syntax for these), the snippet is unchanged, and a browser shows the tags."""
    import html
    import re as regex

    import jinja2

    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    lines = ("Write `{{ page.title }}` or `{% if site.x %}`.", "Jinja says `{# this #}`; and $x^{{n}}$ stays.")
    body = conversation(("A", lines[0]), ("B", lines[1]))
    (tmp_path / "_posts" / "2024-05-01-templates.md").write_text(post(body), encoding="utf-8")
    assert main(["render", "--posts", "_posts", "--out", "out"]) == 0, capsys.readouterr().err
    snippet = (tmp_path / "out" / "2024-05-01-templates-1.html").read_text(encoding="utf-8")
    assert jinja2.Template(snippet, keep_trailing_newline=True).render(page={"title": "Oops"}) == snippet
    shown = [
        html.unescape(regex.sub(r"<[^>]+>", "", text))
        for text in regex.findall(r'convaudio-text">(.*?)</span></li>', snippet)
    ]
    assert shown == [line.replace("`", "") for line in lines], shown


def test_render_of_a_hugo_bundle_translation_speaks_its_translated_dialogue_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo translates a bundle's resources by name: `index.fr.md` linking `dialogue.json` shows `dialogue.fr.json`.
    The French audio was made from the English file, in a French voice (bug bash h-render); it is made from
    `dialogue.fr.json`, with the English file's voices."""
    import json

    monkeypatch.chdir(tmp_path)
    bundle = tmp_path / "content" / "posts" / "talk"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(post("[The dialogue](dialogue.json)\n", title="Talk"), encoding="utf-8")
    (bundle / "index.fr.md").write_text(post("[Le dialogue](dialogue.json)\n", title="Causerie"), encoding="utf-8")
    turns = [{"speaker": "Host", "line": "Hello there."}, {"speaker": "Guest", "line": "Hi."}]
    (bundle / "dialogue.json").write_text(json.dumps(turns), encoding="utf-8")
    french = [{"speaker": "Host", "line": "Bonjour à tous."}, {"speaker": "Guest", "line": "Salut."}]
    (bundle / "dialogue.fr.json").write_text(json.dumps(french), encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--strict"]) == 0, capsys.readouterr().err
    made = {path.relative_to(tmp_path / "out").as_posix(): path for path in (tmp_path / "out").rglob("*.json")}
    spoken = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in made.items()}
    texts = sorted((timings["language"], [line["text"] for line in timings["lines"]]) for timings in spoken.values())
    assert texts == [("en", ["Hello there.", "Hi."]), ("fr", ["Bonjour à tous.", "Salut."])], spoken
    english, french_timings = sorted(spoken.values(), key=lambda timings: str(timings["language"]))
    assert [voice.split("+")[1] for voice in english["voices"].values()] == [
        voice.split("+")[1] for voice in french_timings["voices"].values()
    ]


def test_render_snippets_name_a_post_with_a_hash_or_question_mark_behind_a_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Behind a URL prefix the snippets left a file name's `#` and `?` as they were (`c#-tips-1.mp3`): a browser
    asked for `c` and `what` (bug bash h-render). Each URL, decoded, names the file the run wrote."""
    from urllib.parse import unquote, urlsplit

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    for name in ("c#-tips", "what?", "100%", "rock&roll's"):
        (tmp_path / "content" / f"{name}.md").write_text(post(conversation(("A", f"About {name}."))), "utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--url-prefix", "/blog/talks/"]) == 0
    out = tmp_path / "out"
    for snippet in (path for path in out.glob("*.html") if path.name != "convaudio-head.html"):
        urls = re.findall(r'(?:src|href|data-convaudio-timings)="([^"]+)"', snippet.read_text(encoding="utf-8"))
        assert len(urls) == 5, urls
        for url in urls:
            parts = urlsplit(url)  # a query only for the file's version (test_url_versions.py), never from its name
            assert re.fullmatch(r"(v=[0-9a-f]{10})?", parts.query) and not parts.fragment, url
            assert (out / unquote(parts.path).removeprefix("/blog/talks/")).is_file(), url


def test_render_snippets_relative_to_out_name_a_post_with_a_hash_or_an_accent_once_encoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out` outside `--root` and no `--url-prefix`: the snippets name the files relative to `--out`, and those
    URLs were encoded twice (`caf%25C3%25A9-1.mp3`, `c%2523-tips-1.mp3`: no such files) since the names were
    encoded behind the prefix (review r-render). Each URL, decoded once, names the file the run wrote."""
    from urllib.parse import unquote, urlsplit

    (tmp_path / "blog" / "content").mkdir(parents=True)
    for name in ("c#-tips", "café", "a b"):
        (tmp_path / "blog" / "content" / f"{name}.md").write_text(post(conversation(("A", f"On {name}."))), "utf-8")
    monkeypatch.chdir(tmp_path / "blog")
    out = tmp_path / "elsewhere"
    assert main(["render", "--posts", "content", "--out", str(out)]) == 0
    snippets = [path for path in out.glob("*.html") if path.name != "convaudio-head.html"]
    assert len(snippets) == 3
    for snippet in snippets:
        urls = re.findall(r'(?:src|href|data-convaudio-timings)="([^"]+)"', snippet.read_text(encoding="utf-8"))
        assert len(urls) == 5, urls
        for url in urls:
            parts = urlsplit(url)  # a query only for the file's version (test_url_versions.py), never from its name
            assert re.fullmatch(r"(v=[0-9a-f]{10})?", parts.query) and not parts.fragment, url
            assert (out / unquote(parts.path)).is_file(), url


def test_estimate_in_a_blog_without_mkdocs_points_to_render_dry_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`estimate` where a blog keeps its convaudio.toml said to run it "in the site's folder", which it was in
    (bug bash h-render): it names the command that estimates such a blog."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "convaudio.toml").write_text("", encoding="utf-8")
    for argv in (["estimate"], ["estimate", "--show-text"]):
        assert main(argv) == 2
        assert (
            "only a convaudio.toml: a blog without MkDocs estimates with `mkdocs-convaudio render --posts FOLDER "
            in (capsys.readouterr().err)
        )
    # a Hugo or Jekyll blog whose render takes its options as flags has no convaudio.toml (bug bash h-render)
    for blog, config in (("hugo", "hugo.toml"), ("jekyll", "_config.yml")):
        (tmp_path / blog).mkdir()
        (tmp_path / blog / config).write_text("", encoding="utf-8")
        monkeypatch.chdir(tmp_path / blog)
        assert main(["estimate"]) == 2
        said = (
            f"only the config of a {blog.title()} blog: a blog without MkDocs estimates with `mkdocs-convaudio render"
        )
        assert said in capsys.readouterr().err


def test_render_of_a_hugo_content_folder_per_language_speaks_each_post_in_its_folders_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo's content folder per language (`content/en/`, `content/fr/`): a French post with no English one was
    spoken in English, without a word (bug bash h-render). Folders beside another folder stay as they were: a
    topic folder (`it/`) is no language."""
    import json

    monkeypatch.chdir(tmp_path)
    for folder in ("content/en/posts", "content/fr/posts", "mixed/posts", "mixed/it"):
        (tmp_path / folder).mkdir(parents=True)
    talk = post(conversation(("Host", "Hello."), ("Guest", "Hi.")))
    (tmp_path / "content" / "en" / "posts" / "talk.md").write_text(talk, encoding="utf-8")
    (tmp_path / "content" / "fr" / "posts" / "talk.md").write_text(talk.replace("Hello.", "Bonjour."), "utf-8")
    alone = post(conversation(("Anne", "Un article en français."), ("Luc", "Oui.")))
    (tmp_path / "content" / "fr" / "posts" / "seul.md").write_text(alone, encoding="utf-8")
    (tmp_path / "mixed" / "it" / "networks.md").write_text(post(conversation(("A", "Routers."))), "utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0, capsys.readouterr().err
    assert main(["render", "--posts", "mixed", "--out", "out2"]) == 0, capsys.readouterr().err

    def language(path: Path) -> str:
        return str(json.loads(path.read_text(encoding="utf-8"))["language"])

    out = tmp_path / "out"
    assert [language(out / "fr" / "posts" / name) for name in ("seul-1.json", "talk-1.json")] == ["fr", "fr"]
    assert language(out / "en" / "posts" / "talk-1.json") == "en"
    assert language(tmp_path / "out2" / "it" / "networks-1.json") == "en"


def test_render_of_hugo_language_folders_whose_translations_have_their_own_names_and_a_translation_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo pairs translations with their own names (`en/posts/hello.md`, `fr/posts/bonjour.md`) by
    `translationKey`: with no post at one path in two folders, the French posts were spoken in English, without a
    word (since the folders had to share a path to count as languages; review r2-build)."""
    import json

    monkeypatch.chdir(tmp_path)
    for folder in ("en", "fr"):
        (tmp_path / "content" / folder / "posts").mkdir(parents=True)
    posts = tmp_path / "content"
    (posts / "en" / "posts" / "hello.md").write_text(
        post(conversation(("A", "Hello.")), translationKey="hello"), "utf-8"
    )
    (posts / "fr" / "posts" / "bonjour.md").write_text(
        post(conversation(("A", "Bonjour.")), translationKey="hello"), "utf-8"
    )
    (posts / "fr" / "posts" / "seul.md").write_text(post(conversation(("A", "Un article en français."))), "utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0, capsys.readouterr().err
    spoken = {
        path.relative_to(tmp_path / "out").as_posix(): json.loads(path.read_text(encoding="utf-8"))["language"]
        for path in (tmp_path / "out").rglob("*-1.json")
    }
    assert spoken == {"en/posts/hello-1.json": "en", "fr/posts/bonjour-1.json": "fr", "fr/posts/seul-1.json": "fr"}


def test_render_of_topic_folders_named_like_languages_speaks_them_in_the_blog_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tech blog's `content/it/` (IT) and `content/ml/` (machine learning), every folder below --posts named like
    a language, were spoken in Italian and Malayalam (review r-render): without a post translated in another of
    those folders (each section's `_index.md` is none), they are topics, in the blog's language."""
    import json

    monkeypatch.chdir(tmp_path)
    for topic, line in (("it", "Routers forward packets."), ("ml", "Gradients descend.")):
        (tmp_path / "content" / topic).mkdir(parents=True)
        (tmp_path / "content" / topic / "_index.md").write_text(f"---\ntitle: {topic}\n---\n", encoding="utf-8")
        (tmp_path / "content" / topic / f"{topic}-post.md").write_text(post(conversation(("A", line))), "utf-8")
    assert main(["render", "--posts", "content", "--out", "out", "--url-prefix", "/c/"]) == 0, capsys.readouterr()
    spoken = {
        path.name: json.loads(path.read_text(encoding="utf-8"))["language"]
        for path in (tmp_path / "out").rglob("*-1.json")
    }
    assert spoken == {"it-post-1.json": "en", "ml-post-1.json": "en"}, spoken


def test_render_of_two_posts_whose_audio_would_have_one_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`talk.md` and `talk.markdown` were both written as `talk-1.*`: the second replaced the first, and the run
    said one conversation (bug bash h-render). As for dialogue files, it is an error, and nothing is written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    two = conversation(("A", "From the md.")) + "\n" + conversation(("B", "Again."))
    (tmp_path / "content" / "talk.md").write_text(post(two), encoding="utf-8")
    (tmp_path / "content" / "talk.markdown").write_text(post(two.replace("the md", "the other")), "utf-8")
    (tmp_path / "content" / "talk.mkd").write_text("---\ntitle: No audio\n---\n\nText.\n", encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert "content/talk.md and content/talk.markdown would both be written as talk-1.mp3; rename one" in err, err
    assert err.count("would both be written") == 1, "one error per pair of posts, not per conversation"
    assert not (tmp_path / "out").exists()
    # twins that only link a dialogue file share its files: nothing is named after them (review r-render)
    (tmp_path / "content" / "ep.json").write_text('[{"speaker": "A", "line": "From the file."}]', encoding="utf-8")
    for name in ("talk.md", "talk.markdown"):
        (tmp_path / "content" / name).write_text(post("[The episode](ep.json)\n"), encoding="utf-8")
    assert main(["render", "--posts", "content", "--out", "out"]) == 0, capsys.readouterr().err
    assert [path.name for path in (tmp_path / "out").rglob("*.mp3")] == ["ep-en.mp3"]


def test_render_names_the_line_of_a_bad_option_in_convaudio_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """convaudio.toml's problems named no line (`convaudio.toml: option 'engine': …`), a `bitrate` or
    `pause_variation` out of range not even the file, and TOML it could not read ended "fix it" (bug bash h-render).
    Each is at its line; a file saved with a byte order mark (Notepad) is read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    toml = tmp_path / "convaudio.toml"
    for text, said in (
        ('# the blog\nengine = "gogle"\n', "convaudio.toml:2: option 'engine': Expected one of"),
        ("[convaudio]\npause = 0.5\nbitrate = 7\n", "convaudio.toml:3: bitrate must be one of 8, 16"),
        ('engine = "espeak\n', "convaudio.toml:1: this file is not valid TOML (Illegal character '\\n', at column 17)"),
        # a message that names its option later (review r-render: these named no line, or a traceback)
        ("bitrate = 64\npause = -1\n", "convaudio.toml:2: pauses cannot be negative (pause: -1)"),
        ("pause = 0.5\n\npause_variation = 2\n", "convaudio.toml:3: pause_variation must be from 0"),
        ("[google]\n# family\nvoice_family = 3\n", "convaudio.toml:3: option 'google': Sub-option 'voice_family'"),
        (
            '[convaudio]\nengine = "espeak"\n[convaudio.google]\nspeaking_rate = "x"\n',
            "convaudio.toml:4: option 'google'",
        ),
        # a per-language podcast field: it named mkdocs.yml, a file the blog has not (review r-feed2)
        (
            '[podcast]\ndescription = { en = "Talks", xx = "Nope" }\n',
            "convaudio.toml:2: option 'podcast': Sub-option 'description': podcast.description: 'xx' is not a",
        ),
        ("convaudio = 1\n", "convaudio.toml:1: `convaudio` is not a table; write the options at the top or under"),
        # an engine's option out of range, at its own line: it named no file, then its table's line (review r-serve)
        ("[espeak]\npitch = 50\nrate = 1\n", "convaudio.toml:3: the espeak engine's `rate` option must be 80 to 450"),
        (
            '[convaudio.espeak]\n# map\nlanguages = { en = "xx" }\n',
            "convaudio.toml:3: the espeak option `languages` maps to what is no eSpeak NG language (en: xx",
        ),
    ):
        toml.write_text(text, encoding="utf-8")
        assert main(["render", "scripts", "--out", "out"]) == 2
        err = capsys.readouterr().err
        assert said in err and "fix it" not in err, err
    toml.write_text('engine = "espeak"\n', encoding="utf-8-sig")
    assert main(["render", "scripts", "--out", "out"]) == 0, capsys.readouterr().err


def test_render_names_the_line_of_an_engines_unusable_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`piper: {length_scale: 0}` is said at its line of mkdocs.yml by a build; `render` named no file, from
    convaudio.toml or `-f mkdocs.yml` (review r-piper)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    toml = tmp_path / "convaudio.toml"
    for text, said in (
        ('engine = "piper"\n[piper]\ndownload = false\nlength_scale = 0\n', "convaudio.toml:4: the piper engine's"),
        ('[convaudio]\nengine = "espeak"\n\nespeak.rate = 5\n', "convaudio.toml:4: the espeak engine's `rate`"),
        ('engine = "google"\n[google]\nspeaking_rate = 9\n', "convaudio.toml:3: the google engine's"),
    ):
        toml.write_text(text, encoding="utf-8")
        assert main(["render", "scripts", "--out", "out"]) == 2
        err = capsys.readouterr().err
        assert said in err, err
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - convaudio:\n      engine: piper\n      piper:\n        noise_scale: -1\n",
        encoding="utf-8",
    )
    assert main(["render", "-f", "mkdocs.yml", "scripts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml:6: the piper engine's `noise_scale` option must be 0 to 10" in err, err
    assert not list(tmp_path.rglob("*.mp3"))
    assert main(["voices", "-f", "mkdocs.yml"]) == 0  # the engine's voices, with a warning at the option's line
    assert "warning: mkdocs.yml:6: the piper engine's `noise_scale` option" in capsys.readouterr().err


def test_render_names_the_line_of_a_music_bed_in_convaudio_toml_that_cannot_be_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing bed was said at its line; one that is no sound named no file (show bug bash)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    (tmp_path / "bed.wav").write_bytes(bytes((index * 37 + 11) % 251 for index in range(5000)))
    (tmp_path / "convaudio.toml").write_text('# the show\nmusic = "bed.wav"\n', encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert "convaudio.toml:2: plugin option `music: bed.wav`: cannot decode" in err, err
    # and in a site's mkdocs.yml that `render -f` reads
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Show\nplugins:\n  - convaudio:\n      intro: bed.wav\n", encoding="utf-8"
    )
    assert main(["render", "-f", "mkdocs.yml", "scripts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml:4: plugin option `intro: bed.wav`: cannot decode" in err, err
    assert not list(tmp_path.rglob("*.mp3"))


def test_render_names_the_line_of_an_unknown_option_in_convaudio_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown option is warned of at its line; one in an engine's table (`[convaudio.google]`, `[google]`) was
    named at the table's header, however far below it the option is (review r2-build)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    toml = tmp_path / "convaudio.toml"
    for text, said in (
        ('[convaudio]\nengine = "espeak"\nbogus = 2\n', "convaudio.toml:3: option 'bogus': "),
        (
            '[convaudio]\nengine = "espeak"\n\n[convaudio.google]\nvoice_family = "Neural2"\nspeaking_rat = 1\n',
            "convaudio.toml:6: option 'google': Sub-option 'speaking_rat'",
        ),
        ('engine = "espeak"\n[google]\n# the rate\nspeaking_rat = 1\n', "convaudio.toml:4: option 'google'"),
        # a misspelt option says the name it is near (the cost guard of `max_charcters` was off, and the run
        # said only "Unrecognised configuration name"; bug bash h-render), and nothing for a name near none
        ('engine = "espeak"\nmax_charcters = 10\n', "max_charcters; did you mean 'max_characters'?"),
        ('engine = "espeak"\n[google]\nspeaking_rat = 1\n', "speaking_rat; did you mean 'speaking_rate'?"),
        ('engine = "espeak"\nbogus = 2\n', "Unrecognised configuration name: bogus\n"),
    ):
        toml.write_text(text, encoding="utf-8")
        assert main(["render", "scripts", "--out", "out"]) == 0
        err = capsys.readouterr().err
        assert said in err, err


@pytest.mark.parametrize("first", ["", "enabled = false\n"], ids=["plain", "disabled"])
def test_an_unknown_option_of_the_engine_in_convaudio_toml_is_said_once_with_the_one_it_is_near(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    """`[espeak] raate = 1.1` stops the run (the engine cannot take it): it was said twice, as a warning with its
    suggestion and then as the error without it. Now once, the error, at its line, with the option it is near; also
    with `enabled = false`, which `render` does not read (a mkdocs.yml's disabled plugin keeps the warning)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    toml = f'{first}engine = "espeak"\n\n[espeak]\nraate = 1.1\n'
    (tmp_path / "convaudio.toml").write_text(toml, encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert [line.strip() for line in err.splitlines() if "raate" in line] == [
        f"convaudio.toml:{toml.count(chr(10))}: unknown option(s) for the espeak engine: raate (did you mean "
        "'rate'?); known options: languages, rate, pitch"
    ], err
    assert "warning" not in err, err


def test_the_command_says_a_misspelt_plugin_option_of_mkdocs_yml_at_its_line_first(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """`engin: piper` in mkdocs.yml: the command said MkDocs' words, `Config value 'plugins': Plugin 'convaudio'
    option 'engin': Unrecognised configuration name: engin`, where convaudio.toml's warnings begin with the file and
    line and say the option they are near. Now as those: `mkdocs.yml:4: option 'engin': …; did you mean 'engine'?`."""
    site.plugin_options.update(engin="piper")
    site.write("talk.md", post(conversation(("A", "Hello."))))
    site.write_config()
    config = site.root / "mkdocs.yml"
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "engin:" in text)
    assert main(["estimate", "-f", str(config)]) == 0
    err = capsys.readouterr().err
    shown = os.path.relpath(config)  # as the working folder sees it, when it is under it
    shown = str(config) if shown.startswith("..") else shown
    assert [text for text in err.splitlines() if "engin" in text] == [
        f"warning: {shown}:{line}: option 'engin': Unrecognised configuration name: engin; did you mean 'engine'?"
    ], err


def test_the_command_says_a_misspelt_plugin_option_at_its_line_first_in_a_folder_with_a_space(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-f "my blog/mkdocs.yml"`: the path in MkDocs' words has a space, and the command said them as MkDocs does
    (`Config value 'plugins': Plugin 'convaudio' option 'engin': my blog/mkdocs.yml:4: …`), not file and line first
    as for a folder without one (review r-interrupt)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my blog" / "docs").mkdir(parents=True)
    (tmp_path / "my blog" / "docs" / "index.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    config = Path("my blog", "mkdocs.yml")
    config.write_text("site_name: T\nplugins:\n  - convaudio:\n      engin: espeak\n", encoding="utf-8")
    assert main(["estimate", "-f", str(config)]) == 0
    err = capsys.readouterr().err
    assert [text for text in err.splitlines() if "engin" in text] == [
        f"warning: {config}:4: option 'engin': Unrecognised configuration name: engin; did you mean 'engine'?"
    ], err


def test_a_misspelt_option_in_a_flow_mapping_on_the_plugin_s_line_is_said_at_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`- convaudio: {engin: espeak}`, the options on the plugin's own line: the warning named neither mkdocs.yml nor
    the line (only the options on the lines below the plugin's were looked for), nor did the error of an engine's
    unknown option (`mkdocs.yml: unknown option(s) …`). Both at that line now (review r-interrupt)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - search\n  - convaudio: {engin: espeak}  # audio\n", encoding="utf-8")
    assert main(["estimate"]) == 0
    err = capsys.readouterr().err
    assert [text for text in err.splitlines() if "engin" in text] == [
        "warning: mkdocs.yml:4: option 'engin': Unrecognised configuration name: engin; did you mean 'engine'?"
    ], err
    config.write_text("site_name: T\nplugins:\n  - convaudio: {espeak: {raate: 100}}\n", encoding="utf-8")
    assert main(["estimate"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml:3: unknown option(s) for the espeak engine: raate (did you mean 'rate'?)" in err, err


def test_render_finds_a_hugo_dialogue_file_linked_from_the_root_in_static(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo publishes `static/` at the site's root, so a post links `static/dialogues/ep.json` as
    `/dialogues/ep.json`: render said it did not exist, and a link that works on the site could not be rendered
    (bug bash h-render). It is found there; a file in neither place names both."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "static" / "dialogues").mkdir(parents=True)
    (tmp_path / "static" / "dialogues" / "ep.json").write_text('[{"speaker": "A", "line": "From static."}]', "utf-8")
    (tmp_path / "content" / "posts" / "talk.md").write_text(post("[Script](/dialogues/ep.json)\n"), "utf-8")
    argv = ["render", "--posts", "content", "--out", "static/conversations", "--url-prefix", "/conversations/"]
    assert main(argv) == 0, capsys.readouterr().err
    samples, rate = decode(tmp_path / "static" / "conversations" / "static" / "dialogues" / "ep-en.mp3")
    assert len(samples) / rate > 0.5
    (tmp_path / "content" / "posts" / "other.md").write_text(post("[Script](/dialogues/none.json)\n"), "utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert (
        f"(looked for {tmp_path / 'dialogues' / 'none.json'} and {tmp_path / 'static' / 'dialogues' / 'none.json'})"
        in err
    )
    # a Jekyll blog has no static/: its error names the one place looked in (review r-render)
    (tmp_path / "jekyll" / "_posts").mkdir(parents=True)
    (tmp_path / "jekyll" / "_posts" / "2024-01-01-ep.md").write_text(post("[Script](/dialogues/ep.json)\n"), "utf-8")
    monkeypatch.chdir(tmp_path / "jekyll")
    assert main(["render", "--posts", "_posts", "--out", "assets/talks"]) == 2
    err = capsys.readouterr().err
    missing = tmp_path / "jekyll" / "dialogues" / "ep.json"
    assert (
        f"_posts/2024-01-01-ep.md:5: the dialogue file '/dialogues/ep.json' does not exist (looked for {missing});"
        in err
    )


def test_render_reads_the_cache_and_voice_map_flags_from_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--cache-dir blog/.audio-cache --voice-map blog/voices.yml` given with `--root blog` from the folder above
    were read from `--root` (`blog/blog/.audio-cache`): a second cache and voice map, every line synthesized again
    (bug bash h-render). They are read from the current folder, as `--out` and `--posts` are; a file left where an
    earlier version put it, and not where the flag now names it, is used with a warning naming the flag to give:
    the command line that worked before neither stops nor pays again, nor starts a voice map of new voices."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blog" / "scripts").mkdir(parents=True)
    (tmp_path / "blog" / "scripts" / "talk.json").write_text('[{"speaker": "Maya", "line": "Hello."}]', "utf-8")
    flags = ["--out", "blog/out", "--cache-dir", "blog/.audio-cache", "--voice-map", "blog/voices.yml"]
    assert main(["render", "--root", "blog", "blog/scripts", *flags]) == 0
    assert "1 synthesized" in capsys.readouterr().out
    assert (tmp_path / "blog" / ".audio-cache").is_dir() and (tmp_path / "blog" / "voices.yml").is_file()
    assert not (tmp_path / "blog" / "blog").exists()
    monkeypatch.chdir(tmp_path / "blog")  # the same files, named from the blog's own folder
    assert main(["render", "scripts", "--out", "out", "--cache-dir", ".audio-cache", "--voice-map", "voices.yml"]) == 0
    assert "0 synthesized (0 characters), 1 from cache" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path)  # the command line an earlier version ran: its flags named from --root
    earlier = ["render", "--root", "blog", "blog/scripts", "--out", "blog/out"]
    earlier += ["--cache-dir", ".audio-cache", "--voice-map", "voices.yml"]
    assert main(earlier) == 0
    captured = capsys.readouterr()
    assert "0 synthesized (0 characters), 1 from cache" in captured.out and "2 warnings" in captured.out
    for flag, name in (("--voice-map", "voices.yml"), ("--cache-dir", ".audio-cache")):
        assert f"this run used {tmp_path / 'blog' / name}" in captured.err
        assert f"give {flag} {Path('blog', name)} to keep it, or move it to {tmp_path / name}" in captured.err
    assert not (tmp_path / "voices.yml").exists() and not (tmp_path / ".audio-cache").exists()
    assert main([*earlier, "--strict"]) == 1  # a warning as any other


def test_render_with_a_voice_map_at_both_the_old_and_the_new_place_says_which_it_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--voice-map voices.yml` with `--root blog`, run from the folder above, and a `voices.yml` both there and in
    `blog/` (where earlier versions read it from): the current folder's was used without a word, so voices edited
    in the other were lost unseen. It is still the one used, with a warning naming both files and the flag that
    would use the other; the other is left as it was."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blog" / "scripts").mkdir(parents=True)
    (tmp_path / "blog" / "scripts" / "talk.json").write_text('[{"speaker": "Maya", "line": "Hello."}]', "utf-8")
    old = tmp_path / "blog" / "voices.yml"
    old.write_text("espeak:\n  scripts/talk.json:\n    Maya: f3\n", "utf-8")
    new = tmp_path / "voices.yml"
    new.write_text("espeak:\n  scripts/talk.json:\n    Maya: f1\n", "utf-8")
    flags = ["--out", "blog/out", "--voice-map", "voices.yml"]
    assert main(["render", "--root", "blog", "blog/scripts", *flags]) == 0
    captured = capsys.readouterr()
    assert "1 warning" in captured.out
    assert (
        f"--voice-map voices.yml: this run used {new} (a path on the command line is read from the current "
        f"folder); {old}, where earlier versions read it from (--root, or the options file's folder), is there "
        f"too and was not used: give --voice-map {Path('blog', 'voices.yml')} to use it instead, --voice-map {new} "
        "(an absolute path) to keep both without this warning"
    ) in captured.err
    timings = json.loads((tmp_path / "blog" / "out" / "talk.json").read_text("utf-8"))
    assert "f1" in json.dumps(timings) and "f3" not in json.dumps(timings)
    assert old.read_text("utf-8") == "espeak:\n  scripts/talk.json:\n    Maya: f3\n"
    assert main(["render", "--root", "blog", "blog/scripts", *flags, "--strict"]) == 1
    # both kept on purpose (the other is the blog's own site's): the absolute path the warning names is read as it is
    capsys.readouterr()
    assert main(["render", "--root", "blog", "blog/scripts", *flags[:-1], str(new), "--strict"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_render_of_a_translation_alone_speaks_its_language_in_its_originals_voices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render scripts/x-fr.json`, its original `x-en.json` beside it but not given: the file was spoken in English
    with a voice-map entry of its own (`scripts/x-fr.json`), where rendered with its original it is French and
    shares `scripts/x.json` (docs/voices.md, Translations). A translation's partners are the dialogue files near
    it, given or not, as for a dialogue file a page links: it is French, in the original's voices (a hand edit
    included), and its lines come from the cache."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    for name, turns in (("x-en", ["Hello there.", "Hi."]), ("x-fr", ["Bonjour.", "Salut."])):
        lines = [{"speaker": speaker, "line": line} for speaker, line in zip(("Marc", "Claire"), turns, strict=True)]
        (tmp_path / "scripts" / f"{name}.json").write_text(json.dumps(lines), encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    voice_map = tmp_path / "convaudio-voices.yml"
    table = yaml.safe_load(voice_map.read_text("utf-8"))
    table["espeak"]["scripts/x.json"]["Marc"] = "m1"  # a hand edit
    voice_map.write_text(yaml.safe_dump(table), "utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    capsys.readouterr()
    assert main(["render", "scripts/x-fr.json", "--out", "alone"]) == 0
    assert "0 synthesized (0 characters), 2 from cache" in capsys.readouterr().out
    assert list(yaml.safe_load(voice_map.read_text("utf-8"))["espeak"]) == ["scripts/x.json"]
    timings = json.loads((tmp_path / "alone" / "x-fr.json").read_text("utf-8"))
    assert timings["language"] == "fr" and timings["voices"]["Marc"] == "fr+m1"


def test_render_of_dialogue_files_gives_a_translations_renamed_speaker_the_original_speakers_voice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`talk-fr.json` naming `Marc` `Marcel`, turn for turn, gave Marcel a voice of his own, recorded in the voice
    map, without a word (bug bash h-render), where a page's translation, or a dialogue file a page links, speaks in
    the original speaker's voice. Turns that do not pair are a warning naming the file, its line and the original."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    english = [("Claire", "Hello and welcome."), ("Marc", "Glad to be here."), ("Claire", "Let us begin.")]
    french = [("Claire", "Bonjour et bienvenue."), ("Marcel", "Ravi d'être là."), ("Claire", "Commençons.")]
    for name, turns in (("talk-en", english), ("talk-fr", french), ("panel-en", english)):
        text = json.dumps([{"speaker": speaker, "line": line} for speaker, line in turns], indent=1)
        (tmp_path / "scripts" / f"{name}.json").write_text(text, encoding="utf-8")
    # the panel's translation adds a turn: Marcel cannot be told to be Marc
    added = [*french, ("Marcel", "Allons-y.")]
    text = json.dumps([{"speaker": speaker, "line": line} for speaker, line in added], indent=1)
    (tmp_path / "scripts" / "panel-fr.json").write_text(text, encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    captured = capsys.readouterr()
    voices = {
        name: json.loads((tmp_path / "out" / f"{name}.json").read_text())["voices"] for name in ("talk-en", "talk-fr")
    }
    assert voices["talk-fr"]["Marcel"].split("+")[1] == voices["talk-en"]["Marc"].split("+")[1], voices
    assert "1 warning" in captured.out
    [warned] = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert warned.startswith(
        "warning: scripts/panel-fr.json:6: Marcel is not among the speakers of its original scripts/panel-en.json"
    ), warned
    # said, as a build says it (render dropped the core's info lines)
    marc = voices["talk-en"]["Marc"].split("+")[1]
    assert f"voice map: Marcel speaks as Marc ({marc}) in scripts/talk-fr.json:1, a translation of" in captured.err
    voice_map = (tmp_path / "convaudio-voices.yml").read_text()
    # neither is recorded: the talk's is paired again by each run (so a voice changed for Marc is his too), the
    # panel's warned of until the author records one or mends the turns
    assert "Marcel" not in voice_map, voice_map


@pytest.mark.parametrize(
    ("config", "out", "served"),
    [
        ("hugo.toml", "static/conversations", "/conversations/"),
        ("hugo.toml", "static/conversations", "/blog/conversations/"),
        ("_config.yml", "assets/conversations", "/repo/assets/conversations/"),
    ],
    ids=["hugo-static", "hugo-base-path", "jekyll-baseurl"],
)
def test_render_says_the_url_prefix_a_hugo_or_jekyll_blog_serves_its_out_folder_at(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    out: str,
    served: str,
) -> None:
    """Without `--url-prefix`, the snippets name `--out` by its path below `--root`: `/static/conversations/…` in a
    Hugo blog, which publishes `static/` at the site's root, and `/assets/…` in a blog whose base URL has a path (a
    GitHub project site's `baseurl: /repo`): every URL a 404, and `0 warnings` (bug bash h-render). A warning names
    the prefix to give; given, the run is quiet, as it is in a blog served at its root."""
    monkeypatch.chdir(tmp_path)
    base = served.removesuffix(out.removeprefix("static/") + "/").rstrip("/")
    (tmp_path / config).write_text(
        f'baseURL = "https://me.example.org{base}/"\n' if config == "hugo.toml" else f"baseurl: {base!r}\n", "utf-8"
    )
    posts = "content" if config == "hugo.toml" else "_posts"
    (tmp_path / posts).mkdir()
    (tmp_path / posts / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hi."))), encoding="utf-8")
    assert main(["render", "--posts", posts, "--out", out, "--strict"]) == 1
    captured = capsys.readouterr()
    assert f"serves --out {out} at {served}, not at /{out}/ " in captured.err
    assert captured.err.rstrip().endswith(f"give --url-prefix {served}"), captured.err
    assert main(["render", "--posts", posts, "--out", out, "--strict", "--url-prefix", served]) == 0
    assert capsys.readouterr().err == ""
    assert url_versions((tmp_path / out / "2026-05-01-talk-1.html").read_text(), f'src="{served}2026-05-01-talk-1.mp3')
    (tmp_path / config).write_text("", "utf-8")  # served at the root: the default is right, where --out is below it
    if config == "_config.yml":
        assert main(["render", "--posts", posts, "--out", out, "--strict"]) == 0
        assert capsys.readouterr().err == ""


def test_render_says_at_its_line_that_it_writes_no_podcast_feed_for_convaudio_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """convaudio.toml takes the plugin's options, `[podcast] enabled = true` among them: render wrote no feed
    and said nothing (bug bash h-render). It says so at the option's line, as an info line (`--strict` passes);
    the cache commands, which read the same file, do not."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    (tmp_path / "convaudio.toml").write_text('engine = "espeak"\n\n[podcast]\nenabled = true\n', encoding="utf-8")
    assert main(["render", "talk.json", "--out", "out", "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("convaudio.toml:4: podcast.enabled: render writes no podcast feed"), captured.err
    assert "0 warnings" in captured.out and not list(tmp_path.rglob("*.xml"))
    assert main(["cache", "stats"]) == 0
    assert "podcast" not in capsys.readouterr().err


def test_render_show_text_lists_each_lines_spoken_text_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blog without MkDocs could see what its lines are spoken as only line by line with `say` (`estimate
    --show-text` reads a site): `render --show-text` lists every line of the run as `estimate --show-text` does,
    marked `[new]` or `[cached]`, and writes nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    text = post(conversation(("Maya", "It costs $3.99."), ("Tom", "Free.")))
    (tmp_path / "_posts" / "2026-05-01-talk.md").write_text(text, encoding="utf-8")
    argv = ["render", "--posts", "_posts", "--out", "assets/talks"]
    assert main([*argv, "--show-text"]) == 0
    listed = capsys.readouterr().out
    assert re.search(
        r"  line \d+ Maya \[new\]\n    written: It costs \$3\.99\.\n    spoken:  It costs 3 dollars 99\.\n", listed
    )
    assert not (tmp_path / "assets").exists() and not (tmp_path / "convaudio-voices.yml").exists()
    assert main(argv) == 0
    capsys.readouterr()
    assert main([*argv, "--show-text"]) == 0
    listed = capsys.readouterr().out
    assert re.search(r"  line \d+ Tom \[cached\]\n", listed) and "[new]" not in listed, listed


def test_render_leaves_unchanged_snippets_and_player_files_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that changed nothing wrote every snippet, `convaudio-head.html`, the CSS and the script again (the
    MP3s, timings and captions it left alone): a deploy that syncs by time sent them all, and `hugo server`
    rebuilt (bug bash h-render). Only a file whose content changes is written, whole."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    talk = tmp_path / "_posts" / "2026-05-01-talk.md"
    talk.write_text(post(conversation(("A", "Hello."), ("B", "Hi."))), encoding="utf-8")
    argv = ["render", "--posts", "_posts", "--out", "out"]
    assert main(argv) == 0
    out = tmp_path / "out"
    files = [out / name for name in ("2026-05-01-talk-1.html", "convaudio-head.html", "convaudio.css", "convaudio.js")]
    then = 1_000_000_000
    for path in files:
        os.utime(path, (then, then))
    assert main(argv) == 0
    assert [path.stat().st_mtime for path in files] == [then] * len(files)
    talk.write_text(post(conversation(("A", "Hello again."), ("B", "Hi."))), encoding="utf-8")
    assert main(argv) == 0
    assert [path.stat().st_mtime == then for path in files] == [False, True, True, True]
    assert "Hello again." in files[0].read_text(encoding="utf-8")
    assert not [path for path in out.iterdir() if path.name.startswith(".")]  # no temporary file left


def test_render_of_dialogue_files_keeps_a_renamed_speakers_voice_the_voice_map_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translation's renamed speaker that an earlier version gave a voice of his own, recorded in a committed voice
    map, keeps it: paired with the original's speaker instead, every line of his was paid for again, in another
    voice (review r-render). The voice map's entry wins, and the file is left as it is."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scripts").mkdir()
    english = [("Claire", "Hello and welcome."), ("Marc", "Glad to be here.")]
    french = [("Claire", "Bonjour et bienvenue."), ("Marcel", "Ravi d'être là.")]
    for name, turns in (("talk-en", english), ("talk-fr", french)):
        text = json.dumps([{"speaker": speaker, "line": line} for speaker, line in turns], indent=1)
        (tmp_path / "scripts" / f"{name}.json").write_text(text, encoding="utf-8")
    committed = "espeak:\n  scripts/talk.json:\n    Claire: f2\n    Marc: m3\n    Marcel: m1\n"
    (tmp_path / "convaudio-voices.yml").write_text(committed, encoding="utf-8")
    assert main(["render", "scripts", "--out", "out"]) == 0
    assert "0 warnings" in capsys.readouterr().out
    assert json.loads((tmp_path / "out" / "talk-fr.json").read_text())["voices"]["Marcel"] == "fr+m1"
    assert (tmp_path / "convaudio-voices.yml").read_text(encoding="utf-8") == committed


def test_render_names_a_snippet_it_cannot_write_as_a_published_file_of_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snippet that cannot be written is named as `render`'s other published files are ("could not write the
    published file …", with the fix for `--out`), not as a file of no option (review r-render)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2026-05-01-talk.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    (tmp_path / "out" / "2026-05-01-talk-1.html").mkdir(parents=True)  # a folder in the snippet's way
    assert main(["render", "--posts", "_posts", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert f"could not write the published file {Path('out', '2026-05-01-talk-1.html')}: a folder is in the way" in err
    assert "Traceback" not in err


def console_script(arguments: list[str]) -> str:
    """The `mkdocs-convaudio` script as pip writes it from pyproject.toml's entry point (the one installed in a
    development environment is the entry point it was installed with), run with `arguments`."""
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, function = project["project"]["scripts"]["mkdocs-convaudio"].partition(":")
    argv = ["mkdocs-convaudio", *arguments]
    return f"import sys; sys.argv = {argv!r}; from {module} import {function}; sys.exit({function}())"


@pytest.mark.parametrize("started", ["console script", "python -m"])
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_ctrl_c_while_the_command_starts_is_a_word_not_a_traceback(tmp_path: Path, stop: str, started: str) -> None:
    """The command's imports take about a second (1.2 s measured on a loaded 2-core machine): Ctrl-C then printed a
    traceback from inside an import (numpy's, the spoken-text rules' regular expressions), and SIGTERM killed the
    process without a word (status -15). Both now say the one line a Ctrl-C says later, status 130. The signal comes
    from the process itself when the command's imports reach the module that synthesizes (an import hook in the
    script, before pip's own lines): a known point, no timing. `python -m mkdocs_convaudio.cli` (as tests and
    scripts start it) goes the same way: it printed the traceback still."""
    hook = (
        "import importlib.abc, os, signal, sys\n"
        # Ctrl-C as a terminal delivers it (a shell without job control starts tests with it ignored)
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "class Stop(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'mkdocs_convaudio.render':\n"
        "            sys.meta_path.remove(self)\n"
        f"            os.kill(os.getpid(), signal.{stop})\n"
        "        return None\n"
        "sys.meta_path.insert(0, Stop())\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}

    def start(arguments: list[str]) -> str:
        if started == "console script":
            return console_script(arguments)
        # what `python -m` does
        argv = ["mkdocs-convaudio", *arguments]
        return (
            f"import runpy, sys; sys.argv = {argv!r}; "
            "runpy.run_module('mkdocs_convaudio.cli', run_name='__main__', alter_sys=True)"
        )

    done = subprocess.run(
        [sys.executable, "-c", hook + start(["voices", "--engine", "espeak"])],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (130, ""), (done.returncode, done.stderr)
    assert done.stderr == "\nmkdocs-convaudio: stopped; what was made so far is kept, run it again to go on\n", (
        done.stderr
    )


def test_a_second_ctrl_c_while_the_command_shuts_down_says_stopped_once(tmp_path: Path) -> None:
    """A Ctrl-C, then another while the command shuts down the plugins it started (milliseconds after the first):
    the command said "stopped", and the entry point said it again. The signals come from the process itself: the
    first in place of the command's work, the second when the shutdown begins."""
    script = (
        "import os, signal, sys\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import mkdocs_convaudio.cli as cli\n"
        "def ctrl_c(*args):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "shut_down = cli.shut_down_plugins\n"
        "cli.command_voices = ctrl_c\n"
        "cli.shut_down_plugins = lambda: (ctrl_c(), shut_down())\n"
    )
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script + console_script(["voices", "--engine", "espeak"])],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "\nmkdocs-convaudio: stopped; what was made so far is kept, run it again to go on\n", (
        done.stderr
    )


@pytest.mark.parametrize("config", ["convaudio.toml", "mkdocs.yml"])
def test_an_unknown_option_of_an_engine_the_command_does_not_make_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, config: str
) -> None:
    """A typo in the configured engine's table is left to the engine (an error, said once, when it is made): under
    `render --engine espeak` (another engine) or `say` (none), no engine is made from that table, and the typo was
    said nowhere; `--strict` passed. Now it is a warning there, at its line, with the option it is near."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.json").write_text('[{"speaker": "A", "line": "Hello."}]', encoding="utf-8")
    if config == "convaudio.toml":
        (tmp_path / config).write_text('engine = "openai"\n\n[openai]\nmodle = "tts-1"\n', encoding="utf-8")
        flags: list[str] = []
    else:
        (tmp_path / "docs").mkdir()
        plugin = {"convaudio": {"engine": "openai", "openai": {"modle": "tts-1"}}}
        (tmp_path / config).write_text(yaml.safe_dump({"site_name": "t", "plugins": [plugin]}), encoding="utf-8")
        flags = ["-f", config]
    line = next(n for n, text in enumerate((tmp_path / config).read_text().splitlines(), 1) if "modle" in text)
    assert main(["render", "talk.json", "--out", "out", "--engine", "espeak", "--strict", *flags]) == 1
    err = capsys.readouterr().err
    said = [text for text in err.splitlines() if "modle" in text]
    assert len(said) == 1 and said[0].startswith(f"warning: {config}:{line}: "), err
    assert "did you mean 'model'?" in said[0], err
    assert main(["say", "Hello.", *flags]) == 0
    err = capsys.readouterr().err
    said = [text for text in err.splitlines() if "modle" in text]
    assert len(said) == 1 and said[0].startswith(f"warning: {config}:{line}: "), err


def test_a_misspelt_option_of_a_plugin_list_written_on_one_line_is_said_at_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`plugins: [search, convaudio: {engin: espeak}]`, the whole list in flow style on one line: the warning named
    neither mkdocs.yml nor the line, nor did the error of an engine's unknown option (review r-interrupt)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(post(conversation(("A", "Hello."))), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nplugins: [search, convaudio: {engin: espeak}]  # audio\n", encoding="utf-8")
    assert main(["estimate"]) == 0
    err = capsys.readouterr().err
    assert [text for text in err.splitlines() if "engin" in text] == [
        "warning: mkdocs.yml:2: option 'engin': Unrecognised configuration name: engin; did you mean 'engine'?"
    ], err
    config.write_text(
        "site_name: T\n\nplugins: [search: {lang: [en]}, 'convaudio': {espeak: {raate: 100}}]\n", encoding="utf-8"
    )
    assert main(["estimate"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml:3: unknown option(s) for the espeak engine: raate (did you mean 'rate'?)" in err, err
