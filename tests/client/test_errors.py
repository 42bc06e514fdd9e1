"""Every error status and body shape from the wire facts maps to its exception, with its fields filled in."""

from __future__ import annotations

import datetime
import traceback
from typing import Any

import httpx
import pytest
import respx

from withallo_client.errors import SchemaMismatchError
from withallo_ext._error_map import api_error
from withallo_ext.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    UnexpectedResponseError,
    ValidationError,
    WithalloError,
)

from .helpers import ALLO, BASE, CONTACT, Runner, contact_json


def raised(run: Runner, scenario: Any, expected: type[Exception], **options: Any) -> Any:
    with pytest.raises(expected) as info:
        run(scenario, **options)
    assert type(info.value) is expected
    assert isinstance(info.value, WithalloError)
    return info.value


def list_numbers(c: Any) -> Any:
    return c.phone_numbers.list()


def test_401_authentication(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(401, json={"code": "API_KEY_INVALID", "details": None})
    error = raised(run, list_numbers, AuthenticationError)
    assert (error.status_code, error.message, error.error_code, error.details) == (
        401,
        "API_KEY_INVALID",
        "API_KEY_INVALID",
        [],
    )
    assert error.body == {"code": "API_KEY_INVALID", "details": None}
    assert (error.method, error.url) == ("GET", "https://api.withallo.com/v1/api/numbers")
    assert str(error) == "HTTP 401 (GET https://api.withallo.com/v1/api/numbers): API_KEY_INVALID"


def test_403_forbidden_lists_the_required_scopes(api: respx.MockRouter, run: Runner) -> None:
    body = {"code": "API_KEY_INSUFFICIENT_SCOPE", "details": [{"message": "required=CONTACTS_READ", "field": "scope"}]}
    api.get("/contacts").respond(403, json=body)
    error = raised(run, lambda c: c.contacts.search(), ForbiddenError)
    assert error.required_scopes == ["CONTACTS_READ"]
    assert error.error_code == "API_KEY_INSUFFICIENT_SCOPE"
    assert error.details == body["details"]


def test_404_with_an_error_string(api: respx.MockRouter, run: Runner) -> None:
    api.delete("/webhooks/web-x").respond(404, json={"error": "WEBHOOK_NOT_FOUND"})
    error = raised(run, lambda c: c.webhooks.delete("web-x"), NotFoundError)
    assert (error.status_code, error.message, error.error_code) == (404, "WEBHOOK_NOT_FOUND", "WEBHOOK_NOT_FOUND")


def test_400_invalid_sender_id(api: respx.MockRouter, run: Runner) -> None:
    api.post("/sms").respond(400, json={"code": "INVALID_SENDER_ID"})
    error = raised(
        run, lambda c: c.sms.send_france(sender_id="Unknown1", to="+33612345678", message="Hi"), ValidationError
    )
    assert (error.status_code, error.error_code, error.errors) == (400, "INVALID_SENDER_ID", {})


def test_422_field_errors(api: respx.MockRouter, run: Runner) -> None:
    body = {"code": "VALIDATION_ERROR", "details": [{"field": "numbers", "message": "must not be empty"}]}
    api.post("/contacts").respond(422, json=body)
    error = raised(run, lambda c: c.contacts.create(numbers=[CONTACT]), ValidationError)
    assert error.errors == {"numbers": "must not be empty"}
    assert error.message == "VALIDATION_ERROR"


def test_429_retry_after_seconds(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "12"})
    error = raised(run, list_numbers, RateLimitError, max_retries=0)
    assert error.retry_after == 12
    assert error.message == "RATE_LIMITED"


def test_429_retry_after_http_date(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(
        429, json={"code": "RATE_LIMITED"}, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}
    )
    error = raised(run, list_numbers, RateLimitError, max_retries=0)
    assert error.retry_after == datetime.datetime(2015, 10, 21, 7, 28, tzinfo=datetime.UTC)


