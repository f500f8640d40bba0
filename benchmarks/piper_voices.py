"""Measure that a Piper site's two speakers sound apart: build a two-speaker post with MkDocs, then compare each
speaker's median pitch and spectral centroid in the MP3 (run by hand once the pool's voices are present).

    python -m benchmarks.piper_voices VOICES_DIR [en|fr]

Exits 0 when the speakers use different models and differ in pitch (>15%) or timbre (centroid >10%)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import soundfile
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from tests.reference import median_pitch

LINES = {
    "en": ["Welcome to the show. Today we talk about bread.", "Thanks for having me. I love bread, and flour."],
    "fr": ["Bienvenue dans l'émission. Aujourd'hui, on parle de pain.", "Merci de m'inviter. J'adore le pain."],
}


def centroid(samples: np.ndarray[Any, Any], rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    frequencies = np.fft.rfftfreq(len(samples), 1 / rate)
    return float(np.sum(frequencies * spectrum) / np.sum(spectrum))


def main(voices_dir: str, language: str = "en") -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        turns = [{"speaker": speaker, "line": line} for speaker, line in zip("AB", LINES[language], strict=True)]
        (root / "docs" / "talk.md").write_text(
            f"---\naudio: true\nlang: {language}\n---\n\n```json\n{json.dumps(turns)}\n```\n", encoding="utf-8"
        )
        plugin = {"engine": "piper", "piper": {"voices_dirs": [str(Path(voices_dir).resolve())], "download": False}}
        (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "x", "plugins": [{"convaudio": plugin}]}))
        try:
            build(load_config(config_file=str(root / "mkdocs.yml")))
        except MkDocsException as error:
            print(f"the build failed: {error}", file=sys.stderr)
            return 2
        [mp3] = list((root / "site").rglob("*.mp3"))
        timings = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
        samples, rate = soundfile.read(mp3, dtype="float32")
        measured = {}
        for line in timings["lines"]:
            span = samples[int(line["start"] * rate) : int(line["end"] * rate)]
            measured[line["speaker"]] = (median_pitch(span, rate), centroid(span, rate))
    voices = timings["voices"]
    for speaker, (pitch, bright) in measured.items():
        print(f"{speaker}: {voices[speaker]:<28} median pitch {pitch:6.1f} Hz, spectral centroid {bright:6.0f} Hz")
    (pitch_a, centroid_a), (pitch_b, centroid_b) = measured["A"], measured["B"]
    apart = (
        abs(pitch_a - pitch_b) / min(pitch_a, pitch_b) > 0.15
        or abs(centroid_a - centroid_b) / min(centroid_a, centroid_b) > 0.10
    )
    distinct = voices["A"] != voices["B"] and apart
    print("distinct voices" if distinct else "NOT distinct")
    return 0 if distinct else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
