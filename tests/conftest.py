"""Shared fixtures: a fresh site folder per test, with builds that never leave it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sites import Site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def site(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Site:
    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    return Site(tmp_path / "site-src", caplog)
