"""Headless Chromium through Selenium, and the three kinds of server a built site meets (all on 127.0.0.1)."""

from __future__ import annotations

import contextlib
import http.server
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

#: What Chromium needs to run headless as root in a container, and to never reach the network on its own.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--autoplay-policy=no-user-gesture-required",
    # a loaded machine must not slow the page's timers and media clock down behind the test's back
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    "--window-size=1200,900",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # nothing but loopback resolves
)


#: Attempts at starting the browser or `mkdocs serve`: start-up only, never a test's own checks.
START_ATTEMPTS = 3


def chromium(user_data_dir: Path) -> webdriver.Chrome:
    """Debian's chromium and chromium-driver (`make test` installs them); a fresh profile per session.

    On a loaded machine Chromium may miss chromedriver's start-up deadline ("DevToolsActivePort file doesn't
    exist", "session not created"): only that start is retried, a bounded number of times, with a fresh profile.
    """
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        raise RuntimeError("chromium and chromedriver are needed: run `make test` (it installs them with apt-get)")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for drivers online
    for attempt in range(1, START_ATTEMPTS + 1):
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        profile = user_data_dir / f"attempt-{attempt}"
        profile.mkdir(parents=True, exist_ok=True)
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            return webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
        except WebDriverException:
            if attempt == START_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class RangeHandler(_Quiet):
    """A static server that answers `Range: bytes=a-b` with 206 Partial Content, as real web hosts do."""

    def send_head(self) -> Any:
        header = self.headers.get("Range")
        path = Path(self.translate_path(self.path))
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", header or "")
        if match is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first = int(match[1]) if match[1] else max(0, size - int(match[2] or 0))
        last = min(int(match[2]), size - 1) if match[1] and match[2] else size - 1
        if first >= size:
            self.send_error(416)
            return None
        handle = path.open("rb")
        handle.seek(first)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        self._remaining = last - first + 1
        return handle

    def copyfile(self, source: Any, outputfile: Any) -> None:
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            super().copyfile(source, outputfile)
            return
        while remaining > 0:
            chunk = source.read(min(65536, remaining))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)


def _holding(handler: type[_Quiet], media: threading.Event) -> type[_Quiet]:
    """`handler`, answering requests for MP3s only once `media` is set (the page and its script come first)."""

    class Holding(handler):  # type: ignore[valid-type,misc]
        def send_head(self) -> Any:
            if self.path.split("?")[0].endswith(".mp3"):
                media.wait(SERVE_DEADLINE)
            return super().send_head()

    return Holding


@contextlib.contextmanager
def static_server(root: Path, *, ranges: bool, hold_media: threading.Event | None = None) -> Iterator[str]:
    """`python -m http.server` (which ignores Range), or the same with Range support; yields the base URL.

    With `hold_media`, MP3s are answered only once it is set: a slow link, on which the player is set up and a
    reader may click a line before the audio's metadata has come."""
    handler: type[_Quiet] = RangeHandler if ranges else _Quiet
    if hold_media is not None:
        handler = _holding(handler, hold_media)

    def make(*args: Any) -> http.server.SimpleHTTPRequestHandler:
        return handler(*args, directory=str(root))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


#: How long `mkdocs serve` may take to build the site and start serving, on a loaded machine.
SERVE_DEADLINE = 180.0


def _start_mkdocs_serve(config_file: Path) -> tuple[subprocess.Popen[str], str, list[str]]:
    """One `mkdocs serve` on a port that was free a moment ago; its URL once it logs "Serving on", or None as
    URL (and the process ended) if it stopped first."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", f"127.0.0.1:{port}"],
        cwd=config_file.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def drain() -> None:  # read its log to the end, so the server never blocks on a full pipe
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=drain, daemon=True).start()
    output: list[str] = []
    try:
        while True:  # wait on the server's own log: no guessing how long a build takes, but a deadline
            line = lines.get(timeout=SERVE_DEADLINE)
            if line is None:
                process.wait()
                return process, "", output
            output.append(line)
            if (served := re.search(r"Serving on (http://\S+)", line)) is not None:
                return process, served[1], output
    except queue.Empty:
        _stop(process)
        raise RuntimeError(f"mkdocs serve did not serve within {SERVE_DEADLINE:.0f} s:\n" + "".join(output)) from None


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def mkdocs_serve(config_file: Path) -> Iterator[str]:
    """`mkdocs serve` itself, in a subprocess; ready once it logs "Serving on" (it builds the site first).

    It binds its port only after that build, so another process may take the port meanwhile: only then is the
    start retried, on another port, a bounded number of times.
    """
    for attempt in range(1, START_ATTEMPTS + 1):
        process, url, output = _start_mkdocs_serve(config_file)
        if url:
            break
        collided = any("Address already in use" in line for line in output)
        if not collided or attempt == START_ATTEMPTS:
            raise RuntimeError("mkdocs serve stopped before serving:\n" + "".join(output))
    try:
        port = int(url.split(":")[2].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass
        yield url  # with its mount path when site_url has one
    finally:
        _stop(process)
