"""One rate-limit budget shared by every process (and machine) sending with one API key, kept in Redis.

    from withallo_ext import RateLimits, WithalloClient
    from withallo_ext.redis_limiter import RedisRateLimiter

    limiter = RedisRateLimiter("redis://localhost:6379/0", RateLimits(), name="prod-key")
    client = WithalloClient(rate_limiter=limiter)      # in each Celery worker, web process, cron job...

Built on `limits` (``pip install 'withallo[redis]'``): its moving window keeps the time of each of the last N
requests in a Redis list and admits a request only if the Nth before it is more than a second old, checked and
recorded in one Lua script, so concurrent processes cannot both take the last slot. We chose it over
pyrate-limiter because it is the engine of Flask-Limiter and SlowAPI, with a small API that has stayed stable
across major versions, an exact sliding window (no bursts at window edges), and redis-py for both sync and
async code. It has no blocking acquire, so the few lines below poll: after a refusal, sleep until the window
frees a slot (as Redis says), then try again.

Every process sharing a budget must use the same Redis, `name` (one per API key) and limits. Timestamps come
from each process's clock: keep the machines' clocks in sync (NTP).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import anyio

from ._ratelimit import DOCUMENTED_LIMITS, Bucket, RateLimits
from .errors import InvalidParameterError

if TYPE_CHECKING:
    from limits import RateLimitItem

__all__ = ["RedisRateLimiter"]

logger = logging.getLogger("withallo")

# Seconds added to each wait after a refusal. Requests reach the server at uneven delays after their slot (a new
# connection, a busy machine), so one sent the instant a slot frees could land within the same second as the N
# before it. 50 ms costs 5% of the budget.
MARGIN = 0.05
_MIN_POLL = 0.002


def _unavailable(exc: Exception) -> None:
    # The class name only: a Redis error's text may quote the URL, password included.
    logger.warning("Redis rate limiter unavailable (%s); sending without a shared slot", type(exc).__name__)


def _import_limits() -> Any:
    try:
        import limits
        import limits.aio.storage
        import limits.aio.strategies
        import limits.storage
        import limits.strategies
    except ImportError as exc:
        raise ImportError("RedisRateLimiter needs limits and redis-py: pip install 'withallo[redis]'") from exc
    return limits


class RedisRateLimiter:
    """Paces requests to `limits` per API key across processes: `WithalloClient(rate_limiter=RedisRateLimiter(...))`.

    `url` is a redis:// URL (the sync and async Redis clients are made from it, the async one on first use).
    `name` tells the budgets of different API keys apart; `prefix` starts every Redis key.
    """

    def __init__(
        self,
        url: str,
        limits: RateLimits = DOCUMENTED_LIMITS,
        *,
        name: str = "default",
        prefix: str = "withallo:ratelimit",
        margin: float = MARGIN,
    ) -> None:
        if not isinstance(limits, RateLimits):
            raise InvalidParameterError("limits", "must be a RateLimits, e.g. RateLimits(write_per_second=5)")
        if not isinstance(name, str) or not name:
            raise InvalidParameterError("name", "must be a non-empty string naming the API key's budget")
        lib = _import_limits()
        self.limits = limits
        self.name = name
        self.margin = margin
        self._url = url
        self._prefix = prefix
        self._items: dict[Bucket, RateLimitItem] = {
            bucket: lib.RateLimitItemPerSecond(limits.per_second(bucket)) for bucket in ("get", "write")
        }
        self._sync = lib.strategies.MovingWindowRateLimiter(lib.storage.RedisStorage(url, key_prefix=prefix))
        self._async: Any = None

    def __repr__(self) -> str:
        return f"RedisRateLimiter({self.limits}, name={self.name!r})"

    def acquire(self, bucket: Bucket, max_wait: float) -> None:
        """Block until Redis grants this budget a slot, or `max_wait` seconds pass (the request then goes anyway).

        If Redis fails, the request goes without a slot (logged as a warning): the client still waits for the
        reset the API's headers announce, and retries a 429, so an outage of Redis does not stop the sending.
        """
        item = self._items[bucket]
        deadline = time.monotonic() + max_wait
        try:
            while not self._sync.hit(item, self.name, bucket):
                stats = self._sync.get_window_stats(item, self.name, bucket)
                wait = self._wait(stats.reset_time, deadline)
                if wait is None:
                    return
                time.sleep(wait)
        except Exception as exc:
            _unavailable(exc)

    async def aacquire(self, bucket: Bucket, max_wait: float) -> None:
        """Wait until Redis grants this budget a slot, or `max_wait` seconds pass (the request then goes anyway).
        If Redis fails, the request goes without a slot, as with `acquire`."""
        item = self._items[bucket]
        deadline = time.monotonic() + max_wait
        try:
            limiter = self._async_limiter()
            while not await limiter.hit(item, self.name, bucket):
                stats = await limiter.get_window_stats(item, self.name, bucket)
                wait = self._wait(stats.reset_time, deadline)
                if wait is None:
                    return
                await anyio.sleep(wait)
        except Exception as exc:
            _unavailable(exc)

    def _wait(self, reset_time: float, deadline: float) -> float | None:
        """Seconds to sleep before trying again (until the oldest slot frees, plus the margin); None past deadline."""
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        return min(left, max(_MIN_POLL, reset_time - time.time() + self.margin))

    def _async_limiter(self) -> Any:
        if self._async is None:
            lib = _import_limits()
            storage = lib.aio.storage.RedisStorage(
                "async+" + self._url, key_prefix=self._prefix, implementation="redispy"
            )
            self._async = lib.aio.strategies.MovingWindowRateLimiter(storage)
        return self._async

    def clear(self) -> None:
        """Forget every slot taken (both budgets of this `name`): a fresh start, e.g. in tests."""
        for bucket, item in self._items.items():
            self._sync.clear(item, self.name, bucket)
