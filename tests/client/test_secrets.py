"""The API key never shows up in a repr, an exception's text, or a log line (at any level, from any logger)."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import ApiConnectionError, AuthenticationError, InvalidParameterError, WithalloError
from withallo_ext.testing import FakeAllo

from .helpers import ALLO, CONTACT, KEY, Runner


def exception_text(error: BaseException) -> str:
    """Everything a traceback or a log of the exception could print: str, repr, args and the chained causes."""
    return "".join(traceback.format_exception(error)) + repr(error) + repr(error.args) + repr(vars(error))


@pytest.mark.parametrize("cls", [WithalloClient, AsyncWithalloClient])
def test_not_in_the_reprs(cls: Any) -> None:
    client = cls(KEY)
    texts = [repr(client), str(client), repr(vars(client)), repr(client.webhooks), repr(client.sms._client)]
    assert not [text for text in texts if KEY in text]


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(401, json={"code": "API_KEY_INVALID", "details": None}),
        httpx.Response(403, json={"code": "API_KEY_INSUFFICIENT_SCOPE", "details": [{"message": "required=SMS_SEND"}]}),
        httpx.Response(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "3600"}),
        httpx.Response(502, text="<html>Bad gateway</html>"),
        httpx.Response(200, text="garbage"),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        # what h11 raises on an illegal header value: it quotes the value
        httpx.LocalProtocolError(f"Illegal header value {KEY.encode()!r}"),
    ],
)
def test_not_in_exceptions_nor_in_debug_logs(
    api: respx.MockRouter, run: Runner, caplog: pytest.LogCaptureFixture, answer: Any
) -> None:
    route = api.post("/sms")
    if isinstance(answer, Exception):
        route.mock(side_effect=answer)
    else:
        route.mock(return_value=answer)
    with caplog.at_level(logging.DEBUG), pytest.raises(WithalloError) as info:
        run(lambda c: c.sms.send(from_=ALLO, to=CONTACT, message="Hi"))
    assert route.calls.last.request.headers["Authorization"] == KEY  # it was sent...
    assert KEY not in exception_text(info.value)  # ...and is nowhere else
    assert any(r.name == "withallo" for r in caplog.records)
    assert KEY not in caplog.text
    assert all(KEY not in r.getMessage() for r in caplog.records)


def test_not_in_retry_logs(api: respx.MockRouter, run: Runner, caplog: pytest.LogCaptureFixture) -> None:
    route = api.get("/numbers")
    route.side_effect = [httpx.Response(503), httpx.ConnectError("x"), httpx.Response(200, json={"data": []})]
    with caplog.at_level(logging.DEBUG):
        run(lambda c: c.phone_numbers.list())
    assert len([r for r in caplog.records if r.name == "withallo" and r.levelno == logging.INFO]) == 2
    assert KEY not in caplog.text


def test_not_in_the_error_for_a_bad_key() -> None:
    bad_key = "sk_live_SECRET\r\n"
    with pytest.raises(InvalidParameterError) as info:
        WithalloClient(bad_key)
    assert "sk_live_SECRET" not in exception_text(info.value)


@pytest.mark.parametrize(
    "bad_key",
    [
        " sk_live_SECRET",  # a stray space from a copy-paste: h11 would refuse it quoting the header
        "sk_live_SECRET ",
        "sk_live SECRET",
        "sk_live_SECRÉT",  # not ASCII
        "sk_live_SECRET\u00a0",  # no-break space
        "sk_live_SECRET\t",
    ],
)
@pytest.mark.parametrize("cls", [WithalloClient, AsyncWithalloClient])
def test_keys_that_are_not_visible_ascii_are_rejected_without_quoting_them(cls: Any, bad_key: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        cls(bad_key)
    assert info.value.field == "api_key"
    assert "SECRET" not in exception_text(info.value)


SOCKET_KEY = "sk_live_SOCKETSECRET_77f1"


def records_text(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record: message, raw args and any attached exception, as a handler could print them."""
    return caplog.text + "".join(repr(r.args) + r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", ["ok", "401", "dropped", "refused"])
def test_not_on_a_real_socket_from_any_logger(caplog: pytest.LogCaptureFixture, mode: str, case: str) -> None:
    """Over 127.0.0.1, with every logger (root, withallo, httpx, httpcore) at DEBUG: the key is only on the wire."""
    fake = FakeAllo(seed=1, api_key=SOCKET_KEY)
    if case == "401":
        fake.revoke_key(SOCKET_KEY)
    if case == "dropped":
        fake.fail_next(5, "disconnect")
    error: BaseException | None = None
    with caplog.at_level(logging.DEBUG), fake.serve() as server:
        base_url = server.base_url
        if case == "refused":
            server.stop()
        try:
            Runner(mode)(lambda c: c.phone_numbers.list(), api_key=SOCKET_KEY, base_url=base_url)
        except WithalloError as exc:
            error = exc
    expected = {"ok": None, "401": AuthenticationError, "dropped": ApiConnectionError, "refused": ApiConnectionError}
    assert (error is None) if expected[case] is None else isinstance(error, expected[case])  # type: ignore[arg-type]
    if case in ("ok", "401"):
        assert fake.last_request.authorization == "***"  # the key did go over the socket
    assert {"withallo", "httpcore.connection"} <= {r.name for r in caplog.records}  # all loggers were heard
    assert SOCKET_KEY not in records_text(caplog)
    if error is not None:
        assert SOCKET_KEY not in exception_text(error)
