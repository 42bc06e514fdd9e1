"""FakeAllo on the wire, over raw httpx: every operation, the server's error bodies, state across requests.

Each test runs twice through the `api` fixture: in-process (MockTransport) and over a real socket on 127.0.0.1.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from withallo_ext.testing import ACCOUNT_NUMBERS, FakeAllo

MAIN = "+14155550123"
FR_OFFICE = "+33199001234"
E164 = re.compile(r"^\+[1-9]\d{1,14}$")


def _scope_error(scope: str) -> dict[str, object]:
    return {"code": "API_KEY_INSUFFICIENT_SCOPE", "details": [{"field": "scope", "message": f"required={scope}"}]}


def _validation(field: str, message: str) -> dict[str, object]:
    return {"code": "VALIDATION_ERROR", "details": [{"field": field, "message": message}]}


def _a_contact(fake: FakeAllo) -> dict[str, Any]:
    """The seeded contact with the most conversation entries."""
    account = fake.account
    return max(account.contacts.values(), key=lambda c: len(account.conversation(c)))


# -- auth and scopes ------------------------------------------------------------------------------------------
def test_missing_wrong_and_bearer_keys_get_401_api_key_invalid(api: httpx.Client, fake_allo: FakeAllo) -> None:
    for headers in ({"Authorization": "wrong"}, {"Authorization": f"Bearer {fake_allo.api_key}"}):
        response = api.get("/numbers", headers=headers)
        assert response.status_code == 401
        assert response.json() == {"code": "API_KEY_INVALID", "details": None}
    del api.headers["Authorization"]
    assert api.get("/numbers").status_code == 401
    assert [r.authorization for r in fake_allo.requests] == ["***", "Bearer ***", None]


def test_raw_key_without_bearer_is_accepted(api: httpx.Client, fake_allo: FakeAllo) -> None:
    assert api.get("/numbers").status_code == 200
    recorded = fake_allo.last_request
    assert recorded.authorization == "***"
    assert fake_allo.api_key not in repr(recorded)
    assert fake_allo.api_key not in repr(fake_allo)


@pytest.mark.parametrize(
    ("method", "path", "scope"),
    [
        ("GET", "/webhooks", "WEBHOOKS_READ_WRITE"),
        ("DELETE", "/webhooks/web-1", "WEBHOOKS_READ_WRITE"),
        ("GET", "/calls?allo_number=%2B14155550123", "CONVERSATIONS_READ"),
        ("GET", "/numbers", "CONVERSATIONS_READ"),
        ("GET", "/contact/cnt_1/conversation", "CONVERSATIONS_READ"),
        ("POST", "/contacts", "CONTACTS_READ_WRITE"),
        ("PUT", "/contacts/cnt_1", "CONTACTS_READ_WRITE"),
        ("POST", "/sms", "SMS_SEND"),
    ],
)
def test_a_key_without_the_scope_gets_403_naming_it(
    api: httpx.Client, fake_allo: FakeAllo, method: str, path: str, scope: str
) -> None:
    fake_allo.add_key("contacts-reader", ["CONTACTS_READ"])
    response = api.request(method, path, headers={"Authorization": "contacts-reader"}, json={})
    assert response.status_code == 403
    assert response.json() == _scope_error(scope)


def test_read_write_scope_includes_read_and_revoked_keys_get_401(api: httpx.Client, fake_allo: FakeAllo) -> None:
    fake_allo.add_key("crm", ["CONTACTS_READ_WRITE"])
    assert api.get("/contacts", headers={"Authorization": "crm"}).status_code == 200
    fake_allo.revoke_key("crm")
    assert api.get("/contacts", headers={"Authorization": "crm"}).status_code == 401


def test_add_key_rejects_unknown_scopes() -> None:
    with pytest.raises(ValueError, match="scopes: unknown"):
        FakeAllo().add_key("k", ["CONTACTS_WRITE"])


def test_unknown_path_is_404_and_wrong_method_405(api: httpx.Client) -> None:
    assert api.get("/nope").json() == {"code": "NOT_FOUND", "details": None}
    assert api.get("/nope").status_code == 404
    response = api.patch("/webhooks", json={})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


# -- phone numbers ----------------------------------------------------------------------------------------------
def test_numbers_list_the_account_us_and_france_lines(api: httpx.Client) -> None:
    response = api.get("/numbers")
    assert response.status_code == 200
    assert response.json() == {"data": list(ACCOUNT_NUMBERS)}
    assert {n["country"] for n in response.json()["data"]} == {"US", "FR"}


# -- webhooks ---------------------------------------------------------------------------------------------------
def test_webhook_create_list_delete_then_404(api: httpx.Client, fake_allo: FakeAllo) -> None:
    body = {"allo_number": MAIN, "url": "https://crm.example.com/hooks/allo", "topics": ["CALL_RECEIVED"]}
    created = api.post("/webhooks", json=body)
    assert created.status_code == 201
    data = created.json()["data"]
    assert data == {
        "id": data["id"],
        "alloNumber": MAIN,
        "enabled": True,
        "url": "https://crm.example.com/hooks/allo",
        "topics": ["CALL_RECEIVED"],
    }
    assert re.fullmatch(r"web-[A-Za-z0-9]{20}", data["id"])
    listed = api.get("/webhooks").json()["data"]
    assert listed == [{**body, "id": data["id"], "enabled": True}]
    deleted = api.delete(f"/webhooks/{data['id']}")
    assert deleted.status_code == 204
    assert deleted.content == b""
    again = api.delete(f"/webhooks/{data['id']}")
    assert again.status_code == 404
    assert again.json() == {"error": "WEBHOOK_NOT_FOUND"}
    assert api.get("/webhooks").json() == {"data": []}
    assert fake_allo.requests_to("POST", "/webhooks")[0].json == body


def test_webhook_ids_are_url_decoded(api: httpx.Client, fake_allo: FakeAllo) -> None:
    response = api.delete("/webhooks/web%20abc%2F123")
    assert response.json() == {"error": "WEBHOOK_NOT_FOUND"}
    assert fake_allo.last_request.path == "/webhooks/web abc/123"


def test_webhook_create_can_be_disabled(api: httpx.Client) -> None:
    body = {"allo_number": MAIN, "url": "http://127.0.0.1:9/hook", "topics": ["SMS_RECEIVED"], "enabled": False}
    assert api.post("/webhooks", json=body).json()["data"]["enabled"] is False


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"allo_number": "+14155550000"}, "allo_number", "is not one of the account's Allo numbers"),
        ({"allo_number": "0612345678"}, "allo_number", "must be a phone number in E.164 format, e.g. +14155550123"),
        ({"url": "ftp://example.com"}, "url", "must be a valid http(s) URL"),
        ({"topics": []}, "topics", "must not be empty"),
        ({"enabled": "yes"}, "enabled", "must be a boolean"),
    ],
)
def test_webhook_create_rejects_bad_fields_with_422(
    api: httpx.Client, change: dict[str, object], field: str, message: str
) -> None:
    body = {"allo_number": MAIN, "url": "https://crm.example.com/h", "topics": ["CALL_RECEIVED"], **change}
    response = api.post("/webhooks", json=body)
    assert response.status_code == 422
    assert response.json() == _validation(field, message)


def test_webhook_create_rejects_unknown_topics_naming_the_item(api: httpx.Client) -> None:
    body = {"allo_number": MAIN, "url": "https://crm.example.com/h", "topics": ["CALL_RECEIVED", "CALL_MISSED"]}
    details = api.post("/webhooks", json=body).json()["details"]
    assert [d["field"] for d in details] == ["topics[1]"]
    assert "SMS_RECEIVED" in details[0]["message"]


def test_a_body_that_is_not_json_is_400(api: httpx.Client) -> None:
    response = api.post("/webhooks", content=b"{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"code": "BAD_REQUEST", "details": [{"field": "body", "message": "must be valid JSON"}]}
    assert api.post("/contacts", json=[1]).json()["details"] == [{"field": "body", "message": "must be a JSON object"}]


# -- calls ------------------------------------------------------------------------------------------------------
def test_calls_of_a_number_newest_first_with_transcripts_and_nested_metadata(api: httpx.Client) -> None:
    response = api.get("/calls", params={"allo_number": MAIN, "size": 10})
    assert response.status_code == 200
    page = response.json()["data"]
    assert page["metadata"] == {"pagination": {"total_pages": 4, "current_page": 0}}
    calls = page["results"]
    assert len(calls) == 10
    for call in calls:
        ours = call["to_number"] if call["type"] == "INBOUND" else call["from_number"]
        assert ours == MAIN
        assert E164.match(call["from_number"])
        assert E164.match(call["to_number"])
    dates = [call["start_date"] for call in calls]
    assert dates == sorted(dates, reverse=True)
    answered = [c for c in calls if c["result"] == "ANSWERED"]
    assert answered
    assert all(c["transcript"] and c["summary"] and c["recording_url"] for c in answered)
    assert {line["source"] for c in answered for line in c["transcript"]} <= {"AGENT", "EXTERNAL", "USER"}


def test_calls_paginate_across_every_page_without_gaps(api: httpx.Client, fake_allo: FakeAllo) -> None:
    seen: list[str] = []
    for page in range(4):
        data = api.get("/calls", params={"allo_number": MAIN, "page": page, "size": 10}).json()["data"]
        assert data["metadata"]["pagination"] == {"total_pages": 4, "current_page": page}
        seen += [call["id"] for call in data["results"]]
    assert len(seen) == len(set(seen)) == 31
    beyond = api.get("/calls", params={"allo_number": MAIN, "page": 4, "size": 10}).json()["data"]
    assert beyond["results"] == []
    assert fake_allo.requests_to("GET", "/calls")[1].query == {"allo_number": MAIN, "page": "1", "size": "10"}


def test_calls_filter_by_contact_number(api: httpx.Client) -> None:
    first = api.get("/calls", params={"allo_number": MAIN, "size": 1}).json()["data"]["results"][0]
    other = first["from_number"] if first["type"] == "INBOUND" else first["to_number"]
    calls = api.get("/calls", params={"allo_number": MAIN, "contact_number": other, "size": 100}).json()["data"]
    assert calls["results"]
    assert all(other in (c["from_number"], c["to_number"]) for c in calls["results"])
    assert calls["metadata"]["pagination"]["total_pages"] == 1


def test_calls_of_a_number_without_calls_are_an_empty_page(api: httpx.Client) -> None:
    data = api.get("/calls", params={"allo_number": "+14155550000"}).json()["data"]
    assert data == {"results": [], "metadata": {"pagination": {"total_pages": 0, "current_page": 0}}}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"size": "0"}, "size", "must be greater than or equal to 1"),
        ({"size": "101"}, "size", "must be less than or equal to 100"),
        ({"page": "-1"}, "page", "must be greater than or equal to 0"),
        ({"size": "ten"}, "size", "must be an integer"),
        ({"allo_number": None}, "allo_number", "is required"),
        ({"allo_number": "4155550123"}, "allo_number", "must be a phone number in E.164 format, e.g. +14155550123"),
        ({"contact_number": "x"}, "contact_number", "must be a phone number in E.164 format, e.g. +14155550123"),
    ],
)
def test_bad_query_parameters_get_400_naming_the_parameter(
    api: httpx.Client, params: dict[str, str | None], field: str, message: str
) -> None:
    query = {k: v for k, v in {"allo_number": MAIN, **params}.items() if v is not None}
    response = api.get("/calls", params=query)
    assert response.status_code == 400
    assert response.json() == {"code": "BAD_REQUEST", "details": [{"field": field, "message": message}]}


# -- contacts ---------------------------------------------------------------------------------------------------
def test_contact_create_get_update_and_search(api: httpx.Client, fake_allo: FakeAllo) -> None:
    created = api.post("/contacts", json={"numbers": ["+14155550177"], "name": "Ada", "company": "Acme Logistics"})
    assert created.status_code == 201
    contact = created.json()["data"]
    assert re.fullmatch(r"cnt_[A-Za-z0-9]{6}", contact["id"])
    assert contact["name"] == "Ada"
    assert contact["last_name"] is None
    assert contact["numbers"] == ["+14155550177"]
    assert contact["emails"] == []
    assert contact["company"]["name"] == "Acme Logistics"
    assert contact["status"] == "ACTIVE"
    assert contact["created_at"] == contact["updated_at"]

    fetched = api.get(f"/contact/{contact['id']}")
    assert fetched.status_code == 200
    assert fetched.json()["data"] == contact

    update = {"last_name": "Lovelace", "emails": ["ada@acme.example", "a.l@acme.example"], "company": None}
    updated = api.put(f"/contacts/{contact['id']}", json=update).json()["data"]
    assert updated["last_name"] == "Lovelace"
    assert updated["name"] == "Ada"  # left out: kept
    assert updated["emails"] == ["ada@acme.example", "a.l@acme.example"]
    assert updated["company"] is None
    assert updated["updated_at"] > contact["updated_at"]
    replaced = api.put(f"/contacts/{contact['id']}", json={"emails": ["new@acme.example"]}).json()["data"]
    assert replaced["emails"] == ["new@acme.example"]  # PUT replaces the whole list

    first_page = api.get("/contacts").json()["data"]
    assert first_page["results"][0]["id"] == contact["id"]  # newest first
    assert first_page["metadata"] == {"pagination": {"total_pages": 2, "current_page": 0}}
    assert fake_allo.requests_to("PUT")[0].json == update


def test_contact_create_rejects_empty_numbers_with_the_servers_422(api: httpx.Client) -> None:
    bodies: list[dict[str, Any]] = [{"numbers": []}, {"name": "No number"}]
    for body in bodies:
        response = api.post("/contacts", json=body)
        assert response.status_code == 422
        assert response.json() == _validation("numbers", "must not be empty")
    response = api.post("/contacts", json={"numbers": ["+14155550177", "555-0199"], "emails": "a@b.c"})
    assert response.json()["details"] == [
        {"field": "numbers[1]", "message": "must be a phone number in E.164 format, e.g. +14155550123"},
        {"field": "emails", "message": "must be an array of strings"},
    ]


def test_unknown_contacts_are_404(api: httpx.Client) -> None:
    for response in (
        api.get("/contact/cnt_nope"),
        api.get("/contact/cnt_nope/conversation"),
        api.put("/contacts/cnt_nope", json={"name": "x"}),
    ):
        assert response.status_code == 404
        assert response.json() == {"code": "NOT_FOUND", "details": None}


def test_contact_extend_adds_engagement_and_activity(api: httpx.Client, fake_allo: FakeAllo) -> None:
    contact = _a_contact(fake_allo)
    plain = api.get(f"/contact/{contact['id']}").json()["data"]
    assert "engagement" not in plain
    assert "activity" not in plain
    extended = api.get(f"/contact/{contact['id']}", params={"extend": "engagement,activity"}).json()["data"]
    assert sum(extended["engagement"].values()) == len(fake_allo.account.conversation(contact))
    assert extended["activity"][0]["made_at"] == extended["last_activity_date"]


def test_contacts_paginate_and_flat_metadata_is_an_option(api: httpx.Client, fake_allo: FakeAllo) -> None:
    ids: list[str] = []
    for page in range(3):
        data = api.get("/contacts", params={"page": page, "size": 5}).json()["data"]
        assert data["metadata"]["pagination"] == {"total_pages": 3, "current_page": page}
        ids += [c["id"] for c in data["results"]]
    assert sorted(ids) == sorted(fake_allo.account.contacts)
    flat = FakeAllo(pagination="flat")
    with flat.http_client() as client:
        assert client.get("/contacts", params={"size": 5}).json()["data"]["metadata"] == {
            "total_pages": 3,
            "current_page": 0,
        }
    with pytest.raises(ValueError, match="pagination"):
        FakeAllo(pagination="sideways")  # type: ignore[arg-type]


def test_conversation_mixes_calls_and_texts_newest_first(api: httpx.Client, fake_allo: FakeAllo) -> None:
    contact = _a_contact(fake_allo)
    data = api.get(f"/contact/{contact['id']}/conversation", params={"size": 100}).json()["data"]
    entries = data["results"]
    assert {e["type"] for e in entries} <= {"CALL", "TEXT_MESSAGE"}
    for entry in entries:
        item = entry["call"] if entry["type"] == "CALL" else entry["message"]
        assert entry["message" if entry["type"] == "CALL" else "call"] is None
        assert set(contact["numbers"]) & {item["from_number"], item["to_number"]}
    dates = [(e["call"] or e["message"])["start_date"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    calls = [e["call"] for e in entries if e["call"]]
    assert all(c["tags"] == ([c["tag"]] if c["tag"] else []) for c in calls)


# -- SMS --------------------------------------------------------------------------------------------------------
def test_sms_sent_from_a_number_appears_in_the_contacts_conversation(api: httpx.Client, fake_allo: FakeAllo) -> None:
    contact = next(c for c in fake_allo.account.contacts.values() if c["numbers"][0].startswith("+1"))
    body = {"from": MAIN, "to": contact["numbers"][0], "message": "Your order shipped."}
    response = api.post("/sms", json=body)
    assert response.status_code == 200
    sent = response.json()["data"]
    assert sent == {
        "from_number": MAIN,
        "sender_id": None,
        "to_number": contact["numbers"][0],
        "type": "OUTBOUND",
        "content": "Your order shipped.",
        "start_date": sent["start_date"],
    }
    assert sent["start_date"].endswith("Z")
    first = api.get(f"/contact/{contact['id']}/conversation").json()["data"]["results"][0]
    assert first == {
        "type": "TEXT_MESSAGE",
        "call": None,
        "message": {k: v for k, v in sent.items() if k != "sender_id"},
    }
    assert api.get(f"/contact/{contact['id']}").json()["data"]["last_activity_date"] == sent["start_date"]
    assert fake_allo.last_request.path == f"/contact/{contact['id']}"
    assert fake_allo.requests_to("POST", "/sms")[0].json == body


def test_france_sms_from_a_sender_id(api: httpx.Client, fake_allo: FakeAllo) -> None:
    contact = next(c for c in fake_allo.account.contacts.values() if c["numbers"][0].startswith("+33"))
    body = {"sender_id": "MyCompany", "to": contact["numbers"][0], "message": "Votre colis est arrivé."}
    sent = api.post("/sms", json=body).json()["data"]
    assert sent["from_number"] is None
    assert sent["sender_id"] == "MyCompany"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", sent["start_date"])  # no offset, like the server
    message = api.get(f"/contact/{contact['id']}/conversation").json()["data"]["results"][0]["message"]
    assert message["content"] == "Votre colis est arrivé."
    assert message["from_number"] is None


@pytest.mark.parametrize("sender_id", ["AB", "TWELVECHARSX", "My Company", "1234567890", ""])
def test_impossible_sender_ids_get_400_invalid_sender_id(api: httpx.Client, sender_id: str) -> None:
    response = api.post("/sms", json={"sender_id": sender_id, "to": "+33639981234", "message": "Bonjour"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "INVALID_SENDER_ID"
    assert body["details"][0]["field"] == "sender_id"


def test_unapproved_sender_id_gets_400_and_can_be_approved() -> None:
    fake = FakeAllo(sender_ids=["MyCompany", "ACME"])
    with fake.http_client() as api:
        body = {"sender_id": "Other", "to": "+33639981234", "message": "Bonjour"}
        assert api.post("/sms", json=body).json() == {
            "code": "INVALID_SENDER_ID",
            "details": [{"field": "sender_id", "message": "sender ID is not approved for this account"}],
        }
        assert api.post("/sms", json={**body, "sender_id": "ACME"}).status_code == 200
        assert api.post("/sms", json={**body, "sender_id": "36180"}).status_code == 400  # short codes need approval too


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"message": ""}, "message", "size must be between 1 and 1000"),
        ({"message": "x" * 1001}, "message", "size must be between 1 and 1000"),
        ({"to": "0612345678"}, "to", "must be a phone number in E.164 format, e.g. +14155550123"),
        ({"from": "+14155550000"}, "from", "is not one of the account's Allo numbers"),
        ({"to": "+33639981234"}, "to", "must be in the same country as from (US)"),
        ({"sender_id": "MyCompany"}, "from", "is not allowed here"),
    ],
)
def test_sms_rejects_bad_fields_with_422(
    api: httpx.Client, fake_allo: FakeAllo, change: dict[str, str], field: str, message: str
) -> None:
    body = {"from": MAIN, "to": "+14155550199", "message": "Hello", **change}
    response = api.post("/sms", json=body)
    assert response.status_code == 422
    assert response.json() == _validation(field, message)
    assert len(fake_allo.account.messages) == 12  # nothing was sent


def test_sms_message_of_exactly_1000_characters_is_accepted(api: httpx.Client) -> None:
    assert api.post("/sms", json={"from": MAIN, "to": "+14155550199", "message": "x" * 1000}).status_code == 200


def test_france_sms_must_go_to_a_french_number(api: httpx.Client) -> None:
    response = api.post("/sms", json={"sender_id": "MyCompany", "to": "+14155550199", "message": "Hi"})
    assert response.json() == _validation("to", "must be a French number (+33) when sent from a sender ID")


# -- seeding ----------------------------------------------------------------------------------------------------
def test_same_seed_same_account_other_seed_other_contacts() -> None:
    def snapshot(seed: int) -> tuple[object, ...]:
        account = FakeAllo(seed=seed).account
        return account.numbers, account.contacts, account.calls, account.messages

    assert snapshot(7) == snapshot(7)
    assert snapshot(7)[1] != snapshot(8)[1]
    assert snapshot(7)[0] == snapshot(8)[0]  # the account's own numbers are fixed


def test_seeded_numbers_are_e164_in_ranges_reserved_for_fiction() -> None:
    account = FakeAllo(seed=3).account
    numbers = {n for c in account.contacts.values() for n in c["numbers"]}
    numbers |= {c["from_number"] for c in account.calls} | {c["to_number"] for c in account.calls}
    assert any(n.startswith("+33") for n in numbers)
    assert any(n.startswith("+1") for n in numbers)
    for number in numbers:
        assert E164.match(number)
        assert re.fullmatch(r"\+1\d{3}55501\d\d|\+33(19900|63998)\d{4}", number), number


def test_ids_made_by_the_api_are_deterministic_too() -> None:
    def create_ids() -> list[str]:
        with FakeAllo(seed=5).http_client() as api:
            contact = api.post("/contacts", json={"numbers": ["+14155550177"]}).json()["data"]["id"]
            body = {"allo_number": FR_OFFICE, "url": "https://x.example/h", "topics": ["PING"]}
            return [contact, api.post("/webhooks", json=body).json()["data"]["id"]]

    assert create_ids() == create_ids()


@pytest.mark.parametrize(
    ("sent", "recorded"),
    [
        ("sk SECRETKEY", "***"),  # not a scheme: the first word may be part of the key
        ("sk_live SECRET KEY", "***"),
        ("Bearer SECRETKEY", "Bearer ***"),
        ("bearer SECRETKEY", "bearer ***"),
        ("Api-Key ak_live_SECRETKEY", "Api-Key ***"),
        ("Basic U0VDUkVUS0VZ", "Basic ***"),
        ("Bearer", "***"),  # a lone word is the key, whatever it reads
        ("SECRETKEY", "***"),
    ],
)
def test_the_recorded_authorization_shows_at_most_a_known_scheme(
    api: httpx.Client, fake_allo: FakeAllo, sent: str, recorded: str
) -> None:
    assert api.get("/numbers", headers={"Authorization": sent}).status_code == 401
    request = fake_allo.last_request
    assert request.authorization == recorded
    assert "SECRET" not in repr(request)
    assert "SECRET" not in repr(fake_allo.requests)
