"""The `delivery_id` of a parsed webhook event that came without a `webhook-id` header, computed when first read.

It is ``sha256:<hex digest of the body>`` (a replay is byte-identical). Only dedupe and a few log lines read it,
and hashing a 2.5 KB body costs about as much as 5% of `parse(body).model`, so parse() keeps the body instead.
"""

from __future__ import annotations

import hashlib


class DigestOnRead:
    """Installed as `WebhookEvent.delivery_id` once the dataclass is built (so the field's default stays None).

    A value in the event's `__dict__` wins, as for any non-data descriptor: the constructor's, or parse()'s
    `webhook-id`. Else the digest of the body parse() kept under `_body`, stored there on first read; else None.
    """

    def __get__(self, event: object, owner: type | None = None) -> str | None:
        if event is None:
            return None  # WebhookEvent.delivery_id: the field's default
        state = vars(event)
        body = state.get("_body")
        if not isinstance(body, bytes):
            return None
        digest: str = "sha256:" + hashlib.sha256(body).hexdigest()
        state["delivery_id"] = digest
        return digest


def is_body_digest(event: object) -> bool:
    """Whether `event.delivery_id` is the body's digest: parse() found no `webhook-id` header and kept the body."""
    return isinstance(vars(event).get("_body"), bytes)
