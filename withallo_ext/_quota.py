"""Reading a spent key quota: Allo's 429 `{"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message":
"limit=1000;type=DAILY;reset_in=43200"}]}`, which waiting a second or two never cures (unlike `RATE_LIMITED`).

The details are the server's text: read defensively (bounded lengths, ASCII digits only, a reset no later than
QUOTA_RESET_MAX), and anything unreadable is left out rather than guessed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

QUOTA_EXCEEDED = "API_KEY_QUOTA_EXCEEDED"
QUOTA_RESET_MAX = 366 * 24 * 3600  # seconds; a reset_in beyond a year is not believed (no retry_after from it)
_DETAILS_READ = 20  # details looked at; a body with thousands is not walked through
_TEXT_MAX = 500  # characters of one detail's message; a longer one is not parsed
_DIGITS = re.compile(r"[0-9]{1,18}")  # ASCII only: int() would take "١٢" or "1_000"
_TYPE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")


@dataclass(frozen=True)
class Quota:
    """What a quota 429's details say; each part None when absent or unreadable."""

    limit: int | None = None
    type: str | None = None
    reset_in: int | None = None


def read_quota(details: list[Any]) -> Quota:
    """The first `limit=...;type=...;reset_in=...` found among the details (the first of each key wins)."""
    found: dict[str, str] = {}
    for detail in details[:_DETAILS_READ]:
        text = detail.get("message") if isinstance(detail, dict) else None
        if not isinstance(text, str) or len(text) > _TEXT_MAX:
            continue
        for part in text.split(";"):
            key, sep, value = part.partition("=")
            if sep:
                found.setdefault(key.strip().lower(), value.strip())
    limit = found.get("limit", "")
    kind = found.get("type", "")
    reset = found.get("reset_in", "")
    reset_in = int(reset) if _DIGITS.fullmatch(reset) else None
    return Quota(
        limit=int(limit) if _DIGITS.fullmatch(limit) else None,
        type=kind.upper() if _TYPE.fullmatch(kind) else None,
        reset_in=reset_in if reset_in is not None and reset_in <= QUOTA_RESET_MAX else None,
    )


def quota_message(quota: Quota, retry_after: float | datetime.datetime | None) -> str:
    """`API_KEY_QUOTA_EXCEEDED: the API key's DAILY quota (limit 1000) is spent; it resets in 43200 s (12 h 0 min)`."""
    what = " ".join(p for p in (quota.type, "quota") if p)
    limit = f" (limit {quota.limit})" if quota.limit is not None else ""
    if isinstance(retry_after, datetime.datetime):
        when = f"it resets at {retry_after.isoformat()}"
    elif retry_after is not None:
        seconds = int(retry_after)
        when = f"it resets in {retry_after:g} s ({seconds // 3600} h {seconds % 3600 // 60} min)"
    else:
        when = "the server did not say when it resets"
    return f"{QUOTA_EXCEEDED}: the API key's {what}{limit} is spent; {when}"
