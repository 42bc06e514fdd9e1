"""The fake's rate limits: off by default; when on, per-key GET and write budgets in whole-second windows, the
X-RateLimit-* headers on every answer, and 429 RATE_LIMITED with Retry-After beyond the budget."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import httpx
import pytest

from withallo_ext.errors import InvalidParameterError
from withallo_ext.testing import FakeAllo, FakeRateLimiter, RateLimits
from withallo_ext.testing.__main__ import main
from withallo_ext.testing._ratelimits import MAX_ARRIVALS

SMS = {"from": "+14155550123", "to": "+14155550199", "message": "Hi"}


class Clock:
    """A hand-moved unix clock for the fake's limiter."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def limited(limits: bool | RateLimits = True, now: float = 1_700_000_000.25) -> tuple[FakeAllo, Clock]:
    fake = FakeAllo(rate_limits=limits)
    clock = Clock(now)
    assert fake.rate_limiter is not None
    fake.rate_limiter.clock = clock
    return fake, clock


def test_off_by_default_no_headers_and_no_429() -> None:
    fake = FakeAllo()
    assert fake.rate_limiter is None
    with fake.http_client() as api:
        statuses = {api.post("/sms", json=SMS).status_code for _ in range(30)}
        response = api.get("/numbers")
    assert statuses == {200}
    assert not [name for name in response.headers if name.lower().startswith("x-ratelimit")]


def test_documented_write_limit_then_429_with_retry_after_and_body() -> None:
    fake, _ = limited()
    with fake.http_client() as api:
        answers = [api.post("/sms", json=SMS) for _ in range(6)]
    assert [r.status_code for r in answers] == [200] * 5 + [429]
    assert [r.headers["X-RateLimit-Remaining"] for r in answers] == ["4", "3", "2", "1", "0", "0"]
    assert {r.headers["X-RateLimit-Limit"] for r in answers} == {"5"}
    assert {r.headers["X-RateLimit-Reset"] for r in answers} == {"1700000001"}
    refused = answers[-1]
    assert refused.json() == {"code": "RATE_LIMITED"}
    assert refused.headers["Retry-After"] == "1"
    assert "Retry-After" not in answers[0].headers
    # The refused request was not applied: five texts, not six.
    assert [r.status for r in fake.requests_to("POST", "/sms")] == [200] * 5 + [429]
    assert fake.rate_limiter is not None
    assert fake.rate_limiter.rejected == {"get": 0, "write": 1}
    assert fake.rate_limiter.busiest_window("write") == 6  # what reached the window, the refused one included
    assert fake.rate_limiter.busiest_window("get") == 0


def test_get_and_write_are_separate_budgets_and_windows_reset_each_second() -> None:
    fake, clock = limited()
    with fake.http_client() as api:
        writes = [api.post("/contacts", json={"numbers": ["+14155550111"]}).status_code for _ in range(5)]
        reads = [api.get("/numbers") for _ in range(21)]
        assert writes == [201] * 5
        assert [r.status_code for r in reads] == [200] * 20 + [429]
        assert reads[0].headers["X-RateLimit-Limit"] == "20"
        assert reads[19].headers["X-RateLimit-Remaining"] == "0"
        assert api.delete("/webhooks/web_nope").status_code == 429  # DELETE spends the (spent) write budget
        clock.now += 1.0  # the next whole second: both budgets are back
        again = api.post("/sms", json=SMS)
        assert again.status_code == 200
        assert (again.headers["X-RateLimit-Remaining"], again.headers["X-RateLimit-Reset"]) == ("4", "1700000002")
        assert api.get("/numbers").headers["X-RateLimit-Remaining"] == "19"


def test_each_key_has_its_own_budget_and_errors_carry_the_headers_too() -> None:
    fake, _ = limited(RateLimits(get_per_second=1, write_per_second=1))
    other = fake.add_key("second-key")
    with fake.http_client() as api:
        first = api.post("/sms", json={**SMS, "to": "+33612345678"})  # 422: a US number cannot text France
        second = api.post("/sms", json=SMS)
        other_key = api.post("/sms", json=SMS, headers={"Authorization": other})
    assert first.status_code == 422
    assert first.headers["X-RateLimit-Remaining"] == "0"
    assert second.status_code == 429
    assert other_key.status_code == 200
    assert other_key.headers["X-RateLimit-Remaining"] == "0"


