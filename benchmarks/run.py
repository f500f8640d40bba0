"""`make bench`: every figure of issue 6 as a ratio measured in the same run, on synthetic eSpeak sites.

    python -m benchmarks.run [--quick] [--repeat N] [--before DIR] [--only ROW,...]

Builds run in fresh subprocesses (wall time as a user feels it, peak RSS from `getrusage` inside the process).
`--before DIR` also runs rows 1, 2, 4, 5 and the blog-sized and two-language rows against another copy of the
package (e.g. `git archive <commit> mkdocs_convaudio | tar -x -C DIR`), so before and after are compared on the
same machine in the same minutes.
The machine may be shared: medians of `--repeat` runs, and ratios, are what to read.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.floor import floor_config
from benchmarks.synthetic import blog_post, edit_line, post, sentence, turns, write_i18n_site, write_site, write_variant

ROOT = Path(__file__).resolve().parent.parent
ROWS = ("edit", "memory-edit", "memory-2h", "speed", "warm", "warm-blog", "peaks", "i18n")


def python_env(tree: Path | None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    paths = ([str(tree)] if tree else []) + [str(ROOT)]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def run_json(args: list[str], tree: Path | None, cwd: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=python_env(tree), cwd=cwd, check=False
    )
    if done.returncode:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def build(config: Path, tree: Path | None) -> dict[str, Any]:
    return run_json(["-m", "benchmarks.buildrun", str(config)], tree, config.parent)


def row(name: str, target: str, value: str, ok: bool | None, note: str = "") -> None:
    mark = "n/a" if ok is None else ("MET" if ok else "NOT MET")
    print(f"| {name} | {target} | {value} | {mark} | {note} |", flush=True)


def edit_rows(work: Path, lines: int, repeat: int, tree: Path | None, label: str) -> dict[str, float]:
    """Rows 1 and 2: a one-line edit of a long conversation vs a warm no-change rebuild."""
    root = work / f"edit-{label}"
    config = write_site(root, {"talk.md": turns(lines, seed=1)})
    build(config, tree)  # cold: synthesizes every line once
    warm, edits, memory, warm_cpu, edit_cpu = [], [], [], [], []
    for attempt in range(repeat):
        result = build(config, tree)
        warm.append(result["wall"])
        warm_cpu.append(result["cpu"])
        edit_line(root, "talk.md", (attempt * 37) % lines, f"An edited line, take {attempt}, with new words.")
        result = build(config, tree)
        edits.append(result["wall"])
        edit_cpu.append(result["cpu"])
        memory.append(result["maxrss_mb"])
    return {
        "warm": statistics.median(warm),
        "edit": statistics.median(edits),
        "ratio": statistics.median(edits) / statistics.median(warm),
        "cpu_ratio": statistics.median(edit_cpu) / statistics.median(warm_cpu),
        "edit_cpu": statistics.median(edit_cpu),
        "memory": max(memory),
    }


def i18n_rows(work: Path, posts: int, lines: int, repeat: int, tree: Path | None, label: str) -> dict[str, float]:
    """Beside row 1: a one-line edit of one English post in a site built in English and French by
    mkdocs-static-i18n (each `mkdocs build` builds both languages in one process), vs a warm no-change rebuild;
    and the build after the edit, which should be warm again."""
    root = work / f"i18n-{label}"
    config = write_i18n_site(root, {f"post-{index:02d}.md": turns(lines, seed=100 + index) for index in range(posts)})
    build(config, tree)  # cold: synthesizes every line of both languages once
    build(config, tree)  # records what later builds trust (the cold build's files were too fresh)
    warm, edits, after, warm_cpu, edit_cpu = [], [], [], [], []
    for attempt in range(repeat):
        result = build(config, tree)
        warm.append(result["wall"])
        warm_cpu.append(result["cpu"])
        edit_line(root, "post-00.md", (attempt * 7) % lines, f"An edited line, take {attempt}, with new words.")
        result = build(config, tree)
        edits.append(result["wall"])
        edit_cpu.append(result["cpu"])
        after.append(build(config, tree)["wall"])
    return {
        "warm": statistics.median(warm),
        "edit": statistics.median(edits),
        "after": statistics.median(after),
        "ratio": statistics.median(edits) / statistics.median(warm),
        # CPU over every thread: synthesis, segments and the encoder use both cores, so it may exceed the wall ratio
        "cpu_ratio": statistics.median(edit_cpu) / statistics.median(warm_cpu),
    }


def assemble_row(work: Path, lines: int, seed: int, tree: Path | None, label: str) -> dict[str, Any]:
    """The speed and memory rows' assembly: the cache is prepared (its lines synthesized) in one process, then the
    assembly alone is timed in a fresh one."""
    cache = work / f"cache-{label}"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.assemble_once", str(cache), str(lines), str(seed), "prepare"],
        env=python_env(tree),
        cwd=work,
        check=True,
    )
    return run_json(["-m", "benchmarks.assemble_once", str(cache), str(lines), str(seed), "assemble"], tree, work)


def child_cpu(command: list[str]) -> tuple[float, float]:
    """CPU seconds and wall seconds of a child process pinned to one core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()

    def one_core() -> None:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    subprocess.run(command, check=True, capture_output=True, preexec_fn=one_core)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), time.perf_counter() - start


