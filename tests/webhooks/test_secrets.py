"""Secrets that can't be silently wrong: one rule (`whsec_` + base64 of 24 to 64 bytes) for the receiver and the fake,
checked when the secret is given, with a message saying what a valid one looks like; and a maker of valid ones."""

from __future__ import annotations

import base64

import httpx
import pytest

import withallo_ext
from withallo_ext import WebhookReceiver, generate_webhook_secret
from withallo_ext.errors import InvalidParameterError
from withallo_ext.testing import FakeAllo

from .conftest import KEY, SECRET, signed_headers


def _whsec(key: bytes) -> str:
    return "whsec_" + base64.b64encode(key).decode()


# What a newcomer types: a made-up word, a placeholder, the key without its prefix, too few or too many bytes.
WRONG = {
    "a plain word": "mysecret",
    "a placeholder (3 bytes of key)": "whsec_test",
    "the base64 without whsec_": base64.b64encode(KEY).decode(),
    "23 bytes": _whsec(b"k" * 23),
    "65 bytes": _whsec(b"k" * 65),
    "not base64": "whsec_not base64 at all, really!!",
    "empty": "whsec_",
    "raw bytes, too short": b"short key",
}


@pytest.mark.parametrize("secret", list(WRONG.values()), ids=list(WRONG))
def test_the_receiver_refuses_a_wrong_secret_when_built_saying_what_a_valid_one_is(secret: str | bytes) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        WebhookReceiver(secret=secret)
    message = str(caught.value)
    assert caught.value.field == "secret"
    assert "`whsec_` followed by the base64 of 24 to 64 random bytes" in message
    assert "generate_webhook_secret()" in message
    shown = secret.decode("latin-1") if isinstance(secret, bytes) else secret
    if shown != "whsec_":
        assert shown not in message  # never echoed


def test_a_wrong_secret_among_rotation_secrets_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match="decodes to 3 bytes"):
        WebhookReceiver(secret=[SECRET, "whsec_test"])
    with pytest.raises(InvalidParameterError, match="at least one secret"):
        WebhookReceiver(secret=[])


@pytest.mark.parametrize("size", [24, 32, 64])
def test_keys_of_24_to_64_bytes_are_accepted_in_every_form(size: int) -> None:
    key = bytes(range(size))
    encoded = _whsec(key)
    for secret in (encoded, encoded.rstrip("="), f"  {encoded}\n", key):
        receiver = WebhookReceiver(secret=secret)
        body = b'{"topic":"PING","data":{}}'
        assert receiver.parse(body, signed_headers(body, key=key)).raw == {"topic": "PING", "data": {}}


def test_generate_webhook_secret_makes_fresh_valid_secrets() -> None:
    made = {generate_webhook_secret() for _ in range(20)}
    assert len(made) == 20
    for secret in made:
        assert secret.startswith("whsec_")
        assert len(base64.b64decode(secret.removeprefix("whsec_"), validate=True)) == 32
    assert len(base64.b64decode(generate_webhook_secret(24).removeprefix("whsec_"))) == 24
    assert len(base64.b64decode(generate_webhook_secret(64).removeprefix("whsec_"))) == 64
    for wrong in (23, 65, True, 32.0):
        with pytest.raises(InvalidParameterError, match="num_bytes"):
            generate_webhook_secret(wrong)  # type: ignore[arg-type]
    assert "generate_webhook_secret" in withallo_ext.__all__


def test_a_generated_secret_signs_what_the_receiver_accepts_and_nothing_else(fake_allo: FakeAllo) -> None:
    secret = generate_webhook_secret()
    statuses: list[int] = []

    def app(request: httpx.Request) -> httpx.Response:
        answer = WebhookReceiver(secret=secret).respond(request.content, dict(request.headers))
        statuses.append(answer.status)
        return httpx.Response(answer.status, json=answer.body)

    transport = httpx.MockTransport(app)
    assert fake_allo.deliver("PING", "http://app.test/", secret=secret, transport=transport) == 200
    assert fake_allo.deliver("PING", "http://app.test/", secret=generate_webhook_secret(), transport=transport) == 401
    assert statuses == [200, 401]


@pytest.mark.parametrize("secret", list(WRONG.values()), ids=list(WRONG))
def test_the_fake_refuses_the_same_secrets_by_the_same_rule_before_sending(
    fake_allo: FakeAllo, secret: str | bytes
) -> None:
    sent: list[httpx.Request] = []

    def app(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    transport = httpx.MockTransport(app)
    with pytest.raises(InvalidParameterError) as by_fake:
        fake_allo.deliver("PING", "http://app.test/", secret=secret, transport=transport)
    with pytest.raises(InvalidParameterError) as by_receiver:
        WebhookReceiver(secret=secret)
    assert str(by_fake.value) == str(by_receiver.value)
    assert sent == []
    assert fake_allo.deliveries == []


@pytest.mark.anyio
async def test_adeliver_refuses_a_wrong_secret_too(fake_allo: FakeAllo) -> None:
    with pytest.raises(InvalidParameterError, match="does not start with `whsec_`"):
        await fake_allo.adeliver("PING", "http://app.test/", secret="mysecret")
    assert fake_allo.deliveries == []
