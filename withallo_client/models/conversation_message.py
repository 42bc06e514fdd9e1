from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationMessage")


@_attrs_define
class ConversationMessage:
    """A text message inside a conversation.

    Attributes:
        from_number (None | str): The sending number (null when sent from a sender ID).
        to_number (str): The receiving number.
        content (str): The text.
        start_date (datetime.datetime): When it was sent; may come without a UTC offset.
        type_ (Direction | Unset): Whether the call or message came in or went out. Open enum.
    """

    from_number: None | str
    to_number: str
    content: str
    start_date: datetime.datetime
    type_: Direction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_number: None | str
        from_number = self.from_number

        to_number = self.to_number

        content = self.content

        start_date = self.start_date.isoformat()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_number": from_number,
                "to_number": to_number,
                "content": content,
                "start_date": start_date,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_number = _parse_from_number(d.pop("from_number"))

        to_number = d.pop("to_number")

        content = d.pop("content")

        start_date = datetime.datetime.fromisoformat(d.pop("start_date"))

        _type_ = d.pop("type", UNSET)
        type_: Direction | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = Direction(_type_)

        conversation_message = cls(
            from_number=from_number,
            to_number=to_number,
            content=content,
            start_date=start_date,
            type_=type_,
        )

        conversation_message.additional_properties = d
        return conversation_message

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
