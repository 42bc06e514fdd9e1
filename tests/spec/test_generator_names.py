"""Names in the spec that code generators turn into file and type names: they must not collide.

These are the static rules behind tests/interop/test_openapi_generator.py (which runs OpenAPI Generator itself);
they fail fast, without Java, on the edit that would bring a collision back.
"""

from __future__ import annotations

import re

from tests.spec._tools import load_spec

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def test_webhook_events_have_a_tag_of_their_own() -> None:
    # One API class per tag: events sharing the subscriptions' tag overwrote apis/WebhooksApi.ts (FILEPATH_COLLISION).
    spec = load_spec()
    operation_tags = {tag for item in spec["paths"].values() for op in item.values() for tag in op.get("tags", [])}
    event_tags = {tag for item in spec["webhooks"].values() for op in item.values() for tag in op["tags"]}
    assert event_tags == {"WebhookEvents"}
    assert not event_tags & operation_tags


def test_tag_names_have_no_whitespace_and_keep_their_display_name() -> None:
    # `--global-property apis=Calls:PhoneNumbers:...` splits on ':' and ',' and cannot name a tag with a space.
    tags = {tag["name"]: tag for tag in load_spec()["tags"]}
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name) for name in tags), sorted(tags)
    assert tags["PhoneNumbers"]["x-displayName"] == "Phone Numbers"  # what the HTML reference shows
    assert tags["WebhookEvents"]["x-displayName"] == "Webhook events"


def test_no_schema_is_named_like_an_inline_request_body() -> None:
    # OpenAPI Generator names an inline request body (and typescript-fetch each operation's parameters object)
    # `<OperationId>Request`; a schema of that name gave `Import declaration conflicts with local declaration of
    # 'SendSmsRequest'`.
    spec = load_spec()
    inline_bodies = set()
    for item in spec["paths"].values():
        for method, op in item.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if method in HTTP_METHODS and body is not None and "$ref" not in body:
                inline_bodies.add(op["operationId"])
    assert inline_bodies == {"sendSms"}  # its oneOf: the generator names it SendSmsRequest
    assert "SendSmsRequest" not in spec["components"]["schemas"]
    members = spec["paths"]["/sms"]["post"]["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    assert [m["$ref"].rsplit("/", 1)[1] for m in members] == ["SendSmsFromNumberRequest", "SendSmsFranceRequest"]
