"""The request path under the generated functions: auth and headers, retries, logging, and error mapping.

The generated operations only call ``client.get_httpx_client().request(method=..., url=..., ...)``. We hand them a
sender with that one method, wrapping the httpx client (ours or the user's). It sets the key and headers on every
request, reads each answer within `max_response_bytes` and the call within its `deadline` (_limits.py), retries by
the policy, logs, and raises the mapped exception for any status >= 300, so the generated layer only ever parses a
success.
"""

from __future__ import annotations

import contextvars
import logging
import math
import time
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, cast

import anyio
import httpx

from withallo_client.client import AuthenticatedClient

from . import _limits, _retry
from ._error_map import SURELY_NOT_SENT, api_error, transport_error
from ._sanitize import shown
from ._throttle import Throttle
from .errors import ApiTimeoutError, ClientClosedError, InvalidParameterError

logger = logging.getLogger("withallo")

# The last response handed to the generated layer in this thread/task, so that a body it cannot parse is reported
# with its status and text (see _operations.py).
last_response: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar("last_response", default=None)


class ApiKeyAuth(httpx.Auth):
    """Sends the raw key as `Authorization` (Allo v1 takes no `Bearer` prefix). Its repr never shows the key."""

    def __init__(self, api_key: str) -> None:
        self._api_key = api_key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._api_key
        yield request


@dataclass(frozen=True, repr=False)
class Settings:
    """What every request needs: where to send it, who is asking, and the retry policy."""

    auth: ApiKeyAuth
    base_url: str
    user_agent: str
    policy: _retry.RetryPolicy
    max_response_bytes: int = _limits.DEFAULT_MAX_RESPONSE_BYTES
    deadline: float | None = _limits.DEFAULT_DEADLINE
    throttle: Throttle | None = None  # waits for the rate-limit budget before each attempt (withallo_ext._throttle)


