from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.webhook_topic import WebhookTopic
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.contact_payload import ContactPayload


T = TypeVar("T", bound="ContactUpdatedEvent")


@_attrs_define
class ContactUpdatedEvent:
    """The body of a CONTACT_UPDATED delivery.

    Attributes:
        topic (WebhookTopic): An event a webhook can subscribe to. Open enum; Allo may add topics.
        data (ContactPayload): The `data` of a CONTACT_CREATED or CONTACT_UPDATED event.
    """

    topic: WebhookTopic
    data: ContactPayload
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
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            topic = src_dict["topic"]
        except KeyError:
            raise _Mismatch.missing(".topic") from None
        if not (type(topic) is str or isinstance(topic, str)):
            raise _Mismatch("a string", topic, ".topic")
        try:  # the member table first (see the end of the module): calling an Enum class is slow
            topic = _BY_VALUE_WebhookTopic.get(topic) or WebhookTopic(topic)
        except ValueError:
            raise _Mismatch("one of WebhookTopic's values", topic, ".topic") from None

        try:
            data = src_dict["data"]
        except KeyError:
            raise _Mismatch.missing(".data") from None
        if not (type(data) is dict or isinstance(data, dict)):
            raise _Mismatch("an object", data, ".data")
        try:
            data = _from_dict_ContactPayload(data)
        except _Mismatch as _error:
            _error.at(".data")
            raise

        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        contact_updated_event = _new_instance(cls)
        contact_updated_event.topic = topic
        contact_updated_event.data = data
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        contact_updated_event.additional_properties = additional_properties
        return contact_updated_event

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
_ContactUpdatedEvent = ContactUpdatedEvent  # a model may contain itself (a tree)
_from_dict_ContactUpdatedEvent = ContactUpdatedEvent.from_dict
_BY_VALUE_WebhookTopic: dict[Any, WebhookTopic] = {member.value: member for member in WebhookTopic}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "topic",
        "data",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.contact_payload import ContactPayload as _ContactPayload  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_ContactPayload = _ContactPayload.from_dict
