"""on / on_any / dispatch / handle, and the dot-path reader."""

from __future__ import annotations

from typing import Any

import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic

CALL = b'{"topic": "CALL_RECEIVED", "data": {"id": "call-1"}}'
SMS = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1"}}'


def test_handlers_run_in_registration_order_and_dispatch_counts_them() -> None:
    ran: list[str] = []
    receiver = WebhookReceiver()
    returned = (
        receiver.on(WebhookTopic.CALL_RECEIVED, lambda e: ran.append("call 1"))
        .on(WebhookTopic.SMS_RECEIVED, lambda e: ran.append("sms"))
        .on("CALL_RECEIVED", lambda e: ran.append("call 2"))
    )
    assert returned is receiver

    assert receiver.dispatch(receiver.parse(CALL)) == 2
    assert ran == ["call 1", "call 2"]
    assert receiver.dispatch(receiver.parse(SMS)) == 1
    assert ran == ["call 1", "call 2", "sms"]


def test_no_handler_means_zero() -> None:
    receiver = WebhookReceiver().on(WebhookTopic.SMS_RECEIVED, lambda e: None)
    assert receiver.dispatch(receiver.parse(CALL)) == 0


def test_decorator_form_registers_and_returns_the_function() -> None:
    receiver = WebhookReceiver()
    seen: list[str] = []

    @receiver.on(WebhookTopic.CALL_RECEIVED)
    def on_call(event: WebhookEvent) -> None:
        seen.append(event.get("id"))

    @receiver.on_any()
    def on_everything(event: WebhookEvent) -> None:
        seen.append(f"any {event.topic}")

    assert callable(on_call)
    assert on_call.__name__ == "on_call"
    assert on_everything.__name__ == "on_everything"
    assert receiver.dispatch(receiver.parse(CALL)) == 2
    assert seen == ["call-1", "any CALL_RECEIVED"]


def test_catch_all_runs_for_every_topic_in_registration_order() -> None:
    ran: list[str] = []
    receiver = (
        WebhookReceiver()
        .on_any(lambda e: ran.append(f"any-1 {e.topic}"))
        .on(WebhookTopic.SMS_RECEIVED, lambda e: ran.append("sms"))
        .on_any(lambda e: ran.append(f"any-2 {e.topic}"))
    )
    assert receiver.dispatch(receiver.parse(SMS)) == 3
    assert receiver.dispatch(receiver.parse(CALL)) == 2
    assert ran == ["any-1 SMS_RECEIVED", "sms", "any-2 SMS_RECEIVED", "any-1 CALL_RECEIVED", "any-2 CALL_RECEIVED"]


def test_unknown_topics_reach_catch_alls_and_their_own_handlers() -> None:
    ran: list[str] = []
    receiver = (
        WebhookReceiver(accept_unknown_topics=True)
        .on(WebhookTopic.CALL_RECEIVED, lambda e: ran.append("call"))
        .on("CALL_MISSED", lambda e: ran.append("missed"))
        .on_any(lambda e: ran.append(f"any {e.topic}"))
    )
    event = receiver.handle(b'{"topic": "CALL_MISSED", "data": {"id": "c-9"}}')
    assert event.topic == "CALL_MISSED"
    assert ran == ["missed", "any CALL_MISSED"]


def test_handle_is_parse_then_dispatch_and_returns_the_event() -> None:
    got: list[WebhookEvent] = []
    receiver = WebhookReceiver().on(WebhookTopic.CALL_RECEIVED, got.append)
    event = receiver.handle(CALL)
    assert got == [event]
    assert event.topic is WebhookTopic.CALL_RECEIVED
    assert event.data == {"id": "call-1"}


def test_a_failing_handler_stops_the_later_ones_and_propagates() -> None:
    ran: list[str] = []

    def boom(event: WebhookEvent) -> None:
        raise RuntimeError("our bug")

    receiver = WebhookReceiver().on_any(lambda e: ran.append("first")).on_any(boom).on_any(lambda e: ran.append("x"))
    with pytest.raises(RuntimeError, match="our bug"):
        receiver.handle(CALL)
    assert ran == ["first"]


DATA: dict[str, Any] = {
    "id": "call-1",
    "from_name": None,
    "transfer_to": {"number": "+14155550142", "user": {"email": "sam@acme.example"}},
    "transcriptions": [{"text": "hello"}, {"text": "bye"}],
    "length": "2m",
    "1": "numeric key",
}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("id", "call-1"),
        ("transfer_to.number", "+14155550142"),
        ("transfer_to.user.email", "sam@acme.example"),
        ("transfer_to", DATA["transfer_to"]),
        ("transcriptions.1.text", "bye"),
        ("1", "numeric key"),
        ("from_name", None),  # a JSON null is a value, not a miss (PHP's array_key_exists)
        ("missing", "default"),
        ("transfer_to.missing", "default"),
        ("transfer_to.number.more", "default"),  # parent is a string
        ("length.0", "default"),
        ("transcriptions.2.text", "default"),
        ("transcriptions.-1.text", "default"),
        ("transcriptions.01.text", "default"),
        ("transcriptions.x", "default"),
        ("", "default"),
        ("transfer_to.", "default"),
    ],
)
def test_get_reads_a_dot_path(path: str, expected: Any) -> None:
    event = WebhookEvent(topic=WebhookTopic.CALL_RECEIVED, data=DATA, raw={"topic": "CALL_RECEIVED", "data": DATA})
    assert event.get(path, "default") == expected


def test_get_defaults_to_none() -> None:
    event = WebhookReceiver().parse(CALL)
    assert event.get("nope") is None
