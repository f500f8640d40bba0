"""Assemble one cached conversation on one core and print CPU time, wall time and peak memory as JSON.

`python -m benchmarks.assemble_once CACHE LINES SEED MODE`, MODE one of:
`prepare` synthesizes the conversation's lines into CACHE (measuring them, as a build does);
`assemble` times assembly alone, in a fresh process (figures from the cache);
`wav OUT` writes the programme before loudness (pauses and all) as a WAV file, for ffmpeg to compare;
`encode WAV` times the MP3 encoder alone (LAME through lameenc, as assembly uses it) on that WAV (the floor
of any assembly).
"""

from __future__ import annotations

import inspect
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.synthetic import turns
from mkdocs_convaudio.audio.assembly import AssemblySettings
from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.render import Renderer
from mkdocs_convaudio.store.cache import AudioCache
from mkdocs_convaudio.text.conversation import Conversation, Turn


def write_wav(renderer: Renderer, job: Any, out: Path) -> None:
    import soundfile

    from mkdocs_convaudio.audio.stream import blocks, layout

    plan = layout(
        [(parts[0].turn.speaker, [(part.key, renderer._figures(part)) for part in parts]) for parts in job.parts],
        renderer.settings,
    )
    with soundfile.SoundFile(out, "w", plan.rate, 1, subtype="PCM_16") as handle:
        by_key = {part.key: part for part in job.all_parts}
        for _start, block in blocks(plan, lambda key: renderer._load_part(by_key[key])):
            handle.write(block)


def encode_only(wav: Path) -> None:
    import soundfile

    from mkdocs_convaudio.audio.mp3 import Encoder

    settings = AssemblySettings()
    start, cpu = time.perf_counter(), time.process_time()
    encoder = Encoder(settings.sample_rate, settings.bitrate)
    with soundfile.SoundFile(wav) as source, wav.with_suffix(".plain.mp3").open("wb") as out:
        for block in source.blocks(blocksize=24000, dtype="float32"):
            out.write(encoder.encode(block))
        out.write(encoder.flush())
    print(json.dumps({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu}))


def main() -> None:
    cache_dir, count, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    engine = create_engine("espeak", {}, {})
    lines = turns(count, seed)
    conversation = Conversation([Turn(t["speaker"], t["line"], i + 1) for i, t in enumerate(lines)], "bench.md", 1)
    options: dict[str, Any] = {}
    if "limits" in inspect.signature(Renderer).parameters:  # 1,500 synthetic lines are estimated at 158 minutes
        from mkdocs_convaudio.render import Limits

        options["limits"] = Limits(max_duration=4 * 3600.0)
    renderer = Renderer(engine, AudioCache(cache_dir), AssemblySettings(), **options)
    job = renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"})
    mode = sys.argv[4]
    if mode == "prepare":
        renderer._synthesize(renderer.missing([job]))
        return
    if mode == "wav":
        write_wav(renderer, job, Path(sys.argv[5]))
        return
    if mode == "encode":
        encode_only(Path(sys.argv[5]))
        return
    for path in (renderer.cache.conversation_mp3(job.key), renderer.cache.conversation_timings(job.key)):
        path.unlink(missing_ok=True)
    shutil.rmtree(cache_dir / "segments", ignore_errors=True)  # a whole assembly: no segment kept from a run before
    start, cpu = time.perf_counter(), time.process_time()
    assemble: Any = getattr(renderer, "_assemble_all", None)
    if assemble is not None:
        assemble([job])
    else:  # the implementation before issue 6
        old: Any = renderer
        old._assemble(job)
    report = {
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "duration": renderer.cache.read_timings(job.key)["duration"],
        "mp3": str(renderer.cache.conversation_mp3(job.key)),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
