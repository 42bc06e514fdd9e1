"""The sync client's deadline holds inside httpx's reads too (withallo_ext/_sync_deadline.py), measured in bytes.

A local server drips its status line and headers a byte at a time, each byte well within the read timeout: without
the deadline in the socket reads, the sync call waits for up to 16 KiB of them (h11's header limit). The server
counts the bytes it sent before the client hung up; the deadline allows about deadline / interval of them.
"""

from __future__ import annotations

import asyncio
import select
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WithalloClient, _limits
from withallo_ext._sync_deadline import DeadlineBackend, DeadlineStream, install, pools
from withallo_ext.errors import ApiTimeoutError, WithalloError
from withallo_ext.testing import ACCOUNT_NUMBERS, FakeAllo, Fault

KEY = "sk_live_drip_Hq3Vx8Lm"
INTERVAL = 0.05  # seconds between two dripped bytes
TIMEOUT = 0.5  # the read timeout: ten bytes' worth, so it never trips
DEADLINE = 1.0  # the call's: about DEADLINE / INTERVAL = 20 bytes
ALLOWED = 30  # bytes the server may send before the client hangs up (20, and room for a slow machine)
CAP = 300  # the server stops there (15 s) so that code without the fix ends too, with far more than ALLOWED sent
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Drip: "


@dataclass
class Dripper:
    """What the dripping server did: bytes sent on all connections; `done` once a client hung up (or CAP was sent)."""

    url: str = ""
    sent: int = 0
    connections: int = 0
    done: threading.Event = field(default_factory=threading.Event)


def _gone(conn: socket.socket) -> bool:
    """Whether the client closed its end (readable, and nothing left to read), without blocking."""
    if not select.select([conn], [], [], 0)[0]:
        return False
    try:
        return conn.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


