"""Webhook deliveries as Allo makes them: a POST of `{"topic", "data"}`, optionally Standard Webhooks signed."""

from __future__ import annotations

import copy
import datetime
import json
import math
from dataclasses import dataclass
from typing import Any

from withallo_ext.webhooks._secrets import webhook_secret_key

from ._examples import WEBHOOK_EXAMPLES


@dataclass(frozen=True)
class Delivery:
    """One webhook delivery the fake made, and the status the endpoint answered (None if it never answered)."""

    topic: str
    url: str
    headers: dict[str, str]
    body: bytes
    status: int | None

    @property
    def json(self) -> Any:
        return json.loads(self.body)


def build_delivery(
    topic: Any,
    data: dict[str, Any] | None,
    secret: str | bytes | None,
    *,
    msg_id: str | None = None,
    timestamp: datetime.datetime | None = None,
) -> tuple[str, dict[str, str], bytes]:
    """The topic string, the headers and the exact body bytes of one delivery.

    `data` defaults to the spec's example payload for the topic. With a `whsec_...` secret the delivery carries
    the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature), signed by the reference
    `standardwebhooks` library over those very bytes. The secret is checked first by the rule `WebhookReceiver`
    applies (InvalidParameterError unless `whsec_` + base64 of 24 to 64 bytes).
    """
    key = webhook_secret_key(secret) if secret is not None else None
    name = str(getattr(topic, "value", topic))
    if not name:
        raise ValueError("topic: must not be empty")
    if data is None:
        if name not in WEBHOOK_EXAMPLES:
            raise ValueError(f"data: no example payload for topic {name!r}; pass data=...")
        data = copy.deepcopy(WEBHOOK_EXAMPLES[name]["data"])
    body = json.dumps({"topic": name, "data": data}, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {"Content-Type": "application/json", "User-Agent": "withallo-fake/1"}
    if key is not None:
        # Imported here: only a signed delivery needs them, and `import withallo_ext.testing` stays without uuid
        # (which loads platform) and standardwebhooks, about 13M instructions.
        import uuid

        from standardwebhooks.webhooks import Webhook

        webhook_id = msg_id or f"msg_{uuid.uuid4().hex}"
        moment = timestamp or datetime.datetime.now(tz=datetime.UTC)
        moment = moment.astimezone(datetime.UTC) if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
        headers.update(
            {
                "webhook-id": webhook_id,
                "webhook-timestamp": str(math.floor(moment.timestamp())),
                "webhook-signature": Webhook(key).sign(webhook_id, moment, body.decode()),
            }
        )
    return name, headers, body
