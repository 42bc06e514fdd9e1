"""Fault injection: what the client sees, whether the request was applied, and what was recorded."""

from __future__ import annotations

import threading

import httpx
import pytest

from withallo_ext.testing import FakeAllo, Fault

SMS = {"from": "+14155550123", "to": "+14155550199", "message": "Hello"}


def _sent(fake: FakeAllo) -> int:
    """How many texts went to +14155550199 (the SMS body above)."""
    return sum(1 for m in fake.account.messages if m["to_number"] == SMS["to"])


def test_rate_limit_answers_429_with_retry_after_then_recovers(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(2, "rate_limit", retry_after=12)
    for _ in range(2):
        response = api.get("/numbers")
        assert response.status_code == 429
        assert response.headers["retry-after"] == "12"
        assert response.json() == {"code": "RATE_LIMITED"}
    assert api.get("/numbers").status_code == 200
    assert [(r.status, r.fault) for r in fake_allo.requests] == [(429, "rate_limit"), (429, "rate_limit"), (200, None)]


def test_rate_limit_with_an_http_date_no_header_or_a_quota_body(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, Fault.RATE_LIMIT, retry_after="Wed, 26 Nov 2026 10:00:00 GMT")
    fake_allo.fail_next(1, Fault.RATE_LIMIT, retry_after=None)
    quota = {"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message": "limit=1000;type=DAILY;reset_in=3600"}]}
    fake_allo.fail_next(1, Fault.RATE_LIMIT, body=quota)
    assert api.get("/numbers").headers["retry-after"] == "Wed, 26 Nov 2026 10:00:00 GMT"
    assert "retry-after" not in api.get("/numbers").headers
    assert api.get("/numbers").json() == quota


def test_server_errors_default_to_503_maintenance_and_take_any_5xx(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "server_error")
    fake_allo.fail_next(1, "server_error", status=520)
    first = api.get("/numbers")
    assert (first.status_code, first.json()) == (503, {"message": "maintenance"})
    second = api.get("/numbers")
    assert (second.status_code, second.json()) == (520, {"message": "internal server error"})


def test_html_error_page_from_a_proxy(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "html_error")
    response = api.get("/numbers")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>502 Bad Gateway</h1>" in response.text


def test_faults_match_method_and_path_glob_and_leave_others_alone(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "server_error", method="get", path="/contact/*")
    assert api.post("/sms", json=SMS).status_code == 200
    assert api.get("/contacts").status_code == 200
    assert api.get("/contact/cnt_x").status_code == 503
    assert api.get("/contact/cnt_x").status_code == 404  # used up


def test_injected_error_is_not_applied(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "rate_limit", method="POST", path="/sms")
    assert api.post("/sms", json=SMS).status_code == 429
    assert _sent(fake_allo) == 0
    assert fake_allo.last_request.json == SMS


def test_in_process_timeout_applies_the_request_then_raises_read_timeout(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "timeout", path="/sms")
    with fake_allo.http_client() as api, pytest.raises(httpx.ReadTimeout):
        api.post("/sms", json=SMS)
    assert _sent(fake_allo) == 1  # the server did it; the client never heard back
    assert (fake_allo.last_request.status, fake_allo.last_request.fault) == (None, "timeout")


def test_in_process_disconnect_raises_connect_error_and_applies_nothing(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "disconnect")
    with fake_allo.http_client() as api, pytest.raises(httpx.ConnectError):
        api.post("/sms", json=SMS)
    assert _sent(fake_allo) == 0
    assert fake_allo.last_request.fault == "disconnect"


@pytest.mark.anyio
async def test_faults_reach_async_clients_too(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "timeout")
    fake_allo.fail_next(1, "rate_limit")
    async with fake_allo.async_http_client() as api:
        with pytest.raises(httpx.ReadTimeout):
            await api.get("/numbers")
        assert (await api.get("/numbers")).status_code == 429
        assert (await api.get("/numbers")).status_code == 200


