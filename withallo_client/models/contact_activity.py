from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactActivity")


@_attrs_define
class ContactActivity:
    """One event in a contact's activity (returned with `extend=activity`).

    Attributes:
        type_ (str | Unset): The kind of activity, e.g. `CALL`, `TEXT_MESSAGE`, `NOTE`.
        made_by (str | Unset): Who did it.
        made_at (datetime.datetime | Unset): When; may come without a UTC offset.
        allo_number (None | str | Unset): The Allo number involved, if any.
        content (None | str | Unset): The text of the activity, if any.
    """

    type_: str | Unset = UNSET
    made_by: str | Unset = UNSET
    made_at: datetime.datetime | Unset = UNSET
    allo_number: None | str | Unset = UNSET
    content: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        made_by = self.made_by

        made_at: str | Unset = UNSET
        if not isinstance(self.made_at, Unset):
            made_at = self.made_at.isoformat()

        allo_number: None | str | Unset
        if isinstance(self.allo_number, Unset):
            allo_number = UNSET
        else:
            allo_number = self.allo_number

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if made_by is not UNSET:
            field_dict["made_by"] = made_by
        if made_at is not UNSET:
            field_dict["made_at"] = made_at
        if allo_number is not UNSET:
            field_dict["allo_number"] = allo_number
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        made_by = d.pop("made_by", UNSET)

        _made_at = d.pop("made_at", UNSET)
        made_at: datetime.datetime | Unset
        if isinstance(_made_at, Unset):
            made_at = UNSET
        else:
            made_at = datetime.datetime.fromisoformat(_made_at)

        def _parse_allo_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        allo_number = _parse_allo_number(d.pop("allo_number", UNSET))

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        contact_activity = cls(
            type_=type_,
            made_by=made_by,
            made_at=made_at,
            allo_number=allo_number,
            content=content,
        )

        contact_activity.additional_properties = d
        return contact_activity

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
