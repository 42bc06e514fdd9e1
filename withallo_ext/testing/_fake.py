"""FakeAllo: a stateful in-memory Allo v1 API, as a request -> response function (the public facade).

The same core answers in-process (`fake.transport`, an httpx.MockTransport for sync and async clients) and over
a real socket (`fake.serve()`). It checks the raw key and its scopes, validates input like the server, keeps
state, fails on demand (`fail_next`), records every request, and delivers webhooks (`deliver`).

Its parts: the account's state and operations (`_account`), the routing table (`_routes`), keys and scopes
(`_scopes`), recorded requests (`_records`), faults (`_faults`), rate limits (`_ratelimits`), in-process clients
(`_inprocess`), the server (`_server`) and outgoing webhooks (`_outgoing`, which FakeAllo inherits).
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from withallo_ext._ratelimit import RateLimits

from ._account import Account
from ._account_state import Pagination
from ._data import DEFAULT_SENDER_IDS
from ._defaults import API_PATH, DEFAULT_API_KEY, DEFAULT_BASE_URL
from ._faults import Fault, FaultQueue, make_rule
from ._inprocess import InProcessClients
from ._outgoing import WebhookDeliveries
from ._problems import not_found
from ._ratelimits import FakeRateLimiter
from ._records import RecordedRequest, RequestLog
from ._reply import Reply
from ._routes import answer
from ._scopes import ALL_SCOPES, Keys
from ._server import FakeAlloServer

if TYPE_CHECKING:
    from withallo_ext._client import AsyncWithalloClient, WithalloClient


class FakeAllo(WebhookDeliveries):
    """An in-memory Allo account behind the v1 API.

    >>> fake = FakeAllo(seed=1)
    >>> with fake.client() as client:  # a WithalloClient wired to the fake, in-process
    ...     numbers = client.phone_numbers.list()

    `close()` (or a `with FakeAllo() as fake:` block, or the end of a test using the `fake_allo` fixture) closes
    every httpx client the fake made for `client()`, `async_client()`, `http_client()` and `async_http_client()`
    that is still open.

    `seed` makes the account's contacts, calls and texts; the same seed gives the same data. `pagination`
    chooses how page metadata is sent: "nested" (`metadata.pagination.total_pages`) or "flat".
    `max_recorded` bounds the requests kept for `requests` (the most recent ones; `request_count` counts them all),
    so that a long-running fake does not grow without end.

    `rate_limits=True` enforces Allo's documented per-key limits (20 GET/s, 5 writes/s); a `RateLimits` sets
    others. Every answer then carries X-RateLimit-Limit/-Remaining/-Reset, and a request over the budget gets
    429 `{"code": "RATE_LIMITED"}` with Retry-After (`fake.rate_limiter` counts them). Off by default.
    """

    def __init__(
        self,
        seed: int = 0,
        *,
        api_key: str = DEFAULT_API_KEY,
        scopes: Iterable[str] = ALL_SCOPES,
        pagination: Pagination = "nested",
        sender_ids: Iterable[str] = DEFAULT_SENDER_IDS,
        base_url: str = DEFAULT_BASE_URL,
        clock: Callable[[], datetime.datetime] | None = None,
        max_recorded: int = 1000,
        rate_limits: bool | RateLimits | None = None,
    ) -> None:
        self._log = RequestLog(max_recorded)
        if pagination not in ("nested", "flat"):
            raise ValueError(f"pagination: must be 'nested' or 'flat', got {pagination!r}")
        super().__init__()
        self.seed = seed
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.account = Account(seed, pagination=pagination, sender_ids=sender_ids, clock=clock)
        self._keys = Keys()
        self._faults = FaultQueue()
        # Looked up at each request, as before the split: a handler replaced on the instance (a test's wrapper) answers.
        self._clients = InProcessClients(lambda request: self.handler(request))
        self._lock = threading.RLock()  # one request at a time applies to the account
        self.rate_limiter: FakeRateLimiter | None = None
        if rate_limits is not None and rate_limits is not False:
            self.rate_limiter = FakeRateLimiter(RateLimits() if rate_limits is True else rate_limits)
        self.add_key(api_key, scopes)

    def __repr__(self) -> str:
        return f"<FakeAllo seed={self.seed} keys={len(self._keys)} requests={len(self._log)}>"

    # -- keys -----------------------------------------------------------------------------------------------
    def add_key(self, api_key: str, scopes: Iterable[str] = ALL_SCOPES) -> str:
        """Accept another raw API key, with only the given scopes (e.g. `["CONTACTS_READ"]`). Returns the key."""
        self._keys.add(api_key, scopes)
        return api_key

    def revoke_key(self, api_key: str) -> None:
        """Make a key answer 401 from now on."""
        self._keys.revoke(api_key)

    # -- faults and records ---------------------------------------------------------------------------------
    def fail_next(
        self,
        count: int = 1,
        kind: Fault | str = Fault.SERVER_ERROR,
        *,
        method: str | None = None,
        path: str | None = None,
        status: int | None = None,
        retry_after: int | str | None = 1,
        delay: float = 30.0,
        body: Any = None,
    ) -> None:
        """Make the next `count` requests (matching `method` and the `path` glob, e.g. `/contact/*`) fail.

        kinds: "rate_limit" (429 + Retry-After: `retry_after`, None for no header), "server_error" (`status`, 503
        by default, JSON body), "html_error" (502 HTML page), "timeout" (the request is applied, then the client
        times out: in-process httpx.ReadTimeout; over a socket the answer is held `delay` seconds, or until the
        client hangs up, so the client's own timeout is what ends the wait), "disconnect"
        (nothing is applied; in-process httpx.ConnectError, over a socket the connection is closed unanswered).
        Rules queue up; each request is failed by the first rule that matches it (`next_fault` says which).
        """
        self._faults.add(
            make_rule(
                count, kind, method=method, path=path, status=status, retry_after=retry_after, delay=delay, body=body
            )
        )

    def clear_faults(self) -> None:
        """Forget the faults not yet used."""
        self._faults.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        """The requests received so far, oldest first (a copy): all of them, or the last `max_recorded`."""
        return self._log.requests

    @property
    def request_count(self) -> int:
        """How many requests were received in all, those no longer kept in `requests` included."""
        return self._log.count

    def requests_to(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        """The recorded requests with this method and/or API-relative path."""
        return [
            r
            for r in self.requests
            if (method is None or r.method == method.upper()) and (path is None or r.path == path)
        ]

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request; AssertionError when there was none."""
        requests = self.requests
        assert requests, "FakeAllo received no request"
        return requests[-1]

    # -- the request -> response core ----------------------------------------------------------------------
    def next_fault(self, request: httpx.Request) -> Fault | None:
        """The fault the queued rules would give `request` if it came now (None: a normal answer); uses none up.

        E.g. an httpx request hook can give the one request the fake will hold (a "timeout") a short read timeout.
        """
        rule = self._faults.peek(request.method, _paths(request)[1])
        return rule.kind if rule is not None else None

    def reply(self, request: httpx.Request) -> Reply:
        """Decide what to do with a request: apply it and answer, or fail it as a queued fault says."""
        raw_path, path = _paths(request)
        admission = (
            None
            if self.rate_limiter is None
            else self.rate_limiter.admit(request.headers.get("authorization"), request.method)
        )
        if admission is not None and not admission.admitted:
            self._log.record(request, path, 429, None)
            return Reply(admission.rejection())
        reply = self._reply(request, raw_path, path)
        if admission is not None and reply.response is not None:
            reply.response.headers.update(admission.headers)
        return reply

    def _reply(self, request: httpx.Request, raw_path: str, path: str) -> Reply:
        with self._lock:
            rule = self._faults.take(request.method, path)
            fault = rule.kind if rule is not None else None
            if rule is not None and rule.kind is Fault.DISCONNECT:
                self._log.record(request, path, None, rule.kind.value)
                return Reply(None)
            if rule is not None and rule.kind is not Fault.TIMEOUT:
                response = rule.response()
            elif not raw_path.startswith(API_PATH + "/"):
                response = not_found().response()
            else:
                response = answer(request, path, self.account, self._keys)
            if rule is not None and rule.kind is Fault.TIMEOUT:
                self._log.record(request, path, None, rule.kind.value)
                return Reply(response, late=True, delay=rule.delay)
            self._log.record(request, path, response.status_code, fault.value if fault else None)
            return Reply(response)

    def handler(self, request: httpx.Request) -> httpx.Response:
        """The in-process form of `reply`: a timeout raises httpx.ReadTimeout (after the request was applied),
        a dropped connection httpx.ConnectError (before)."""
        outcome = self.reply(request)
        if outcome.response is None:
            raise httpx.ConnectError("FakeAllo: injected dropped connection", request=request)
        if outcome.late:
            raise httpx.ReadTimeout("FakeAllo: injected timeout (the request was applied)", request=request)
        return outcome.response

    @property
    def transport(self) -> httpx.MockTransport:
        """An httpx transport answering from this fake, for `httpx.Client` and `httpx.AsyncClient` alike."""
        return self._clients.transport

    # -- clients and servers --------------------------------------------------------------------------------
    def http_client(self, **options: Any) -> httpx.Client:
        """An httpx.Client answered by this fake, with the base URL and the key already set."""
        return self._clients.http_client(self.base_url, self.api_key, **options)

    def async_http_client(self, **options: Any) -> httpx.AsyncClient:
        """An httpx.AsyncClient answered by this fake, with the base URL and the key already set."""
        return self._clients.async_http_client(self.base_url, self.api_key, **options)

    def client(self, **options: Any) -> WithalloClient:
        """A WithalloClient wired to this fake in-process; its close() closes everything it holds. Options go to
        WithalloClient (e.g. max_retries)."""
        return self._clients.client(self.base_url, self.api_key, **options)

    def async_client(self, **options: Any) -> AsyncWithalloClient:
        """An AsyncWithalloClient wired to this fake in-process; its aclose() closes everything it holds."""
        return self._clients.async_client(self.base_url, self.api_key, **options)

    def close(self) -> None:
        """Close the httpx clients this fake made that are still open (done by the `fake_allo` fixture's teardown)."""
        self._clients.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, log: Callable[[str], None] | None = None, **limits: Any
    ) -> FakeAlloServer:
        """This fake as a real HTTP server, already started; use it in a `with` block. Port 0 picks a free port.
        `log` receives one line per request (`POST /v1/api/sms -> 200`); `limits` are FakeAlloServer's
        (`max_body`, `idle_timeout`)."""
        return FakeAlloServer(self, host=host, port=port, log=log, **limits).start()


def _paths(request: httpx.Request) -> tuple[str, str]:
    """The request's raw path (no query), and the same relative to the API base (`/contact/cnt_1`) when under it."""
    raw_path = request.url.raw_path.decode("ascii", "replace").split("?", 1)[0]
    return raw_path, raw_path[len(API_PATH) :] if raw_path.startswith(API_PATH + "/") else raw_path
