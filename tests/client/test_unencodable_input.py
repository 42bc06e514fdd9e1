"""Input that cannot go on the wire (a lone surrogate, a value strict JSON has no form for) is refused before anything
is sent, with InvalidParameterError naming the field and path: not reported as an "HTTP 0: unreadable response".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import pytest
import respx

from withallo_client.api.contacts import update_contact
from withallo_client.models import UpdateContactRequest
from withallo_ext import WithalloClient
from withallo_ext.errors import InvalidParameterError, WithalloError

from .helpers import ALLO, CONTACT, KEY, Runner, body_of, contact_json

# Text cut by JavaScript's UTF-16 slicing: half of an emoji's surrogate pair. Python holds it; UTF-8 cannot.
CUT = "Rendez-vous demain avec Jeanne \ud83d"
POSITION = CUT.index("\ud83d")
SECRET_PART = "Jeanne"  # personal data: must not appear in the error


def rejected(run: Runner, api: respx.MockRouter, scenario: Callable[[Any], Any]) -> InvalidParameterError:
    """Run the scenario, expect InvalidParameterError, and check that no request reached the wire."""
    with pytest.raises(InvalidParameterError) as info:
        run(scenario)
    assert api.calls.call_count == 0
    assert isinstance(info.value, WithalloError)
    return info.value


def assert_surrogate(error: InvalidParameterError, field: str, position: int = POSITION) -> None:
    assert error.field == field
    assert error.rule.startswith(f"contains a lone surrogate at position {position} ")
    assert "UTF-8" in error.rule
    assert SECRET_PART not in str(error)
    assert "\ud83d" not in str(error)
    str(error).encode("utf-8")  # the message itself can be logged


# --- strings -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "field"),
    [
        (lambda c: c.sms.send(from_=ALLO, to=CONTACT, message=CUT), "message"),
        (lambda c: c.sms.send_france(sender_id="MyCompany", to="+33612345678", message=CUT), "message"),
        (lambda c: c.contacts.create(numbers=[CONTACT], name=CUT), "name"),
        (lambda c: c.contacts.create(numbers=[CONTACT], company=CUT), "company"),
        (lambda c: c.contacts.create(numbers=[CONTACT], emails=["a@example.com", CUT]), "emails[1]"),
        (lambda c: c.contacts.update("c1", last_name=CUT), "last_name"),
        (lambda c: c.contacts.update("c1", emails=[CUT]), "emails[0]"),
        (lambda c: c.contacts.update("c1", extra={"nickname": CUT}), "extra.nickname"),
        (lambda c: c.contacts.update("c1", addresses=[{"street": "1 rue X"}, {"city": CUT}]), "addresses[1].city"),
        (lambda c: c.contacts.get(CUT), "contact_id"),
        (lambda c: c.contacts.get("c1", extend=CUT), "extend"),
        (lambda c: c.contacts.get("c1", extend=["numbers", CUT]), "extend[1]"),
        (lambda c: c.contacts.search_conversation(CUT), "contact_id"),
        (lambda c: c.webhooks.delete(CUT), "webhook_id"),
        (lambda c: c.webhooks.create(allo_number=ALLO, url="https://x.example/h", topics=[CUT]), "topics[0]"),
    ],
)
def test_a_lone_surrogate_is_refused_naming_the_field(
    api: respx.MockRouter, run: Runner, scenario: Callable[[Any], Any], field: str
) -> None:
    assert_surrogate(rejected(run, api, scenario), field)


def test_a_lone_surrogate_in_a_webhook_url_is_an_invalid_parameter_not_a_bare_unicode_error(
    api: respx.MockRouter, run: Runner
) -> None:
    url = "https://crm.example.com/hooks/" + CUT
    error = rejected(run, api, lambda c: c.webhooks.create(allo_number=ALLO, url=url, topics=["CALL_RECEIVED"]))
    assert_surrogate(error, "url", url.index("\ud83d"))


def test_text_that_encodes_is_sent_unchanged(api: respx.MockRouter, run: Runner) -> None:
    text = "Café 😀 à 8 h, 日本語"
    sms = api.post("/sms").respond(200, json={"data": {"to_number": CONTACT, "content": text}})
    contact = api.put("/contacts/c1").respond(200, json={"data": contact_json(1)})
    run(lambda c: c.sms.send(from_=ALLO, to=CONTACT, message=text))
    run(lambda c: c.contacts.update("c1", name=text, extra={"note": {"lines": (text, 1, 2.5, True, None)}}))
    assert body_of(sms.calls.last.request)["message"] == text
    assert body_of(contact.calls.last.request) == {
        "name": text,
        "note": {"lines": [text, 1, 2.5, True, None]},
    }


# --- JSON values -------------------------------------------------------------------------------------------------


class Opaque:
    pass


def _self_containing() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["me"] = loop
    return loop


@pytest.mark.parametrize(
    ("fields", "field", "rule"),
    [
        ({"extra": {"x": float("nan")}}, "extra.x", "is nan, which JSON cannot carry"),
        ({"extra": {"x": [1, math.inf]}}, "extra.x[1]", "is inf, which JSON cannot carry"),
        ({"extra": {"x": -math.inf}}, "extra.x", "is -inf, which JSON cannot carry"),
        ({"extra": {"x": object()}}, "extra.x", "is of type object, which cannot be sent as JSON"),
        ({"extra": {"x": Opaque()}}, "extra.x", "is of type Opaque, which cannot be sent as JSON"),
        ({"extra": {"x": b"bytes"}}, "extra.x", "is of type bytes, which cannot be sent as JSON"),
        ({"extra": {"x": {"y": {1: "a"}}}}, "extra.x.y", "has a key of type int: JSON keys are strings"),
        ({"extra": {"x": {"a b": {1, 2}}}}, "extra.x['a b']", "is of type set"),
        ({"extra": {"x": _self_containing()}}, "extra.x" + ".me" * 63, "nested more than 64 levels deep"),
        ({"addresses": [{"street": {1, 2}}]}, "addresses[0].street", "is of type set, which cannot be sent as JSON"),
        ({"addresses": [{"geo": {"lat": math.nan}}]}, "addresses[0].geo.lat", "is nan"),
    ],
)
def test_a_value_strict_json_cannot_carry_is_refused_naming_its_path(
    api: respx.MockRouter, run: Runner, fields: dict[str, Any], field: str, rule: str
) -> None:
    error = rejected(run, api, lambda c: c.contacts.update("c1", **fields))
    assert error.field == field
    assert rule in error.rule


def test_a_surrogate_in_an_extra_key_is_refused_without_quoting_it_raw(api: respx.MockRouter, run: Runner) -> None:
    error = rejected(run, api, lambda c: c.contacts.update("c1", extra={"x": {"k\udc00": 1}}))
    assert error.field == "extra.x['k\\udc00']"  # escaped: the message encodes
    assert error.rule.startswith("contains a lone surrogate at position 1 ")
    str(error).encode("utf-8")


def test_json_values_are_sent_as_plain_json(api: respx.MockRouter, run: Runner) -> None:
    route = api.put("/contacts/c1").respond(200, json={"data": contact_json(1)})
    address = MappingProxyType({"street": "1 rue X", "tags": ("home", "main"), "floor": 3})
    run(lambda c: c.contacts.update("c1", addresses=[address], extra={"score": 0.5, "flags": MappingProxyType({})}))
    assert body_of(route.calls.last.request) == {
        "addresses": [{"street": "1 rue X", "tags": ["home", "main"], "floor": 3}],
        "score": 0.5,
        "flags": {},
    }


# --- bulk SMS ----------------------------------------------------------------------------------------------------


def test_check_many_reports_the_message_invalid_with_the_same_reason(api: respx.MockRouter, run: Runner) -> None:
    messages = [{"from_": ALLO, "to": CONTACT, "message": "ok"}, {"sender_id": "MyCo", "to": CONTACT, "message": CUT}]
    checks = run(lambda c: c.sms.check_many(messages))
    assert [check.ok for check in checks] == [True, False]
    error = checks[1].error
    assert error is not None
    assert_surrogate(error, "messages[1].message")
    assert api.calls.call_count == 0


def test_send_many_sends_the_good_messages_and_fails_the_cut_one_unsent(api: respx.MockRouter, run: Runner) -> None:
    route = api.post("/sms").respond(200, json={"data": {"to_number": CONTACT, "content": "ok"}})
    messages = [{"from_": ALLO, "to": CONTACT, "message": "ok"}, {"from_": ALLO, "to": CONTACT, "message": CUT}]
    outcomes = run(lambda c: c.sms.send_many(messages))
    assert [outcome.ok for outcome in outcomes] == [True, False]
    assert route.call_count == 1
    assert body_of(route.calls.last.request)["message"] == "ok"
    error = outcomes[1].error
    assert isinstance(error, InvalidParameterError)
    assert_surrogate(error, "messages[1].message")
    assert outcomes[1].may_have_been_sent is False


# --- the generated handle: the sender's own guard -----------------------------------------------------------------


def test_a_generated_call_with_a_body_httpx_cannot_encode_is_an_invalid_parameter(api: respx.MockRouter) -> None:
    body = UpdateContactRequest.from_dict({"note": float("nan")})
    with WithalloClient(api_key=KEY) as client, pytest.raises(InvalidParameterError) as info:
        update_contact.sync_detailed("c1", client=client.generated, body=body)
    assert api.calls.call_count == 0
    assert info.value.field == "request"
    assert info.value.rule.startswith("could not be encoded, nothing was sent (ValueError: ")
