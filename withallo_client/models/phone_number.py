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
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            number = src_dict["number"]
        except KeyError:
            raise _Mismatch.missing(".number") from None
        if type(number) is not str and not (type(number) is str or isinstance(number, str)):
            raise _Mismatch("a string", number, ".number")
        name = src_dict.get("name", UNSET)
        if type(name) is not str and name is not None:
            if name is UNSET:
                _missing += 1
            elif not ((type(name) is str or isinstance(name, str)) or name is None):
                raise _Mismatch("a string or null", name, ".name")
        country = src_dict.get("country", UNSET)
        if type(country) is not str:
            if country is UNSET:
                _missing += 1
            elif not (type(country) is str or isinstance(country, str)):
                raise _Mismatch("a string", country, ".country")
        is_shared_number = src_dict.get("is_shared_number", UNSET)
        if type(is_shared_number) is not bool:
            if is_shared_number is UNSET:
                _missing += 1
            elif not type(is_shared_number) is bool:
                raise _Mismatch("a boolean", is_shared_number, ".is_shared_number")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        phone_number = _new_instance(cls)
        phone_number.number = number
        phone_number.name = name
        phone_number.country = country
        phone_number.is_shared_number = is_shared_number
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 4:
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

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "number",
        "name",
        "country",
        "is_shared_number",
    }
)
