"""Bounds on one call: how much of an answer is read, and a total deadline across its attempts and waits.

httpx reads a whole body into memory, inflating it as it goes: a 500 KiB gzip answer can become 512 MiB. The
sender asks httpx for a stream instead and reads it here, counting the bytes *after* decompression as they come
and stopping at `max_response_bytes`. A compressed stream is handed to httpx's decoder in small pieces (RAW_PIECE),
so no single step can inflate to more than about a thousand times that (deflate's ratio) before it is counted.

The per-read timeout bounds each wait for bytes, not the call: a server sending a byte a second never trips it.
`Deadline` caps every attempt's timeouts at the time left, is checked between the pieces of a body and before each
retry. Dripped headers cannot outlast it either: the async sender runs each attempt in a cancel scope, and the sync
sender sets `sync_deadline` for the call, which every socket wait of the SDK's own httpx.Client is clamped to
(_sync_deadline.py). A user's own sync `http_client` keeps its sockets as they are: its headers are bounded by the
read timeout per byte only.
"""

from __future__ import annotations

import contextvars
import math
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from .errors import ResponseTooLargeError

DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024  # the API's largest answer (a page of 100 calls) is well under 1 MiB
DEFAULT_DEADLINE = 300.0  # seconds for one call, retries and their waits included
RAW_PIECE = 1024  # bytes of a compressed stream handed to the decoder at a time: at most ~1 MiB once inflated


def monotonic() -> float:
    """The clock deadlines are measured on (module-level so tests can drive it)."""
    return time.monotonic()


# When the sync call running in this thread must end (a `monotonic()` instant; None: no deadline or no call): set
# by the SyncSender for the length of each call, read by the SDK's own sockets (_sync_deadline.py).
sync_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("withallo_sync_deadline", default=None)


class DeadlineExceeded(Exception):
    """Raised inside the sender when a call's deadline passes; it becomes an ApiTimeoutError there."""


class Deadline:
    """The time left for one call, from its creation; `seconds=None` for no deadline."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._at = None if seconds is None else monotonic() + seconds

    @property
    def at(self) -> float | None:
        """The `monotonic()` instant the call must end by, or None without a deadline."""
        return self._at

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None without a deadline."""
        return None if self._at is None else max(0.0, self._at - monotonic())

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def allows(self, wait: float) -> bool:
        """Whether waiting `wait` seconds still leaves time for another attempt."""
        left = self.remaining()
        return left is None or wait < left

    def check(self) -> None:
        if self.expired():
            raise DeadlineExceeded()

    def capped(self, timeouts: dict[str, Any]) -> dict[str, Any]:
        """httpx's per-request timeout extension, each value (None: no limit) lowered to the time left."""
        left = self.remaining()
        if left is None:
            return timeouts
        left = max(left, 0.001)  # 0 would mean "no wait" to some backends; the deadline check follows anyway
        return {name: left if value is None else min(value, left) for name, value in timeouts.items()}


def checked_limit(value: object) -> int:
    """`max_response_bytes`: a whole number of bytes >= 1."""
    from .errors import InvalidParameterError

    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameterError("max_response_bytes", "must be a whole number of bytes >= 1")
    return value


def checked_deadline(value: object) -> float | None:
    """`deadline`: seconds > 0 (finite), or None for no deadline."""
    from .errors import InvalidParameterError

    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not (value > 0 and math.isfinite(value)):
        raise InvalidParameterError("deadline", "must be a finite number of seconds greater than 0, or None")
    return float(value)


def _too_large(response: httpx.Response, limit: int, announced: int | None = None) -> ResponseTooLargeError:
    request = response.request
    url = str(request.url.copy_with(query=None))
    said = f", Content-Length {announced}" if announced is not None else ""
    message = f"the response body is larger than max_response_bytes={limit}{said}; it was not read"
    return ResponseTooLargeError(message, limit=limit, status_code=response.status_code, method=request.method, url=url)


def _framing(response: httpx.Response) -> tuple[int | None, bool]:
    """(Content-Length when the answer has exactly one and it is a plain number, else None; whether it names any
    Content-Encoding other than identity), from one pass over the raw headers: each httpx `headers.get` rescans
    and decodes them all, and a missing one costs a KeyError (two lookups were ~18,000 instructions a call).
    Several Content-Length headers give None (no early refusal: the bytes are counted as they come); a value
    that is not exactly `identity` or empty counts as compressed, so the decoder only ever gets small pieces."""
    length: int | None = None
    lengths = 0
    compressed = False
    for key, value in response.headers.raw:
        size = len(key)
        if size == 14 and key.lower() == b"content-length":
            lengths += 1
            # (int() refuses over 4,300 digits: such a length is not refused early, but its bytes are still counted)
            length = int(value) if value.isdigit() and len(value) <= 4000 else None
        elif size == 16 and key.lower() == b"content-encoding" and value.strip().lower() not in (b"", b"identity"):
            compressed = True
    return (length if lengths == 1 else None), compressed


def _announced(response: httpx.Response, limit: int, length: int | None) -> None:
    """ResponseTooLargeError at once when Content-Length already says the body is over the limit."""
    if length is not None and length > limit:
        raise _too_large(response, limit, length)


class _SyncPieces(httpx.SyncByteStream):
    """The raw stream cut into pieces of at most RAW_PIECE bytes (closing closes the original)."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            for start in range(0, len(chunk), RAW_PIECE):
                yield chunk[start : start + RAW_PIECE]

    def close(self) -> None:
        self._stream.close()


class _AsyncPieces(httpx.AsyncByteStream):
    """`_SyncPieces` for an async stream."""

    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            for start in range(0, len(chunk), RAW_PIECE):
                yield chunk[start : start + RAW_PIECE]

    async def aclose(self) -> None:
        await self._stream.aclose()


def _keep(response: httpx.Response, chunks: list[bytes]) -> None:
    # What Response.read() itself does once the stream is spent; the public read() would read it all unbounded.
    response._content = b"".join(chunks)


def read(response: httpx.Response, limit: int, deadline: Deadline) -> None:
    """Read a streamed response's body into it (`response.content`), at most `limit` decoded bytes.

    ResponseTooLargeError past the limit, DeadlineExceeded past the deadline; the connection is closed then.
    """
    try:
        length, compressed = _framing(response)
        _announced(response, limit, length)
        if compressed and isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _SyncPieces(response.stream)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            deadline.check()
            chunks.append(chunk)
    except BaseException:
        response.close()
        raise
    _keep(response, chunks)


async def aread(response: httpx.Response, limit: int, deadline: Deadline) -> None:
    """`read` for an async response."""
    try:
        length, compressed = _framing(response)
        _announced(response, limit, length)
        if compressed and isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _AsyncPieces(response.stream)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(response, limit)
            deadline.check()
            chunks.append(chunk)
    except BaseException:
        await response.aclose()
        raise
    _keep(response, chunks)
