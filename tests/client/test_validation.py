"""Bad arguments raise InvalidParameterError (a WithalloError and a ValueError) naming the field, and send nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import InvalidParameterError, WithalloError

from .helpers import ALLO, CONTACT, KEY, Runner, contact_json, page_json

GOOD_SENDER_IDS = ["MyCompany", "ABC", "A1234567890", "1A2", "abc", "36179", "123", "12345678"]
BAD_SENDER_IDS = [
    "AB",  # too short
    "ABCDEFGHIJKL",  # 12 characters
    "My Company",  # space
    "My-Co",  # punctuation
    "MyCömpany",  # not ASCII
    "123456789",  # digits only and longer than a short code
    "12",  # short code too short
    "",
]


def rejected(run: Runner, api: respx.MockRouter, scenario: Callable[[Any], Any]) -> InvalidParameterError:
    """Run the scenario, expect InvalidParameterError, and check that nothing reached the wire."""
    with pytest.raises(InvalidParameterError) as info:
        run(scenario)
    assert api.calls.call_count == 0
    assert isinstance(info.value, WithalloError)
    assert isinstance(info.value, ValueError)
    return info.value


@pytest.mark.parametrize("sender_id", BAD_SENDER_IDS)
def test_send_france_rejects_a_sender_id_that_cannot_be_valid(
    api: respx.MockRouter, run: Runner, sender_id: str
) -> None:
    error = rejected(run, api, lambda c: c.sms.send_france(sender_id=sender_id, to="+33612345678", message="Hi"))
    assert error.field == "sender_id"
    assert "3 to 11 letters and digits" in error.rule
    assert "at least one letter" in error.rule
    assert str(error).startswith("sender_id: ")


@pytest.mark.parametrize("sender_id", GOOD_SENDER_IDS)
def test_send_france_accepts_valid_sender_ids(api: respx.MockRouter, sender_id: str) -> None:
    route = api.post("/sms").respond(200, json={"data": {"to_number": "+33612345678", "content": "Hi"}})
    Runner("sync")(lambda c: c.sms.send_france(sender_id=sender_id, to="+33612345678", message="Hi"))
    assert route.call_count == 1


@pytest.mark.parametrize("message", ["", "x" * 1001])
@pytest.mark.parametrize("method", ["send", "send_france"])
def test_sms_rejects_empty_and_too_long_messages(api: respx.MockRouter, run: Runner, message: str, method: str) -> None:
    def scenario(c: Any) -> Any:
        if method == "send":
            return c.sms.send(from_=ALLO, to=CONTACT, message=message)
        return c.sms.send_france(sender_id="MyCompany", to="+33612345678", message=message)

    error = rejected(run, api, scenario)
    assert error.field == "message"
    assert ("empty" in error.rule) if not message else ("1000" in error.rule)


def test_sms_accepts_exactly_1000_characters(api: respx.MockRouter) -> None:
    route = api.post("/sms").respond(200, json={"data": {"to_number": CONTACT, "content": "x"}})
    Runner("sync")(lambda c: c.sms.send(from_=ALLO, to=CONTACT, message="é" * 1000))
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("scenario", "field"),
    [
        (lambda c: c.calls.search(ALLO, size=0), "size"),
        (lambda c: c.calls.search(ALLO, size=101), "size"),
        (lambda c: c.calls.search(ALLO, page=-1), "page"),
        (lambda c: c.calls.search(ALLO, size=True), "size"),
        (lambda c: c.calls.search("0033612345678"), "allo_number"),
        (lambda c: c.calls.search(ALLO, contact_number="+0987654321"), "contact_number"),
        (lambda c: c.contacts.search(size=0), "size"),
        (lambda c: c.contacts.search(page=-2), "page"),
        (lambda c: c.contacts.search_conversation("cnt_1", size=500), "size"),
        (lambda c: c.contacts.search_conversation("", page=0), "contact_id"),
        (lambda c: c.contacts.get(""), "contact_id"),
        (lambda c: c.contacts.create(numbers=[]), "numbers"),
        (lambda c: c.contacts.create(numbers=CONTACT), "numbers"),
        (lambda c: c.contacts.create(numbers=["0612345678"]), "numbers[0]"),
        (lambda c: c.contacts.create(numbers=[CONTACT], emails="a@b.example"), "emails"),
        (lambda c: c.contacts.update("cnt_1"), "fields"),
        (lambda c: c.contacts.update("cnt_1", numbers=[]), "numbers"),
        (lambda c: c.contacts.update(" ", name="x"), "contact_id"),
        (lambda c: c.sms.send(from_="1234", to=CONTACT, message="Hi"), "from_"),
        (lambda c: c.sms.send(from_=ALLO, to="+33 6 12 34 56 78", message="Hi"), "to"),
        (lambda c: c.sms.send(from_=ALLO, to="+1\u0664\u0661\u0665\u0665\u0665\u0665\u0660", message="Hi"), "to"),
        (lambda c: c.sms.send(from_=ALLO, to="+14155550177\n", message="Hi"), "to"),  # `$` let it through
        (lambda c: c.sms.send(from_="+1\uff14\uff11\uff15\uff15\uff15", to=CONTACT, message="Hi"), "from_"),
        (lambda c: c.contacts.create(numbers=[CONTACT + "\n"]), "numbers[0]"),
        (lambda c: c.calls.search(ALLO + "\n"), "allo_number"),
        (lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=[]), "topics"),
        (lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics="CALL_RECEIVED"), "topics"),
        (lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=[""]), "topics[0]"),
        (lambda c: c.webhooks.create(allo_number=ALLO, url="ftp://a.example", topics=["PING"]), "url"),
        (lambda c: c.webhooks.create(allo_number="+1", url="https://a.example/h", topics=["PING"]), "allo_number"),
        (lambda c: c.webhooks.delete(""), "webhook_id"),
    ],
)
def test_bad_arguments_are_rejected_before_sending(
    api: respx.MockRouter, run: Runner, scenario: Callable[[Any], Any], field: str
) -> None:
    assert rejected(run, api, scenario).field == field


@pytest.mark.parametrize(
    "make_iterator",
    [
        lambda c: c.calls.iter(ALLO, size=0),
        lambda c: c.calls.iter("not a number"),
        lambda c: c.contacts.iter(size=101),
        lambda c: c.contacts.iter_conversation("cnt_1", size=0),
    ],
)
def test_iterators_check_their_arguments_when_created(
    api: respx.MockRouter, run: Runner, make_iterator: Callable[[Any], Any]
) -> None:
    rejected(run, api, make_iterator)


PATH_OPERATIONS: list[tuple[Callable[[Any, str], Any], str]] = [
    (lambda c, i: c.webhooks.delete(i), "webhook_id"),
    (lambda c, i: c.contacts.get(i), "contact_id"),
    (lambda c, i: c.contacts.update(i, name="x"), "contact_id"),
    (lambda c, i: c.contacts.search_conversation(i), "contact_id"),
    (lambda c, i: c.contacts.iter_conversation(i), "contact_id"),
]


@pytest.mark.parametrize("identifier", [".", ".."])
@pytest.mark.parametrize(("operation", "field"), PATH_OPERATIONS)
def test_dot_segment_ids_are_rejected(
    api: respx.MockRouter, run: Runner, operation: Callable[[Any, str], Any], field: str, identifier: str
) -> None:
    """httpx resolves "." and ".." in a path: `webhooks.delete("..")` would DELETE the API root."""
    api.route().respond(204)  # without the check, the collapsed request would be answered here
    error = rejected(run, api, lambda c: operation(c, identifier))
    assert error.field == field
    assert f'"{identifier}"' in error.rule


@pytest.mark.parametrize(("identifier", "raw_path"), [("...", "/contact/..."), ("a/..", "/contact/a%2F..")])
def test_other_ids_with_dots_are_sent_encoded_in_their_segment(
    api: respx.MockRouter, identifier: str, raw_path: str
) -> None:
    route = api.get(url__regex=r"/contact/.*").respond(200, json={"data": contact_json(1)})
    assert Runner("sync")(lambda c: c.contacts.get(identifier)).id == "cnt_1"
    assert route.calls.last.request.url.raw_path == b"/v1/api" + raw_path.encode()


@pytest.mark.parametrize(
    "make_iterator",
    [
        lambda c: c.calls.iter(ALLO, size=0),
        lambda c: c.contacts.iter(size=0),
        lambda c: c.contacts.iter_conversation("cnt_1", size=101),
    ],
)
@pytest.mark.parametrize("cls", [WithalloClient, AsyncWithalloClient])
def test_iterators_raise_at_the_call_before_any_next(
    api: respx.MockRouter, cls: Any, make_iterator: Callable[[Any], Any]
) -> None:
    """The bad size is reported where iter() is called, not at the first next() / anext() somewhere later."""
    api.route().respond(200, json=page_json([], 0, 0))
    client = cls(KEY)
    with pytest.raises(InvalidParameterError) as info:
        make_iterator(client)  # neither iterated nor awaited
    assert info.value.field == "size"
    assert api.calls.call_count == 0


@pytest.mark.parametrize(
    ("fields", "field", "rule"),
    [
        ({"name": 5}, "name", "must be a string, or None"),
        ({"company": {"name": "Acme"}}, "company", "must be a string, or None"),
        ({"emails": "a@b.example"}, "emails", "list of strings"),
        ({"emails": None}, "emails", "list of strings"),
        ({"emails": ["a@b.example", 7]}, "emails[1]", "must be a string"),
        ({"numbers": []}, "numbers", "at least one"),
        ({"numbers": None}, "numbers", "list of phone numbers"),
        ({"numbers": ["0612345678"]}, "numbers[0]", "E.164"),
        ({"addresses": "1 rue de Rivoli"}, "addresses", "list of address objects"),
        ({"addresses": ["1 rue de Rivoli"]}, "addresses[0]", "mapping"),
        ({"extra": "x"}, "extra", "mapping"),
        ({"extra": {1: "x"}}, "extra", "non-empty strings"),
        ({"extra": {"job_title": "CTO"}}, "extra['job_title']", "pass it as job_title="),
        ({"extra": {}}, "fields", "at least one field"),
    ],
)
def test_contacts_update_checks_the_known_fields(
    api: respx.MockRouter, run: Runner, fields: dict[str, Any], field: str, rule: str
) -> None:
    error = rejected(run, api, lambda c: c.contacts.update("cnt_1", **fields))
    assert error.field == field
    assert rule in error.rule


def test_contacts_update_refuses_an_unknown_field_listing_the_known_ones(api: respx.MockRouter, run: Runner) -> None:
    error = rejected(run, api, lambda c: c.contacts.update("cnt_1", job_titel="CTO"))
    assert error.field == "job_titel"
    for known in ("name", "last_name", "job_title", "website", "company", "emails", "numbers", "addresses"):
        assert known in error.rule
    assert "extra=" in error.rule


def test_an_unknown_update_field_is_also_a_type_error_for_mypy(api: respx.MockRouter) -> None:
    with WithalloClient(KEY) as client, pytest.raises(InvalidParameterError):
        client.contacts.update("cnt_1", job_titel="CTO")  # type: ignore[arg-type]  # (unused-ignore if mypy allowed it)
    assert api.calls.call_count == 0
