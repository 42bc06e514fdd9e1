"""Stores that let a `WebhookReceiver` run an event's handlers once per delivery, though Allo delivers at least once.

Allo replays a delivery it did not see answered (within 30 s on v1; v2 retries for about 27.5 h), so a receiver given
a store claims each delivery id before running the handlers and skips ids already claimed. `MemoryDedupeStore` suits
one process; behind several web workers use `RedisDedupeStore` (``pip install 'withallo[redis]'``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from ..errors import DedupeStoreError, InvalidParameterError

__all__ = ["DEFAULT_TTL", "DedupeStore", "MemoryDedupeStore", "RedisDedupeStore"]

DEFAULT_TTL = 48 * 3600.0
"""Seconds a delivery id is remembered: longer than Allo's longest documented retry schedule (about 27.5 h)."""


@runtime_checkable
class DedupeStore(Protocol):
    """What a receiver needs from a store. Both methods must be safe to call from several threads."""

    def claim(self, key: str) -> bool:
        """Record `key`; True when it was not recorded yet (or its record expired), False for a repeat."""
        ...

    def release(self, key: str) -> None:
        """Forget `key`, so a later delivery with it runs again (done when a handler failed)."""
        ...


def _check_ttl(ttl: float) -> float:
    if not ttl > 0:
        raise InvalidParameterError("ttl", "must be a positive number of seconds")
    return float(ttl)


class MemoryDedupeStore:
    """Delivery ids kept in this process for `ttl` seconds; at most `max_entries`, the oldest dropped first.

    `clock` (monotonic seconds) is injectable for tests.
    """

    def __init__(
        self,
        ttl: float = DEFAULT_TTL,
        *,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_entries < 1:
            raise InvalidParameterError("max_entries", "must be at least 1")
        self.ttl = _check_ttl(ttl)
        self.max_entries = max_entries
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()  # key -> expiry, oldest claim first
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        with self._lock:
            now = self._clock()
            self._drop_expired(now)
            expiry = self._expiry.get(key)
            if expiry is not None and expiry > now:
                return False
            self._expiry[key] = now + self.ttl
            self._expiry.move_to_end(key)
            while len(self._expiry) > self.max_entries:
                self._expiry.popitem(last=False)
            return True

    def release(self, key: str) -> None:
        with self._lock:
            self._expiry.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            self._drop_expired(self._clock())
            return len(self._expiry)

    def _drop_expired(self, now: float) -> None:
        # claims are appended in time order with one ttl, so the expired ones are at the front
        while self._expiry:
            key, expiry = next(iter(self._expiry.items()))
            if expiry > now:
                break
            del self._expiry[key]


class _RedisLike(Protocol):
    """The two redis-py calls the store makes (also satisfied by valkey and fakeredis clients)."""

    def set(self, name: str, value: bytes, *, nx: bool, px: int) -> Any: ...

    def delete(self, *names: str) -> Any: ...


class RedisDedupeStore:
    """Delivery ids kept in Redis with `SET key NX PX ttl`, shared by every worker that uses the same server.

    Any error from Redis is raised as DedupeStoreError, which `WebhookReceiver.respond` answers with 503.
    """

    def __init__(self, client: _RedisLike, *, ttl: float = DEFAULT_TTL, prefix: str = "withallo:webhook:") -> None:
        self.client = client
        self.ttl = _check_ttl(ttl)
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, *, ttl: float = DEFAULT_TTL, prefix: str = "withallo:webhook:") -> RedisDedupeStore:
        """A store on a new redis-py client for `url` (``redis://host:port/db``); needs the `redis` extra."""
        try:
            import redis  # an optional dependency, imported only when asked for
        except ImportError as exc:
            raise ImportError("RedisDedupeStore needs redis-py: pip install 'withallo[redis]'") from exc
        return cls(redis.Redis.from_url(url), ttl=ttl, prefix=prefix)

    def claim(self, key: str) -> bool:
        try:
            return bool(self.client.set(self.prefix + key, b"1", nx=True, px=max(1, round(self.ttl * 1000))))
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc

    def release(self, key: str) -> None:
        try:
            self.client.delete(self.prefix + key)
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc
