from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.webhook_topic import WebhookTopic
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

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
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            allo_number = src_dict["allo_number"]
        except KeyError:
            raise _Mismatch.missing(".allo_number") from None
        if type(allo_number) is not str and not (type(allo_number) is str or isinstance(allo_number, str)):
            raise _Mismatch("a string", allo_number, ".allo_number")
        try:
            url = src_dict["url"]
        except KeyError:
            raise _Mismatch.missing(".url") from None
        if type(url) is not str and not (type(url) is str or isinstance(url, str)):
            raise _Mismatch("a string", url, ".url")
        try:
            topics = src_dict["topics"]
        except KeyError:
            raise _Mismatch.missing(".topics") from None
        if not (type(topics) is list or isinstance(topics, list)):
            raise _Mismatch("an array", topics, ".topics")
        _topics_items: list[Any] = []
        for _item0 in topics:
            if not (type(_item0) is str or isinstance(_item0, str)):
                raise _Mismatch("a string", _item0, f"[{len(_topics_items)}]", ".topics")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                _item0 = _BY_VALUE_WebhookTopic.get(_item0) or WebhookTopic(_item0)
            except ValueError:
                raise _Mismatch("one of WebhookTopic's values", _item0, f"[{len(_topics_items)}]", ".topics") from None

            _topics_items.append(_item0)
        topics = _topics_items

        enabled = src_dict.get("enabled", UNSET)
        if type(enabled) is not bool:
            if enabled is UNSET:
                _missing += 1
            elif not type(enabled) is bool:
                raise _Mismatch("a boolean", enabled, ".enabled")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        create_webhook_request = _new_instance(cls)
        create_webhook_request.allo_number = allo_number
        create_webhook_request.url = url
        create_webhook_request.topics = topics
        create_webhook_request.enabled = enabled
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 4:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        create_webhook_request.additional_properties = additional_properties
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


_new_instance = object.__new__
_CreateWebhookRequest = CreateWebhookRequest  # a model may contain itself (a tree)
_from_dict_CreateWebhookRequest = CreateWebhookRequest.from_dict
_BY_VALUE_WebhookTopic: dict[Any, WebhookTopic] = {member.value: member for member in WebhookTopic}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "allo_number",
        "url",
        "topics",
        "enabled",
    }
)
