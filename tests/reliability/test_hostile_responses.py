"""Hostile responses from a small local server: huge bodies, invalid UTF-8, non-JSON 200s, a 520, redirects to
another host, a stalled or truncated answer. Each gives a clear WithalloError (short message naming the status or
the problem) in bounded time, and a redirect never carries the key to the other host.

Bodies past the client's `max_response_bytes` (gzip bombs, endless chunked answers) are measured by the memory the
call takes (tracemalloc's peak) and the bytes the server got to send, and a dripped answer by the bytes sent before
the call's deadline (on a clock the server advances), never by timing.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WithalloClient, _limits
from withallo_ext.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    InvalidParameterError,
    RateLimitError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    ValidationError,
    WithalloError,
)

KEY = "sk_live_hostile_Wz4Rb7Yq2Mn"
TIMEOUT = 1.0  # seconds: every call here must end well within a few of these
BIG = 9 * 1024 * 1024  # large, but under the default max_response_bytes (10 MiB)
MIB = 1024 * 1024
MESSAGE_MAX = 300


@dataclass(frozen=True)
class Canned:
    """One answer: status, headers, body; `stall` holds the connection silent after the headers, `short` lies
    about the length (the connection closes before the announced body is sent)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: bool = False
    short: bool = False
    # sent with Transfer-Encoding: chunked, each piece made as it goes; `length` announces a Content-Length instead;
    # with status 0, the pieces are the whole answer, status line and headers included
    chunks: Callable[[Host], Iterable[bytes]] | None = None
    length: int | None = None


