"""Benchmark: synthesize and assemble a long offline conversation, cold and warm cache (run by hand)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from mkdocs_convaudio.audio.assembly import AssemblySettings
from mkdocs_convaudio.engines import create_engine
from mkdocs_convaudio.render import Renderer
from mkdocs_convaudio.store.cache import AudioCache
from mkdocs_convaudio.text.conversation import Conversation, Turn


def main(turns: int = 200) -> None:
    engine = create_engine("espeak", {}, {})
    conversation = Conversation(
        [Turn("AB"[i % 2], f"This is line number {i}, spoken to measure how fast we render.", i) for i in range(turns)],
        "bench.md",
        1,
    )
    with tempfile.TemporaryDirectory() as folder:
        renderer = Renderer(engine, AudioCache(Path(folder)), AssemblySettings())
        job = renderer.prepare(conversation, "en", {"A": "m3", "B": "f2"})
        for label in ("cold", "warm"):
            start = time.perf_counter()
            stats = renderer.render([job])
            elapsed = time.perf_counter() - start
            timings = renderer.cache.read_timings(job.key)
            print(
                f"{label}: {turns} lines, {timings['duration']:.0f} s of audio, {stats.synthesized} synthesized, "
                f"{elapsed:.2f} s"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
