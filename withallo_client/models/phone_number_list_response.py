from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.phone_number import PhoneNumber


T = TypeVar("T", bound="PhoneNumberListResponse")


@_attrs_define
class PhoneNumberListResponse:
    """The envelope of the account's numbers.

    Attributes:
        data (list[PhoneNumber]):
    """

    data: list[PhoneNumber]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
            data = src_dict["data"]
        except KeyError:
            raise _Mismatch.missing(".data") from None
        if not (type(data) is list or isinstance(data, list)):
            raise _Mismatch("an array", data, ".data")
        _data_items: list[Any] = []
        try:
            for _item0 in data:
                _data_items.append(_from_dict_PhoneNumber(_item0))
        except _Mismatch as _error:
            _error.at(f"[{len(_data_items)}]", ".data")
            raise
        data = _data_items

        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        phone_number_list_response = _new_instance(cls)
        phone_number_list_response.data = data
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 1:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        phone_number_list_response.additional_properties = additional_properties
        return phone_number_list_response

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
_PhoneNumberListResponse = PhoneNumberListResponse  # a model may contain itself (a tree)
_from_dict_PhoneNumberListResponse = PhoneNumberListResponse.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "data",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.phone_number import PhoneNumber as _PhoneNumber  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_PhoneNumber = _PhoneNumber.from_dict
