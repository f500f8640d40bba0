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
