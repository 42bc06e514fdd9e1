"""Every withallo exception survives pickle and copy (multiprocessing, Celery): same class, attributes and text."""

from __future__ import annotations

import copy
import datetime
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from withallo_ext import errors
from withallo_ext._error_map import api_error, transport_error

from .helpers import BASE

COMMON: dict[str, Any] = {
    "body": {"code": "X", "details": [{"field": "to", "message": "bad"}]},
    "error_code": "X",
    "details": [{"field": "to", "message": "bad"}],
    "request_id": "req_1",
    "method": "POST",
    "url": f"{BASE}/sms",
}

# One representative instance per public exception class, built as the client builds them.
SAMPLES: dict[str, errors.WithalloError] = {
    "WithalloError": errors.WithalloError("something went wrong"),
    "InvalidParameterError": errors.InvalidParameterError("to", "must be E.164, like +14155550123"),
    "ApiError": errors.ApiError("conflict", status_code=409, **COMMON),
    "AuthenticationError": errors.AuthenticationError("API_KEY_INVALID", status_code=401, **COMMON),
    "ForbiddenError": errors.ForbiddenError("nope", required_scopes=["SMS_SEND"], status_code=403, **COMMON),
    "NotFoundError": errors.NotFoundError("HTTP 404", status_code=404),
    "ValidationError": errors.ValidationError("VALIDATION_ERROR", errors={"to": "bad"}, status_code=422, **COMMON),
    "RateLimitError": errors.RateLimitError(
        "RATE_LIMITED", retry_after=datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC), status_code=429
    ),
    "UnexpectedResponseError": errors.UnexpectedResponseError("not JSON", status_code=200, body="<html>"),
    "ResponseTooLargeError": errors.ResponseTooLargeError("too large", limit=1024, status_code=200, **COMMON),
    "ApiConnectionError": transport_error(httpx.ReadError("reset"), httpx.Request("POST", f"{BASE}/sms?x=1")),
    "ApiTimeoutError": transport_error(httpx.ConnectTimeout("slow"), httpx.Request("GET", f"{BASE}/numbers")),
    "ClientClosedError": errors.ClientClosedError(),
    "InvalidWebhookPayloadError": errors.InvalidWebhookPayloadError("Webhook body is empty."),
    "WebhookSignatureError": errors.WebhookSignatureError("no matching signature"),
    "WebhookNumberNotAllowedError": errors.WebhookNumberNotAllowedError("+14155550100 is not one of yours"),
    "DedupeStoreError": errors.DedupeStoreError("redis unreachable"),
}


def pickled(protocol: int) -> Callable[[Any], Any]:
    """A pickle round trip with this protocol."""
    return lambda exc: pickle.loads(pickle.dumps(exc, protocol=protocol))


COPIES: dict[str, Callable[[Any], Any]] = {
    **{f"pickle-{p}": pickled(p) for p in range(pickle.HIGHEST_PROTOCOL + 1)},
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def test_every_public_exception_has_a_sample() -> None:
    assert sorted(SAMPLES) == sorted(errors.__all__)
    assert all(type(sample).__name__ == name for name, sample in SAMPLES.items())


@pytest.mark.parametrize("how", list(COPIES))
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_copy_is_the_same_exception(name: str, how: str) -> None:
    original = SAMPLES[name]
    clone = COPIES[how](original)
    assert clone is not original
    assert type(clone) is type(original)
    assert vars(clone) == vars(original)
    assert (clone.args, str(clone), repr(clone)) == (original.args, str(original), repr(original))


def test_a_mapped_api_error_round_trips_with_its_fields() -> None:
    request = httpx.Request("POST", f"{BASE}/sms")
    response = httpx.Response(
        403, json={"code": "API_KEY_INSUFFICIENT_SCOPE", "details": [{"message": "required=SMS_SEND"}]}, request=request
    )
    error = api_error(response)
    clone = pickle.loads(pickle.dumps(error))
    assert isinstance(clone, errors.ForbiddenError)
    assert (clone.status_code, clone.required_scopes, clone.method, clone.url) == (
        403,
        ["SMS_SEND"],
        "POST",
        f"{BASE}/sms",
    )
    assert str(clone) == f"HTTP 403 (POST {BASE}/sms): API_KEY_INSUFFICIENT_SCOPE"


def test_an_invalid_parameter_error_is_still_a_value_error_after_unpickling() -> None:
    clone = pickle.loads(pickle.dumps(errors.InvalidParameterError("size", "must be 1..100")))
    assert isinstance(clone, errors.InvalidParameterError)
    assert isinstance(clone, ValueError)
    assert (clone.field, clone.rule, str(clone)) == ("size", "must be 1..100", "size: must be 1..100")
