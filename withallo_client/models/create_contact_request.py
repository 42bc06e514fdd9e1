from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        d = dict(src_dict)
        numbers = cast(list[str], d.pop("numbers"))

        name = d.pop("name", UNSET)

        last_name = d.pop("last_name", UNSET)

        job_title = d.pop("job_title", UNSET)

        website = d.pop("website", UNSET)

        emails = cast(list[str], d.pop("emails", UNSET))

        company = d.pop("company", UNSET)

        create_contact_request = cls(
            numbers=numbers,
            name=name,
            last_name=last_name,
            job_title=job_title,
            website=website,
            emails=emails,
            company=company,
        )

        create_contact_request.additional_properties = d
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
