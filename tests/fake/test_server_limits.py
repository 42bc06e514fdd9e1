"""The fake's server under a hostile client: huge or lying Content-Length, idle connections, a flood of requests to
keep, and a bind beyond loopback. Measured by counts and by the server closing what it should, never by timing."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest

from withallo_ext.testing import FakeAllo, FakeAlloServer
from withallo_ext.testing.__main__ import main

TEST_NET = "192.0.2.1"  # RFC 5737: never this machine's, so binding fails without exposing anything


def raw_exchange(server: FakeAlloServer, head: bytes, *, timeout: float = 10.0) -> bytes:
    """Send `head` (request line and headers, no body) on a fresh connection; what came back until it closed."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(head)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def post_head(server: FakeAlloServer, length: str) -> bytes:
    return (
        f"POST /v1/api/sms HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {server.api_key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


@pytest.fixture
def server() -> Iterator[FakeAlloServer]:
    with FakeAllo().serve(max_body=64 * 1024) as running:
        yield running


def test_an_announced_8_gb_body_gets_413_without_being_read(server: FakeAlloServer) -> None:
    answer = raw_exchange(server, post_head(server, str(8 * 1024**3)))  # was an 8 GB read (MemoryError at 50 GB)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"code": "PAYLOAD_TOO_LARGE", "details": None}
    assert server.fake.request_count == 0


def test_a_body_over_max_body_gets_413_and_one_within_it_is_served(server: FakeAlloServer) -> None:
    with httpx.Client(headers={"Authorization": server.api_key}) as http:
        just_over = http.post(server.base_url + "/contacts", content=b" " * (64 * 1024 + 1))
        # more than socket buffers hold: the server drops the rest unread, so the client reads 413, not a reset
        too_big = http.post(server.base_url + "/contacts", content=b" " * (4 * 1024 * 1024))
        fits = http.post(server.base_url + "/contacts", json={"numbers": ["+14155550100"], "name": "A"})
    assert (just_over.status_code, too_big.status_code) == (413, 413)
    # the refusal closes the connection and says so: a client reusing it would race the close (seen once in CI:
    # "Server disconnected without sending a response" on the next request)
    assert just_over.headers["connection"] == too_big.headers["connection"] == "close"
    assert fits.status_code in (200, 201)
    assert [r.path for r in server.fake.requests] == ["/contacts"]


def test_a_client_still_sending_a_refused_body_reads_the_413_not_a_reset(server: FakeAlloServer) -> None:
    # The server drops what follows the refusal (a lingering close); closing at once would reset the connection,
    # and the client's kernel would throw the 413 away unread.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(post_head(server, str(8 * 1024 * 1024)))
        sock.sendall(b" " * (8 * 1024 * 1024))  # more than socket buffers hold
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.1 413 ")


@pytest.mark.parametrize("length", ["abc", "-5", "1e3", "12, 12", "0x10"])
def test_a_malformed_content_length_is_400_without_a_traceback(
    server: FakeAlloServer, length: str, capfd: pytest.CaptureFixture[str]
) -> None:
    answer = raw_exchange(server, post_head(server, length))
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b"BAD_CONTENT_LENGTH" in answer
    assert "Traceback" not in capfd.readouterr().err


def test_a_chunked_request_body_is_refused_with_411(server: FakeAlloServer) -> None:
    head = post_head(server, "5").replace(b"Content-Length: 5", b"Transfer-Encoding: chunked")
    assert raw_exchange(server, head).startswith(b"HTTP/1.1 411 ")


def test_idle_connections_are_closed_by_the_server() -> None:
    with FakeAllo().serve(idle_timeout=0.2) as server:
        sockets = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(20)]
        try:
            # recv() returns b"" once the server hangs up; it would raise TimeoutError after 10 s otherwise
            assert [sock.recv(1) for sock in sockets] == [b""] * 20
        finally:
            for sock in sockets:
                sock.close()


def test_the_fake_keeps_only_its_last_requests_and_counts_them_all() -> None:
    fake = FakeAllo(max_recorded=5)
    with fake.http_client() as http:
        for index in range(8):
            http.post("/contacts", content=b"not json %d" % index)
    assert fake.request_count == 8
    assert [r.text for r in fake.requests] == [f"not json {i}" for i in range(3, 8)]
    assert FakeAllo().request_count == 0


@pytest.mark.parametrize("value", [0, -1, True, 1.5])
def test_max_recorded_must_be_a_positive_integer(value: object) -> None:
    with pytest.raises(ValueError, match="max_recorded"):
        FakeAllo(max_recorded=value)  # type: ignore[arg-type]


def test_binding_beyond_loopback_warns_loudly() -> None:
    with pytest.warns(RuntimeWarning, match="beyond this machine"), pytest.raises(OSError):
        FakeAllo().serve(host=TEST_NET)


def test_the_command_line_warns_when_bound_beyond_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.warns(RuntimeWarning), pytest.raises(OSError):
        main(["--host", TEST_NET, "--port", "0", "--quiet"])
    assert capsys.readouterr().err.startswith("WARNING: the fake Allo is bound to '192.0.2.1', beyond this machine")
