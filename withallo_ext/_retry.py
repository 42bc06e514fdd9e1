"""When to send a request again, and after how long. Pure decisions; the sync and async senders do the waiting.

Why not httpx-retries' RetryTransport: it is a transport, so it cannot wrap a user's own `http_client`; its
status list is the same for every method (we need POST to retry on 429 but never on 5xx or a read timeout);
it caps a long Retry-After and retries anyway where we must give up; and it sleeps with `time.sleep` out of
our reach (no INFO log per retry, nothing to patch in tests). The policy fits in the few lines below.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

import anyio
import httpx

from ._error_map import SURELY_NOT_SENT, parse_retry_after, seconds_until
from .errors import ApiError, RateLimitError

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_AFTER_CAP = 60.0  # seconds; a server asking for longer gets its error raised instead of a long hang
BACKOFF_BASE = 0.5  # seconds before the first retry, doubled each time
BACKOFF_MAX = 8.0

# Failures worth retrying for an idempotent request (it may have reached the server, but repeating it is harmless).
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def sleep(seconds: float) -> None:
    """Wait between attempts (module-level so tests can patch it)."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Wait between attempts in async code, on asyncio or trio (module-level so tests can patch it)."""
    await anyio.sleep(seconds)


def backoff(retry_number: int) -> float:
    """Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each scaled by a random 50-100%."""
    ceiling = min(BACKOFF_MAX, BACKOFF_BASE * 2.0 ** max(0, retry_number - 1))
    return ceiling * random.uniform(0.5, 1.0)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries: GET/PUT/DELETE on 429, 5xx, timeouts and network errors; POST only on 429 or no connection."""

    max_retries: int = 2

    def after_error(self, method: str, error: ApiError, headers: httpx.Headers, retries_done: int) -> float | None:
        """Seconds to wait before retrying after an HTTP error, or None to raise it.

        A Retry-After (on a 429 or a 5xx, or a v2 body's retry_after_seconds) is waited as asked, unless it is
        longer than RETRY_AFTER_CAP: then the error is raised at once rather than hanging the caller.
        A spent quota (429 API_KEY_QUOTA_EXCEEDED) is never retried.
        """
        if retries_done >= self.max_retries:
            return None
        status = error.status_code
        if not (status == 429 or (status >= 500 and method.upper() in IDEMPOTENT_METHODS)):
            return None
        if isinstance(error, RateLimitError) and error.quota_exceeded:
            return None  # a spent quota resets in hours, not seconds: retrying only spends requests
        if isinstance(error, RateLimitError):
            requested = seconds_until(error.retry_after)
        else:
            requested = seconds_until(parse_retry_after(headers.get("retry-after")))
        if requested is None:
            return backoff(retries_done + 1)
        return requested if requested <= RETRY_AFTER_CAP else None

    def after_exception(self, method: str, exc: httpx.HTTPError, retries_done: int) -> float | None:
        """Seconds to wait before retrying after a transport failure, or None to raise it."""
        if retries_done >= self.max_retries:
            return None
        retryable = SURELY_NOT_SENT if method.upper() not in IDEMPOTENT_METHODS else SURELY_NOT_SENT + _TRANSIENT
        return backoff(retries_done + 1) if isinstance(exc, retryable) else None
