"""Turn an HTTP error response, or an httpx transport failure, into the matching withallo exception.

Runs before the generated layer sees the response, so an HTML 502 page never reaches its `.json()` call.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import math
import re
import urllib.parse
from typing import Any

import httpx

from ._quota import QUOTA_EXCEEDED, quota_message, read_quota
from ._sanitize import shown
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    ValidationError,
)

_CODE_LIKE = re.compile(r"^[A-Z][A-Z0-9_]*$")
LOCATION_LIMIT = 150  # characters of a redirect's Location shown in its error message
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid")
_BY_STATUS: dict[int, type[ApiError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    422: ValidationError,
    429: RateLimitError,
}


def read_body(response: httpx.Response) -> Any:
    """The body as parsed JSON, else its text ('' when empty or never read)."""
    try:
        if not response.content:
            return ""
    except httpx.ResponseNotRead:  # a user's event hook raised before the body was read
        return ""
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
        return response.text


def parse_retry_after(value: str | None) -> float | datetime.datetime | None:
    """Retry-After as seconds (`12`, `1.5`) or an aware datetime (an HTTP-date); None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        if not math.isfinite(seconds) or seconds < 0:
            return None
        return int(seconds) if seconds.is_integer() else seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def seconds_until(retry_after: float | datetime.datetime | None) -> float | None:
    """How long the server asked to wait, in seconds from now (never negative)."""
    if retry_after is None:
        return None
    if isinstance(retry_after, datetime.datetime):
        return max(0.0, (retry_after - datetime.datetime.now(datetime.UTC)).total_seconds())
    try:
        return max(0.0, float(retry_after))
    except OverflowError:  # an int past float's range: longer than any cap
        return math.inf


