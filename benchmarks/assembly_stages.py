"""Where the speed row's assembly time goes: its main stages timed (CPU time of the calling thread) in one run.

    python -m benchmarks.assembly_stages CACHE LINES SEED

CACHE is the speed row's cache (`python -m benchmarks.run --only speed --keep DIR` leaves it at
`DIR/cache-speed`, 150 lines, seed 4). The stages are the MP3 encoder (LAME and the sample conversion), the look-ahead
limiter, the check of the finished MP3's true peak (and its decoding), and reading the cached lines; what the total
has beyond them is resampling, pauses, gain and frame counting.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

_spent: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
_counting = threading.Lock()  # the stages run in the assembly's worker threads


def _timed(owner: Any, name: str, label: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent = time.thread_time() - start
            with _counting:
                entry = _spent[label]
                entry[0] += 1
                entry[1] += spent

    setattr(owner, name, timed)


def main() -> None:
    from benchmarks import assemble_once
    from mkdocs_convaudio.audio import limiter, mp3, mp3peak
    from mkdocs_convaudio.store import cache

    _timed(mp3.Encoder, "encode", "MP3 encoder (LAME, sample conversion)")
    _timed(limiter.Limiter, "process", "limiter")
    _timed(mp3peak, "_true_peak", "check of the MP3's true peak")
    _timed(mp3peak, "_decode", "  of which decoding")
    _timed(cache.AudioCache, "get_line", "cached lines read and verified")
    sys.argv = [sys.argv[0], *sys.argv[1:4], "assemble"]
    assemble_once.main()  # prints the run's wall and CPU time as JSON
    for label, (calls, seconds) in _spent.items():
        print(f"{label}: {seconds:.3f} s ({int(calls)} calls)")


if __name__ == "__main__":
    main()