def test_over_a_socket_a_timeout_holds_the_answer_past_the_clients_timeout(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "timeout", path="/sms", delay=5)
    with fake_allo.serve() as server, httpx.Client(base_url=server.base_url, timeout=0.3) as api:
        with pytest.raises(httpx.ReadTimeout):
            api.post("/sms", json=SMS, headers={"Authorization": server.api_key})
        assert _sent(fake_allo) == 1
    # leaving the block stopped the server and released the held answer


def test_over_a_socket_a_held_answer_ends_when_the_client_hangs_up(fake_allo: FakeAllo) -> None:
    """The client's timeout, not the fault's delay, ends the wait: the server is free again at once."""
    lines: list[str] = []
    hung_up = threading.Event()

    def log(line: str) -> None:
        lines.append(line)
        if line.endswith("hung up"):
            hung_up.set()

    fake_allo.fail_next(1, "timeout", path="/sms", delay=600)
    with fake_allo.serve(log=log) as server, httpx.Client(base_url=server.base_url, timeout=10) as api:
        with pytest.raises(httpx.ReadTimeout):
            api.post("/sms", json=SMS, headers={"Authorization": server.api_key}, timeout=0.3)
        assert hung_up.wait(60), lines  # long before the 600 s delay
        assert api.get("/numbers", headers={"Authorization": server.api_key}).status_code == 200
    assert lines == ["POST /v1/api/sms -> held until the client hung up", "GET /v1/api/numbers -> 200"]
    assert _sent(fake_allo) == 1


def test_next_fault_says_which_queued_fault_a_request_would_get_without_using_it(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "timeout", method="POST", path="/sms")
    fake_allo.fail_next(2, "rate_limit", path="/contact/*")
    post_sms = httpx.Request("POST", fake_allo.base_url + "/sms?x=1")
    assert fake_allo.next_fault(post_sms) is Fault.TIMEOUT
    assert fake_allo.next_fault(post_sms) is Fault.TIMEOUT  # still queued
    assert fake_allo.next_fault(httpx.Request("GET", fake_allo.base_url + "/sms")) is None
    assert fake_allo.next_fault(httpx.Request("GET", fake_allo.base_url + "/contact/cnt_1")) is Fault.RATE_LIMIT
    assert fake_allo.next_fault(httpx.Request("GET", fake_allo.base_url + "/numbers")) is None
    with fake_allo.http_client() as api, pytest.raises(httpx.ReadTimeout):
        api.post("/sms", json=SMS)
    assert fake_allo.next_fault(post_sms) is None  # used up by the request


def test_over_a_socket_a_disconnect_closes_the_connection_unanswered(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "disconnect", method="POST")
    with fake_allo.serve() as server, httpx.Client(base_url=server.base_url) as api:
        with pytest.raises(httpx.RemoteProtocolError):
            api.post("/sms", json=SMS, headers={"Authorization": server.api_key})
        assert _sent(fake_allo) == 0
        assert api.post("/sms", json=SMS, headers={"Authorization": server.api_key}).status_code == 200


def test_clear_faults(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(3, "server_error")
    fake_allo.clear_faults()
    assert api.get("/numbers").status_code == 200


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((1, "explode"), {}, "kind: unknown fault 'explode'"),
        ((0, "timeout"), {}, "count: must be at least 1"),
        ((1, "timeout"), {"path": "sms"}, "path: must start with '/'"),
        ((1, "server_error"), {"status": 404}, "status: a server_error fault needs a 5xx status"),
        ((1, "rate_limit"), {"status": 503}, "status: a rate_limit fault answers 429"),
        ((1, "timeout"), {"delay": -1}, "delay: must be >= 0"),
    ],
)
def test_fail_next_rejects_bad_arguments(args: tuple[int, str], kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FakeAllo().fail_next(*args, **kwargs)  # type: ignore[arg-type]
