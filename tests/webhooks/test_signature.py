"""Standard Webhooks signatures: vectors computed in conftest with hmac, the spec's published vector, the reference
library both ways, and a receiver built with a secret."""

from __future__ import annotations

import base64
import datetime
import time
from collections.abc import Callable

import pytest
import standardwebhooks

from withallo_ext import WebhookReceiver, verify_signature
from withallo_ext.errors import InvalidParameterError, WebhookSignatureError

from .conftest import KEY, OTHER_KEY, OTHER_SECRET, SECRET, sign, signed_headers

BODY = b'{"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "content": "caf\xc3\xa9"}}'
NOW = 1_800_000_000
Change = Callable[[dict[str, str], bytes], tuple[dict[str, str], bytes]]


def headers_at(timestamp: int, *, key: bytes = KEY, body: bytes = BODY) -> dict[str, str]:
    return signed_headers(body, key=key, msg_id="msg_2Zx", timestamp=timestamp)


def test_the_published_standard_webhooks_vector_verifies() -> None:
    headers = {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    }
    verify_signature(b'{"test": 2432232314}', headers, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", now=1614265330)


def test_a_good_signature_passes_with_bytes_or_str_and_any_header_case() -> None:
    headers = headers_at(NOW)
    verify_signature(BODY, headers, SECRET, now=NOW)
    verify_signature(BODY.decode(), headers, SECRET, now=NOW)
    verify_signature(BODY, {name.title(): value for name, value in headers.items()}, SECRET, now=NOW)


def test_secret_forms_whsec_prefix_bare_base64_unpadded_and_raw_bytes() -> None:
    headers = headers_at(NOW)
    bare = base64.b64encode(KEY).decode()
    for secret in (SECRET, bare, bare.rstrip("="), KEY):
        verify_signature(BODY, headers, secret, now=NOW)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda h, b: (h, b + b" "), "No webhook signature matches"),
        (lambda h, b: (h, b.replace(b"sms-1", b"sms-2")), "No webhook signature matches"),
        (lambda h, b: ({**h, "webhook-id": "msg_other"}, b), "No webhook signature matches"),
        (lambda h, b: ({**h, "webhook-timestamp": str(NOW - 1)}, b), "No webhook signature matches"),
        (lambda h, b: ({**h, "webhook-signature": "v2," + h["webhook-signature"][3:]}, b), "no well-formed"),
        (lambda h, b: ({**h, "webhook-signature": "v1,@@not base64@@"}, b), "no well-formed"),
        (lambda h, b: ({**h, "webhook-signature": h["webhook-signature"][3:]}, b), "no well-formed"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-signature"}, b), "webhook-signature header is"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-id"}, b), "webhook-id header is missing"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "webhook-timestamp"}, b), "webhook-timestamp header is"),
        (lambda h, b: ({**h, "webhook-timestamp": "1.8e9"}, b), "not a Unix time"),
        (lambda h, b: ({**h, "webhook-timestamp": "-5"}, b), "not a Unix time"),
    ],
)
def test_tampering_is_rejected(change: Change, reason: str) -> None:
    headers, body = change(headers_at(NOW), BODY)
    with pytest.raises(WebhookSignatureError, match=reason):
        verify_signature(body, headers, SECRET, now=NOW)


def test_wrong_secret_is_rejected() -> None:
    with pytest.raises(WebhookSignatureError, match="No webhook signature matches"):
        verify_signature(BODY, headers_at(NOW), OTHER_SECRET, now=NOW)


@pytest.mark.parametrize(
    ("signed_at", "tolerance", "reason"),
    [
        (NOW - 301, 300, "is 301 s old, more than the 300 s allowed"),
        (NOW + 301, 300, "is 301 s in the future, more than the 300 s allowed"),
        (NOW - 3600, 300, "old"),
        (NOW - 61, 60, "is 61 s old, more than the 60 s allowed"),
        (NOW + 1, 0, "in the future"),
    ],
)
def test_timestamps_outside_the_tolerance_either_way_are_rejected(signed_at: int, tolerance: int, reason: str) -> None:
    with pytest.raises(WebhookSignatureError, match=reason):
        verify_signature(BODY, headers_at(signed_at), SECRET, tolerance, now=NOW)


