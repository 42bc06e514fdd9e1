"""Reading a request as the server does: query integers in range, E.164 numbers, page and size, a JSON object body,
and wire timestamps. Each bad value raises the server's 400 naming the parameter."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from ._problems import E164, bad_request


def when(timestamp: str) -> datetime.datetime:
    """Parse a wire timestamp; one without an offset is UTC, as the spec says."""
    moment = datetime.datetime.fromisoformat(timestamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def int_param(query: Mapping[str, str], name: str, default: int, low: int, high: int | None) -> int:
    """The integer query parameter `name`, `default` when absent; 400 unless it is one from `low` to `high`."""
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(name, "must be an integer") from None
    if value < low:
        raise bad_request(name, f"must be greater than or equal to {low}")
    if high is not None and value > high:
        raise bad_request(name, f"must be less than or equal to {high}")
    return value


def number_param(query: Mapping[str, str], name: str, *, required: bool) -> str | None:
    """The E.164 phone number in query parameter `name` (None when absent and not `required`)."""
    raw = query.get(name)
    if raw is None:
        if required:
            raise bad_request(name, "is required")
        return None
    if not E164.fullmatch(raw):
        raise bad_request(name, "must be a phone number in E.164 format, e.g. +14155550123")
    return raw


def page_params(query: Mapping[str, str]) -> tuple[int, int]:
    """The 0-indexed `page` (default 0) and the `size` of a page (1 to 100, default 10)."""
    return int_param(query, "page", 0, 0, None), int_param(query, "size", 10, 1, 100)


def object_body(body: Any) -> dict[str, Any]:
    """The parsed JSON body, which must be an object."""
    if not isinstance(body, dict):
        raise bad_request("body", "must be a JSON object")
    return body
