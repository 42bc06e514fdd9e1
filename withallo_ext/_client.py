"""WithalloClient and AsyncWithalloClient: the entry points, each holding one resource per API area (`calls`,
`contacts`, `phone_numbers`, `sms`, `webhooks`; see withallo_ext/_resources/). Options are resolved in _config.py.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Self

import httpx

from withallo_client.client import AuthenticatedClient

from . import _limits
from . import _validate as check
from ._config import default_user_agent, limiter, resolve_api_key, resolve_base_url
from ._http import ApiKeyAuth, AsyncSender, Settings, SyncSender, generated_client
from ._ratelimit import Bucket, RateLimits, RateLimitSnapshot
from ._resources.calls import AsyncCalls, Calls
from ._resources.contacts import AsyncContacts, Contacts
from ._resources.phone_numbers import AsyncPhoneNumbers, PhoneNumbers
from ._resources.sms.resource import AsyncSms, Sms
from ._resources.webhooks import AsyncWebhooks, Webhooks
from ._retry import RetryPolicy
from ._throttle import RateLimiter, Throttle
from .errors import InvalidParameterError

__all__ = ["AsyncWithalloClient", "WithalloClient"]

logger = logging.getLogger("withallo")


def _connection_failed(exc: Exception) -> bool:
    """test_connection()'s False, logged at DEBUG by class name only (a foreign exception's text may quote anything)."""
    logger.debug("test_connection failed: %s", type(exc).__name__)
    return False


class _Base:
    """Construction shared by both clients: checks every option before anything is sent."""

    _http: httpx.Client | httpx.AsyncClient
    _owns_http: bool
    _generated: AuthenticatedClient

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        environment: str | None,
        timeout: float,
        connect_timeout: float,
        user_agent: str | None,
        max_retries: int,
        max_response_bytes: int = _limits.DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = _limits.DEFAULT_DEADLINE,
        allow_insecure_http: bool = False,
        rate_limits: RateLimits | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        key = resolve_api_key(api_key)
        field, base_url = resolve_base_url(base_url, environment)
        self._base_url = check.secure_base_url(field, base_url, allow_insecure_http)
        self._allow_insecure_http = allow_insecure_http  # also lets webhooks.create take a plain http:// url
        self._timeout = httpx.Timeout(
            check.positive_number("timeout", timeout), connect=check.positive_number("connect_timeout", connect_timeout)
        )
        self._max_retries = check.max_retries(max_retries)
        self._throttle = Throttle(limiter(rate_limits, rate_limiter), max_wait=float(timeout))
        self._settings = Settings(
            auth=ApiKeyAuth(key),
            base_url=self._base_url,
            user_agent=default_user_agent() if user_agent is None else check.user_agent(user_agent),
            policy=RetryPolicy(max_retries=self._max_retries),
            max_response_bytes=_limits.checked_limit(max_response_bytes),
            deadline=_limits.checked_deadline(deadline),
            throttle=self._throttle,
        )

    @property
    def base_url(self) -> str:
        """The API root every path is appended to."""
        return self._base_url

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated client (`withallo_client`) sending through this client: pass it as `client=` to any
        operation of `withallo_client.api`, including one added to the spec before the SDK has a method for it.

        Its requests carry the key and the SDK's headers, are retried by the same policy, logged, and a status
        >= 300 raises the same WithalloError subclass as the resource methods; the generated layer parses the
        success (a body that does not fit the spec raises withallo_client.SchemaMismatchError). WithalloClient's
        handle serves the `sync`/`sync_detailed` functions, AsyncWithalloClient's the `asyncio` ones.
        """
        return self._generated

    @property
    def max_retries(self) -> int:
        """How many times a failed request may be sent again (0: never)."""
        return self._max_retries

    @property
    def rate_limit(self) -> RateLimitSnapshot | None:
        """The latest answer's X-RateLimit-* values (limit, remaining, reset, and which budget), or None before any."""
        return self._throttle.latest

    def rate_limit_for(self, bucket: Bucket) -> RateLimitSnapshot | None:
        """The latest X-RateLimit-* values of one budget: "get" (GET requests) or "write" (POST, PUT, DELETE)."""
        if bucket not in ("get", "write"):
            raise InvalidParameterError("bucket", '"get" or "write"')
        return self._throttle.latest_for(bucket)

    def __repr__(self) -> str:
        # getattr: a client whose __init__ raised half-way is still repr'd by tracebacks with locals (pytest -l).
        base_url, max_retries = getattr(self, "_base_url", None), getattr(self, "_max_retries", None)
        return f"{type(self).__name__}(base_url={base_url!r}, api_key='***', max_retries={max_retries})"