@pytest.mark.parametrize(("signed_at", "tolerance"), [(NOW - 300, 300), (NOW + 300, 300), (NOW - 3000, 3600), (NOW, 0)])
def test_timestamps_inside_the_tolerance_pass(signed_at: int, tolerance: int) -> None:
    verify_signature(BODY, headers_at(signed_at), SECRET, tolerance, now=NOW)


def test_the_default_clock_is_the_current_time() -> None:
    verify_signature(BODY, headers_at(int(time.time())), SECRET)
    with pytest.raises(WebhookSignatureError, match="old"):
        verify_signature(BODY, headers_at(int(time.time()) - 600), SECRET)


def test_several_signatures_any_one_matching_passes() -> None:
    good = sign(KEY, "msg_2Zx", NOW, BODY)
    stale = sign(OTHER_KEY, "msg_2Zx", NOW, BODY)
    for value in (f"{stale} {good}", f"v1,garbage v2,abc {good}", f"{good}  {stale}", f"v1a,x {good}"):
        headers = {"webhook-id": "msg_2Zx", "webhook-timestamp": str(NOW), "webhook-signature": value}
        verify_signature(BODY, headers, SECRET, now=NOW)


def test_rotated_secrets_accept_old_and_new_signers() -> None:
    for key in (KEY, OTHER_KEY):
        verify_signature(BODY, headers_at(NOW, key=key), [OTHER_SECRET, SECRET], now=NOW)
    with pytest.raises(WebhookSignatureError):
        verify_signature(BODY, headers_at(NOW, key=b"a third key"), [OTHER_SECRET, SECRET], now=NOW)


def test_a_non_utf8_body_is_verified_over_its_bytes() -> None:
    body = b"\xff\xfe not text"
    verify_signature(body, headers_at(NOW, body=body), SECRET, now=NOW)


@pytest.mark.parametrize("secret", ["whsec_", "whsec_!!!!", "", [], b""])
def test_unusable_secrets_are_refused_without_echoing_them(secret: object) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        verify_signature(BODY, headers_at(NOW), secret, now=NOW)  # type: ignore[arg-type]
    assert caught.value.field == "secret"
    assert "!!!!" not in str(caught.value)


def test_negative_tolerance_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match="tolerance"):
        verify_signature(BODY, headers_at(NOW), SECRET, -1, now=NOW)


def test_interop_with_the_standardwebhooks_reference_library() -> None:
    library = standardwebhooks.Webhook(SECRET)
    when = datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)
    text = BODY.decode()
    signature = library.sign("msg_lib", when, text)
    headers = {"webhook-id": "msg_lib", "webhook-timestamp": str(int(when.timestamp())), "webhook-signature": signature}
    verify_signature(BODY, headers, SECRET)  # what the library signs verifies here
    ours = headers_at(int(when.timestamp()))
    assert library.verify(text, ours) == {"topic": "SMS_RECEIVED", "data": {"id": "sms-1", "content": "café"}}


def test_a_receiver_with_a_secret_verifies_before_parsing() -> None:
    receiver = WebhookReceiver(secret=SECRET)
    event = receiver.parse(BODY, signed_headers(BODY, msg_id="msg_9"))
    assert event.delivery_id == "msg_9"
    assert event.get("content") == "café"

    with pytest.raises(WebhookSignatureError, match="webhook-id header is missing"):
        receiver.parse(BODY)
    with pytest.raises(WebhookSignatureError):  # a bad body with a bad signature is a signature failure first
        receiver.parse(b"", signed_headers(b"other body"))
    with pytest.raises(WebhookSignatureError):
        receiver.parse(BODY, signed_headers(BODY, key=OTHER_KEY))


def test_a_receiver_refuses_an_unusable_secret_when_built() -> None:
    with pytest.raises(InvalidParameterError, match="secret"):
        WebhookReceiver(secret="whsec_***")
    with pytest.raises(InvalidParameterError, match="tolerance"):
        WebhookReceiver(secret=SECRET, tolerance=-5)
