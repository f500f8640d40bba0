"""A bucket on moto's S3 server on 127.0.0.1 for the shared-cache benchmarks, each request told to a callback."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def moto_bucket(bucket: str, on_request: Callable[[str], None]) -> tuple[Any, str]:
    """Start moto's server, make `bucket`, and pass each request's log line (`"GET /bench/... HTTP/1.1" 200`) to
    `on_request`; the server (to `stop()`) and its endpoint URL."""
    import s3fs
    from moto.server import ThreadedMotoServer

    class Forward(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            on_request(_COLOURS.sub("", record.getMessage()))

    server_log = logging.getLogger("werkzeug")
    server_log.addHandler(Forward())
    server_log.setLevel(logging.INFO)
    server_log.propagate = False
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3fs.S3FileSystem(endpoint_url=endpoint).mkdir(bucket)
    return server, endpoint
