"""The fake's routing table: each v1 operation's method, path and scope, and the dispatch of a request to it.

To add an operation: a route in ROUTES (method, path template, scope) and the Account method behind it;
tests/test_completeness.py checks that every path of openapi/withallo.yaml has one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import httpx

from ._account import Account
from ._account_state import Result
from ._problems import ApiProblem, bad_request, error_body, not_found
from ._scopes import Keys, require_scope

_Operation = Callable[[Account, dict[str, str], Mapping[str, str], Any], Result]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    scope: str
    operation: _Operation
    has_body: bool = False


def _route(method: str, template: str, scope: str, operation: _Operation) -> Route:
    pattern = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")
    return Route(method, pattern, scope, operation, has_body=method in {"POST", "PUT"})


# The v1 operations of openapi/withallo.yaml, with the scope each needs (the spec's tag descriptions
# name them: `tags:` in openapi/withallo.yaml).
ROUTES = (
    _route("GET", "/webhooks", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.list_webhooks()),
    _route("POST", "/webhooks", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.create_webhook(b)),
    _route(
        "DELETE", "/webhooks/{webhook_id}", "WEBHOOKS_READ_WRITE", lambda a, p, q, b: a.delete_webhook(p["webhook_id"])
    ),
    _route("GET", "/calls", "CONVERSATIONS_READ", lambda a, p, q, b: a.search_calls(q)),
    _route("GET", "/contact/{contact_id}", "CONTACTS_READ", lambda a, p, q, b: a.get_contact(p["contact_id"], q)),
    _route(
        "GET",
        "/contact/{contact_id}/conversation",
        "CONVERSATIONS_READ",
        lambda a, p, q, b: a.search_conversation(p["contact_id"], q),
    ),
    _route("GET", "/contacts", "CONTACTS_READ", lambda a, p, q, b: a.search_contacts(q)),
    _route("POST", "/contacts", "CONTACTS_READ_WRITE", lambda a, p, q, b: a.create_contact(b)),
    _route(
        "PUT", "/contacts/{contact_id}", "CONTACTS_READ_WRITE", lambda a, p, q, b: a.update_contact(p["contact_id"], b)
    ),
    _route("POST", "/sms", "SMS_SEND", lambda a, p, q, b: a.send_sms(b)),
    _route("GET", "/numbers", "CONVERSATIONS_READ", lambda a, p, q, b: a.list_numbers()),
)


def answer(request: httpx.Request, path: str, account: Account, keys: Keys) -> httpx.Response:
    """The API's answer to `request` at `path` (relative to the API base): the operation's result, or the error
    the server gives (401 unknown key, 404 no such path, 405 no such method there, 403 missing scope, 400/422 bad
    input)."""
    try:
        status, body = _dispatch(request, path, account, keys)
    except ApiProblem as problem:
        return problem.response()
    return httpx.Response(status) if body is None else httpx.Response(status, json=body)


def _dispatch(request: httpx.Request, path: str, account: Account, keys: Keys) -> Result:
    scopes = keys.scopes(request.headers.get("authorization"))
    matched = [(route, route.pattern.match(path)) for route in ROUTES]
    found = [(route, match) for route, match in matched if match is not None]
    if not found:
        raise not_found()
    route, match = next(((r, m) for r, m in found if r.method == request.method), (None, None))
    if route is None or match is None:
        allowed = ", ".join(sorted({r.method for r, _ in found}))
        raise ApiProblem(405, error_body("METHOD_NOT_ALLOWED", None), {"Allow": allowed})
    require_scope(scopes, route.scope)
    params = {name: unquote(value) for name, value in match.groupdict().items()}
    body = _body(request) if route.has_body else None
    return route.operation(account, params, dict(request.url.params), body)


def _body(request: httpx.Request) -> Any:
    try:
        return json.loads(request.content)
    except ValueError:
        raise bad_request("body", "must be valid JSON") from None
