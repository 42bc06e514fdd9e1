"""parse(): the envelope checks, in the PHP SDK's order and with its messages, and what an event carries."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidParameterError, InvalidWebhookPayloadError, WithalloError

from .conftest import SECRET, signed_headers

EMPTY = "Webhook body is empty."
NOT_JSON = "Webhook body is not valid JSON."
NOT_OBJECT = "Webhook body is not a JSON object."
NO_TOPIC = "Webhook payload is missing the `topic` field."
NO_DATA = "Webhook payload is missing the `data` object."


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(b"", EMPTY, id="empty bytes"),
        pytest.param("", EMPTY, id="empty str"),
        pytest.param(b"   \n", NOT_JSON, id="whitespace only (PHP: not JSON)"),
        pytest.param(b"{not json", NOT_JSON, id="broken JSON"),
        pytest.param(b'{"topic": "PING", "data": {}', NOT_JSON, id="truncated"),
        pytest.param(b'{"topic": "PING", "data": {"a": "\xff\xfe"}}', NOT_JSON, id="invalid UTF-8"),
        pytest.param(b"\xef\xbb\xbf", NOT_JSON, id="UTF-8 BOM only"),
        pytest.param(b"\xef\xbb\xbf\xef\xbb\xbf{}", NOT_JSON, id="two UTF-8 BOMs"),
        pytest.param(b"\xef\xbb\xbf{}", NO_TOPIC, id="UTF-8 BOM then an object: decoded"),
        pytest.param('{"topic": "PING"}'.encode("utf-16"), NOT_JSON, id="UTF-16"),
        pytest.param(b'{"topic": "PING", "data": {"n": NaN}}', NOT_JSON, id="NaN"),
        pytest.param(b"[" * 50_000 + b"]" * 50_000, NOT_JSON, id="nested too deep"),
        pytest.param(b'[{"topic": "PING", "data": {}}]', NOT_OBJECT, id="JSON array"),
        pytest.param(b'"PING"', NOT_OBJECT, id="JSON string"),
        pytest.param(b"null", NOT_OBJECT, id="JSON null"),
        pytest.param(b"42", NOT_OBJECT, id="JSON number"),
        pytest.param(b'{"data": {}}', NO_TOPIC, id="no topic"),
        pytest.param(b'{"topic": 123, "data": {}}', NO_TOPIC, id="topic 123"),
        pytest.param(b'{"topic": "", "data": {}}', NO_TOPIC, id="empty topic"),
        pytest.param(b'{"topic": null, "data": {}}', NO_TOPIC, id="null topic"),
        pytest.param(b'{"topic": ["PING"], "data": {}}', NO_TOPIC, id="topic list"),
        pytest.param(b'{"topic": "PING"}', NO_DATA, id="no data"),
        pytest.param(b'{"topic": "PING", "data": []}', NO_DATA, id="data []"),
        pytest.param(b'{"topic": "PING", "data": null}', NO_DATA, id="data null"),
        pytest.param(b'{"topic": "PING", "data": "x"}', NO_DATA, id="data string"),
        pytest.param(b'{"topic": "MISSED_CALL", "data": {}}', "Unknown webhook topic: MISSED_CALL", id="unknown"),
        pytest.param(b'{"topic": "call_received", "data": {}}', "Unknown webhook topic: call_received", id="lower"),
        pytest.param(b'{"topic": 1, "data": []}', NO_TOPIC, id="topic checked before data"),
        pytest.param(b'{"topic": "NOPE", "data": []}', NO_DATA, id="data checked before the topic's name"),
    ],
)
def test_each_rejection_has_its_reason(raw: bytes | str, reason: str) -> None:
    with pytest.raises(InvalidWebhookPayloadError) as caught:
        WebhookReceiver().parse(raw)
    assert str(caught.value) == reason
    assert isinstance(caught.value, WithalloError)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "raw",
    [b"\xef\xbb\xbf" + b'{"topic": "PING", "data": {"x": 1}}', '\ufeff{"topic": "PING", "data": {"x": 1}}'],
    ids=["bytes", "str"],
)
def test_a_leading_utf8_bom_is_dropped(raw: bytes | str) -> None:
    event = WebhookReceiver().parse(raw)
    assert (event.topic, event.data) == (WebhookTopic.PING, {"x": 1})
    body = raw if isinstance(raw, bytes) else raw.encode()
    assert event.delivery_id == "sha256:" + hashlib.sha256(body).hexdigest()  # the digest covers the bytes received


def test_invalid_utf8_is_not_a_unicode_error() -> None:
    with pytest.raises(InvalidWebhookPayloadError) as caught:
        WebhookReceiver().parse(b"\x80\x81")
    assert not isinstance(caught.value, UnicodeDecodeError)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


@pytest.mark.parametrize("raw", [None, 42, ["topic"], {"topic": "PING", "data": {}}])
def test_a_body_that_is_not_bytes_or_str_is_rejected(raw: object) -> None:
    with pytest.raises(InvalidWebhookPayloadError, match=r"must be bytes or str, got"):
        WebhookReceiver().parse(raw)  # type: ignore[arg-type]


def test_a_very_long_unknown_topic_is_shortened_in_the_message() -> None:
    with pytest.raises(InvalidWebhookPayloadError) as caught:
        WebhookReceiver().parse(json.dumps({"topic": "X" * 5000, "data": {}}))
    assert str(caught.value) == "Unknown webhook topic: " + "X" * 76 + "...[4924 more chars]"


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview, str])
def test_bytes_like_and_str_bodies_parse_alike(kind: type) -> None:
    raw = '{"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "content": "Bonjour, ça va ?"}, "extra": 1}'
    body = raw if kind is str else kind(raw.encode())
    event = WebhookReceiver().parse(body)
    assert event.topic is WebhookTopic.SMS_RECEIVED
    assert event.data == {"id": "sms-1", "content": "Bonjour, ça va ?"}
    assert event.raw == {"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "content": "Bonjour, ça va ?"}, "extra": 1}
    assert event.delivery_id == "sha256:" + hashlib.sha256(raw.encode()).hexdigest()


def test_empty_data_object_passes() -> None:
    event = WebhookReceiver().parse(b'{"topic": "PING", "data": {}}')
    assert event.topic is WebhookTopic.PING
    assert event.data == {}


def test_every_known_topic_parses() -> None:
    for topic in WebhookTopic:
        event = WebhookReceiver().parse(json.dumps({"topic": topic.value, "data": {"id": "x"}}))
        assert event.topic is topic
        assert event.topic.is_known


def test_the_webhook_id_header_is_the_delivery_id_whatever_its_case() -> None:
    receiver = WebhookReceiver()
    assert receiver.parse(b'{"topic": "PING", "data": {}}', {"Webhook-Id": " msg_42 "}).delivery_id == "msg_42"
    fallback = receiver.parse(b'{"topic": "PING", "data": {}}', {"webhook-id": ""}).delivery_id
    assert fallback == "sha256:" + hashlib.sha256(b'{"topic": "PING", "data": {}}').hexdigest()


def test_unknown_topics_are_accepted_only_when_asked() -> None:
    event = WebhookReceiver(accept_unknown_topics=True).parse(b'{"topic": "CALL_MISSED", "data": {"id": "c"}}')
    assert event.topic == "CALL_MISSED"
    assert isinstance(event.topic, WebhookTopic)
    assert event.topic.is_known is False
    assert event.model is None
    assert not event.is_call()
    assert not event.is_sms()
    assert not event.is_contact_created()
    assert not event.is_contact_updated()


def test_event_predicates() -> None:
    def event(topic: WebhookTopic) -> WebhookEvent:
        return WebhookReceiver().parse(json.dumps({"topic": topic.value, "data": {}}))

    assert event(WebhookTopic.CALL_RECEIVED).is_call()
    assert event(WebhookTopic.SMS_RECEIVED).is_sms()
    assert event(WebhookTopic.SMS_SENT).is_sms()
    assert not event(WebhookTopic.CALL_RECEIVED).is_sms()
    assert event(WebhookTopic.CONTACT_CREATED).is_contact_created()
    assert not event(WebhookTopic.CONTACT_CREATED).is_contact_updated()
    assert event(WebhookTopic.CONTACT_UPDATED).is_contact_updated()
    assert not event(WebhookTopic.PING).is_call()


def test_event_repr_leaves_the_payload_out() -> None:
    event = WebhookReceiver().parse(b'{"topic": "SMS_RECEIVED", "data": {"content": "my secret code is 1234"}}')
    assert "1234" not in repr(event)
    assert "SMS_RECEIVED" in repr(event)


def test_registering_an_unknown_topic_is_refused_unless_unknown_topics_are_accepted() -> None:
    with pytest.raises(InvalidParameterError, match="CALL_RECIEVED"):
        WebhookReceiver().on("CALL_RECIEVED", lambda event: None)
    with pytest.raises(InvalidParameterError, match="topic"):
        WebhookReceiver().on("", lambda event: None)
    with pytest.raises(InvalidParameterError, match="handler"):
        WebhookReceiver().on(WebhookTopic.PING, "not callable")  # type: ignore[call-overload]
    WebhookReceiver(accept_unknown_topics=True).on("CALL_MISSED", lambda event: None)


def test_a_signed_body_with_a_bom_is_verified_over_the_bytes_received() -> None:
    raw = b'\xef\xbb\xbf{"topic": "PING", "data": {}}'
    receiver = WebhookReceiver(secret=SECRET)
    assert receiver.parse(raw, signed_headers(raw)).topic == WebhookTopic.PING


@pytest.mark.parametrize("name", ["is_call", "is_sms", "is_contact_created", "is_contact_updated"])
def test_every_predicate_says_which_topics_it_matches(name: str) -> None:
    doc = getattr(WebhookEvent, name).__doc__
    assert doc is not None
    assert doc.startswith("True for ")


def test_a_parsed_event_is_what_the_constructor_builds() -> None:
    """parse() fills the frozen event without calling its __init__ (for speed): every field must still be set,
    exactly as the constructor would, and the event must stay frozen and comparable field by field."""
    body = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "message": "hi"}}'
    event = WebhookReceiver().parse(body, {"Webhook-Id": "msg_1"})
    built = WebhookEvent(
        topic=WebhookTopic.SMS_RECEIVED,
        data={"id": "sms-1", "message": "hi"},
        raw=json.loads(body),
        delivery_id="msg_1",
    )
    for field in dataclasses.fields(WebhookEvent):
        assert getattr(event, field.name) == getattr(built, field.name), field.name
    assert type(event.topic) is WebhookTopic
    assert dataclasses.replace(event).delivery_id == "msg_1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.topic = WebhookTopic.PING  # type: ignore[misc]


def test_the_body_digest_is_computed_once_and_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a webhook-id header, delivery_id is the body's sha256, hashed on first read (not by parse) and kept."""
    calls: list[bytes] = []
    real_sha256 = hashlib.sha256

    def counting_sha256(data: bytes) -> Any:
        calls.append(data)
        return real_sha256(data)

    monkeypatch.setattr(hashlib, "sha256", counting_sha256)
    body = b'{"topic": "PING", "data": {}}'
    event = WebhookReceiver().parse(body)
    assert calls == []
    assert event.delivery_id == "sha256:" + real_sha256(body).hexdigest()
    assert event.delivery_id == "sha256:" + real_sha256(body).hexdigest()
    assert calls == [body]
    assert "sha256:" in repr(event)
    assert dataclasses.replace(event).delivery_id == event.delivery_id
    assert WebhookReceiver().parse(body, {"webhook-id": "msg_7"}).delivery_id == "msg_7"
    assert calls == [body]
    assert WebhookEvent(topic=WebhookTopic.PING, data={}, raw={}).delivery_id is None
    assert WebhookEvent.delivery_id is None
