from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_topic import WebhookTopic
from ..types import UNSET, Unset

T = TypeVar("T", bound="Webhook")


@_attrs_define
class Webhook:
    """A webhook as the list returns it (`allo_number`, snake_case).

    Attributes:
        url (str): Where events are POSTed.
        topics (list[WebhookTopic]): The subscribed events.
        id (str | Unset): The webhook's id (`web-...`).
        allo_number (str | Unset): The Allo number whose events are sent.
        enabled (bool | Unset): Whether events are being delivered.
    """

    url: str
    topics: list[WebhookTopic]
    id: str | Unset = UNSET
    allo_number: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.value
            topics.append(topics_item)

        id = self.id

        allo_number = self.allo_number

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "topics": topics,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if allo_number is not UNSET:
            field_dict["allo_number"] = allo_number
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = WebhookTopic(topics_item_data)

            topics.append(topics_item)

        id = d.pop("id", UNSET)

        allo_number = d.pop("allo_number", UNSET)

        enabled = d.pop("enabled", UNSET)

        webhook = cls(
            url=url,
            topics=topics,
            id=id,
            allo_number=allo_number,
            enabled=enabled,
        )

        webhook.additional_properties = d
        return webhook

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
