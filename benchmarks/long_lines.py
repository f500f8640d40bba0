"""Spoken text of very long lines: the time for a line four times longer must be about four times, not sixteen.

    python -m benchmarks.long_lines [--before DIR] [LANG]

A model sometimes writes a whole essay as one "line"; a pattern that looks from every opener to the line's end
(an unclosed `$`, `\\(`, `[` or a citation's mark looking back to the start) takes time in the square of its
length. Each kind of line is built of N and 4N repeated pieces (about 20,000 and 80,000 characters); exits 1 when
any kind grows more than eight times. `--before DIR` times another copy of the package as well (e.g.
`git archive <commit> mkdocs_convaudio | tar -x -C DIR`), in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PIECES: dict[str, Callable[[int], str]] = {
    "prices ($5 and $6 and ...)": lambda i: f"item {i} costs ${i % 90 + 5} and",
    "unclosed \\(": lambda i: f"see \\(x_{i} and",
    "unclosed \\[": lambda i: "see \\[x and",
    "unclosed $$": lambda i: f"see $$x_{i} and",
    "citation marks (word¹)": lambda i: "word¹ and",
    "unclosed backticks": lambda i: f"run `ls {i} and",
    "unclosed emphasis": lambda i: f"*word {i} and",
    "link openers ([text](http": lambda i: f"[text {i}](http and",
    "times of day": lambda i: f"at {i % 12 + 1}:30 and",
    "decimals and ratios": lambda i: f"{i}.{i % 7}, {i}:{i % 60:02d} and",
    "HTML-ish": lambda i: f"<span a{i} and",
    "chains of sizes (1 × 1 × ...)": lambda i: f"{i % 9 + 1} ×",
    "chains of names (n × m × ...)": lambda i: "nmk"[i % 3] + " ×",
}
SMALL = 800


def timings(language: str) -> dict[str, tuple[int, float, float]]:
    """Per kind: characters of the short line, CPU seconds for it and for the line four times longer."""
    from mkdocs_convaudio.text.spoken import spoken_text

    spoken_text("warm up $x$", language)
    out = {}
    for name, piece in PIECES.items():
        spent = []
        for count in (SMALL, 4 * SMALL):
            line = " ".join(piece(index) for index in range(count))
            start = time.process_time()
            spoken_text(line, language)
            spent.append(time.process_time() - start)
        out[name] = (len(" ".join(piece(index) for index in range(SMALL))), spent[0], spent[1])
    return out


def main() -> None:
    args = sys.argv[1:]
    before = None
    if args[:1] == ["--before"]:
        before, args = Path(args[1]), args[2:]
    language = args[0] if args else "en"
    if "--child" in args:
        print(json.dumps(timings(language)))
        return
    after = timings(language)
    old = None
    if before is not None:
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks.long_lines", language, "--child"],
            env={"PYTHONPATH": f"{before}:{Path(__file__).resolve().parent.parent}", "PATH": "/usr/bin:/bin"},
            cwd=before,  # `-m` puts the working folder first on the path
            capture_output=True,
            text=True,
            check=True,
        )
        old = json.loads(result.stdout)
    print(f"language {language}; CPU seconds for a line and for one four times longer (linear: 4×)")
    print("| line | characters | time | 4× longer | growth |" + (" before: time, 4× longer, growth |" if old else ""))
    print("|---|---|---|---|---|" + ("---|" if old else ""))
    worst = 0.0
    for name, (chars, small, big) in after.items():
        growth = big / max(small, 1e-6)
        worst = max(worst, growth)
        row = f"| {name} | {chars:,} | {small:.3f} s | {big:.3f} s | {growth:.1f}× |"
        if old:
            _, old_small, old_big = old[name]
            row += f" {old_small:.3f} s, {old_big:.3f} s, {old_big / max(old_small, 1e-6):.1f}× |"
        print(row)
    sys.exit(0 if worst <= 8 else 1)


if __name__ == "__main__":
    main()
