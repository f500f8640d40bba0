"""Time each MkDocs event of one warm build in a fresh process, as `benchmarks.run` builds (imports included).

    python -m benchmarks.fresh_events SITE/CONFIG

Run it after an untimed build of the same configuration (`python -m mkdocs build -q -f SITE/CONFIG`), on the sites of
`python -m benchmarks.run --only warm,warm-blog --keep DIR`. It prints the build's wall time, the time in every
plugin's handlers of each event, and the collector's time; `event_times.py` does the same for many builds in one
process, which skips what a process pays once (the memos' first reads, for one).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .event_times import instrument

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent, collecting, collector = instrument()
    gc.callbacks.append(collector)
    start = time.perf_counter()
    build(load_config(config_file=sys.argv[1]))
    wall = time.perf_counter() - start
    events = " ".join(f"{name}={seconds * 1000:.1f}" for name, seconds in sorted(spent.items(), key=lambda x: -x[1]))
    total = sum(spent.values())
    print(f"build {wall * 1000:.0f} ms, events {total * 1000:.1f} ms, collector {collecting[0] * 1000:.1f} ms")
    print(f"  {events}")


if __name__ == "__main__":
    main()
