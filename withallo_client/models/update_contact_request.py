from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

if TYPE_CHECKING:
    from ..models.update_contact_request_addresses_item import UpdateContactRequestAddressesItem


T = TypeVar("T", bound="UpdateContactRequest")


@_attrs_define
class UpdateContactRequest:
    """The fields to change (PUT). `emails`, `numbers` and `addresses` replace the contact's whole list.
    Fields not listed here are passed through as given.

        Attributes:
            name (None | str | Unset): First name.
            last_name (None | str | Unset): Last name.
            job_title (None | str | Unset): Job title.
            website (None | str | Unset): Website.
            company (None | str | Unset): The company's name.
            emails (list[str] | Unset): Email addresses; replaces the existing list.
            numbers (list[str] | Unset): Phone numbers in E.164; replaces the existing list.
            addresses (list[UpdateContactRequestAddressesItem] | Unset): Postal addresses; replaces the existing list. The
                shape of an address is not documented.
    """

    name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    numbers: list[str] | Unset = UNSET
    addresses: list[UpdateContactRequestAddressesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

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

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if website is not UNSET:
            field_dict["website"] = website
        if company is not UNSET:
            field_dict["company"] = company
        if emails is not UNSET:
            field_dict["emails"] = emails
        if numbers is not UNSET:
            field_dict["numbers"] = numbers
        if addresses is not UNSET:
            field_dict["addresses"] = addresses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
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
        job_title = src_dict.get("job_title", UNSET)
        if type(job_title) is not str and job_title is not None:
            if job_title is UNSET:
                _missing += 1
            elif not ((type(job_title) is str or isinstance(job_title, str)) or job_title is None):
                raise _Mismatch("a string or null", job_title, ".job_title")
        website = src_dict.get("website", UNSET)
        if type(website) is not str and website is not None:
            if website is UNSET:
                _missing += 1
            elif not ((type(website) is str or isinstance(website, str)) or website is None):
                raise _Mismatch("a string or null", website, ".website")
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
        addresses = src_dict.get("addresses", UNSET)
        if addresses is not UNSET:
            if not (type(addresses) is list or isinstance(addresses, list)):
                raise _Mismatch("an array", addresses, ".addresses")
            _addresses_items: list[Any] = []
            try:
                for _item0 in addresses:
                    _addresses_items.append(_from_dict_UpdateContactRequestAddressesItem(_item0))
            except _Mismatch as _error:
                _error.at(f"[{len(_addresses_items)}]", ".addresses")
                raise
            addresses = _addresses_items

        else:
            _missing += 1
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        update_contact_request = _new_instance(cls)
        update_contact_request.name = name
        update_contact_request.last_name = last_name
        update_contact_request.job_title = job_title
        update_contact_request.website = website
        update_contact_request.company = company
        update_contact_request.emails = emails
        update_contact_request.numbers = numbers
        update_contact_request.addresses = addresses
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 8:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        update_contact_request.additional_properties = additional_properties
        return update_contact_request

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
_UpdateContactRequest = UpdateContactRequest  # a model may contain itself (a tree)
_from_dict_UpdateContactRequest = UpdateContactRequest.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "name",
        "last_name",
        "job_title",
        "website",
        "company",
        "emails",
        "numbers",
        "addresses",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.update_contact_request_addresses_item import (
    UpdateContactRequestAddressesItem as _UpdateContactRequestAddressesItem,  # noqa: E402
)

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_UpdateContactRequestAddressesItem = _UpdateContactRequestAddressesItem.from_dict
