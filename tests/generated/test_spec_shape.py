"""The shape the contract promises (issue 2), checked on the YAML itself: fast, and independent of the generator."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.generated._spec import media_examples, operations, resolve, spec

TAGS = {"Webhooks", "Calls", "Contacts", "SMS", "PhoneNumbers", "WebhookEvents"}
ERROR_STATUSES = ("400", "401", "403", "404", "422", "429", "5XX")
TOPICS = ["CALL_RECEIVED", "SMS_RECEIVED", "SMS_SENT", "CONTACT_CREATED", "CONTACT_UPDATED", "PING"]
OPERATIONS = {  # operationId -> (method, path, success status)
    "listWebhooks": ("get", "/webhooks", "200"),
    "createWebhook": ("post", "/webhooks", "201"),
    "deleteWebhook": ("delete", "/webhooks/{webhook_id}", "204"),
    "searchCalls": ("get", "/calls", "200"),
    "getContact": ("get", "/contact/{contact_id}", "200"),
    "searchContactConversation": ("get", "/contact/{contact_id}/conversation", "200"),
    "searchContacts": ("get", "/contacts", "200"),
    "createContact": ("post", "/contacts", "201"),
    "updateContact": ("put", "/contacts/{contact_id}", "200"),
    "sendSms": ("post", "/sms", "200"),
    "listPhoneNumbers": ("get", "/numbers", "200"),
}
OPS = [(path, method, op) for path, method, op in operations()]


def schema(name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec()["components"]["schemas"][name]
    return found


def param(op: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in map(resolve, op.get("parameters", [])) if p["name"] == name)


def test_document_header_server_and_security_scheme() -> None:
    assert spec()["openapi"] == "3.1.0"
    assert [server["url"] for server in spec()["servers"]] == ["https://api.withallo.com/v1/api"]
    assert spec()["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "The raw API key, with no `Bearer` prefix.",
    }
    assert spec()["security"] == [{"ApiKey": []}]
    assert {tag["name"] for tag in spec()["tags"]} == TAGS


def test_the_operations_are_exactly_the_v1_ones_with_their_success_status() -> None:
    found = {
        op["operationId"]: (method, path, next(s for s in op["responses"] if s.startswith("2")))
        for path, method, op in OPS
    }
    assert found == OPERATIONS


@pytest.mark.parametrize(("path", "method", "op"), OPS, ids=[op["operationId"] for _, _, op in OPS])
def test_operation_is_complete(path: str, method: str, op: dict[str, Any]) -> None:
    assert op["summary"]
    assert len(op["tags"]) == 1
    assert op["tags"][0] in TAGS
    assert op["security"] == [{"ApiKey": []}]
    responses = op["responses"]
    for status in ERROR_STATUSES:
        error = resolve(responses[status])
        media = error["content"]["application/json"]
        assert media["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, status
        assert list(media_examples(media)), f"{status} has no example"
    assert resolve(responses["429"])["headers"]["Retry-After"]["$ref"] == "#/components/headers/Retry-After"
    for status, response in responses.items():
        if status.startswith("2") and "content" in response:
            media = response["content"]["application/json"]
            assert list(media_examples(media)), f"{status} has no example"
            envelope = resolve(media["schema"])
            assert envelope["required"] == ["data"], f"{status} is not enveloped in data"
    if "requestBody" in op:
        assert op["requestBody"]["required"] is True
        assert list(media_examples(op["requestBody"]["content"]["application/json"])), "request without example"
    for parameter in map(resolve, op.get("parameters", [])):
        assert "example" in parameter, parameter["name"]
        if parameter["in"] == "path":
            assert f"{{{parameter['name']}}}" in path


def test_page_and_size_constraints() -> None:
    page, size = spec()["components"]["parameters"]["Page"], spec()["components"]["parameters"]["Size"]
    assert (page["name"], page["in"], page["required"]) == ("page", "query", False)
    assert page["schema"] == {"type": "integer", "minimum": 0, "default": 0}
    assert (size["name"], size["in"], size["required"]) == ("size", "query", False)
    assert size["schema"] == {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}
    paged = {
        op["operationId"] for _, _, op in OPS if {"$ref": "#/components/parameters/Page"} in op.get("parameters", [])
    }
    assert paged == {"searchCalls", "searchContacts", "searchContactConversation"}
    for _, _, op in OPS:
        if op["operationId"] in paged:
            assert {"$ref": "#/components/parameters/Size"} in op["parameters"]


def test_query_parameters_of_searches() -> None:
    by_id = {op["operationId"]: op for _, _, op in OPS}
    assert param(by_id["searchCalls"], "allo_number")["required"] is True
    assert param(by_id["searchCalls"], "contact_number")["required"] is False
    assert param(by_id["searchContactConversation"], "allo_number")["required"] is False
    assert param(by_id["getContact"], "extend")["required"] is False


def test_body_constraints() -> None:
    for name in ("SendSmsFromNumberRequest", "SendSmsFranceRequest"):
        message = schema(name)["properties"]["message"]
        assert (message["minLength"], message["maxLength"]) == (1, 1000), name
        assert schema(name)["additionalProperties"] is False
    assert schema("SendSmsFromNumberRequest")["required"] == ["from", "to", "message"]
    assert schema("SendSmsFranceRequest")["required"] == ["sender_id", "to", "message"]
    assert "from" not in schema("SendSmsFranceRequest")["properties"]
    assert schema("CreateContactRequest")["required"] == ["numbers"]
    assert schema("CreateContactRequest")["properties"]["numbers"]["minItems"] == 1
    assert schema("CreateWebhookRequest")["properties"]["topics"]["minItems"] == 1
    assert schema("CreateWebhookRequest")["properties"]["enabled"]["default"] is True
    send = next(op for _, _, op in OPS if op["operationId"] == "sendSms")
    assert send["requestBody"]["content"]["application/json"]["schema"]["oneOf"] == [
        {"$ref": "#/components/schemas/SendSmsFromNumberRequest"},
        {"$ref": "#/components/schemas/SendSmsFranceRequest"},
    ]


@pytest.mark.parametrize(
    ("sender_id", "valid"),
    [
        ("MyCompany", True),
        ("ABC", True),
        ("Shop24", True),
        ("ABCDEFGHIJK", True),  # 11
        ("36111", True),  # a numeric short code
        ("AB", False),
        ("ABCDEFGHIJKL", False),  # 12
        ("My Company", False),
        ("Café", False),
        ("123456789", False),  # all digits and too long for a short code
    ],
)
def test_sender_id_pattern(sender_id: str, valid: bool) -> None:
    pattern = schema("SendSmsFranceRequest")["properties"]["sender_id"]["pattern"]
    assert (re.search(pattern, sender_id) is not None) is valid


def test_wire_variants_are_described() -> None:
    assert "allo_number" in schema("Webhook")["properties"]
    assert "alloNumber" in schema("CreatedWebhook")["properties"]
    assert set(schema("PaginationMetadata")["properties"]) == {"pagination", "total_pages", "current_page"}
    assert schema("SentSms")["properties"]["from_number"]["type"] == ["string", "null"]
    assert schema("SentSms")["properties"]["sender_id"]["type"] == ["string", "null"]
    for name, candidate in spec()["components"]["schemas"].items():
        if "enum" in candidate:
            assert "Open enum" in candidate["description"], f"{name} does not say it is open"


def test_webhooks_section_has_the_six_topics_with_component_schemas() -> None:
    webhooks = spec()["webhooks"]
    assert list(webhooks) == TOPICS
    assert schema("WebhookTopic")["enum"] == TOPICS
    for topic, item in webhooks.items():
        media = item["post"]["requestBody"]["content"]["application/json"]
        ref = media["schema"]["$ref"]
        assert ref.startswith("#/components/schemas/"), topic
        event = resolve(media["schema"])
        assert event["required"] == ["topic", "data"]
        assert event["properties"]["topic"] == {"$ref": "#/components/schemas/WebhookTopic"}
        assert resolve(event["properties"]["data"])["type"] == "object"
        assert [value["topic"] for _, value in media_examples(media)] == [topic]
