"""Own-number allowlist, the helper that fetches the numbers once, and the secret path token."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from withallo_client.models import PhoneNumber
from withallo_ext import (
    OwnNumbers,
    WebhookReceiver,
    WebhookTopic,
    fetch_own_numbers,
    fetch_own_numbers_async,
    verify_path_token,
)
from withallo_ext.errors import InvalidParameterError, WebhookNumberNotAllowedError, WithalloError

OURS = "+14155550123"
THEIRS = "+14155550199"


def body(topic: str, **data: Any) -> str:
    return json.dumps({"topic": topic, "data": {"id": "x", **data}})


@pytest.mark.parametrize(
    "raw",
    [
        body("CALL_RECEIVED", type="INBOUND", to=OURS, from_number=THEIRS),
        body("CALL_RECEIVED", type="OUTBOUND", to=THEIRS, from_number=OURS),
        body("CALL_RECEIVED", to=THEIRS, from_number=OURS),  # no direction: either side may be ours
        body("CALL_RECEIVED", type="TRANSFERRED", to=OURS),  # a direction this version does not know
        body("SMS_RECEIVED", direction="INBOUND", to_number=OURS, from_number=THEIRS),
        body("SMS_RECEIVED", direction="OUTBOUND", from_number=OURS, to_number=THEIRS),
        body("SMS_SENT", direction="OUTBOUND", from_number=OURS, to_number=THEIRS),
        body("SMS_SENT", direction="INBOUND", to_number="+1 (415) 555-0123"),  # punctuation ignored
        body("CONTACT_CREATED", numbers=[THEIRS]),  # contacts name no Allo number
        body("CONTACT_UPDATED"),
        body("PING"),
    ],
)
def test_events_for_our_numbers_pass(raw: str) -> None:
    ran: list[str] = []
    receiver = WebhookReceiver(own_numbers=[OURS, "+33 1 88 83 34 51"]).on_any(lambda e: ran.append("ran"))
    assert receiver.dispatch(receiver.parse(raw)) == 1
    assert ran == ["ran"]


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (body("CALL_RECEIVED", type="INBOUND", to=THEIRS, from_number=OURS), f"`to`='{THEIRS}'"),
        (body("CALL_RECEIVED", type="OUTBOUND", to=OURS, from_number=THEIRS), f"`from_number`='{THEIRS}'"),
        (body("CALL_RECEIVED", type="INBOUND", to_number=OURS), "`to`=None"),  # calls name the callee `to`
        (body("CALL_RECEIVED"), "`to`=None, `from_number`=None"),
        (body("SMS_RECEIVED", direction="INBOUND", to_number=THEIRS, from_number=OURS), f"`to_number`='{THEIRS}'"),
        (body("SMS_SENT", direction="OUTBOUND", from_number=THEIRS, to_number=OURS), f"`from_number`='{THEIRS}'"),
        (body("SMS_SENT", direction="OUTBOUND", from_number=5), "`from_number`=5"),
    ],
)
def test_events_for_other_numbers_are_refused_before_any_handler(raw: str, named: str) -> None:
    ran: list[str] = []
    receiver = WebhookReceiver(own_numbers=[OURS]).on_any(lambda e: ran.append("ran"))
    event = receiver.parse(raw)
    with pytest.raises(WebhookNumberNotAllowedError) as caught:
        receiver.dispatch(event)
    assert named in str(caught.value)
    assert str(caught.value).startswith(f"{event.topic} event for a number that is not one of ours")
    assert isinstance(caught.value, WithalloError)
    assert ran == []
    with pytest.raises(WebhookNumberNotAllowedError):
        receiver.handle(raw)


def test_the_allowlist_is_off_by_default_and_can_be_replaced() -> None:
    receiver = WebhookReceiver()
    assert receiver.own_numbers is None
    raw = body("SMS_RECEIVED", direction="INBOUND", to_number=THEIRS)
    assert receiver.dispatch(receiver.parse(raw)) == 0
    receiver.own_numbers = [OURS]
    assert receiver.own_numbers == frozenset({OURS})
    with pytest.raises(WebhookNumberNotAllowedError):
        receiver.dispatch(receiver.parse(raw))
    receiver.own_numbers = [THEIRS]
    receiver.dispatch(receiver.parse(raw))


@pytest.mark.parametrize("numbers", [[], [""], OURS])
def test_an_empty_or_string_allowlist_is_refused(numbers: Any) -> None:
    with pytest.raises(InvalidParameterError, match="own_numbers"):
        WebhookReceiver(own_numbers=numbers)


@dataclass
class FakePhoneNumbers:
    numbers: list[PhoneNumber]
    calls: int = 0

    def list(self) -> list[PhoneNumber]:
        self.calls += 1
        return self.numbers


@dataclass
class FakeClient:
    phone_numbers: FakePhoneNumbers


@dataclass
class FakeAsyncPhoneNumbers:
    numbers: list[PhoneNumber]
    calls: list[str] = field(default_factory=list)

    async def list(self) -> list[PhoneNumber]:
        self.calls.append("list")
        return self.numbers


@dataclass
class FakeAsyncClient:
    phone_numbers: FakeAsyncPhoneNumbers


ACCOUNT = [PhoneNumber(number=OURS, name="Support"), PhoneNumber(number="+33 1 88 83 34 51", country="FR")]


def test_fetch_own_numbers_calls_list_once_and_feeds_a_receiver() -> None:
    client = FakeClient(FakePhoneNumbers(ACCOUNT))
    numbers = fetch_own_numbers(client)
    assert numbers == frozenset({OURS, "+33188833451"})
    assert client.phone_numbers.calls == 1

    receiver = WebhookReceiver(own_numbers=numbers)
    receiver.dispatch(receiver.parse(body("CALL_RECEIVED", type="INBOUND", to="+33188833451")))
    assert client.phone_numbers.calls == 1  # never fetched again per event


@pytest.mark.anyio
async def test_fetch_own_numbers_async() -> None:
    client = FakeAsyncClient(FakeAsyncPhoneNumbers(ACCOUNT))
    assert await fetch_own_numbers_async(client) == frozenset({OURS, "+33188833451"})
    assert client.phone_numbers.calls == ["list"]


def test_fetch_own_numbers_refuses_an_account_without_numbers() -> None:
    with pytest.raises(InvalidParameterError, match="no number"):
        fetch_own_numbers(FakeClient(FakePhoneNumbers([])))


TOKEN = "tok_" + "a1B2" * 8  # 36 characters


def test_verify_path_token() -> None:
    assert verify_path_token(TOKEN, TOKEN) is True
    assert verify_path_token(TOKEN, TOKEN[:-1] + "x") is False
    assert verify_path_token(TOKEN, TOKEN + "x") is False
    assert verify_path_token(TOKEN, "") is False
    assert verify_path_token(TOKEN, None) is False
    assert verify_path_token(TOKEN, "é" * 36) is False  # non-ASCII does not raise (hmac.compare_digest on str would)
    assert verify_path_token("é" * 32, "é" * 32) is True


@pytest.mark.parametrize("expected", ["", "short", "x" * 31])
def test_verify_path_token_refuses_a_short_expected_token_without_echoing_it(expected: str) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        verify_path_token(expected, expected)
    assert "at least 32 characters" in str(caught.value)
    assert expected == "" or expected not in str(caught.value)


def test_topic_members_and_strings_are_interchangeable_for_registration() -> None:
    ran: list[str] = []
    receiver = WebhookReceiver().on("SMS_SENT", lambda e: ran.append("str"))
    receiver.on(WebhookTopic.SMS_SENT, lambda e: ran.append("member"))
    assert receiver.dispatch(receiver.parse(body("SMS_SENT"))) == 2
    assert ran == ["str", "member"]


BOUGHT_LATER = "+16465550142"
SMS_TO_NEW_NUMBER = body("SMS_RECEIVED", direction="INBOUND", to_number=BOUGHT_LATER, from_number=THEIRS)


def test_a_callable_allowlist_is_asked_per_event() -> None:
    account = [OURS]
    ran: list[str] = []
    receiver = WebhookReceiver(own_numbers=lambda: account).on_any(lambda e: ran.append(e.get("to_number")))
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 403  # a foreign number is still refused
    account.append(BOUGHT_LATER)
    assert receiver.own_numbers == frozenset({OURS, BOUGHT_LATER})
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 200  # the replay passes once the number is listed
    assert ran == [BOUGHT_LATER]


def test_a_failing_allowlist_callable_answers_503_so_allo_replays() -> None:
    def broken() -> list[str]:
        raise ConnectionError("Allo unreachable")

    ran: list[str] = []
    receiver = WebhookReceiver(own_numbers=broken).on_any(lambda e: ran.append("ran"))
    response = receiver.respond(SMS_TO_NEW_NUMBER)
    assert (response.status, response.body) == (503, {"ok": False, "error": "own_numbers_unavailable"})
    assert isinstance(response.error, ConnectionError)
    assert receiver.respond(body("PING")).status == 200  # events naming no number never ask
    assert ran == ["ran"]


def test_an_allowlist_callable_returning_nothing_is_a_clear_error() -> None:
    receiver = WebhookReceiver(own_numbers=lambda: [])
    with pytest.raises(InvalidParameterError, match=r"own_numbers\(\): must not be empty"):
        receiver.dispatch(receiver.parse(SMS_TO_NEW_NUMBER))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_own_numbers_refetches_once_max_age_has_passed() -> None:
    phone_numbers = FakePhoneNumbers(list(ACCOUNT))
    clock = Clock()
    own = OwnNumbers(FakeClient(phone_numbers), max_age=300, clock=clock)
    assert phone_numbers.calls == 1  # fetched at once: a bad key fails at startup
    receiver = WebhookReceiver(own_numbers=own)
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 403

    phone_numbers.numbers.append(PhoneNumber(number=BOUGHT_LATER))
    clock.now += 299
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 403
    assert phone_numbers.calls == 1
    clock.now += 1
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 200
    assert phone_numbers.calls == 2
    assert receiver.respond(SMS_TO_NEW_NUMBER).status == 200
    assert phone_numbers.calls == 2


def test_own_numbers_keeps_the_last_list_when_a_refetch_fails_and_retries_within_a_minute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    phone_numbers = FakePhoneNumbers(list(ACCOUNT))
    clock = Clock()
    own = OwnNumbers(FakeClient(phone_numbers), max_age=3600, clock=clock)
    phone_numbers.numbers = []  # list() now gives nothing: fetch_own_numbers raises
    clock.now += 3600
    assert own() == frozenset({OURS, "+33188833451"})
    assert "Could not refresh the account's numbers" in caplog.text
    assert phone_numbers.calls == 2
    clock.now += 59
    own()
    assert phone_numbers.calls == 2
    phone_numbers.numbers = [PhoneNumber(number=BOUGHT_LATER)]
    clock.now += 1
    assert own() == frozenset({BOUGHT_LATER})
    assert phone_numbers.calls == 3


def test_own_numbers_refresh_now_and_its_failures() -> None:
    phone_numbers = FakePhoneNumbers(list(ACCOUNT))
    own = OwnNumbers(FakeClient(phone_numbers), clock=Clock())
    phone_numbers.numbers = [PhoneNumber(number=BOUGHT_LATER)]
    assert own.refresh() == frozenset({BOUGHT_LATER})
    phone_numbers.numbers = []
    with pytest.raises(InvalidParameterError, match="no number"):
        own.refresh()
    assert own() == frozenset({BOUGHT_LATER})
    assert repr(own) == "OwnNumbers(numbers=1, max_age=600)"
    with pytest.raises(InvalidParameterError, match="max_age"):
        OwnNumbers(FakeClient(phone_numbers), max_age=0)
