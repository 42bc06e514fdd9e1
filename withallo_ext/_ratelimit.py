"""Allo's per-key rate limits as data: the limits themselves, and what the `X-RateLimit-*` headers last said.

Allo allows 20 GET requests and 5 write requests (POST, PUT, DELETE) per second and per API key: two separate
budgets. Answers carry `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix time, seconds).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

import httpx

from .errors import InvalidParameterError

Bucket = Literal["get", "write"]

# Requests that spend the GET budget; every other method spends the write budget.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

LIMIT_HEADER = "X-RateLimit-Limit"
REMAINING_HEADER = "X-RateLimit-Remaining"
RESET_HEADER = "X-RateLimit-Reset"


def bucket_of(method: str) -> Bucket:
    """Which budget a request spends: "get" for reads, "write" for POST, PUT, DELETE and anything else."""
    return "get" if method.upper() in READ_METHODS else "write"


@dataclass(frozen=True)
class RateLimits:
    """Requests allowed per second and per API key, reads and writes counted apart (Allo's: 20 and 5).

    >>> RateLimits()                       # the documented limits
    RateLimits(get_per_second=20, write_per_second=5)
    >>> RateLimits(get_per_second=200, write_per_second=50).per_second("POST")
    50
    """

    get_per_second: int = 20
    write_per_second: int = 5

    def __post_init__(self) -> None:
        for field in ("get_per_second", "write_per_second"):
            value = getattr(self, field)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidParameterError(field, f"must be an integer >= 1 (requests per second), got {value!r}")

    def per_second(self, method_or_bucket: str) -> int:
        """The limit for a method (`"GET"`, `"POST"`...) or a bucket (`"get"`, `"write"`)."""
        key = method_or_bucket
        bucket = key if key in ("get", "write") else bucket_of(key)
        return self.get_per_second if bucket == "get" else self.write_per_second


DOCUMENTED_LIMITS = RateLimits()


@dataclass(frozen=True)
class RateLimitSnapshot:
    """What one answer's `X-RateLimit-*` headers said about one budget ("get" or "write").

    `reset` is the unix time at which `remaining` goes back up to `limit`; `seen_at` the local unix time the
    answer arrived.
    """

    bucket: Bucket
    limit: int
    remaining: int
    reset: float
    seen_at: float

    @property
    def seconds_to_reset(self) -> float:
        """Seconds from now until the window resets (0 when it already has)."""
        return max(0.0, self.reset - time.time())

    @classmethod
    def from_headers(cls, method: str, headers: httpx.Headers, now: float | None = None) -> RateLimitSnapshot | None:
        """The snapshot in an answer's headers, or None when they are missing, repeated or not numbers."""
        values = _rate_limit_values(headers)
        if values is None:
            return None
        try:
            limit = int(values[0])
            remaining = int(values[1])
            reset = float(values[2])
        except ValueError:
            return None
        if limit < 0 or remaining < 0 or reset != reset or reset in (float("inf"), float("-inf")):
            return None
        return cls(bucket_of(method), limit, remaining, reset, time.time() if now is None else now)


_FIELD_INDEX = {
    name.lower().encode(): index for index, name in enumerate((LIMIT_HEADER, REMAINING_HEADER, RESET_HEADER))
}


def _rate_limit_values(headers: httpx.Headers) -> list[bytes] | list[str] | None:
    """The three X-RateLimit values (limit, remaining, reset), or None when one is missing or repeated.

    One pass over the raw headers, run on every answer: each httpx `headers[...]` rescans and decodes them all,
    and a missing one (most answers of a server without rate limits) costs a KeyError. A repeated header is refused
    as before, when httpx joined the values ("20, 20") into something that is no number. int() and float() read
    the raw bytes: ASCII digits only (text would also have taken other scripts' digits; no server sends those).
    """
    raw = getattr(headers, "raw", None)
    if raw is None:  # a plain mapping
        try:
            return [headers[LIMIT_HEADER], headers[REMAINING_HEADER], headers[RESET_HEADER]]
        except KeyError:
            return None
    found: list[bytes | None] = [None, None, None]
    for key, value in raw:
        if len(key) in (17, 21):  # len("x-ratelimit-limit") == len("x-ratelimit-reset"), and -remaining
            index = _FIELD_INDEX.get(key.lower())
            if index is not None:
                if found[index] is not None:
                    return None
                found[index] = value
    if None in found:
        return None
    return [value for value in found if value is not None]