def test_custom_limits_and_the_busiest_second() -> None:
    fake, clock = limited(RateLimits(get_per_second=200, write_per_second=50))
    with fake.http_client() as api:
        for _ in range(50):
            assert api.post("/sms", json=SMS).status_code == 200
            clock.now += 0.01
        assert api.post("/sms", json=SMS).status_code == 429
        clock.now = 1_700_000_001.0  # the next whole second
        assert {api.post("/sms", json=SMS).status_code for _ in range(10)} == {200}
    assert fake.rate_limiter is not None
    # Each whole second admitted at most 50, but the sliding second from .25 to 1.25 saw 60 arrive.
    assert fake.rate_limiter.busiest_second("write") == 60
    assert fake.rate_limiter.busiest_window("write") == 51  # 50 admitted and 1 refused in the first whole second
    assert fake.rate_limiter.busiest_second("get") == 0
    assert len(fake.rate_limiter.arrivals("write")) == 60


def test_faults_still_apply_and_their_answers_carry_the_headers() -> None:
    fake, _ = limited()
    fake.fail_next(kind="server_error", method="GET")
    with fake.http_client() as api:
        response = api.get("/numbers")
    assert response.status_code == 503
    assert response.headers["X-RateLimit-Remaining"] == "19"


def test_bad_limits_are_refused() -> None:
    with pytest.raises(InvalidParameterError, match="write_per_second: must be an integer >= 1"):
        RateLimits(write_per_second=0)
    with pytest.raises(InvalidParameterError, match="get_per_second"):
        RateLimits(get_per_second=2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rate_limits: expected True, False or a RateLimits, got str"):
        FakeAllo(rate_limits="yes")  # type: ignore[arg-type]
    assert FakeAllo(rate_limits=False).rate_limiter is None


def test_repr_and_limits() -> None:
    limiter = FakeRateLimiter(RateLimits())
    assert repr(limiter) == (
        "<FakeRateLimiter RateLimits(get_per_second=20, write_per_second=5) rejected={'get': 0, 'write': 0}>"
    )
    assert RateLimits().per_second("PUT") == 5
    assert RateLimits().per_second("get") == 20


def test_command_line_options_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--write-per-second", "3"])
    assert "need --rate-limits" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--rate-limits", "--write-per-second", "0"])
    assert "--write-per-second: must be an integer >= 1" in capsys.readouterr().err


SERVE_ARGS = ("--port", "0", "--quiet", "--rate-limits", "--write-per-second", "3")


def test_served_with_rate_limits_from_the_command_line() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "withallo_ext.testing",
            *("--port", "0", "--quiet", "--rate-limits"),
            "--write-per-second",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = re.fullmatch(r"Fake Allo API listening on (\S+)\n", process.stdout.readline())
        assert match
        process.stdout.readline()
        assert process.stdout.readline() == "Rate limits per key: 20 GET/s, 3 writes/s\n"
        with httpx.Client(base_url=match.group(1), headers={"Authorization": "fake_allo_test_key"}) as api:
            answers = [api.post("/sms", json=SMS) for _ in range(12)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    # However the 12 requests fell across whole seconds: at most 3 admitted per window, and a 429 only in a window
    # whose 3 were spent.
    admitted = Counter(r.headers["X-RateLimit-Reset"] for r in answers if r.status_code == 200)
    refused = {r.headers["X-RateLimit-Reset"] for r in answers if r.status_code == 429}
    assert {r.status_code for r in answers} <= {200, 429}
    assert max(admitted.values()) <= 3
    assert all(admitted[reset] == 3 for reset in refused)
    assert refused or len(admitted) >= 4  # 12 requests in at most 3 windows must have met a 429


def test_a_long_run_keeps_bounded_state() -> None:
    """`withallo fake --rate-limits` may run for days: what the limiter keeps does not grow with the requests."""
    limiter = FakeRateLimiter(RateLimits(get_per_second=20, write_per_second=5), clock=lambda: now)
    now = 1_700_000_000.0
    for n in range(60_000):  # 3,000 seconds of 20 GETs, plus a refused one every second
        now = 1_700_000_000.0 + n / 20
        assert limiter.admit("k", "GET").admitted
        if n % 20 == 19:
            assert not limiter.admit("k", "GET").admitted
    kept = limiter.arrivals("get")
    assert len(kept) == MAX_ARRIVALS  # the most recent ones, not 60,000
    assert kept == sorted(kept)
    assert kept[-1] == now
    assert limiter.busiest_window("get") == 21  # 20 admitted and the refused one, in every whole second
    assert limiter.busiest_second("get") == 20
    assert limiter.rejected == {"get": 3_000, "write": 0}
