"""`WebhookReceiver(async_handlers=True)`: `async def` handlers accepted, awaited by `adispatch` / `arespond`, which
answer exactly as `dispatch` / `respond` do; the sync entry points refuse such a receiver."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import Any

import anyio
import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import DedupeStoreError, InvalidParameterError
from withallo_ext.webhooks import MemoryDedupeStore

from .conftest import SECRET, signed_headers

SMS = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "direction": "INBOUND", "to_number": "+14155550123"}}'
CALL = b'{"topic": "CALL_RECEIVED", "data": {"id": "call-1"}}'


class Log:
    """Handlers of every shape that record what ran; `boom` in an event's id makes the async one raise."""

    def __init__(self) -> None:
        self.ran: list[str] = []

    async def async_handler(self, event: WebhookEvent, label: str = "async") -> None:
        await asyncio.sleep(0)  # really suspends: awaited, not merely called
        if "boom" in str(event.get("id")):
            raise RuntimeError("our own async bug")
        self.ran.append(f"{label} {event.get('id')}")

    def sync_handler(self, event: WebhookEvent) -> None:
        self.ran.append(f"sync {event.get('id')}")

    async def __call__(self, event: WebhookEvent) -> None:
        self.ran.append(f"__call__ {event.get('id')}")


def receiver_with(log: Log, **options: Any) -> WebhookReceiver:
    return (
        WebhookReceiver(async_handlers=True, **options)
        .on(WebhookTopic.SMS_RECEIVED, log.async_handler)
        .on(WebhookTopic.SMS_RECEIVED, log.sync_handler)
        .on_any(functools.partial(log.async_handler, label="partial"))
        .on_any(log)
    )


def test_adispatch_awaits_async_handlers_and_calls_sync_ones_in_registration_order() -> None:
    log = Log()
    receiver = receiver_with(log)
    assert anyio.run(receiver.adispatch, receiver.parse(SMS)) == 4
    assert log.ran == ["async sms-1", "sync sms-1", "partial sms-1", "__call__ sms-1"]
    assert anyio.run(receiver.adispatch, receiver.parse(CALL)) == 2
    assert log.ran[4:] == ["partial call-1", "__call__ call-1"]


def test_the_decorator_form_accepts_async_def_on_such_a_receiver() -> None:
    receiver = WebhookReceiver(async_handlers=True)
    seen: list[str] = []

    @receiver.on(WebhookTopic.CALL_RECEIVED)
    async def on_call(event: WebhookEvent) -> None:
        seen.append(str(event.get("id")))

    assert on_call.__name__ == "on_call"
    assert anyio.run(receiver.arespond, CALL).body == {"ok": True}
    assert seen == ["call-1"]


# (case, receiver options, body, headers) -> the same answer from respond (sync handlers) and arespond (async ones)
CASES: list[tuple[str, dict[str, Any], bytes, dict[str, str] | None]] = [
    ("handled", {}, SMS, None),
    ("invalid payload", {}, b"{oops", None),
    ("bad signature", {"secret": SECRET}, SMS, {"webhook-id": "m", "webhook-timestamp": "1", "webhook-signature": "x"}),
    ("signed", {"secret": SECRET}, SMS, signed_headers(SMS)),
    ("not our number", {"own_numbers": ["+33188833451"]}, SMS, None),
    ("own_numbers failing", {"own_numbers": lambda: 1 / 0}, SMS, None),
    ("handler failed", {}, SMS.replace(b"sms-1", b"boom"), None),
]


@pytest.mark.parametrize(("case", "options", "body", "headers"), CASES, ids=[case[0] for case in CASES])
def test_arespond_answers_as_respond_does(
    case: str, options: dict[str, Any], body: bytes, headers: dict[str, str] | None
) -> None:
    def sync_boom(event: WebhookEvent) -> None:
        if "boom" in str(event.get("id")):
            raise RuntimeError("our own sync bug")

    sync = WebhookReceiver(**options).on_any(sync_boom)
    log = Log()
    asynchronous = WebhookReceiver(async_handlers=True, **options).on_any(log.async_handler)

    expected = sync.respond(body, headers)
    got = anyio.run(asynchronous.arespond, body, headers)
    assert (got.status, got.body) == (expected.status, expected.body)
    assert type(got.error) is type(expected.error)
    assert log.ran == (["async sms-1"] if expected.body == {"ok": True} else [])


