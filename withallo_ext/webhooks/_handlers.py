"""Webhook handlers as callables: which ones a receiver refuses (`async def`), and calling one with its result checked.

`WebhookReceiver.respond` and `dispatch` call a handler and move on. An `async def` handler called that way returns a
coroutine that never runs: the delivery would be acknowledged and the event lost, with only a "coroutine was never
awaited" RuntimeWarning. So a coroutine function is refused when it is registered, and a handler that returns an
awaitable anyway (a lambda returning a coroutine, a sync wrapper around an async function) fails the delivery.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .._sanitize import shown
from ..errors import InvalidParameterError
from ._event import WebhookEvent

if TYPE_CHECKING:
    from withallo_client.models.webhook_topic import WebhookTopic

__all__ = ["Handler", "arun_handlers", "call_handler", "checked_handler", "handler_name", "run_handlers"]

Handler = Callable[[WebhookEvent], object]

_SYNC_ONLY = "handlers run synchronously: write `def`, or start the async work from a plain function"


def handler_name(handler: object) -> str:
    """The handler as a message names it: `module.qualname` (a partial's function's; a callable object's class)."""
    target = _unwrapped(handler)
    name = getattr(target, "__qualname__", None)
    if not isinstance(name, str):  # a callable object: named by its class
        target = type(target)
        name = f"{target.__qualname__} object"
    module = getattr(target, "__module__", None)
    return shown(f"{module}.{name}" if isinstance(module, str) else name, 200)


def is_async_callable(handler: object) -> bool:
    """True for an `async def` function or method, a partial of one, or an object whose `__call__` is one."""
    target = _unwrapped(handler)
    if inspect.iscoroutinefunction(target):
        return True
    if inspect.isroutine(target) or isinstance(target, type):
        return False  # a class is called to build an instance, not through its own __call__
    # the class's __call__ is what `target(event)` runs; B004's callable() cannot tell async from sync
    return inspect.iscoroutinefunction(getattr(type(target), "__call__", None))  # noqa: B004


def _unwrapped(handler: object) -> object:
    """The function a (nested) functools.partial calls; any other handler as it is."""
    while isinstance(handler, functools.partial):
        handler = handler.func
    return handler


def checked_handler(handler: object, async_allowed: bool = False) -> Handler:
    """`handler` when it can be a handler; InvalidParameterError when it is not callable or is a coroutine function
    (unless `async_allowed`: the receiver awaits handlers)."""
    if not callable(handler):
        raise InvalidParameterError("handler", f"must be callable, got {type(handler).__name__}")
    if not async_allowed and is_async_callable(handler):
        raise InvalidParameterError(
            "handler", f"{handler_name(handler)} is async (`async def`), so it would never run; {_SYNC_ONLY}"
        )
    return handler


def refuse_if_async(async_handlers: bool, method: str) -> None:
    """A receiver built with `async_handlers=True` is driven by its async methods only: `method` is refused."""
    if async_handlers:
        raise InvalidParameterError(
            method, "this receiver has async_handlers=True: await adispatch(event) or arespond(raw, headers)"
        )


def run_handlers(handlers: Sequence[tuple[WebhookTopic | None, Handler]], event: WebhookEvent) -> int:
    """Call the handlers registered for the event's topic (None: every topic) in order; how many ran."""
    count = 0
    for topic, handler in handlers:
        if topic is None or topic == event.topic:
            call_handler(handler, event)
            count += 1
    return count


async def arun_handlers(handlers: Sequence[tuple[WebhookTopic | None, Handler]], event: WebhookEvent) -> int:
    """`run_handlers`, awaiting what a handler returns."""
    count = 0
    for topic, handler in handlers:
        if topic is None or topic == event.topic:
            await acall_handler(handler, event)
            count += 1
    return count


def call_handler(handler: Handler, event: WebhookEvent) -> None:
    """`handler(event)`; InvalidParameterError when it returns an awaitable, which is closed (or cancelled) first, so
    it neither runs half-observed nor leaves a "never awaited" warning, and the delivery counts as a handler failure."""
    result = handler(event)
    if result is None or not inspect.isawaitable(result):
        return
    kind = type(result).__name__
    _discard(result)
    del result  # not kept alive by the error's traceback (logged records hold it) until someone drops the record
    raise InvalidParameterError(
        "handler", f"{handler_name(handler)} returned {kind} (an awaitable), which was not run; {_SYNC_ONLY}"
    )


async def acall_handler(handler: Handler, event: WebhookEvent) -> None:
    """`handler(event)`, awaited when it returns an awaitable (an `async def` handler)."""
    result = handler(event)
    if result is not None and inspect.isawaitable(result):
        await result


def _discard(awaitable: object) -> None:
    """Close a coroutine (or generator-based awaitable); cancel an asyncio Future or Task, so what it would have run
    does not run after the delivery was answered as failed."""
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()
        return
    cancel = getattr(awaitable, "cancel", None)
    if callable(cancel):
        cancel()
