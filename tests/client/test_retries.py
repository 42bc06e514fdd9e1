"""Retries: idempotent calls retry on 429/5xx/timeouts/network errors; a POST only when it surely did not arrive.

The `sleeps` fixture (conftest) records each wait instead of sleeping, so the delays are asserted exactly.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
import random
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import _retry
from withallo_ext.errors import ApiConnectionError, ApiError, ApiTimeoutError, NotFoundError, RateLimitError

from .helpers import ALLO, CONTACT, Runner, contact_json

SENT = {"data": {"to_number": CONTACT, "content": "Hi"}}


def send_sms(c: Any) -> Any:
    return c.sms.send(from_=ALLO, to=CONTACT, message="Hi")


def list_numbers(c: Any) -> Any:
    return c.phone_numbers.list()


def test_get_retried_on_503_then_succeeds(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers")
    route.side_effect = [httpx.Response(503, json={"message": "maintenance"}), httpx.Response(200, json={"data": []})]
    assert run(list_numbers) == []
    assert route.call_count == 2
    assert len(sleeps) == 1
    assert 0.25 <= sleeps[0] <= 0.5  # first backoff: 0.5 s scaled by a 50-100% jitter


def test_backoff_grows_exponentially_with_jitter(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers")
    route.side_effect = [
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(504),
        httpx.Response(200, json={"data": []}),
    ]
    run(list_numbers, max_retries=3)
    assert route.call_count == 4
    assert len(sleeps) == 3
    for slept, (low, high) in zip(sleeps, [(0.25, 0.5), (0.5, 1.0), (1.0, 2.0)], strict=True):
        assert low <= slept <= high


def test_get_retry_honours_a_503_retry_after(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers")
    route.side_effect = [httpx.Response(503, headers={"Retry-After": "7"}), httpx.Response(200, json={"data": []})]
    run(list_numbers)
    assert sleeps == [7.0]


@pytest.mark.parametrize("status", [500, 502, 503, 504, 520])
def test_post_sms_is_not_retried_on_5xx(api: respx.MockRouter, run: Runner, sleeps: list[float], status: int) -> None:
    route = api.post("/sms").respond(status, json={"message": "oops"})
    with pytest.raises(ApiError) as info:
        run(send_sms)
    assert info.value.status_code == status
    assert route.call_count == 1  # exactly one request on the wire: the SMS may have been sent
    assert sleeps == []


def test_post_sms_is_not_retried_on_a_read_timeout(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.post("/sms").mock(side_effect=httpx.ReadTimeout("no answer"))
    with pytest.raises(ApiTimeoutError) as info:
        run(send_sms)
    assert "it may have reached the server, so it was not sent again" in str(info.value)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "scenario",
    [
        lambda c: c.contacts.create(numbers=[CONTACT]),
        lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=["PING"]),
    ],
)
def test_other_posts_are_not_retried_on_5xx_either(api: respx.MockRouter, run: Runner, scenario: Any) -> None:
    route = api.post(url__regex=r".*/(contacts|webhooks)$").respond(503)
    with pytest.raises(ApiError):
        run(scenario)
    assert route.call_count == 1


def test_post_retried_on_429_honouring_retry_after(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.post("/sms")
    route.side_effect = [
        httpx.Response(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "12"}),
        httpx.Response(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "3"}),
        httpx.Response(200, json=SENT),
    ]
    sms = run(send_sms)
    assert sms.content == "Hi"
    assert route.call_count == 3
    assert sleeps == [12.0, 3.0]


def test_post_retried_on_429_with_an_http_date(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30)
    route = api.post("/sms")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": email.utils.format_datetime(when, usegmt=True)}),
        httpx.Response(200, json=SENT),
    ]
    run(send_sms)
    assert route.call_count == 2
    assert len(sleeps) == 1
    assert 25 <= sleeps[0] <= 30


def test_429_without_retry_after_uses_backoff_or_the_v2_body(
    api: respx.MockRouter, run: Runner, sleeps: list[float]
) -> None:
    route = api.post("/sms")
    route.side_effect = [
        httpx.Response(429, json={"code": "RATE_LIMITED"}),
        httpx.Response(429, json={"error": {"code": "RATE_LIMIT_EXCEEDED", "retry_after_seconds": 2}}),
        httpx.Response(200, json=SENT),
    ]
    run(send_sms)
    assert route.call_count == 3
    assert 0.25 <= sleeps[0] <= 0.5
    assert sleeps[1] == 2.0


def test_retry_after_above_the_cap_is_not_waited(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers").respond(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimitError) as info:
        run(list_numbers)
    assert info.value.retry_after == 3600
    assert route.call_count == 1
    assert sleeps == []
    assert _retry.RETRY_AFTER_CAP < 3600


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("no route")])
def test_post_retried_when_it_could_not_connect(
    api: respx.MockRouter, run: Runner, sleeps: list[float], failure: Exception
) -> None:
    route = api.post("/sms")
    route.side_effect = [failure, httpx.Response(200, json=SENT)]
    assert run(send_sms).to_number == CONTACT
    assert route.call_count == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("slow"), httpx.ConnectError("refused"), httpx.RemoteProtocolError("dropped")]
)
def test_get_retried_on_timeouts_and_network_errors(
    api: respx.MockRouter, run: Runner, sleeps: list[float], failure: Exception
) -> None:
    route = api.get("/numbers")
    route.side_effect = [failure, httpx.Response(200, json={"data": []})]
    assert run(list_numbers) == []
    assert route.call_count == 2


def test_put_and_delete_are_retried_on_5xx_and_timeouts(api: respx.MockRouter, run: Runner) -> None:
    put = api.put("/contacts/cnt_1")
    put.side_effect = [httpx.Response(500), httpx.Response(200, json={"data": contact_json(1)})]
    delete = api.delete("/webhooks/web-1")
    delete.side_effect = [httpx.ReadTimeout("slow"), httpx.Response(204)]
    run(lambda c: c.contacts.update("cnt_1", name="Jo"))
    run(lambda c: c.webhooks.delete("web-1"))
    assert (put.call_count, delete.call_count) == (2, 2)


def test_a_delete_answered_404_on_its_first_attempt_raises_not_found(api: respx.MockRouter, run: Runner) -> None:
    route = api.delete("/webhooks/web-1").respond(404, json={"code": "WEBHOOK_NOT_FOUND"})
    with pytest.raises(NotFoundError):
        run(lambda c: c.webhooks.delete("web-1"))
    assert route.call_count == 1


@pytest.mark.parametrize(
    "first",
    [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped"), httpx.Response(502), httpx.Response(500)],
    ids=["read-timeout", "dropped", "502", "500"],
)
def test_a_delete_that_may_have_been_applied_takes_a_404_on_retry_as_done(
    api: respx.MockRouter, run: Runner, sleeps: list[float], caplog: pytest.LogCaptureFixture, first: Any
) -> None:
    route = api.delete("/webhooks/web-1")
    route.side_effect = [first, httpx.Response(404, json={"code": "WEBHOOK_NOT_FOUND"})]
    with caplog.at_level(logging.INFO, logger="withallo"):
        assert run(lambda c: c.webhooks.delete("web-1")) is None
    assert route.call_count == 2  # both attempts on the wire
    assert [call.request.method for call in route.calls] == ["DELETE", "DELETE"]
    assert len(sleeps) == 1
    info = [r.getMessage() for r in caplog.records if r.name == "withallo" and r.levelno == logging.INFO]
    assert info[-1] == (
        "DELETE /v1/api/webhooks/web-1 -> 404 on retry 1: an earlier attempt may have deleted it; taken as done"
    )


@pytest.mark.parametrize(
    "first",
    [httpx.ConnectError("refused"), httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(503)],
    ids=["connect-error", "429", "503"],
)
def test_a_delete_whose_first_attempt_surely_did_nothing_still_raises_not_found(
    api: respx.MockRouter, run: Runner, first: Any
) -> None:
    route = api.delete("/webhooks/web-1")
    route.side_effect = [first, httpx.Response(404, json={"code": "WEBHOOK_NOT_FOUND"})]
    with pytest.raises(NotFoundError):
        run(lambda c: c.webhooks.delete("web-1"))
    assert route.call_count == 2


def test_only_a_delete_takes_a_404_after_a_timeout_as_done(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contact/cnt_1")
    route.side_effect = [httpx.ReadTimeout("slow"), httpx.Response(404, json={"code": "CONTACT_NOT_FOUND"})]
    with pytest.raises(NotFoundError):
        run(lambda c: c.contacts.get("cnt_1"))
    assert route.call_count == 2


def test_exhausted_retries_raise_the_last_error(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers")
    route.side_effect = [
        httpx.Response(503, json={"message": "first"}),
        httpx.Response(502, json={"message": "second"}),
        httpx.Response(500, json={"message": "third"}),
    ]
    with pytest.raises(ApiError) as info:
        run(list_numbers)
    assert (info.value.status_code, info.value.message) == (500, "third")
    assert route.call_count == 3  # max_retries=2: the first attempt and two retries
    assert len(sleeps) == 2


def test_exhausted_retries_on_connection_errors(api: respx.MockRouter, run: Runner) -> None:
    route = api.post("/sms").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(ApiConnectionError) as info:
        run(send_sms, max_retries=1)
    assert type(info.value) is ApiConnectionError
    assert route.call_count == 2


def test_max_retries_zero_disables_retries(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers").respond(503)
    with pytest.raises(ApiError):
        run(list_numbers, max_retries=0)
    assert route.call_count == 1
    assert sleeps == []


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_never_retried(api: respx.MockRouter, run: Runner, status: int) -> None:
    route = api.get("/numbers").respond(status, json={"code": "X"})
    with pytest.raises(ApiError):
        run(list_numbers)
    assert route.call_count == 1


def test_each_request_is_logged_at_debug_and_each_retry_at_info(
    api: respx.MockRouter, run: Runner, caplog: pytest.LogCaptureFixture
) -> None:
    route = api.get("/numbers")
    route.side_effect = [httpx.Response(503), httpx.Response(200, json={"data": []})]
    with caplog.at_level(logging.DEBUG, logger="withallo"):
        run(list_numbers)
    records = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "withallo"]
    assert [level for level, _ in records] == ["DEBUG", "INFO", "DEBUG"]
    assert records[0][1].startswith("GET /v1/api/numbers -> 503 (attempt 1, ")
    assert records[0][1].endswith(" ms)")
    assert records[1][1].startswith("Retrying GET /v1/api/numbers in ")
    assert records[1][1].endswith("after HTTP 503 (retry 1 of 2)")
    assert records[2][1].startswith("GET /v1/api/numbers -> 200 (attempt 2, ")


def test_policy_decisions() -> None:
    """The pure policy, without HTTP: which method and failure may be retried, and for how long."""
    policy = _retry.RetryPolicy(max_retries=2)
    headers = httpx.Headers()
    for method in ("GET", "PUT", "DELETE"):
        assert policy.after_exception(method, httpx.ReadTimeout("x"), 0) is not None
        assert policy.after_error(method, ApiError("x", status_code=500), headers, 0) is not None
    assert policy.after_exception("POST", httpx.ReadTimeout("x"), 0) is None
    assert policy.after_exception("POST", httpx.WriteTimeout("x"), 0) is None
    assert policy.after_exception("POST", httpx.RemoteProtocolError("x"), 0) is None
    assert policy.after_exception("POST", httpx.PoolTimeout("x"), 0) is not None  # no connection was taken
    assert policy.after_error("POST", ApiError("x", status_code=503), headers, 0) is None
    assert policy.after_error("POST", RateLimitError("x", status_code=429, retry_after=5), headers, 0) == 5.0
    assert policy.after_error("POST", RateLimitError("x", status_code=429, retry_after=61), headers, 0) is None
    assert policy.after_error("GET", ApiError("x", status_code=500), headers, 2) is None  # exhausted


def test_each_backoff_is_the_ceiling_times_a_random_half_to_full(
    api: respx.MockRouter, run: Runner, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[float, float]] = []
    factors = iter([0.5, 1.0, 0.75])

    def uniform(low: float, high: float) -> float:
        drawn.append((low, high))
        return next(factors)

    monkeypatch.setattr(random, "uniform", uniform)  # the module function _retry.backoff calls
    api.get("/numbers").side_effect = [httpx.Response(500)] * 3 + [httpx.Response(200, json={"data": []})]
    run(list_numbers, max_retries=3)
    assert drawn == [(0.5, 1.0)] * 3
    assert sleeps == [0.5 * 0.5, 1.0 * 1.0, 2.0 * 0.75]  # ceilings 0.5, 1, 2 s


@pytest.mark.parametrize(("retry_number", "ceiling"), [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (12, 8.0)])
def test_backoff_draws_spread_within_half_and_full_ceiling(
    monkeypatch: pytest.MonkeyPatch, retry_number: int, ceiling: float
) -> None:
    monkeypatch.setattr(_retry, "random", random.Random(20240115))  # seeded: the same draws on every run
    draws = [_retry.backoff(retry_number) for _ in range(200)]
    assert all(0.5 * ceiling <= delay <= ceiling for delay in draws)
    assert min(draws) < 0.6 * ceiling  # jittered across the range, not a fixed delay
    assert max(draws) > 0.9 * ceiling
