"""Benchmark: what claims in the shared cache cost a cold build (run by hand: `python -m benchmarks.bench_claims 3`).

A post of 20 new lines, built by `mkdocs build` in a process of its own against moto's S3 server and the Google
fake (both on 127.0.0.1), with claims and with them turned off (`SharedStore.claim` made to claim nothing, as a
store without exclusive writes behaves), each with an empty cache and bucket prefix. Prints each run's wall time
and the store's requests by method (claims apart), then the medians. The machine may be shared: read the medians."""

from __future__ import annotations

import collections
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINES = 20
NO_CLAIMS = (
    "import sys; from mkdocs_convaudio.store import shared; "
    "shared.SharedStore.claim = lambda self, relative, take_over=False: True; "
    "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '-q']; cli()"
)
_REQUEST = re.compile(r'"(\w+) (\S+) HTTP')


def main(runs: int = 3) -> None:
    from benchmarks.moto_bucket import moto_bucket
    from tests.fakes.google_tts import google_server
    from tests.fakes.http import serve
    from tests.sites import conversation, post

    key = "bench-google-key"
    credentials = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1"}
    os.environ.update(credentials)
    env = {**os.environ, "GOOGLE_API_KEY": key, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        env.pop(name, None)
    lines: list[str] = []
    server, endpoint = moto_bucket("bench", lines.append)
    turns = [
        ("AB"[i % 2], f"Line {i} of the measured conversation, about shared caches and claims.") for i in range(LINES)
    ]
    times: dict[str, list[float]] = collections.defaultdict(list)
    try:
        with serve(google_server(api_key=key)) as google, tempfile.TemporaryDirectory() as folder:
            for run in range(runs):
                for variant in ("claims", "no claims"):
                    root = Path(folder) / f"{variant.replace(' ', '-')}-{run}"
                    (root / "docs").mkdir(parents=True)
                    (root / "docs" / "talk.md").write_text(post(conversation(*turns)), encoding="utf-8")
                    (root / "mkdocs.yml").write_text(
                        "site_name: Bench\nplugins:\n  - convaudio:\n      engine: google\n"
                        f"      google: {{endpoint: '{google.url}'}}\n      shared_cache: s3://bench/{root.name}\n"
                        f"      shared_cache_options: {{endpoint_url: '{endpoint}'}}\n",
                        encoding="utf-8",
                    )
                    command = (
                        [sys.executable, "-m", "mkdocs", "build", "-q"]
                        if variant == "claims"
                        else [sys.executable, "-c", NO_CLAIMS]
                    )
                    del lines[:]
                    start = time.perf_counter()
                    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
                    elapsed = time.perf_counter() - start
                    if done.returncode != 0:
                        raise SystemExit(done.stderr)
                    kinds: collections.Counter[str] = collections.Counter()
                    for line in lines:
                        if found := _REQUEST.search(line):
                            kinds[f"{found[1]}{' claims' if '/claims/' in found[2] else ''}"] += 1
                    times[variant].append(elapsed)
                    print(f"{variant}, run {run + 1}: {elapsed:.2f} s, {sum(kinds.values())} requests {dict(kinds)}")
                    shutil.rmtree(root)
    finally:
        server.stop()
    for variant, measured in times.items():
        print(f"{variant}: median {statistics.median(measured):.2f} s of {', '.join(f'{t:.2f}' for t in measured)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
