from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import SchemaMismatchError as _Mismatch
from ..types import UNSET, Unset
from ..types import parse_datetime as _parse_datetime
from ..types import unknown_fields as _unknown_fields

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
        """The model for `src_dict`, checked against the spec's schema; else SchemaMismatchError (with the path)."""
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise _Mismatch("an object", src_dict)
        _get = src_dict.get
        try:
            id = src_dict["id"]
        except KeyError:
            raise _Mismatch.missing(".id") from None
        if type(id) not in _FAST_id and not isinstance(id, str):
            raise _Mismatch("a string", id, ".id")
        try:
            numbers = src_dict["numbers"]
        except KeyError:
            raise _Mismatch.missing(".numbers") from None
        if not isinstance(numbers, list):
            raise _Mismatch("an array", numbers, ".numbers")
        for _item0 in numbers:
            if not isinstance(_item0, str):
                raise _Mismatch.item("a string", numbers, _item0, ".numbers")

        name = _get("name", UNSET)
        if type(name) not in _FAST_name and name is not UNSET and not (isinstance(name, str) or name is None):
            raise _Mismatch("a string or null", name, ".name")
        last_name = _get("last_name", UNSET)
        if (
            type(last_name) not in _FAST_last_name
            and last_name is not UNSET
            and not (isinstance(last_name, str) or last_name is None)
        ):
            raise _Mismatch("a string or null", last_name, ".last_name")
        job_title = _get("job_title", UNSET)
        if (
            type(job_title) not in _FAST_job_title
            and job_title is not UNSET
            and not (isinstance(job_title, str) or job_title is None)
        ):
            raise _Mismatch("a string or null", job_title, ".job_title")
        website = _get("website", UNSET)
        if (
            type(website) not in _FAST_website
            and website is not UNSET
            and not (isinstance(website, str) or website is None)
        ):
            raise _Mismatch("a string or null", website, ".website")
        status = _get("status", UNSET)
        if type(status) not in _FAST_status and status is not UNSET and not (isinstance(status, str) or status is None):
            raise _Mismatch("a string or null", status, ".status")
        is_archived = _get("is_archived", UNSET)
        if (
            type(is_archived) not in _FAST_is_archived
            and is_archived is not UNSET
            and not isinstance(is_archived, bool)
        ):
            raise _Mismatch("a boolean", is_archived, ".is_archived")
        created_at = _get("created_at", UNSET)
        if created_at is not UNSET:
            if not isinstance(created_at, str):
                raise _Mismatch("an ISO 8601 date-time string", created_at, ".created_at")
            try:
                created_at = datetime.datetime.fromisoformat(created_at)
            except ValueError:
                created_at = _parse_datetime(created_at, ".created_at")

        updated_at = _get("updated_at", UNSET)
        if updated_at is not UNSET:
            if not isinstance(updated_at, str):
                raise _Mismatch("an ISO 8601 date-time string", updated_at, ".updated_at")
            try:
                updated_at = datetime.datetime.fromisoformat(updated_at)
            except ValueError:
                updated_at = _parse_datetime(updated_at, ".updated_at")

        emails = _get("emails", UNSET)
        if emails is not UNSET:
            if not isinstance(emails, list):
                raise _Mismatch("an array", emails, ".emails")
            for _item0 in emails:
                if not isinstance(_item0, str):
                    raise _Mismatch.item("a string", emails, _item0, ".emails")

        company = _get("company", UNSET)
        if company is not UNSET:
            if isinstance(company, dict):
                try:
                    company = _from_dict_Company(company)
                except _Mismatch as _error:
                    _error.at(".company")
                    raise
            elif company is None:
                pass
            else:
                raise _Mismatch("an object or null", company, ".company")

        is_whitelisted = _get("is_whitelisted", UNSET)
        if (
            type(is_whitelisted) not in _FAST_is_whitelisted
            and is_whitelisted is not UNSET
            and not isinstance(is_whitelisted, bool)
        ):
            raise _Mismatch("a boolean", is_whitelisted, ".is_whitelisted")
        last_activity_date = _get("last_activity_date", UNSET)
        if last_activity_date is not UNSET:
            if isinstance(last_activity_date, str):
                try:
                    last_activity_date = datetime.datetime.fromisoformat(last_activity_date)
                except ValueError:
                    last_activity_date = _parse_datetime(last_activity_date, ".last_activity_date")
            elif last_activity_date is None:
                pass
            else:
                raise _Mismatch("an ISO 8601 date-time string or null", last_activity_date, ".last_activity_date")

        engagement = _get("engagement", UNSET)
        if engagement is not UNSET:
            if isinstance(engagement, dict):
                try:
                    engagement = _from_dict_ContactEngagementType0(engagement)
                except _Mismatch as _error:
                    _error.at(".engagement")
                    raise
            elif engagement is None:
                pass
            else:
                raise _Mismatch("an object or null", engagement, ".engagement")

        integration_data = _get("integration_data", UNSET)
        if integration_data is not UNSET:
            if isinstance(integration_data, dict):
                try:
                    integration_data = _from_dict_ContactIntegrationDataType0(integration_data)
                except _Mismatch as _error:
                    _error.at(".integration_data")
                    raise
            elif integration_data is None:
                pass
            else:
                raise _Mismatch("an object or null", integration_data, ".integration_data")

        custom_properties = _get("custom_properties", UNSET)
        if custom_properties is not UNSET:
            if isinstance(custom_properties, dict):
                try:
                    custom_properties = _from_dict_ContactCustomPropertiesType0(custom_properties)
                except _Mismatch as _error:
                    _error.at(".custom_properties")
                    raise
            elif custom_properties is None:
                pass
            else:
                raise _Mismatch("an object or null", custom_properties, ".custom_properties")

        activity = _get("activity", UNSET)
        if activity is not UNSET:
            if not isinstance(activity, list):
                raise _Mismatch("an array", activity, ".activity")
            _activity_items: list[Any] = []
            for _item0 in activity:
                if not isinstance(_item0, dict):
                    raise _Mismatch("an object", _item0, f"[{len(_activity_items)}]", ".activity")
                try:
                    _item0 = _from_dict_ContactActivity(_item0)
                except _Mismatch as _error:
                    _error.at(f"[{len(_activity_items)}]", ".activity")
                    raise

                _activity_items.append(_item0)
            activity = _activity_items

        conversation_url = _get("conversation_url", UNSET)
        if (
            type(conversation_url) not in _FAST_conversation_url
            and conversation_url is not UNSET
            and not (isinstance(conversation_url, str) or conversation_url is None)
        ):
            raise _Mismatch("a string or null", conversation_url, ".conversation_url")
        # No __init__ call: binding ~20 keyword arguments cost more than all the checks above. The attrs classes
        # have no validators or converters, so storing each field is all their __init__ would do.
        contact = _new_instance(cls)
        contact.id = id
        contact.numbers = numbers
        contact.name = name
        contact.last_name = last_name
        contact.job_title = job_title
        contact.website = website
        contact.status = status
        contact.is_archived = is_archived
        contact.created_at = created_at
        contact.updated_at = updated_at
        contact.emails = emails
        contact.company = company
        contact.is_whitelisted = is_whitelisted
        contact.last_activity_date = last_activity_date
        contact.engagement = engagement
        contact.integration_data = integration_data
        contact.custom_properties = custom_properties
        contact.activity = activity
        contact.conversation_url = conversation_url
        if _KNOWN_FIELDS.issuperset(src_dict):
            additional_properties: dict[str, Any] = {}
        else:
            additional_properties = _unknown_fields(src_dict, _KNOWN_FIELDS)
        contact.additional_properties = additional_properties
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


