from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="TransferParty")


@_attrs_define
class TransferParty:
    """The other end of a transfer.

    Attributes:
        number (None | str | Unset): The number.
        user_email (None | str | Unset): The Allo user's email.
        user_name (None | str | Unset): The Allo user's name.
    """

    number: None | str | Unset = UNSET
    user_email: None | str | Unset = UNSET
    user_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        user_email: None | str | Unset
        if isinstance(self.user_email, Unset):
            user_email = UNSET
        else:
            user_email = self.user_email

        user_name: None | str | Unset
        if isinstance(self.user_name, Unset):
            user_name = UNSET
        else:
            user_name = self.user_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if user_email is not UNSET:
            field_dict["user_email"] = user_email
        if user_name is not UNSET:
            field_dict["user_name"] = user_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        number = src_dict.get("number", UNSET)
        if type(number) is not str and number is not None:
            if number is UNSET:
                _missing += 1
            elif not ((type(number) is str or isinstance(number, str)) or number is None):
                raise _Mismatch("a string or null", number, ".number")
        user_email = src_dict.get("user_email", UNSET)
        if type(user_email) is not str and user_email is not None:
            if user_email is UNSET:
                _missing += 1
            elif not ((type(user_email) is str or isinstance(user_email, str)) or user_email is None):
                raise _Mismatch("a string or null", user_email, ".user_email")
        user_name = src_dict.get("user_name", UNSET)
        if type(user_name) is not str and user_name is not None:
            if user_name is UNSET:
                _missing += 1
            elif not ((type(user_name) is str or isinstance(user_name, str)) or user_name is None):
                raise _Mismatch("a string or null", user_name, ".user_name")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        transfer_party = _new_instance(cls)
        transfer_party.number = number
        transfer_party.user_email = user_email
        transfer_party.user_name = user_name
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 3:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        transfer_party.additional_properties = additional_properties
        return transfer_party

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
_TransferParty = TransferParty  # a model may contain itself (a tree)
_from_dict_TransferParty = TransferParty.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "number",
        "user_email",
        "user_name",
    }
)
