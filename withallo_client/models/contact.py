from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company import Company
    from ..models.contact_activity import ContactActivity
    from ..models.contact_custom_properties_type_0 import ContactCustomPropertiesType0
    from ..models.contact_engagement_type_0 import ContactEngagementType0
    from ..models.contact_integration_data_type_0 import ContactIntegrationDataType0


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A contact of the account.

    Attributes:
        id (str): The contact's id (`cnt_...`).
        numbers (list[str]): The contact's phone numbers.
        name (None | str | Unset): First name.
        last_name (None | str | Unset): Last name.
        job_title (None | str | Unset): Job title.
        website (None | str | Unset): Website.
        status (None | str | Unset): The contact's status in the account (free text set by Allo, e.g. `ACTIVE`).
        is_archived (bool | Unset): Whether the contact is archived.
        created_at (datetime.datetime | Unset): When the contact was created; may come without a UTC offset.
        updated_at (datetime.datetime | Unset): When the contact was last changed; may come without a UTC offset.
        emails (list[str] | Unset): The contact's email addresses.
        company (Company | None | Unset):
        is_whitelisted (bool | Unset): Whether calls from the contact bypass call screening.
        last_activity_date (datetime.datetime | None | Unset): When the contact last called or texted.
        engagement (ContactEngagementType0 | None | Unset): Engagement figures (returned with `extend=engagement`); the
            shape is not documented.
        integration_data (ContactIntegrationDataType0 | None | Unset): Data synchronised from CRM integrations.
        custom_properties (ContactCustomPropertiesType0 | None | Unset): The account's custom contact properties.
        activity (list[ContactActivity] | Unset): Recent activity (returned with `extend=activity`).
        conversation_url (None | str | Unset): Link to the conversation in the Allo web app.
    """

    id: str
    numbers: list[str]
    name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    is_archived: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    emails: list[str] | Unset = UNSET
    company: Company | None | Unset = UNSET
    is_whitelisted: bool | Unset = UNSET
    last_activity_date: datetime.datetime | None | Unset = UNSET
    engagement: ContactEngagementType0 | None | Unset = UNSET
    integration_data: ContactIntegrationDataType0 | None | Unset = UNSET
    custom_properties: ContactCustomPropertiesType0 | None | Unset = UNSET
    activity: list[ContactActivity] | Unset = UNSET
    conversation_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.company import Company  # noqa: PLC0415
        from ..models.contact_custom_properties_type_0 import ContactCustomPropertiesType0  # noqa: PLC0415
        from ..models.contact_engagement_type_0 import ContactEngagementType0  # noqa: PLC0415
        from ..models.contact_integration_data_type_0 import ContactIntegrationDataType0  # noqa: PLC0415

        id = self.id

        numbers = self.numbers

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        is_archived = self.is_archived

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        company: dict[str, Any] | None | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        elif isinstance(self.company, Company):
            company = self.company.to_dict()
        else:
            company = self.company

        is_whitelisted = self.is_whitelisted

        last_activity_date: None | str | Unset
        if isinstance(self.last_activity_date, Unset):
            last_activity_date = UNSET
        elif isinstance(self.last_activity_date, datetime.datetime):
            last_activity_date = self.last_activity_date.isoformat()
        else:
            last_activity_date = self.last_activity_date

        engagement: dict[str, Any] | None | Unset
        if isinstance(self.engagement, Unset):
            engagement = UNSET
        elif isinstance(self.engagement, ContactEngagementType0):
            engagement = self.engagement.to_dict()
        else:
            engagement = self.engagement

        integration_data: dict[str, Any] | None | Unset
        if isinstance(self.integration_data, Unset):
            integration_data = UNSET
        elif isinstance(self.integration_data, ContactIntegrationDataType0):
            integration_data = self.integration_data.to_dict()
        else:
            integration_data = self.integration_data

        custom_properties: dict[str, Any] | None | Unset
        if isinstance(self.custom_properties, Unset):
            custom_properties = UNSET
        elif isinstance(self.custom_properties, ContactCustomPropertiesType0):
            custom_properties = self.custom_properties.to_dict()
        else:
            custom_properties = self.custom_properties

        activity: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activity, Unset):
            activity = []
            for activity_item_data in self.activity:
                activity_item = activity_item_data.to_dict()
                activity.append(activity_item)

        conversation_url: None | str | Unset
        if isinstance(self.conversation_url, Unset):
            conversation_url = UNSET
        else:
            conversation_url = self.conversation_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
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
        if status is not UNSET:
            field_dict["status"] = status
        if is_archived is not UNSET:
            field_dict["is_archived"] = is_archived
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if emails is not UNSET:
            field_dict["emails"] = emails
        if company is not UNSET:
            field_dict["company"] = company
        if is_whitelisted is not UNSET:
            field_dict["is_whitelisted"] = is_whitelisted
        if last_activity_date is not UNSET:
            field_dict["last_activity_date"] = last_activity_date
        if engagement is not UNSET:
            field_dict["engagement"] = engagement
        if integration_data is not UNSET:
            field_dict["integration_data"] = integration_data
        if custom_properties is not UNSET:
            field_dict["custom_properties"] = custom_properties
        if activity is not UNSET:
            field_dict["activity"] = activity
        if conversation_url is not UNSET:
            field_dict["conversation_url"] = conversation_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company import Company  # noqa: PLC0415
        from ..models.contact_activity import ContactActivity  # noqa: PLC0415
        from ..models.contact_custom_properties_type_0 import ContactCustomPropertiesType0  # noqa: PLC0415
        from ..models.contact_engagement_type_0 import ContactEngagementType0  # noqa: PLC0415
        from ..models.contact_integration_data_type_0 import ContactIntegrationDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        numbers = cast(list[str], d.pop("numbers"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        is_archived = d.pop("is_archived", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        emails = cast(list[str], d.pop("emails", UNSET))

        def _parse_company(data: object) -> Company | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_0 = Company.from_dict(data)

                return company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Company | None | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        is_whitelisted = d.pop("is_whitelisted", UNSET)

        def _parse_last_activity_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_activity_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_activity_date = _parse_last_activity_date(d.pop("last_activity_date", UNSET))

        def _parse_engagement(data: object) -> ContactEngagementType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                engagement_type_0 = ContactEngagementType0.from_dict(data)

                return engagement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactEngagementType0 | None | Unset, data)

        engagement = _parse_engagement(d.pop("engagement", UNSET))

        def _parse_integration_data(data: object) -> ContactIntegrationDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                integration_data_type_0 = ContactIntegrationDataType0.from_dict(data)

                return integration_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactIntegrationDataType0 | None | Unset, data)

        integration_data = _parse_integration_data(d.pop("integration_data", UNSET))

        def _parse_custom_properties(data: object) -> ContactCustomPropertiesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_properties_type_0 = ContactCustomPropertiesType0.from_dict(data)

                return custom_properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactCustomPropertiesType0 | None | Unset, data)

        custom_properties = _parse_custom_properties(d.pop("custom_properties", UNSET))

        _activity = d.pop("activity", UNSET)
        activity: list[ContactActivity] | Unset = UNSET
        if _activity is not UNSET:
            activity = []
            for activity_item_data in _activity:
                activity_item = ContactActivity.from_dict(activity_item_data)

                activity.append(activity_item)

        def _parse_conversation_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conversation_url = _parse_conversation_url(d.pop("conversation_url", UNSET))

        contact = cls(
            id=id,
            numbers=numbers,
            name=name,
            last_name=last_name,
            job_title=job_title,
            website=website,
            status=status,
            is_archived=is_archived,
            created_at=created_at,
            updated_at=updated_at,
            emails=emails,
            company=company,
            is_whitelisted=is_whitelisted,
            last_activity_date=last_activity_date,
            engagement=engagement,
            integration_data=integration_data,
            custom_properties=custom_properties,
            activity=activity,
            conversation_url=conversation_url,
        )

        contact.additional_properties = d
        return contact

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
