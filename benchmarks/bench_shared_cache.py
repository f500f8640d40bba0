"""Benchmark: a site sharing its cache in an S3 bucket (moto's server on loopback): requests and time for a cold
build, a clone with an empty local cache, and a rebuild (run by hand: `python -m benchmarks.bench_shared_cache 20`)."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml


def main(posts: int = 20, lines: int = 25) -> None:
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_DEFAULT_REGION="us-east-1")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from benchmarks.moto_bucket import moto_bucket

    requests = 0

    def count(_line: str) -> None:
        nonlocal requests
        requests += 1

    server, endpoint = moto_bucket("bench", count)
    options = {"shared_cache": "s3://bench/cache", "shared_cache_options": {"endpoint_url": endpoint}}

    def site(root: Path) -> Path:
        (root / "docs").mkdir(parents=True)
        for number in range(posts):
            turns = [{"speaker": "AB"[i % 2], "line": f"Post {number}, line {i}: a sentence."} for i in range(lines)]
            page = "---\naudio: true\n---\n\n```json\n" + json.dumps(turns) + "\n```\n"
            (root / "docs" / f"post{number}.md").write_text(page, encoding="utf-8")
        config = {"site_name": "Bench", "plugins": [{"convaudio": options}]}
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        return root / "mkdocs.yml"

    def run(label: str, config_file: Path) -> None:
        nonlocal requests
        requests = 0
        start = time.perf_counter()
        build(load_config(config_file=str(config_file)))
        print(f"{label}: {time.perf_counter() - start:.1f} s, {requests} S3 requests")

    with tempfile.TemporaryDirectory() as folder:
        print(f"{posts} posts x {lines} lines, eSpeak NG, cache in s3://bench/cache on {endpoint}")
        run("cold build (synthesize and upload everything)", site(Path(folder) / "first"))
        clone = site(Path(folder) / "clone")
        run("clone with an empty local cache (fetch the conversations)", clone)
        run("rebuild of the clone (all local)", clone)
    server.stop()


if __name__ == "__main__":
    main(*(int(value) for value in sys.argv[1:3]))
