"""A small HTTP server on 127.0.0.1 that speaks a provider's wire format, with scripted failures."""

from __future__ import annotations

import io
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import soundfile


@dataclass
class Request:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Response:
    """What a route answers: status, headers and body bytes."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Send only this many bytes of the body (after announcing all of it), then drop the connection: a
    #: connection reset mid-response.
    cut: int | None = None
    #: Announce this many bytes but send only `body`, then close (a connection that drops mid-transfer).
    announced: int | None = None
    #: Read the request, then reset the connection before a byte of the answer: what a client sees when it sends
    #: on a kept-alive connection the server had already closed.
    reset: bool = False

    @classmethod
    def json(cls, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        return cls(status, json.dumps(data).encode(), {"Content-Type": "application/json", **(headers or {})})


Route = Callable[[Request], Response]


@dataclass
class FakeServer:
    """Routes by (method, path prefix); `failures` are answered first, in order, before the real route."""

    routes: dict[tuple[str, str], Route]
    requests: list[Request] = field(default_factory=list)
    failures: list[Response] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Keep connections open between requests, as providers do (HTTP/1.1); off, each answer closes its connection.
    keep_alive: bool = False
    #: Connections a client has open to the server now (a kept-alive one stays counted until the client closes it).
    open_connections: int = 0

    def connection_changed(self, by: int) -> None:
        with self.lock:
            self.open_connections += by

    def connections_closed(self, within: float = 5.0) -> bool:
        """Whether every client connection is closed, waiting up to `within` s for the server to see the last
        ones end (it notices a closed connection in its own thread, a moment after the client closed it)."""
        deadline = time.monotonic() + within
        while self.open_connections and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self.open_connections

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, request: Request) -> Response:
        with self.lock:
            self.requests.append(request)
            if self.failures:
                return self.failures.pop(0)
        for (method, prefix), route in self.routes.items():
            if request.method == method and request.path.startswith(prefix):
                return route(request)
        return Response.json({"error": {"code": 404, "message": f"no route {request.path}"}}, 404)

    def requests_to(self, prefix: str) -> list[Request]:
        return [request for request in self.requests if request.path.startswith(prefix)]


@contextmanager
def serve(server: FakeServer) -> Iterator[FakeServer]:
    """Run `server` on a free loopback port for the duration of the block."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1" if server.keep_alive else "HTTP/1.0"

        def setup(self) -> None:
            server.connection_changed(+1)
            super().setup()

        def finish(self) -> None:
            try:
                super().finish()
            finally:
                server.connection_changed(-1)

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            response = server.handle(request)
            if response.reset:
                self.close_connection = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()  # with no lingering: a reset, not an orderly end
                return
            try:
                self.send_response(response.status)
                for key, value in response.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(response.announced or len(response.body)))
                self.end_headers()
                if response.cut is not None:
                    self.wfile.write(response.body[: response.cut])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(response.body)
                if response.announced:
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing left to tell it

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


#: The sockets that keep the ports `closed_port` gave bound, and never listening, for the rest of the run.
_CLOSED_PORTS: list[socket.socket] = []


def closed_port() -> int:
    """A loopback port nobody listens on (for connection-refused tests). It stays bound, never listening, until the
    run ends: a port merely freed could be taken meanwhile by a server of another test or process, or be the port a
    connection to it goes out from (Linux then connects it to itself), so a refusal was likely, not certain."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    _CLOSED_PORTS.append(probe)
    port: int = probe.getsockname()[1]
    return port


def speech_like(text: str, rate: int = 24000, seconds_per_char: float = 0.05) -> np.ndarray[Any, Any]:
    """Deterministic 'speech': a tone whose pitch depends on the text, as long as the text is slow to read."""
    duration = max(0.3, min(len(text) * seconds_per_char, 30.0))
    t = np.arange(int(duration * rate)) / rate
    pitch = 120 + (sum(text.encode()) % 200)
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 3 * t) ** 2
    return (0.3 * envelope * np.sin(2 * np.pi * pitch * t)).astype(np.float32)


def wav_bytes(samples: np.ndarray[Any, Any], rate: int) -> bytes:
    """A 16-bit WAV file in memory (what LINEAR16 answers carry)."""
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def close_while_answering(server: FakeServer, call: Callable[[], Any], close: Callable[[], None]) -> list[Any]:
    """Run `call` in a thread, hold its request at `server` (every POST route) until `close()` has run, then let
    it be answered: what `call` returned or raised (the case of an engine closed by a second Ctrl-C)."""
    arrived, release = threading.Event(), threading.Event()
    held_routes = {key: route for key, route in server.routes.items() if key[0] == "POST"}

    def held(route: Route) -> Route:
        def answer(request: Request) -> Response:
            arrived.set()
            release.wait(10)
            return route(request)

        return answer

    server.routes.update({key: held(route) for key, route in held_routes.items()})
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert arrived.wait(10), "the request never reached the server"
        close()
    finally:
        release.set()
        worker.join(10)
        server.routes.update(held_routes)
    return outcome
