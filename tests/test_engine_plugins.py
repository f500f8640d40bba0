"""A sixth engine from another package: found through the entry point group, configured with typed options,
and used by a real site build, with no edit to this project."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from mkdocs_convaudio.engines import create_engine, engine_names
from mkdocs_convaudio.errors import MissingCredentialsError, OptionError
from tests.reference import median_pitch
from tests.sites import Site, conversation, decode, post

ENGINE = '''
"""A tone engine: each voice is a pitch, each character 50 ms."""

from dataclasses import dataclass

import numpy as np

from mkdocs_convaudio.audio.types import Audio
from mkdocs_convaudio.engines.base import Engine, EngineOptions, VoiceInfo
from mkdocs_convaudio.errors import ConvaudioError, MissingCredentialsError


@dataclass(frozen=True)
class ToneOptions(EngineOptions):
    base_hz: float = 110.0
    licence_file: str = ""

    def check(self, engine):
        if self.base_hz <= 0:
            raise ConvaudioError(f"the {engine} engine's `base_hz` must be above 0, not {self.base_hz}")
        if self.licence_file == "missing.key":
            raise MissingCredentialsError("no licence for the tones: put it in missing.key")


class ToneEngine(Engine):
    name = "tones"
    Options = ToneOptions
    input_limit = 1000
    closed = 0

    def voice_pool(self):
        return ["low", "high"]

    def resolve_voice(self, identity, language):
        return identity

    def synthesize(self, text, voice, language):
        rate = 16000
        t = np.arange(int(0.05 * len(text) * rate)) / rate
        hz = self.options.base_hz * (2 if voice == "high" else 1)
        return Audio((0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32), rate)

    def list_voices(self, language=None):
        return [VoiceInfo(name, ("any",)) for name in self.voice_pool()]

    def close(self):
        ToneEngine.closed += 1
'''


@pytest.fixture
def tone_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`convaudio-tones` installed into a folder on sys.path: its module and its dist-info with entry points,
    which is all `importlib.metadata` needs to find an installed distribution."""
    folder = tmp_path / "site-packages"
    (folder / "convaudio_tones").mkdir(parents=True)
    (folder / "convaudio_tones" / "__init__.py").write_text(textwrap.dedent(ENGINE), encoding="utf-8")
    info = folder / "convaudio_tones-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: convaudio-tones\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[mkdocs_convaudio.engines]\ntones = convaudio_tones:ToneEngine\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "convaudio_tones", raising=False)  # each test counts its own closes
    return folder


def test_a_sixth_engine_from_another_package_builds_a_site(site: Site, tone_package: Path) -> None:
    assert "tones" in engine_names()
    site.plugin_options.update({"engine": "tones", "tones": {"base_hz": 150}})
    site.write("talk.md", post(conversation(("A", "A low line for A."), ("B", "A high line for B."))))

    summary = site.build()

    assert (summary.synthesized, summary.from_cache) == (2, 0)
    [mp3] = site.audio_files()
    samples, rate = decode(mp3)
    spans = site.timings(mp3)["lines"]
    pitches = [median_pitch(samples[int(line["start"] * rate) : int(line["end"] * rate)], rate) for line in spans]
    assert pitches[0] == pytest.approx(150, rel=0.05) and pitches[1] == pytest.approx(300, rel=0.05)
    assert site.voice_map()["tones"]["talk.md"] == {"A": "low", "B": "high"}
    tones = importlib.import_module("convaudio_tones")  # the package the test installed

    assert tones.ToneEngine.closed == 1  # the build released the engine at its end


def test_a_sixth_engines_options_are_checked_by_mkdocs(site: Site, tone_package: Path) -> None:
    site.plugin_options.update({"engine": "tones", "tones": {"base_hz": "deep"}})
    site.write("talk.md", post(conversation(("A", "Hello."))))

    message = site.build_error()

    assert "tones" in message and "base_hz" in message and "Traceback" not in message


def test_a_sixth_engines_check_says_its_option_and_keeps_the_errors_its_callers_tell_apart(tone_package: Path) -> None:
    # a plain error of the options' check is the option's (said at its line); any other kind is raised as it is: a
    # credentials error is no option's mistake (h-piper's design turned every error of check() into an option error)
    with pytest.raises(OptionError, match="base_hz") as option_error:
        create_engine("tones", {"base_hz": 0}, {})
    assert option_error.value.keys == ("tones", "base_hz")
    with pytest.raises(MissingCredentialsError, match="no licence") as credentials_error:
        create_engine("tones", {"licence_file": "missing.key"}, {})
    assert not isinstance(credentials_error.value, OptionError)


HOOK = """
from mkdocs.exceptions import PluginError


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "broken.md":
        raise PluginError("broken.md: another plugin failed")
    return markdown
"""


@pytest.mark.parametrize("failure", ["a page's problem", "another plugin's error before rendering"])
def test_the_engine_is_closed_when_a_build_fails(site: Site, tone_package: Path, failure: str) -> None:
    site.plugin_options.update({"engine": "tones"})
    site.write("talk.md", post(conversation(("A", "A line."))))
    if failure == "a page's problem":  # collected, then reported when the build renders
        site.write("broken.md", post(conversation(("A", "Hi.")), translation_of="nowhere.md"))
    else:  # the build stops in the middle of the pages: convaudio never gets to render
        (site.root / "hooks.py").write_text(HOOK, encoding="utf-8")
        site.config["hooks"] = ["hooks.py"]
        site.write("broken.md", "# Broken\n")

    message = site.build_error()

    assert "broken.md" in message
    tones = importlib.import_module("convaudio_tones")
    assert tones.ToneEngine.closed == 1  # released once, though the build never reached its end
