"""FakeAllo: a stateful in-memory Allo v1 API, as a request -> response function.

The same core answers in-process (`fake.transport`, an httpx.MockTransport for sync and async clients) and over
a real socket (`fake.serve()`). It checks the raw key and its scopes, validates input like the server, keeps
state, fails on demand (`fail_next`), records every request, and delivers webhooks (`deliver`).
"""

from __future__ import annotations

import datetime
import json
import re
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar
from urllib.parse import unquote

import httpx

from withallo_ext._ratelimit import RateLimits

from ._account import Account, Pagination, Result
from ._apps import DEFAULT_PATH, apost_to_app, delivery_target, post_to_app
from ._data import DEFAULT_SENDER_IDS
from ._defaults import API_PATH, DEFAULT_API_KEY, DEFAULT_BASE_URL
from ._delivery import Delivery, build_delivery
from ._faults import Fault, FaultRule, make_rule
from ._loopback import is_loopback
from ._problems import ApiProblem, bad_request, error_body, not_found
from ._ratelimits import FakeRateLimiter
from ._reply import Reply
from ._server import FakeAlloServer

if TYPE_CHECKING:
    from withallo_ext._client import AsyncWithalloClient, WithalloClient

ALL_SCOPES = frozenset(
    {"WEBHOOKS_READ_WRITE", "CONVERSATIONS_READ", "CONTACTS_READ", "CONTACTS_READ_WRITE", "SMS_SEND"}
)
# A scope that also grants another (read-write includes read).
_IMPLIED = {"CONTACTS_READ_WRITE": "CONTACTS_READ"}

_HttpClient = TypeVar("_HttpClient", httpx.Client, httpx.AsyncClient)
_Operation = Callable[[Account, dict[str, str], Mapping[str, str], Any], Result]


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: re.Pattern[str]
    scope: str
    operation: _Operation
    has_body: bool = False


def _route(method: str, template: str, scope: str, operation: _Operation) -> _Route:
    pattern = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")
    return _Route(method, pattern, scope, operation, has_body=method in {"POST", "PUT"})


# The v1 operations of openapi/withallo.yaml, with the scope each needs (the spec's tag descriptions
# name them: `tags:` in openapi/withallo.yaml).
_ROUTES = (
    _route("GET", "/webhooks", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.list_webhooks()),
    _route("POST", "/webhooks", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.create_webhook(b)),
    _route(
        "DELETE", "/webhooks/{webhook_id}", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.delete_webhook(p["webhook_id"])
    ),
    _route("GET", "/calls", "CONVERSATIONS_READ", lambda a, p, q, b: a.search_calls(q)),
    _route("GET", "/contact/{contact_id}", "CONTACTS_READ", lambda a, p, q, b: a.get_contact(p["contact_id"], q)),
    _route(
        "GET",
        "/contact/{contact_id}/conversation",
        "CONVERSATIONS_READ",
        lambda a, p, q, b: a.search_conversation(p["contact_id"], q),
    ),
    _route("GET", "/contacts", "CONTACTS_READ", lambda a, p, q, b: a.search_contacts(q)),
    _route("POST", "/contacts", "CONTACTS_READ_WRITE", lambda a, p, q, b: a.create_contact(b)),
    _route(
        "PUT", "/contacts/{contact_id}", "CONTACTS_READ_WRITE", lambda a, p, q, b: a.update_contact(p["contact_id"], b)
    ),
    _route("POST", "/sms", "SMS_SEND", lambda a, p, q, b: a.send_sms(b)),
    _route("GET", "/numbers", "CONVERSATIONS_READ", lambda a, p, q, b: a.list_numbers()),
)


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


