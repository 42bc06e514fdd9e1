from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..models.direction import Direction
from ..types import UNSET, Unset
from ..types import parse_datetime as _parse_datetime
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="SentSms")


@_attrs_define
class SentSms:
    """A message accepted for delivery.

    Attributes:
        to_number (str): The recipient.
        content (str): The text.
        from_number (None | str | Unset): The sending Allo number; null when sent from a sender ID.
        sender_id (None | str | Unset): The sender ID; null when sent from a number.
        type_ (Direction | Unset): Whether the call or message came in or went out. Open enum.
        start_date (datetime.datetime | Unset): When it was sent; the server sends it without a UTC offset for sender-ID
            messages.
    """

    to_number: str
    content: str
    from_number: None | str | Unset = UNSET
    sender_id: None | str | Unset = UNSET
    type_: Direction | Unset = UNSET
    start_date: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to_number = self.to_number

        content = self.content

        from_number: None | str | Unset
        if isinstance(self.from_number, Unset):
            from_number = UNSET
        else:
            from_number = self.from_number

        sender_id: None | str | Unset
        if isinstance(self.sender_id, Unset):
            sender_id = UNSET
        else:
            sender_id = self.sender_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to_number": to_number,
                "content": content,
            }
        )
        if from_number is not UNSET:
            field_dict["from_number"] = from_number
        if sender_id is not UNSET:
            field_dict["sender_id"] = sender_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if start_date is not UNSET:
            field_dict["start_date"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            to_number = src_dict["to_number"]
        except KeyError:
            raise _Mismatch.missing(".to_number") from None
        if type(to_number) is not str and not (type(to_number) is str or isinstance(to_number, str)):
            raise _Mismatch("a string", to_number, ".to_number")
        try:
            content = src_dict["content"]
        except KeyError:
            raise _Mismatch.missing(".content") from None
        if type(content) is not str and not (type(content) is str or isinstance(content, str)):
            raise _Mismatch("a string", content, ".content")
        from_number = src_dict.get("from_number", UNSET)
        if type(from_number) is not str and from_number is not None:
            if from_number is UNSET:
                _missing += 1
            elif not ((type(from_number) is str or isinstance(from_number, str)) or from_number is None):
                raise _Mismatch("a string or null", from_number, ".from_number")
        sender_id = src_dict.get("sender_id", UNSET)
        if type(sender_id) is not str and sender_id is not None:
            if sender_id is UNSET:
                _missing += 1
            elif not ((type(sender_id) is str or isinstance(sender_id, str)) or sender_id is None):
                raise _Mismatch("a string or null", sender_id, ".sender_id")
        type_ = src_dict.get("type", UNSET)
        if type_ is not UNSET:
            if not (type(type_) is str or isinstance(type_, str)):
                raise _Mismatch("a string", type_, ".type")
            try:  # the member table first (see the end of the module): calling an Enum class is slow
                type_ = _BY_VALUE_Direction.get(type_) or Direction(type_)
            except ValueError:
                raise _Mismatch("one of Direction's values", type_, ".type") from None

        else:
            _missing += 1
        start_date = src_dict.get("start_date", UNSET)
        if type(start_date) is str:
            try:
                start_date = _fromisoformat(start_date)
            except ValueError:
                start_date = _parse_datetime(start_date, ".start_date")

        elif start_date is UNSET:
            _missing += 1
        else:
            if not (type(start_date) is str or isinstance(start_date, str)):
                raise _Mismatch("an ISO 8601 date-time string", start_date, ".start_date")
            try:
                start_date = _fromisoformat(start_date)
            except ValueError:
                start_date = _parse_datetime(start_date, ".start_date")

        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        sent_sms = _new_instance(cls)
        sent_sms.to_number = to_number
        sent_sms.content = content
        sent_sms.from_number = from_number
        sent_sms.sender_id = sender_id
        sent_sms.type_ = type_
        sent_sms.start_date = start_date
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 6:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        sent_sms.additional_properties = additional_properties
        return sent_sms

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
_SentSms = SentSms  # a model may contain itself (a tree)
_from_dict_SentSms = SentSms.from_dict
_BY_VALUE_Direction: dict[Any, Direction] = {member.value: member for member in Direction}

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "to_number",
        "content",
        "from_number",
        "sender_id",
        "type",
        "start_date",
    }
)
