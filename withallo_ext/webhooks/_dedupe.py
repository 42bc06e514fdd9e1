"""Stores that let a `WebhookReceiver` run an event's handlers once per delivery, though Allo delivers at least once.

Allo replays a delivery it did not see answered (within 30 s on v1; v2 retries for about 27.5 h), so a receiver given
a store claims each delivery id before running the handlers and skips ids already claimed. `MemoryDedupeStore` suits
one process; behind several web workers use `RedisDedupeStore` (``pip install 'withallo[redis]'``).

A `webhook-id` is remembered for the store's `ttl`; a delivery without one is keyed on its body's digest, which only
proves a replay, so that key is remembered for `BODY_HASH_TTL` only (the receiver passes it as `claim(key, ttl)`).

The SDK's stores claim in two phases, so that a worker that dies mid-handler (or outlasts Allo's timeout) does not
swallow the replay: `begin(key)` leases the key for `lease` seconds (`IN_PROGRESS_LEASE`), `finish(key, ttl)`
marks it done for the ttl once the handlers succeeded, `release(key)` forgets it when one failed. A replay that
finds the lease is answered 503 (Allo replays it later); one that finds the lease expired runs the handlers.
"""

from __future__ import annotations

import heapq
import inspect
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Literal, Protocol, runtime_checkable

from ..errors import DedupeStoreError, InvalidParameterError

__all__ = [
    "BODY_HASH_TTL",
    "DEFAULT_TTL",
    "IN_PROGRESS_LEASE",
    "ClaimState",
    "DedupeStore",
    "MemoryDedupeStore",
    "RedisDedupeStore",
]

DEFAULT_TTL = 48 * 3600.0
"""Seconds a delivery id is remembered: longer than Allo's longest documented retry schedule (about 27.5 h)."""

BODY_HASH_TTL = 300.0
"""Seconds a body-digest key (a delivery without a `webhook-id`, as every v1 delivery) is remembered.

Two byte-identical v1 bodies are either a replay or a real new event (a contact renamed Jane, Janet, then Jane
again), and nothing in an unsigned v1 delivery tells them apart. Allo v1 replays a delivery not answered with a 2xx
within 30 seconds (openapi/withallo.yaml, each webhook's response; its schedule after that is not documented), so
5 minutes covers that timeout ten times over while a state that comes back after 5 minutes is handled again. A
v1 event that returns to a byte-identical body within 5 minutes is still taken for a replay.
"""

IN_PROGRESS_LEASE = 60.0
"""Seconds a delivery being handled is held (`begin`) before another worker may take it over.

Longer than Allo's timeout (30 s on v1, 20 s on v2): a replay Allo sends because the first worker is slow finds
the lease and is answered 503, not run twice; a worker killed mid-handler holds its delivery for 60 s at most,
and the replay after that runs it.
"""

ClaimState = Literal["claimed", "in_progress", "done"]
"""What `begin(key)` found: the key was free and is now leased to the caller, leased by another, or done."""


@runtime_checkable
class DedupeStore(Protocol):
    """What a receiver needs from a store. Both methods must be safe to call from several threads.

    A store that also has ``begin(key) -> ClaimState`` and ``finish(key, ttl=None)`` (as the SDK's stores) is used in
    two phases instead of `claim` (the module's docstring says how); a store with only `claim` and `release` is
    used in one phase: claimed for its whole ttl before the handlers run.
    """

    def claim(self, key: str) -> bool:
        """Record `key`; True when it was not recorded yet (or its record expired), False for a repeat.

        A store whose `claim` also takes a keyword `ttl` (``claim(key, ttl=None)``, as the SDK's stores) is given
        how long to remember this key: `BODY_HASH_TTL` for a body digest, None (the store's own) for a `webhook-id`.
        A store whose `claim` takes only the key keeps every key for its own ttl, as before.
        """
        ...

    def release(self, key: str) -> None:
        """Forget `key`, so a later delivery with it runs again (done when a handler failed)."""
        ...


def claim_takes_ttl(store: object) -> bool:
    """Whether `store.claim` accepts a `ttl` keyword (stores written for earlier versions take only the key)."""
    try:
        parameters = inspect.signature(store.claim).parameters.values()  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return False
    return any(
        p.kind is inspect.Parameter.VAR_KEYWORD
        or (p.name == "ttl" and p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD))
        for p in parameters
    )


def _check_ttl(ttl: float, name: str = "ttl") -> float:
    if not ttl > 0:
        raise InvalidParameterError(name, "must be a positive number of seconds")
    return float(ttl)


