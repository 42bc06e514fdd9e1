"""Riding the rate limits: wait for the budget before a request instead of sending it into a certain 429.

One Throttle per client, shared by every thread and task using it. Before each attempt it asks the optional
limiter for a slot (client-side pacing: LocalRateLimiter, or a RedisRateLimiter shared by several processes),
then checks what the last `X-RateLimit-*` headers said: when the budget is spent until `X-RateLimit-Reset`, it
waits until then. Both waits are bounded by the client's timeout; after that the request goes anyway, and a 429
that still comes is retried as any other.

What the headers said is counted down locally as requests leave, so that several threads sending at once do not
all spend the one request left. GET and write requests are separate budgets.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import httpx

from . import _retry
from ._ratelimit import Bucket, RateLimitSnapshot, bucket_of

WINDOW = 1.0  # seconds: Allo's budgets are per second
_RESET_SLACK = 0.005  # seconds past X-RateLimit-Reset before sending, so the request lands in the new window


@runtime_checkable
class RateLimiter(Protocol):
    """Client-side pacing: blocks until a request of a budget ("get" or "write") may go, or `max_wait` s pass."""

    def acquire(self, bucket: Bucket, max_wait: float) -> None: ...

    async def aacquire(self, bucket: Bucket, max_wait: float) -> None: ...


@dataclass
class _Budget:
    """What the headers last said about one budget, counted down by the requests sent since."""

    limit: int
    remaining: int
    reset: float

    def roll(self, now: float) -> None:
        """Move to the window `now` falls in, if this one is over (windows are taken to be one second long)."""
        if now >= self.reset:
            self.reset += WINDOW * (int((now - self.reset) / WINDOW) + 1)
            self.remaining = self.limit


class Throttle:
    """Per-client state: the latest snapshot per budget, and the wait each request needs before it goes."""

    def __init__(self, limiter: RateLimiter | None, max_wait: float) -> None:
        self.limiter = limiter
        self.max_wait = max_wait
        self._budgets: dict[Bucket, _Budget] = {}
        self._latest: dict[Bucket, RateLimitSnapshot] = {}
        self._last: RateLimitSnapshot | None = None
        self._lock = threading.Lock()
        self.clock: Callable[[], float] = time.time  # unix time, as X-RateLimit-Reset is

    @property
    def latest(self) -> RateLimitSnapshot | None:
        """The most recent answer's X-RateLimit-* values, whichever budget it spent; None before any."""
        return self._last

    def latest_for(self, bucket: Bucket) -> RateLimitSnapshot | None:
        return self._latest.get(bucket)

    def reserve(self, method: str) -> tuple[float, float]:
        """Count this request in a window per the headers: (seconds to wait for that window, 0 for now; the unix
        time that window ends, inf when nothing is known).

        Windows are taken to be one second long, ending at X-RateLimit-Reset: once a window's budget is spent,
        the next requests are given the next window's, and wait for it to begin.
        """
        bucket = bucket_of(method)
        with self._lock:
            budget = self._budgets.get(bucket)
            if budget is None or budget.limit < 1:  # nothing known, or a limit of 0 we cannot wait out
                return 0.0, math.inf
            now = self.clock()
            budget.roll(now)  # a window over: assume a fresh budget until an answer says more
            while budget.remaining <= 0:
                budget.roll(budget.reset)
            budget.remaining -= 1
            start = budget.reset - WINDOW
            return (0.0 if start <= now else min(start - now + _RESET_SLACK, self.max_wait)), budget.reset

    def observe(self, method: str, headers: httpx.Headers) -> None:
        """Read an answer's X-RateLimit-* headers (any status, a 429 included)."""
        snapshot = RateLimitSnapshot.from_headers(method, headers, now=self.clock())
        if snapshot is None:
            return
        with self._lock:
            self._latest[snapshot.bucket] = self._last = snapshot
            budget = self._budgets.get(snapshot.bucket)
            if budget is None or snapshot.reset > budget.reset:  # a newer window: the server's count is the truth
                self._budgets[snapshot.bucket] = _Budget(snapshot.limit, snapshot.remaining, snapshot.reset)
            elif snapshot.reset == budget.reset:
                # The same window: answers arrive out of order, and requests still in flight are counted here
                # but not yet there: the lowest count is the truest.
                budget.limit = snapshot.limit
                budget.remaining = min(budget.remaining, snapshot.remaining)
            # else: an answer from a window already over

    def before(self, method: str) -> None:
        """Block until the request may go (sync senders). The limiter's slot comes last, right before sending, so
        that its record of when requests left stays true; if its wait carried the request past the window the
        headers' count put it in, it is counted again in the window it now goes in."""
        if self.limiter is None and not self._budgets:  # nothing to wait for: no pacing, no headers seen yet
            return
        wait, window_end = self.reserve(method)
        if wait > 0:
            _retry.sleep(wait)
        if self.limiter is not None:
            self.limiter.acquire(bucket_of(method), self.max_wait)
            if self.clock() >= window_end:
                wait, _ = self.reserve(method)
                if wait > 0:
                    _retry.sleep(wait)

    async def abefore(self, method: str) -> None:
        """Wait until the request may go (async senders, asyncio or trio); as `before`."""
        if self.limiter is None and not self._budgets:  # as in `before`
            return
        wait, window_end = self.reserve(method)
        if wait > 0:
            await _retry.async_sleep(wait)
        if self.limiter is not None:
            await self.limiter.aacquire(bucket_of(method), self.max_wait)
            if self.clock() >= window_end:
                wait, _ = self.reserve(method)
                if wait > 0:
                    await _retry.async_sleep(wait)
