"""Thread pools closed without joining their threads: Ctrl-C while they work must not crash Python's exit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as _wait
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def close_pool(pool: ThreadPoolExecutor, futures: Sequence[Future[Any]], *, wait: bool = True) -> None:
    """Close `pool`, waiting (with `wait`) for its running `futures` by their results, never by joining its threads:
    on Python 3.11 and 3.12 a Ctrl-C that interrupts `Thread.join` marks the thread as ended while it still runs
    (CPython issue 90882), so Python's exit no longer waited for it and took the interpreter down under it. A Piper
    line still inside onnxruntime then killed the process after a second Ctrl-C with `terminate called without an
    active exception` (status 134); a shared-cache transfer was cut off wherever it was. Waiting on futures is
    interrupted cleanly; the threads end once their futures are done, and Python's exit joins them (finishing a
    line or a transfer still running, unless a third Ctrl-C ends it all)."""
    pool.shutdown(wait=False)
    if wait:
        _wait(futures)


def map_in_pool(
    function: Callable[[Item], Result], items: Iterable[Item], *, workers: int, name: str = "convaudio"
) -> list[Result]:
    """`function` of each of `items` on up to `workers` threads, the results in their order, like
    `list(ThreadPoolExecutor.map(...))` in a `with` block, but closed by `close_pool`: on an error or Ctrl-C the
    queued items are cancelled and the running ones waited for, so a second Ctrl-C then leaves Python's exit to
    finish them, not to cut them off."""
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix=name)
    futures: list[Future[Result]] = []
    try:
        futures = [pool.submit(function, item) for item in items]
        return [future.result() for future in futures]
    finally:
        for future in futures:
            future.cancel()  # the queued ones (the done and running ones cannot be)
        close_pool(pool, futures)
