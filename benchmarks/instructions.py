"""The warm rows counted in instructions (valgrind's callgrind), which no other load on the machine moves.

Usage, after `python -m benchmarks.run --only warm,warm-blog --repeat 1 --keep DIR` made the sites:

    .venv/bin/python -m benchmarks.instructions DIR

For each site (`warm-after`, `warm-after-blog`) it builds each configuration (plugin disabled, plugin, floor)
`SETTLING_BUILDS` times as usual, then once under callgrind, and prints the instructions of the build process minus
those of a bare Python start, and their ratios. Instructions leave out what the kernel does (creating, linking and
removing files) and what each instruction costs (cache misses), which the wall-clock rows include: the plugin's own
computing, apart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BUILDRUN = Path(__file__).with_name("buildrun.py")
CONFIGS = {"disabled": "mkdocs-disabled.yml", "plugin": "mkdocs.yml", "floor": "mkdocs-floor.yml"}
#: Plain builds before the counted one. The package's fingerprint follows its files' times, so the first build of
#: another tree (a `git archive` of an older version) plans every page again, and the build after it still checks
#: what the first wrote inside the racy window: measured by p-warm, one plain build first read 4.0995 G where the
#: same code read 4.0322 G after more (the 4-line site), a 1.7 % error on a row judged at 5 %.
SETTLING_BUILDS = 3
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(arguments: list[str], cwd: Path) -> int:
    """The instructions a command runs, as callgrind counts them."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *arguments],
            cwd=cwd,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found[1].replace(",", ""))


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    tree = Path(sys.argv[1])
    start = instructions([sys.executable, "-c", "pass"], tree)
    print("| site | disabled | plugin | floor | plugin / disabled | floor / disabled |")
    print("|---|---|---|---|---|---|")
    for site in ("warm-after", "warm-after-blog"):
        folder = tree / site
        counts: dict[str, int] = {}
        for name, config in CONFIGS.items():
            for _ in range(SETTLING_BUILDS):
                subprocess.run([sys.executable, str(BUILDRUN), config], cwd=folder, capture_output=True, check=True)
            counts[name] = instructions([sys.executable, str(BUILDRUN), config], folder) - start
        off = counts["disabled"]
        print(
            f"| {site} | {off / 1e9:.3f} G | {counts['plugin'] / 1e9:.3f} G | {counts['floor'] / 1e9:.3f} G "
            f"| {counts['plugin'] / off:.3f}× | {counts['floor'] / off:.3f}× |"
        )


if __name__ == "__main__":
    main()