def _seconds(value: object) -> float | None:
    """A body's number of seconds, or None unless it is finite and >= 0 (10**400 is ignored, as an unreadable
    Retry-After header is: the retry then backs off as usual)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = float(value)
    except OverflowError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return value


def _first_string(mapping: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _required_scopes(details: list[Any]) -> list[str]:
    scopes: list[str] = []
    for detail in details:
        text = detail.get("message") if isinstance(detail, dict) else None
        if isinstance(text, str) and text.startswith("required="):
            scopes.extend(s.strip() for s in text.removeprefix("required=").split(",") if s.strip())
    return scopes


def _field_errors(details: list[Any]) -> dict[str, str]:
    return {
        d["field"]: d["message"]
        for d in details
        if isinstance(d, dict) and isinstance(d.get("field"), str) and isinstance(d.get("message"), str)
    }


def _shown_location(location: str | None) -> str:
    """A redirect's Location fit for a message: no user:password@, query or fragment (tokens ride there), short."""
    if location is None:
        return "?"
    try:
        parts = urllib.parse.urlsplit(location)
    except ValueError:  # e.g. an unclosed [IPv6 bracket
        return "<unreadable Location>"
    host = parts.netloc.rpartition("@")[2]
    return shown(urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", "")), LOCATION_LIMIT)


def api_error(response: httpx.Response) -> ApiError:
    """The exception for a status >= 300 (the API never redirects), read from any body shape (v1, v2, not JSON)."""
    status = response.status_code
    body = read_body(response)
    fields: dict[str, Any] = body if isinstance(body, dict) else {}
    error_obj: dict[str, Any] = fields["error"] if isinstance(fields.get("error"), dict) else {}

    code = fields.get("code") if isinstance(fields.get("code"), str) else None
    message = code or _first_string(fields, "message", "error", "detail")
    message = message or _first_string(error_obj, "code", "message") or f"HTTP {status}"
    message = shown(message)  # the server's text: bounded, and no newline to forge a log line with
    if response.is_redirect:  # the API never redirects: say so plainly (the key is not sent to another host)
        message = f"redirect to {_shown_location(response.headers.get('location'))!r} not followed"

    error_code = code or _first_string(error_obj, "code")
    if error_code is None and isinstance(fields.get("error"), str) and _CODE_LIKE.match(fields["error"]):
        error_code = fields["error"]  # e.g. {"error": "WEBHOOK_NOT_FOUND"}

    details: list[Any] = fields["details"] if isinstance(fields.get("details"), list) else []
    request_id = next((response.headers[h] for h in _REQUEST_ID_HEADERS if h in response.headers), None)
    request_id = request_id or _first_string(error_obj, "request_id") or _first_string(fields, "request_id")
    request_id = None if request_id is None else shown(request_id, 100)  # shown in str(error)

    common: dict[str, Any] = {
        "status_code": status,
        "body": body,
        "error_code": error_code,
        "details": details,
        "request_id": request_id,
        "method": response.request.method,
        "url": str(response.request.url.copy_with(query=None)),
    }
    cls = _BY_STATUS.get(status, ApiError)
    if cls is ForbiddenError:
        return ForbiddenError(message, required_scopes=_required_scopes(details), **common)
    if cls is ValidationError:
        return ValidationError(message, errors=_field_errors(details), **common)
    if cls is RateLimitError:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if error_code != QUOTA_EXCEEDED:
            if retry_after is None:
                retry_after = _seconds(error_obj.get("retry_after_seconds"))
            return RateLimitError(message, retry_after=retry_after, **common)
        quota = read_quota(details)
        if retry_after is None:
            retry_after = quota.reset_in
        message = quota_message(quota, retry_after)
        return RateLimitError(
            message,
            retry_after=retry_after,
            quota_exceeded=True,
            quota_limit=quota.limit,
            quota_type=quota.type,
            **common,
        )
    return cls(message, **common)


# Failures where the request surely never reached the server (no connection was made): the only ones a POST may be
# retried after, and the only ones where ApiConnectionError.may_have_been_sent is False.
SURELY_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

# A fixed phrase per failure, in place of the httpx exception's own text: that text can quote what was being sent
# (h11's LocalProtocolError quotes an illegal header value, which may be the Authorization header).
_TRANSPORT_PHRASES: tuple[tuple[type[httpx.RequestError], str], ...] = (
    (httpx.ConnectError, "could not connect to the server"),
    (httpx.ReadError, "the connection failed while reading the answer"),
    (httpx.WriteError, "the connection failed while sending the request"),
    (httpx.CloseError, "the connection failed while closing"),
    (httpx.RemoteProtocolError, "the server broke the HTTP protocol (dropped or malformed answer)"),
    (httpx.LocalProtocolError, "the request could not be sent as HTTP (an invalid header value?)"),
    (httpx.ProxyError, "the proxy refused or failed the request"),
    (httpx.UnsupportedProtocol, "the URL scheme is not supported"),
    (httpx.DecodingError, "the answer could not be decoded"),
    (httpx.TooManyRedirects, "too many redirects"),
)


def transport_error(exc: httpx.HTTPError, request: httpx.Request) -> ApiConnectionError:
    """ApiTimeoutError for a timeout, ApiConnectionError for any other transport failure.

    The message names the httpx class and a fixed phrase, never `str(exc)` (see _TRANSPORT_PHRASES), and for a
    POST that may have reached the server, says so.
    """
    url = str(request.url.copy_with(query=None))
    name = type(exc).__name__
    may_have_been_sent = not isinstance(exc, SURELY_NOT_SENT)
    cls: type[ApiConnectionError] = ApiConnectionError
    if isinstance(exc, httpx.TimeoutException):
        cls, what = ApiTimeoutError, f"timed out ({name})"
    else:
        phrase = next((text for kind, text in _TRANSPORT_PHRASES if isinstance(exc, kind)), "the request failed")
        what = f"{name}: {phrase}"
    if may_have_been_sent and request.method == "POST":  # other methods were retried: harmless to repeat
        what += "; it may have reached the server, so it was not sent again"
    message = f"{request.method} {url}: {what}"
    return cls(message, may_have_been_sent=may_have_been_sent, method=request.method, url=url)
