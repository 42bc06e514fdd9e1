from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

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
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        dtmf_key = src_dict.get("dtmf_key", UNSET)
        if type(dtmf_key) is not str and dtmf_key is not None:
            if dtmf_key is UNSET:
                _missing += 1
            elif not ((type(dtmf_key) is str or isinstance(dtmf_key, str)) or dtmf_key is None):
                raise _Mismatch("a string or null", dtmf_key, ".dtmf_key")
        text_key = src_dict.get("text_key", UNSET)
        if type(text_key) is not str:
            if text_key is UNSET:
                _missing += 1
            elif not (type(text_key) is str or isinstance(text_key, str)):
                raise _Mismatch("a string", text_key, ".text_key")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        ivr_result = _new_instance(cls)
        ivr_result.dtmf_key = dtmf_key
        ivr_result.text_key = text_key
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        ivr_result.additional_properties = additional_properties
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


_new_instance = object.__new__
_IvrResult = IvrResult  # a model may contain itself (a tree)
_from_dict_IvrResult = IvrResult.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "dtmf_key",
        "text_key",
    }
)
