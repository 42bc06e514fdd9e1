"""FakeAllo.deliver: webhook events POSTed to a real local endpoint, plain or Standard Webhooks signed."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest
import yaml
from standardwebhooks.webhooks import Webhook

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.testing import FakeAllo, WebhookEndpoint
from withallo_ext.testing._examples import WEBHOOK_EXAMPLES

from ..generated._spec import SPEC_PATH

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()


def test_the_default_payloads_are_the_specs_examples() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    from_spec = {
        topic: item["post"]["requestBody"]["content"]["application/json"]["example"]
        for topic, item in spec["webhooks"].items()
    }
    assert from_spec == WEBHOOK_EXAMPLES


def test_deliver_posts_the_example_and_returns_the_endpoints_status(fake_allo: FakeAllo) -> None:
    got: list[WebhookEvent] = []
    receiver = WebhookReceiver().on(WebhookTopic.CALL_RECEIVED, got.append)
    with WebhookEndpoint(receiver) as endpoint:
        assert fake_allo.deliver(WebhookTopic.CALL_RECEIVED, endpoint.url) == 200
    [received] = endpoint.deliveries
    assert received.path == "/webhooks/allo"
    assert received.headers["content-type"] == "application/json"
    assert "webhook-signature" not in received.headers
    assert json.loads(received.body) == WEBHOOK_EXAMPLES["CALL_RECEIVED"]
    assert got[0].get("transfer_to.user_name") == "Sam Lee"
    [delivery] = fake_allo.deliveries
    assert (delivery.topic, delivery.url, delivery.status, delivery.body) == (
        "CALL_RECEIVED",
        endpoint.url,
        200,
        received.body,
    )


def test_deliver_sends_given_data_for_any_topic_string(fake_allo: FakeAllo) -> None:
    data = {"id": "sms-1", "direction": "INBOUND", "content": "Hi", "from_number": "+14155550199"}
    with WebhookEndpoint(WebhookReceiver()) as endpoint:
        assert fake_allo.deliver("SMS_RECEIVED", endpoint.url, data=data) == 200
        assert fake_allo.deliver("CALL_MISSED", endpoint.url, data={"id": "x"}) == 400  # the receiver rejects it
    assert [json.loads(d.body) for d in endpoint.deliveries] == [
        {"topic": "SMS_RECEIVED", "data": data},
        {"topic": "CALL_MISSED", "data": {"id": "x"}},
    ]


def _independent_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def test_signed_delivery_carries_standard_webhooks_headers(fake_allo: FakeAllo) -> None:
    moment = datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)
    receiver = WebhookReceiver(secret=SECRET)
    with WebhookEndpoint(receiver) as endpoint:
        status = fake_allo.deliver("SMS_RECEIVED", endpoint.url, secret=SECRET, msg_id="msg_1", timestamp=moment)
    assert status == 200
    [received] = endpoint.deliveries
    headers = received.headers
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == str(int(moment.timestamp()))
    assert headers["webhook-signature"] == _independent_signature(
        SECRET, "msg_1", headers["webhook-timestamp"], received.body
    )
    assert Webhook(SECRET).verify(received.body, headers) == WEBHOOK_EXAMPLES["SMS_RECEIVED"]


def test_a_wrong_secret_is_refused_by_a_verifying_receiver(fake_allo: FakeAllo) -> None:
    other = "whsec_" + base64.b64encode(b"another secret, another account").decode()
    with WebhookEndpoint(WebhookReceiver(secret=SECRET)) as endpoint:
        assert fake_allo.deliver("PING", endpoint.url, secret=other) == 401
        assert fake_allo.deliver("PING", endpoint.url) == 401  # unsigned


def test_each_signed_delivery_gets_its_own_id(fake_allo: FakeAllo) -> None:
    with WebhookEndpoint(WebhookReceiver()) as endpoint:
        fake_allo.deliver("PING", endpoint.url, secret=SECRET)
        fake_allo.deliver("PING", endpoint.url, secret=SECRET)
    ids = [d.headers["webhook-id"] for d in endpoint.deliveries]
    assert len(set(ids)) == 2
    assert all(i.startswith("msg_") for i in ids)


def test_an_unreachable_endpoint_gives_none(fake_allo: FakeAllo) -> None:
    with WebhookEndpoint(WebhookReceiver()) as endpoint:
        url = endpoint.url
    assert fake_allo.deliver("PING", url, timeout=2) is None
    assert fake_allo.deliveries[-1].status is None


def test_a_topic_without_example_needs_data(fake_allo: FakeAllo) -> None:
    with pytest.raises(ValueError, match="no example payload for topic 'CALL_MISSED'"):
        fake_allo.deliver("CALL_MISSED", "http://127.0.0.1:9/")
    assert fake_allo.deliveries == []


def test_deliver_in_process_to_a_wsgi_app(fake_allo: FakeAllo) -> None:
    seen: list[bytes] = []

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])))
        start_response("202 Accepted", [("Content-Type", "text/plain")])
        return [b"ok"]

    status = fake_allo.deliver("CONTACT_CREATED", "http://app.test/hooks", transport=httpx.WSGITransport(app=app))
    assert status == 202
    assert json.loads(seen[0])["data"]["id"] == "cnt_8d2kQ1"


@pytest.mark.anyio
async def test_adeliver_to_an_asgi_app(fake_allo: FakeAllo) -> None:
    seen: list[dict[str, Any]] = []

    async def app(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        message = await receive()
        seen.append(json.loads(message["body"]))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    status = await fake_allo.adeliver("CONTACT_UPDATED", "http://app.test/", transport=httpx.ASGITransport(app=app))
    assert status == 200
    assert seen == [WEBHOOK_EXAMPLES["CONTACT_UPDATED"]]
