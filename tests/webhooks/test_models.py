"""event.model: every webhook example of the contract in its generated model, odd ISO dates, wrong types."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from withallo_client.models import (
    CallReceivedPayload,
    CallResult,
    ContactPayload,
    Direction,
    PingPayload,
    SmsPayload,
    SmsType,
    TransferParty,
)
from withallo_client.types import Unset
from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidWebhookPayloadError

from .conftest import body_of, spec_webhook_examples

EXAMPLES = spec_webhook_examples()
MODEL_OF = {
    "CALL_RECEIVED": CallReceivedPayload,
    "SMS_RECEIVED": SmsPayload,
    "SMS_SENT": SmsPayload,
    "CONTACT_CREATED": ContactPayload,
    "CONTACT_UPDATED": ContactPayload,
    "PING": PingPayload,
}
DATE_FIELDS = {"start_date", "sent_at"}


def test_the_contract_has_an_example_for_every_topic() -> None:
    assert set(EXAMPLES) == {topic.value for topic in WebhookTopic} == set(MODEL_OF)


@pytest.mark.parametrize("topic", sorted(EXAMPLES))
def test_every_spec_example_parses_into_its_model_and_round_trips(topic: str) -> None:
    example = EXAMPLES[topic]
    event = WebhookReceiver().parse(body_of(example))
    model = event.model
    assert type(model) is MODEL_OF[topic]
    assert model is not None
    assert model.additional_properties == {}  # every example field is a declared one
    wire = model.to_dict()
    assert set(wire) == set(example["data"])
    for name, value in example["data"].items():
        if name in DATE_FIELDS:
            assert datetime.datetime.fromisoformat(wire[name]) == datetime.datetime.fromisoformat(value)
        else:
            assert wire[name] == value, name


def test_call_example_fields_are_typed() -> None:
    model = WebhookReceiver().parse(body_of(EXAMPLES["CALL_RECEIVED"])).model
    assert isinstance(model, CallReceivedPayload)
    assert model.id == "call-7Hq2LmX9"
    assert model.start_date == datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=datetime.UTC)
    assert model.to == "+14155550123"
    assert model.length_in_minutes == 2.5
    assert model.type_ is Direction.INBOUND
    assert model.result is CallResult.ANSWERED
    assert isinstance(model.transfer_to, TransferParty)
    assert model.transfer_to.user_email == "sam@acme.example"
    assert model.transfer_from is None
    assert not isinstance(model.transcriptions, Unset)
    assert [line.text for line in model.transcriptions] == [
        "Hi, I need to move my delivery.",
        "Of course, which day suits you?",
    ]


def test_sms_sent_example_without_offset_is_a_naive_datetime() -> None:
    model = WebhookReceiver().parse(body_of(EXAMPLES["SMS_SENT"])).model
    assert isinstance(model, SmsPayload)
    assert model.sent_at == datetime.datetime(2026, 11, 20, 14, 10)
    assert model.direction is Direction.OUTBOUND
    assert model.type_ is SmsType.SMS


UTC = datetime.UTC
PLUS_ONE = datetime.timezone(datetime.timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T14:03:12Z", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("2026-11-20T14:03:12", datetime.datetime(2026, 11, 20, 14, 3, 12)),
        ("2026-11-20 14:03:12", datetime.datetime(2026, 11, 20, 14, 3, 12)),
        ("2026-11-20T14:03:12.123Z", datetime.datetime(2026, 11, 20, 14, 3, 12, 123000, tzinfo=UTC)),
        ("2026-11-20T14:03:12.123456789Z", datetime.datetime(2026, 11, 20, 14, 3, 12, 123456, tzinfo=UTC)),
        ("2026-11-20T14:03:12,5Z", datetime.datetime(2026, 11, 20, 14, 3, 12, 500000, tzinfo=UTC)),
        ("2026-11-20T14:03:12+01:00", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=PLUS_ONE)),
        ("2026-11-20T14:03:12+0100", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=PLUS_ONE)),
        ("2026-11-20T14:03:12+01", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=PLUS_ONE)),
        ("2026-11-20T14:03:12-00:00", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("20261120T140312Z", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("2026-11-20t14:03:12z", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("2026-W47-5T14:03:12Z", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("2026-324T14:03:12Z", datetime.datetime(2026, 11, 20, 14, 3, 12, tzinfo=UTC)),
        ("2026-11-20T24:00:00", datetime.datetime(2026, 11, 21)),
        ("2026-11-20T14:03", datetime.datetime(2026, 11, 20, 14, 3)),
        ("2026-11-20", datetime.datetime(2026, 11, 20)),
    ],
)
def test_timestamps_in_any_iso_form_become_datetimes(text: str, expected: datetime.datetime) -> None:
    sms = WebhookReceiver().parse(json.dumps({"topic": "SMS_RECEIVED", "data": {"id": "s", "sent_at": text}})).model
    call = WebhookReceiver().parse(json.dumps({"topic": "CALL_RECEIVED", "data": {"id": "c", "start_date": text}}))
    assert isinstance(sms, SmsPayload)
    assert isinstance(call.model, CallReceivedPayload)
    for value in (sms.sent_at, call.model.start_date):
        assert value == expected
        assert isinstance(value, datetime.datetime)
        assert value.utcoffset() == expected.utcoffset()


def test_unknown_fields_and_enum_values_stay_readable() -> None:
    data = {"id": "c", "type": "FORWARDED", "result": "HUNG_UP", "callScore": 9, "score": 9}
    model = WebhookReceiver().parse(json.dumps({"topic": "CALL_RECEIVED", "data": data})).model
    assert isinstance(model, CallReceivedPayload)
    assert isinstance(model.type_, Direction)
    assert model.type_ == "FORWARDED"
    assert model.type_.is_known is False
    assert isinstance(model.result, CallResult)
    assert model.result == "HUNG_UP"
    assert model.result.is_known is False
    assert model.additional_properties == {"callScore": 9, "score": 9}  # camelCase of no known field stays as sent
    assert model["score"] == 9


def test_model_is_parsed_once_and_kept() -> None:
    event = WebhookReceiver().parse(body_of(EXAMPLES["CONTACT_UPDATED"]))
    assert "model" not in vars(event)
    first = event.model
    assert event.model is first
    assert isinstance(first, ContactPayload)
    assert first.emails == ["jane.cooper@acme.example", "j.smith@acme.example"]
    assert first.company is None


@pytest.mark.parametrize(
    ("topic", "data", "reason"),
    [
        ("CALL_RECEIVED", {}, "CALL_RECEIVED payload: `data.id` is missing"),
        ("CALL_RECEIVED", {"id": 7}, "CALL_RECEIVED payload: `data.id` must be a string, got number"),
        ("CALL_RECEIVED", {"id": "c", "start_date": 1764000000}, "`data.start_date` must be an ISO 8601 date-time"),
        (
            "CALL_RECEIVED",
            {"id": "c", "start_date": "yesterday"},
            "date-time string, got string ('yesterday')",
        ),
        ("CALL_RECEIVED", {"id": "c", "start_date": "2026-13-45"}, "`data.start_date` must be an ISO 8601 date-time"),
        ("CALL_RECEIVED", {"id": "c", "length_in_minutes": "2.5"}, "`data.length_in_minutes` must be a number, got"),
        ("CALL_RECEIVED", {"id": "c", "length_in_minutes": True}, "`data.length_in_minutes` must be a number"),
        ("CALL_RECEIVED", {"id": "c", "transcriptions": {}}, "`data.transcriptions` must be an array, got object"),
        ("CALL_RECEIVED", {"id": "c", "transcriptions": [{"text": 1}]}, "`data.transcriptions[0].text` must be a"),
        ("CALL_RECEIVED", {"id": "c", "transcriptions": ["hi"]}, "`data.transcriptions[0]` must be an object"),
        ("CALL_RECEIVED", {"id": "c", "transfer_to": "+1"}, "`data.transfer_to` must be an object or null, got"),
        (
            "CALL_RECEIVED",
            {"id": "c", "transfer_to": {"number": 1}},
            "`data.transfer_to.number` must be a string",
        ),
        ("CALL_RECEIVED", {"id": "c", "type": 1}, "`data.type` must be a string, got number"),
        ("CALL_RECEIVED", {"id": "c", "data_collected": []}, "`data.data_collected` must be an object or null"),
        ("CALL_RECEIVED", {"id": "c", "ivr_result": [{"dtmf_key": 2}]}, "`data.ivr_result[0].dtmf_key`"),
        ("SMS_RECEIVED", {"id": "s", "direction": None}, "`data.direction` must be a string, got null"),
        ("SMS_SENT", {"id": "s", "sent_at": None}, "`data.sent_at` must be an ISO 8601 date-time string, got null"),
        ("CONTACT_CREATED", {"id": "k", "emails": "a@b.c"}, "`data.emails` must be an array, got string"),
        ("CONTACT_UPDATED", {"id": "k", "numbers": ["+1", 2]}, "`data.numbers[1]` must be a string, got number"),
        ("CONTACT_UPDATED", {"id": "k", "company": {"name": "Acme"}}, "`data.company` must be a string or null"),
    ],
)
def test_wrong_field_types_raise_a_payload_error_naming_the_field(topic: str, data: Any, reason: str) -> None:
    event = WebhookReceiver().parse(json.dumps({"topic": topic, "data": data}))  # the envelope itself is fine
    with pytest.raises(InvalidWebhookPayloadError) as caught:
        _ = event.model
    assert reason in str(caught.value)
    assert caught.value.__cause__ is None or not isinstance(caught.value.__cause__, KeyError)


def test_a_model_error_is_raised_again_on_the_next_access() -> None:
    event = WebhookEvent(topic=WebhookTopic.SMS_SENT, data={"id": 1}, raw={})
    for _ in range(2):
        with pytest.raises(InvalidWebhookPayloadError):
            _ = event.model


def test_ping_keeps_whatever_it_carries() -> None:
    model = WebhookReceiver().parse(b'{"topic": "PING", "data": {"hello": [1, 2]}}').model
    assert isinstance(model, PingPayload)
    assert model.additional_properties == {"hello": [1, 2]}
