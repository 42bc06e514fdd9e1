from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """One reason the request failed.

    Attributes:
        field (None | str | Unset): The field at fault, when there is one.
        message (str | Unset): What is wrong, e.g. `must not be empty` or `required=CONTACTS_READ`.
    """

    field: None | str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        field = src_dict.get("field", UNSET)
        if type(field) is not str and field is not None:
            if field is UNSET:
                _missing += 1
            elif not ((type(field) is str or isinstance(field, str)) or field is None):
                raise _Mismatch("a string or null", field, ".field")
        message = src_dict.get("message", UNSET)
        if type(message) is not str:
            if message is UNSET:
                _missing += 1
            elif not (type(message) is str or isinstance(message, str)):
                raise _Mismatch("a string", message, ".message")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        error_detail = _new_instance(cls)
        error_detail.field = field
        error_detail.message = message
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 2:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        error_detail.additional_properties = additional_properties
        return error_detail

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
_ErrorDetail = ErrorDetail  # a model may contain itself (a tree)
_from_dict_ErrorDetail = ErrorDetail.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "field",
        "message",
    }
)