class FakeAllo:
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
        if isinstance(max_recorded, bool) or not isinstance(max_recorded, int) or max_recorded < 1:
            raise ValueError(f"max_recorded: must be an integer >= 1, got {max_recorded!r}")
        if pagination not in ("nested", "flat"):
            raise ValueError(f"pagination: must be 'nested' or 'flat', got {pagination!r}")
        self.seed = seed
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.account = Account(seed, pagination=pagination, sender_ids=sender_ids, clock=clock)
        self._keys: dict[str, frozenset[str]] = {}
        self._faults: list[FaultRule] = []
        self._requests: deque[RecordedRequest] = deque(maxlen=max_recorded)  # a ring: the oldest drop out
        self._request_count = 0
        self._deliveries: list[Delivery] = []
        self._http_clients: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()
        self._lock = threading.RLock()
        self.rate_limiter: FakeRateLimiter | None = None
        if rate_limits is not None and rate_limits is not False:
            self.rate_limiter = FakeRateLimiter(RateLimits() if rate_limits is True else rate_limits)
        self.add_key(api_key, scopes)

    def __repr__(self) -> str:
        return f"<FakeAllo seed={self.seed} keys={len(self._keys)} requests={len(self._requests)}>"

    # -- keys -----------------------------------------------------------------------------------------------
    def add_key(self, api_key: str, scopes: Iterable[str] = ALL_SCOPES) -> str:
        """Accept another raw API key, with only the given scopes (e.g. `["CONTACTS_READ"]`). Returns the key."""
        granted = frozenset(scopes)
        unknown = granted - ALL_SCOPES
        if unknown:
            raise ValueError(f"scopes: unknown {sorted(unknown)}; known scopes are {sorted(ALL_SCOPES)}")
        if not api_key.strip():
            raise ValueError("api_key: must not be blank")
        with self._lock:
            self._keys[api_key] = granted | {_IMPLIED[s] for s in granted if s in _IMPLIED}
        return api_key

    def revoke_key(self, api_key: str) -> None:
        """Make a key answer 401 from now on."""
        with self._lock:
            self._keys.pop(api_key, None)

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
        rule = make_rule(
            count, kind, method=method, path=path, status=status, retry_after=retry_after, delay=delay, body=body
        )
        with self._lock:
            self._faults.append(rule)

    def clear_faults(self) -> None:
        """Forget the faults not yet used."""
        with self._lock:
            self._faults.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        """The requests received so far, oldest first (a copy): all of them, or the last `max_recorded`."""
        with self._lock:
            return list(self._requests)

    @property
    def request_count(self) -> int:
        """How many requests were received in all, those no longer kept in `requests` included."""
        with self._lock:
            return self._request_count

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

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook delivery made by `deliver`, oldest first (a copy)."""
        with self._lock:
            return list(self._deliveries)

    # -- the request -> response core ----------------------------------------------------------------------
    def next_fault(self, request: httpx.Request) -> Fault | None:
        """The fault the queued rules would give `request` if it came now (None: a normal answer); uses none up.

        E.g. an httpx request hook can give the one request the fake will hold (a "timeout") a short read timeout.
        """
        _, path = _paths(request)
        with self._lock:
            rule = self._rule_for(request.method, path)
        return rule.kind if rule is not None else None

    def _rule_for(self, method: str, path: str) -> FaultRule | None:
        """The first queued rule that fails this request (hold the lock)."""
        return next((r for r in self._faults if r.matches(method, path)), None)

    def reply(self, request: httpx.Request) -> Reply:
        """Decide what to do with a request: apply it and answer, or fail it as a queued fault says."""
        raw_path, path = _paths(request)
        admission = (
            None
            if self.rate_limiter is None
            else self.rate_limiter.admit(request.headers.get("authorization"), request.method)
        )
        if admission is not None and not admission.admitted:
            with self._lock:
                self._record(request, path, 429, None)
            return Reply(admission.rejection())
        reply = self._reply(request, raw_path, path)
        if admission is not None and reply.response is not None:
            reply.response.headers.update(admission.headers)
        return reply

    def _reply(self, request: httpx.Request, raw_path: str, path: str) -> Reply:
        with self._lock:
            rule = self._rule_for(request.method, path)
            if rule is not None:
                rule.remaining -= 1
                self._faults = [r for r in self._faults if r.remaining > 0]
            if rule is not None and rule.kind is Fault.DISCONNECT:
                self._record(request, path, None, rule.kind)
                return Reply(None)
            if rule is not None and rule.kind is not Fault.TIMEOUT:
                response = rule.response()
            elif not raw_path.startswith(API_PATH + "/"):
                response = self._error_response(not_found())
            else:
                response = self._answer(request, path)
            if rule is not None and rule.kind is Fault.TIMEOUT:
                self._record(request, path, None, rule.kind)
                return Reply(response, late=True, delay=rule.delay)
            self._record(request, path, response.status_code, rule.kind if rule else None)
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
        return httpx.MockTransport(self.handler)

    def _answer(self, request: httpx.Request, path: str) -> httpx.Response:
        try:
            return self._json_response(self._dispatch(request, path))
        except ApiProblem as problem:
            return self._error_response(problem)

    def _dispatch(self, request: httpx.Request, path: str) -> Result:
        key = request.headers.get("authorization")
        scopes = self._keys.get(key) if key is not None else None
        if scopes is None:
            raise ApiProblem(401, error_body("API_KEY_INVALID", None))
        matched = [(route, route.pattern.match(path)) for route in _ROUTES]
        found = [(route, match) for route, match in matched if match is not None]
        if not found:
            raise not_found()
        route, match = next(((r, m) for r, m in found if r.method == request.method), (None, None))
        if route is None or match is None:
            allowed = ", ".join(sorted({r.method for r, _ in found}))
            raise ApiProblem(405, error_body("METHOD_NOT_ALLOWED", None), {"Allow": allowed})
        if route.scope not in scopes:
            raise ApiProblem(403, error_body("API_KEY_INSUFFICIENT_SCOPE", [("scope", f"required={route.scope}")]))
        params = {name: unquote(value) for name, value in match.groupdict().items()}
        body = self._body(request) if route.has_body else None
        return route.operation(self.account, params, dict(request.url.params), body)

    @staticmethod
    def _body(request: httpx.Request) -> Any:
        try:
            return json.loads(request.content)
        except ValueError:
            raise bad_request("body", "must be valid JSON") from None

    @staticmethod
    def _json_response(result: Result) -> httpx.Response:
        status, body = result
        return httpx.Response(status) if body is None else httpx.Response(status, json=body)

    @staticmethod
    def _error_response(problem: ApiProblem) -> httpx.Response:
        return httpx.Response(problem.status, json=problem.body, headers=problem.headers)

    def _record(self, request: httpx.Request, path: str, status: int | None, fault: Fault | None) -> None:
        headers = {name.lower(): value for name, value in request.headers.items()}
        if "authorization" in headers:
            headers["authorization"] = mask_authorization(headers["authorization"])
        text = request.content.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = None
        self._request_count += 1
        self._requests.append(
            RecordedRequest(
                method=request.method,
                path=unquote(path),
                query=dict(request.url.params),
                headers=headers,
                json=parsed,
                text=text,
                status=status,
                fault=fault.value if fault else None,
            )
        )

    # -- clients and servers --------------------------------------------------------------------------------
    def http_client(self, **options: Any) -> httpx.Client:
        """An httpx.Client answered by this fake, with the base URL and the key already set."""
        headers = {"Authorization": self.api_key, **options.pop("headers", {})}
        return self._track(httpx.Client(transport=self.transport, base_url=self.base_url, headers=headers, **options))

    def async_http_client(self, **options: Any) -> httpx.AsyncClient:
        """An httpx.AsyncClient answered by this fake, with the base URL and the key already set."""
        headers = {"Authorization": self.api_key, **options.pop("headers", {})}
        http = httpx.AsyncClient(transport=self.transport, base_url=self.base_url, headers=headers, **options)
        return self._track(http)

    def client(self, **options: Any) -> WithalloClient:
        """A WithalloClient wired to this fake in-process; its close() closes everything it holds. Options go to
        WithalloClient (e.g. max_retries)."""
        from ._clients import FakeWithalloClient

        options.setdefault("api_key", self.api_key)
        http = self._track(httpx.Client(transport=self.transport, base_url=self.base_url))
        return FakeWithalloClient(base_url=self.base_url, http_client=http, **options)

    def async_client(self, **options: Any) -> AsyncWithalloClient:
        """An AsyncWithalloClient wired to this fake in-process; its aclose() closes everything it holds."""
        from ._clients import FakeAsyncWithalloClient

        options.setdefault("api_key", self.api_key)
        http = self._track(httpx.AsyncClient(transport=self.transport, base_url=self.base_url))
        return FakeAsyncWithalloClient(base_url=self.base_url, http_client=http, **options)

    def _track(self, http: _HttpClient) -> _HttpClient:
        with self._lock:
            self._http_clients.add(http)
        return http

    def close(self) -> None:
        """Close the httpx clients this fake made that are still open (done by the `fake_allo` fixture's teardown)."""
        with self._lock:
            clients = list(self._http_clients)
            self._http_clients.clear()
        for http in clients:
            if isinstance(http, httpx.Client):
                http.close()
            else:
                _close_async_client(http)

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

    # -- webhooks out ---------------------------------------------------------------------------------------
    def deliver(
        self,
        topic: Any,
        url: str | None = None,
        data: dict[str, Any] | None = None,
        secret: str | bytes | None = None,
        *,
        app: Any = None,
        path: str | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 10.0,
    ) -> int | None:
        """POST a `topic` event to `url`, or into your `app` in-process, as Allo does; returns the status answered.

        `data` defaults to the spec's example payload for the topic. With `secret` (`whsec_...`) the delivery is
        signed with Standard Webhooks headers. `app` (a WSGI app such as Flask or Django, or an ASGI app such as
        FastAPI) is called in-process at `path` (default ``/webhooks/allo``), with no server; `transport` is the
        lower-level way to the same. Returns None when `url` could not be reached or did not answer in `timeout`.
        A loopback `url` (a WebhookEndpoint, say) is reached directly, whatever HTTP(S)_PROXY says.
        """
        target = delivery_target(url, app, path, transport)
        name, headers, body = build_delivery(topic, data, secret, msg_id=msg_id, timestamp=timestamp)
        status: int | None
        if app is not None:
            status = post_to_app(app, path or DEFAULT_PATH, headers, body, timeout)
        else:
            try:
                with httpx.Client(transport=transport, timeout=timeout, trust_env=not is_loopback(target)) as http:
                    status = http.post(target, content=body, headers=headers).status_code
            except httpx.TransportError:
                status = None
        return self._delivered(Delivery(name, target, headers, body, status))

    async def adeliver(
        self,
        topic: Any,
        url: str | None = None,
        data: dict[str, Any] | None = None,
        secret: str | bytes | None = None,
        *,
        app: Any = None,
        path: str | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - the HTTP timeout of the delivery, passed to httpx
    ) -> int | None:
        """`deliver` for async code: `app` is typically an ASGI app (FastAPI); a WSGI one runs in a worker thread."""
        target = delivery_target(url, app, path, transport)
        name, headers, body = build_delivery(topic, data, secret, msg_id=msg_id, timestamp=timestamp)
        status: int | None
        if app is not None:
            status = await apost_to_app(app, path or DEFAULT_PATH, headers, body, timeout)
        else:
            try:
                async with httpx.AsyncClient(
                    transport=transport, timeout=timeout, trust_env=not is_loopback(target)
                ) as http:
                    status = (await http.post(target, content=body, headers=headers)).status_code
            except httpx.TransportError:
                status = None
        return self._delivered(Delivery(name, target, headers, body, status))

    def _delivered(self, delivery: Delivery) -> int | None:
        with self._lock:
            self._deliveries.append(delivery)
        return delivery.status


def _paths(request: httpx.Request) -> tuple[str, str]:
    """The request's raw path (no query), and the same relative to the API base (`/contact/cnt_1`) when under it."""
    raw_path = request.url.raw_path.decode("ascii", "replace").split("?", 1)[0]
    return raw_path, raw_path[len(API_PATH) :] if raw_path.startswith(API_PATH + "/") else raw_path


def _close_async_client(http: httpx.AsyncClient) -> None:
    """Close an httpx.AsyncClient from sync code (a fixture's teardown has no event loop).

    Its aclose() only awaits its transports' aclose(), and the fake's MockTransport does nothing there, so the
    coroutine finishes in its first step, with no event loop. One that would really wait (a mount the caller added)
    is left for its owner, already marked closed.
    """
    coroutine = http.aclose()
    try:
        coroutine.send(None)
    except StopIteration:
        return
    coroutine.close()