@dataclass
class Host:
    """A local HTTP server answering each path with a Canned answer, recording what it received."""

    answers: dict[str, Canned]
    received: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""
    sent: int = 0  # body bytes of `chunks` answers written before the client hung up
    clock: float = 0.0  # advanced by `chunks` generators that stand for a slow server


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Canned]], Host]]:
    """Start hosts on 127.0.0.1 for the test; each is stopped (and stalled answers released) afterwards."""
    started: list[tuple[ThreadingHTTPServer, Host]] = []

    def start(answers: dict[str, Canned]) -> Host:
        host = Host(answers)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                path = self.path.split("?", 1)[0]
                host.received.append((self.command, path, {k.lower(): v for k, v in self.headers.items()}))
                canned = host.answers.get(path, Canned(404, b'{"code": "NOT_FOUND"}'))
                if canned.status == 0:
                    self.stream(canned)
                    return
                self.send_response(canned.status)
                for name, value in canned.headers.items():
                    self.send_header(name, value)
                if canned.chunks is not None:
                    self.stream(canned)
                    return
                announced = len(canned.body) * 2 if canned.short else len(canned.body)
                self.send_header("Content-Length", str(announced))
                self.end_headers()
                if canned.stall:
                    host.release.wait(30)
                    self.close_connection = True
                    return
                self.wfile.write(canned.body)
                if canned.short:
                    self.close_connection = True

            def stream(self, canned: Canned) -> None:
                assert canned.chunks is not None
                chunked = canned.length is None and canned.status != 0
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                elif canned.status != 0:
                    self.send_header("Content-Length", str(canned.length))
                if canned.status != 0:
                    self.end_headers()
                self.close_connection = True
                try:
                    for chunk in canned.chunks(host):
                        framed = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
                        self.wfile.write(framed)
                        self.wfile.flush()
                        host.sent += len(chunk)
                    if chunked:
                        self.wfile.write(b"0\r\n\r\n")
                except OSError:  # the client hung up: what it read was enough
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                """Quiet: a client hanging up mid-answer is what these tests provoke."""

        server = Server(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        host.url = f"http://127.0.0.1:{server.server_address[1]}"
        started.append((server, host))
        return host

    yield start
    for server, host in started:
        host.release.set()
        server.shutdown()
        server.server_close()


def call_sync(host: Host, call: Callable[[Any], Any], **options: Any) -> WithalloError:
    """Run `call(client)` expecting a WithalloError; checks it came back in bounded time with a short message."""
    started = time.monotonic()
    with (
        WithalloClient(api_key=KEY, base_url=host.url + "/v1/api", timeout=TIMEOUT, **options) as client,
        pytest.raises(WithalloError) as caught,
    ):
        call(client)
    return checked(caught.value, started)


def call_async(host: Host, call: Callable[[Any], Any], **options: Any) -> WithalloError:
    started = time.monotonic()

    async def main() -> None:
        options.setdefault("timeout", TIMEOUT)
        async with AsyncWithalloClient(api_key=KEY, base_url=host.url + "/v1/api", **options) as client:
            await call(client)

    with pytest.raises(WithalloError) as caught:
        asyncio.run(main())
    return checked(caught.value, started)


def checked(error: WithalloError, started: float) -> WithalloError:
    assert time.monotonic() - started < 5 * TIMEOUT, "no hang"
    assert len(str(error)) <= MESSAGE_MAX, str(error)[:1000]
    assert KEY not in str(error)
    return error


def numbers(client: Any) -> Any:
    return client.phone_numbers.list()


def send(client: Any) -> Any:
    return client.sms.send(from_="+14155550123", to="+14155550199", message="hi")


# -- bodies ---------------------------------------------------------------------------------------------------------


def test_a_9_mib_non_json_200_is_an_unexpected_response(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/numbers": Canned(200, b"x" * BIG, {"Content-Type": "application/json"})})
    error = call_sync(host, numbers)
    assert isinstance(error, UnexpectedResponseError)
    assert error.status_code == 200
    assert "not what the API documents" in str(error)


def test_a_9_mib_json_200_of_the_wrong_shape_is_an_unexpected_response(
    serve: Callable[[dict[str, Canned]], Host],
) -> None:
    body = b'{"data": "' + b"x" * BIG + b'"}'
    host = serve({"/v1/api/numbers": Canned(200, body, {"Content-Type": "application/json"})})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert isinstance(error, UnexpectedResponseError)
        assert error.status_code == 200


def test_a_9_mib_error_page_keeps_the_body_out_of_the_message(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(500, b"<html>" + b"x" * BIG, {"Content-Type": "text/html"})})
    error = call_sync(host, send)
    assert isinstance(error, ApiError)
    assert error.status_code == 500
    assert str(error).startswith("HTTP 500 (POST http://127.0.0.1:")
    assert len(error.body) > BIG  # still there for whoever wants it
    assert len(host.received) == 1  # a POST is not retried on 5xx


def test_invalid_utf8_in_a_200_is_an_unexpected_response(serve: Callable[[dict[str, Canned]], Host]) -> None:
    body = b'{"data": [{"number": "+14155550123", "name": "\xff\xfe\xc3("}]}'
    host = serve({"/v1/api/numbers": Canned(200, body, {"Content-Type": "application/json; charset=utf-8"})})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert isinstance(error, UnexpectedResponseError)
        assert error.status_code == 200


def test_invalid_utf8_in_an_error_body_still_maps_the_status(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(400, b'{"code": "BAD_\xff"}', {"Content-Type": "application/json"})})
    error = call_sync(host, send)
    assert isinstance(error, ValidationError)
    assert error.status_code == 400
    assert isinstance(error.body, str)  # kept as text, undecodable bytes replaced


def test_a_200_that_is_not_json_is_an_unexpected_response(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(200, b"<html><body>OK</body></html>", {"Content-Type": "text/html"})})
    error = call_sync(host, send)
    assert isinstance(error, UnexpectedResponseError)
    assert error.status_code == 200
    assert error.body == "<html><body>OK</body></html>"
    assert len(host.received) == 1


def test_a_520_is_an_api_error_after_the_get_retries(
    serve: Callable[[dict[str, Canned]], Host], sleeps: list[float]
) -> None:
    page = b"<html><title>520: Web server is returning an unknown error</title></html>"
    host = serve({"/v1/api/numbers": Canned(520, page, {"Content-Type": "text/html"})})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert type(error) is ApiError
        assert error.status_code == 520
        assert str(error).startswith("HTTP 520 (GET http://127.0.0.1:")
    assert len(host.received) == 6  # 3 attempts each, waits recorded not slept
    assert len(sleeps) == 4


# -- redirects ------------------------------------------------------------------------------------------------------


