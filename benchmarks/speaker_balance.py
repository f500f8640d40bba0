"""How evenly loud the speakers of a conversation come out in its final MP3.

`python -m benchmarks.speaker_balance [--cache DIR] [--lines N] [--pair A,B ...] [--set name=value ...]`

Each pair is a two-voice conversation (synthetic English, `benchmarks.synthetic`) of eSpeak NG variants such as
`en+m3,en+whisper`. Each is assembled as a build does (the lines synthesized once into the cache),
the MP3 decoded and cut by its timings table into each speaker's turns, and each speaker's integrated loudness
(BS.1770, `loudness.py`) measured. Prints one row a pair: the whole's loudness and true peak, each speaker's
loudness, and the spread (the loudest speaker less the quietest, LU); `--set balance_speakers=false` and the like
change the assembly settings.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from benchmarks.synthetic import turns
from mkdocs_convaudio.audio.assembly import AssemblySettings
from mkdocs_convaudio.audio.loudness import integrated_loudness, true_peak_db
from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.render import Renderer
from mkdocs_convaudio.store.cache import AudioCache
from mkdocs_convaudio.text.conversation import Conversation, Turn

PAIRS = (
    "en+m3,en+whisper",
    "en+m3,en+klatt4",
    "en+klatt4,en+whisper",
    "en+m3,en+f2",
    "en+f5,en+croak",
)


def speaker_loudness(mp3: Path, timings: dict[str, Any]) -> tuple[dict[str, float], float, float]:
    """Each speaker's integrated loudness in the decoded MP3 (their turns, end to end), the whole's, its true peak."""
    samples, rate = soundfile.read(mp3, dtype="float32", always_2d=True)
    decoded = np.ascontiguousarray(samples.mean(axis=1), dtype=np.float32)
    spoken: dict[str, list[np.ndarray[Any, Any]]] = {}
    for line in timings["lines"]:
        start, end = round(line["start"] * rate), round(line["end"] * rate)
        spoken.setdefault(line["speaker"], []).append(decoded[start:end])
    each = {speaker: integrated_loudness(np.concatenate(parts), rate) for speaker, parts in spoken.items()}
    return each, integrated_loudness(decoded, rate), true_peak_db(decoded, rate)


def settings_from(pairs: list[str]) -> AssemblySettings:
    values: dict[str, Any] = {}
    fields = {field.name: field for field in dataclasses.fields(AssemblySettings)}
    for pair in pairs:
        name, _, text = pair.partition("=")
        if name not in fields:
            sys.exit(f"no assembly setting {name!r}; one of {', '.join(fields)}")
        values[name] = text.lower() in ("1", "true", "yes") if isinstance(fields[name].default, bool) else float(text)
        if name in ("sample_rate", "bitrate"):
            values[name] = int(values[name])
    return AssemblySettings(**values)


def measure(pair: str, settings: AssemblySettings, cache_dir: Path, lines: int, seed: int) -> dict[str, Any]:
    slots = dict(zip("AB", pair.split(","), strict=True))
    renderer = Renderer(create_engine("espeak", {}, {}), AudioCache(cache_dir), settings)
    written = turns(lines, seed)
    conversation = Conversation([Turn(t["speaker"], t["line"], i + 1) for i, t in enumerate(written)], "talk.md", 1)
    job = renderer.prepare(conversation, "en", slots)
    renderer._synthesize(renderer.missing([job]))
    for made in (renderer.cache.conversation_mp3(job.key), renderer.cache.conversation_timings(job.key)):
        made.unlink(missing_ok=True)  # assembled again (its segments may come from the cache)
    renderer._assemble_all([job])
    mp3 = renderer.cache.conversation_mp3(job.key)
    each, whole, peak = speaker_loudness(mp3, renderer.cache.read_timings(job.key))
    return {
        "pair": pair,
        "lufs": round(whole, 2),
        "dbtp": round(peak, 2),
        "speakers": {slots[s]: round(v, 2) for s, v in sorted(each.items())},
        "spread": round(max(each.values()) - min(each.values()), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="keep synthesized lines here between runs")
    parser.add_argument("--lines", type=int, default=30, help="turns a conversation (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pair", action="append", help="VOICE,VOICE (default: several eSpeak pairs and Piper)")
    parser.add_argument("--set", action="append", default=[], help="an assembly setting, name=value")
    parser.add_argument("--json", action="store_true", help="one JSON object a pair")
    options = parser.parse_args()
    settings = settings_from(options.set)
    cache = options.cache or Path(tempfile.mkdtemp(prefix="speaker-balance-"))
    try:
        for pair in options.pair or PAIRS:
            row = measure(pair, settings, cache, options.lines, options.seed)
            if options.json:
                print(json.dumps(row), flush=True)
            else:
                speakers = "  ".join(f"{voice} {lufs:6.2f}" for voice, lufs in row["speakers"].items())
                level = f"{row['lufs']:6.2f} LUFS {row['dbtp']:6.2f} dBTP"
                print(f"{pair:34} {level}  {speakers}  spread {row['spread']:.2f} LU")
    finally:
        if options.cache is None:
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
