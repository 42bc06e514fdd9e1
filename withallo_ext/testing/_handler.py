"""FakeAllo's HTTP side: the stdlib request handler that turns one socket request into `reply()` and back.

The stdlib server is enough here: it serves one fake to tests and local tools, and lets a fault close the socket
or hold the answer, which an ASGI/WSGI server would hide from us. It knows the fake only as a `Replier`
(`_reply`); FakeAlloServer (`_server`) starts and stops it.

Bounded, since `withallo fake` may run for days: a body over `max_body` gets 413 unread, a Content-Length that is
not a plain number 400 (no traceback), and a connection idle for `idle_timeout` seconds is closed (each holds a
thread).
"""

from __future__ import annotations

import selectors
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from .._sanitize import shown
from ._reply import Replier

_HOP_HEADERS = {"content-length", "transfer-encoding", "connection", "keep-alive"}
_HOLD_POLL = 0.05  # seconds between checks, while an answer is held, that the client is still there
MAX_BODY = 1024 * 1024  # bytes of a request body; the API's largest (a contact) is a few KiB
IDLE_TIMEOUT = 30.0  # seconds a connection may wait for its next bytes before it is closed
LINGER_BYTES = 16 * 1024 * 1024  # dropped, never kept, after refusing a body: a client sending more gets a reset


class FakeHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server answering every request from `fake`; `stopping` releases held answers."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # the default backlog of 5 drops connects when 100 clients open at once

    def __init__(
        self,
        address: tuple[str, int],
        fake: Replier,
        log: Callable[[str], None] | None,
        max_body: int = MAX_BODY,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        super().__init__(address, _Handler)
        self.fake = fake
        self.log = log
        self.max_body = max_body
        self.idle_timeout = idle_timeout
        self.stopping = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: FakeHTTPServer
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY: headers and body go out as two writes; with Nagle, the body then waits for the client's
    # delayed ACK (~40 ms) on every keep-alive request.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        # A silent client is dropped, thread and all: handle_one_request() ends the connection on a socket timeout.
        self.connection.settimeout(self.server.idle_timeout)

    def _body_length(self) -> int | None:
        """The announced body length, or None after answering 400/411/413 (the connection is closed then)."""
        lengths = self.headers.get_all("Content-Length") or []
        problem: tuple[int, str] | None = None
        if "Transfer-Encoding" in self.headers:
            problem = (411, "LENGTH_REQUIRED")  # bodies come with a Content-Length here
        elif len(set(lengths)) > 1 or not all(v.strip().isascii() and v.strip().isdigit() for v in lengths):
            problem = (400, "BAD_CONTENT_LENGTH")
        elif lengths and int(lengths[0]) > self.server.max_body:
            problem = (413, "PAYLOAD_TOO_LARGE")
        if problem is None:
            return int(lengths[0]) if lengths else 0
        self.close_connection = True  # the body, if any, is never kept
        self._write(httpx.Response(problem[0], json={"code": problem[1], "details": None}))
        if self.server.log is not None:
            self.server.log(f"{self.command} {shown(self.path)} -> {problem[0]}")
        self._linger()
        return None

    def _linger(self) -> None:
        """After an early answer, drop what the client still sends (at most LINGER_BYTES, until a second of silence),
        so that it reads the answer instead of a connection reset (a lingering close, as nginx does)."""
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(min(self.server.idle_timeout, 1.0))
            budget = LINGER_BYTES
            while budget > 0 and (dropped := self.connection.recv(min(65536, budget))):
                budget -= len(dropped)
        except OSError:  # reset, or silent for a second: done either way
            pass

    def _serve(self) -> None:
        length = self._body_length()
        if length is None:
            return
        content = self.rfile.read(length) if length > 0 else b""
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS]
        host, port = self.server.server_address[:2]
        try:
            request = httpx.Request(
                self.command, f"http://{host!s}:{port}{self.path}", headers=headers, content=content
            )
        except (httpx.InvalidURL, ValueError):
            self._write(httpx.Response(400, json={"code": "BAD_REQUEST", "details": None}))
            return
        outcome = self.server.fake.reply(request)
        if outcome.response is None:  # injected dropped connection: close without a word
            self.close_connection = True
            self._log(request, "connection dropped")
            return
        if outcome.late and not self._hold(outcome.delay):
            self.close_connection = True
            if not self.server.stopping.is_set():
                self._log(request, "held until the client hung up")
            return
        self._log(request, str(outcome.response.status_code))
        try:
            self._write(outcome.response)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (a timeout fault)
            self.close_connection = True

    def _hold(self, seconds: float) -> bool:
        """Wait `seconds` before a late answer (a timeout fault); False if the client hangs up or the server stops
        first. Ending with the client makes the client's own timeout decide, however slow the machine is."""
        deadline = time.monotonic() + seconds
        with selectors.DefaultSelector() as selector:
            selector.register(self.connection, selectors.EVENT_READ)
            while (left := deadline - time.monotonic()) > 0 and not self.server.stopping.is_set():
                readable = bool(selector.select(min(left, _HOLD_POLL)))
                if readable and self._hung_up():
                    return False
                if readable:  # bytes from a client that still waits (pipelining): don't spin on them
                    self.server.stopping.wait(min(left, _HOLD_POLL))
        return not self.server.stopping.is_set()

    def _hung_up(self) -> bool:
        """Whether the client closed its end (a readable socket with nothing to read)."""
        try:
            peeked: bytes = self.connection.recv(1, socket.MSG_PEEK)
        except OSError:  # reset by the client
            return True
        return peeked == b""

    def __getattr__(self, name: str) -> Callable[[], None]:
        """Every method (GET ... TRACE, QUERY) goes to the fake, which answers 405 where the API has none."""
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def _write(self, response: httpx.Response) -> None:
        self.send_response(response.status_code)
        for name, value in response.headers.multi_items():
            if name.lower() not in _HOP_HEADERS:
                self.send_header(name, value)
        if response.status_code != 204:
            self.send_header("Content-Length", str(len(response.content)))
        if self.close_connection:  # said, so that the client never sends its next request into a closing socket
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.content)

    def _log(self, request: httpx.Request, outcome: str) -> None:
        if self.server.log is not None:
            self.server.log(f"{request.method} {request.url.raw_path.decode('ascii', 'replace')} -> {outcome}")

    def log_message(self, format: str, *args: Any) -> None:
        """Silence http.server's own per-request stderr lines; `log=` gives a tidier one."""