def test_a_redirect_to_another_host_is_not_followed(serve: Callable[[dict[str, Canned]], Host]) -> None:
    other = serve({})
    host = serve(
        {
            "/v1/api/numbers": Canned(302, b"", {"Location": other.url.replace("127.0.0.1", "localhost") + "/steal"}),
            "/v1/api/sms": Canned(307, b"", {"Location": other.url + "/steal"}),
        }
    )
    for call in (call_sync, call_async):
        for operation in (numbers, send):
            error = call(host, operation)
            assert type(error) is ApiError
            assert error.status_code in (302, 307)
            assert "/steal' not followed" in str(error)  # says what happened, where it pointed
    assert other.received == []
    assert all(headers["authorization"] == KEY for _, _, headers in host.received)


def test_a_redirect_followed_by_the_users_own_client_drops_the_key(serve: Callable[[dict[str, Canned]], Host]) -> None:
    other = serve({"/steal": Canned(401, b'{"code": "API_KEY_INVALID"}')})
    elsewhere = other.url.replace("127.0.0.1", "localhost") + "/steal"
    host = serve({"/v1/api/numbers": Canned(302, b"", {"Location": elsewhere})})
    with httpx.Client(follow_redirects=True, timeout=TIMEOUT) as http:
        error = call_sync(host, numbers, http_client=http)
    assert isinstance(error, AuthenticationError)  # the other host answered: it got no key
    assert error.url == elsewhere
    assert [(m, p) for m, p, _ in other.received] == [("GET", "/steal")]
    assert "authorization" not in other.received[0][2]
    assert KEY not in repr(other.received)


# -- the connection itself ------------------------------------------------------------------------------------------


def test_an_answer_that_stalls_after_its_headers_times_out(
    serve: Callable[[dict[str, Canned]], Host], sleeps: list[float]
) -> None:
    host = serve({"/v1/api/numbers": Canned(200, b"[]", stall=True), "/v1/api/sms": Canned(200, b"{}", stall=True)})
    assert isinstance(call_sync(host, send), ApiTimeoutError)
    assert len(host.received) == 1  # a POST that may have arrived is never sent again
    assert isinstance(call_sync(host, numbers, max_retries=0), ApiTimeoutError)


def test_a_body_cut_short_is_a_connection_error(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(200, b'{"data": {"to_number": "+1', short=True)})
    error = call_sync(host, send)
    assert isinstance(error, ApiConnectionError)
    assert not isinstance(error, ApiTimeoutError)
    assert "POST" in str(error)


