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
        _missing = 0  # optional fields absent: with len(src_dict), tells whether any key is unknown
        try:
            id = src_dict["id"]
        except KeyError:
            raise _Mismatch.missing(".id") from None
        if type(id) is not str and not (type(id) is str or isinstance(id, str)):
            raise _Mismatch("a string", id, ".id")
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
        status = src_dict.get("status", UNSET)
        if type(status) is not str and status is not None:
            if status is UNSET:
                _missing += 1
            elif not ((type(status) is str or isinstance(status, str)) or status is None):
                raise _Mismatch("a string or null", status, ".status")
        is_archived = src_dict.get("is_archived", UNSET)
        if type(is_archived) is not bool:
            if is_archived is UNSET:
                _missing += 1
            elif not type(is_archived) is bool:
                raise _Mismatch("a boolean", is_archived, ".is_archived")
        created_at = src_dict.get("created_at", UNSET)
        if type(created_at) is str:
            try:
                created_at = _fromisoformat(created_at)
            except ValueError:
                created_at = _parse_datetime(created_at, ".created_at")

        elif created_at is UNSET:
            _missing += 1
        else:
            if not (type(created_at) is str or isinstance(created_at, str)):
                raise _Mismatch("an ISO 8601 date-time string", created_at, ".created_at")
            try:
                created_at = _fromisoformat(created_at)
            except ValueError:
                created_at = _parse_datetime(created_at, ".created_at")

        updated_at = src_dict.get("updated_at", UNSET)
        if type(updated_at) is str:
            try:
                updated_at = _fromisoformat(updated_at)
            except ValueError:
                updated_at = _parse_datetime(updated_at, ".updated_at")

        elif updated_at is UNSET:
            _missing += 1
        else:
            if not (type(updated_at) is str or isinstance(updated_at, str)):
                raise _Mismatch("an ISO 8601 date-time string", updated_at, ".updated_at")
            try:
                updated_at = _fromisoformat(updated_at)
            except ValueError:
                updated_at = _parse_datetime(updated_at, ".updated_at")

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
        if company is not UNSET:
            if company is None:
                pass
            elif type(company) is dict or isinstance(company, dict):
                _company__missing = 0
                _company_id = company.get("id", UNSET)
                if type(_company_id) is not str:
                    if _company_id is UNSET:
                        _company__missing += 1
                    elif not (type(_company_id) is str or isinstance(_company_id, str)):
                        raise _Mismatch("a string", _company_id, ".id", ".company")
                _company_name = company.get("name", UNSET)
                if type(_company_name) is not str:
                    if _company_name is UNSET:
                        _company__missing += 1
                    elif not (type(_company_name) is str or isinstance(_company_name, str)):
                        raise _Mismatch("a string", _company_name, ".name", ".company")
                _company__model = _new_instance(_Company)
                _company__model.id = _company_id
                _company__model.name = _company_name
                if len(company) + _company__missing == 2:
                    _company__model.additional_properties = {}
                else:
                    _company__model.additional_properties = _unknown_fields(company, _KNOWN_FIELDS_Company)
                company = _company__model
            else:
                raise _Mismatch("an object or null", company, ".company")

        else:
            _missing += 1
        is_whitelisted = src_dict.get("is_whitelisted", UNSET)
        if type(is_whitelisted) is not bool:
            if is_whitelisted is UNSET:
                _missing += 1
            elif not type(is_whitelisted) is bool:
                raise _Mismatch("a boolean", is_whitelisted, ".is_whitelisted")
        last_activity_date = src_dict.get("last_activity_date", UNSET)
        if last_activity_date is not UNSET:
            if last_activity_date is None:
                pass
            elif type(last_activity_date) is str or isinstance(last_activity_date, str):
                try:
                    last_activity_date = _fromisoformat(last_activity_date)
                except ValueError:
                    last_activity_date = _parse_datetime(last_activity_date, ".last_activity_date")
            else:
                raise _Mismatch("an ISO 8601 date-time string or null", last_activity_date, ".last_activity_date")

        else:
            _missing += 1
        engagement = src_dict.get("engagement", UNSET)
        if engagement is not UNSET:
            if engagement is None:
                pass
            elif type(engagement) is dict or isinstance(engagement, dict):
                try:
                    engagement = _from_dict_ContactEngagementType0(engagement)
                except _Mismatch as _error:
                    _error.at(".engagement")
                    raise
            else:
                raise _Mismatch("an object or null", engagement, ".engagement")

        else:
            _missing += 1
        integration_data = src_dict.get("integration_data", UNSET)
        if integration_data is not UNSET:
            if integration_data is None:
                pass
            elif type(integration_data) is dict or isinstance(integration_data, dict):
                try:
                    integration_data = _from_dict_ContactIntegrationDataType0(integration_data)
                except _Mismatch as _error:
                    _error.at(".integration_data")
                    raise
            else:
                raise _Mismatch("an object or null", integration_data, ".integration_data")

        else:
            _missing += 1
        custom_properties = src_dict.get("custom_properties", UNSET)
        if custom_properties is not UNSET:
            if custom_properties is None:
                pass
            elif type(custom_properties) is dict or isinstance(custom_properties, dict):
                try:
                    custom_properties = _from_dict_ContactCustomPropertiesType0(custom_properties)
                except _Mismatch as _error:
                    _error.at(".custom_properties")
                    raise
            else:
                raise _Mismatch("an object or null", custom_properties, ".custom_properties")

        else:
            _missing += 1
        activity = src_dict.get("activity", UNSET)
        if activity is not UNSET:
            if not (type(activity) is list or isinstance(activity, list)):
                raise _Mismatch("an array", activity, ".activity")
            _activity_items: list[Any] = []
            try:
                for _item0 in activity:
                    _activity_items.append(_from_dict_ContactActivity(_item0))
            except _Mismatch as _error:
                _error.at(f"[{len(_activity_items)}]", ".activity")
                raise
            activity = _activity_items

        else:
            _missing += 1
        conversation_url = src_dict.get("conversation_url", UNSET)
        if type(conversation_url) is not str and conversation_url is not None:
            if conversation_url is UNSET:
                _missing += 1
            elif not ((type(conversation_url) is str or isinstance(conversation_url, str)) or conversation_url is None):
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
        # Every key known when the known fields present (all but the absent ones) are all the keys: no set built.
        if len(src_dict) + _missing == 19:
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
_fromisoformat = datetime.datetime.fromisoformat
_Contact = Contact  # a model may contain itself (a tree)
_from_dict_Contact = Contact.from_dict

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
# The fields of the small flat models that from_dict builds inline (strict_from_dict.jinja's inline_model).
from ..models.company import _KNOWN_FIELDS as _KNOWN_FIELDS_Company  # noqa: E402
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
