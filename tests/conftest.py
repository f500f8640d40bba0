"""Shared fixtures: a fresh site folder per test, with builds that never leave it."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.http import FakeServer, serve
from tests.sites import Site

#: The key the fake Google server accepts.
GOOGLE_KEY = "AIzaSy-test-secret-0123456789"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(autouse=True, scope="session")
def temporary_folder_of_the_run() -> Iterator[Path]:
    """The system's temporary folder, for this run and the builds it starts, is a folder of the run's own, removed
    at its end. What builds leave there by design (Material's blog pages, `mkdocs serve`'s
    site when a test stops it abruptly) would otherwise pile up in /tmp run after run: 35,000 lock files and several
    GB were found there after a day of runs, and a full disk failed a CI run that shared it. It is made in /tmp when
    there is one, whatever TMPDIR says: Chromium puts its sockets there, and a socket's path may not exceed 107
    characters."""
    previous = (tempfile.tempdir, os.environ.get("TMPDIR"))
    base = "/tmp" if os.path.isdir("/tmp") and os.access("/tmp", os.W_OK) else tempfile.gettempdir()
    folder = Path(tempfile.mkdtemp(prefix="convaudio-tests-", dir=base))
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
    yield folder
    tempfile.tempdir = previous[0]
    if previous[1] is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = previous[1]
    shutil.rmtree(folder, ignore_errors=True)


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


@pytest.fixture(autouse=True)
def fresh_use_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would, for the use records (`store/uses.py`): nothing written, tried or
    under way."""
    from mkdocs_convaudio.store import uses

    for name in ("_pending", "_tried_in_process", "_unanswered_in_process"):
        monkeypatch.setattr(uses, name, type(getattr(uses, name))())


@pytest.fixture(autouse=True)
def mkdocs_cleans_its_site_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs-static-i18n replaces `mkdocs.utils.clean_directory` with a no-op (and filters MkDocs' "Documentation
    built in" line) while it builds the other languages, and puts neither back when one of those builds raises (a
    `--strict` abort): every later build of the test process kept the last site's files in its site folder (a
    conversation skipped for a typo still had its MP3 there). Each test starts with MkDocs' own."""
    from mkdocs import utils

    monkeypatch.setattr(utils, "clean_directory", utils.clean_directory)
    build_logger = logging.getLogger("mkdocs.commands.build")
    monkeypatch.setattr(build_logger, "filters", list(build_logger.filters))


@pytest.fixture(autouse=True)
def fresh_shared_stores_answered() -> Iterator[None]:
    """Each test starts as a new process would, for the shared stores that answered a build of the process
    (`plugin.SHARED_STORES_ANSWERED`): a store another test reached on a port the system gives out again would be
    taken for one that answered, and its "never answered" advice for an outage's."""
    from mkdocs_convaudio import plugin

    plugin.SHARED_STORES_ANSWERED.clear()
    yield
    plugin.SHARED_STORES_ANSWERED.clear()


@pytest.fixture
def google() -> Iterator[FakeServer]:
    """A fake Google Cloud Text-to-Speech server on loopback that accepts `GOOGLE_KEY`."""
    from tests.fakes.google_tts import google_server

    with serve(google_server(api_key=GOOGLE_KEY)) as running:
        yield running


@pytest.fixture
def no_adc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No Application Default Credentials anywhere google-auth looks, and no metadata server probe."""
    from google.auth.compute_engine import _metadata

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLOUDSDK_CONFIG", str(tmp_path / "home" / "gcloud"))
    monkeypatch.setenv("NO_GCE_CHECK", "true")
    monkeypatch.setenv("GCE_METADATA_HOST", "127.0.0.1:1")
    monkeypatch.setenv("GCE_METADATA_IP", "127.0.0.1:1")
    # google-auth reads NO_GCE_CHECK when first imported, so the environment alone may come too late.
    monkeypatch.setattr(_metadata, "_NO_GCE_CHECK", True)