# -- size limits: measured by the memory a call takes and the bytes the server got to send ----------------------


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (about a thousandth of that), built without holding `size` bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MIB)
    return b"".join([*(packer.compress(zeros) for _ in range(size // MIB)), packer.flush()])


def peak_memory(action: Callable[[], WithalloError]) -> tuple[WithalloError, int]:
    """What `action` returns, and the peak of memory allocated while it ran (tracemalloc), in bytes."""
    tracemalloc.start()
    try:
        return action(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


GZIP = {"Content-Type": "application/json", "Content-Encoding": "gzip"}


@pytest.mark.parametrize("call", [call_sync, call_async])
def test_a_gzip_bomb_on_a_200_is_refused_at_the_limit_with_bounded_memory(
    serve: Callable[[dict[str, Canned]], Host], call: Callable[..., WithalloError]
) -> None:
    bomb = gzip_bomb(256 * MIB)
    assert len(bomb) < 300 * 1024  # 256 MiB once inflated
    host = serve({"/v1/api/numbers": Canned(200, bomb, GZIP)})
    error, peak = peak_memory(lambda: call(host, numbers))
    assert isinstance(error, ResponseTooLargeError)
    assert error.status_code == 200
    assert error.limit == 10 * MIB  # the default
    assert "larger than max_response_bytes=10485760" in str(error)
    assert peak < 32 * MIB, f"peak {peak / MIB:.0f} MiB"  # was 256 MiB inflated, plus copies
    assert len(host.received) == 1  # not retried: the same answer would come again


def test_a_gzip_bomb_on_a_500_is_refused_at_the_limit_not_kept_in_the_error(
    serve: Callable[[dict[str, Canned]], Host],
) -> None:
    host = serve({"/v1/api/numbers": Canned(500, gzip_bomb(256 * MIB), GZIP)})
    error, peak = peak_memory(lambda: call_sync(host, numbers, max_response_bytes=MIB))
    assert isinstance(error, ResponseTooLargeError)
    assert error.status_code == 500
    assert error.limit == MIB
    assert error.body is None
    assert str(error).startswith("HTTP 500 (GET http://127.0.0.1:")
    assert peak < 16 * MIB, f"peak {peak / MIB:.0f} MiB"  # was len(error.body) == 256 MiB
    assert len(host.received) == 1


@pytest.mark.parametrize("call", [call_sync, call_async])
def test_an_endless_chunked_body_is_cut_off_at_the_limit(
    serve: Callable[[dict[str, Canned]], Host], call: Callable[..., WithalloError]
) -> None:
    def endless(host: Host) -> Iterator[bytes]:
        piece = b"x" * (64 * 1024)
        for _ in range(4096):  # 256 MiB, if the client kept reading
            yield piece

    host = serve({"/v1/api/numbers": Canned(200, chunks=endless, headers={"Content-Type": "application/json"})})
    error, peak = peak_memory(lambda: call(host, numbers, max_response_bytes=2 * MIB))
    assert isinstance(error, ResponseTooLargeError)
    assert peak < 16 * MIB, f"peak {peak / MIB:.0f} MiB"
    assert host.sent < 32 * MIB  # the client hung up (socket buffers hold a few MiB more than it read)


def test_a_content_length_over_the_limit_is_refused_before_the_body_is_read(
    serve: Callable[[dict[str, Canned]], Host],
) -> None:
    def slowly(host: Host) -> Iterator[bytes]:
        yield b"{"
        host.release.wait(30)  # never more: the client must not wait for the 8 GB it was promised

    host = serve({"/v1/api/numbers": Canned(200, chunks=slowly, length=8 * 1024**3)})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert isinstance(error, ResponseTooLargeError)
        assert "Content-Length 8589934592" in str(error)


def test_the_limit_is_configurable_and_inclusive(serve: Callable[[dict[str, Canned]], Host]) -> None:
    exactly = b'{"data": []}'.ljust(1000)
    host = serve(
        {
            "/v1/api/numbers": Canned(200, exactly, {"Content-Type": "application/json"}),
            "/v1/api/sms": Canned(200, exactly + b" ", {"Content-Type": "application/json"}),
        }
    )
    with WithalloClient(api_key=KEY, base_url=host.url + "/v1/api", max_response_bytes=1000) as client:
        assert client.phone_numbers.list() == []
    error = call_sync(host, send, max_response_bytes=1000)
    assert isinstance(error, ResponseTooLargeError)
    assert error.limit == 1000


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "10"])
def test_an_invalid_max_response_bytes_is_refused(value: Any) -> None:
    for make in (WithalloClient, AsyncWithalloClient):
        with pytest.raises(InvalidParameterError, match="max_response_bytes"):
            make(api_key=KEY, max_response_bytes=value)


# -- the call's deadline: a dripping server, on a clock it advances ---------------------------------------------


def drip(host: Host) -> Iterator[bytes]:
    """A body sent a byte at a time, each byte standing for a second on the client's clock (`host.clock`)."""
    for _ in range(1000):
        time.sleep(0.002)  # a real pause too, so that bytes arrive one by one
        host.clock += 1.0
        yield b" "


@pytest.mark.parametrize("call", [call_sync, call_async])
def test_a_server_dripping_its_body_cannot_hold_a_call_past_its_deadline(
    serve: Callable[[dict[str, Canned]], Host], monkeypatch: pytest.MonkeyPatch, call: Callable[..., WithalloError]
) -> None:
    host = serve({"/v1/api/sms": Canned(200, chunks=drip, headers={"Content-Type": "application/json"})})
    monkeypatch.setattr(_limits, "monotonic", lambda: host.clock)
    error = call(host, send, deadline=30)
    assert isinstance(error, ApiTimeoutError)
    assert "deadline of 30 s passed" in str(error)
    assert "it may have reached the server" in str(error)
    assert host.sent < 1000  # the call ended before the server was done
    assert len(host.received) == 1


def test_dripped_headers_cannot_hold_an_async_call_past_its_deadline(
    serve: Callable[[dict[str, Canned]], Host],
) -> None:
    # The async sender runs each attempt in a cancel scope (the sync client: tests/reliability/test_sync_deadline.py).
    def dripped_headers(host: Host) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nX-Drip: "
        for _ in range(200):  # 10 s if nothing stopped it; each byte well within the 5 s read timeout
            if host.release.wait(0.05):
                return
            yield b"a"

    host = serve({"/v1/api/numbers": Canned(0, chunks=dripped_headers)})
    error = call_async(host, numbers, deadline=0.3, timeout=5.0)
    assert isinstance(error, ApiTimeoutError)
    assert "deadline of 0.3 s passed" in str(error)
    assert host.sent < 200 * 0.9


def test_a_retry_that_would_outlast_the_deadline_is_not_made(
    serve: Callable[[dict[str, Canned]], Host], sleeps: list[float]
) -> None:
    unavailable = Canned(503, b'{"code": "UNAVAILABLE"}', {"Retry-After": "20"})
    host = serve({"/v1/api/numbers": unavailable})
    error = call_sync(host, numbers, deadline=15)
    assert isinstance(error, ApiError)
    assert error.status_code == 503
    assert (len(host.received), sleeps) == (1, [])  # a 20 s wait would end past the deadline: raised at once
    call_sync(host, numbers, deadline=None)
    assert (len(host.received), sleeps) == (4, [20, 20])


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), "5", True])
def test_an_invalid_deadline_is_refused(value: Any) -> None:
    for make in (WithalloClient, AsyncWithalloClient):
        with pytest.raises(InvalidParameterError, match="deadline"):
            make(api_key=KEY, deadline=value)


