"""Fault injection: the next N matching requests fail the way real networks and gateways fail."""

from __future__ import annotations

import enum
import fnmatch
import threading
from dataclasses import dataclass
from typing import Any

import httpx

_HTML_PAGE = (
    "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


class Fault(enum.StrEnum):
    """What an injected failure looks like to the client."""

    RATE_LIMIT = "rate_limit"  # 429 {"code": "RATE_LIMITED"} with a Retry-After header
    SERVER_ERROR = "server_error"  # a 5xx with a JSON body (503 {"message": "maintenance"} by default)
    HTML_ERROR = "html_error"  # a proxy's HTML error page (502 by default)
    TIMEOUT = "timeout"  # the request IS applied, but the answer comes too late: the client times out
    DISCONNECT = "disconnect"  # the connection drops before the request is processed


@dataclass
class FaultRule:
    """One `fail_next` call: how many requests are left to fail, which ones, and how."""

    kind: Fault
    remaining: int
    method: str | None
    path: str | None
    status: int
    retry_after: str | None
    delay: float
    body: Any

    def matches(self, method: str, path: str) -> bool:
        """Whether a request (API-relative path, e.g. `/contact/cnt_1`) is one this rule fails."""
        if self.remaining <= 0:
            return False
        if self.method is not None and self.method != method.upper():
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)

    def response(self) -> httpx.Response:
        """The error answer, for the kinds that have one."""
        if self.kind is Fault.RATE_LIMIT:
            headers = {"Retry-After": self.retry_after} if self.retry_after is not None else {}
            return httpx.Response(self.status, json=self.body or {"code": "RATE_LIMITED"}, headers=headers)
        if self.kind is Fault.SERVER_ERROR:
            body = self.body or {"message": "maintenance" if self.status == 503 else "internal server error"}
            return httpx.Response(self.status, json=body)
        if self.kind is Fault.HTML_ERROR:
            page = self.body or _HTML_PAGE.format(status=self.status)
            return httpx.Response(self.status, text=page, headers={"Content-Type": "text/html"})
        raise AssertionError(f"{self.kind} has no response of its own")


_DEFAULT_STATUS = {Fault.RATE_LIMIT: 429, Fault.SERVER_ERROR: 503, Fault.HTML_ERROR: 502}


def make_rule(
    count: int,
    kind: Fault | str,
    *,
    method: str | None,
    path: str | None,
    status: int | None,
    retry_after: int | str | None,
    delay: float,
    body: Any,
) -> FaultRule:
    """Validate `fail_next` arguments into a rule; a bad argument raises ValueError naming it."""
    try:
        fault = Fault(kind)
    except ValueError:
        known = ", ".join(f.value for f in Fault)
        raise ValueError(f"kind: unknown fault {kind!r}; expected one of {known}") from None
    if count < 1:
        raise ValueError(f"count: must be at least 1, got {count}")
    if path is not None and not path.startswith("/"):
        raise ValueError(f"path: must start with '/' (relative to the API base, e.g. '/sms'), got {path!r}")
    if delay < 0:
        raise ValueError(f"delay: must be >= 0 seconds, got {delay}")
    code = status if status is not None else _DEFAULT_STATUS.get(fault, 0)
    if fault is Fault.RATE_LIMIT and code != 429:
        raise ValueError("status: a rate_limit fault answers 429")
    if fault in (Fault.SERVER_ERROR, Fault.HTML_ERROR) and not 500 <= code <= 599:
        raise ValueError(f"status: a {fault.value} fault needs a 5xx status, got {code}")
    return FaultRule(
        kind=fault,
        remaining=count,
        method=method.upper() if method else None,
        path=path,
        status=code,
        retry_after=None if retry_after is None else str(retry_after),
        delay=delay,
        body=body,
    )


class FaultQueue:
    """The `fail_next` rules not yet used up, in order: a request is failed by the first rule matching it."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def peek(self, method: str, path: str) -> FaultRule | None:
        """The rule that would fail this request (API-relative `path`) now; none is used up."""
        with self._lock:
            return next((r for r in self._rules if r.matches(method, path)), None)

    def take(self, method: str, path: str) -> FaultRule | None:
        """The rule that fails this request, one of its `count` spent (a rule used up leaves the queue)."""
        with self._lock:
            rule = next((r for r in self._rules if r.matches(method, path)), None)
            if rule is not None:
                rule.remaining -= 1
                self._rules = [r for r in self._rules if r.remaining > 0]
            return rule
