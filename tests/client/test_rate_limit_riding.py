"""The client rides the rate limits: it reads X-RateLimit-*, exposes them, waits for the reset rather than send into a
certain 429 (bounded by its timeout), and paces itself when given limits. Time here is a hand-moved clock shared by
the fake and the client: every wait the client chooses is recorded and moves it, nothing really sleeps."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, RateLimits, RateLimitSnapshot, WithalloClient, _retry
from withallo_ext._pacing import LocalRateLimiter
from withallo_ext._throttle import Throttle
from withallo_ext.errors import InvalidParameterError
from withallo_ext.testing import FakeAllo

SMS: dict[str, Any] = {"from_": "+14155550123", "to": "+14155550199", "message": "Hi"}
START = 1_700_000_000.5


class Clock:
    def __init__(self) -> None:
        self.now = START
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(_retry, "sleep", clock.sleep)
    monkeypatch.setattr(_retry, "async_sleep", clock.async_sleep)
    return clock


@pytest.fixture
def fake(clock: Clock) -> Iterator[FakeAllo]:
    with FakeAllo(rate_limits=True) as fake:
        assert fake.rate_limiter is not None
        fake.rate_limiter.clock = clock
        yield fake


def on_clock(client: WithalloClient | AsyncWithalloClient, clock: Clock) -> None:
    client._throttle.clock = clock


def test_latest_values_are_exposed_per_budget(fake: FakeAllo, clock: Clock) -> None:
    with fake.client() as client:
        on_clock(client, clock)
        assert (client.rate_limit, client.rate_limit_for("get")) == (None, None)
        client.phone_numbers.list()
        client.sms.send(**SMS)
        latest = client.rate_limit
        assert latest == RateLimitSnapshot("write", 5, 4, 1_700_000_001.0, START)
        assert client.rate_limit_for("get") == RateLimitSnapshot("get", 20, 19, 1_700_000_001.0, START)
        assert client.rate_limit_for("write") == latest
        assert latest is not None
        assert latest.seconds_to_reset == 0.0  # that reset is long past on the real clock
        with pytest.raises(InvalidParameterError, match='bucket: "get" or "write"'):
            client.rate_limit_for("post")  # type: ignore[arg-type]


def test_waits_for_the_reset_instead_of_sending_into_a_429(fake: FakeAllo, clock: Clock) -> None:
    with fake.client() as client:
        on_clock(client, clock)
        results = [client.sms.send(**{**SMS, "message": f"n{n}"}) for n in range(12)]
    assert len(results) == 12
    assert fake.rate_limiter is not None
    assert fake.rate_limiter.rejected == {"get": 0, "write": 0}
    # Five went in the first window; the sixth waited for 1_700_000_001 (+5 ms), the eleventh for the next.
    assert clock.slept == [0.505, 1.0]
    assert [r.status for r in fake.requests] == [200] * 12


def test_gets_and_writes_are_waited_for_separately(fake: FakeAllo, clock: Clock) -> None:
    with fake.client() as client:
        on_clock(client, clock)
        for _ in range(5):
            client.sms.send(**SMS)
        for _ in range(20):
            client.phone_numbers.list()  # the write budget is spent, the GET one is not
        assert clock.slept == []
        client.phone_numbers.list()
        assert clock.slept == [0.505]


def test_the_wait_is_bounded_by_the_timeout_then_a_429_is_retried(fake: FakeAllo, clock: Clock) -> None:
    with fake.client(timeout=0.2) as client:
        on_clock(client, clock)
        for _ in range(5):
            client.sms.send(**SMS)
        client.sms.send(**SMS)
    # 0.2 s (the timeout) was not enough: the fake said 429 with Retry-After 1, and the retry went through.
    assert clock.slept == [0.2, 1.0]
    assert [r.status for r in fake.requests] == [200] * 5 + [429, 200]


def test_no_headers_no_wait(clock: Clock) -> None:
    with FakeAllo() as fake, fake.client() as client:
        for _ in range(30):
            client.sms.send(**SMS)
        assert client.rate_limit is None
    assert clock.slept == []


@pytest.mark.anyio
async def test_async_client_rides_the_limits_too(fake: FakeAllo, clock: Clock) -> None:
    async with fake.async_client() as client:
        on_clock(client, clock)
        for _ in range(11):
            await client.sms.send(**SMS)
        assert client.rate_limit is not None
        assert client.rate_limit.remaining == 4
    assert clock.slept == [0.505, 1.0]
    assert fake.rate_limiter is not None
    assert fake.rate_limiter.rejected["write"] == 0


def test_local_pacing_keeps_every_sliding_second_under_the_limit() -> None:
    limiter = LocalRateLimiter(RateLimits(get_per_second=2, write_per_second=3), margin=0.0)
    waits = [limiter.reserve("write") for _ in range(7)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert [round(w, 1) for w in waits[3:]] == [1.0, 1.0, 1.0, 2.0]
    assert [limiter.reserve("get") for _ in range(2)] == [0.0, 0.0]  # a budget of its own
    assert repr(limiter) == "LocalRateLimiter(RateLimits(get_per_second=2, write_per_second=3))"


def test_local_pacing_is_shared_by_the_threads_of_one_client() -> None:
    fake = FakeAllo(rate_limits=RateLimits(get_per_second=100, write_per_second=10))
    with fake.serve() as server, server.client(rate_limits=RateLimits(get_per_second=100, write_per_second=10)) as c:
        threads = [threading.Thread(target=lambda: [c.sms.send(**SMS) for _ in range(5)]) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert fake.rate_limiter is not None
    assert len(fake.requests_to("POST", "/sms")) == 25
    assert fake.rate_limiter.rejected == {"get": 0, "write": 0}
    assert fake.rate_limiter.busiest_window("write") <= 10


def test_pacing_options_are_checked() -> None:
    with pytest.raises(InvalidParameterError, match="not both"):
        WithalloClient(api_key="k", rate_limits=RateLimits(), rate_limiter=LocalRateLimiter(RateLimits()))
    with pytest.raises(InvalidParameterError, match="rate_limits: must be a RateLimits"):
        WithalloClient(api_key="k", rate_limits=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="rate_limiter: must have acquire"):
        AsyncWithalloClient(api_key="k", rate_limiter=object())  # type: ignore[arg-type]
    client = WithalloClient(api_key="k", rate_limiter=LocalRateLimiter(RateLimits()))
    assert client._throttle.limiter is not None
    client.close()


def answering(headers: dict[str, str]) -> httpx.Client:
    """An httpx client whose every answer is the numbers list with these headers."""
    body = {"data": [{"number": "+14155550123", "name": "Main", "country": "US", "is_shared_number": False}]}
    return httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json=body, headers=headers)))


@pytest.mark.parametrize(
    "headers",
    [
        {"X-RateLimit-Limit": "0", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(START + 100)},
        {"X-RateLimit-Limit": "five", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(START + 100)},
        {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "-1", "X-RateLimit-Reset": str(START + 100)},
        {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "nan"},
        {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0"},
    ],
)
def test_headers_that_cannot_be_ridden_cause_no_wait(clock: Clock, headers: dict[str, str]) -> None:
    with answering(headers) as http, WithalloClient(api_key="k", http_client=http) as client:
        on_clock(client, clock)
        for _ in range(5):
            client.phone_numbers.list()
    assert clock.slept == []


def test_a_reset_far_away_is_waited_at_most_the_timeout(clock: Clock) -> None:
    headers = {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(START + 3600)}
    with answering(headers) as http, WithalloClient(api_key="k", http_client=http, timeout=2.5) as client:
        on_clock(client, clock)
        client.phone_numbers.list()
        client.phone_numbers.list()
        snapshot = client.rate_limit
    assert clock.slept == [2.5]
    assert snapshot is not None
    assert (snapshot.limit, snapshot.remaining, snapshot.reset) == (5, 0, START + 3600)


class SlowSlots:
    """A limiter whose Nth slot comes `delay` seconds late (on the shared clock); the others at once."""

    def __init__(self, clock: Clock, late: int, delay: float) -> None:
        self.clock, self.late, self.delay, self.calls = clock, late, delay, 0

    def acquire(self, bucket: str, max_wait: float) -> None:
        self.calls += 1
        if self.calls == self.late:
            self.clock.sleep(self.delay)

    async def aacquire(self, bucket: str, max_wait: float) -> None:
        self.acquire(bucket, max_wait)


def test_a_request_the_limiter_held_into_the_next_window_is_counted_there(clock: Clock) -> None:
    """Requests in flight are not answered yet, so the count must follow the request into the window it went in."""
    throttle = Throttle(SlowSlots(clock, late=1, delay=0.6), max_wait=30.0)
    throttle.clock = clock
    headers = {"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "1", "X-RateLimit-Reset": str(START + 0.5)}
    throttle.observe("POST", httpx.Headers(headers))  # one write left in the window ending at START + 0.5
    throttle.before("POST")  # counted there, but the limiter held it 0.6 s: it leaves in the next window
    assert clock.now == START + 0.6
    waits = [round(throttle.reserve("POST")[0], 3) for _ in range(5)]
    assert waits == [0.0, 0.0, 0.0, 0.0, 0.905]  # four more fit beside it; the fifth waits for the next window
