from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..types import UNSET, Unset

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
        d = dict(src_dict)
        to_number = d.pop("to_number")

        content = d.pop("content")

        def _parse_from_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_number = _parse_from_number(d.pop("from_number", UNSET))

        def _parse_sender_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_id = _parse_sender_id(d.pop("sender_id", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: Direction | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = Direction(_type_)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.datetime | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.datetime.fromisoformat(_start_date)

        sent_sms = cls(
            to_number=to_number,
            content=content,
            from_number=from_number,
            sender_id=sender_id,
            type_=type_,
            start_date=start_date,
        )

        sent_sms.additional_properties = d
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
