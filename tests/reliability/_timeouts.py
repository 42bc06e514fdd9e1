"""Read timeouts over a real socket: short for the one request the fake will hold, generous for every other one.

A "timeout" fault holds its answer until the client hangs up (withallo_ext/testing/_handler.py), so a short read
timeout on exactly that request ends it fast and always the same way, while an ordinary answer may take up to
NORMAL seconds on a slow, busy CI runner without turning into a spurious timeout.
"""

from __future__ import annotations

from typing import Any

import httpx

from withallo_ext.testing import FakeAllo, Fault

NORMAL = 10.0  # seconds any answer the fake does give may take
HELD = 0.2  # the read timeout of a request the fake holds: what ends the wait
_NORMAL_TIMEOUT, _HELD_TIMEOUT = httpx.Timeout(NORMAL), httpx.Timeout(NORMAL, read=HELD)


class HeldAnswers:
    """httpx request hooks (sync and async) giving the requests the fake will hold the HELD read timeout."""

    def __init__(self, fake: FakeAllo) -> None:
        self.fake = fake
        self.shortened = 0  # how many requests got it; the fake's record says how many it held

    def shorten(self, request: httpx.Request) -> None:
        """Set the request's timeouts for this attempt: the SDK sends the same Request again when it retries."""
        held = self.fake.next_fault(request) is Fault.TIMEOUT
        request.extensions["timeout"] = (_HELD_TIMEOUT if held else _NORMAL_TIMEOUT).as_dict()
        self.shortened += held

    async def ashorten(self, request: httpx.Request) -> None:
        self.shorten(request)

    def client(self, **options: Any) -> httpx.Client:
        """An httpx.Client with the NORMAL timeout and the hook (options, e.g. transport=, go to httpx)."""
        return httpx.Client(timeout=NORMAL, event_hooks={"request": [self.shorten]}, **options)

    def async_client(self, **options: Any) -> httpx.AsyncClient:
        """An httpx.AsyncClient with the NORMAL timeout and the hook."""
        return httpx.AsyncClient(timeout=NORMAL, event_hooks={"request": [self.ashorten]}, **options)

    def held(self) -> int:
        """How many requests the fake held (answered late) so far."""
        return sum(1 for request in self.fake.requests if request.fault == Fault.TIMEOUT)
