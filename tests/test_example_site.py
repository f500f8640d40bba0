"""The shipped example site: two audibly different voices in English and French, and the Google path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
import yaml

from mkdocs_convaudio.audio.loudness import integrated_loudness, true_peak_db
from mkdocs_convaudio.cli import main
from tests.fakes.google_tts import google_server
from tests.fakes.http import serve
from tests.mp4 import read_movie
from tests.reference import median_pitch
from tests.sites import SUMMARY, Site, decode
from tests.test_spoken_text import leaks

EXAMPLE = Path(__file__).resolve().parents[1] / "example-site"


def copy_example(site: Site) -> None:
    shutil.rmtree(site.root, ignore_errors=True)
    shutil.copytree(EXAMPLE, site.root, ignore=shutil.ignore_patterns("site", ".cache"))


def use_example_config(site: Site, plugin_options: dict[str, Any]) -> None:
    """The example's mkdocs.yml, with these convaudio options (Site.write_config adds the plugin last)."""
    config = yaml.safe_load((site.root / "mkdocs.yml").read_text())
    config["plugins"] = [plugin for plugin in config["plugins"] if plugin != "convaudio" and "convaudio" not in plugin]
    site.config = config
    site.plugin_options = plugin_options


def example_options() -> dict[str, Any]:
    """The convaudio options the example's mkdocs.yml sets."""
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text())
    [options] = [item["convaudio"] for item in config["plugins"] if isinstance(item, dict) and "convaudio" in item]
    return dict(options)


def test_example_site_has_distinct_voices_and_a_produced_show(site: Site) -> None:
    copy_example(site)
    use_example_config(site, example_options())
    assert site.build(strict=True).conversations == 6
    # what the example turns on: captions, tags with chapters, a podcast feed per language
    assert len(list(site.site.rglob("*.vtt"))) == 6
    assert {path.name for path in site.site.glob("podcast-*.xml")} == {"podcast-en.xml", "podcast-fr.xml"}
    assert b"CHAP" in (site.site / "assets/convaudio/blog/dialogues/podcast-intro-en.mp3").read_bytes()[:4096]
    audio = site.site / "assets/convaudio/blog/posts"
    for name in ("conversation-audio-en-1.mp3", "conversation-audio-fr-1.mp3"):
        samples, rate = decode(audio / name)
        pitch: dict[str, list[float]] = {}
        for line in site.timings(audio / name)["lines"]:
            span = samples[int(line["start"] * rate) : int(line["end"] * rate)]
            pitch.setdefault(line["speaker"], []).append(median_pitch(span, rate))
        a, b = np.median(pitch["A"]), np.median(pitch["B"])
        assert abs(a - b) / min(a, b) > 0.3, (name, a, b)  # a male and a female variant: far apart
    # the produced post: intro, bed lead, talk, bed tail, outro; on target; a 1280x720 video linked from the post
    mp3 = site.site / "assets/convaudio/blog/posts/produced-show-1.mp3"
    samples, rate = decode(mp3)
    timings = site.timings(mp3)
    intro = soundfile.info(EXAMPLE / "media/intro.mp3").duration
    outro = soundfile.info(EXAMPLE / "media/outro.mp3").duration
    lead = 2.5  # the bed alone before the first line (music_lead)
    assert timings["lines"][0]["start"] == pytest.approx(intro + lead + 0.25, abs=0.01)
    assert timings["duration"] == pytest.approx(timings["lines"][-1]["end"] + 0.25 + lead + outro, abs=0.01)
    assert integrated_loudness(samples, rate) == pytest.approx(-16.0, abs=0.5)
    assert true_peak_db(samples, rate) <= -1.0 + 0.1
    movie = read_movie(mp3.with_suffix(".mp4"))
    assert (movie.track("vide").width, movie.track("vide").height) == (1280, 720)
    assert movie.duration == pytest.approx(len(samples) / rate, abs=0.1)
    assert "Download video" in (site.site / "blog/2026/11/25/produced-like-a-show/index.html").read_text()


def test_example_site_through_google_client(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_example(site)
    (site.root / "convaudio-voices.yml").unlink()
    monkeypatch.setenv("GOOGLE_API_KEY", "test-key")
    with serve(google_server("test-key")) as server:
        use_example_config(site, {"engine": "google", "google": {"endpoint": server.url}})
        first = site.build()
        synthesize = "/v1/text:synthesize"
        assert len(server.requests_to(synthesize)) == first.synthesized == 39
        sent = [request.json()["input"]["text"] for request in server.requests_to(synthesize)]
        assert {text: leaks(text) for text in sent if leaks(text)} == {}  # formulas arrive as words
        assert "Aujourd'hui : la diagonalisation. Si A égale P D P inverse, qu'est-ce qu'on y gagne ?" in sent
        assert site.build().synthesized == 0 and len(server.requests_to(synthesize)) == 39
        post = site.docs / "blog/posts/conversation-audio-en.md"
        post.write_text(post.read_text().replace("Sure! Let's start with the basics.", "Sure, basics first."))
        assert main(["estimate", "-f", str(site.root / "mkdocs.yml")]) == 0
        total = capsys.readouterr().out.splitlines()[-1].split()
        assert total[:3] == ["total", "1", str(len("Sure, basics first."))]  # what the next build sends
        assert site.build().synthesized == 1
        assert len(server.requests_to(synthesize)) == 40
        assert server.requests_to(synthesize)[-1].json()["input"]["text"] == "Sure, basics first."
    voices = site.voice_map()["google"]["blog/posts/conversation-audio.md"]
    assert voices == {"A": "Charon", "B": "Kore"}


def test_example_site_builds_with_properdocs(site: Site) -> None:
    copy_example(site)
    out = site.root / "properdocs-site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    summary = SUMMARY.search(result.stderr)
    assert summary and summary[1] == "6", result.stderr
    shared = "translations: blog/posts/conversation-audio-en.md (en) and blog/posts/conversation-audio-fr.md (fr) share"
    assert f"{shared} voices (the voice map's entry blog/posts/conversation-audio.md)" in result.stderr, result.stderr
    mp3s = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.mp3"))
    assert mp3s == [
        "assets/convaudio/blog/dialogues/podcast-intro-en.mp3",
        "assets/convaudio/blog/posts/conversation-audio-en-1.mp3",
        "assets/convaudio/blog/posts/conversation-audio-fr-1.mp3",
        "assets/convaudio/blog/posts/linear-algebra-en-1.mp3",
        "assets/convaudio/blog/posts/linear-algebra-fr-1.mp3",
        "assets/convaudio/blog/posts/produced-show-1.mp3",
    ]
    samples, rate = decode(out / mp3s[1])
    assert len(samples) / rate > 5
    page = (out / "blog/2026/11/21/générer-laudio-dune-conversation/index.html").read_text(encoding="utf-8")
    assert "conversation-audio-fr-1.mp3" in page and 'data-start="' in page
