from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_topic import WebhookTopic
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWebhookRequest")


@_attrs_define
class CreateWebhookRequest:
    """A new webhook subscription.

    Attributes:
        allo_number (str): A phone number in E.164 form.
        url (str): An https URL that answers 2xx within 30 seconds.
        topics (list[WebhookTopic]): The events to subscribe to.
        enabled (bool | Unset): Whether to deliver events right away. Default: True.
    """

    allo_number: str
    url: str
    topics: list[WebhookTopic]
    enabled: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allo_number = self.allo_number

        url = self.url

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.value
            topics.append(topics_item)

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allo_number": allo_number,
                "url": url,
                "topics": topics,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allo_number = d.pop("allo_number")

        url = d.pop("url")

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = WebhookTopic(topics_item_data)

            topics.append(topics_item)

        enabled = d.pop("enabled", UNSET)

        create_webhook_request = cls(
            allo_number=allo_number,
            url=url,
            topics=topics,
            enabled=enabled,
        )

        create_webhook_request.additional_properties = d
        return create_webhook_request

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
