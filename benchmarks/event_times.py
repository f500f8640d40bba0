"""Time each MkDocs event of warm builds in one process, and the garbage collector, for one site configuration.

    python -m benchmarks.event_times SITE/mkdocs.yml [BUILDS]

After one untimed build (imports, memos written), it builds BUILDS times (8 by default) and prints the median wall
time of a build, the time spent in every plugin's handlers of each event per build, and the collector's time per
build (means; the wall time is a median): where a warm build's excess goes, event by event, without a profiler's
overhead. Builds in one process skip what a process pays once (imports, memoized versions): compare configurations
with each other here, and with `benchmarks.run` for a build as a user runs it. Run it on the sites of
`python -m benchmarks.run --only warm,warm-blog --keep DIR` (`mkdocs.yml`, `mkdocs-disabled.yml`,
`mkdocs-floor.yml`).
"""

from __future__ import annotations

import gc
import logging
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any


def instrument() -> tuple[dict[str, float], list[float], Callable[[str, dict[str, Any]], None]]:
    """Time every plugin event from now on: the seconds spent in each event's handlers (by event name), the
    collector's total seconds (first item of the list), and the callback to append to `gc.callbacks` for it."""
    from mkdocs.plugins import PluginCollection

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

    return spent, collecting, collector


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config_file, builds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8
    spent, collecting, collector = instrument()
    build(load_config(config_file=config_file))
    spent.clear()
    gc.callbacks.append(collector)
    walls = []
    for _ in range(builds):
        start = time.perf_counter()
        build(load_config(config_file=config_file))
        walls.append(time.perf_counter() - start)
    gc.callbacks.remove(collector)
    total = sum(spent.values()) / builds
    print(
        f"{config_file}: build {statistics.median(walls) * 1000:.0f} ms (median of {builds}); events "
        f"{total * 1000:.1f} ms; garbage collection {collecting[0] / builds * 1000:.1f} ms (per build)"
    )
    for name, seconds in sorted(spent.items(), key=lambda pair: -pair[1]):
        if seconds / builds >= 0.00001:
            print(f"  {name}: {seconds / builds * 1000:.2f} ms")


if __name__ == "__main__":
    main()
