from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="ContactPayload")


@_attrs_define
class ContactPayload:
    """The `data` of a CONTACT_CREATED or CONTACT_UPDATED event.

    Attributes:
        id (str): The contact's id.
        name (None | str | Unset): First name.
        last_name (None | str | Unset): Last name.
        company (None | str | Unset): The company's name.
        emails (list[str] | Unset): Email addresses.
        numbers (list[str] | Unset): Phone numbers.
    """

    id: str
    name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    numbers: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        numbers: list[str] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = self.numbers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if company is not UNSET:
            field_dict["company"] = company
        if emails is not UNSET:
            field_dict["emails"] = emails
        if numbers is not UNSET:
            field_dict["numbers"] = numbers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            id = src_dict["id"]
        except KeyError:
            raise _Mismatch.missing(".id") from None
        if type(id) is not str and not (type(id) is str or isinstance(id, str)):
            raise _Mismatch("a string", id, ".id")
        name = src_dict.get("name", UNSET)
        if type(name) is not str and name is not None:
            if name is UNSET:
                _missing += 1
            elif not ((type(name) is str or isinstance(name, str)) or name is None):
                raise _Mismatch("a string or null", name, ".name")
        last_name = src_dict.get("last_name", UNSET)
        if type(last_name) is not str and last_name is not None:
            if last_name is UNSET:
                _missing += 1
            elif not ((type(last_name) is str or isinstance(last_name, str)) or last_name is None):
                raise _Mismatch("a string or null", last_name, ".last_name")
        company = src_dict.get("company", UNSET)
        if type(company) is not str and company is not None:
            if company is UNSET:
                _missing += 1
            elif not ((type(company) is str or isinstance(company, str)) or company is None):
                raise _Mismatch("a string or null", company, ".company")
        emails = src_dict.get("emails", UNSET)
        if emails is not UNSET:
            if not (type(emails) is list or isinstance(emails, list)):
                raise _Mismatch("an array", emails, ".emails")
            for _item0 in emails:
                if not (type(_item0) is str or isinstance(_item0, str)):
                    raise _Mismatch.item("a string", emails, _item0, ".emails")

        else:
            _missing += 1
        numbers = src_dict.get("numbers", UNSET)
        if numbers is not UNSET:
            if not (type(numbers) is list or isinstance(numbers, list)):
                raise _Mismatch("an array", numbers, ".numbers")
            for _item0 in numbers:
                if not (type(_item0) is str or isinstance(_item0, str)):
                    raise _Mismatch.item("a string", numbers, _item0, ".numbers")

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        contact_payload = _new_instance(cls)
        contact_payload.id = id
        contact_payload.name = name
        contact_payload.last_name = last_name
        contact_payload.company = company
        contact_payload.emails = emails
        contact_payload.numbers = numbers
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 6:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        contact_payload.additional_properties = additional_properties
        return contact_payload

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
_ContactPayload = ContactPayload  # a model may contain itself (a tree)
_from_dict_ContactPayload = ContactPayload.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "last_name",
        "company",
        "emails",
        "numbers",
    }
)