# -- nothing but WithalloError ----------------------------------------------------------------------------------

NESTED = b"[" * 100_000 + b"]" * 100_000


def test_a_deeply_nested_json_error_body_is_kept_as_text(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(500, NESTED, {"Content-Type": "application/json"})})
    for call in (call_sync, call_async):
        error = call(host, send)
        assert type(error) is ApiError
        assert error.status_code == 500
        assert error.body == NESTED.decode()  # was RecursionError


def test_a_deeply_nested_json_200_is_an_unexpected_response(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/numbers": Canned(200, NESTED, {"Content-Type": "application/json"})})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert isinstance(error, UnexpectedResponseError)  # was RecursionError
        assert error.status_code == 200


def test_an_astronomical_retry_after_seconds_is_ignored_and_the_retry_backs_off(
    serve: Callable[[dict[str, Canned]], Host], sleeps: list[float]
) -> None:
    body = b'{"error": {"code": "RATE_LIMITED", "retry_after_seconds": 1%s}}' % (b"0" * 400)
    host = serve({"/v1/api/sms": Canned(429, body, {"Content-Type": "application/json"})})
    for call in (call_sync, call_async):
        error = call(host, send)
        assert isinstance(error, RateLimitError)  # was OverflowError, raised on the first answer
        assert error.retry_after is None
    assert len(host.received) == 6  # 3 attempts each: a 429 is retried, even for a POST
    assert len(sleeps) == 4
    assert all(0 < wait <= 1.0 for wait in sleeps)  # the first backoffs, not 10**400 s


# -- what the server says, in messages and logs -----------------------------------------------------------------


def test_a_servers_text_is_bounded_and_cannot_forge_log_lines(
    serve: Callable[[dict[str, Canned]], Host], caplog: pytest.LogCaptureFixture
) -> None:
    flood = json.dumps({"message": "x" * 5_000_000}).encode()
    forged = json.dumps({"code": "BAD\nWARNING withallo: all good", "request_id": "r\r\n1"}).encode()
    host = serve({"/v1/api/sms": Canned(400, flood), "/v1/api/numbers": Canned(503, forged)})
    with caplog.at_level(logging.DEBUG, logger="withallo"):
        flooded = call_sync(host, send)  # checks the message is short (was 5,000,093 characters)
        error = call_sync(host, numbers)
    assert isinstance(flooded, ValidationError)
    assert "more chars]" in str(flooded)
    assert len(flooded.body["message"]) == 5_000_000  # all of it still in .body
    assert isinstance(error, ApiError)
    assert str(error).endswith(": BAD\\x0aWARNING withallo: all good [request_id=r\\x0d\\x0a1]")
    assert error.body["code"] == "BAD\nWARNING withallo: all good"
    lines = [record.getMessage() for record in caplog.records] + [str(flooded), str(error)]
    assert all("\n" not in line and "\r" not in line for line in lines)
