from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.direction import Direction
from ..models.sms_type import SmsType
from ..types import UNSET, Unset
from ..types import parse_datetime as _parse_datetime
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="SmsPayload")


@_attrs_define
class SmsPayload:
    """The `data` of an SMS_RECEIVED or SMS_SENT event.

    Attributes:
        id (str): The message's id.
        direction (Direction | Unset): Whether the call or message came in or went out. Open enum.
        type_ (SmsType | Unset): Plain text or multimedia. Open enum.
        content (str | Unset): The text.
        sent_at (datetime.datetime | Unset): When it was sent; may come without a UTC offset.
        from_number (str | Unset): The sending number.
        to_number (str | Unset): The receiving number.
        from_name (None | str | Unset): The sender's name, when known.
        to_name (None | str | Unset): The recipient's name, when known.
    """

    id: str
    direction: Direction | Unset = UNSET
    type_: SmsType | Unset = UNSET
    content: str | Unset = UNSET
    sent_at: datetime.datetime | Unset = UNSET
    from_number: str | Unset = UNSET
    to_number: str | Unset = UNSET
    from_name: None | str | Unset = UNSET
    to_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        content = self.content

        sent_at: str | Unset = UNSET
        if not isinstance(self.sent_at, Unset):
            sent_at = self.sent_at.isoformat()

        from_number = self.from_number

        to_number = self.to_number

        from_name: None | str | Unset
        if isinstance(self.from_name, Unset):
            from_name = UNSET
        else:
            from_name = self.from_name

        to_name: None | str | Unset
        if isinstance(self.to_name, Unset):
            to_name = UNSET
        else:
            to_name = self.to_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction
        if type_ is not UNSET:
            field_dict["type"] = type_
        if content is not UNSET:
            field_dict["content"] = content
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if from_number is not UNSET:
            field_dict["from_number"] = from_number
        if to_number is not UNSET:
            field_dict["to_number"] = to_number
        if from_name is not UNSET:
            field_dict["from_name"] = from_name
        if to_name is not UNSET:
            field_dict["to_name"] = to_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            id = src_dict["id"]
        except KeyError:
            raise _Mismatch.missing(".id") from None
        if type(id) is not str and not (type(id) is str or isinstance(id, str)):
            raise _Mismatch("a string", id, ".id")
        direction = src_dict.get("direction", UNSET)
        if direction is not UNSET:
            if not (type(direction) is str or isinstance(direction, str)):
                raise _Mismatch("a string", direction, ".direction")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                direction = _BY_VALUE_Direction.get(direction) or Direction(direction)
            except ValueError:
                raise _Mismatch("one of Direction's values", direction, ".direction") from None

        else:
            _missing += 1
        type_ = src_dict.get("type", UNSET)
        if type_ is not UNSET:
            if not (type(type_) is str or isinstance(type_, str)):
                raise _Mismatch("a string", type_, ".type")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                type_ = _BY_VALUE_SmsType.get(type_) or SmsType(type_)
            except ValueError:
                raise _Mismatch("one of SmsType's values", type_, ".type") from None

        else:
            _missing += 1
        content = src_dict.get("content", UNSET)
        if type(content) is not str:
            if content is UNSET:
                _missing += 1
            elif not (type(content) is str or isinstance(content, str)):
                raise _Mismatch("a string", content, ".content")
        sent_at = src_dict.get("sent_at", UNSET)
        if type(sent_at) is str:
            try:
                sent_at = _fromisoformat(sent_at)
            except ValueError:
                sent_at = _parse_datetime(sent_at, ".sent_at")

        elif sent_at is UNSET:
            _missing += 1
        else:
            if not (type(sent_at) is str or isinstance(sent_at, str)):
                raise _Mismatch("an ISO 8601 date-time string", sent_at, ".sent_at")
            try:
                sent_at = _fromisoformat(sent_at)
            except ValueError:
                sent_at = _parse_datetime(sent_at, ".sent_at")

        from_number = src_dict.get("from_number", UNSET)
        if type(from_number) is not str:
            if from_number is UNSET:
                _missing += 1
            elif not (type(from_number) is str or isinstance(from_number, str)):
                raise _Mismatch("a string", from_number, ".from_number")
        to_number = src_dict.get("to_number", UNSET)
        if type(to_number) is not str:
            if to_number is UNSET:
                _missing += 1
            elif not (type(to_number) is str or isinstance(to_number, str)):
                raise _Mismatch("a string", to_number, ".to_number")
        from_name = src_dict.get("from_name", UNSET)
        if type(from_name) is not str and from_name is not None:
            if from_name is UNSET:
                _missing += 1
            elif not ((type(from_name) is str or isinstance(from_name, str)) or from_name is None):
                raise _Mismatch("a string or null", from_name, ".from_name")
        to_name = src_dict.get("to_name", UNSET)
        if type(to_name) is not str and to_name is not None:
            if to_name is UNSET:
                _missing += 1
            elif not ((type(to_name) is str or isinstance(to_name, str)) or to_name is None):
                raise _Mismatch("a string or null", to_name, ".to_name")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        sms_payload = _new_instance(cls)
        sms_payload.id = id
        sms_payload.direction = direction
        sms_payload.type_ = type_
        sms_payload.content = content
        sms_payload.sent_at = sent_at
        sms_payload.from_number = from_number
        sms_payload.to_number = to_number
        sms_payload.from_name = from_name
        sms_payload.to_name = to_name
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 9:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        sms_payload.additional_properties = additional_properties
        return sms_payload

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
_fromisoformat = datetime.datetime.fromisoformat
_SmsPayload = SmsPayload  # a model may contain itself (a tree)
_from_dict_SmsPayload = SmsPayload.from_dict
_BY_VALUE_Direction: dict[Any, Direction] = {member.value: member for member in Direction}
_BY_VALUE_SmsType: dict[Any, SmsType] = {member.value: member for member in SmsType}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "direction",
        "type",
        "content",
        "sent_at",
        "from_number",
        "to_number",
        "from_name",
        "to_name",
    }
)
