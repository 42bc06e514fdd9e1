from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..models.sms_type import SmsType
from ..types import UNSET, Unset

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
        d = dict(src_dict)
        id = d.pop("id")

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        _type_ = d.pop("type", UNSET)
        type_: SmsType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = SmsType(_type_)

        content = d.pop("content", UNSET)

        _sent_at = d.pop("sent_at", UNSET)
        sent_at: datetime.datetime | Unset
        if isinstance(_sent_at, Unset):
            sent_at = UNSET
        else:
            sent_at = datetime.datetime.fromisoformat(_sent_at)

        from_number = d.pop("from_number", UNSET)

        to_number = d.pop("to_number", UNSET)

        def _parse_from_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_name = _parse_from_name(d.pop("from_name", UNSET))

        def _parse_to_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_name = _parse_to_name(d.pop("to_name", UNSET))

        sms_payload = cls(
            id=id,
            direction=direction,
            type_=type_,
            content=content,
            sent_at=sent_at,
            from_number=from_number,
            to_number=to_number,
            from_name=from_name,
            to_name=to_name,
        )

        sms_payload.additional_properties = d
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
