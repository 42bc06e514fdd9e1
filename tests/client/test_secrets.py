"""The API key never shows up in a repr, an exception's text, or a log line (at any level, from any logger)."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import InvalidParameterError, WithalloError

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