def test_429_quota_exceeded(api: respx.MockRouter, run: Runner) -> None:
    body = {"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message": "limit=1000;type=DAILY;reset_in=3600"}]}
    api.get("/numbers").respond(429, json=body)
    error = raised(run, list_numbers, RateLimitError, max_retries=0)
    assert (error.error_code, error.retry_after, error.quota_exceeded) == ("API_KEY_QUOTA_EXCEEDED", 3600, True)
    assert error.details == body["details"]


def test_v2_style_error_object(api: respx.MockRouter, run: Runner) -> None:
    body = {
        "error": {
            "type": "rate_limit_error",
            "code": "RATE_LIMIT_EXCEEDED",
            "message": "Too many requests",
            "retryable": True,
            "request_id": "req_123",
            "retry_after_seconds": 1,
        }
    }
    api.get("/numbers").respond(429, json=body)
    error = raised(run, list_numbers, RateLimitError, max_retries=0)
    assert (error.message, error.error_code, error.request_id, error.retry_after) == (
        "RATE_LIMIT_EXCEEDED",
        "RATE_LIMIT_EXCEEDED",
        "req_123",
        1,
    )


def test_503_maintenance_message(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(503, json={"message": "maintenance"})
    error = raised(run, list_numbers, ApiError, max_retries=0)
    assert (error.status_code, error.message, error.error_code) == (503, "maintenance", None)


def test_html_502_keeps_its_text(api: respx.MockRouter, run: Runner) -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    api.get("/numbers").respond(502, text=html, headers={"Content-Type": "text/html"})
    error = raised(run, list_numbers, ApiError, max_retries=0)
    assert (error.status_code, error.body, error.message) == (502, html, "HTTP 502")


def test_520_from_a_proxy(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(520, text="")
    error = raised(run, list_numbers, ApiError, max_retries=0)
    assert (error.status_code, error.body, error.message) == (520, "", "HTTP 520")


def test_request_id_header(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").respond(404, json={"message": "no such thing"}, headers={"X-Request-Id": "req_abc"})
    error = raised(run, list_numbers, NotFoundError)
    assert (error.message, error.request_id) == ("no such thing", "req_abc")
    assert str(error).endswith("[request_id=req_abc]")


def test_an_undocumented_4xx_is_an_api_error(api: respx.MockRouter, run: Runner) -> None:
    api.post("/webhooks").respond(409, json={"detail": "already exists"})
    error = raised(
        run, lambda c: c.webhooks.create(allo_number=ALLO, url="https://a.example/h", topics=["PING"]), ApiError
    )
    assert (error.status_code, error.message) == (409, "already exists")


def test_connection_failure(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").mock(side_effect=httpx.ConnectError("connection refused"))
    error = raised(run, list_numbers, ApiConnectionError, max_retries=0)
    assert "ConnectError" in str(error)
    assert "GET https://api.withallo.com/v1/api/numbers" in str(error)
    assert isinstance(error.__cause__, httpx.ConnectError)


def test_timeout(api: respx.MockRouter, run: Runner) -> None:
    api.get("/numbers").mock(side_effect=httpx.ReadTimeout("read timed out"))
    error = raised(run, list_numbers, ApiTimeoutError, max_retries=0)
    assert isinstance(error, ApiConnectionError)
    assert str(error) == "GET https://api.withallo.com/v1/api/numbers: timed out (ReadTimeout)"


@pytest.mark.parametrize(
    ("response", "body"),
    [
        (httpx.Response(200, text="<html>ok</html>"), "<html>ok</html>"),
        (httpx.Response(200, json={"unexpected": True}), {"unexpected": True}),
        (httpx.Response(200, json={"data": "not a list"}), {"data": "not a list"}),
    ],
)
def test_a_success_with_an_unreadable_body_raises(
    api: respx.MockRouter, run: Runner, response: httpx.Response, body: Any
) -> None:
    api.get("/numbers").mock(return_value=response)
    error = raised(run, list_numbers, UnexpectedResponseError)
    assert isinstance(error, ApiError)
    assert (error.status_code, error.body) == (200, body)


def test_a_success_status_the_spec_does_not_list_with_no_body_raises(api: respx.MockRouter, run: Runner) -> None:
    api.post("/contacts").respond(202)
    error = raised(run, lambda c: c.contacts.create(numbers=[CONTACT]), UnexpectedResponseError)
    assert error.status_code == 202


def test_test_connection_true(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/numbers").respond(200, json={"data": []})
    assert run(lambda c: c.test_connection()) is True
    assert route.call_count == 1


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(401, json={"code": "API_KEY_INVALID"}),
        httpx.Response(403, json={"code": "API_KEY_INSUFFICIENT_SCOPE"}),
        httpx.Response(500, text="boom"),
        httpx.Response(200, text="not json"),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
    ],
)
def test_test_connection_false_never_raises(api: respx.MockRouter, run: Runner, answer: Any) -> None:
    route = api.get("/numbers")
    if isinstance(answer, Exception):
        route.mock(side_effect=answer)
    else:
        route.mock(return_value=answer)
    assert run(lambda c: c.test_connection(), max_retries=0) is False
    assert route.call_count == 1


def test_an_unreadable_huge_field_gives_a_short_message_and_keeps_the_whole_body(
    api: respx.MockRouter, run: Runner
) -> None:
    bad = "2026-" + "9" * 1_000_000  # a model's error names the field and quotes a short excerpt of the value
    api.get("/contact/cnt_1").respond(200, json={"data": contact_json(1, created_at=bad)})
    error = raised(run, lambda c: c.contacts.get("cnt_1"), UnexpectedResponseError)
    assert len(str(error)) < 400
    assert "`data.created_at` must be an ISO 8601 date-time string, got string ('2026-99999999999'...)" in str(error)
    assert isinstance(error.__cause__, SchemaMismatchError)  # the parse error stays chained, cut short too, so that a
    assert len("".join(traceback.format_exception(error))) < 10_000  # logged traceback is as short as the message
    assert error.body["data"]["created_at"] == bad  # the whole of it is still there for whoever needs it
    assert (error.status_code, error.method, error.url) == (200, "GET", f"{BASE}/contact/cnt_1")


def test_a_redirect_to_a_huge_location_gives_a_short_message(api: respx.MockRouter, run: Runner) -> None:
    location = "https://elsewhere.example/" + "a" * 20_000
    api.get("/numbers").respond(302, headers={"Location": location})
    error = raised(run, list_numbers, ApiError)
    assert error.status_code == 302
    assert len(str(error)) < 300
    assert str(error).startswith("HTTP 302 (GET https://api.withallo.com/v1/api/numbers): redirect to 'https://else")
    assert str(error).endswith("more chars]' not followed")


def test_a_redirect_message_hides_credentials_query_and_fragment(api: respx.MockRouter, run: Runner) -> None:
    location = "https://user:hunter2@elsewhere.example/login/next?token=SECRET123&x=1#SECRET456"
    api.post("/sms").respond(307, headers={"Location": location})
    error = raised(run, lambda c: c.sms.send(from_=ALLO, to=CONTACT, message="Hi"), ApiError)
    assert error.message == "redirect to 'https://elsewhere.example/login/next' not followed"
    for secret in ("user", "hunter2", "token", "SECRET123", "SECRET456"):
        assert secret not in str(error)


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("/v2/numbers?page=2", "'/v2/numbers'"),
        ("//user:pw@cdn.example/x#y", "'//cdn.example/x'"),
        ("http://[::1/broken?token=1", "'<unreadable Location>'"),
        (None, "'?'"),
    ],
)
def test_a_redirect_message_for_odd_locations(location: str | None, shown: str) -> None:
    request = httpx.Request("GET", f"{BASE}/numbers?page=1")
    headers = {} if location is None else {"Location": location}
    error = api_error(httpx.Response(301, headers=headers, request=request))
    assert error.message == f"redirect to {shown} not followed"
    assert (error.status_code, error.url) == (301, f"{BASE}/numbers")
