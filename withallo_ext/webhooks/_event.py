"""The parsed webhook event: `WebhookEvent`, its topic tests, dot-path lookup and typed payload model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from withallo_client.models.webhook_topic import WebhookTopic

from ._delivery_id import DigestOnRead
from ._payload import build_payload_model

if TYPE_CHECKING:
    from ._payload import WebhookPayload

__all__ = ["WebhookEvent"]


@dataclass(frozen=True, eq=False)
class WebhookEvent:
    """One parsed delivery. `data` is the topic's payload, `raw` the whole envelope, both as decoded JSON.

    `delivery_id` is the `webhook-id` header when the delivery had one, else ``sha256:<hex digest of the body>``
    (a replay is byte-identical); it is what dedupe keys on. Events built by hand may leave it None.
    """

    topic: WebhookTopic
    data: dict[str, Any] = field(repr=False)
    raw: dict[str, Any] = field(repr=False)
    delivery_id: str | None = None

    def is_call(self) -> bool:
        """True for CALL_RECEIVED: a call ended; `data` has its summary and transcript (CallReceivedPayload)."""
        return self.topic == WebhookTopic.CALL_RECEIVED

    def is_sms(self) -> bool:
        """True for SMS_RECEIVED and SMS_SENT."""
        return self.topic in (WebhookTopic.SMS_RECEIVED, WebhookTopic.SMS_SENT)

    def is_contact_created(self) -> bool:
        """True for CONTACT_CREATED: `data` is the new contact (ContactPayload)."""
        return self.topic == WebhookTopic.CONTACT_CREATED

    def is_contact_updated(self) -> bool:
        """True for CONTACT_UPDATED: `data` is the contact after the change (ContactPayload)."""
        return self.topic == WebhookTopic.CONTACT_UPDATED

    def get(self, path: str, default: Any = None) -> Any:
        """A value of `data` by dot path (``"transfer_to.number"``, ``"transcriptions.0.text"``), else `default`.

        `default` comes back when a segment is missing or its parent is neither an object nor (for a canonical
        index such as ``0``) an array; a JSON null found at the path is returned as None.
        """
        node: Any = self.data
        for segment in path.split("."):
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            elif isinstance(node, list) and _is_index(segment) and int(segment) < len(node):
                node = node[int(segment)]
            else:
                return default
        return node

    @property
    def model(self) -> WebhookPayload | None:
        """The generated model of `data` (CallReceivedPayload, SmsPayload, ContactPayload or PingPayload).

        Parsed on first access and kept. Unknown fields stay readable (`model.additional_properties`), unknown enum
        values become members with ``is_known == False``, date-times in any ISO 8601 form become datetimes. None for
        a topic this version has no model for; InvalidWebhookPayloadError naming the field when a field has the
        wrong type or a required one is missing.

        camelCase keys (``startDate``, ``fromNumber``, ``transfer_to.userEmail``), seen in one version of Allo's
        guide, fill the snake_case field they spell, at any depth; the snake_case key wins when both are sent.
        `data`, `raw` and `get` keep the keys as received.
        """
        if "_model" not in self.__dict__:  # not functools.cached_property: on 3.11 it takes a lock (~0.4 us)
            self.__dict__["_model"] = build_payload_model(self.topic, self.data)
        model: WebhookPayload | None = self.__dict__["_model"]
        return model


WebhookEvent.delivery_id = DigestOnRead()  # type: ignore[assignment]


def _is_index(segment: str) -> bool:
    return segment.isascii() and segment.isdigit() and segment == str(int(segment))
