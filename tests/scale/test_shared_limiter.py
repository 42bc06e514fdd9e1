"""One budget across processes: several processes on one key, each paced by RedisRateLimiter (a real Redis),
against the served fake with its limits on, stay under the limit together: no 429, no sliding second over it."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from withallo_ext import AsyncWithalloClient, RateLimits, WithalloClient
from withallo_ext.errors import InvalidParameterError
from withallo_ext.redis_limiter import RedisRateLimiter
from withallo_ext.testing import FakeAllo

from ._senders import ALLO, numbers, send_share

LIMITS = RateLimits(get_per_second=40, write_per_second=10)
WORKERS = 4
EACH = 8  # 32 texts at 10/s: about 3 s


def test_four_processes_share_one_budget(redis_url: str) -> None:
    RedisRateLimiter(redis_url, LIMITS, name="test-key").clear()
    fake = FakeAllo(rate_limits=LIMITS)
    context = multiprocessing.get_context("spawn")
    with fake.serve() as server, context.Pool(WORKERS) as pool:
        args = [(server.base_url, server.api_key, redis_url, LIMITS, w, EACH) for w in range(WORKERS)]
        sent = pool.starmap(send_share, args)
    assert sent == [EACH] * WORKERS
    posts = fake.requests_to("POST", "/sms")
    applied = Counter(r.json["to"] for r in posts if r.status == 200)
    assert applied == {to: 1 for w in range(WORKERS) for to in numbers(w, EACH)}  # every text once: 0 duplicates
    assert fake.rate_limiter is not None
    # Without the shared limiter, 8 sends in flight against 10/s draw 429s at once (test below); with it, no
    # window the fake counts (the whole seconds X-RateLimit-Reset announces) ever got more than 10.
    assert fake.rate_limiter.rejected == {"get": 0, "write": 0}
    assert fake.rate_limiter.busiest_window("write") <= LIMITS.write_per_second


def test_without_a_shared_limiter_the_same_load_is_refused(redis_url: str) -> None:
    """The control for the test above: each process on its own local pacing overshoots the key's budget."""
    fake = FakeAllo(rate_limits=RateLimits(write_per_second=3))
    with fake.serve() as server:
        clients = [server.client(rate_limits=RateLimits(write_per_second=3), max_retries=0) for _ in range(3)]
        for client in clients:
            client.sms.send_many([{"from_": ALLO, "to": "+14155550199", "message": "hi"}] * 3)
        for client in clients:
            client.close()
    assert fake.rate_limiter is not None
    assert fake.rate_limiter.rejected["write"] > 0


@pytest.mark.anyio
async def test_async_clients_share_the_budget_too(redis_url: str) -> None:
    limits = RateLimits(get_per_second=5, write_per_second=2)
    limiter = RedisRateLimiter(redis_url, limits, name="async-key")
    limiter.clear()
    fake = FakeAllo(rate_limits=limits)
    with fake.serve() as server:
        async with (
            server.async_client(rate_limiter=limiter) as first,
            server.async_client(rate_limiter=RedisRateLimiter(redis_url, limits, name="async-key")) as second,
        ):
            for client in (first, second):
                outcomes = await client.sms.send_many(
                    [{"from_": ALLO, "to": f"+1415555{n:04d}", "message": "hi"} for n in range(3)], max_concurrency=3
                )
                assert all(o.ok for o in outcomes)
            for _ in range(6):
                await first.phone_numbers.list()
    assert fake.rate_limiter is not None
    assert fake.rate_limiter.rejected == {"get": 0, "write": 0}
    assert fake.rate_limiter.busiest_window("write") <= 2
    assert fake.rate_limiter.busiest_window("get") <= 5


def test_the_limiter_checks_its_arguments(redis_url: str) -> None:
    with pytest.raises(InvalidParameterError, match="limits: must be a RateLimits"):
        RedisRateLimiter(redis_url, 5)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="name: must be a non-empty string"):
        RedisRateLimiter(redis_url, name="")
    limiter = RedisRateLimiter(redis_url, name="repr")
    assert repr(limiter) == "RedisRateLimiter(RateLimits(get_per_second=20, write_per_second=5), name='repr')"
    with WithalloClient(api_key="k", rate_limiter=limiter) as client:
        assert client._throttle.limiter is limiter
    assert AsyncWithalloClient(api_key="k", rate_limiter=limiter)._throttle.limiter is limiter


def test_redis_down_the_request_still_goes_and_a_warning_says_so(caplog: pytest.LogCaptureFixture) -> None:
    dead = RedisRateLimiter("redis://:s3cret@127.0.0.1:1/0", name="down")
    fake = FakeAllo()
    with caplog.at_level("WARNING", logger="withallo"), fake.client(rate_limiter=dead) as client:
        client.sms.send(from_=ALLO, to="+14155550199", message="still sent")
    assert len(fake.requests_to("POST", "/sms")) == 1
    assert caplog.messages == ["Redis rate limiter unavailable (ConnectionError); sending without a shared slot"]
    assert "s3cret" not in caplog.text


@pytest.mark.anyio
async def test_redis_down_async_too(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeAllo()
    limiter = RedisRateLimiter("redis://127.0.0.1:1/0", name="down")
    async with fake.async_client(rate_limiter=limiter) as client:
        await client.phone_numbers.list()
    assert len(fake.requests_to("GET", "/numbers")) == 1
    assert "Redis rate limiter unavailable" in caplog.text
