"""The error answers FakeAllo gives, with the bodies the real server sends.

openapi/withallo.yaml documents them: the `ErrorBody` schema and each operation's error responses.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

E164 = re.compile(r"\+[1-9][0-9]{1,14}")  # fullmatch: ASCII digits only, no trailing newline
SENDER_ID = re.compile(r"^(?:(?=[0-9]*[A-Za-z])[A-Za-z0-9]{3,11}|[0-9]{3,8})$")


class ApiProblem(Exception):
    """Raised by an operation to answer with an error status and body instead of a result."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"HTTP {status}: {body!r}")
        self.status = status
        self.body = body
        self.headers = headers or {}

    def response(self) -> httpx.Response:
        """The answer the server gives for this problem."""
        return httpx.Response(self.status, json=self.body, headers=self.headers)


def error_body(code: str, details: list[tuple[str | None, str]] | None) -> dict[str, Any]:
    """`{"code": ..., "details": [{"field": ..., "message": ...}]}`, or `"details": null`."""
    if details is None:
        return {"code": code, "details": None}
    return {"code": code, "details": [{"field": field, "message": message} for field, message in details]}


def bad_request(field: str, message: str, code: str = "BAD_REQUEST") -> ApiProblem:
    """400: a malformed request (a query parameter out of range, a body that is not JSON, a bad sender ID)."""
    return ApiProblem(400, error_body(code, [(field, message)]))


def not_found(code: str = "NOT_FOUND") -> ApiProblem:
    """404 with the v1 body shape."""
    return ApiProblem(404, error_body(code, None))


class FieldErrors:
    """Collects the field errors of one request body, then answers 422 VALIDATION_ERROR naming each field."""

    def __init__(self) -> None:
        self.details: list[tuple[str | None, str]] = []

    def add(self, field: str, message: str) -> None:
        self.details.append((field, message))

    def check_string(self, body: dict[str, Any], key: str, *, required: bool = False, nullable: bool = False) -> None:
        """A string field: present when required, a string (or null where the spec allows it)."""
        if key not in body:
            if required:
                self.add(key, "must not be null")
            return
        value = body[key]
        if value is None and nullable:
            return
        if not isinstance(value, str):
            self.add(key, "must be a string")

    def check_number(self, body: dict[str, Any], key: str) -> None:
        """A required E.164 phone number."""
        value = body.get(key)
        if value is None:
            self.add(key, "must not be null")
        elif not isinstance(value, str) or not E164.fullmatch(value):
            self.add(key, "must be a phone number in E.164 format, e.g. +14155550123")

    def check_number_list(self, body: dict[str, Any], key: str, *, required: bool) -> None:
        """A list of at least one E.164 number."""
        if key not in body:
            if required:
                self.add(key, "must not be empty")
            return
        value = body[key]
        if not isinstance(value, list):
            self.add(key, "must be an array")
        elif not value:
            self.add(key, "must not be empty")
        else:
            for index, item in enumerate(value):
                if not isinstance(item, str) or not E164.fullmatch(item):
                    self.add(f"{key}[{index}]", "must be a phone number in E.164 format, e.g. +14155550123")

    def check_string_list(self, body: dict[str, Any], key: str) -> None:
        """An optional list of strings."""
        if key in body and (not isinstance(body[key], list) or not all(isinstance(v, str) for v in body[key])):
            self.add(key, "must be an array of strings")

    def check_message(self, body: dict[str, Any]) -> None:
        """An SMS text: 1 to 1000 characters."""
        value = body.get("message")
        if value is None:
            self.add("message", "must not be null")
        elif not isinstance(value, str):
            self.add("message", "must be a string")
        elif not 1 <= len(value) <= 1000:
            self.add("message", "size must be between 1 and 1000")

    def raise_if_any(self) -> None:
        if self.details:
            raise ApiProblem(422, error_body("VALIDATION_ERROR", self.details))
