"""Build tiny MkDocs sites in temporary folders with MkDocs' own build, and inspect what they produce."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import numpy as np
import pytest
import soundfile
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

SUMMARY = re.compile(
    r"([\d,]+) conversations?, ([\d,]+) lines?: ([\d,]+) synthesized \(([\d,]+) characters"
    r"(?: sent, ([\d,]+) of them again after timeouts, lost or unusable answers)?\), ([\d,]+) from cache"
)

#: The URL of a `<link href>` or `<script src>` to the player's stylesheet or script
ASSET_URL = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)="([^"]*convaudio\.(?:css|js)(?:\?[^"]*)?)"')


@dataclass
class Summary:
    """The numbers of a build's summary line."""

    conversations: int
    lines: int
    synthesized: int
    characters: int
    #: characters sent again after a try that may have been billed (part of `characters`)
    resent: int
    from_cache: int


class Site:
    """A site folder: `docs/`, `mkdocs.yml`, and helpers to build it and read what came out."""

    def __init__(self, root: Path, caplog: pytest.LogCaptureFixture) -> None:
        self.root = root
        self.caplog = caplog
        self.docs = root / "docs"
        self.docs.mkdir(parents=True, exist_ok=True)
        self.plugin_options: dict[str, Any] = {}
        self.config: dict[str, Any] = {"site_name": "Test", "use_directory_urls": False}
        #: Plugins listed after convaudio in mkdocs.yml (`config["plugins"]` are listed before it).
        self.plugins_after: list[Any] = []
        #: Every wait the builds asked for (retries, Retry-After): builds get this fake sleep, never a real one.
        self.waits: list[float] = []
        #: The builds' clock when a test gives one (one its fake sleep moves on), else the real one.
        self.clock: Callable[[], float] | None = None
        #: The plugin of the last build (its session and counters).
        self.plugin: Any = None
        #: The MkDocs config of the last build.
        self.mkdocs_config: Any = None
        #: When the last build began and ended (time.time_ns).
        self._last_build_ns: tuple[int, int] | None = None

    def write(self, path: str, text: str) -> Path:
        target = self.docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return target

    def write_config(self) -> None:
        config = dict(self.config)
        plugins = config.pop("plugins", [])
        config["plugins"] = [*plugins, {"convaudio": self.plugin_options}, *self.plugins_after]
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")

    def build(self, *, strict: bool = False, dirty: bool = False, serve_url: str | None = None) -> Summary:
        """Run MkDocs' build (`--dirty` with `dirty`; as `mkdocs serve` runs it with `serve_url`); return the
        convaudio summary of this build."""
        self.write_config()
        self.caplog.clear()
        with self.caplog.at_level(logging.INFO, logger="mkdocs"):
            config = load_config(config_file=str(self.root / "mkdocs.yml"), strict=strict)
            self.mkdocs_config = config
            self.plugin = config.plugins["convaudio"]
            self.plugin.sleep = self.waits.append
            if self.clock is not None:
                self.plugin.clock = self.clock
            if dirty and self._last_build_ns:
                self._stamp_saves_after_build(*self._last_build_ns)
            began = time.time_ns()
            try:
                build(config, dirty=dirty, serve_url=serve_url)
            finally:
                self._last_build_ns = (began, time.time_ns())
        return self.summary()

    def _stamp_saves_after_build(self, began: int, ended: int) -> None:
        """Make the docs files written since the last build began later than what it wrote, as a save after a
        build is. MkDocs' dirty build rebuilds a page only when its source is newer than its HTML (and the plugin
        goes by the same times for dialogue files), and a file system's coarse clock (4 ms ticks) can give a file
        written 1-2 ms after a build the same time as the HTML: the page was then skipped, by chance. Tests write
        nothing during a build, so a file stamped after the build began was written after it ended (or in the
        same tick): it gets the build's end (a fine clock, never behind a coarse stamp) plus 1 ms."""
        for path in self.docs.rglob("*"):
            stamp = path.stat()
            if path.is_file() and began < stamp.st_mtime_ns <= ended:
                os.utime(path, ns=(stamp.st_atime_ns, ended + 1_000_000))

    def build_error(self, *, dirty: bool = False) -> str:
        """Build, expecting MkDocs to stop with an error; return the error message it logged."""
        with pytest.raises(Abort):
            self.build(dirty=dirty)
        errors = [record.getMessage() for record in self.caplog.records if record.levelno >= logging.ERROR]
        assert errors, "the build stopped without logging why"
        return errors[-1]

    def summary(self) -> Summary:
        matches = [SUMMARY.search(record.getMessage()) for record in self.caplog.records]
        found = [match for match in matches if match]
        assert found, "no convaudio summary line was logged"
        return Summary(*(int((value or "0").replace(",", "")) for value in found[-1].groups()))

    def infos(self) -> list[str]:
        return [record.getMessage() for record in self.caplog.records if record.levelno == logging.INFO]

    def warnings(self) -> list[str]:
        return [record.getMessage() for record in self.caplog.records if record.levelno >= logging.WARNING]

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")

    def audio_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.mp3"))

    def timings(self, mp3: Path) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
        return data

    def player_assets(self, page: str) -> dict[str, tuple[Path, str]]:
        """The player's stylesheet and script as the built `page` links them: by name, the file each URL names
        in the site (resolved against the page, as a browser does) and the URL's query string."""
        assets: dict[str, tuple[Path, str]] = {}
        for url in ASSET_URL.findall(self.html(page)):
            path, _, query = url.partition("?")
            target = Path(os.path.normpath((self.site / page).parent / unquote(path)))
            assert target.name not in assets, f"{target.name} is linked twice by {page}"
            assets[target.name] = (target, query)
        return assets

    def voice_map(self) -> dict[str, Any]:
        data: dict[str, Any] = yaml.safe_load((self.root / "convaudio-voices.yml").read_text(encoding="utf-8"))
        return data


