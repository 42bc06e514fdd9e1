"""The check-only pass: each message's encoding and SMS segment count, and its validity, with nothing sent."""

from __future__ import annotations

import pytest

from withallo_ext import SmsCheck
from withallo_ext._resources.sms.segments import count_segments, encoding_of
from withallo_ext.errors import InvalidParameterError
from withallo_ext.testing import FakeAllo

US = "+14155550123"


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("{" * 80, "GSM-7", 160, 1),  # extension-table characters take two septets
        ("{" * 81, "GSM-7", 162, 2),
        ("a" * 152 + "€" + "a" * 10, "GSM-7", 164, 2),  # the escape pair is not split: € starts part two
        ("a" * 151 + "€" + "a" * 152, "GSM-7", 305, 2),
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 306, 3),
        ("Ça coûte 5 € {promo}", "UCS-2", 20, 1),  # û is not GSM 03.38: the whole text goes UCS-2
        ("Café à 5€ [promo] ÄÖÑÜ§¿", "GSM-7", 27, 1),
        ("ж" * 70, "UCS-2", 70, 1),
        ("ж" * 71, "UCS-2", 71, 2),
        ("ж" * 134, "UCS-2", 134, 2),
        ("ж" * 135, "UCS-2", 135, 3),
        ("😀" * 35, "UCS-2", 70, 1),  # beyond the BMP: two UTF-16 code units each
        ("😀" * 36, "UCS-2", 72, 2),
        ("😀" * 34, "UCS-2", 68, 1),
        ("a" + "😀" * 34, "UCS-2", 69, 1),
        ("a" * 66 + "😀" * 3, "UCS-2", 72, 2),  # 66 + 2 > 67: the emoji starts part two
        ("", "GSM-7", 0, 0),
    ],
)
def test_encoding_and_segments(text: str, encoding: str, units: int, segments: int) -> None:
    count = count_segments(text)
    assert (count.encoding, count.units, count.segments) == (encoding, units, segments)
    assert encoding_of(text) == encoding


def test_check_many_reports_each_message_and_sends_nothing(fake_allo: FakeAllo) -> None:
    messages = [
        {"from_": US, "to": "+14155550199", "message": "a" * 161},
        {"from": US, "to": "+14155550199", "message": "Привет"},
        {"sender_id": "MyCompany", "to": "+33612345678", "message": "Bonjour"},
        {"from_": US, "to": "0612345678", "message": "bad number"},
        {"from_": US, "sender_id": "MyCompany", "to": "+33612345678", "message": "both"},
        {"to": "+14155550199", "message": "no sender"},
        {"from_": US, "to": "+14155550199", "message": ""},
        {"from_": US, "to": "+14155550199", "message": "x", "cc": "+1"},
        "not a mapping",
        {"from": US, "message": "no to"},
        {"sender_id": "A", "to": "+33612345678", "message": "bad sender"},
    ]
    with fake_allo.client() as client:
        checks = client.sms.check_many(messages)  # type: ignore[arg-type]
    assert fake_allo.requests == []
    assert checks[:3] == [
        SmsCheck(0, ok=True, encoding="GSM-7", segments=2),
        SmsCheck(1, ok=True, encoding="UCS-2", segments=1),
        SmsCheck(2, ok=True, encoding="GSM-7", segments=1),
    ]
    failed = checks[3:]
    assert [c.index for c in failed] == list(range(3, 11))
    assert all(not c.ok and c.encoding is None and c.segments == 0 for c in failed)
    errors = [c.error for c in failed]
    assert all(isinstance(e, InvalidParameterError) for e in errors)
    assert [str(e) for e in errors] == [
        "messages[3].to: must be a phone number in E.164 form, e.g. +14155550123",
        "messages[4]: needs exactly one of from_ (or from) and sender_id, got ['from_', 'sender_id']",
        "messages[5]: needs exactly one of from_ (or from) and sender_id",
        "messages[6].message: must not be empty",
        "messages[7]: unknown key(s) ['cc']; expected to, message, from_ or sender_id",
        "messages[8]: must be a mapping with to, message and from_ or sender_id, not 'not a mapping'",
        "messages[9].to: is missing",
        "messages[10].sender_id: must be 3 to 11 letters and digits (A-Z, a-z, 0-9) with at least one letter, "
        "or a numeric short code of 3 to 8 digits",
    ]


def test_check_many_names_the_key_the_caller_used(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client:
        (check,) = client.sms.check_many([{"from": "123", "to": "+14155550199", "message": "x"}])
    assert str(check.error) == "messages[0].from: must be a phone number in E.164 form, e.g. +14155550123"


@pytest.mark.anyio
async def test_async_check_many(fake_allo: FakeAllo) -> None:
    async with fake_allo.async_client() as client:
        (check,) = client.sms.check_many(iter([{"from_": US, "to": "+14155550199", "message": "ж" * 71}]))
    assert check == SmsCheck(0, ok=True, encoding="UCS-2", segments=2)
    assert fake_allo.requests == []


def test_messages_must_be_an_iterable_of_mappings(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client, pytest.raises(InvalidParameterError, match="messages: must be an iterable"):
        client.sms.check_many({"to": "+14155550199"})  # type: ignore[dict-item]
