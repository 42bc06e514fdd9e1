"""Webhook signing secrets: what a valid one is (Standard Webhooks: `whsec_` + base64 of 24 to 64 bytes), and a maker.

One rule for every place a secret is given (`WebhookReceiver(secret=)`, `FakeAllo.deliver(secret=)`), checked when
it is given: a typo or a made-up secret like ``"whsec_test"`` would otherwise show up only as every delivery
answered 401. The messages never repeat the secret.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Sequence

from ..errors import InvalidParameterError

PREFIX = "whsec_"
MIN_KEY_BYTES = 24
MAX_KEY_BYTES = 64

_VALID = (
    f"a signing secret is `{PREFIX}` followed by the base64 of {MIN_KEY_BYTES} to {MAX_KEY_BYTES} random bytes, "
    "as Allo shows it (withallo_ext.generate_webhook_secret() makes one for tests)"
)


def generate_webhook_secret(num_bytes: int = 32) -> str:
    """A fresh, valid signing secret (`whsec_` + base64 of `num_bytes` random bytes), for tests and local setups."""
    if isinstance(num_bytes, bool) or not isinstance(num_bytes, int) or not MIN_KEY_BYTES <= num_bytes <= MAX_KEY_BYTES:
        raise InvalidParameterError("num_bytes", f"must be an int from {MIN_KEY_BYTES} to {MAX_KEY_BYTES}")
    return PREFIX + base64.b64encode(secrets.token_bytes(num_bytes)).decode("ascii")


def webhook_secret_key(secret: str | bytes, field: str = "secret") -> bytes:
    """The HMAC key of one secret; InvalidParameterError saying what a valid secret looks like when it is not one.

    A str must be `whsec_` + base64 (padding optional, surrounding whitespace ignored); bytes are the key itself.
    Either way the key must be 24 to 64 bytes long.
    """
    if isinstance(secret, bytes):
        key = secret
        size = f"is {len(secret)} bytes long"
    elif isinstance(secret, str):
        text = secret.strip()
        if not text.startswith(PREFIX):
            raise InvalidParameterError(field, f"does not start with `{PREFIX}`; {_VALID}")
        encoded = text.removeprefix(PREFIX)
        try:
            key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise InvalidParameterError(field, f"is not valid base64 after `{PREFIX}`; {_VALID}") from None
        size = f"decodes to {len(key)} bytes"
    else:
        raise InvalidParameterError(field, f"must be a str or bytes, got {type(secret).__name__}; {_VALID}")
    if not MIN_KEY_BYTES <= len(key) <= MAX_KEY_BYTES:
        raise InvalidParameterError(field, f"{size}; {_VALID}")
    return key


def webhook_secret_keys(secret: str | bytes | Sequence[str | bytes], field: str = "secret") -> tuple[bytes, ...]:
    """The keys of one secret or several (old and new during a rotation), each checked by `webhook_secret_key`."""
    several = [secret] if isinstance(secret, str | bytes) else list(secret)
    if not several:
        raise InvalidParameterError(field, f"give at least one secret; {_VALID}")
    return tuple(webhook_secret_key(one, field) for one in several)
