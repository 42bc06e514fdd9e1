"""Receive Allo webhooks: `WebhookReceiver` registers handlers, parses and checks a delivery, dispatches it, and says
what the endpoint should answer.

No network and no web framework here: an endpoint hands over the raw body (and headers) and returns what
`WebhookReceiver.respond` says. Every hardening step (signature, own-number allowlist, dedupe) is off by default.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Self, TypeVar, overload

from withallo_client.models.webhook_topic import WebhookTopic

from .._sanitize import shown
from ..errors import (
    DedupeStoreError,
    InvalidParameterError,
    WebhookNumberNotAllowedError,
)
from ._claims import DeliveryClaims
from ._dedupe import ClaimState, DedupeStore
from ._envelope import body_and_text, read_event
from ._event import WebhookEvent
from ._handlers import Handler, arun_handlers, checked_handler, refuse_if_async, run_handlers
from ._own_numbers import OwnNumbersSource, allo_side_fields, allowed_numbers, normalise_number
from ._response import WebhookResponse, admit, handler_failed, named
from ._secrets import webhook_secret_keys
from ._signature import DEFAULT_TOLERANCE, Secret, verify_with_keys

__all__ = ["WebhookReceiver"]

logger = logging.getLogger("withallo.webhooks")

_H = TypeVar("_H", bound=Handler)


class WebhookReceiver:
    """Parses deliveries and runs the handlers registered for their topic, in registration order.

    Options (all off by default):
      accept_unknown_topics: hand a topic this version does not know to catch-all handlers instead of rejecting it,
        so a new topic from Allo does not turn into a delivery replayed forever.
      secret: verify the Standard Webhooks signature (`whsec_...`; several during a rotation) before parsing;
        `tolerance` seconds either way for the timestamp. A secret that is not `whsec_` + base64 of 24 to 64 bytes
        is refused here (InvalidParameterError); `generate_webhook_secret()` makes a valid one for tests.
      own_numbers: the account's Allo numbers; an event whose Allo-side number is not among them is refused with
        WebhookNumberNotAllowedError. Either a collection (`fetch_own_numbers`, fetched once: a number bought later
        is refused until you set the list again) or a callable returning the current numbers, called per event:
        `OwnNumbers(client)` re-fetches them every few minutes.
      dedupe: a `MemoryDedupeStore` or `RedisDedupeStore` (`withallo_ext.webhooks`); an event's handlers then run once
        per delivery id: a `webhook-id` for the store's ttl, a body digest (no `webhook-id`) for `BODY_HASH_TTL`.
      async_handlers: accept `async def` handlers too; deliveries are then handled with `await arespond(...)` or
        `await adispatch(event)` only (the sync `respond`, `dispatch` and `handle` raise InvalidParameterError).
    """

    def __init__(
        self,
        *,
        accept_unknown_topics: bool = False,
        secret: Secret | Sequence[Secret] | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        own_numbers: OwnNumbersSource | None = None,
        dedupe: DedupeStore | None = None,
        async_handlers: bool = False,
    ) -> None:
        if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or not 0 <= tolerance < math.inf:
            # NaN compares false with everything: it would turn the timestamp check off without a word
            raise InvalidParameterError("tolerance", "must be a finite number of seconds >= 0")
        if dedupe is not None and not isinstance(dedupe, DedupeStore):
            raise InvalidParameterError("dedupe", "must have claim(key) and release(key) methods")
        self.accept_unknown_topics = accept_unknown_topics
        self.async_handlers = async_handlers
        self._keys = webhook_secret_keys(secret) if secret is not None else None  # whsec_ + 24..64 bytes
        if secret is None:  # once per receiver: e.g. secret=os.environ.get(...) with the variable unset
            logger.warning(
                "WebhookReceiver built without a secret: webhook signatures are NOT checked, so anyone who can "
                "reach the endpoint can post events (pass secret='whsec_...' to check them)"
            )
        self.tolerance = tolerance
        self.own_numbers = own_numbers
        self.dedupe = dedupe
        self._handlers: list[tuple[WebhookTopic | None, Handler]] = []

    @property
    def own_numbers(self) -> frozenset[str] | None:
        """The Allo-side numbers allowed now (spaces, dashes, dots and brackets removed), or None when not checked.

        When `own_numbers` was given as a callable, it is called for them.
        """
        if self._own_numbers_source is not None:
            return allowed_numbers(self._own_numbers_source(), "own_numbers()")
        return self._own_numbers

    @own_numbers.setter
    def own_numbers(self, numbers: OwnNumbersSource | None) -> None:
        self._own_numbers_source: Callable[[], Iterable[str]] | None = None
        self._own_numbers: frozenset[str] | None = None
        if callable(numbers):
            self._own_numbers_source = numbers
        elif numbers is not None:
            self._own_numbers = allowed_numbers(numbers, "own_numbers")

    @property
    def dedupe(self) -> DedupeStore | None:
        """The dedupe store, or None when every delivery runs the handlers."""
        return self._dedupe

    @dedupe.setter
    def dedupe(self, store: DedupeStore | None) -> None:
        self._dedupe = store
        self._claims = DeliveryClaims(store)

    # registration

    @overload
    def on(self, topic: WebhookTopic | str, handler: Handler) -> Self: ...
    @overload
    def on(self, topic: WebhookTopic | str, handler: None = None) -> Callable[[_H], _H]: ...
    def on(self, topic: WebhookTopic | str, handler: Handler | None = None) -> Self | Callable[[_H], _H]:
        """Run `handler(event)` for each event of `topic`. Chainable; ``@receiver.on(topic)`` as a decorator.

        Handlers are plain functions: an `async def` one (or a partial of one, or an object with an async `__call__`)
        is refused with InvalidParameterError, checked before the topic, since it would never run; unless the
        receiver was built with `async_handlers=True` (then `arespond` awaits it).
        """
        if handler is not None:
            checked_handler(handler, self.async_handlers)
        key = self._checked_topic(topic)
        return self._register(key, handler)

    @overload
    def on_any(self, handler: Handler) -> Self: ...
    @overload
    def on_any(self, handler: None = None) -> Callable[[_H], _H]: ...
    def on_any(self, handler: Handler | None = None) -> Self | Callable[[_H], _H]:
        """Run `handler(event)` for every event, unknown topics included. Chainable; ``@receiver.on_any()``.
        An `async def` handler is refused, as by `on`."""
        return self._register(None, handler)

    def _register(self, topic: WebhookTopic | None, handler: Handler | None) -> Self | Callable[[_H], _H]:
        if handler is None:

            def decorator(func: _H) -> _H:
                self._register(topic, func)
                return func

            return decorator
        self._handlers.append((topic, checked_handler(handler, self.async_handlers)))  # async def only if allowed
        return self

    def _checked_topic(self, topic: WebhookTopic | str) -> WebhookTopic:
        if not isinstance(topic, str) or not topic:
            raise InvalidParameterError("topic", "must be a WebhookTopic or a non-empty string")
        member = WebhookTopic(topic)
        if not member.is_known and not self.accept_unknown_topics:
            raise InvalidParameterError(
                "topic", f"{topic!r} is not a known topic (build the receiver with accept_unknown_topics=True)"
            )
        return member

    # parsing

    def parse(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookEvent:
        """The event in a raw body (bytes or str), checked in the order the PHP SDK checks it.

        InvalidWebhookPayloadError: "Webhook body is empty.", "Webhook body is not valid JSON." (invalid UTF-8 too),
        "Webhook body is not a JSON object.", "Webhook payload is missing the `topic` field.", "Webhook payload is
        missing the `data` object.", "Unknown webhook topic: X". With a secret, WebhookSignatureError comes first.
        """
        body, text = body_and_text(raw)
        header_map = {name.lower(): value for name, value in (headers or {}).items()}
        if self._keys is not None:
            verify_with_keys(body, header_map, self._keys, self.tolerance)
        return read_event(body, text, header_map.get("webhook-id"), self.accept_unknown_topics)

    # dispatch

    def dispatch(self, event: WebhookEvent) -> int:
        """Run the handlers for `event`; returns how many ran (0 for a repeat skipped by dedupe).

        Raises WebhookNumberNotAllowedError before any handler when `own_numbers` is set and the event is not for
        one of them, DedupeStoreError when the store fails or another worker is handling the delivery now (both
        want a replay), and whatever a handler raises (the later ones do not run; the dedupe claim is released, so a
        replay runs again). A handler that returns an awaitable (a lambda returning a coroutine) counts as raising
        InvalidParameterError; the awaitable is closed, never run.
        """
        refuse_if_async(self.async_handlers, "dispatch")
        if not self._checked_and_claimed_or_raise(event):
            return 0
        return self._run_claimed(event)

    async def adispatch(self, event: WebhookEvent) -> int:
        """`dispatch`, awaiting what a handler returns (an `async def` handler's coroutine); a sync handler is called
        on the event loop, as are the dedupe store and an `own_numbers` callable: keep them quick."""
        if not self._checked_and_claimed_or_raise(event):
            return 0
        return await self._arun_claimed(event)

    def _checked_and_claimed_or_raise(self, event: WebhookEvent) -> bool:
        """True: run the handlers; False: a repeat; DedupeStoreError: another worker holds it (replay wanted)."""
        state = self._checked_and_claimed(event)
        if state == "in_progress":
            raise DedupeStoreError(
                f"Webhook {named(event)} is being handled by another worker (its claim is less than the store's "
                "lease old); not run: answer non-2xx so that Allo replays it"
            )
        return state == "claimed"

    def handle(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookEvent:
        """`parse` then `dispatch`; returns the event."""
        refuse_if_async(self.async_handlers, "handle")
        event = self.parse(raw, headers)
        self.dispatch(event)
        return event

    def check_own_number(self, event: WebhookEvent) -> None:
        """WebhookNumberNotAllowedError unless `own_numbers` is off or the event's Allo-side number is one of them.

        `respond` answers a refusal with 403, which Allo replays. That is right for a forged request or a misrouted
        webhook; a genuine delivery for a number bought after the list was fetched passes on a replay once the list
        is refreshed (`OwnNumbers` does it every few minutes), so nothing of ours is lost.

        The Allo-side number is `to` (calls) / `to_number` (SMS) for an INBOUND event and `from_number` for an
        OUTBOUND one; when the direction is missing or new, either may match. Contact and ping events name no Allo
        number and pass. An unknown topic (with `accept_unknown_topics`) that has any of `to`, `to_number`,
        `from_number` must have one of ours among them. camelCase spellings (`toNumber`, `fromNumber`) count when
        the snake_case key is absent. The data's keys are read at most once, however many fields are missing.
        """
        if self._own_numbers is None and self._own_numbers_source is None:
            return
        fields = allo_side_fields(event)
        if fields is None:
            return
        allowed = self.own_numbers
        if allowed is None:
            return
        present = [(name, fields[name]) for name in fields]
        if any(isinstance(value, str) and normalise_number(value) in allowed for _, value in present):
            return
        values = ", ".join(f"`{name}`={shown(repr(value), 40)}" for name, value in present)
        raise WebhookNumberNotAllowedError(
            f"{shown(event.topic, 100)} event for a number that is not one of ours ({values})."
        )

    def _run_claimed(self, event: WebhookEvent) -> int:
        try:
            count = run_handlers(self._handlers, event)  # an awaitable returned is closed, then a failure
        except BaseException:
            self._claims.release(event)
            raise
        self._claims.finish(event)
        return count

    async def _arun_claimed(self, event: WebhookEvent) -> int:
        try:
            count = await arun_handlers(self._handlers, event)
        except BaseException:  # a cancelled task too: the claim is released, so a replay runs again
            self._claims.release(event)
            raise
        self._claims.finish(event)
        return count

    # the endpoint in one call

    def respond(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookResponse:
        """Parse, check and dispatch one delivery, and say what to answer (see WebhookResponse). Never raises for
        anything the request or a handler did (failures are logged on the ``withallo.webhooks`` logger); raises
        InvalidParameterError at once on a receiver built with `async_handlers=True` (use `arespond`)."""
        refuse_if_async(self.async_handlers, "respond")
        admitted = admit(lambda: self.parse(raw, headers), self._checked_and_claimed)
        if isinstance(admitted, WebhookResponse):
            return admitted
        try:
            self._run_claimed(admitted)
        except Exception as exc:
            return handler_failed(admitted, exc)
        return WebhookResponse(200, {"ok": True}, event=admitted)

    async def arespond(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookResponse:
        """`respond`, awaiting async handlers (see `adispatch`): the same answers for the same outcomes."""
        admitted = admit(lambda: self.parse(raw, headers), self._checked_and_claimed)
        if isinstance(admitted, WebhookResponse):
            return admitted
        try:
            await self._arun_claimed(admitted)
        except Exception as exc:
            return handler_failed(admitted, exc)
        return WebhookResponse(200, {"ok": True}, event=admitted)

    def _checked_and_claimed(self, event: WebhookEvent) -> ClaimState:
        self.check_own_number(event)
        return self._claims.claim(event)
