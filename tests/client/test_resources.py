"""Every resource method, sync and async: the request on the wire and the generated model the caller gets back."""

from __future__ import annotations

import datetime
from typing import Any

import httpx
import pytest
import respx

from withallo_client.models import (
    Call,
    Company,
    Contact,
    ConversationEntry,
    ConversationMessage,
    PhoneNumber,
    SentSms,
    Webhook,
)
from withallo_ext import Page, WebhookTopic, __version__

from .helpers import ALLO, CONTACT, KEY, Runner, body_of, call_json, contact_json, entry_json, page_json


def assert_sdk_headers(request: httpx.Request) -> None:
    assert request.headers["Authorization"] == KEY  # raw key, no "Bearer"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith(f"withallo-python/{__version__} ")


def test_webhooks_list(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/webhooks").respond(
        200,
        json={
            "data": [
                {
                    "id": "web-1",
                    "allo_number": ALLO,
                    "enabled": True,
                    "url": "https://a.example/h",
                    "topics": ["SMS_RECEIVED"],
                }
            ]
        },
    )
    webhooks = run(lambda c: c.webhooks.list())
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("GET", "/v1/api/webhooks", b"")
    assert_sdk_headers(request)
    assert isinstance(webhooks, list)
    assert isinstance(webhooks[0], Webhook)
    assert webhooks[0].allo_number == ALLO
    assert webhooks[0].topics == [WebhookTopic.SMS_RECEIVED]


def test_webhooks_create_sends_topics_given_as_members_or_strings(api: respx.MockRouter, run: Runner) -> None:
    created = {
        "id": "web-2NfD",
        "alloNumber": ALLO,
        "enabled": True,
        "url": "https://a.example/h",
        "topics": ["CALL_RECEIVED", "SMS_RECEIVED"],
        "secret_hint": "new field",
    }
    route = api.post("/webhooks").respond(201, json={"data": created})
    webhook = run(
        lambda c: c.webhooks.create(
            allo_number=ALLO, url="https://a.example/h", topics=[WebhookTopic.CALL_RECEIVED, "SMS_RECEIVED"]
        )
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", "/v1/api/webhooks")
    assert_sdk_headers(request)
    assert request.headers["Content-Type"] == "application/json"
    assert body_of(request) == {
        "allo_number": ALLO,
        "url": "https://a.example/h",
        "topics": ["CALL_RECEIVED", "SMS_RECEIVED"],
        "enabled": True,
    }
    assert type(webhook) is Webhook  # the same model the list returns
    assert (webhook.id, webhook.allo_number, webhook.enabled) == ("web-2NfD", ALLO, True)
    assert webhook.additional_properties == {"secret_hint": "new field"}


def test_webhooks_create_reads_snake_case_allo_number_too(api: respx.MockRouter, run: Runner) -> None:
    created = {"id": "web-3", "allo_number": ALLO, "enabled": False, "url": "https://a.example/h", "topics": ["PING"]}
    route = api.post("/webhooks").respond(201, json={"data": created})
    webhook = run(
        lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=["PING"], enabled=False)
    )
    assert body_of(route.calls.last.request)["enabled"] is False
    assert webhook.allo_number == ALLO
    assert webhook.additional_properties == {}


def test_webhooks_create_accepts_a_topic_this_client_does_not_know(api: respx.MockRouter, run: Runner) -> None:
    created = {"id": "web-4", "alloNumber": ALLO, "url": "https://a.example/h", "topics": ["VOICEMAIL_LEFT"]}
    route = api.post("/webhooks").respond(201, json={"data": created})
    webhook = run(lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=["VOICEMAIL_LEFT"]))
    assert body_of(route.calls.last.request)["topics"] == ["VOICEMAIL_LEFT"]
    assert webhook.topics == ["VOICEMAIL_LEFT"]
    assert not webhook.topics[0].is_known


