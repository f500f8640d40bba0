"""Run one `mkdocs build` in this process and print its wall time, CPU time and peak memory as JSON."""

from __future__ import annotations

import json
import logging
import resource
import sys
import time


def main() -> None:
    start, cpu = time.perf_counter(), time.process_time()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    build(load_config(config_file=sys.argv[1]))
    print(
        json.dumps(
            {
                "wall": time.perf_counter() - start,
                "cpu": time.process_time() - cpu,
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "heavy": sorted(m for m in ("numpy", "scipy", "pyloudnorm", "soundfile") if m in sys.modules),
            }
        )
    )


if __name__ == "__main__":
    main()