class _Exchange:
    """One logical request across its attempts: builds it, then decides after each attempt (shared by both senders)."""

    def __init__(self, settings: Settings, http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any]) -> None:
        self.settings = settings
        extra: dict[str, Any] = kwargs.pop("headers", None) or {}
        method = str(kwargs.pop("method")).upper()
        url = settings.base_url + str(kwargs.pop("url"))
        try:
            self.request = http.build_request(method, url, **kwargs)
        except (ValueError, TypeError) as exc:
            # httpx could not encode the body (json.dumps or str.encode refused it): a `client.generated` call, as the
            # resources check theirs first (_validate.py). The caller's input, not an "unreadable response".
            reason = f"could not be encoded, nothing was sent ({type(exc).__name__}: {shown(exc)})"
            raise InvalidParameterError("request", reason) from None
        # Set on the built request, not passed as build_request(headers=...): httpx merges those into the client's
        # defaults with Headers.update, a pop and a rescan per key (~7 µs a call, a third of the SDK's own cost on
        # phone_numbers.list); __setitem__ replaces the client's value in place. Same headers sent either way.
        headers = self.request.headers
        # Only headers that do not shape the body may come this way: httpx built the body above, so a multipart
        # boundary set here would not match it. The generated operations send a JSON Content-Type and nothing else.
        for name, value in extra.items():
            headers[name] = value
        headers["User-Agent"] = settings.user_agent
        headers["Accept"] = "application/json"
        self.retries = 0
        # Whether an earlier attempt may have been applied by the server: it timed out or broke after connecting
        # (not SURELY_NOT_SENT), or answered a 5xx other than 503 (which says the server did not handle it: RFC 9110
        # 15.6.4). A DELETE retried after such an attempt takes 404 as done (_already_deleted).
        self.may_have_applied = False
        self.started = 0.0
        self.deadline = _limits.Deadline(settings.deadline)
        self._timeouts = dict(self.request.extensions.get("timeout", {}))
        values = self._timeouts.values()
        # While the time left is at least the longest timeout, capping changes nothing (the time left only shrinks,
        # so no earlier attempt was capped either): the usual case, a 300 s deadline over 5 s timeouts.
        self._longest = math.inf if None in values else max(values, default=0.0)

    def start(self) -> None:
        """Before each attempt: its timeouts no longer than the time the call has left."""
        self.started = time.monotonic()
        if self._timeouts:
            left = self.deadline.remaining()
            if left is not None and left < self._longest:
                self.request.extensions["timeout"] = self.deadline.capped(self._timeouts)

    def deadline_error(self) -> ApiTimeoutError:
        """The error for a call whose `deadline` passed (during an attempt, or before a retry could fit)."""
        request = self.request
        url = str(request.url.copy_with(query=None))
        what = f"the call's deadline of {self.settings.deadline:g} s passed (attempt {self.retries + 1})"
        if request.method == "POST":
            what += "; it may have reached the server, so it was not sent again"
        self._log("deadline passed")
        return ApiTimeoutError(f"{request.method} {url}: {what}", method=request.method, url=url)

    def _log(self, outcome: object) -> None:
        if not logger.isEnabledFor(logging.DEBUG):  # the arguments (the URL's path above all) cost more than the call
            return
        elapsed_ms = (time.monotonic() - self.started) * 1000
        request = self.request
        logger.debug(
            "%s %s -> %s (attempt %d, %.0f ms)", request.method, request.url.path, outcome, self.retries + 1, elapsed_ms
        )

    def _retrying(self, delay: float, reason: object) -> float:
        self.retries += 1
        logger.info(
            "Retrying %s %s in %.2f s after %s (retry %d of %d)",
            self.request.method,
            self.request.url.path,
            delay,
            reason,
            self.retries,
            self.settings.policy.max_retries,
        )
        return delay

    def after_response(self, response: httpx.Response) -> httpx.Response | float:
        """The response to hand back (a success); or seconds to wait before retrying; else raises."""
        self._log(response.status_code)
        if self.settings.throttle is not None:
            self.settings.throttle.observe(self.request.method, response.headers)
        if response.status_code == 404 and self.may_have_applied and self.request.method == "DELETE":
            response = self._already_deleted()
        if response.status_code < 300:
            # httpx's Response refers to itself through its stream (response.stream -> Bound*Stream -> response),
            # so it is freed only by the cyclic GC, and a walk over pages piles them up meanwhile. The body is
            # read and the stream spent: a plain ByteStream of the same bytes breaks the cycle, and the response
            # goes as soon as the generated layer is done with it.
            response.stream = httpx.ByteStream(response.content)
            last_response.set(response)
            return response
        error = api_error(response)
        delay = self.settings.policy.after_error(self.request.method, error, response.headers, self.retries)
        if delay is None or not self.deadline.allows(delay):
            raise error
        self.may_have_applied |= response.status_code >= 500 and response.status_code != 503
        return self._retrying(delay, f"HTTP {response.status_code}")

    def _already_deleted(self) -> httpx.Response:
        """A 204 for the 404 a DELETE got after an attempt that may have been applied: that attempt most likely
        deleted it, and gone is what was asked (NotFoundError would report a failure where there was none)."""
        what = "404 on retry %d: an earlier attempt may have deleted it; taken as done"
        logger.info("%s %s -> " + what, self.request.method, self.request.url.path, self.retries)
        return httpx.Response(204, request=self.request)

    def after_exception(self, exc: httpx.RequestError) -> float:
        """Seconds to wait before retrying a transport failure; else raises ApiTimeoutError / ApiConnectionError."""
        if self.deadline.expired():  # a read timeout lowered to the time left: say it was the deadline
            raise self.deadline_error() from exc
        self._log(type(exc).__name__)
        delay = self.settings.policy.after_exception(self.request.method, exc, self.retries)
        if delay is None or not self.deadline.allows(delay):
            # h11's LocalProtocolError quotes the header it refused, which may be the key: don't chain it.
            cause = None if isinstance(exc, httpx.LocalProtocolError) else exc
            raise transport_error(exc, self.request) from cause
        self.may_have_applied |= not isinstance(exc, SURELY_NOT_SENT)
        return self._retrying(delay, type(exc).__name__)


class _Sender:
    """What both senders share: the httpx client, the settings, and whether our client was closed."""

    def __init__(self, http: httpx.Client | httpx.AsyncClient, settings: Settings) -> None:
        self._http = http
        self._settings = settings
        self.closed = False  # set by WithalloClient.close(), even when the httpx client is the user's and stays open

    def _check_open(self) -> None:
        """ClientClosedError, not httpx's RuntimeError, after our close() or the user's own http_client.close()."""
        if self.closed or self._http.is_closed:
            raise ClientClosedError()