def speed_row(work: Path, lines: int, repeat: int, before: Path | None) -> dict[str, Any]:
    """Row 4: assembly + loudness + MP3 of ~10 min of speech on one core; ffmpeg loudnorm on the same audio."""
    out: dict[str, Any] = {}
    runs = [assemble_row(work, lines, 4, None, "speed") for _ in range(repeat)]
    out["duration"] = runs[0]["duration"]
    out["cpu"] = statistics.median(run["cpu"] for run in runs)
    wav = work / "speed.wav"
    cache = work / "cache-speed"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.assemble_once", str(cache), str(lines), "4", "wav", str(wav)],
        env=python_env(None),
        cwd=work,
        check=True,
    )
    import imageio_ffmpeg

    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    command = [ffmpeg, "-v", "error", "-threads", "1", "-y", "-i", str(wav), "-af", "loudnorm=I=-16:TP=-1:LRA=11"]
    command += ["-ar", "24000", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", str(work / "ffmpeg.mp3")]
    out["ffmpeg_cpu"] = statistics.median(child_cpu(command)[0] for _ in range(repeat))
    encodes = [
        run_json(["-m", "benchmarks.assemble_once", str(cache), str(lines), "4", "encode", str(wav)], None, work)
        for _ in range(repeat)
    ]
    out["encode_cpu"] = statistics.median(run["cpu"] for run in encodes)
    if before is not None:
        old = [assemble_row(work, lines, 4, before, "speed-before") for _ in range(max(1, repeat - 1))]
        out["before_cpu"] = statistics.median(run["cpu"] for run in old)
    return out


def warm_row(
    work: Path, posts: int, repeat: int, tree: Path | None = None, label: str = "after", *, blog: bool = False
) -> dict[str, Any]:
    """Row 5: warm rebuild of many audio posts, plugin on vs plugin off (`enabled: false`). The first rebuild
    after the cold build is timed apart (`first`): it still checks what the cold build had just written (files
    younger than the memos' racy window are not remembered); the row is the steady state after it.

    The posts hold a conversation of 4 short lines and nothing else (what the plugin costs a page, with little
    else to build); with `blog`, 20 lines of 8–18 words with prose around them (`blog_post`)."""
    root = work / f"warm-{label}{'-blog' if blog else ''}"
    if blog:
        pages = {f"post-{index:03d}.md": turns(20, seed=index) for index in range(posts)}
    else:
        pages = {f"post-{index:03d}.md": turns(4, seed=index, words=(4, 9)) for index in range(posts)}
    config = write_site(root, pages, page=blog_post if blog else post)
    disabled = write_site(root, {}, enabled=False)
    build(config, tree)
    first = build(config, tree)["wall"]
    # the floor: what only the unavoidable work costs (`floor_hook.py`), timed in the same rounds as the plugin
    # against the same plugin-disabled builds; its table comes from the site the plugin just built
    floor = floor_config(config, disabled)
    out = {**alternate(config, disabled, repeat, tree, floor=floor), "first": first}
    out["plugin_ms"] = (out["on"] - out["off"]) * 1000
    if blog:  # the same posts as a Material blog shows them: its theme, code blocks highlighted
        material = {
            "theme": {"name": "material"},
            "markdown_extensions": ["pymdownx.highlight", "pymdownx.superfences"],
        }
        config, disabled = write_variant(config, "-material", material), write_variant(disabled, "-material", material)
        build(config, tree)  # its players, made for this theme's pages once
        out["material"] = alternate(config, disabled, repeat, tree)
    return out


def floor_note(result: dict[str, Any]) -> str:
    """The warm row's floor (`benchmarks/floor.py`) beside what the plugin costs."""
    low, high = result["pairs_ms"]
    floor_low, floor_high = result["floor_pairs_ms"]
    return (
        f"the plugin adds {result['plugin_ms']:.0f} ms (middle half of the pairs: {low:.0f} to {high:.0f} ms); "
        f"the least any plugin doing this job adds (benchmarks/floor_hook.py, measured the same way) is "
        f"{result['floor_ms']:.0f} ms ({floor_low:.0f} to {floor_high:.0f} ms): {result['floor_ratio']:.3f}×"
    )


def alternate(
    config: Path, disabled: Path, repeat: int, tree: Path | None, *, floor: Path | None = None
) -> dict[str, Any]:
    """Builds of a site with the plugin off and on (and the floor's, `floor`), in turn in each round: medians and
    their ratios, and the middle half of each round's differences with the disabled build.

    All build into the same site folder, and each timed build follows an untimed build of the same configuration,
    as a user's rebuild follows their last build: it empties that configuration's own last output. Folders of their
    own would time the file system instead: on this machine's ext4, creating a file took 18-26 µs in a new folder
    and 120-223 µs in a site folder MkDocs had emptied and refilled many times, which moved the row by 40 ms and
    more (RESULTS.md, stop 21). The configurations take turns within each round, so that a folder growing slower
    over the run slows them all alike."""
    configs = {"off": disabled, "on": config, **({"floor": floor} if floor is not None else {})}
    wall: dict[str, list[float]] = {name: [] for name in configs}
    cpu: dict[str, list[float]] = {name: [] for name in configs}
    heavy: list[str] = []
    for _ in range(repeat):
        for name, path in configs.items():
            build(path, tree)
            result = build(path, tree)
            wall[name].append(result["wall"])
            cpu[name].append(result["cpu"])
            heavy = result["heavy"] if name == "on" else heavy

    def middle_half(name: str) -> tuple[float, float]:
        # each round's difference (its builds ran seconds apart): how far to trust the medians' difference
        pairs = sorted((one - other) * 1000 for one, other in zip(wall[name], wall["off"], strict=True))
        return pairs[len(pairs) // 4], pairs[(3 * len(pairs)) // 4]

    off = statistics.median(wall["off"])
    out: dict[str, Any] = {
        "on": statistics.median(wall["on"]),
        "off": off,
        "ratio": statistics.median(wall["on"]) / off,
        "cpu_ratio": statistics.median(cpu["on"]) / statistics.median(cpu["off"]),
        "heavy": heavy,
        "pairs_ms": middle_half("on"),
    }
    if floor is not None:
        out["floor_ms"] = (statistics.median(wall["floor"]) - off) * 1000
        out["floor_ratio"] = statistics.median(wall["floor"]) / off
        out["floor_pairs_ms"] = middle_half("floor")
    return out


def peaks_row(work: Path, count: int, lines: int) -> dict[str, Any]:
    """Row 6: true peak and loudness of every conversation's decoded MP3 (independent references)."""
    import soundfile

    from tests.reference import integrated_loudness, true_peak_db

    root = work / "peaks"
    posts = {
        f"talk-{index:02d}.md": turns(lines, seed=100 + index, words=(2 + index % 5, 10 + 2 * (index % 6)))
        for index in range(count)
    }
    for index, name in enumerate(posts):
        if index % 3 == 0:  # some very short, some exclamatory lines
            posts[name] = posts[name] + [
                {"speaker": "A", "line": "Wow!"},
                {"speaker": "B", "line": sentence(__import__("random").Random(index), 30)},
            ]
    config = write_site(root, posts)
    build(config, None)
    worst_peak, worst_error, seen = -99.0, 0.0, 0
    for mp3 in sorted((root / "site").rglob("*.mp3")):
        samples, rate = soundfile.read(mp3, dtype="float32")
        worst_peak = max(worst_peak, true_peak_db(samples, rate))
        worst_error = max(worst_error, abs(integrated_loudness(samples, rate) + 16.0))
        seen += 1
    return {"count": seen, "peak": worst_peak, "error": worst_error}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the benchmark itself")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a copy of the package before the change, to compare with")
    parser.add_argument("--only", default=",".join(ROWS), help=f"rows to run, among {', '.join(ROWS)}")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    options = parser.parse_args()
    only = set(options.only.split(","))
    quick = options.quick
    work = options.keep or Path(tempfile.mkdtemp(prefix="convaudio-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}; python {sys.version.split()[0]}"
    )
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"date: {stamp}; repeats: {options.repeat}; load average: {os.getloadavg()}")
    print("| measure | target | measured | | note |\n|---|---|---|---|---|")
    try:
        steps: list[tuple[str, Callable[[], None]]] = []
        if only & {"edit", "memory-edit"}:

            def edit() -> None:
                lines = 30 if quick else 200
                new = edit_rows(work, lines, options.repeat, None, "after")
                note = (
                    f"{lines} lines; edit {new['edit']:.1f} s, warm {new['warm']:.1f} s (CPU: {new['cpu_ratio']:.1f}×, "
                    f"edit {new['edit_cpu']:.1f} s)"
                )
                if options.before:
                    old = edit_rows(work, lines, max(1, options.repeat - 1), options.before, "before")
                    note += (
                        f"; before: {old['ratio']:.1f}× (edit {old['edit']:.1f} s, CPU {old['edit_cpu']:.1f} s, "
                        f"{old['memory']:.0f} MB)"
                    )
                row("one-line edit / warm no-change rebuild", "≤ 3×", f"{new['ratio']:.2f}×", new["ratio"] <= 3, note)
                row("peak memory, one-line edit", "≤ 300 MB", f"{new['memory']:.0f} MB", new["memory"] <= 300, note)

            steps.append(("edit", edit))
        if "memory-2h" in only:

            def two_hours() -> None:
                small = assemble_row(work, 15 if quick else 150, 2, None, "2h-small")
                big = assemble_row(work, 60 if quick else 1500, 3, None, "2h")
                note = (
                    f"{big['duration'] / 60:.0f} min: {big['maxrss_mb']:.0f} MB; {small['duration'] / 60:.0f} min: "
                    f"{small['maxrss_mb']:.0f} MB (growth {big['maxrss_mb'] / small['maxrss_mb']:.2f}× for "
                    f"{big['duration'] / small['duration']:.0f}× the audio); {big['cpu']:.0f} s CPU"
                )
                row(
                    "peak memory, assembling a long conversation",
                    "≤ 300 MB",
                    f"{big['maxrss_mb']:.0f} MB",
                    big["maxrss_mb"] <= 300,
                    note,
                )

            steps.append(("memory-2h", two_hours))
        if "speed" in only:

            def speed() -> None:
                result = speed_row(work, 20 if quick else 150, options.repeat, options.before)
                realtime = result["duration"] / result["cpu"]
                versus = result["ffmpeg_cpu"] / result["cpu"]
                note = (
                    f"{result['duration'] / 60:.1f} min of speech: {result['cpu']:.2f} s CPU; ffmpeg loudnorm+lame "
                    f"{result['ffmpeg_cpu']:.2f} s ({versus:.1f}× ours); LAME alone {result['encode_cpu']:.2f} s "
                    f"({result['duration'] / result['encode_cpu']:.0f}× realtime, the floor)"
                )
                if "before_cpu" in result:
                    note += f"; before: {result['duration'] / result['before_cpu']:.0f}× realtime"
                row(
                    "assembly + loudness + MP3, one core",
                    "≥ 150× realtime, faster than ffmpeg",
                    f"{realtime:.0f}× realtime",
                    realtime >= 150 and versus > 1,
                    note,
                )

            steps.append(("speed", speed))
        if "warm" in only:

            def warm() -> None:
                posts = 20 if quick else 200
                result = warm_row(work, posts, options.repeat)
                heavy = result["heavy"] or "none"
                note = (
                    f"{posts} posts: {result['on']:.2f} s vs {result['off']:.2f} s (CPU: {result['cpu_ratio']:.3f}×; "
                    f"first rebuild after the cold build {result['first']:.2f} s); heavy modules loaded: {heavy}; "
                    + floor_note(result)
                )
                if options.before:
                    old = warm_row(work, posts, options.repeat, options.before, "before")
                    note += (
                        f"; before: {old['ratio']:.3f}× ({old['on']:.2f} s vs {old['off']:.2f} s, CPU: "
                        f"{old['cpu_ratio']:.3f}×)"
                    )
                row(
                    "warm rebuild, audio posts, vs plugin disabled",
                    "≤ 1.05×",
                    f"{result['ratio']:.3f}×",
                    result["ratio"] <= 1.05,
                    note,
                )

            steps.append(("warm", warm))
        if "warm-blog" in only:

            def warm_blog() -> None:
                posts = 20 if quick else 200
                result = warm_row(work, posts, options.repeat, blog=True)
                note = (
                    f"{posts} posts of 20 lines and about 550 words of prose: {result['on']:.2f} s vs "
                    f"{result['off']:.2f} s (CPU: {result['cpu_ratio']:.3f}×); " + floor_note(result)
                )
                material = result["material"]
                material_note = (
                    f"the same posts with Material's theme and highlighted code blocks: {material['on']:.2f} s vs "
                    f"{material['off']:.2f} s (CPU: {material['cpu_ratio']:.3f}×)"
                )
                if options.before:
                    old = warm_row(work, posts, options.repeat, options.before, "before", blog=True)
                    note += f"; before: {old['ratio']:.3f}× ({old['on']:.2f} s vs {old['off']:.2f} s)"
                    material_note += f"; before: {old['material']['ratio']:.3f}×"
                row(
                    "warm rebuild, blog-sized audio posts, vs plugin disabled",
                    "≤ 1.05×",
                    f"{result['ratio']:.3f}×",
                    result["ratio"] <= 1.05,
                    note,
                )
                row(
                    "warm rebuild, blog-sized audio posts, Material theme, vs plugin disabled",
                    "≤ 1.05×",
                    f"{material['ratio']:.3f}×",
                    material["ratio"] <= 1.05,
                    material_note,
                )

            steps.append(("warm-blog", warm_blog))
        if "peaks" in only:

            def peaks() -> None:
                result = peaks_row(work, 15, 8 if quick else 40)
                note = f"{result['count']} conversations; worst loudness error {result['error']:.2f} LU (target ±0.5)"
                row(
                    "final MP3 true peak vs −1 dBTP ceiling",
                    "never above",
                    f"worst {result['peak']:.2f} dBTP",
                    result["peak"] <= -1.0,
                    note,
                )

            steps.append(("peaks", peaks))
        if "i18n" in only:

            def i18n() -> None:
                posts, lines = (4, 10) if quick else (20, 60)
                new = i18n_rows(work, posts, lines, options.repeat, None, "after")
                note = (
                    f"{posts} posts of {lines} lines in English and French: edit {new['edit']:.2f} s, warm "
                    f"{new['warm']:.2f} s, the build after the edit {new['after']:.2f} s; CPU {new['cpu_ratio']:.2f}× "
                    "(instructions: `python -m benchmarks.edit_instructions`)"
                )
                if options.before:
                    old = i18n_rows(work, posts, lines, options.repeat, options.before, "before")
                    note += (
                        f"; before: {old['ratio']:.2f}× (edit {old['edit']:.2f} s, warm {old['warm']:.2f} s, "
                        f"after {old['after']:.2f} s; CPU {old['cpu_ratio']:.2f}×)"
                    )
                row(
                    "one-line edit / warm rebuild, two languages (mkdocs-static-i18n)",
                    "≤ 3×",
                    f"{new['ratio']:.2f}×",
                    new["ratio"] <= 3,
                    note,
                )

            steps.append(("i18n", i18n))
        for _name, step in steps:
            step()
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
