"""Spoken-text cases as parametrized tests: tables of (written line, language, what is said), each row its own test."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

Test = TypeVar("Test", bound=Callable[..., None])


def readings(table: list[tuple[str, str, str]]) -> Callable[[Test], Test]:
    """`pytest.mark.parametrize` over `table`'s rows as `line`, `language`, `said`, each named by its language and
    line."""
    mark = pytest.mark.parametrize(
        ("line", "language", "said"), table, ids=[f"{language}:{line}" for line, language, _ in table]
    )

    def parametrized(test: Test) -> Test:
        marked: Test = mark(test)
        return marked

    return parametrized


def reading_seconds(line: str, language: str) -> float:
    """The CPU time `spoken_text` takes to read `line`, after a first reading of its first 300 characters (the
    language's patterns and the notation's, built once, are not timed) and with the garbage collector paused (a
    full collection of the test session's heap is not the reading's time: one cost 0.9 s in a CI run)."""
    import gc
    import time

    from mkdocs_convaudio.text.spoken import spoken_text

    start = line[:300]
    spoken_text(start + ("$" if start.count("$") % 2 else ""), language)
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        spoken_text(line, language)
        return time.process_time() - started
    finally:
        gc.enable()
