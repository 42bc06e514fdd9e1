"""Text from a server or a webhook sender made fit for an exception message or a log line.

Such text is bounded (a 5 MB `message` must not become a 5 MB log line) and its control characters are escaped:
a newline in an error body or a webhook topic would otherwise start a forged line in the logs (``\\nCRITICAL ...``),
and terminal escapes or bidi overrides could rewrite what a reader sees. The whole value stays where it came from
(`ApiError.body`, `WebhookEvent.raw`).
"""

from __future__ import annotations

import re

LIMIT = 200  # characters of an outside value kept in a message

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(value: object, limit: int = LIMIT) -> str:
    """`str(value)` with control characters escaped (``\\x0a``), cut to about `limit` characters with the cut marked."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit and len(escaped := _UNSAFE.sub(_escape, text)) <= limit:
        return escaped
    head = text[: max(0, limit - 24)]  # escaping only the part shown: no work on the rest of a 5 MB value
    return f"{_UNSAFE.sub(_escape, head)[: len(head)]}...[{len(text) - len(head)} more chars]"