def url_versions(html: str, url: str) -> set[str]:
    """The versions (`?v=`) a page's HTML gives the file at `url` (a player's source, track or download link)."""
    return set(re.findall(re.escape(url) + r'\?v=([0-9a-f]{10})"', html))


def decode(path: Path) -> tuple[np.ndarray[Any, np.dtype[np.float32]], int]:
    samples, rate = soundfile.read(path, dtype="float32")
    return samples, int(rate)


def rms_db(samples: np.ndarray[Any, Any]) -> float:
    if not len(samples):
        return -np.inf
    value = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return 20 * np.log10(value) if value > 0 else -np.inf


def millis(clock: str) -> int:
    """A WebVTT cue time (`00:01:02.345`) in milliseconds."""
    hours, minutes, seconds = clock.split(":")
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


#: A build in a process of its own that prints which heavy modules it loaded (`heavy:numpy,regex`)
BUILD_AND_LIST_IMPORTS = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(config_file=sys.argv[1]))
modules = ("numpy", "scipy", "pyloudnorm", "soundfile", "soxr", "langcodes", "pylatexenc", "num2words", "mutagen",
           "regex", "ssl", "mkdocs.livereload", "mkdocs_convaudio.html.feed", "mkdocs_convaudio.text.spoken.tables",
           "piper", "onnxruntime")
heavy = sorted(name for name in modules if name in sys.modules)
print("heavy:" + ",".join(heavy))
"""


def heavy_modules_of_a_build(site: Site) -> set[str]:
    """The heavy modules a build of `site` (its config written) loads in a fresh process: each costs every build
    milliseconds of imports, so a warm build should load none."""
    command = [sys.executable, "-c", BUILD_AND_LIST_IMPORTS, str(site.root / "mkdocs.yml")]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=site.root)
    listed = done.stdout.split("heavy:")[1].strip()
    return set(listed.split(",")) if listed else set()


def conversation(*turns: tuple[str, str], fence: str = "```", info: str = "json") -> str:
    """A fenced conversation block."""
    body = json.dumps([{"speaker": speaker, "line": line} for speaker, line in turns], indent=1, ensure_ascii=False)
    return f"{fence}{info}\n{body}\n{fence}\n"


def post(body: str, **meta: Any) -> str:
    """A page with front matter (audio on unless said otherwise)."""
    front = {"audio": True, **meta}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + body


def static_i18n(site: Site, structure: str = "suffix") -> None:
    """Build `site` with mkdocs-static-i18n: English (default) and French, each built, in `structure` layout."""
    languages = [
        {"locale": "en", "default": True, "name": "English", "build": True},
        {"locale": "fr", "name": "Français", "build": True},
    ]
    site.config["plugins"] = [{"i18n": {"docs_structure": structure, "languages": languages}}]
