"""Where a warm build's excess goes: wall, user and system time of each configuration of a kept warm site.

`python -m benchmarks.split_times DIR [ROUNDS]`, DIR a site kept by `benchmarks.run --only warm --keep ...`
(`DIR/warm-after`). Besides the disabled, floor and plugin configurations it builds a floor that publishes only
each post's MP3 (`mkdocs-floor1.yml`, its table without the timings and captions), to tell the cost of the files a
plugin publishes from the cost of its own work. The configurations take turns, `ROUNDS` times, each in a fresh
process; medians are printed, with user and system time as differences from the disabled build.

All build into the same site folder, which MkDocs empties first: each timed build follows an untimed build of the same
configuration, as in `benchmarks.run` (`alternate`), so that it removes its own last output. Timed right after
another configuration, the disabled build removed the plugin's 600 published files and the one-file floor removed
none of its own (the first version of this script did that, and read the floors 1.013× and 1.051×).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

CONFIGS = ["mkdocs-disabled.yml", "mkdocs-floor1.yml", "mkdocs-floor.yml", "mkdocs.yml"]


def one_file_floor(site: Path) -> None:
    """`mkdocs-floor1.yml`: the floor with only the MP3 of each post."""
    table = json.loads((site / "floor-table.json").read_text(encoding="utf-8"))
    for entry in table.values():
        entry["files"] = [pair for pair in entry["files"] if pair[0].endswith(".mp3")]
    (site / "floor-table-1.json").write_text(json.dumps(table), encoding="utf-8")
    config = (site / "mkdocs-floor.yml").read_text(encoding="utf-8")
    (site / "mkdocs-floor1.yml").write_text(config.replace("floor-table.json", "floor-table-1.json"), encoding="utf-8")


def build(config: Path) -> tuple[float, float, float]:
    """Wall, user and system seconds of one build in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = os.times().elapsed
    subprocess.run(
        [sys.executable, "-m", "benchmarks.buildrun", str(config)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        check=True,
    )
    wall = os.times().elapsed - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


def main() -> None:
    site = Path(sys.argv[1]) / "warm-after"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    one_file_floor(site)
    for name in CONFIGS:
        build(site / name)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in CONFIGS}
    for _ in range(rounds):
        for name in CONFIGS:
            build(site / name)  # untimed: the timed build then empties its own output, not another's
            runs[name].append(build(site / name))
    medians = {name: [statistics.median(run[i] for run in runs[name]) for i in range(3)] for name in CONFIGS}
    base = medians[CONFIGS[0]]
    for name in CONFIGS:
        wall, user, system = medians[name]
        print(
            f"{name:22s} wall {wall * 1000:5.0f} ms ({wall / base[0]:.3f}×)  user {user * 1000:4.0f} ms "
            f"({(user - base[1]) * 1000:+.0f})  system {system * 1000:3.0f} ms ({(system - base[2]) * 1000:+.0f})"
        )


if __name__ == "__main__":
    main()
