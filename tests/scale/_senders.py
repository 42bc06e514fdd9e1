"""What each worker process of the multi-process tests runs (importable, for multiprocessing's spawn)."""

from __future__ import annotations

from withallo_ext import RateLimits, WithalloClient
from withallo_ext.redis_limiter import RedisRateLimiter

ALLO = "+14155550123"


def numbers(worker: int, count: int) -> list[str]:
    """Distinct recipients per worker, so the fake's requests tell every message apart."""
    return [f"+1415{worker:03d}{n:04d}" for n in range(count)]


def send_share(base_url: str, api_key: str, redis_url: str, limits: RateLimits, worker: int, count: int) -> int:
    """Send this worker's share through a client paced by the shared Redis budget; returns how many went out."""
    limiter = RedisRateLimiter(redis_url, limits, name="test-key")
    messages = [{"from_": ALLO, "to": to, "message": f"worker {worker}"} for to in numbers(worker, count)]
    with WithalloClient(api_key=api_key, base_url=base_url, rate_limiter=limiter) as client:
        outcomes = client.sms.send_many(messages, max_concurrency=2)
    return sum(outcome.ok for outcome in outcomes)
