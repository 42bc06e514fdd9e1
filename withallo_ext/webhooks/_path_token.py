"""The secret token in a webhook URL (``/webhooks/allo/<token>``): `verify_path_token`, in constant time."""

from __future__ import annotations

import hmac

from ..errors import InvalidParameterError

__all__ = ["MIN_PATH_TOKEN_LENGTH", "verify_path_token"]

MIN_PATH_TOKEN_LENGTH = 32


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
