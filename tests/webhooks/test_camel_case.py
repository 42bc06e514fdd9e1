"""camelCase payloads (one crawl of Allo's guide showed `startDate`, `fromNumber`...): the model and the allowlist
read them as the spec's snake_case fields; `data` stays as received."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from withallo_client.models import CallReceivedPayload, CallResult, Direction, SmsPayload, SmsType, TransferParty
from withallo_client.types import UNSET
from withallo_ext import WebhookReceiver
from withallo_ext.errors import InvalidWebhookPayloadError
from withallo_ext.webhooks._payload import snake_case

OURS = "+14155550123"
THEIRS = "+33612345678"

CAMEL_CALL: dict[str, Any] = {
    "id": "call_1",
    "startDate": "2024-05-01T09:30:00Z",
    "recordingUrl": "https://cdn.example/rec.mp3",
    "fromNumber": THEIRS,
    "fromName": "Ada",
    "to": OURS,
    "lengthInMinutes": 5.5,
    "oneSentenceSummary": "Ada asked about her order.",
    "transcriptions": [{"source": "AGENT", "time": "00:01", "text": "Hello"}],
    "ivrResult": [{"dtmfKey": "1", "textKey": "sales"}],
    "type": "INBOUND",
    "result": "ANSWERED",
    "transferTo": {"number": "+14155550100", "userEmail": "bob@example.com", "userName": "Bob"},
    "userEmail": "owner@example.com",
}
CAMEL_SMS: dict[str, Any] = {
    "id": "sms_1",
    "direction": "INBOUND",
    "type": "SMS",
    "content": "Hi",
    "sentAt": "2024-05-01T09:31:00.123+02:00",
    "fromNumber": THEIRS,
    "toNumber": OURS,
}


def body(topic: str, data: dict[str, Any]) -> str:
    return json.dumps({"topic": topic, "data": data})


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("startDate", "start_date"),
        ("oneSentenceSummary", "one_sentence_summary"),
        ("recordingURL", "recording_url"),
        ("FromNumber", "from_number"),
        ("from_number", "from_number"),
        ("to", "to"),
    ],
)
def test_snake_case(key: str, name: str) -> None:
    assert snake_case(key) == name


def test_a_camel_case_call_fills_the_model() -> None:
    event = WebhookReceiver().parse(body("CALL_RECEIVED", CAMEL_CALL))
    model = event.model
    assert isinstance(model, CallReceivedPayload)
    assert model.start_date == datetime.datetime(2024, 5, 1, 9, 30, tzinfo=datetime.UTC)
    assert model.recording_url == "https://cdn.example/rec.mp3"
    assert model.from_number == THEIRS
    assert model.from_name == "Ada"
    assert model.to == OURS
    assert model.length_in_minutes == 5.5
    assert model.one_sentence_summary == "Ada asked about her order."
    assert model.type_ == Direction.INBOUND
    assert model.result == CallResult.ANSWERED
    assert model.user_email == "owner@example.com"
    assert isinstance(model.ivr_result, list)
    assert [(r.dtmf_key, r.text_key) for r in model.ivr_result] == [("1", "sales")]
    transfer = model.transfer_to
    assert isinstance(transfer, TransferParty)
    assert (transfer.number, transfer.user_email, transfer.user_name) == ("+14155550100", "bob@example.com", "Bob")
    assert model.additional_properties == {}  # the camelCase keys were consumed, not left over as unknown fields
    assert event.data == CAMEL_CALL  # the data stays as received
    assert event.get("fromNumber") == THEIRS


def test_a_camel_case_sms_fills_the_model() -> None:
    model = WebhookReceiver().parse(body("SMS_RECEIVED", CAMEL_SMS)).model
    assert isinstance(model, SmsPayload)
    paris_summer = datetime.timezone(datetime.timedelta(hours=2))
    assert model.sent_at == datetime.datetime(2024, 5, 1, 9, 31, 0, 123000, tzinfo=paris_summer)
    assert (model.from_number, model.to_number) == (THEIRS, OURS)
    assert model.direction == Direction.INBOUND
    assert model.type_ == SmsType.SMS
    assert model.additional_properties == {}


def test_snake_case_wins_when_both_are_sent() -> None:
    data = {**CAMEL_SMS, "from_number": "+14155550999"}
    model = WebhookReceiver().parse(body("SMS_RECEIVED", data)).model
    assert isinstance(model, SmsPayload)
    assert model.from_number == "+14155550999"
    assert model.additional_properties == {"fromNumber": THEIRS}  # the unused spelling stays readable


def test_a_camel_case_field_of_the_wrong_type_is_named_as_sent() -> None:
    event = WebhookReceiver().parse(body("CALL_RECEIVED", {**CAMEL_CALL, "startDate": 12}))
    with pytest.raises(InvalidWebhookPayloadError, match=r"`data\.startDate` must be an ISO 8601 date-time"):
        _ = event.model


def test_a_nested_camel_case_field_is_named_by_its_whole_path() -> None:
    data = {**CAMEL_CALL, "ivrResult": [{"dtmfKey": "1"}, {"dtmfKey": 2}]}
    event = WebhookReceiver().parse(body("CALL_RECEIVED", data))
    with pytest.raises(InvalidWebhookPayloadError) as caught:
        _ = event.model
    assert str(caught.value) == (
        "CALL_RECEIVED payload: `data.ivrResult[1].dtmfKey` must be a string or null, got number (2)"
    )


def test_each_payload_is_read_on_its_own_spelling() -> None:
    """The per-model field analysis is shared; which keys a payload spells in camelCase is not."""
    receiver = WebhookReceiver()
    camel = receiver.parse(body("CALL_RECEIVED", CAMEL_CALL)).model
    snake = receiver.parse(body("CALL_RECEIVED", {"id": "call_2", "from_number": OURS, "fromName": "Bo"})).model
    assert isinstance(camel, CallReceivedPayload)
    assert isinstance(snake, CallReceivedPayload)
    assert (camel.from_number, camel.from_name, camel.additional_properties) == (THEIRS, "Ada", {})
    assert (snake.from_number, snake.from_name, snake.start_date) == (OURS, "Bo", UNSET)
    assert snake.additional_properties == {}


@pytest.mark.parametrize(("topic", "data"), [("CALL_RECEIVED", CAMEL_CALL), ("SMS_RECEIVED", CAMEL_SMS)])
def test_the_allowlist_reads_camel_case_numbers(topic: str, data: dict[str, Any]) -> None:
    ran: list[str] = []
    receiver = WebhookReceiver(own_numbers=[OURS]).on_any(lambda event: ran.append(event.topic))
    assert receiver.respond(body(topic, data)).status == 200
    assert ran == [topic]


@pytest.mark.parametrize(
    ("topic", "data"),
    [
        ("CALL_RECEIVED", {**CAMEL_CALL, "type": "OUTBOUND"}),  # outbound: our side is fromNumber, which is theirs
        ("SMS_RECEIVED", {**CAMEL_SMS, "toNumber": "+14155550777"}),
    ],
)
def test_the_allowlist_still_refuses_camel_case_events_for_other_numbers(topic: str, data: dict[str, Any]) -> None:
    response = WebhookReceiver(own_numbers=[OURS]).respond(body(topic, data))
    assert response.status == 403
    assert "`from_number`" in str(response.error) or "`to_number`" in str(response.error)


def test_a_camel_case_payload_nested_beyond_the_stack_is_a_payload_error() -> None:
    raw = '{"topic": "CALL_RECEIVED", "data": {"id": "call_1", "fromNumber": "+1", "extra": ' + "[" * 900 + "]" * 900
    event = WebhookReceiver().parse(raw + "}}")  # json reads 900 levels; renaming them takes two frames each
    with pytest.raises(InvalidWebhookPayloadError, match="nested too deeply"):
        _ = event.model
