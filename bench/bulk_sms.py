"""Bulk SMS at the rate limit: `sms.send_many` through the served fake with its limits on (5 writes/s, Allo's), from
one process, then from four processes sharing one RedisRateLimiter. Target: >= 90% of the write limit, with 0
errors, 0 duplicates and no window of the fake over the limit (the row says MISS otherwise).

The ratio is limit / achieved rate (<= 1.11 means >= 90%). The rate is measured where the limit is enforced, on
the texts the fake admitted, and conservatively: the first second's budget is spent at once, so the rate counts
the texts after those, over the time from the first arrival to the last: (n - limit) / span.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter

from withallo_ext import RateLimits, WithalloClient
from withallo_ext.redis_limiter import RedisRateLimiter
from withallo_ext.testing import FakeAllo

from ._harness import Result, Settings
from ._redis import redis_server

ALLO = "+14155550123"
NAME = "bench-key"


def _messages(worker: int, count: int) -> list[dict[str, str]]:
    return [{"from_": ALLO, "to": f"+1415{worker:03d}{n:04d}", "message": f"Reminder {n}"} for n in range(count)]


def _send(base_url: str, api_key: str, redis_url: str | None, limits: RateLimits, worker: int, count: int) -> int:
    """One worker's share through a paced client: shared Redis budget when `redis_url`, else this client's own."""
    pacing: dict[str, object] = (
        {"rate_limiter": RedisRateLimiter(redis_url, limits, name=NAME)} if redis_url else {"rate_limits": limits}
    )
    with WithalloClient(api_key=api_key, base_url=base_url, **pacing) as client:  # type: ignore[arg-type]
        outcomes = client.sms.send_many(_messages(worker, count), max_concurrency=4)
    return sum(not outcome.ok for outcome in outcomes)


def _row(label: str, fake: FakeAllo, limits: RateLimits, expected: int, errors: int, wall: float) -> Result:
    limiter = fake.rate_limiter
    assert limiter is not None
    posts = fake.requests_to("POST", "/sms")
    applied = Counter(r.json["to"] for r in posts if r.status == 200)
    duplicates = sum(n - 1 for n in applied.values())
    arrivals = limiter.arrivals("write")
    limit = limits.write_per_second
    rate = max(1, len(arrivals) - limit) / (arrivals[-1] - arrivals[0])
    clean = errors == 0 and duplicates == 0 and len(applied) == expected and limiter.busiest_window("write") <= limit
    figures = (
        f"{rate:.2f} writes/s = {rate / limit:.0%} of {limit}/s; {len(applied)} texts in {wall:.1f} s, "
        f"{errors} errors, {duplicates} duplicates, {limiter.rejected['write']} 429s, "
        f"busiest window {limiter.busiest_window('write')}, busiest sliding second {limiter.busiest_second('write')}"
    )
    return Result(name=label, ratio=limit / rate if clean else 99.0, target=1 / 0.9, figures=figures)


def run(settings: Settings) -> list[Result]:
    limits = RateLimits(get_per_second=100, write_per_second=20) if settings.quick else RateLimits()
    count = 40 if settings.quick else 100  # more than a second's budget: the rate counts those beyond it
    results = []

    fake = FakeAllo(rate_limits=limits)
    with fake.serve() as server:
        started = time.perf_counter()
        errors = _send(server.base_url, server.api_key, None, limits, 0, count)
        wall = time.perf_counter() - started
    results.append(
        _row(f"send_many at {limits.write_per_second} writes/s, 1 process", fake, limits, count, errors, wall)
    )

    workers = 2 if settings.quick else 4
    each = count // workers
    with redis_server() as redis_url:
        RedisRateLimiter(redis_url, limits, name=NAME).clear()
        fake = FakeAllo(rate_limits=limits)
        context = multiprocessing.get_context("spawn")
        with fake.serve() as server, context.Pool(workers) as pool:
            started = time.perf_counter()
            args = [(server.base_url, server.api_key, redis_url, limits, w, each) for w in range(workers)]
            errors = sum(pool.starmap(_send, args))
            wall = time.perf_counter() - started
    label = f"send_many at {limits.write_per_second} writes/s, {workers} processes + Redis limiter"
    results.append(_row(label, fake, limits, each * workers, errors, wall))
    return results
