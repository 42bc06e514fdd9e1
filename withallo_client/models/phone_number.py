from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define
class PhoneNumber:
    """An Allo number of the account.

    Attributes:
        number (str): The number, in E.164.
        name (None | str | Unset): The label given to it in Allo.
        country (str | Unset): ISO 3166-1 alpha-2 country code.
        is_shared_number (bool | Unset): Whether the number is shared by several users.
    """

    number: str
    name: None | str | Unset = UNSET
    country: str | Unset = UNSET
    is_shared_number: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        country = self.country

        is_shared_number = self.is_shared_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if country is not UNSET:
            field_dict["country"] = country
        if is_shared_number is not UNSET:
            field_dict["is_shared_number"] = is_shared_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _get = src_dict.get
        try:
            number = src_dict["number"]
        except KeyError:
            raise _Mismatch.missing(".number") from None
        if type(number) not in _FAST_number and not isinstance(number, str):
            raise _Mismatch("a string", number, ".number")
        name = _get("name", UNSET)
        if type(name) not in _FAST_name and name is not UNSET and not (isinstance(name, str) or name is None):
            raise _Mismatch("a string or null", name, ".name")
        country = _get("country", UNSET)
        if type(country) not in _FAST_country and country is not UNSET and not isinstance(country, str):
            raise _Mismatch("a string", country, ".country")
        is_shared_number = _get("is_shared_number", UNSET)
        if (
            type(is_shared_number) not in _FAST_is_shared_number
            and is_shared_number is not UNSET
            and not isinstance(is_shared_number, bool)
        ):
            raise _Mismatch("a boolean", is_shared_number, ".is_shared_number")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        phone_number = _new_instance(cls)
        phone_number.number = number
        phone_number.name = name
        phone_number.country = country
        phone_number.is_shared_number = is_shared_number
        if _KNOWN_FIELDS.issuperset(src_dict):
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        phone_number.additional_properties = additional_properties
        return phone_number

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
_PhoneNumber = PhoneNumber  # a model may contain itself (a tree)
_from_dict_PhoneNumber = PhoneNumber.from_dict
_FAST_number: frozenset[type] = frozenset({str})
_FAST_name: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_country: frozenset[type] = frozenset({str, Unset})
_FAST_is_shared_number: frozenset[type] = frozenset({bool, Unset})

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "number",
        "name",
        "country",
        "is_shared_number",
    }
)
