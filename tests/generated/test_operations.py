"""Every generated operation, sync and async: the request on the wire and the model the caller gets back.

One table of cases drives four calls each (`sync`, `sync_detailed`, `asyncio`, `asyncio_detailed`). The server's
answers are the spec's own examples, so a drift between the spec's examples and the models shows up here too.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from http import HTTPStatus
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx

import withallo_client
from tests.generated._spec import normalize, response_example
from withallo_client.api.calls import search_calls
from withallo_client.api.contacts import (
    create_contact,
    get_contact,
    search_contact_conversation,
    search_contacts,
    update_contact,
)
from withallo_client.api.phone_numbers import list_phone_numbers
from withallo_client.api.sms import send_sms
from withallo_client.api.webhooks import create_webhook, delete_webhook, list_webhooks
from withallo_client.models import (
    CallPageResponse,
    CallResult,
    ContactPageResponse,
    ContactResponse,
    ConversationEntryType,
    ConversationPageResponse,
    CreateContactRequest,
    CreatedWebhookResponse,
    CreateWebhookRequest,
    Direction,
    PhoneNumberListResponse,
    SendSmsFranceRequest,
    SendSmsFromNumberRequest,
    SentSmsResponse,
    TranscriptSource,
    UpdateContactRequest,
    WebhookListResponse,
    WebhookTopic,
)
from withallo_client.types import Response

BASE_URL = "https://api.withallo.com/v1/api"
KEY = "allo_test_9f8e7d6c5b4a"
ODD_ID = "web abc/123"  # a space and a slash: both must be percent-encoded in the path
ODD_CONTACT_ID = "cnt 8d2k/Q1"


def client() -> withallo_client.AuthenticatedClient:
    """The generated client as withallo_ext sets it up: the raw key in `Authorization`, no prefix."""
    return withallo_client.AuthenticatedClient(base_url=BASE_URL, token=KEY, prefix="")


def updated_fields() -> UpdateContactRequest:
    """An update that sets a field, clears another (null) and passes through one the spec does not list."""
    body = UpdateContactRequest(job_title="CTO", website=None, emails=["jane.cooper@acme.example"])
    body["preferred_language"] = "fr"
    return body


@dataclass(frozen=True)
class Case:
    """One call of a generated operation and what must happen on the wire and come back."""

    id: str
    module: ModuleType
    method: str
    target: str  # path and query exactly as sent (percent-encoded)
    status: int
    response: Any  # the JSON the server answers, or None for an empty body
    returns: type[Any] | None  # the parsed model class, or None when nothing is parsed (204)
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    body: Any = None  # the exact JSON body expected, or None for a request without a body
    expect: dict[str, Any] = field(default_factory=dict)  # dotted attribute path on the result -> value

    def http_response(self) -> httpx.Response:
        if self.response is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.response)


CASES = [
    Case(
        "listWebhooks",
        list_webhooks,
        "GET",
        "/v1/api/webhooks",
        200,
        response_example("listWebhooks", "200"),
        WebhookListResponse,
        expect={
            "data.0.id": "web-2NfDKEm9sF8xK3pQr1Zt",
            "data.0.allo_number": "+14155550123",
            "data.0.topics": [WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED],
        },
    ),
    Case(
        "createWebhook",
        create_webhook,
        "POST",
        "/v1/api/webhooks",
        201,
        response_example("createWebhook", "201"),
        CreatedWebhookResponse,
        kwargs={
            "body": CreateWebhookRequest(
                allo_number="+14155550123",
                url="https://crm.example.com/hooks/allo",
                topics=[WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED],
            )
        },
        body={
            "allo_number": "+14155550123",
            "url": "https://crm.example.com/hooks/allo",
            "enabled": True,  # the spec's default, sent explicitly
            "topics": ["CALL_RECEIVED", "SMS_RECEIVED"],
        },
        expect={"data.id": "web-2NfDKEm9sF8xK3pQr1Zt", "data.allo_number": "+14155550123", "data.enabled": True},
    ),
    Case(
        "deleteWebhook",
        delete_webhook,
        "DELETE",
        "/v1/api/webhooks/web%20abc%2F123",
        204,
        None,
        None,
        args=(ODD_ID,),
    ),
    Case(
        "searchCalls-defaults",
        search_calls,
        "GET",
        "/v1/api/calls?allo_number=%2B14155550123&page=0&size=10",
        200,
        response_example("searchCalls", "200"),
        CallPageResponse,
        kwargs={"allo_number": "+14155550123"},
        expect={
            "data.results.0.result": CallResult.ANSWERED,
            "data.results.0.type_": Direction.INBOUND,
            "data.results.0.length_in_minutes": 2.5,
            "data.results.0.start_date": datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=datetime.UTC),
            "data.results.0.transcript.1.source": TranscriptSource.AGENT,
            "data.metadata.pagination.total_pages": 3,
        },
    ),
    Case(
        "searchCalls-all-params",
        search_calls,
        "GET",
        "/v1/api/calls?allo_number=%2B14155550123&contact_number=%2B14155550199&page=2&size=50",
        200,
        response_example("searchCalls", "200"),
        CallPageResponse,
        kwargs={"allo_number": "+14155550123", "contact_number": "+14155550199", "page": 2, "size": 50},
        expect={"data.results.0.id": "call-7Hq2LmX9"},
    ),
    Case(
        "getContact",
        get_contact,
        "GET",
        "/v1/api/contact/cnt%208d2k%2FQ1",
        200,
        response_example("getContact", "200"),
        ContactResponse,
        args=(ODD_CONTACT_ID,),
        expect={"data.id": "cnt_8d2kQ1", "data.company.name": "Acme Logistics", "data.is_archived": False},
    ),
    Case(
        "getContact-extend",
        get_contact,
        "GET",
        "/v1/api/contact/cnt_8d2kQ1?extend=engagement%2Cactivity",
        200,
        response_example("getContact", "200"),
        ContactResponse,
        args=("cnt_8d2kQ1",),
        kwargs={"extend": "engagement,activity"},
        expect={"data.numbers": ["+14155550199"]},
    ),
    Case(
        "searchContacts-defaults",
        search_contacts,
        "GET",
        "/v1/api/contacts?page=0&size=10",
        200,
        response_example("searchContacts", "200"),
        ContactPageResponse,
        expect={
            "data.results.0.website": None,
            "data.results.0.company": None,
            "data.results.0.updated_at": datetime.datetime(2026, 11, 18, 16, 40, 21),  # sent without an offset
            "data.metadata.pagination.total_pages": 12,
        },
    ),
    Case(
        "searchContacts-page",
        search_contacts,
        "GET",
        "/v1/api/contacts?page=3&size=100",
        200,
        response_example("searchContacts", "200"),
        ContactPageResponse,
        kwargs={"page": 3, "size": 100},
        expect={"data.results.0.last_name": "Cooper"},
    ),
    Case(
        "searchContactConversation",
        search_contact_conversation,
        "GET",
        "/v1/api/contact/cnt%208d2k%2FQ1/conversation?page=2&size=50",
        200,
        response_example("searchContactConversation", "200"),
        ConversationPageResponse,
        args=(ODD_CONTACT_ID,),
        kwargs={"page": 2, "size": 50},
        expect={
            "data.results.0.type_": ConversationEntryType.TEXT_MESSAGE,
            "data.results.0.call": None,
            "data.results.0.message.type_": Direction.OUTBOUND,
            "data.results.1.call.tags": ["support", "delivery"],
            "data.metadata.total_pages": 1,  # the flat form
        },
    ),
    Case(
        "searchContactConversation-allo-number",
        search_contact_conversation,
        "GET",
        "/v1/api/contact/cnt_8d2kQ1/conversation?allo_number=%2B14155550123&page=0&size=10",
        200,
        response_example("searchContactConversation", "200"),
        ConversationPageResponse,
        args=("cnt_8d2kQ1",),
        kwargs={"allo_number": "+14155550123"},
        expect={"data.results.1.message": None},
    ),
    Case(
        "createContact",
        create_contact,
        "POST",
        "/v1/api/contacts",
        201,
        response_example("createContact", "201"),
        ContactResponse,
        kwargs={"body": CreateContactRequest(numbers=["+14155550199"], name="Jane")},
        body={"numbers": ["+14155550199"], "name": "Jane"},  # unset fields are left out, not sent as null
        expect={"data.id": "cnt_8d2kQ1", "data.emails": ["jane.cooper@acme.example"]},
    ),
    Case(
        "updateContact",
        update_contact,
        "PUT",
        "/v1/api/contacts/cnt%208d2k%2FQ1",
        200,
        response_example("updateContact", "200"),
        ContactResponse,
        args=(ODD_CONTACT_ID,),
        kwargs={"body": updated_fields()},
        body={"job_title": "CTO", "website": None, "emails": ["jane.cooper@acme.example"], "preferred_language": "fr"},
        expect={"data.job_title": "CTO", "data.last_name": "Smith"},
    ),
    Case(
        "sendSms-from-number",
        send_sms,
        "POST",
        "/v1/api/sms",
        200,
        response_example("sendSms", "200", "fromNumber"),
        SentSmsResponse,
        kwargs={
            "body": SendSmsFromNumberRequest(from_="+14155550123", to="+14155550199", message="Booked for Thursday.")
        },
        body={"from": "+14155550123", "to": "+14155550199", "message": "Booked for Thursday."},
        expect={"data.from_number": "+14155550123", "data.sender_id": None, "data.type_": Direction.OUTBOUND},
    ),
    Case(
        "sendSms-france",
        send_sms,
        "POST",
        "/v1/api/sms",
        200,
        response_example("sendSms", "200", "france"),
        SentSmsResponse,
        kwargs={"body": SendSmsFranceRequest(sender_id="MyCompany", to="+33612345678", message="Confirmé.")},
        body={"sender_id": "MyCompany", "to": "+33612345678", "message": "Confirmé."},  # and no `from` key
        expect={
            "data.from_number": None,
            "data.sender_id": "MyCompany",
            "data.start_date": datetime.datetime(2024, 1, 15, 10, 30),  # naive, as the server sends it
        },
    ),
    Case(
        "listPhoneNumbers",
        list_phone_numbers,
        "GET",
        "/v1/api/numbers",
        200,
        response_example("listPhoneNumbers", "200"),
        PhoneNumberListResponse,
        expect={"data.0.country": "US", "data.1.name": "France Office", "data.1.is_shared_number": True},
    ),
]


def dig(value: Any, path: str) -> Any:
    """Follow a dotted path of attribute names and list indexes (`data.results.0.id`)."""
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


def check_request(case: Case, route: respx.Route) -> None:
    """Exactly one request went out, and it is the one the case describes, byte for byte where it matters."""
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.method == case.method
    assert request.url.host == "api.withallo.com"
    assert request.url.raw_path.decode("ascii") == case.target
    assert request.headers.get_list("Authorization") == [KEY]  # the raw key: no Bearer, nothing else
    if case.body is None:
        assert request.content == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == case.body


def check_result(case: Case, outcome: Any, detailed: bool) -> None:
    """The caller gets the parsed model (or, detailed, the response around it) with the values on the wire."""
    if detailed:
        assert isinstance(outcome, Response)
        assert outcome.status_code == case.status
        assert isinstance(outcome.status_code, HTTPStatus)
        assert outcome.content == case.http_response().content
        outcome = outcome.parsed
    if case.returns is None:
        assert outcome is None
        return
    assert isinstance(outcome, case.returns)
    assert normalize(outcome.to_dict()) == normalize(case.response)
    for path, value in case.expect.items():
        assert dig(outcome, path) == value, path


@pytest.fixture
def route(respx_mock: respx.MockRouter, case: Case) -> respx.Route:
    """Every request to any URL answers the case's response; the test then inspects what was sent."""
    return respx_mock.route().mock(return_value=case.http_response())


@pytest.mark.parametrize("detailed", [False, True], ids=["sync", "sync_detailed"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_sync(case: Case, detailed: bool, route: respx.Route) -> None:
    function = getattr(case.module, "sync_detailed" if detailed else "sync")
    with client() as api:
        outcome = function(*case.args, client=api, **case.kwargs)
    check_request(case, route)
    check_result(case, outcome, detailed)


@pytest.mark.anyio
@pytest.mark.parametrize("detailed", [False, True], ids=["asyncio", "asyncio_detailed"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_async(case: Case, detailed: bool, route: respx.Route) -> None:
    function = getattr(case.module, "asyncio_detailed" if detailed else "asyncio")
    async with client() as api:
        outcome = await function(*case.args, client=api, **case.kwargs)
    check_request(case, route)
    check_result(case, outcome, detailed)


def test_every_operation_of_the_spec_has_a_case() -> None:
    from tests.generated._spec import operations

    covered = {case.id.split("-")[0] for case in CASES}
    assert covered == {op["operationId"] for _, _, op in operations()}
    assert {case.id for case in CASES} >= {"sendSms-from-number", "sendSms-france"}
