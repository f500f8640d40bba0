"""Benchmark: a music bed mixed into a long programme block by block, and its video encoded (run by hand).

`python -m benchmarks.bench_show 30` streams 30 minutes of speech-like noise through the bed mixer (never holding
the programme), then encodes a 30-minute MP3 and a still picture into an MP4 with the wheel's ffmpeg.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soundfile

from mkdocs_convaudio.audio.assembly import write_mp3
from mkdocs_convaudio.audio.production import Asset, MusicSettings, Production
from mkdocs_convaudio.audio.show import Show
from mkdocs_convaudio.audio.types import Samples
from mkdocs_convaudio.audio.video import VideoSettings, encode_video, png_bytes, subrip, title_card

RATE = 24000


def speech_blocks(seconds: float, block: int = RATE) -> Iterator[Samples]:
    """Noise bursts of 3 s with 0.5 s pauses: the shape of a conversation, made block by block."""
    rng = np.random.default_rng(0)
    total = int(seconds * RATE)
    for start in range(0, total, block):
        n = min(block, total - start)
        index = np.arange(start, start + n)
        speaking = (index % int(3.5 * RATE)) < 3 * RATE
        yield (0.1 * rng.standard_normal(n) * speaking).astype(np.float32)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(minutes: float = 30.0) -> None:
    seconds = minutes * 60
    spans = [(start, start + 3.0) for start in np.arange(0.0, seconds - 3.0, 3.5)]
    with tempfile.TemporaryDirectory() as folder:
        bed_path = Path(folder) / "bed.flac"
        t = np.arange(8 * 44100) / 44100
        soundfile.write(bed_path, (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 44100)
        production = Production(music=Asset.of(bed_path), settings=MusicSettings())
        before = max_rss_mb()
        start = time.perf_counter()
        show = Show(production, RATE, int(seconds * RATE), spans, -16.0)
        produced = 0
        silence = np.zeros(RATE, dtype=np.float32)
        speech = speech_blocks(seconds)
        for position in range(0, show.length, RATE):  # the programme as a streaming assembly would hand it on
            inside = show.offset <= position < show.offset + show.speech_samples
            block = next(speech, silence) if inside else silence
            produced += len(show.process(position, block[: show.length - position]))
        elapsed = time.perf_counter() - start
        print(
            f"bed: {produced / RATE / 60:.1f} min mixed in {elapsed:.2f} s ("
            f"{produced / RATE / elapsed:.0f}x realtime), "
            f"peak RSS grew {max_rss_mb() - before:.0f} MB"
        )

        mp3 = Path(folder) / "talk.mp3"
        t = np.arange(int(seconds * RATE)) / RATE
        write_mp3((0.1 * np.sin(2 * np.pi * 180 * t) * (np.sin(t) > 0)).astype(np.float32), RATE, 64, mp3)
        del t
        settings = VideoSettings()
        lines = [{"speaker": "AB"[i % 2], "text": f"Line {i}", "start": a, "end": b} for i, (a, b) in enumerate(spans)]
        start = time.perf_counter()
        encode_video(mp3, seconds, png_bytes(title_card("Benchmark", settings)[0]), subrip(lines),
                     Path(folder) / "talk.mp4", settings)  # fmt: skip
        elapsed = time.perf_counter() - start
        size = (Path(folder) / "talk.mp4").stat().st_size / 1e6
        print(f"video: {minutes:.0f} min encoded in {elapsed:.1f} s ({seconds / elapsed:.0f}x realtime), {size:.1f} MB")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 30.0)
