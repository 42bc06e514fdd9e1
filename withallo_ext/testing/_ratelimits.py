"""The fake's rate limiting: Allo's per-key budgets, counted in one-second windows, with the headers it sends.

Each API key has a GET budget and a write budget (RateLimits). Windows are whole unix seconds, so
`X-RateLimit-Reset` is the next whole second. A request over the budget gets 429 `{"code": "RATE_LIMITED"}`
with `Retry-After`, and is not counted. The limiter also remembers when the last MAX_ARRIVALS admitted requests
arrived (bounded, like the fake's recorded requests: `withallo fake --rate-limits` may run for days), so a test
can check that clients stayed under the limit in every window (`busiest_window`), or in every one-second stretch
(`busiest_second`, stricter: requests paced by the client still arrive at slightly uneven delays).
"""

from __future__ import annotations

import collections
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from withallo_ext._ratelimit import (
    LIMIT_HEADER,
    REMAINING_HEADER,
    RESET_HEADER,
    Bucket,
    RateLimits,
    bucket_of,
)

RATE_LIMITED_BODY = {"code": "RATE_LIMITED"}
MAX_ARRIVALS = 10_000  # per budget: the arrival times kept for busiest_second / arrivals (about 80 kB each)


@dataclass
class _Window:
    second: int
    used: int  # admitted
    seen: int = 0  # admitted and refused


@dataclass(frozen=True)
class Admission:
    """The limiter's verdict on one request: admitted or not, and the headers its answer carries."""

    admitted: bool
    headers: dict[str, str]

    def rejection(self) -> httpx.Response:
        """The 429 answer for a request that was not admitted."""
        return httpx.Response(429, json=RATE_LIMITED_BODY, headers=self.headers)


class FakeRateLimiter:
    """Per-key, per-budget counters in whole-second windows (thread-safe). `clock` gives unix time in seconds."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.time) -> None:
        if not isinstance(limits, RateLimits):
            raise TypeError(f"rate_limits: expected True, False or a RateLimits, got {type(limits).__name__}")
        self.limits = limits
        self.clock = clock
        self._windows: dict[tuple[str, Bucket], _Window] = {}
        self._arrivals: dict[Bucket, collections.deque[float]] = {
            bucket: collections.deque(maxlen=MAX_ARRIVALS) for bucket in ("get", "write")
        }
        self._rejected: dict[Bucket, int] = {"get": 0, "write": 0}
        self._busiest: dict[Bucket, int] = {"get": 0, "write": 0}  # the most any key's window has seen
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<FakeRateLimiter {self.limits} rejected={self.rejected}>"

    def admit(self, api_key: str | None, method: str) -> Admission:
        """Count a request of this key if its budget allows; the answer's X-RateLimit-* (and Retry-After) headers."""
        bucket = bucket_of(method)
        limit = self.limits.per_second(bucket)
        with self._lock:
            now = self.clock()
            second = math.floor(now)
            window = self._windows.get((api_key or "", bucket))
            if window is None or window.second != second:
                window = self._windows[(api_key or "", bucket)] = _Window(second, 0)
            window.seen += 1
            self._busiest[bucket] = max(self._busiest[bucket], window.seen)
            admitted = window.used < limit
            if admitted:
                window.used += 1
                self._arrivals[bucket].append(now)
            else:
                self._rejected[bucket] += 1
            headers = {
                LIMIT_HEADER: str(limit),
                REMAINING_HEADER: str(limit - window.used),
                RESET_HEADER: str(second + 1),
            }
        if not admitted:
            headers["Retry-After"] = str(max(1, math.ceil(second + 1 - now)))
        return Admission(admitted, headers)

    @property
    def rejected(self) -> dict[Bucket, int]:
        """How many requests got a 429 for each budget so far."""
        with self._lock:
            return dict(self._rejected)

    def arrivals(self, bucket: Bucket) -> list[float]:
        """When the last MAX_ARRIVALS admitted requests of a budget arrived (unix time, sorted), all keys together."""
        with self._lock:
            return sorted(self._arrivals[bucket])  # threads may append a moment out of order

    def busiest_window(self, bucket: Bucket) -> int:
        """The most requests of a budget that reached one key's whole-second window (the windows the headers
        announce), refused ones included: at most the limit when clients rode the limits without a single 429."""
        with self._lock:
            return self._busiest[bucket]

    def busiest_second(self, bucket: Bucket, seconds: float = 1.0) -> int:
        """The most requests of a budget admitted within any `seconds`-long stretch (sliding, not whole seconds)."""
        times = self.arrivals(bucket)
        best, start = 0, 0
        for end, at in enumerate(times):
            while at - times[start] >= seconds:
                start += 1
            best = max(best, end - start + 1)
        return best
