"""A local webhook endpoint for tests and demos: a WebhookReceiver served on 127.0.0.1, recording what it got.

In production put `receiver.respond(raw_body, headers)` behind your web framework (see examples/); this is the
same call behind the stdlib's http.server, so that `FakeAllo.deliver` has somewhere real to POST to.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from withallo_ext.webhooks import WebhookReceiver


@dataclass(frozen=True)
class ReceivedDelivery:
    """One POST the endpoint received, and the status it answered."""

    path: str
    headers: dict[str, str]
    body: bytes
    status: int


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], endpoint: WebhookEndpoint) -> None:
        super().__init__(address, _Handler)
        self.endpoint = endpoint


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        endpoint = self.server.endpoint
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {name.lower(): value for name, value in self.headers.items()}
        if self.path != endpoint.path:
            status, payload = 404, b'{"ok":false}'
        else:
            answer = endpoint.receiver.respond(body, headers)
            status, payload = answer.status, json.dumps(answer.body).encode()
        endpoint._received(ReceivedDelivery(self.path, headers, body, status))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the endpoint's record (`deliveries`) says what happened."""


class WebhookEndpoint:
    """Serve `receiver` at `http://127.0.0.1:<port><path>` (a context manager). `url` is what to deliver to."""

    def __init__(
        self, receiver: WebhookReceiver, *, path: str = "/webhooks/allo", host: str = "127.0.0.1", port: int = 0
    ) -> None:
        if not path.startswith("/"):
            raise ValueError(f"path: must start with '/', got {path!r}")
        self.receiver = receiver
        self.path = path
        self._address = (host, port)
        self._server: _Server | None = None
        self._port: int | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._deliveries: list[ReceivedDelivery] = []

    def _received(self, delivery: ReceivedDelivery) -> None:
        with self._lock:
            self._deliveries.append(delivery)

    @property
    def deliveries(self) -> list[ReceivedDelivery]:
        """Every POST received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._deliveries)

    @property
    def url(self) -> str:
        """Where to deliver; it stays readable after the block (nothing listens there any more)."""
        if self._port is None:
            raise RuntimeError("WebhookEndpoint was never started; use it in a with block")
        return f"http://{self._address[0]}:{self._port}{self.path}"

    def __enter__(self) -> Self:
        self._server = _Server(self._address, self)
        self._port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="webhook-endpoint", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join()
            self._server = None
