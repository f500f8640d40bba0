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
from collections import defaultdict
from typing import Any


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    spent: dict[str, float] = defaultdict(float)
    run_event = PluginCollection.run_event

    def timed(self: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    PluginCollection.run_event = timed  # type: ignore[method-assign]
    collecting = [0.0, 0.0]  # total, start of the current collection

    def collector(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

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
