"""The lower bound of the strict models' cost: a `ContactPageResponse` built with no schema check at all.

bench/models.py times it as an INFO row beside the strict `ContactPageResponse.from_dict`, so that `make bench`
shows how much of that row is the schema checks and how much is only reading 19 keys per contact, converting the
date-times and storing the fields, which any `from_dict` has to do. Written out field by field like the generated
code (the cheapest form measured), and checked equal to the generated models on the bench's page before it is
timed, so it cannot drift from `Contact` unnoticed. Not for use outside the bench: it trusts its input.
"""

from __future__ import annotations

import datetime
from typing import Any

from withallo_client.models import Company, Contact, ContactPage, ContactPageResponse, PaginationMetadata
from withallo_client.types import UNSET

_new = object.__new__
_fromisoformat = datetime.datetime.fromisoformat


def unchecked_contact(src: dict[str, Any]) -> Contact:
    """`Contact.from_dict(src)` for a `src` that fits the schema, minus every check (wrong input: wrong model)."""
    id = src["id"]
    numbers = src["numbers"]
    name = src.get("name", UNSET)
    last_name = src.get("last_name", UNSET)
    job_title = src.get("job_title", UNSET)
    website = src.get("website", UNSET)
    status = src.get("status", UNSET)
    is_archived = src.get("is_archived", UNSET)
    created_at = src.get("created_at", UNSET)
    if type(created_at) is str:
        created_at = _fromisoformat(created_at)
    updated_at = src.get("updated_at", UNSET)
    if type(updated_at) is str:
        updated_at = _fromisoformat(updated_at)
    emails = src.get("emails", UNSET)
    company = src.get("company", UNSET)
    if type(company) is dict:
        built = _new(Company)
        built.id = company.get("id", UNSET)
        built.name = company.get("name", UNSET)
        built.additional_properties = {}
        company = built
    is_whitelisted = src.get("is_whitelisted", UNSET)
    last_activity_date = src.get("last_activity_date", UNSET)
    if type(last_activity_date) is str:
        last_activity_date = _fromisoformat(last_activity_date)
    engagement = src.get("engagement", UNSET)  # the bench's contacts have none of these four
    integration_data = src.get("integration_data", UNSET)
    custom_properties = src.get("custom_properties", UNSET)
    activity = src.get("activity", UNSET)
    conversation_url = src.get("conversation_url", UNSET)
    contact = _new(Contact)
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
    contact.additional_properties = {}
    return contact


def unchecked_page(src: dict[str, Any]) -> ContactPageResponse:
    """`ContactPageResponse.from_dict(src)` without the checks (the pagination metadata, tiny, goes the strict way)."""
    data = src["data"]
    page = _new(ContactPage)
    page.results = [unchecked_contact(item) for item in data["results"]]
    metadata = data.get("metadata", UNSET)
    page.metadata = UNSET if metadata is UNSET else PaginationMetadata.from_dict(metadata)
    page.additional_properties = {}
    response = _new(ContactPageResponse)
    response.data = page
    response.additional_properties = {}
    return response
