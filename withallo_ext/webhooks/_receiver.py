"""Receive Allo webhooks: parse and check a delivery, dispatch it to handlers, answer with the right status.

No network and no web framework here: an endpoint hands over the raw body (and headers) and returns what
`WebhookReceiver.respond` says. Every hardening step (signature, own-number allowlist, dedupe) is off by default.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, Self, TypeVar, overload

from withallo_client.models.webhook_topic import WebhookTopic

from .._sanitize import shown
from ..errors import (
    DedupeStoreError,
    InvalidParameterError,
    InvalidWebhookPayloadError,
    WebhookNumberNotAllowedError,
    WebhookSignatureError,
)
from ._dedupe import DedupeStore
from ._delivery_id import DigestOnRead
from ._payload import WebhookPayload, build_payload_model, snake_case
from ._secrets import webhook_secret_keys
from ._signature import DEFAULT_TOLERANCE, Secret, verify_with_keys

__all__ = [
    "OwnNumbers",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookResponse",
    "fetch_own_numbers",
    "fetch_own_numbers_async",
    "verify_path_token",
]

logger = logging.getLogger("withallo.webhooks")

MIN_PATH_TOKEN_LENGTH = 32


@dataclass(frozen=True, eq=False)
class WebhookEvent:
    """One parsed delivery. `data` is the topic's payload, `raw` the whole envelope, both as decoded JSON.

    `delivery_id` is the `webhook-id` header when the delivery had one, else ``sha256:<hex digest of the body>``
    (a replay is byte-identical); it is what dedupe keys on. Events built by hand may leave it None.
    """

    topic: WebhookTopic
    data: dict[str, Any] = field(repr=False)
    raw: dict[str, Any] = field(repr=False)
    delivery_id: str | None = None

    def is_call(self) -> bool:
        """True for CALL_RECEIVED: a call ended; `data` has its summary and transcript (CallReceivedPayload)."""
        return self.topic == WebhookTopic.CALL_RECEIVED

    def is_sms(self) -> bool:
        """True for SMS_RECEIVED and SMS_SENT."""
        return self.topic in (WebhookTopic.SMS_RECEIVED, WebhookTopic.SMS_SENT)

    def is_contact_created(self) -> bool:
        """True for CONTACT_CREATED: `data` is the new contact (ContactPayload)."""
        return self.topic == WebhookTopic.CONTACT_CREATED

    def is_contact_updated(self) -> bool:
        """True for CONTACT_UPDATED: `data` is the contact after the change (ContactPayload)."""
        return self.topic == WebhookTopic.CONTACT_UPDATED

    def get(self, path: str, default: Any = None) -> Any:
        """A value of `data` by dot path (``"transfer_to.number"``, ``"transcriptions.0.text"``), else `default`.

        `default` comes back when a segment is missing or its parent is neither an object nor (for a canonical
        index such as ``0``) an array; a JSON null found at the path is returned as None.
        """
        node: Any = self.data
        for segment in path.split("."):
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            elif isinstance(node, list) and _is_index(segment) and int(segment) < len(node):
                node = node[int(segment)]
            else:
                return default
        return node

    @property
    def model(self) -> WebhookPayload | None:
        """The generated model of `data` (CallReceivedPayload, SmsPayload, ContactPayload or PingPayload).

        Parsed on first access and kept. Unknown fields stay readable (`model.additional_properties`), unknown enum
        values become members with ``is_known == False``, date-times in any ISO 8601 form become datetimes. None for
        a topic this version has no model for; InvalidWebhookPayloadError naming the field when a field has the
        wrong type or a required one is missing.

        camelCase keys (``startDate``, ``fromNumber``, ``transfer_to.userEmail``), seen in one version of Allo's
        guide, fill the snake_case field they spell, at any depth; the snake_case key wins when both are sent.
        `data`, `raw` and `get` keep the keys as received.
        """
        if "_model" not in self.__dict__:  # not functools.cached_property: on 3.11 it takes a lock (~0.4 us)
            self.__dict__["_model"] = build_payload_model(self.topic, self.data)
        model: WebhookPayload | None = self.__dict__["_model"]
        return model


WebhookEvent.delivery_id = DigestOnRead()  # type: ignore[assignment]


def _is_index(segment: str) -> bool:
    return segment.isascii() and segment.isdigit() and segment == str(int(segment))


@dataclass(frozen=True)
class WebhookResponse:
    """What an endpoint should answer: `status` and a small JSON `body`; `event` and `error` for logging or tests.

    ====== ====================================================================================================
    200    handled (``{"ok": true}``), a repeat skipped by dedupe (``"duplicate": true``), or one of *our*
           handlers raised (``{"ok": false, "error": "handler_failed"}``, logged): a non-2xx would make Allo
           replay a delivery that will fail the same way, forever.
    400    invalid payload (``invalid_payload``): empty, not JSON, no topic or data, unknown topic.
    401    signature missing, wrong or out of tolerance (``invalid_signature``), only when a secret is set.
    403    the event's Allo-side number is not one of ours (``number_not_allowed``), only with `own_numbers`.
    503    the dedupe store failed before any handler ran (``dedupe_unavailable``), or an `own_numbers` callable
           raised (``own_numbers_unavailable``): a replay is wanted.
    ====== ====================================================================================================
    """

    status: int
    body: dict[str, Any]
    event: WebhookEvent | None = None
    error: BaseException | None = None


Handler = Callable[[WebhookEvent], object]
OwnNumbersSource = Iterable[str] | Callable[[], Iterable[str]]
"""For `WebhookReceiver(own_numbers=)`: fixed numbers, or a callable returning the current ones (`OwnNumbers`)."""
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
        per delivery id.
    """

    def __init__(
        self,
        *,
        accept_unknown_topics: bool = False,
        secret: Secret | Sequence[Secret] | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        own_numbers: OwnNumbersSource | None = None,
        dedupe: DedupeStore | None = None,
    ) -> None:
        if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or not 0 <= tolerance < math.inf:
            # NaN compares false with everything: it would turn the timestamp check off without a word
            raise InvalidParameterError("tolerance", "must be a finite number of seconds >= 0")
        if dedupe is not None and not isinstance(dedupe, DedupeStore):
            raise InvalidParameterError("dedupe", "must have claim(key) and release(key) methods")
        self.accept_unknown_topics = accept_unknown_topics
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
            return _allowed_numbers(self._own_numbers_source(), "own_numbers()")
        return self._own_numbers

    @own_numbers.setter
    def own_numbers(self, numbers: OwnNumbersSource | None) -> None:
        self._own_numbers_source: Callable[[], Iterable[str]] | None = None
        self._own_numbers: frozenset[str] | None = None
        if callable(numbers):
            self._own_numbers_source = numbers
        elif numbers is not None:
            self._own_numbers = _allowed_numbers(numbers, "own_numbers")

    # registration

    @overload
    def on(self, topic: WebhookTopic | str, handler: Handler) -> Self: ...
    @overload
    def on(self, topic: WebhookTopic | str, handler: None = None) -> Callable[[_H], _H]: ...
    def on(self, topic: WebhookTopic | str, handler: Handler | None = None) -> Self | Callable[[_H], _H]:
        """Run `handler(event)` for each event of `topic`. Chainable; ``@receiver.on(topic)`` as a decorator."""
        key = self._checked_topic(topic)
        return self._register(key, handler)

    @overload
    def on_any(self, handler: Handler) -> Self: ...
    @overload
    def on_any(self, handler: None = None) -> Callable[[_H], _H]: ...
    def on_any(self, handler: Handler | None = None) -> Self | Callable[[_H], _H]:
        """Run `handler(event)` for every event, unknown topics included. Chainable; ``@receiver.on_any()``."""
        return self._register(None, handler)

    def _register(self, topic: WebhookTopic | None, handler: Handler | None) -> Self | Callable[[_H], _H]:
        if handler is None:

            def decorator(func: _H) -> _H:
                self._register(topic, func)
                return func

            return decorator
        if not callable(handler):
            raise InvalidParameterError("handler", f"must be callable, got {type(handler).__name__}")
        self._handlers.append((topic, handler))
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
        body, text = _body_and_text(raw)
        header_map = {name.lower(): value for name, value in (headers or {}).items()}
        if self._keys is not None:
            verify_with_keys(body, header_map, self._keys, self.tolerance)
        envelope = _decode_envelope(body, text)

        topic_value = envelope.get("topic")
        if not isinstance(topic_value, str) or not topic_value:
            raise InvalidWebhookPayloadError("Webhook payload is missing the `topic` field.")
        data = envelope.get("data")
        if not isinstance(data, dict):
            raise InvalidWebhookPayloadError("Webhook payload is missing the `data` object.")
        topic = _TOPICS.get(topic_value) or WebhookTopic(topic_value)  # calling an Enum class is slow (~0.3 us)
        if not topic.is_known and not self.accept_unknown_topics:
            raise InvalidWebhookPayloadError(f"Unknown webhook topic: {shown(topic_value, 100)}")

        event = _new_event(WebhookEvent)  # what the frozen __init__ does, without 4 object.__setattr__ (~0.6 us)
        event.__dict__.update(topic=topic, data=data, raw=envelope)
        webhook_id = header_map.get("webhook-id")
        if isinstance(webhook_id, str) and webhook_id.strip():
            event.__dict__["delivery_id"] = webhook_id.strip()
        else:
            event.__dict__["_body"] = body  # the sha256 delivery_id, computed when read (_delivery_id.py)
        return event

    # dispatch

    def dispatch(self, event: WebhookEvent) -> int:
        """Run the handlers for `event`; returns how many ran (0 for a repeat skipped by dedupe).

        Raises WebhookNumberNotAllowedError before any handler when `own_numbers` is set and the event is not for
        one of them, DedupeStoreError when the store fails, and whatever a handler raises (the later ones do not
        run; the dedupe claim is released, so a replay runs again).
        """
        self.check_own_number(event)
        if not self._claim(event):
            return 0
        return self._run_claimed(event)

    def handle(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookEvent:
        """`parse` then `dispatch`; returns the event."""
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
        fields = _allo_side_fields(event)
        if fields is None:
            return
        allowed = self.own_numbers
        if allowed is None:
            return
        named = [(name, fields[name]) for name in fields]
        if any(isinstance(value, str) and _normalise_number(value) in allowed for _, value in named):
            return
        values = ", ".join(f"`{name}`={shown(repr(value), 40)}" for name, value in named)
        raise WebhookNumberNotAllowedError(
            f"{shown(event.topic, 100)} event for a number that is not one of ours ({values})."
        )

    def _claim(self, event: WebhookEvent) -> bool:
        if self.dedupe is None or event.delivery_id is None:
            return True
        try:
            return self.dedupe.claim(event.delivery_id)
        except DedupeStoreError:
            raise
        except Exception as exc:
            raise DedupeStoreError(f"The dedupe store failed: {type(exc).__name__}: {exc}") from exc

    def _run_claimed(self, event: WebhookEvent) -> int:
        count = 0
        try:
            for topic, handler in self._handlers:
                if topic is None or topic == event.topic:
                    handler(event)
                    count += 1
        except BaseException:
            self._release(event)
            raise
        return count

    def _release(self, event: WebhookEvent) -> None:
        if self.dedupe is None or event.delivery_id is None:
            return
        try:
            self.dedupe.release(event.delivery_id)
        except Exception:
            logger.exception("Could not release dedupe claim %s", shown(event.delivery_id, 100))

    # the endpoint in one call

    def respond(self, raw: bytes | str, headers: Mapping[str, str] | None = None) -> WebhookResponse:
        """Parse, check and dispatch one delivery, and say what to answer (see WebhookResponse). Never raises for
        anything the request or a handler did; failures are logged on the ``withallo.webhooks`` logger."""
        try:
            event = self.parse(raw, headers)
        except WebhookSignatureError as exc:
            logger.warning("Webhook rejected (signature): %s", exc)
            return WebhookResponse(401, {"ok": False, "error": "invalid_signature"}, error=exc)
        except InvalidWebhookPayloadError as exc:
            logger.warning("Webhook rejected (payload): %s", exc)
            return WebhookResponse(400, {"ok": False, "error": "invalid_payload"}, error=exc)
        try:
            self.check_own_number(event)
            claimed = self._claim(event)
        except WebhookNumberNotAllowedError as exc:
            logger.warning("Webhook rejected (number): %s", exc)
            return WebhookResponse(403, {"ok": False, "error": "number_not_allowed"}, event=event, error=exc)
        except DedupeStoreError as exc:
            logger.error("Webhook %s not handled: %s", _named(event), exc)
            return WebhookResponse(503, {"ok": False, "error": "dedupe_unavailable"}, event=event, error=exc)
        except Exception as exc:  # only the own_numbers callable is left to raise here (_claim wraps store errors)
            logger.exception("Webhook %s not handled: own_numbers failed", _named(event))
            return WebhookResponse(503, {"ok": False, "error": "own_numbers_unavailable"}, event=event, error=exc)
        if not claimed:
            logger.info("Webhook %s already handled; skipped", _named(event))
            return WebhookResponse(200, {"ok": True, "duplicate": True}, event=event)
        try:
            self._run_claimed(event)
        except Exception as exc:
            logger.exception("Webhook handler failed for %s", _named(event))
            return WebhookResponse(200, {"ok": False, "error": "handler_failed"}, event=event, error=exc)
        return WebhookResponse(200, {"ok": True}, event=event)


def _named(event: WebhookEvent) -> str:
    """`<topic> <delivery id>` for a log line: both come from the sender, so escaped and bounded."""
    return f"{shown(event.topic, 100)} {shown(event.delivery_id, 100)}"


def _body_and_text(raw: object) -> tuple[bytes, str | None]:
    """The body's bytes (what signatures and digests cover), and its text when it came as str."""
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogatepass"), raw
    if isinstance(raw, bytes | bytearray | memoryview):
        return bytes(raw), None
    raise InvalidWebhookPayloadError(f"Webhook body must be bytes or str, got {type(raw).__name__}.")


_TOPICS, _new_event = {member.value: member for member in WebhookTopic}, object.__new__


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# Built once: json.loads(..., parse_constant=...) builds a new decoder per call (~2.5 µs, 15% of parse() on 2 KB).
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _decode_envelope(body: bytes, text: str | None) -> dict[str, Any]:
    if not body:
        raise InvalidWebhookPayloadError("Webhook body is empty.")
    try:
        # decoded here, not by json.loads: that would also accept UTF-16 and UTF-32. A leading BOM is dropped
        # (as "utf-8-sig" would, whose Python-level codec costs 4x the C one): some senders add one, and JSON
        # parsers may ignore it (RFC 8259 section 8.1).
        decoded = _DECODER.decode((body.decode("utf-8") if text is None else text).removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise InvalidWebhookPayloadError("Webhook body is not valid JSON.") from exc
    if not isinstance(decoded, dict):
        raise InvalidWebhookPayloadError("Webhook body is not a JSON object.")
    return decoded


_NUMBER_PUNCTUATION = re.compile(r"[\s\-.()]")


def _normalise_number(number: str) -> str:
    return _NUMBER_PUNCTUATION.sub("", number)


def _allowed_numbers(numbers: Iterable[str], field: str) -> frozenset[str]:
    """`numbers` normalised; InvalidParameterError for one string or for no number at all."""
    if isinstance(numbers, str):
        raise InvalidParameterError(field, "must be a collection of numbers, not one string")
    normalised = frozenset(_normalise_number(n) for n in numbers if isinstance(n, str) and n.strip())
    if not normalised:
        raise InvalidParameterError(field, "must not be empty (pass None to turn the check off)")
    return normalised


_NUMBER_FIELDS = ("to", "to_number", "from_number")


def _allo_side_fields(event: WebhookEvent) -> dict[str, Any] | None:
    """The `data` fields that may hold the account's own number, with their values; None when there are none to
    check (contact and ping events, an unknown topic naming no number)."""
    if event.topic == WebhookTopic.CALL_RECEIVED:
        inbound, outbound, direction = "to", "from_number", "type"
    elif event.topic in (WebhookTopic.SMS_RECEIVED, WebhookTopic.SMS_SENT):
        inbound, outbound, direction = "to_number", "from_number", "direction"
    elif not event.topic.is_known:  # a new topic, or a known one misspelt (`CALL_RECEIVED `): any number it has
        present = {name: value for name, value in _field_values(event.data, _NUMBER_FIELDS).items() if value}
        return present or None
    else:
        return None
    values = _field_values(event.data, (inbound, outbound, direction))
    way = values.get(direction)
    names = (inbound,) if way == "INBOUND" else (outbound,) if way == "OUTBOUND" else (inbound, outbound)
    return {name: values.get(name) for name in names}


def _field_values(data: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """`data[name]` for each of `names` present, else the value of its camelCase spelling (`fromNumber`; the first
    such key wins), in one pass over the keys at most: a payload of 400,000 keys is read once, not once per name."""
    found = {name: data[name] for name in names if name in data}
    missing = {name.replace("_", ""): name for name in names if name not in found}
    if not missing:
        return found
    for key in data:
        # snake_case() only adds underscores and lowers case: a cheap test first, the regexes for candidates only
        name = missing.get(key.replace("_", "").lower()) if isinstance(key, str) else None
        if name is not None and name not in found and key != name and snake_case(key) == name:
            found[name] = data[key]
    return found


def verify_path_token(expected: str, given: str | None) -> bool:
    """Constant-time check of the secret token in a webhook URL (``/webhooks/allo/<token>``).

    InvalidParameterError when `expected` is shorter than 32 characters: such a token is guessable, which is a
    configuration mistake to fail on at startup, not a request to refuse.
    """
    if not isinstance(expected, str) or len(expected) < MIN_PATH_TOKEN_LENGTH:
        raise InvalidParameterError("expected", f"the path token must be at least {MIN_PATH_TOKEN_LENGTH} characters")
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(expected.encode("utf-8", "surrogatepass"), given.encode("utf-8", "surrogatepass"))


class _PhoneNumberLike(Protocol):
    @property
    def number(self) -> str: ...


class _PhoneNumbers(Protocol):
    def list(self) -> Iterable[_PhoneNumberLike]: ...


class _AsyncPhoneNumbers(Protocol):
    async def list(self) -> Iterable[_PhoneNumberLike]: ...


class _HasPhoneNumbers(Protocol):
    @property
    def phone_numbers(self) -> _PhoneNumbers: ...


class _HasAsyncPhoneNumbers(Protocol):
    @property
    def phone_numbers(self) -> _AsyncPhoneNumbers: ...


def fetch_own_numbers(client: _HasPhoneNumbers) -> frozenset[str]:
    """The account's numbers, fetched once with ``client.phone_numbers.list()``, for `WebhookReceiver(own_numbers=)`.

    Fetched once means a number bought later is refused until you fetch again: `OwnNumbers(client)` does it for you.
    """
    return _numbers_of(client.phone_numbers.list())


async def fetch_own_numbers_async(client: _HasAsyncPhoneNumbers) -> frozenset[str]:
    """`fetch_own_numbers` for an AsyncWithalloClient."""
    return _numbers_of(await client.phone_numbers.list())


def _numbers_of(phone_numbers: Iterable[_PhoneNumberLike]) -> frozenset[str]:
    numbers = frozenset(_normalise_number(n.number) for n in phone_numbers if isinstance(n.number, str) and n.number)
    if not numbers:
        raise InvalidParameterError("client", "phone_numbers.list() returned no number to allow")
    return numbers


class OwnNumbers:
    """The account's numbers for `WebhookReceiver(own_numbers=OwnNumbers(client))`, re-fetched when `max_age` old.

    Fetched at once (a bad key or an account without numbers fails at startup), then again on the first event after
    `max_age` seconds, so a number bought meanwhile is allowed within `max_age`; its deliveries refused until then
    are replayed by Allo. A failed re-fetch keeps the previous numbers (logged) and is retried after at most 60 s.
    Call `refresh()` right after buying a number. Takes a sync `WithalloClient`; safe to share between threads.
    `clock` (monotonic seconds) is injectable for tests.
    """

    RETRY_AFTER_FAILURE = 60.0

    def __init__(
        self, client: _HasPhoneNumbers, *, max_age: float = 600.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if not max_age > 0:
            raise InvalidParameterError("max_age", "must be a positive number of seconds")
        self.max_age = float(max_age)
        self._client = client
        self._clock = clock
        self._lock = threading.Lock()
        self._numbers = fetch_own_numbers(client)
        self._next_fetch = clock() + self.max_age

    def __call__(self) -> frozenset[str]:
        """The numbers, re-fetched first when they are `max_age` old (by one thread; the others use the last ones)."""
        if self._clock() >= self._next_fetch and self._lock.acquire(blocking=False):
            try:
                self._numbers = fetch_own_numbers(self._client)
                self._next_fetch = self._clock() + self.max_age
            except Exception:
                logger.warning("Could not refresh the account's numbers; keeping the previous ones", exc_info=True)
                self._next_fetch = self._clock() + min(self.max_age, self.RETRY_AFTER_FAILURE)
            finally:
                self._lock.release()
        return self._numbers

    def refresh(self) -> frozenset[str]:
        """Fetch the numbers now; what the fetch raises propagates and the previous numbers stay."""
        with self._lock:
            self._numbers = fetch_own_numbers(self._client)
            self._next_fetch = self._clock() + self.max_age
            return self._numbers

    def __repr__(self) -> str:
        return f"OwnNumbers(numbers={len(self._numbers)}, max_age={self.max_age:g})"
