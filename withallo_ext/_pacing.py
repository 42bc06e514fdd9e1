"""Client-side pacing in one process: at most N requests per budget in any one-second stretch.

Each request reserves the earliest time slot that keeps every sliding second under the limit (a log of the last
N slots), then sleeps until it. Reserving under a lock and sleeping outside it serves threads (time.sleep) and
tasks (anyio.sleep) of one client alike, first come first served. For one budget across several processes, use
withallo_ext.redis_limiter.RedisRateLimiter instead.
"""

from __future__ import annotations

import collections
import threading
import time

import anyio

from ._ratelimit import Bucket, RateLimits

PERIOD = 1.0  # seconds: Allo's limits are per second
# Kept between the first and the (N+1)th request of a budget beyond the one second: the server counts arrivals,
# and requests leave at slightly uneven speeds (connection reuse, scheduling), so an exact 1.000 s would let the
# odd one land in the same window as the N before it.
MARGIN = 0.03


class LocalRateLimiter:
    """Paces one client's requests (all its threads and tasks) to `limits`: `WithalloClient(rate_limits=...)`."""

    def __init__(self, limits: RateLimits, *, margin: float = MARGIN) -> None:
        self.limits = limits
        self.period = PERIOD + margin
        self._slots: dict[Bucket, collections.deque[float]] = {
            bucket: collections.deque(maxlen=limits.per_second(bucket)) for bucket in ("get", "write")
        }
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LocalRateLimiter({self.limits})"

    def reserve(self, bucket: Bucket) -> float:
        """Take the next free slot of this budget; seconds from now until it (0: go now)."""
        with self._lock:
            slots = self._slots[bucket]
            now = time.monotonic()
            at = now if len(slots) < (slots.maxlen or 0) else max(now, slots[0] + self.period)
            slots.append(at)  # the deque drops the oldest: it keeps the last N slots
            return at - now

    def acquire(self, bucket: Bucket, max_wait: float) -> None:
        """Block until this request's slot (at most `max_wait` seconds)."""
        wait = self.reserve(bucket)
        if wait > 0:
            time.sleep(min(wait, max_wait))

    async def aacquire(self, bucket: Bucket, max_wait: float) -> None:
        """Wait until this request's slot (at most `max_wait` seconds)."""
        wait = self.reserve(bucket)
        if wait > 0:
            await anyio.sleep(min(wait, max_wait))
