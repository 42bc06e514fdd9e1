from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_topic import WebhookTopic

if TYPE_CHECKING:
    from ..models.sms_payload import SmsPayload


T = TypeVar("T", bound="SmsReceivedEvent")


@_attrs_define
class SmsReceivedEvent:
    """The body of an SMS_RECEIVED delivery.

    Attributes:
        topic (WebhookTopic): An event a webhook can subscribe to. Open enum; Allo may add topics.
        data (SmsPayload): The `data` of an SMS_RECEIVED or SMS_SENT event.
    """

    topic: WebhookTopic
    data: SmsPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic.value

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic": topic,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sms_payload import SmsPayload  # noqa: PLC0415

        d = dict(src_dict)
        topic = WebhookTopic(d.pop("topic"))

        data = SmsPayload.from_dict(d.pop("data"))

        sms_received_event = cls(
            topic=topic,
            data=data,
        )

        sms_received_event.additional_properties = d
        return sms_received_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
