"""respond(): the recommended endpoint behaviour in one call, each outcome's status, body and log line."""

from __future__ import annotations

import logging

import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookResponse, WebhookTopic
from withallo_ext.errors import InvalidWebhookPayloadError, WebhookNumberNotAllowedError, WebhookSignatureError
from withallo_ext.webhooks import MemoryDedupeStore

from .conftest import OTHER_KEY, SECRET, signed_headers

SMS = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "direction": "INBOUND", "to_number": "+14155550123"}}'


def test_success_is_200_ok() -> None:
    seen: list[WebhookEvent] = []
    receiver = WebhookReceiver().on(WebhookTopic.SMS_RECEIVED, seen.append)
    response = receiver.respond(SMS)
    assert response == WebhookResponse(200, {"ok": True}, event=seen[0])
    assert response.event is not None
    assert response.event.get("id") == "sms-1"


@pytest.mark.parametrize(
    "raw", [b"", b"not json", b"[]", b'{"data": {}}', b'{"topic": "PING", "data": []}', b'{"topic": "X", "data": {}}']
)
def test_an_invalid_payload_is_400_and_logged(raw: bytes, caplog: pytest.LogCaptureFixture) -> None:
    ran: list[str] = []
    receiver = WebhookReceiver().on_any(lambda e: ran.append("ran"))
    caplog.clear()  # the receiver's one warning that signatures are off
    with caplog.at_level(logging.WARNING, logger="withallo.webhooks"):
        response = receiver.respond(raw)
    assert (response.status, response.body) == (400, {"ok": False, "error": "invalid_payload"})
    assert isinstance(response.error, InvalidWebhookPayloadError)
    assert response.event is None
    assert ran == []
    assert [r.getMessage() for r in caplog.records] == [f"Webhook rejected (payload): {response.error}"]


def test_a_failing_handler_is_logged_and_still_200(caplog: pytest.LogCaptureFixture) -> None:
    def broken(event: WebhookEvent) -> None:
        raise KeyError("customer")

    receiver = WebhookReceiver().on(WebhookTopic.SMS_RECEIVED, broken)
    caplog.clear()  # the receiver's one warning that signatures are off
    with caplog.at_level(logging.ERROR, logger="withallo.webhooks"):
        response = receiver.respond(SMS)
    assert (response.status, response.body) == (200, {"ok": False, "error": "handler_failed"})
    assert isinstance(response.error, KeyError)
    (record,) = caplog.records
    assert record.getMessage().startswith("Webhook handler failed for SMS_RECEIVED sha256:")
    assert record.exc_info is not None
    assert record.exc_info[0] is KeyError


def test_a_handler_reading_a_malformed_model_is_a_handler_failure_not_a_400() -> None:
    receiver = WebhookReceiver().on_any(lambda event: event.model)
    response = receiver.respond(b'{"topic": "SMS_SENT", "data": {"id": 42}}')
    assert (response.status, response.body) == (200, {"ok": False, "error": "handler_failed"})
    assert isinstance(response.error, InvalidWebhookPayloadError)
    assert "`data.id` must be a string" in str(response.error)


def test_a_bad_signature_is_401() -> None:
    receiver = WebhookReceiver(secret=SECRET).on_any(lambda e: None)
    response = receiver.respond(SMS, signed_headers(SMS, key=OTHER_KEY))
    assert (response.status, response.body) == (401, {"ok": False, "error": "invalid_signature"})
    assert isinstance(response.error, WebhookSignatureError)
    assert receiver.respond(SMS).status == 401  # unsigned
    assert receiver.respond(SMS, signed_headers(SMS)).status == 200


def test_a_number_not_ours_is_403() -> None:
    receiver = WebhookReceiver(own_numbers=["+33188833451"])
    response = receiver.respond(SMS)
    assert (response.status, response.body) == (403, {"ok": False, "error": "number_not_allowed"})
    assert isinstance(response.error, WebhookNumberNotAllowedError)
    assert response.event is not None


def test_a_replay_is_200_duplicate_and_runs_nothing() -> None:
    ran: list[str] = []
    receiver = WebhookReceiver(dedupe=MemoryDedupeStore()).on_any(lambda e: ran.append("ran"))
    assert receiver.respond(SMS).body == {"ok": True}
    response = receiver.respond(SMS)
    assert (response.status, response.body) == (200, {"ok": True, "duplicate": True})
    assert ran == ["ran"]


def test_respond_lets_interrupts_through() -> None:
    def stop(event: WebhookEvent) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        WebhookReceiver().on_any(stop).respond(SMS)
