"""Each transport failure says whether the request may have reached the server, and which request it was."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from withallo_ext.errors import ApiConnectionError, ApiTimeoutError

from .helpers import ALLO, BASE, CONTACT, Runner, body_of

NOT_SENT = "it may have reached the server, so it was not sent again"

# (the httpx failure, the exception class the caller gets, whether the request may have reached the server)
FAILURES = [
    (httpx.ConnectError("refused"), ApiConnectionError, False),
    (httpx.ConnectTimeout("no route"), ApiTimeoutError, False),
    (httpx.PoolTimeout("pool full"), ApiTimeoutError, False),
    (httpx.ReadTimeout("slow"), ApiTimeoutError, True),
    (httpx.WriteTimeout("slow upload"), ApiTimeoutError, True),
    (httpx.ReadError("reset by peer"), ApiConnectionError, True),
    (httpx.WriteError("broken pipe"), ApiConnectionError, True),
    (httpx.RemoteProtocolError("server disconnected without sending a response"), ApiConnectionError, True),
    (httpx.LocalProtocolError("illegal header value"), ApiConnectionError, True),
]
IDS = [type(failure).__name__ for failure, _, _ in FAILURES]


def caught(run: Runner, scenario: Any, expected: type[ApiConnectionError]) -> ApiConnectionError:
    with pytest.raises(ApiConnectionError) as info:
        run(scenario)
    assert type(info.value) is expected
    return info.value


@pytest.mark.parametrize(("failure", "expected", "maybe_sent"), FAILURES, ids=IDS)
def test_a_post_says_whether_the_sms_may_have_gone_out(
    api: respx.MockRouter,
    run: Runner,
    sleeps: list[float],
    failure: httpx.TransportError,
    expected: type[ApiConnectionError],
    maybe_sent: bool,
) -> None:
    route = api.post("/sms").mock(side_effect=failure)
    error = caught(run, lambda c: c.sms.send(from_=ALLO, to=CONTACT, message="Hi"), expected)
    assert error.may_have_been_sent is maybe_sent
    assert (error.method, error.url) == ("POST", f"{BASE}/sms")
    assert str(error).startswith(f"POST {BASE}/sms: ")
    assert type(failure).__name__ in str(error)
    assert (NOT_SENT in str(error)) is maybe_sent
    # On the wire: sent once when it may have arrived; retried (2 more times) only when it surely did not.
    assert route.call_count == (1 if maybe_sent else 3)
    assert len(sleeps) == route.call_count - 1
    assert all(body_of(call.request) == {"from": ALLO, "to": CONTACT, "message": "Hi"} for call in route.calls)


@pytest.mark.parametrize(("failure", "expected", "maybe_sent"), FAILURES, ids=IDS)
def test_a_get_says_whether_it_may_have_reached_the_server(
    api: respx.MockRouter,
    run: Runner,
    sleeps: list[float],
    failure: httpx.TransportError,
    expected: type[ApiConnectionError],
    maybe_sent: bool,
) -> None:
    route = api.get("/contacts").mock(side_effect=failure)
    error = caught(run, lambda c: c.contacts.search(page=2, size=5), expected)
    assert error.may_have_been_sent is maybe_sent
    assert (error.method, error.url) == ("GET", f"{BASE}/contacts")  # no query in the attribute or the message
    assert str(error).startswith(f"GET {BASE}/contacts: ")
    assert "page=" not in str(error)
    assert NOT_SENT not in str(error)  # a GET is retried: it was sent again, harmlessly
    retried = not isinstance(failure, httpx.LocalProtocolError)  # what a GET is retried on: network and timeouts
    assert route.call_count == (3 if retried else 1)
    assert route.calls[0].request.url.params == httpx.QueryParams({"page": "2", "size": "5"})


def test_a_connection_error_made_by_hand_assumes_the_worst() -> None:
    error = ApiConnectionError("no answer")
    assert (error.may_have_been_sent, error.method, error.url, str(error)) == (True, None, None, "no answer")
