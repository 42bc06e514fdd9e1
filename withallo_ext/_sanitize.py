"""Text from a server or a webhook sender made fit for an exception message or a log line.

Such text is bounded (a 5 MB `message` must not become a 5 MB log line) and its control characters are escaped:
a newline in an error body or a webhook topic would otherwise start a forged line in the logs (``\\nCRITICAL ...``),
and terminal escapes or bidi overrides could rewrite what a reader sees. The whole value stays where it came from
(`ApiError.body`, `WebhookEvent.raw`). The command line escapes what it prints without cutting (`escaped`,
`json_text`): a table cell or a `--json` answer is data, not a message.
"""

from __future__ import annotations

import re

LIMIT = 200  # characters of an outside value kept in a message

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escaped(value: object) -> str:
    """`str(value)` with control characters escaped (``\\x1b``), nothing cut: for output whose every character
    counts, such as a table cell of the command line."""
    return _UNSAFE.sub(_escape, value if isinstance(value, str) else str(value))


def json_text(text: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with the characters it leaves raw (DEL, C1 controls,
    line separators, bidi marks) written as ``\\u`` escapes: the same JSON, safe on a terminal. Its newlines are
    the indentation's (json.dumps escapes those inside strings), so they stay."""
    return _UNSAFE.sub(lambda match: "\n" if match.group() == "\n" else f"\\u{ord(match.group()):04x}", text)


def shown(value: object, limit: int = LIMIT) -> str:
    """`str(value)` with control characters escaped (``\\x0a``), cut to about `limit` characters with the cut marked."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit and len(whole := escaped(text)) <= limit:
        return whole
    head = text[: max(0, limit - 24)]  # escaping only the part shown: no work on the rest of a 5 MB value
    return f"{escaped(head)[: len(head)]}...[{len(text) - len(head)} more chars]"
