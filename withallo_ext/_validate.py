"""Local checks on arguments, run before anything is sent. Each failure is an InvalidParameterError naming the field.

The rules are the contract's (openapi/withallo.yaml): E.164 numbers, 1..1000-character messages, the France
sender ID pattern, page >= 0 and size 1..100. And what the wire needs: every string encodable as UTF-8 (`text`;
free-form JSON values are checked by _json_values.py), so that httpx never fails to encode what we hand it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

import httpx

from withallo_client.models.webhook_topic import WebhookTopic

from .errors import InvalidParameterError

# ASCII digits only (`\d` takes any Unicode digit) and nothing after them (`$` allows a final newline): fullmatch.
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# 3-11 letters and digits with at least one letter, or a numeric short code (3-8 digits).
SENDER_ID = re.compile(r"^(?:(?=[0-9]*[A-Za-z])[A-Za-z0-9]{3,11}|[0-9]{3,8})$")
MESSAGE_MAX = 1000
SIZE_MAX = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Visible ASCII only: a space or a non-ASCII character in a header value makes h11 refuse the request with an
# error (and an httpcore DEBUG line) that quotes the whole value, key included.
_VISIBLE_ASCII = re.compile(r"^[\x21-\x7e]+$")
# A URL's host as httpx encodes it (IDNA applied, IPv6 without brackets): a space shows up here as `%20`.
_HOST = re.compile(rb"^[A-Za-z0-9._:-]+$")


def api_key(value: object) -> str:
    """The key as given, or an error that names the problem without ever quoting the key."""
    if value is None:
        raise InvalidParameterError(
            "api_key", "missing: pass api_key= or set the WITHALLO_API_KEY environment variable"
        )
    if not isinstance(value, str):
        raise InvalidParameterError("api_key", f"must be a string, not {type(value).__name__}")
    if not value.strip():
        raise InvalidParameterError("api_key", "must not be empty or blank")
    if _CONTROL.search(value):
        raise InvalidParameterError("api_key", "must not contain control characters (CR, LF, tab, ...)")
    if not _VISIBLE_ASCII.match(value):
        raise InvalidParameterError(
            "api_key", "must be visible ASCII characters only: no spaces (a stray one at either end?), no accents"
        )
    return value


def user_agent(value: object) -> str:
    """A User-Agent header value: printable ASCII (httpx cannot encode anything else), no CR/LF or other controls."""
    if not isinstance(value, str) or not value.strip() or _CONTROL.search(value) or not value.isascii():
        raise InvalidParameterError(
            "user_agent", "must be a non-empty string of printable ASCII characters (no control characters)"
        )
    return value


def text(field: str, value: str) -> str:
    """`value` if it can be sent as UTF-8; else InvalidParameterError saying why (see `encoding_fault`)."""
    fault = encoding_fault(value)
    if fault is not None:
        raise InvalidParameterError(field, fault)
    return value


def encoding_fault(value: str) -> str | None:
    """None when `value` can be sent as UTF-8, else the rule it breaks. Only a lone surrogate cannot (text cut in
    the middle of a character, as JavaScript's UTF-16 slicing does): its position is named, never the text itself,
    which may be personal data."""
    if value.isascii():  # O(1): CPython knows whether a string is ASCII; the encode runs on the others only
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"contains a lone surrogate at position {exc.start} (text cut in the middle of a character?), "
            "which cannot be sent as UTF-8"
        )
    return None


def http_url(field: str, value: object) -> str:
    """An absolute http(s) URL with a well-formed host and port (httpx itself accepts `exa mple.com`, port 99999)."""
    rule = "must be an absolute http:// or https:// URL with a valid host and port"
    if not isinstance(value, str) or _CONTROL.search(value):
        raise InvalidParameterError(field, rule)
    text(field, value)  # httpx.URL raises a bare UnicodeEncodeError on a lone surrogate
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        raise InvalidParameterError(field, rule) from None
    port_ok = url.port is None or 1 <= url.port <= 65535
    if url.scheme not in ("http", "https") or not _HOST.match(url.raw_host) or not port_ok:
        raise InvalidParameterError(field, rule)
    return value


def base_url(field: str, value: object) -> str:
    """An http(s) URL every API path is appended to: no query, fragment or credentials (errors quote the URL)."""
    checked = http_url(field, value)
    url = httpx.URL(checked)
    if url.query or url.fragment or url.userinfo or "?" in checked or "#" in checked:
        raise InvalidParameterError(field, "must not contain a query, a fragment or user:password@")
    return checked.rstrip("/")


def secure_base_url(field: str, value: str, allow_insecure_http: object) -> str:
    """`value` unless it is plain http:// to a host other than this machine: the key would cross the network in
    clear text. `allow_insecure_http=True` lets it through (a trusted proxy, say); loopback never needs it."""
    if not isinstance(allow_insecure_http, bool):
        raise InvalidParameterError("allow_insecure_http", "must be True or False")
    url = httpx.URL(value)
    if url.scheme == "http" and not allow_insecure_http and not is_loopback_host(url.host):
        raise InvalidParameterError(
            field,
            "plain http:// would send the API key in clear text; use https://, or pass allow_insecure_http=True "
            "for a host you trust (localhost and 127.0.0.1 are always allowed)",
        )
    return value


def webhook_url(value: object, allow_insecure_http: bool) -> str:
    """A webhook target (`url`): plain http:// only to this machine, unless the client allows insecure http.

    Deliveries carry call transcripts and contacts' details, and the receiving recipe puts a secret token in the
    path: over plain http all of it would cross the network in clear text.
    """
    checked = http_url("url", value)
    url = httpx.URL(checked)
    if url.scheme == "http" and not allow_insecure_http and not is_loopback_host(url.host):
        raise InvalidParameterError(
            "url",
            "plain http:// would send every delivery (transcripts, contacts, the token in the path) in clear text; "
            "use https://, or build the client with allow_insecure_http=True for a host you trust "
            "(localhost and 127.0.0.1 are always allowed)",
        )
    return checked


def is_loopback_host(host: str) -> bool:
    """Whether `host` is this machine: localhost, *.localhost (RFC 6761) or a loopback address (127/8, ::1)."""
    if host == "localhost" or host.endswith(".localhost"):  # RFC 6761: always this machine
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def positive_number(field: str, value: object) -> float:
    """A number of seconds > 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise InvalidParameterError(field, "must be a number of seconds greater than 0")
    return float(value)


def max_retries(value: object) -> int:
    """An integer >= 0 (0 disables retries)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidParameterError("max_retries", "must be an integer >= 0")
    return value


def identifier(field: str, value: object) -> str:
    """A non-blank id that goes into a URL path.

    The path segment is percent-encoded (`/` and `%` included), so only "." and ".." survive as dot segments,
    which httpx resolves: `webhooks.delete("..")` would otherwise send DELETE to the API root.
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameterError(field, "must be a non-empty string")
    if value in (".", ".."):
        raise InvalidParameterError(field, f'must not be "{value}" (a URL path would drop or climb that segment)')
    return text(field, value)


def e164(field: str, value: object) -> str:
    """A phone number in E.164 form (+ then up to 15 digits, no leading 0)."""
    if not isinstance(value, str) or not E164.fullmatch(value):
        raise InvalidParameterError(field, "must be a phone number in E.164 form, e.g. +14155550123")
    return value


def e164_list(field: str, values: object) -> list[str]:
    """A non-empty list of E.164 numbers."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidParameterError(field, "must be a list of phone numbers")
    numbers = list(values)
    if not numbers:
        raise InvalidParameterError(field, "must contain at least one phone number")
    return [e164(f"{field}[{i}]", n) for i, n in enumerate(numbers)]


def string_list(field: str, values: object) -> list[str]:
    """A list of strings (a bare string is refused rather than split into characters)."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidParameterError(field, "must be a list of strings")
    items = list(values)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise InvalidParameterError(f"{field}[{i}]", "must be a string")
        text(f"{field}[{i}]", item)
    return items


def message(value: object) -> str:
    """An SMS text of 1 to 1000 characters."""
    if not isinstance(value, str) or not value:
        raise InvalidParameterError("message", "must not be empty")
    if len(value) > MESSAGE_MAX:
        raise InvalidParameterError("message", f"must be at most {MESSAGE_MAX} characters (got {len(value)})")
    return text("message", value)


def sender_id(value: object) -> str:
    """A France sender ID: 3-11 letters/digits with at least one letter, or a numeric short code of 3-8 digits."""
    if not isinstance(value, str) or not SENDER_ID.match(value):
        raise InvalidParameterError(
            "sender_id",
            "must be 3 to 11 letters and digits (A-Z, a-z, 0-9) with at least one letter, "
            "or a numeric short code of 3 to 8 digits",
        )
    return value


def topics(values: object) -> list[WebhookTopic]:
    """At least one topic, each a WebhookTopic or its name as a string (a topic unknown to this client is kept)."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidParameterError("topics", "must be a list of WebhookTopic members or topic names")
    result = []
    for i, topic in enumerate(values):
        if not isinstance(topic, str) or not topic:
            raise InvalidParameterError(f"topics[{i}]", "must be a WebhookTopic or a non-empty topic name")
        text(f"topics[{i}]", topic)
        result.append(WebhookTopic(topic))
    if not result:
        raise InvalidParameterError("topics", "must contain at least one topic")
    return result


def page(value: object) -> int:
    """A 0-indexed page number."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidParameterError("page", "must be an integer >= 0 (pages are 0-indexed)")
    return value


def size(value: object) -> int:
    """A page size in 1..100."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= SIZE_MAX:
        raise InvalidParameterError("size", f"must be an integer from 1 to {SIZE_MAX}")
    return value
