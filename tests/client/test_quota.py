"""A spent key quota (429 API_KEY_QUOTA_EXCEEDED): never retried, read into RateLimitError.quota_*/retry_after,
and it stops send_many, whose unsent messages say so. The per-second 429 RATE_LIMITED keeps being retried."""

from __future__ import annotations

import datetime
import pickle
from collections import Counter
from typing import Any

import httpx
import pytest
import respx

from withallo_ext._error_map import api_error
from withallo_ext._quota import Quota, read_quota
from withallo_ext.errors import RateLimitError
from withallo_ext.testing import FakeAllo

from .helpers import ALLO, BASE, CONTACT, Runner

QUOTA = {"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message": "limit=1000;type=DAILY;reset_in=43200"}]}
SENT = {"data": {"to_number": CONTACT, "content": "Hi"}}


def send_sms(c: Any) -> Any:
    return c.sms.send(from_=ALLO, to=CONTACT, message="Hi")


def parts(error: RateLimitError) -> tuple[Any, ...]:
    return (error.quota_exceeded, error.quota_limit, error.quota_type, error.retry_after)


def quota_error(body: Any, headers: dict[str, str] | None = None) -> RateLimitError:
    request = httpx.Request("POST", f"{BASE}/sms")
    error = api_error(httpx.Response(429, json=body, headers=headers, request=request))
    assert isinstance(error, RateLimitError)
    return error


def test_a_quota_429_is_sent_once_and_says_when_it_resets(
    api: respx.MockRouter, run: Runner, sleeps: list[float]
) -> None:
    route = api.post("/sms").respond(429, json=QUOTA)
    with pytest.raises(RateLimitError) as info:
        run(send_sms)
    assert route.call_count == 1  # no retry: a second or two never cures a daily quota
    assert sleeps == []
    error = info.value
    assert (error.quota_exceeded, error.quota_limit, error.quota_type, error.retry_after) == (
        True,
        1000,
        "DAILY",
        43200,
    )
    assert (error.error_code, error.details) == ("API_KEY_QUOTA_EXCEEDED", QUOTA["details"])
    assert error.message == (
        "API_KEY_QUOTA_EXCEEDED: the API key's DAILY quota (limit 1000) is spent; it resets in 43200 s (12 h 0 min)"
    )
    assert str(error) == f"HTTP 429 (POST {BASE}/sms): {error.message}"


def test_a_quota_429_on_a_get_is_not_retried_either(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.get("/numbers").respond(429, json=QUOTA, headers={"Retry-After": "5"})
    with pytest.raises(RateLimitError) as info:
        run(lambda c: c.phone_numbers.list(), max_retries=5)
    assert route.call_count == 1
    assert sleeps == []
    assert (info.value.quota_exceeded, info.value.retry_after) == (True, 5)  # the header wins over reset_in
    assert info.value.message.endswith("it resets in 5 s (0 h 0 min)")


def test_a_quota_429_without_reset_in_is_not_retried(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.post("/sms").respond(429, json={"code": "API_KEY_QUOTA_EXCEEDED"})
    with pytest.raises(RateLimitError) as info:
        run(send_sms)
    assert route.call_count == 1  # no wait to go by, yet no backoff-and-retry either
    assert sleeps == []
    assert parts(info.value) == (True, None, None, None)
    assert (
        info.value.message
        == "API_KEY_QUOTA_EXCEEDED: the API key's quota is spent; the server did not say when it resets"
    )


def test_rate_limited_429_is_still_retried(api: respx.MockRouter, run: Runner, sleeps: list[float]) -> None:
    route = api.post("/sms")
    route.side_effect = [
        httpx.Response(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "1"}),
        httpx.Response(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "2"}),
        httpx.Response(200, json=SENT),
    ]
    assert run(send_sms).content == "Hi"
    assert route.call_count == 3
    assert sleeps == [1.0, 2.0]


def test_rate_limited_429_is_not_a_quota(api: respx.MockRouter, run: Runner) -> None:
    api.post("/sms").respond(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "12"})
    with pytest.raises(RateLimitError) as info:
        run(send_sms, max_retries=0)
    assert (info.value.quota_exceeded, info.value.quota_limit, info.value.quota_type) == (False, None, None)
    assert (info.value.message, info.value.retry_after) == ("RATE_LIMITED", 12)


def test_a_quota_error_survives_pickling() -> None:
    error = quota_error(QUOTA)
    copy = pickle.loads(pickle.dumps(error))
    assert parts(copy) == (True, 1000, "DAILY", 43200)
    assert str(copy) == str(error)


def test_an_http_date_retry_after_is_named_in_the_message() -> None:
    error = quota_error(QUOTA, {"Retry-After": "Thu, 03 Dec 2026 00:00:00 GMT"})
    assert error.retry_after == datetime.datetime(2026, 12, 3, tzinfo=datetime.UTC)
    assert error.message.endswith("it resets at 2026-12-03T00:00:00+00:00")


