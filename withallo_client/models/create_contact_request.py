from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import unknown_fields as _unknown_fields

T = TypeVar("T", bound="CreateContactRequest")


@_attrs_define
class CreateContactRequest:
    """A new contact. Only the fields given are sent.

    Attributes:
        numbers (list[str]): At least one phone number, in E.164.
        name (str | Unset): First name.
        last_name (str | Unset): Last name.
        job_title (str | Unset): Job title.
        website (str | Unset): Website.
        emails (list[str] | Unset): Email addresses.
        company (str | Unset): The company's name.
    """

    numbers: list[str]
    name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    job_title: str | Unset = UNSET
    website: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    company: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        numbers = self.numbers

        name = self.name

        last_name = self.last_name

        job_title = self.job_title

        website = self.website

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        company = self.company

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "numbers": numbers,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if website is not UNSET:
            field_dict["website"] = website
        if emails is not UNSET:
            field_dict["emails"] = emails
        if company is not UNSET:
            field_dict["company"] = company

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            numbers = src_dict["numbers"]
        except KeyError:
            raise _Mismatch.missing(".numbers") from None
        if not (type(numbers) is list or isinstance(numbers, list)):
            raise _Mismatch("an array", numbers, ".numbers")
        for _item0 in numbers:
            if not (type(_item0) is str or isinstance(_item0, str)):
                raise _Mismatch.item("a string", numbers, _item0, ".numbers")

        name = src_dict.get("name", UNSET)
        if type(name) is not str:
            if name is UNSET:
                _missing += 1
            elif not (type(name) is str or isinstance(name, str)):
                raise _Mismatch("a string", name, ".name")
        last_name = src_dict.get("last_name", UNSET)
        if type(last_name) is not str:
            if last_name is UNSET:
                _missing += 1
            elif not (type(last_name) is str or isinstance(last_name, str)):
                raise _Mismatch("a string", last_name, ".last_name")
        job_title = src_dict.get("job_title", UNSET)
        if type(job_title) is not str:
            if job_title is UNSET:
                _missing += 1
            elif not (type(job_title) is str or isinstance(job_title, str)):
                raise _Mismatch("a string", job_title, ".job_title")
        website = src_dict.get("website", UNSET)
        if type(website) is not str:
            if website is UNSET:
                _missing += 1
            elif not (type(website) is str or isinstance(website, str)):
                raise _Mismatch("a string", website, ".website")
        emails = src_dict.get("emails", UNSET)
        if emails is not UNSET:
            if not (type(emails) is list or isinstance(emails, list)):
                raise _Mismatch("an array", emails, ".emails")
            for _item0 in emails:
                if not (type(_item0) is str or isinstance(_item0, str)):
                    raise _Mismatch.item("a string", emails, _item0, ".emails")

        else:
            _missing += 1
        company = src_dict.get("company", UNSET)
        if type(company) is not str:
            if company is UNSET:
                _missing += 1
            elif not (type(company) is str or isinstance(company, str)):
                raise _Mismatch("a string", company, ".company")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        create_contact_request = _new_instance(cls)
        create_contact_request.numbers = numbers
        create_contact_request.name = name
        create_contact_request.last_name = last_name
        create_contact_request.job_title = job_title
        create_contact_request.website = website
        create_contact_request.emails = emails
        create_contact_request.company = company
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 7:
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        create_contact_request.additional_properties = additional_properties
        return create_contact_request

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
_CreateContactRequest = CreateContactRequest  # a model may contain itself (a tree)
_from_dict_CreateContactRequest = CreateContactRequest.from_dict

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "numbers",
        "name",
        "last_name",
        "job_title",
        "website",
        "emails",
        "company",
    }
)