class WithalloClient(_Base):
    """The Allo v1 API, synchronously.

    `api_key` falls back to the WITHALLO_API_KEY environment variable. `environment` is "production" or a full
    URL; `base_url` wins when given. With neither, the WITHALLO_BASE_URL environment variable is the API root
    when set (a fake Allo, a staging proxy), else production. `http_client` may be your own httpx.Client: the SDK
    still sets the key and its headers on each request, and leaves that client open on close() (you created it,
    you close it); `timeout` and `connect_timeout` then do not apply, the client's own timeouts do, and `deadline`
    is checked between reads, not within one (README, "Security").

    `timeout` bounds each wait for bytes; `deadline` (seconds, None for none) bounds a whole call, its retries and
    their waits included. `max_response_bytes` caps the size of an answer once decompressed (10 MiB by default):
    a larger one raises ResponseTooLargeError and is not read further. A plain http:// URL is refused for any host
    but this machine's (the key would travel in clear text) unless `allow_insecure_http=True`, both as the API root
    and as a webhook's target in `webhooks.create` (deliveries carry transcripts and personal data).
    Rate limits: the client reads Allo's X-RateLimit-* headers (`rate_limit`) and, when a budget is spent, waits
    for its reset before sending (at most `timeout` seconds). `rate_limits=RateLimits(...)` also paces this
    client's requests, all threads together; `rate_limiter=RedisRateLimiter(...)` shares one budget between
    processes (withallo_ext.redis_limiter).
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        environment: str | None = None,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        user_agent: str | None = None,
        max_retries: int = 2,
        http_client: httpx.Client | None = None,
        max_response_bytes: int = _limits.DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = _limits.DEFAULT_DEADLINE,
        allow_insecure_http: bool = False,
        rate_limits: RateLimits | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url,
            environment,
            timeout,
            connect_timeout,
            user_agent,
            max_retries,
            max_response_bytes,
            deadline,
            allow_insecure_http,
            rate_limits=rate_limits,
            rate_limiter=rate_limiter,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise InvalidParameterError(
                "http_client", "must be an httpx.Client (AsyncWithalloClient takes AsyncClient)"
            )
        self._owns_http = http_client is None
        if http_client is None:
            from ._sync_deadline import install  # imports httpcore, as making an httpx.Client does anyway

            http_client = httpx.Client(timeout=self._timeout)
            install(http_client)  # its sockets keep the call's deadline, even while headers are read
        self._http = http = http_client
        self._sender = SyncSender(http, self._settings)
        self._generated = generated = generated_client(self._sender)
        self.webhooks = Webhooks(generated, allow_insecure_http=self._allow_insecure_http)
        self.calls = Calls(generated)
        self.contacts = Contacts(generated)
        self.sms = Sms(generated)
        self.phone_numbers = PhoneNumbers(generated)

    def test_connection(self) -> bool:
        """True when the key can list the account's numbers; False on any API or network error (never raises)."""
        try:
            self.phone_numbers.list()
        except Exception as exc:  # never raises, whatever a user's http_client or its hooks throw
            return _connection_failed(exc)
        return True

    def close(self) -> None:
        """Close the connection pool, unless it belongs to an `http_client` you passed in. Later calls raise."""
        self._sender.closed = True
        if self._owns_http and isinstance(self._http, httpx.Client):
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncWithalloClient(_Base):
    """The Allo v1 API for asyncio (or trio): the same surface as WithalloClient, awaited, with `async for` pages.

    Options as WithalloClient's (WITHALLO_API_KEY and WITHALLO_BASE_URL included).

    `http_client` may be your own httpx.AsyncClient; it is left open on aclose().
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        environment: str | None = None,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        user_agent: str | None = None,
        max_retries: int = 2,
        http_client: httpx.AsyncClient | None = None,
        max_response_bytes: int = _limits.DEFAULT_MAX_RESPONSE_BYTES,
        deadline: float | None = _limits.DEFAULT_DEADLINE,
        allow_insecure_http: bool = False,
        rate_limits: RateLimits | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url,
            environment,
            timeout,
            connect_timeout,
            user_agent,
            max_retries,
            max_response_bytes,
            deadline,
            allow_insecure_http,
            rate_limits=rate_limits,
            rate_limiter=rate_limiter,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise InvalidParameterError("http_client", "must be an httpx.AsyncClient (WithalloClient takes Client)")
        self._owns_http = http_client is None
        self._http = http = http_client if http_client is not None else httpx.AsyncClient(timeout=self._timeout)
        self._sender = AsyncSender(http, self._settings)
        self._generated = generated = generated_client(self._sender)
        self.webhooks = AsyncWebhooks(generated, allow_insecure_http=self._allow_insecure_http)
        self.calls = AsyncCalls(generated)
        self.contacts = AsyncContacts(generated)
        self.sms = AsyncSms(generated)
        self.phone_numbers = AsyncPhoneNumbers(generated)

    async def test_connection(self) -> bool:
        """True when the key can list the account's numbers; False on any API or network error (never raises)."""
        try:
            await self.phone_numbers.list()
        except Exception as exc:  # never raises, whatever a user's http_client or its hooks throw
            return _connection_failed(exc)
        return True

    async def aclose(self) -> None:
        """Close the connection pool, unless it belongs to an `http_client` you passed in. Later calls raise."""
        self._sender.closed = True
        if self._owns_http and isinstance(self._http, httpx.AsyncClient):
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
