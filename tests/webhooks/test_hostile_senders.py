"""A hostile webhook sender: forged log lines, floods in messages, unknown topics around the own-number check, a
timestamp check switched off by a NaN tolerance, an allowlist check made quadratic, an unset secret going unnoticed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidParameterError, WebhookNumberNotAllowedError

from .conftest import SECRET

OURS = "+14155550123"
THEIRS = "+14155550199"
FORGED = "X\nCRITICAL withallo.webhooks: signature check DISABLED by admin"


def body(topic: str, **data: Any) -> bytes:
    return json.dumps({"topic": topic, "data": {"id": "x", **data}}).encode()


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records]


def no_control_characters(lines: list[str]) -> bool:
    return all(ch == " " or ch.isprintable() for line in lines for ch in line)


# -- logs and messages ------------------------------------------------------------------------------------------


def test_a_topic_with_a_newline_cannot_forge_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    refusing = WebhookReceiver()
    accepting = WebhookReceiver(accept_unknown_topics=True).on_any(lambda event: 1 / 0)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="withallo.webhooks"):
        assert refusing.respond(body(FORGED)).status == 400
        assert accepting.respond(body(FORGED)).status == 200  # handler_failed, logged with the topic
    lines = logged(caplog)
    assert len(lines) == 2
    assert no_control_characters(lines), lines
    assert "X\\x0aCRITICAL withallo.webhooks" in lines[0]
    assert lines[1].startswith("Webhook handler failed for X\\x0aCRITICAL")


def test_a_refused_own_number_is_not_logged_in_full(caplog: pytest.LogCaptureFixture) -> None:
    huge = "+1" + "5" * 5_000_000 + "\nINFO all good"
    receiver = WebhookReceiver(own_numbers=[OURS])
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="withallo.webhooks"):
        response = receiver.respond(body("SMS_RECEIVED", direction="INBOUND", to_number=huge))
    assert response.status == 403
    assert len(str(response.error)) < 300  # was 5 MB, and so was the log line
    (line,) = logged(caplog)
    assert len(line) < 400
    assert "more chars]" in line
    assert no_control_characters([line])


# -- the own-number check -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        body("SMS_RECEIVED_V2", direction="INBOUND", to_number=THEIRS, from_number=THEIRS),
        body("CALL_RECEIVED ", type="INBOUND", to=THEIRS, from_number="+33612345678"),  # a trailing space
        body("NEW_TOPIC", toNumber=THEIRS),  # camelCase counts as for known topics
    ],
)
def test_an_unknown_topic_naming_a_foreign_number_is_refused(raw: bytes) -> None:
    ran: list[WebhookEvent] = []
    receiver = WebhookReceiver(accept_unknown_topics=True, own_numbers=[OURS]).on_any(ran.append)
    response = receiver.respond(raw)
    assert (response.status, response.body) == (403, {"ok": False, "error": "number_not_allowed"})
    assert isinstance(response.error, WebhookNumberNotAllowedError)
    assert ran == []  # was 200, handlers ran


@pytest.mark.parametrize(
    "raw",
    [
        body("SMS_RECEIVED_V2", to_number=THEIRS, from_number=OURS),  # one of ours among them
        body("NEW_TOPIC", fromNumber="+1 (415) 555-0123"),
        body("CONTACT_MERGED", name="Jane"),  # names no number: nothing to check
    ],
)
def test_an_unknown_topic_with_our_number_or_none_passes(raw: bytes) -> None:
    ran: list[WebhookEvent] = []
    receiver = WebhookReceiver(accept_unknown_topics=True, own_numbers=[OURS]).on_any(ran.append)
    assert receiver.respond(raw).status == 200
    assert len(ran) == 1


class CountingDict(dict[str, Any]):
    """A dict that counts the keys iterated over (the own-number check's scans for camelCase spellings)."""

    visits = 0

    def __iter__(self) -> Iterator[str]:
        for key in super().__iter__():
            CountingDict.visits += 1
            yield key


def test_the_own_number_check_reads_the_keys_once() -> None:
    keys = 100_000
    data = CountingDict({f"k{i}": i for i in range(keys)})
    data["toNumber"] = OURS  # found only by a scan: no `to_number`, no `direction`, no `from_number`
    event = WebhookEvent(topic=WebhookTopic.SMS_RECEIVED, data=data, raw={})
    CountingDict.visits = 0
    WebhookReceiver(own_numbers=[OURS]).check_own_number(event)
    assert CountingDict.visits <= keys + 1  # one pass; was one per missing field (3 here, 8.1 s at 400,000 keys)


# -- construction -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tolerance", [float("nan"), float("inf"), -float("inf"), -1, "300", True, None])
def test_a_tolerance_that_would_switch_the_timestamp_check_off_is_refused(tolerance: Any) -> None:
    with pytest.raises(InvalidParameterError, match="tolerance"):
        WebhookReceiver(secret=SECRET, tolerance=tolerance)


def test_a_receiver_without_a_secret_says_once_that_signatures_are_off(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="withallo.webhooks"):
        receiver = WebhookReceiver()
        receiver.respond(body("PING"))
        receiver.respond(body("PING"))
        WebhookReceiver(secret=SECRET)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "NOT checked" in r.getMessage()]
    assert len(warnings) == 1
    assert "secret=" in warnings[0].getMessage()
