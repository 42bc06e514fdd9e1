"""What the fake remembers of the requests it received: RecordedRequest, kept in a bounded ring, the key masked.

A long-running fake (`withallo fake` may run for days) keeps only the last `max_recorded` requests, and counts
them all.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import httpx

# Authorization schemes a caller may put before a key. Only these stay visible: any other first word may be part
# of the key itself (`sk SECRETKEY`), so the whole value is masked.
_AUTH_SCHEMES = frozenset({"bearer", "api-key", "basic"})


def mask_authorization(value: str) -> str:
    """`***` in place of the whole value; a known scheme word before the key (`Bearer ***`) stays visible."""
    scheme, _, rest = value.strip().partition(" ")
    return f"{scheme} ***" if rest.strip() and scheme.lower() in _AUTH_SCHEMES else "***"


@dataclass(frozen=True)
class RecordedRequest:
    """A request the fake received. `path` is relative to the API base (`/sms`); the key is masked."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    text: str
    status: int | None
    fault: str | None

    @property
    def authorization(self) -> str | None:
        """The masked Authorization header: `***`, or `Bearer ***` / `Api-Key ***` / `Basic ***` for those schemes."""
        return self.headers.get("authorization")


class RequestLog:
    """The last `max_recorded` requests (a ring: the oldest drop out) and how many came in all. Thread-safe."""

    def __init__(self, max_recorded: int) -> None:
        if isinstance(max_recorded, bool) or not isinstance(max_recorded, int) or max_recorded < 1:
            raise ValueError(f"max_recorded: must be an integer >= 1, got {max_recorded!r}")
        self._requests: deque[RecordedRequest] = deque(maxlen=max_recorded)
        self._count = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._requests)

    @property
    def requests(self) -> list[RecordedRequest]:
        """The kept requests, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def count(self) -> int:
        with self._lock:
            return self._count

    def record(self, request: httpx.Request, path: str, status: int | None, fault: str | None) -> None:
        """Keep `request` (at API-relative `path`) with the status answered and the fault injected, if any."""
        headers = {name.lower(): value for name, value in request.headers.items()}
        if "authorization" in headers:
            headers["authorization"] = mask_authorization(headers["authorization"])
        text = request.content.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = None
        recorded = RecordedRequest(
            method=request.method,
            path=unquote(path),
            query=dict(request.url.params),
            headers=headers,
            json=parsed,
            text=text,
            status=status,
            fault=fault,
        )
        with self._lock:
            self._count += 1
            self._requests.append(recorded)
