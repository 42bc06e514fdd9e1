"""Hostile responses from a small local server: huge bodies, invalid UTF-8, non-JSON 200s, a 520, redirects to
another host, a stalled or truncated answer. Each gives a clear WithalloError (short message naming the status or
the problem) in bounded time, and a redirect never carries the key to the other host.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    UnexpectedResponseError,
    ValidationError,
    WithalloError,
)

KEY = "sk_live_hostile_Wz4Rb7Yq2Mn"
TIMEOUT = 1.0  # seconds: every call here must end well within a few of these
TEN_MB = 10 * 1024 * 1024
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


@dataclass
class Host:
    """A local HTTP server answering each path with a Canned answer, recording what it received."""

    answers: dict[str, Canned]
    received: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""


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
                self.send_response(canned.status)
                for name, value in canned.headers.items():
                    self.send_header(name, value)
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

            do_GET = do_POST = do_PUT = do_DELETE = answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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


def call_async(host: Host, call: Callable[[Any], Any]) -> WithalloError:
    started = time.monotonic()

    async def main() -> None:
        async with AsyncWithalloClient(api_key=KEY, base_url=host.url + "/v1/api", timeout=TIMEOUT) as client:
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


def test_a_10_mb_non_json_200_is_an_unexpected_response(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/numbers": Canned(200, b"x" * TEN_MB, {"Content-Type": "application/json"})})
    error = call_sync(host, numbers)
    assert isinstance(error, UnexpectedResponseError)
    assert error.status_code == 200
    assert "not what the API documents" in str(error)


def test_a_10_mb_json_200_of_the_wrong_shape_is_an_unexpected_response(
    serve: Callable[[dict[str, Canned]], Host],
) -> None:
    body = b'{"data": "' + b"x" * TEN_MB + b'"}'
    host = serve({"/v1/api/numbers": Canned(200, body, {"Content-Type": "application/json"})})
    for call in (call_sync, call_async):
        error = call(host, numbers)
        assert isinstance(error, UnexpectedResponseError)
        assert error.status_code == 200


def test_a_10_mb_error_page_keeps_the_body_out_of_the_message(serve: Callable[[dict[str, Canned]], Host]) -> None:
    host = serve({"/v1/api/sms": Canned(500, b"<html>" + b"x" * TEN_MB, {"Content-Type": "text/html"})})
    error = call_sync(host, send)
    assert isinstance(error, ApiError)
    assert error.status_code == 500
    assert str(error).startswith("HTTP 500 (POST http://127.0.0.1:")
    assert len(error.body) > TEN_MB  # still there for whoever wants it
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