class MemoryDedupeStore:
    """Delivery ids kept in this process for `ttl` seconds; at most `max_entries`, the oldest dropped first.

    `lease`: seconds a delivery being handled is held (`begin`). `clock` (monotonic seconds) is injectable for tests.
    """

    def __init__(
        self,
        ttl: float = DEFAULT_TTL,
        *,
        lease: float = IN_PROGRESS_LEASE,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_entries < 1:
            raise InvalidParameterError("max_entries", "must be at least 1")
        self.ttl = _check_ttl(ttl)
        self.lease = _check_ttl(lease, "lease")
        self.max_entries = max_entries
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()  # key -> expiry, oldest claim first
        self._deadlines: list[tuple[float, str]] = []  # a heap of (expiry, key): ttls differ, so not in claim order
        self._leased: set[str] = set()  # keys begun and neither finished nor released
        self._lock = threading.Lock()

    def claim(self, key: str, ttl: float | None = None) -> bool:
        """Record `key` for `ttl` seconds (the store's `ttl` when None); False when it is recorded already."""
        seconds = self.ttl if ttl is None else _check_ttl(ttl)
        with self._lock:
            now = self._clock()
            self._drop_expired(now)
            if key in self._expiry:
                return False
            self._put(key, now + seconds)
            return True

    def begin(self, key: str) -> ClaimState:
        """Lease `key` for `lease` seconds ("claimed"), unless it is leased ("in_progress") or done ("done")."""
        with self._lock:
            now = self._clock()
            self._drop_expired(now)
            if key in self._expiry:
                return "in_progress" if key in self._leased else "done"
            self._put(key, now + self.lease, leased=True)
            return "claimed"

    def finish(self, key: str, ttl: float | None = None) -> None:
        """Mark `key` done for `ttl` seconds (the store's `ttl` when None), whether or not its lease is still held."""
        seconds = self.ttl if ttl is None else _check_ttl(ttl)
        with self._lock:
            self._put(key, self._clock() + seconds)

    def _put(self, key: str, expiry: float, *, leased: bool = False) -> None:
        self._expiry[key] = expiry
        self._expiry.move_to_end(key)
        (self._leased.add if leased else self._leased.discard)(key)
        heapq.heappush(self._deadlines, (expiry, key))
        while len(self._expiry) > self.max_entries:
            self._leased.discard(self._expiry.popitem(last=False)[0])
        if len(self._deadlines) > 2 * len(self._expiry) + 64:  # stale heap items of keys replaced or dropped
            self._deadlines = [(expiry, key) for key, expiry in self._expiry.items()]
            heapq.heapify(self._deadlines)

    def release(self, key: str) -> None:
        with self._lock:
            self._expiry.pop(key, None)
            self._leased.discard(key)

    def __len__(self) -> int:
        with self._lock:
            self._drop_expired(self._clock())
            return len(self._expiry)

    def _drop_expired(self, now: float) -> None:
        # the heap holds every record's expiry (and stale ones of records since replaced, skipped here)
        while self._deadlines and self._deadlines[0][0] <= now:
            _, key = heapq.heappop(self._deadlines)
            expiry = self._expiry.get(key)
            if expiry is not None and expiry <= now:
                del self._expiry[key]
                self._leased.discard(key)


class _RedisLike(Protocol):
    """The redis-py calls the store makes (also satisfied by valkey and fakeredis clients)."""

    def set(self, name: str, value: bytes, *, nx: bool = ..., px: int) -> Any: ...

    def get(self, name: str) -> Any: ...

    def delete(self, *names: str) -> Any: ...


class RedisDedupeStore:
    """Delivery ids kept in Redis with `SET key NX PX ttl`, shared by every worker that uses the same server.

    `begin` sets the key to ``in-progress`` with `SET NX PX lease` (one worker wins), `finish` to ``done`` with
    `SET PX ttl`. Any error from Redis is raised as DedupeStoreError, which `WebhookReceiver.respond` answers with 503.
    """

    def __init__(
        self,
        client: _RedisLike,
        *,
        ttl: float = DEFAULT_TTL,
        lease: float = IN_PROGRESS_LEASE,
        prefix: str = "withallo:webhook:",
    ) -> None:
        self.client = client
        self.ttl = _check_ttl(ttl)
        self.lease = _check_ttl(lease, "lease")
        self.prefix = prefix

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        ttl: float = DEFAULT_TTL,
        lease: float = IN_PROGRESS_LEASE,
        prefix: str = "withallo:webhook:",
    ) -> RedisDedupeStore:
        """A store on a new redis-py client for `url` (``redis://host:port/db``); needs the `redis` extra."""
        try:
            import redis  # an optional dependency, imported only when asked for
        except ImportError as exc:
            raise ImportError("RedisDedupeStore needs redis-py: pip install 'withallo[redis]'") from exc
        return cls(redis.Redis.from_url(url), ttl=ttl, lease=lease, prefix=prefix)

    def begin(self, key: str) -> ClaimState:
        """Lease `key` for `lease` seconds ("claimed"), unless it is leased ("in_progress") or done ("done")."""
        name = self.prefix + key
        try:
            for _ in range(3):  # the key can expire between SET NX and GET: try the SET again
                if self.client.set(name, _LEASED, nx=True, px=_ms(self.lease)):
                    return "claimed"
                value = self.client.get(name)
                if value is not None:
                    return "in_progress" if value == _LEASED else "done"  # b"1" (claim, or 0.x workers): done
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc
        return "in_progress"  # set and gone three times over: another worker is at it, ask for a replay

    def finish(self, key: str, ttl: float | None = None) -> None:
        """`SET key done PX ttl` (the store's `ttl` when None): the handlers ran, even if the lease ran out."""
        seconds = self.ttl if ttl is None else _check_ttl(ttl)
        try:
            self.client.set(self.prefix + key, _DONE, px=_ms(seconds))
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc

    def claim(self, key: str, ttl: float | None = None) -> bool:
        """`SET key NX PX` for `ttl` seconds (the store's `ttl` when None); False when the key is set already."""
        seconds = self.ttl if ttl is None else _check_ttl(ttl)
        try:
            return bool(self.client.set(self.prefix + key, b"1", nx=True, px=_ms(seconds)))
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc

    def release(self, key: str) -> None:
        try:
            self.client.delete(self.prefix + key)
        except Exception as exc:
            raise DedupeStoreError(f"Redis dedupe store failed: {type(exc).__name__}: {exc}") from exc


_LEASED = b"in-progress"
_DONE = b"done"


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