class SyncSender(_Sender):
    """Duck-types the one httpx.Client method the generated sync functions call."""

    _http: httpx.Client

    def __init__(self, http: httpx.Client, settings: Settings) -> None:
        super().__init__(http, settings)

    def request(self, **kwargs: Any) -> httpx.Response:
        exchange = _Exchange(self._settings, self._http, kwargs)
        # The SDK's own client's sockets wait no longer than this (_sync_deadline.py): even dripped headers end.
        token = _limits.sync_deadline.set(exchange.deadline.at)
        try:
            return self._attempts(exchange)
        finally:
            _limits.sync_deadline.reset(token)

    def _attempts(self, exchange: _Exchange) -> httpx.Response:
        while True:
            self._check_open()
            if self._settings.throttle is not None:
                self._settings.throttle.before(exchange.request.method)
            exchange.start()
            try:
                response = self._http.send(exchange.request, auth=self._settings.auth, stream=True)
                _limits.read(response, self._settings.max_response_bytes, exchange.deadline)
            except _limits.DeadlineExceeded:
                raise exchange.deadline_error() from None
            except httpx.RequestError as exc:
                _retry.sleep(exchange.after_exception(exc))
                continue
            except httpx.HTTPStatusError as exc:  # an event hook of the user's client called raise_for_status()
                response = exc.response
            outcome = exchange.after_response(response)
            if isinstance(outcome, httpx.Response):
                return outcome
            _retry.sleep(outcome)


class AsyncSender(_Sender):
    """Duck-types the one httpx.AsyncClient method the generated async functions call."""

    _http: httpx.AsyncClient

    def __init__(self, http: httpx.AsyncClient, settings: Settings) -> None:
        super().__init__(http, settings)

    async def request(self, **kwargs: Any) -> httpx.Response:
        exchange = _Exchange(self._settings, self._http, kwargs)
        while True:
            self._check_open()
            if self._settings.throttle is not None:
                await self._settings.throttle.abefore(exchange.request.method)
            exchange.start()
            try:
                # The cancel scope also bounds what the read timeout cannot: headers or a body dripped slowly.
                with anyio.move_on_after(exchange.deadline.remaining()) as scope:
                    response = await self._http.send(exchange.request, auth=self._settings.auth, stream=True)
                    await _limits.aread(response, self._settings.max_response_bytes, exchange.deadline)
                if scope.cancelled_caught:
                    raise _limits.DeadlineExceeded()
            except _limits.DeadlineExceeded:
                raise exchange.deadline_error() from None
            except httpx.RequestError as exc:
                await _retry.async_sleep(exchange.after_exception(exc))
                continue
            except httpx.HTTPStatusError as exc:  # an event hook of the user's client called raise_for_status()
                response = exc.response
            outcome = exchange.after_response(response)
            if isinstance(outcome, httpx.Response):
                return outcome
            await _retry.async_sleep(outcome)


class _OtherMode:
    """Stands in for the httpx client of the mode a handle does not serve: WithalloClient.generated has no async
    side, AsyncWithalloClient.generated no sync side. Calling it says so, instead of sending unauthenticated."""

    def __init__(self, use: str) -> None:
        self._use = use

    def request(self, **kwargs: Any) -> Any:
        raise InvalidParameterError("client", self._use)


def generated_client(sender: SyncSender | AsyncSender) -> AuthenticatedClient:
    """A generated AuthenticatedClient whose requests all go through `sender`.

    The token is a placeholder: set_httpx_client() bypasses it, and the sender adds the real key per request
    (so it never sits in this attrs object's repr).
    """
    client = AuthenticatedClient(base_url="", token="unused", prefix="")
    if isinstance(sender, SyncSender):
        other = _OtherMode("WithalloClient.generated serves sync/sync_detailed; use AsyncWithalloClient for asyncio")
        client.set_async_httpx_client(cast(httpx.AsyncClient, other))
        return client.set_httpx_client(cast(httpx.Client, sender))
    other = _OtherMode("AsyncWithalloClient.generated serves asyncio/asyncio_detailed; use WithalloClient for sync")
    client.set_httpx_client(cast(httpx.Client, other))
    return client.set_async_httpx_client(cast(httpx.AsyncClient, sender))
