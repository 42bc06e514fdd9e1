"""Standard Webhooks signatures (https://www.standardwebhooks.com), the scheme Allo uses for signed deliveries.

`webhook-signature` holds space-separated `v1,<base64 HMAC-SHA256>` values, each over
`<webhook-id>.<webhook-timestamp>.<body>` and keyed with the base64 part of a `whsec_...` secret.

The `standardwebhooks` library's `Webhook.verify` is not used because it cannot express the policy: its tolerance is
fixed at 5 minutes against the wall clock, it needs the body as text (UnicodeDecodeError on other bytes), and one
malformed entry in `webhook-signature` raises ValueError / binascii.Error instead of being skipped. The scheme is a few
lines of `hmac`; tests/webhooks check that what the library signs verifies here, and the other way round.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from collections.abc import Mapping, Sequence

from ..errors import InvalidParameterError, WebhookSignatureError

DEFAULT_TOLERANCE = 300
"""Seconds a signed delivery's timestamp may be away from now, in either direction (the standard's 5 minutes)."""

Secret = str | bytes
"""A `whsec_<base64>` secret (the prefix is optional), or the raw key bytes."""

_SECRET_PREFIX = "whsec_"
_TIMESTAMP = re.compile(r"[0-9]{1,15}")


def decode_secrets(secret: Secret | Sequence[Secret]) -> tuple[bytes, ...]:
    """The HMAC keys of one secret or several (during a rotation); InvalidParameterError for an unusable one."""
    secrets = [secret] if isinstance(secret, str | bytes) else list(secret)
    if not secrets:
        raise InvalidParameterError("secret", "give at least one secret")
    return tuple(_decode_secret(one) for one in secrets)


def _decode_secret(secret: Secret) -> bytes:
    if isinstance(secret, bytes):
        key = secret
    elif isinstance(secret, str):
        text = secret.strip().removeprefix(_SECRET_PREFIX)
        try:
            key = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
        except (binascii.Error, ValueError):
            # the message never repeats the secret
            raise InvalidParameterError("secret", "must be `whsec_` followed by base64") from None
    else:
        raise InvalidParameterError("secret", f"must be a str or bytes, got {type(secret).__name__}")
    if not key:
        raise InvalidParameterError("secret", "must not be empty")
    return key


def verify_signature(
    raw_body: bytes | str,
    headers: Mapping[str, str],
    secret: Secret | Sequence[Secret],
    tolerance: float = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> None:
    """Check a delivery's Standard Webhooks signature over the raw body; WebhookSignatureError if it does not hold.

    Passes when any `v1` signature in `webhook-signature` matches any of the secrets (give old and new during a
    rotation) and `webhook-timestamp` is within `tolerance` seconds of `now` (default: the current time), either way.
    """
    verify_with_keys(raw_body, headers, decode_secrets(secret), tolerance, now=now)


def verify_with_keys(
    raw_body: bytes | str,
    headers: Mapping[str, str],
    keys: Sequence[bytes],
    tolerance: float = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> None:
    """`verify_signature` with the secrets already decoded (a receiver decodes them once)."""
    if tolerance < 0:
        raise InvalidParameterError("tolerance", "must be >= 0 seconds")
    lowered = {name.lower(): value for name, value in headers.items()}
    msg_id = _required_header(lowered, "webhook-id")
    stamp = _required_header(lowered, "webhook-timestamp")
    signatures = _required_header(lowered, "webhook-signature")

    if not _TIMESTAMP.fullmatch(stamp):
        raise WebhookSignatureError("The webhook-timestamp header is not a Unix time in seconds.")
    age = (time.time() if now is None else now) - int(stamp)
    if age > tolerance:
        raise WebhookSignatureError(f"The webhook-timestamp is {age:.0f} s old, more than the {tolerance:g} s allowed.")
    if -age > tolerance:
        raise WebhookSignatureError(
            f"The webhook-timestamp is {-age:.0f} s in the future, more than the {tolerance:g} s allowed."
        )

    body = raw_body.encode("utf-8", "surrogatepass") if isinstance(raw_body, str) else bytes(raw_body)
    signed = f"{msg_id}.{stamp}.".encode("utf-8", "surrogatepass") + body
    expected = [hmac.new(key, signed, hashlib.sha256).digest() for key in keys]
    candidates = _v1_signatures(signatures)
    if not candidates:
        raise WebhookSignatureError("The webhook-signature header has no well-formed `v1,<base64>` signature.")
    # compare every pair, so the time taken does not depend on which one matched
    matches = [hmac.compare_digest(want, given) for want in expected for given in candidates]
    if not any(matches):
        raise WebhookSignatureError("No webhook signature matches the secret.")


def _required_header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if not isinstance(value, str) or not value.strip():
        raise WebhookSignatureError(f"The {name} header is missing.")
    return value.strip()


def _v1_signatures(header: str) -> list[bytes]:
    """The decoded `v1` signatures; entries of other versions or malformed ones are skipped."""
    found = []
    for entry in header.split():
        version, _, encoded = entry.partition(",")
        if version != "v1":
            continue
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except (binascii.Error, ValueError):
            continue
    return found
