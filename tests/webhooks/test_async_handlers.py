"""`async def` handlers: refused when registered, and a handler returning an awaitable anyway fails the delivery.

Before, an async handler was called, its coroutine dropped, and the delivery answered ``{"ok": true}``: the event was
lost with only a "coroutine ... was never awaited" RuntimeWarning.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import inspect
import logging
import warnings
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidParameterError
from withallo_ext.webhooks import MemoryDedupeStore

SMS = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1"}}'
RAN: list[str] = []  # what the async bodies below did, were they ever run


@pytest.fixture(autouse=True)
def nothing_ran_yet() -> Iterator[None]:
    RAN.clear()
    yield
    RAN.clear()


async def save_sms(event: WebhookEvent) -> None:
    RAN.append(f"save_sms {event.get('id')}")


def record_sync(event: WebhookEvent, label: str = "sync") -> None:
    RAN.append(f"{label} {event.get('id')}")


class AsyncCallable:
    async def __call__(self, event: WebhookEvent) -> None:
        RAN.append("AsyncCallable")


class SyncCallable:
    def __call__(self, event: WebhookEvent) -> None:
        RAN.append(f"SyncCallable {event.get('id')}")


class Service:
    async def on_sms(self, event: WebhookEvent) -> None:
        RAN.append("Service.on_sms")


ASYNC_HANDLERS: dict[str, tuple[Callable[[WebhookEvent], Any], str]] = {
    "async def": (save_sms, "test_async_handlers.save_sms is async"),
    "partial": (functools.partial(save_sms), "test_async_handlers.save_sms is async"),
    "partial of partial": (functools.partial(functools.partial(save_sms)), "test_async_handlers.save_sms is async"),
    "async __call__": (AsyncCallable(), "test_async_handlers.AsyncCallable object is async"),
    "async method": (Service().on_sms, "test_async_handlers.Service.on_sms is async"),
}


REGISTRATIONS: dict[str, Callable[[WebhookReceiver, Callable[[WebhookEvent], Any]], object]] = {
    "on": lambda receiver, handler: receiver.on(WebhookTopic.SMS_RECEIVED, handler),
    "on_any": lambda receiver, handler: receiver.on_any(handler),
    "decorator": lambda receiver, handler: receiver.on(WebhookTopic.SMS_RECEIVED)(handler),
    "on_any decorator": lambda receiver, handler: receiver.on_any()(handler),
}


@pytest.mark.parametrize("kind", sorted(ASYNC_HANDLERS))
@pytest.mark.parametrize("how", sorted(REGISTRATIONS))
def test_an_async_handler_is_refused_when_registered_naming_it(kind: str, how: str) -> None:
    handler, named = ASYNC_HANDLERS[kind]
    receiver = WebhookReceiver().on(WebhookTopic.SMS_RECEIVED, record_sync)
    with pytest.raises(InvalidParameterError) as caught:
        REGISTRATIONS[how](receiver, handler)
    assert caught.value.field == "handler"
    assert named in str(caught.value)
    assert "handlers run synchronously: write `def`" in str(caught.value)
    assert receiver.dispatch(receiver.parse(SMS)) == 1  # only the sync one was registered
    assert RAN == ["sync sms-1"]


def test_the_handler_is_checked_before_the_topic() -> None:
    with pytest.raises(InvalidParameterError, match="save_sms is async"):
        WebhookReceiver().on("NOT_A_TOPIC", save_sms)


def test_sync_callables_of_every_shape_still_register_and_run() -> None:
    seen: list[WebhookEvent] = []
    receiver = (
        WebhookReceiver()
        .on(WebhookTopic.SMS_RECEIVED, functools.partial(record_sync, label="partial"))
        .on(WebhookTopic.SMS_RECEIVED, SyncCallable())
        .on_any(seen.append)  # a builtin method
        .on_any(lambda event: event.get("id"))  # returns a value: fine, it is not awaitable
    )
    assert receiver.respond(SMS).body == {"ok": True}
    assert RAN == ["partial sms-1", "SyncCallable sms-1"]
    assert [event.get("id") for event in seen] == ["sms-1"]


def test_a_non_callable_is_still_refused() -> None:
    with pytest.raises(InvalidParameterError, match="handler: must be callable, got str"):
        WebhookReceiver().on_any("save_sms")  # type: ignore[call-overload]


def never_awaited_warnings(action: Callable[[], object]) -> list[str]:
    """The RuntimeWarnings `action` leaves, the garbage collector's included (a dropped coroutine warns when it is
    finalised, where an `error` filter cannot turn the warning into an exception, so they are recorded)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        action()
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


def test_the_warning_check_sees_a_dropped_coroutine() -> None:
    """The harness of the next tests is sound: a coroutine made and dropped (what dispatch did before) is seen."""
    event = WebhookReceiver().parse(SMS)
    warned = never_awaited_warnings(lambda: save_sms(event))
    assert warned == ["coroutine 'save_sms' was never awaited"]


def test_a_handler_returning_a_coroutine_is_a_failure_not_ok_and_nothing_leaks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = MemoryDedupeStore()
    receiver = WebhookReceiver(dedupe=store).on_any(lambda event: save_sms(event)).on_any(record_sync)
    responses = []
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="withallo.webhooks"):
        assert never_awaited_warnings(lambda: responses.append(receiver.respond(SMS))) == []
    (response,) = responses
    assert (response.status, response.body) == (200, {"ok": False, "error": "handler_failed"})
    assert isinstance(response.error, InvalidParameterError)
    assert "<lambda> returned coroutine (an awaitable), which was not run" in str(response.error)
    assert RAN == []  # neither the coroutine's body nor the later handler ran
    (record,) = caplog.records
    line = record.getMessage()
    assert line.startswith("Webhook handler failed for SMS_RECEIVED sha256:")
    assert "InvalidParameterError: handler: tests.webhooks.test_async_handlers.test_a_handler_returning" in line
    assert "returned coroutine (an awaitable), which was not run; handlers run synchronously" in line
    # the claim was released, as for a raising handler: the same delivery is not skipped as a duplicate
    assert receiver.respond(SMS).body == {"ok": False, "error": "handler_failed"}


def test_dispatch_raises_for_a_handler_returning_a_coroutine() -> None:
    coroutines: list[Coroutine[Any, Any, None]] = []

    def sync_wrapper(event: WebhookEvent) -> Coroutine[Any, Any, None]:
        coroutines.append(save_sms(event))
        return coroutines[-1]

    receiver = WebhookReceiver().on_any(sync_wrapper)
    event = receiver.parse(SMS)
    with pytest.raises(InvalidParameterError, match=r"sync_wrapper returned coroutine \(an awaitable\)"):
        receiver.dispatch(event)
    (coroutine,) = coroutines
    assert inspect.getcoroutinestate(coroutine) == inspect.CORO_CLOSED  # closed, never started: it can never run
    with pytest.raises(RuntimeError, match="cannot reuse already awaited coroutine"):
        coroutine.send(None)
    assert RAN == []


def test_a_future_returned_is_cancelled_and_a_failure() -> None:
    loop = asyncio.new_event_loop()
    try:
        future: asyncio.Future[None] = loop.create_future()
        receiver = WebhookReceiver().on_any(lambda event: future)
        response = receiver.respond(SMS)
        assert response.body == {"ok": False, "error": "handler_failed"}
        assert "returned Future (an awaitable)" in str(response.error)
        assert future.cancelled()
    finally:
        loop.close()
