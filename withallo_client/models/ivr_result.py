from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IvrResult")


@_attrs_define
class IvrResult:
    """One choice made in the phone menu.

    Attributes:
        dtmf_key (None | str | Unset): The key pressed, if any.
        text_key (str | Unset): The menu option's label.
    """

    dtmf_key: None | str | Unset = UNSET
    text_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dtmf_key: None | str | Unset
        if isinstance(self.dtmf_key, Unset):
            dtmf_key = UNSET
        else:
            dtmf_key = self.dtmf_key

        text_key = self.text_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dtmf_key is not UNSET:
            field_dict["dtmf_key"] = dtmf_key
        if text_key is not UNSET:
            field_dict["text_key"] = text_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dtmf_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dtmf_key = _parse_dtmf_key(d.pop("dtmf_key", UNSET))

        text_key = d.pop("text_key", UNSET)

        ivr_result = cls(
            dtmf_key=dtmf_key,
            text_key=text_key,
        )

        ivr_result.additional_properties = d
        return ivr_result

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