@pytest.mark.parametrize(
    ("details", "limit", "kind", "reset_in"),
    [
        (None, None, None, None),
        ("limit=1;type=DAILY;reset_in=5", None, None, None),  # not a list
        ([], None, None, None),
        ([None, 3, "reset_in=5", {"message": 7}], None, None, None),
        ([{"message": "limit=;type=;reset_in="}], None, None, None),
        ([{"message": "reset_in=-5;limit=-1"}], None, None, None),
        ([{"message": "reset_in=1e9;limit=1.5;type=DAI LY"}], None, None, None),
        ([{"message": "reset_in=١٢;limit=1_000;type=DAILY\n"}], None, "DAILY", None),  # non-ASCII digits refused
        ([{"message": "reset_in=99999999999999999999999999"}], None, None, None),  # past 18 digits
        ([{"message": "reset_in=31622401"}], None, None, None),  # a year and a second: not believed
        ([{"message": "reset_in=31622400;type=monthly"}], None, "MONTHLY", 31622400),  # a year: kept
        ([{"message": "type=" + "A" * 33}], None, None, None),
        ([{"message": "junk;=;==;;limit==3"}], None, None, None),
        ([{"message": "x" * 501 + ";reset_in=5"}], None, None, None),  # an overlong message is not parsed
        ([{"message": "limit=7"}, {"message": "type=HOURLY;limit=9"}, {"message": "reset_in=60"}], 7, "HOURLY", 60),
        ([{"field": None, "message": " Limit = 10 ; TYPE = Daily ; Reset_In = 0 "}], 10, "DAILY", 0),
    ],
)
def test_hostile_quota_details_never_crash_or_give_absurd_values(
    details: Any, limit: int | None, kind: str | None, reset_in: int | None
) -> None:
    error = quota_error({"code": "API_KEY_QUOTA_EXCEEDED", "details": details})
    assert (error.quota_exceeded, error.quota_limit, error.quota_type, error.retry_after) == (
        True,
        limit,
        kind,
        reset_in,
    )
    assert len(error.message) < 200
    assert "\n" not in error.message
    if reset_in is None:
        assert error.message.endswith("the server did not say when it resets")


class CountingDetail(dict[str, Any]):
    """A detail that counts how often it is read."""

    reads = 0

    def get(self, key: str, default: Any = None) -> Any:
        CountingDetail.reads += 1
        return super().get(key, default)


def test_only_the_first_20_details_are_read() -> None:
    junk = CountingDetail(message="nothing here")
    body = {"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message": "x"}] * 20 + [{"message": "reset_in=5"}]}
    assert quota_error(body).retry_after is None  # the 21st detail is never looked at
    CountingDetail.reads = 0
    error = read_quota([junk] * 1_000_000)
    assert CountingDetail.reads == 20  # not a million
    assert error == Quota()


# send_many under a spent quota -----------------------------------------------------------------------------------

US = "+14155550123"


def texts(count: int) -> list[dict[str, Any]]:
    return [{"from_": US, "to": f"+1415555{n:04d}", "message": f"Reminder {n}"} for n in range(count)]


def sent_to(fake: FakeAllo) -> Counter[str]:
    return Counter(r.json["to"] for r in fake.requests_to("POST", "/sms"))


def spend_quota(fake: FakeAllo) -> None:
    fake.fail_next(1000, "rate_limit", method="POST", path="/sms", retry_after=None, body=QUOTA)


def assert_stopped(outcomes: list[Any], fake: FakeAllo, count: int) -> None:
    assert [o.index for o in outcomes] == list(range(count))
    assert [o.message["to"] for o in outcomes] == [m["to"] for m in texts(count)]
    assert not any(o.ok for o in outcomes)
    assert all(isinstance(o.error, RateLimitError) and o.error.quota_exceeded for o in outcomes)
    assert all(o.error.retry_after == 43200 for o in outcomes)
    assert not any(o.may_have_been_sent for o in outcomes)  # a 429: refused, so none went out
    assert set(sent_to(fake).values()) <= {1}  # nothing sent twice


@pytest.mark.parametrize("max_concurrency", [1, 4])
def test_send_many_stops_at_a_spent_quota(fake_allo: FakeAllo, max_concurrency: int) -> None:
    spend_quota(fake_allo)
    with fake_allo.client() as client:
        outcomes = client.sms.send_many(texts(40), max_concurrency=max_concurrency)
    assert len(outcomes) == 40
    assert_stopped(outcomes, fake_allo, 40)
    # Each worker sends at most one request before the first quota answer stops them all: 1 with one worker,
    # at most max_concurrency with more (those already under way), never 40 x 3 as before.
    assert 1 <= fake_allo.request_count <= max_concurrency
    if max_concurrency == 1:
        assert fake_allo.request_count == 1


@pytest.mark.anyio
@pytest.mark.parametrize("max_concurrency", [1, 4])
async def test_async_send_many_stops_at_a_spent_quota(fake_allo: FakeAllo, max_concurrency: int) -> None:
    spend_quota(fake_allo)
    async with fake_allo.async_client() as client:
        outcomes = await client.sms.send_many(texts(40), max_concurrency=max_concurrency)
    assert len(outcomes) == 40
    assert_stopped(outcomes, fake_allo, 40)
    assert 1 <= fake_allo.request_count <= max_concurrency
    if max_concurrency == 1:
        assert fake_allo.request_count == 1


@pytest.mark.anyio
async def test_a_quota_spent_midway_keeps_what_was_sent_and_sends_nothing_more(fake_allo: FakeAllo) -> None:
    def after_three(outcome: Any) -> None:
        if outcome.index == 2:
            spend_quota(fake_allo)

    async with fake_allo.async_client() as client:
        outcomes = await client.sms.send_many(texts(40), max_concurrency=1, on_outcome=after_three)
    assert [o.ok for o in outcomes] == [True] * 3 + [False] * 37
    assert fake_allo.request_count == 4  # three sent, the fourth met the quota, the 36 others never went
    assert sent_to(fake_allo) == Counter(m["to"] for m in texts(4))
    stopped = outcomes[3:]
    assert all(isinstance(o.error, RateLimitError) and o.error.quota_exceeded for o in stopped)
    assert not any(o.may_have_been_sent for o in stopped)
    assert [o.index for o in outcomes] == list(range(40))