_new_instance = object.__new__
_Contact = Contact  # a model may contain itself (a tree)
_from_dict_Contact = Contact.from_dict
_FAST_id: frozenset[type] = frozenset({str})
_FAST_name: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_last_name: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_job_title: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_website: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_status: frozenset[type] = frozenset({str, type(None), Unset})
_FAST_is_archived: frozenset[type] = frozenset({bool, Unset})
_FAST_is_whitelisted: frozenset[type] = frozenset({bool, Unset})
_FAST_conversation_url: frozenset[type] = frozenset({str, type(None), Unset})

_KNOWN_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "numbers",
        "name",
        "last_name",
        "job_title",
        "website",
        "status",
        "is_archived",
        "created_at",
        "updated_at",
        "emails",
        "company",
        "is_whitelisted",
        "last_activity_date",
        "engagement",
        "integration_data",
        "custom_properties",
        "activity",
        "conversation_url",
    }
)

# Nested models, imported after the class so that models referring to each other import in either order.
from ..models.company import Company as _Company  # noqa: E402
from ..models.contact_activity import ContactActivity as _ContactActivity  # noqa: E402
from ..models.contact_custom_properties_type_0 import ContactCustomPropertiesType0 as _ContactCustomPropertiesType0  # noqa: E402
from ..models.contact_engagement_type_0 import ContactEngagementType0 as _ContactEngagementType0  # noqa: E402
from ..models.contact_integration_data_type_0 import ContactIntegrationDataType0 as _ContactIntegrationDataType0  # noqa: E402

# Bound once here, instead of binding the classmethod again for each nested object parsed.
_from_dict_Company = _Company.from_dict
_from_dict_ContactActivity = _ContactActivity.from_dict
_from_dict_ContactCustomPropertiesType0 = _ContactCustomPropertiesType0.from_dict
_from_dict_ContactEngagementType0 = _ContactEngagementType0.from_dict
_from_dict_ContactIntegrationDataType0 = _ContactIntegrationDataType0.from_dict
