"""What the server may send tomorrow parses today: new enum values, new fields, both pagination forms, timestamps
with or without an offset."""

from __future__ import annotations

import copy
import datetime
import enum
from typing import Any

import pytest

import withallo_client.models as models
from tests.generated._spec import normalize, response_example
from withallo_client.models import (
    CallPageResponse,
    CallResult,
    ContactPageResponse,
    ContactResponse,
    PaginationMetadata,
    SentSmsResponse,
    TranscriptSource,
    WebhookListResponse,
    WebhookTopic,
)
from withallo_client.types import Unset

ENUMS = sorted(
    (
        cls
        for name in models.__all__
        if isinstance(cls := getattr(models, name), type) and issubclass(cls, enum.StrEnum)
    ),
    key=lambda cls: cls.__name__,
)


def call_page_from_the_future() -> dict[str, Any]:
    """The spec's call search example with a new call result, a new transcript source and new fields."""
    page: dict[str, Any] = copy.deepcopy(response_example("searchCalls", "200"))
    call = page["data"]["results"][0]
    call["result"] = "ESCALATED"
    call["transcript"][0]["source"] = "BOT"
    call["sentiment"] = {"score": 0.8, "label": "positive"}
    page["data"]["next_cursor"] = "c_42"
    return page


def test_unknown_enum_values_and_fields_parse_and_stay_readable() -> None:
    wire = call_page_from_the_future()
    page = CallPageResponse.from_dict(wire)
    call = page.data.results[0]

    assert isinstance(call.result, CallResult)
    assert call.result == "ESCALATED"
    assert str(call.result) == "ESCALATED"
    assert call.result.is_known is False
    assert not isinstance(call.transcript, Unset)
    source = call.transcript[0].source
    assert isinstance(source, TranscriptSource)
    assert source == "BOT"
    assert source.is_known is False
    assert call.transcript[1].source is TranscriptSource.AGENT
    assert call.transcript[1].source.is_known is True

    assert call.additional_properties["sentiment"] == {"score": 0.8, "label": "positive"}
    assert call["sentiment"]["label"] == "positive"
    assert page.data.additional_properties == {"next_cursor": "c_42"}
    assert normalize(page.to_dict()) == normalize(wire)  # both written back as they came


def test_unknown_webhook_topic_parses() -> None:
    wire = copy.deepcopy(response_example("listWebhooks", "200"))
    wire["data"][0]["topics"].append("CALL_ENDED")
    topics = WebhookListResponse.from_dict(wire).data[0].topics
    assert topics[:2] == [WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED]
    assert [topic.is_known for topic in topics] == [True, True, False]
    assert isinstance(topics[2], WebhookTopic)
    assert topics[2] == "CALL_ENDED"


def test_unknown_values_do_not_grow_the_enum() -> None:
    assert CallResult("ESCALATED") == CallResult("ESCALATED")
    assert "ESCALATED" not in CallResult.__members__
    assert "ESCALATED" not in CallResult._value2member_map_
    assert len(CallResult) == 8


def test_non_string_enum_values_are_still_rejected() -> None:
    not_a_string: Any = 42  # what a broken server might send; mypy rightly refuses it as a literal
    with pytest.raises(ValueError, match="42"):
        CallResult(not_a_string)


@pytest.mark.parametrize("enum_class", ENUMS, ids=lambda cls: cls.__name__)
def test_every_generated_enum_is_open(enum_class: type[enum.StrEnum]) -> None:
    assert len(ENUMS) >= 6  # CallResult, Direction, ConversationEntryType, SmsType, TranscriptSource, WebhookTopic
    for member in enum_class:
        assert enum_class(member.value) is member
        assert getattr(member, "is_known") is True  # noqa: B009 - is_known comes from the template, not StrEnum
    newcomer = enum_class("SOMETHING_NEW")
    assert isinstance(newcomer, enum_class)
    assert newcomer == "SOMETHING_NEW"
    assert getattr(newcomer, "is_known") is False  # noqa: B009


@pytest.mark.parametrize(
    ("metadata", "nested"),
    [
        ({"pagination": {"total_pages": 12, "current_page": 3}}, True),
        ({"total_pages": 12, "current_page": 3}, False),
    ],
    ids=["nested", "flat"],
)
def test_both_pagination_forms_parse(metadata: dict[str, Any], nested: bool) -> None:
    wire = copy.deepcopy(response_example("searchContacts", "200"))
    wire["data"]["metadata"] = metadata
    parsed = ContactPageResponse.from_dict(wire).data.metadata
    assert isinstance(parsed, PaginationMetadata)
    if nested:
        assert not isinstance(parsed.pagination, Unset)
        assert (parsed.pagination.total_pages, parsed.pagination.current_page) == (12, 3)
        assert isinstance(parsed.total_pages, Unset)
    else:
        assert (parsed.total_pages, parsed.current_page) == (12, 3)
        assert isinstance(parsed.pagination, Unset)
    assert parsed.to_dict() == metadata


def test_a_page_without_metadata_parses() -> None:
    wire = copy.deepcopy(response_example("searchContacts", "200"))
    del wire["data"]["metadata"]
    assert isinstance(ContactPageResponse.from_dict(wire).data.metadata, Unset)


UTC = datetime.UTC


@pytest.mark.parametrize(
    ("sent", "parsed"),
    [
        ("2024-01-15T10:30:00", datetime.datetime(2024, 1, 15, 10, 30)),
        ("2024-01-15T10:30:00Z", datetime.datetime(2024, 1, 15, 10, 30, tzinfo=UTC)),
        ("2024-01-15T10:30:00.250Z", datetime.datetime(2024, 1, 15, 10, 30, 0, 250000, tzinfo=UTC)),
        (
            "2024-01-15T11:30:00+01:00",
            datetime.datetime(2024, 1, 15, 11, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
        ),
    ],
)
def test_timestamps_with_and_without_offset_parse(sent: str, parsed: datetime.datetime) -> None:
    wire = copy.deepcopy(response_example("sendSms", "200", "france"))
    wire["data"]["start_date"] = sent
    start = SentSmsResponse.from_dict(wire).data.start_date
    assert isinstance(start, datetime.datetime)
    assert start == parsed
    assert start.utcoffset() == parsed.utcoffset()  # a naive time stays naive, an offset is kept


def test_contact_timestamps_parse_each_in_its_own_form() -> None:
    wire = copy.deepcopy(response_example("getContact", "200"))
    wire["data"]["created_at"] = "2026-10-02T09:15:00Z"
    wire["data"]["updated_at"] = "2026-11-18T16:40:21"
    contact = ContactResponse.from_dict(wire).data
    assert contact.created_at == datetime.datetime(2026, 10, 2, 9, 15, tzinfo=UTC)
    assert contact.updated_at == datetime.datetime(2026, 11, 18, 16, 40, 21)
    assert isinstance(contact.updated_at, datetime.datetime)
    assert contact.updated_at.tzinfo is None
