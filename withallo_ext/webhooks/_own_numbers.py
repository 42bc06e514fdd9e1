"""The own-number allowlist: the account's Allo numbers (`OwnNumbers`, `fetch_own_numbers`), and which field of an
event holds the Allo-side number `WebhookReceiver.check_own_number` compares with them."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from withallo_client.models.webhook_topic import WebhookTopic

from ..errors import InvalidParameterError
from ._event import WebhookEvent
from ._payload import snake_case

__all__ = ["OwnNumbers", "OwnNumbersSource", "fetch_own_numbers", "fetch_own_numbers_async"]

logger = logging.getLogger("withallo.webhooks")

OwnNumbersSource = Iterable[str] | Callable[[], Iterable[str]]
"""For `WebhookReceiver(own_numbers=)`: fixed numbers, or a callable returning the current ones (`OwnNumbers`)."""

_NUMBER_PUNCTUATION = re.compile(r"[\s\-.()]")


def normalise_number(number: str) -> str:
    return _NUMBER_PUNCTUATION.sub("", number)


def allowed_numbers(numbers: Iterable[str], field: str) -> frozenset[str]:
    """`numbers` normalised; InvalidParameterError for one string or for no number at all."""
    if isinstance(numbers, str):
        raise InvalidParameterError(field, "must be a collection of numbers, not one string")
    normalised = frozenset(normalise_number(n) for n in numbers if isinstance(n, str) and n.strip())
    if not normalised:
        raise InvalidParameterError(field, "must not be empty (pass None to turn the check off)")
    return normalised


_NUMBER_FIELDS = ("to", "to_number", "from_number")


def allo_side_fields(event: WebhookEvent) -> dict[str, Any] | None:
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
    numbers = frozenset(normalise_number(n.number) for n in phone_numbers if isinstance(n.number, str) and n.number)
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
