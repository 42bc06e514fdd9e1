"""The exceptions withallo raises. Every one is a `WithalloError`.

API errors follow the HTTP status (401 Authentication, 403 Forbidden, 404 NotFound, 400/422 Validation,
429 RateLimit, any other status >= 400 ApiError, and a 3xx: the API never redirects, so none is followed).
Transport failures are ApiConnectionError, and ApiTimeoutError when the request timed out; `may_have_been_sent`
says whether it may have reached the server (for a POST: whether the SMS may have gone out).
Receiving webhooks: InvalidWebhookPayloadError (400), WebhookSignatureError (401), WebhookNumberNotAllowedError
(403), and DedupeStoreError when the dedupe store failed (503, so Allo replays).
No exception ever carries the API key.
"""

from __future__ import annotations

import datetime
from typing import Any

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "ClientClosedError",
    "DedupeStoreError",
    "ForbiddenError",
    "InvalidParameterError",
    "InvalidWebhookPayloadError",
    "NotFoundError",
    "RateLimitError",
    "ResponseTooLargeError",
    "UnexpectedResponseError",
    "ValidationError",
    "WebhookNumberNotAllowedError",
    "WebhookSignatureError",
    "WithalloError",
]


class WithalloError(Exception):
    """Base class of every exception raised by withallo."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and copy (multiprocessing, Celery) by rebuilding from args and attributes, not by calling __init__."""
        # Exception's default re-calls `cls(*self.args)`, which our keyword-only or split arguments cannot survive.
        return _new, (type(self), *self.args), self.__dict__


def _new(cls: type[WithalloError], *args: Any) -> WithalloError:
    """An exception of `cls` with these args and no __init__ run; pickle then restores its attributes."""
    return cls.__new__(cls, *args)


class InvalidParameterError(WithalloError, ValueError):
    """An argument was rejected before anything was sent. `field` names it, `rule` says what it breaks."""

    def __init__(self, field: str, rule: str) -> None:
        self.field = field
        self.rule = rule
        super().__init__(f"{field}: {rule}")


class ApiError(WithalloError):
    """The API answered with an HTTP status >= 400, or a 3xx redirect (the API sends none; it is never followed).

    `message` is the body's `code` when it is a string, else its first string among `message`, `error`,
    `detail`, else ``HTTP <status>``. `body` is the parsed JSON, or the raw text when the body is not JSON.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: Any = None,
        error_code: str | None = None,
        details: list[Any] | None = None,
        request_id: str | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.body = body
        self.error_code = error_code
        self.details = details if details is not None else []
        self.request_id = request_id
        self.method = method
        self.url = url
        super().__init__(message)

    def __str__(self) -> str:
        where = f" ({self.method} {self.url})" if self.method and self.url else ""
        rid = f" [request_id={self.request_id}]" if self.request_id else ""
        detail = "" if self.message == f"HTTP {self.status_code}" else f": {self.message}"
        return f"HTTP {self.status_code}{where}{detail}{rid}"


class AuthenticationError(ApiError):
    """401: the API key is missing, unknown or revoked."""


class ForbiddenError(ApiError):
    """403: the key lacks a scope. `required_scopes` lists those the server named (`required=...`)."""

    def __init__(self, message: str, *, required_scopes: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.required_scopes = required_scopes if required_scopes is not None else []


class NotFoundError(ApiError):
    """404: the resource does not exist."""


class ValidationError(ApiError):
    """400 or 422: the request was refused. `errors` maps each field at fault to the server's message."""

    def __init__(self, message: str, *, errors: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.errors = errors if errors is not None else {}


class RateLimitError(ApiError):
    """429: too many requests, or the key's quota is spent.

    `retry_after` is the server's Retry-After, in seconds or a date. `quota_exceeded` is True for a spent quota
    (`API_KEY_QUOTA_EXCEEDED`): such a 429 is never retried, and `retry_after` is then the Retry-After header or
    else the body's `reset_in` seconds (None when absent or past a year). `quota_limit` and `quota_type`
    (e.g. 1000 and ``"DAILY"``) are what the body said, None when absent or unreadable.
    """

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | datetime.datetime | None = None,
        quota_exceeded: bool = False,
        quota_limit: int | None = None,
        quota_type: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after
        self.quota_exceeded = quota_exceeded
        self.quota_limit = quota_limit
        self.quota_type = quota_type


class UnexpectedResponseError(ApiError):
    """The API answered with a success status but a body this client cannot read (not JSON, no `data`, ...)."""


class ResponseTooLargeError(ApiError):
    """The answer (any status) was larger than the client's `max_response_bytes`: it was not read further.

    Counted after decompression, as the body arrives, so a small compressed body that inflates past the limit
    stops there. `limit` is the limit in bytes; `body` is None. Never retried: the same answer would come again.
    """

    def __init__(self, message: str, *, limit: int, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.limit = limit


class ApiConnectionError(WithalloError):
    """No answer came back (DNS, refused or dropped connection, TLS, ...).

    `may_have_been_sent` is False only when the request surely never reached the server (no connection was made);
    when True, a POST (an SMS...) may have been acted on. `method` and `url` (without its query) name the request.
    """

    def __init__(
        self, message: str, *, may_have_been_sent: bool = True, method: str | None = None, url: str | None = None
    ) -> None:
        self.message = message
        self.may_have_been_sent = may_have_been_sent
        self.method = method
        self.url = url
        super().__init__(message)


class ApiTimeoutError(ApiConnectionError):
    """The request timed out: connecting (not sent), or waiting for the answer (may have been acted on)."""


class ClientClosedError(WithalloError, RuntimeError):
    """A call was made after close() / aclose(), or on an `http_client` of yours that you closed."""

    def __init__(self, message: str = "the client is closed; create a new one to send more requests") -> None:
        super().__init__(message)


class InvalidWebhookPayloadError(WithalloError, ValueError):
    """A webhook body was rejected: empty, not JSON, not an object, no `topic`, no `data`, unknown topic."""


class WebhookSignatureError(WithalloError):
    """A webhook's Standard Webhooks signature is missing, malformed, wrong or outside the time tolerance."""


class WebhookNumberNotAllowedError(WithalloError):
    """A webhook event names an Allo-side number that is not one of the account's own numbers."""


class DedupeStoreError(WithalloError):
    """The dedupe store failed (e.g. Redis unreachable), or another worker is handling the delivery now (`dispatch`
    and `handle`; `respond` answers 503 ``in_progress``); the delivery was not handled and should be replayed."""