@contextmanager
def dripping_server() -> Iterator[Dripper]:
    """A server on 127.0.0.1 (free port) answering each request with a status line and headers that never end."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()
    dripper = Dripper(url=f"http://127.0.0.1:{listener.getsockname()[1]}")

    def drip(conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            piece = conn.recv(4096)
            if not piece:
                return
            request += piece
        answer = HEAD + b"a" * CAP
        for i in range(CAP):
            if stop.wait(INTERVAL) or _gone(conn):
                return
            try:
                conn.sendall(answer[i : i + 1])
            except OSError:
                return
            dripper.sent += 1

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            dripper.connections += 1
            with conn:
                try:
                    drip(conn)
                finally:
                    dripper.done.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield dripper
    finally:
        stop.set()
        thread.join(10)
        listener.close()


def own_http(client: WithalloClient) -> httpx.Client:
    """The httpx.Client a WithalloClient made for itself."""
    assert isinstance(client._http, httpx.Client)
    return client._http


def call_sync(url: str) -> WithalloError:
    with (
        WithalloClient(api_key=KEY, base_url=url, timeout=TIMEOUT, deadline=DEADLINE, allow_insecure_http=True) as c,
        pytest.raises(WithalloError) as caught,
    ):
        c.phone_numbers.list()
    return caught.value


def call_async(url: str) -> WithalloError:
    async def main() -> None:
        options: dict[str, Any] = {"timeout": TIMEOUT, "deadline": DEADLINE, "allow_insecure_http": True}
        async with AsyncWithalloClient(api_key=KEY, base_url=url, **options) as client:
            await client.phone_numbers.list()

    with pytest.raises(WithalloError) as caught:
        asyncio.run(main())
    return caught.value


@pytest.mark.parametrize("call", [call_sync, call_async])
def test_dripped_headers_cannot_hold_a_call_past_its_deadline(call: Callable[[str], WithalloError]) -> None:
    with dripping_server() as server:
        error = call(server.url)
        assert server.done.wait(CAP * INTERVAL), "the server stopped dripping"
    assert isinstance(error, ApiTimeoutError)
    assert f"deadline of {DEADLINE:g} s passed (attempt 1)" in str(error)
    assert server.connections == 1  # no retry after the deadline
    # Each byte came within the read timeout; only the deadline ended the call: ~20 bytes, not up to 16 KiB.
    assert 1 <= server.sent <= ALLOWED, f"{server.sent} bytes dripped before the client gave up"


# -- each wait of a socket, lowered to the time left ------------------------------------------------------------


class Recorder(httpcore.NetworkStream):
    """A stream recording the timeout each read and write was given."""

    def __init__(self) -> None:
        self.timeouts: list[float | None] = []

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.timeouts.append(timeout)
        return b"x"

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.timeouts.append(timeout)


def test_each_read_and_write_waits_at_most_the_time_the_call_has_left(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(_limits, "monotonic", lambda: clock[0])
    inner = Recorder()
    stream = DeadlineStream(inner)
    stream.read(10, 5.0)  # outside a call: unchanged
    token = _limits.sync_deadline.set(102.0)
    try:
        stream.read(10, 5.0)
        stream.read(10, 1.0)
        stream.write(b"x", None)
        clock[0] = 101.5
        stream.read(10, 5.0)
        clock[0] = 102.0
        with pytest.raises(httpcore.ReadTimeout):
            stream.read(10, 5.0)
        with pytest.raises(httpcore.WriteTimeout):
            stream.write(b"x", 5.0)
    finally:
        _limits.sync_deadline.reset(token)
    assert inner.timeouts == [5.0, 2.0, 1.0, 2.0, 0.5]  # nothing reached the socket once no time was left


# -- ordinary calls, retries, and what is left alone ------------------------------------------------------------


def test_calls_over_a_socket_work_and_leave_no_deadline_behind() -> None:
    fake = FakeAllo()
    with (
        fake.serve() as server,
        WithalloClient(api_key=server.api_key, base_url=server.base_url, allow_insecure_http=True) as client,
    ):
        assert all(isinstance(pool._network_backend, DeadlineBackend) for pool in pools(own_http(client)))
        for _ in range(3):  # one kept-alive connection, a fresh deadline each call
            numbers = client.phone_numbers.list()
            assert [n.number for n in numbers] == [n["number"] for n in ACCOUNT_NUMBERS]
            assert _limits.sync_deadline.get() is None
    assert [(r.method, r.path) for r in fake.requests] == [("GET", "/numbers")] * 3


def test_retries_over_a_socket_still_work(sleeps: list[float]) -> None:
    fake = FakeAllo()
    fake.fail_next(1, Fault.TIMEOUT)  # held until the client's read timeout ends the wait
    fake.fail_next(1, Fault.SERVER_ERROR)
    with (
        fake.serve() as server,
        WithalloClient(
            api_key=server.api_key, base_url=server.base_url, allow_insecure_http=True, timeout=0.3, deadline=60
        ) as client,
    ):
        numbers = client.phone_numbers.list()
    assert [n.number for n in numbers] == [n["number"] for n in ACCOUNT_NUMBERS]
    assert [(r.method, r.path) for r in fake.requests] == [("GET", "/numbers")] * 3
    assert len(sleeps) == 2


def test_a_users_own_http_client_is_left_as_it_is() -> None:
    with httpx.Client() as http:
        before = [pool._network_backend for pool in pools(http)]
        WithalloClient(api_key=KEY, http_client=http)
        after = [pool._network_backend for pool in pools(http)]
    assert after == before
    assert not any(isinstance(backend, DeadlineBackend) for backend in after)


def test_the_proxies_from_the_environment_keep_the_deadline_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # (a SOCKS proxy is a pool too, but needs socksio)
    with WithalloClient(api_key=KEY) as client:
        found = pools(own_http(client))
    assert {type(pool) for pool in found} >= {httpcore.ConnectionPool, httpcore.HTTPProxy}
    assert all(isinstance(pool._network_backend, DeadlineBackend) for pool in found)


def test_install_wraps_a_backend_once() -> None:
    with httpx.Client() as http:
        install(http)
        install(http)
        (pool,) = pools(http)
        backend = pool._network_backend
    assert isinstance(backend, DeadlineBackend)
    assert isinstance(backend.wrapped, httpcore.SyncBackend)


def test_the_private_names_the_sync_deadline_relies_on_are_still_there() -> None:
    """An httpx or httpcore upgrade that renames one fails here: _sync_deadline.install() must then follow it, or
    a server dripping its headers can hold a sync call for a read timeout per byte again."""
    versions = f"httpx {httpx.__version__}, httpcore {httpcore.__version__}"
    with httpx.Client() as http:
        for owner, name in ((http, "_transport"), (http, "_mounts")):
            assert hasattr(owner, name), f"httpx.Client.{name} is gone ({versions}); see withallo_ext/_sync_deadline.py"
        transport = http._transport
        assert isinstance(transport, httpx.HTTPTransport), f"httpx.Client._transport changed type ({versions})"
        assert isinstance(getattr(transport, "_pool", None), httpcore.ConnectionPool), (
            f"httpx.HTTPTransport._pool is gone or no longer an httpcore.ConnectionPool ({versions})"
        )
        assert isinstance(getattr(transport._pool, "_network_backend", None), httpcore.SyncBackend), (
            f"httpcore.ConnectionPool._network_backend is gone ({versions}); see withallo_ext/_sync_deadline.py"
        )
