"""The two-language edit row of `benchmarks.run` (`i18n_rows`) counted in instructions (valgrind's callgrind).

Usage:

    .venv/bin/python -m benchmarks.edit_instructions WORK [--before DIR] [--posts 20] [--lines 60] [--repeat 2]
        [--versions this,before]

The site is `i18n_rows`'s: `--posts` posts of `--lines` lines in English and French (mkdocs-static-i18n, suffix
layout), made and built cold once in `WORK/site` (kept: a second run reuses it), then copied for each version
measured (this checkout's package, and `--before DIR`'s, e.g. `git archive <commit> mkdocs_convaudio | tar -x -C
DIR`; compile its bytecode first, `python -m compileall DIR`, as an installed package has it). Each copy is built
`SETTLING_BUILDS` times with its version, then `--repeat` times: a warm no-change build, and a build after one line
of one English post is changed (`synthetic.edit_line`, new words each time: one line to synthesize), each once under
callgrind and once plain. It prints each version's instructions (minus those of a bare Python start) and CPU
seconds, warm and edit, and their ratios.

Instructions are the CPU work of the build summed over its threads and cores (callgrind runs the threads one at a
time and counts them all; `--trace-children=yes` adds any process the build starts), not its wall time: the
synthesis, the assembly's segments and the encoder run on both cores at once, so the wall-clock ratio the row of
`benchmarks.run` reports may be lower than this one. They leave out what the kernel does and what an instruction
costs (cache misses), and no other load on the machine moves them. The CPU seconds (user + system, from the
resource usage of the build's process, as `edit_rows`' `cpu_ratio`) are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.instructions import SETTLING_BUILDS
from benchmarks.run import python_env
from benchmarks.synthetic import edit_line, turns, write_i18n_site

BUILDRUN = Path(__file__).with_name("buildrun.py")
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def counted(arguments: list[str], cwd: Path, tree: Path | None) -> int:
    """The instructions of a command and of every process it starts, as callgrind counts them."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--trace-children=yes",
                f"--callgrind-out-file={folder}/out.%p",
                *arguments,
            ],
            cwd=cwd,
            capture_output=True,
            text=True,
            env=python_env(tree),
            check=True,
        )
    found = _REFS.findall(done.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return sum(int(refs.replace(",", "")) for refs in found)


def cpu_seconds(arguments: list[str], cwd: Path, tree: Path | None) -> float:
    """User + system CPU seconds of a command (its threads, and the processes it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(arguments, cwd=cwd, capture_output=True, env=python_env(tree), check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(site: Path, tree: Path | None, repeat: int, lines: int) -> dict[str, float]:
    build = [sys.executable, str(BUILDRUN), "mkdocs.yml"]
    for _ in range(SETTLING_BUILDS):
        subprocess.run(build, cwd=site, capture_output=True, env=python_env(tree), check=True)
    start = counted([sys.executable, "-c", "pass"], site, tree)
    warm, edit, warm_cpu, edit_cpu = [], [], [], []
    for attempt in range(repeat):
        warm.append(counted(build, site, tree) - start)
        warm_cpu.append(cpu_seconds(build, site, tree))
        for counting in (True, False):
            take = 2 * attempt + (not counting)
            edit_line(site, "post-00.md", (take * 7) % lines, f"An edited line, {tree or 'this'}, take {take}.")
            if counting:
                edit.append(counted(build, site, tree) - start)
            else:
                edit_cpu.append(cpu_seconds(build, site, tree))
            subprocess.run(build, cwd=site, capture_output=True, env=python_env(tree), check=True)  # warm again
    return {
        "warm": statistics.median(warm),
        "edit": statistics.median(edit),
        "warm_cpu": statistics.median(warm_cpu),
        "edit_cpu": statistics.median(edit_cpu),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work", type=Path)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--lines", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--versions", default="this,before", help="which to measure (two runs may measure one each, in parallel)"
    )
    options = parser.parse_args()
    base = options.work / "site"
    if not (base / "site").exists():
        posts = {f"post-{index:02d}.md": turns(options.lines, seed=100 + index) for index in range(options.posts)}
        write_i18n_site(base, posts)
        subprocess.run([sys.executable, str(BUILDRUN), "mkdocs.yml"], cwd=base, env=python_env(None), check=True)
    wanted = options.versions.split(",")
    versions = ({"this checkout": None} if "this" in wanted else {}) | (
        {f"before ({options.before})": options.before} if options.before and "before" in wanted else {}
    )
    print("| version | warm | edit | edit / warm | CPU s warm | CPU s edit | CPU edit / warm |")
    print("|---|---|---|---|---|---|---|")
    for label, tree in versions.items():
        site = options.work / f"site-{'before' if tree else 'this'}"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(base, site, symlinks=True)
        found = measure(site, tree, options.repeat, options.lines)
        print(
            f"| {label} | {found['warm'] / 1e9:.3f} G | {found['edit'] / 1e9:.3f} G | "
            f"{found['edit'] / found['warm']:.2f}× | {found['warm_cpu']:.2f} | {found['edit_cpu']:.2f} | "
            f"{found['edit_cpu'] / found['warm_cpu']:.2f}× |",
            flush=True,
        )
    print(f"(load average at the end: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