def test_a_failing_async_handler_is_logged_releases_the_claim_and_a_repeat_is_a_duplicate(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = Log()
    store = MemoryDedupeStore()
    receiver = WebhookReceiver(async_handlers=True, dedupe=store).on_any(log.async_handler)
    boom = SMS.replace(b"sms-1", b"boom")
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="withallo.webhooks"):
        failed = anyio.run(receiver.arespond, boom, signed_headers(boom, msg_id="msg_boom"))
    assert failed.body == {"ok": False, "error": "handler_failed"}
    (record,) = caplog.records
    assert "RuntimeError: our own async bug" in record.getMessage()
    assert store.claim("msg_boom")  # released: a replay would run again

    delivery = signed_headers(SMS, msg_id="msg_ok")
    assert anyio.run(receiver.arespond, SMS, delivery).body == {"ok": True}
    assert anyio.run(receiver.arespond, SMS, delivery).body == {"ok": True, "duplicate": True}
    assert log.ran == ["async sms-1"]


def test_a_cancelled_delivery_releases_its_dedupe_claim() -> None:
    store = MemoryDedupeStore()
    started = asyncio.Event()

    async def slow(event: WebhookEvent) -> None:
        started.set()
        await asyncio.sleep(3600)

    receiver = WebhookReceiver(async_handlers=True, dedupe=store).on_any(slow)

    async def deliver_then_cancel() -> None:
        task = asyncio.create_task(receiver.arespond(SMS, {"webhook-id": "msg_slow"}))
        await asyncio.wait_for(started.wait(), 30)  # a bound only so a regression fails rather than hangs
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(deliver_then_cancel())
    assert store.claim("msg_slow")  # the claim was released, so Allo's replay runs the handlers


SYNC_ENTRY_POINTS: dict[str, Callable[[WebhookReceiver], object]] = {
    "respond": lambda receiver: receiver.respond(SMS),
    "dispatch": lambda receiver: receiver.dispatch(receiver.parse(SMS)),
    "handle": lambda receiver: receiver.handle(SMS),
}


@pytest.mark.parametrize("method", sorted(SYNC_ENTRY_POINTS))
def test_the_sync_entry_points_refuse_a_receiver_with_async_handlers(method: str) -> None:
    log = Log()
    store = MemoryDedupeStore()
    receiver = WebhookReceiver(async_handlers=True, dedupe=store).on_any(log.async_handler).on_any(log.sync_handler)
    with pytest.raises(InvalidParameterError, match=rf"^{method}: this receiver has async_handlers=True: await"):
        SYNC_ENTRY_POINTS[method](receiver)
    assert log.ran == []
    assert store.claim(receiver.parse(SMS).delivery_id or "")  # nothing was claimed either


def test_arespond_awaits_what_a_handler_returns_on_a_default_receiver_too() -> None:
    """Without async_handlers an `async def` is refused at registration, but arespond awaits what a lambda returns
    (where respond fails the delivery): nothing is lost either way."""
    log = Log()
    receiver = WebhookReceiver().on_any(lambda event: log.async_handler(event))
    assert anyio.run(receiver.arespond, SMS).body == {"ok": True}
    assert log.ran == ["async sms-1"]


def test_a_delivery_another_worker_holds_gets_503_from_arespond_and_raises_in_adispatch() -> None:
    """The two-phase claim holds for the async entry points too: held elsewhere is a replay, not ok, not run."""
    store = MemoryDedupeStore()
    log = Log()
    receiver = WebhookReceiver(secret=SECRET, dedupe=store, async_handlers=True).on_any(log.async_handler)
    assert store.begin("msg_held") == "claimed"  # another worker's claim, still in progress
    answer = anyio.run(receiver.arespond, SMS, signed_headers(SMS, msg_id="msg_held"))
    assert (answer.status, answer.body) == (503, {"ok": False, "error": "in_progress"})
    event = receiver.parse(SMS, signed_headers(SMS, msg_id="msg_held"))
    with pytest.raises(DedupeStoreError, match="being handled by another worker"):
        anyio.run(receiver.adispatch, event)
    assert log.ran == []
    store.finish("msg_held")  # that worker is done: a replay is a duplicate
    answer = anyio.run(receiver.arespond, SMS, signed_headers(SMS, msg_id="msg_held"))
    assert (answer.status, answer.body) == (200, {"ok": True, "duplicate": True})
    assert log.ran == []