def test_webhooks_delete_url_encodes_the_id(api: respx.MockRouter, run: Runner) -> None:
    route = api.delete(url__regex=r".*/webhooks/.*").respond(204)
    result = run(lambda c: c.webhooks.delete("web abc/123"))
    request = route.calls.last.request
    assert request.method == "DELETE"
    assert request.url.raw_path == b"/v1/api/webhooks/web%20abc%2F123"
    assert request.content == b""
    assert_sdk_headers(request)
    assert result is None


def test_calls_search_defaults_and_query_encoding(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/calls").respond(200, json=page_json([call_json(1), call_json(2)], total=4, current=0))
    page = run(lambda c: c.calls.search(ALLO))
    request = route.calls.last.request
    assert request.url.path == "/v1/api/calls"
    assert request.url.query == b"allo_number=%2B14155550123&page=0&size=10"  # contact_number omitted when None
    assert_sdk_headers(request)
    assert isinstance(page, Page)
    assert (page.total_pages, page.current_page, len(page)) == (4, 0, 2)
    call = page.results[0]
    assert isinstance(call, Call)
    assert (call.id, call.from_number, call.to_number, call.length_in_minutes) == ("call_1", CONTACT, ALLO, 1.5)
    assert call.start_date == datetime.datetime(2024, 1, 15, 10, 30, tzinfo=datetime.UTC)


def test_calls_search_with_contact_number_page_and_size(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/calls").respond(200, json=page_json([], total=0, current=3, nesting="flat"))
    page = run(lambda c: c.calls.search(ALLO, contact_number=CONTACT, page=3, size=100))
    assert dict(route.calls.last.request.url.params) == {
        "allo_number": ALLO,
        "contact_number": CONTACT,
        "page": "3",
        "size": "100",
    }
    assert (page.results, page.total_pages, page.current_page) == ([], 0, 3)


def test_contacts_get_uses_the_singular_path(api: respx.MockRouter, run: Runner) -> None:
    data = contact_json(1, company={"id": "cmp_1", "name": "Acme"}, emails=["jane@acme.example"], lead_score=7)
    route = api.get("/contact/cnt_1").respond(200, json={"data": data})
    contact = run(lambda c: c.contacts.get("cnt_1"))
    request = route.calls.last.request
    assert (request.method, request.url.path, request.url.query) == ("GET", "/v1/api/contact/cnt_1", b"")
    assert_sdk_headers(request)
    assert isinstance(contact, Contact)
    assert (contact.id, contact.name, contact.numbers) == ("cnt_1", "Jane", [CONTACT])
    assert isinstance(contact.company, Company)
    assert contact.company.name == "Acme"
    assert contact.additional_properties == {"lead_score": 7}


def test_contacts_get_with_extend(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contact/cnt_1").respond(200, json={"data": contact_json(1)})
    run(lambda c: c.contacts.get("cnt_1", extend=["engagement", "activity"]))
    assert route.calls.last.request.url.params["extend"] == "engagement,activity"


def test_contacts_search_defaults(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contacts").respond(200, json=page_json([contact_json(1)], total=1, current=0))
    page = run(lambda c: c.contacts.search())
    assert route.calls.last.request.url.query == b"page=0&size=10"
    assert isinstance(page.results[0], Contact)
    assert (page.total_pages, page.current_page) == (1, 0)


def test_contacts_search_conversation(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contact/cnt_1/conversation").respond(200, json=page_json([entry_json(1)], total=3, current=2))
    page = run(lambda c: c.contacts.search_conversation("cnt_1", page=2, size=50))
    request = route.calls.last.request
    assert (request.url.path, request.url.query) == ("/v1/api/contact/cnt_1/conversation", b"page=2&size=50")
    entry = page.results[0]
    assert isinstance(entry, ConversationEntry)
    assert entry.type_ == "TEXT_MESSAGE"
    assert isinstance(entry.message, ConversationMessage)
    assert entry.message.content == "hello 1"


def test_contacts_search_conversation_filtered_by_allo_number(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contact/cnt_1/conversation").respond(200, json=page_json([], total=0, current=0))
    run(lambda c: c.contacts.search_conversation("cnt_1", allo_number=ALLO))
    assert dict(route.calls.last.request.url.params) == {"allo_number": ALLO, "page": "0", "size": "10"}


def test_contacts_create_omits_unset_fields(api: respx.MockRouter, run: Runner) -> None:
    route = api.post("/contacts").respond(201, json={"data": contact_json(9)})
    contact = run(lambda c: c.contacts.create(numbers=[CONTACT], name="Jane", emails=["jane@acme.example"]))
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", "/v1/api/contacts")
    assert_sdk_headers(request)
    assert body_of(request) == {"numbers": [CONTACT], "name": "Jane", "emails": ["jane@acme.example"]}
    assert isinstance(contact, Contact)
    assert contact.id == "cnt_9"


def test_contacts_create_with_every_field(api: respx.MockRouter, run: Runner) -> None:
    route = api.post("/contacts").respond(201, json={"data": contact_json(9)})
    run(
        lambda c: c.contacts.create(
            numbers=[CONTACT, ALLO],
            name="John",
            last_name="Doe",
            job_title="CEO",
            website="https://acme.example",
            emails=["john@acme.example"],
            company="Acme",
        )
    )
    assert body_of(route.calls.last.request) == {
        "numbers": [CONTACT, ALLO],
        "name": "John",
        "last_name": "Doe",
        "job_title": "CEO",
        "website": "https://acme.example",
        "emails": ["john@acme.example"],
        "company": "Acme",
    }


def test_contacts_create_accepts_200_where_the_spec_says_201(api: respx.MockRouter, run: Runner) -> None:
    api.post("/contacts").respond(200, json={"data": contact_json(5)})
    contact = run(lambda c: c.contacts.create(numbers=[CONTACT]))
    assert isinstance(contact, Contact)
    assert contact.id == "cnt_5"


def test_contacts_update_puts_the_fields_as_given(api: respx.MockRouter, run: Runner) -> None:
    route = api.put("/contacts/cnt_1").respond(200, json={"data": contact_json(1, job_title="CTO")})
    contact = run(
        lambda c: c.contacts.update(
            "cnt_1",
            last_name="Smith",
            job_title="CTO",
            website=None,
            emails=["john@acme.example", "j.smith@acme.example"],
            addresses=[{"city": "Paris"}],
            extra={"custom_field": {"a": 1}},
        )
    )
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PUT", "/v1/api/contacts/cnt_1")  # plural path for PUT
    assert_sdk_headers(request)
    assert body_of(request) == {
        "last_name": "Smith",
        "job_title": "CTO",
        "website": None,
        "emails": ["john@acme.example", "j.smith@acme.example"],
        "addresses": [{"city": "Paris"}],
        "custom_field": {"a": 1},
    }
    assert isinstance(contact, Contact)
    assert contact.job_title == "CTO"


def test_sms_send_uses_from(api: respx.MockRouter, run: Runner) -> None:
    sent = {
        "from_number": ALLO,
        "sender_id": None,
        "to_number": CONTACT,
        "type": "OUTBOUND",
        "content": "Hello",
        "start_date": "2024-01-15T10:30:00",
    }
    route = api.post("/sms").respond(200, json={"data": sent})
    sms = run(lambda c: c.sms.send(from_=ALLO, to=CONTACT, message="Hello"))
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", "/v1/api/sms")
    assert_sdk_headers(request)
    assert body_of(request) == {"from": ALLO, "to": CONTACT, "message": "Hello"}
    assert isinstance(sms, SentSms)
    assert (sms.from_number, sms.to_number, sms.content, sms.type_) == (ALLO, CONTACT, "Hello", "OUTBOUND")
    assert sms.start_date == datetime.datetime(2024, 1, 15, 10, 30)  # the server sends no timezone


def test_sms_send_france_uses_sender_id_and_no_from(api: respx.MockRouter, run: Runner) -> None:
    sent = {
        "from_number": None,
        "sender_id": "MyCompany",
        "to_number": "+33612345678",
        "type": "OUTBOUND",
        "content": "Bonjour",
        "start_date": "2024-01-15T10:30:00",
    }
    route = api.post("/sms").respond(200, json={"data": sent})
    sms = run(lambda c: c.sms.send_france(sender_id="MyCompany", to="+33612345678", message="Bonjour"))
    body = body_of(route.calls.last.request)
    assert body == {"sender_id": "MyCompany", "to": "+33612345678", "message": "Bonjour"}
    assert "from" not in body
    assert isinstance(sms, SentSms)
    assert (sms.sender_id, sms.from_number, sms.to_number) == ("MyCompany", None, "+33612345678")


def test_phone_numbers_list(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/numbers").respond(
        200,
        json={
            "data": [
                {"number": "+1234567890", "name": "Main Line", "country": "US", "is_shared_number": False},
                {"number": "+33612345678", "name": "France Office", "country": "FR", "is_shared_number": True},
            ]
        },
    )
    numbers = run(lambda c: c.phone_numbers.list())
    assert (route.calls.last.request.method, route.calls.last.request.url.path) == ("GET", "/v1/api/numbers")
    assert_sdk_headers(route.calls.last.request)
    assert all(isinstance(n, PhoneNumber) for n in numbers)
    assert [(n.number, n.country, n.is_shared_number) for n in numbers] == [
        ("+1234567890", "US", False),
        ("+33612345678", "FR", True),
    ]


def test_unknown_fields_and_enum_values_do_not_break_a_good_response(api: respx.MockRouter, run: Runner) -> None:
    future_call: dict[str, Any] = {**call_json(1), "type": "CONFERENCE", "result": "MISSED", "sentiment": "happy"}
    api.get("/calls").respond(200, json=page_json([future_call], total=1, current=0))
    page = run(lambda c: c.calls.search(ALLO))
    call = page.results[0]
    assert call.type_ == "CONFERENCE"
    assert not call.type_.is_known
    assert call.result == "MISSED"
    assert call.additional_properties == {"sentiment": "happy"}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_every_resource_goes_through_the_generated_operation(
    api: respx.MockRouter, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The resources call withallo_client's operation functions (sync_detailed / asyncio_detailed), not httpx."""
    from withallo_client.api.phone_numbers import list_phone_numbers

    seen: list[str] = []
    name = "sync_detailed" if mode == "sync" else "asyncio_detailed"
    original = getattr(list_phone_numbers, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(name)
        return original(*args, **kwargs)

    monkeypatch.setattr(list_phone_numbers, name, spy)
    api.get("/numbers").respond(200, json={"data": []})
    assert Runner(mode)(lambda c: c.phone_numbers.list()) == []
    assert seen == [name]


def test_contacts_update_takes_a_dict_of_fields_as_design_md_shows(api: respx.MockRouter, run: Runner) -> None:
    route = api.put("/contacts/cnt_1").respond(200, json={"data": contact_json(1)})
    fields: dict[str, Any] = {"job_title": "CTO", "emails": [], "numbers": [CONTACT], "company": None}
    run(lambda c: c.contacts.update("cnt_1", **fields))
    assert body_of(route.calls.last.request) == fields  # [] empties the list, None clears the field (PUT)


def test_contacts_update_sends_only_extra_when_that_is_all(api: respx.MockRouter, run: Runner) -> None:
    route = api.put("/contacts/cnt_1").respond(200, json={"data": contact_json(1)})
    run(lambda c: c.contacts.update("cnt_1", extra={"favourite_colour": "teal", "customProperties": {"tier": 2}}))
    assert body_of(route.calls.last.request) == {"favourite_colour": "teal", "customProperties": {"tier": 2}}


@pytest.mark.parametrize(
    ("extend", "query"),
    [
        ("", ""),
        ([], ""),
        (" , ", ""),
        ("engagement", "extend=engagement"),
        ("engagement, activity", "extend=engagement%2Cactivity"),
        (["activity", " "], "extend=activity"),
    ],
)
def test_contacts_get_sends_extend_only_when_it_names_something(
    api: respx.MockRouter, run: Runner, extend: Any, query: str
) -> None:
    route = api.get("/contact/cnt_1").respond(200, json={"data": contact_json(1)})
    run(lambda c: c.contacts.get("cnt_1", extend=extend))
    assert route.calls.last.request.url.query == query.encode()
