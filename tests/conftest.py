"""Shared fixtures: a fresh site folder per test, with builds that never leave it."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.sites import Site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def site(tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Site:
    monkeypatch.delenv("CONVAUDIO_GENERATE", raising=False)
    monkeypatch.chdir(tmp_path)
    return Site(tmp_path / "site-src", caplog)


#: Variables that would steer an SDK or google-auth away from the fake servers.
_PROVIDER_ENV = (
    "GOOGLE_API_KEY",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "GOOGLE_API_USE_CLIENT_CERTIFICATE",
    "GOOGLE_API_USE_MTLS_ENDPOINT",
    "GOOGLE_CLOUD_UNIVERSE_DOMAIN",
    "GOOGLE_CLOUD_PROJECT",
    "GCLOUD_PROJECT",
    "SERVER_SOFTWARE",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "ELEVENLABS_API_KEY",
)


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer settings, and any connection leaving the machine fails the test (nobody gets billed)."""
    for name in _PROVIDER_ENV:
        monkeypatch.delenv(name, raising=False)
    original = socket.socket.connect

    def loopback_only(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"test tried to reach {address!r}")
        original(self, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)
