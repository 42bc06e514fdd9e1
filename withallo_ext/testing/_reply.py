"""A fake's decision about one request (Reply), and the one method through which transports and servers ask for it.

The HTTP handler (`_handler`) knows the fake only as a `Replier`, so the server side never imports FakeAllo: the
dependency runs one way, from the fake to its server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx


@dataclass(frozen=True)
class Reply:
    """What the fake does with a request: answer `response` (None: drop the connection), late if `late`."""

    response: httpx.Response | None
    late: bool = False
    delay: float = 0.0


class Replier(Protocol):
    """What serves a request: FakeAllo, as the HTTP handler sees it."""

    def reply(self, request: httpx.Request) -> Reply:
        """Apply `request` and answer it, or fail it as a queued fault says."""
        ...
