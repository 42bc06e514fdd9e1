"""Secret hygiene: with DEBUG logging on, every resource method, error path and retry path, sync and async,
in-process and over a socket. The API keys and the webhook secret may appear in no log record, no repr, no
exception (message, args, chained causes), and in no request except as the exact `Authorization` header.
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import inspect
import logging
import time
import traceback
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from withallo_ext import AsyncWithalloClient, WebhookReceiver, WithalloClient
from withallo_ext.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    ForbiddenError,
    InvalidParameterError,
    NotFoundError,
    RateLimitError,
    ValidationError,
    WebhookSignatureError,
)
from withallo_ext.testing import FakeAllo

from ._timeouts import HeldAnswers

KEY = "sk_live_hygiene_7Qm2Zx9Lw4Tt"
NARROW_KEY = "sk_live_narrow_Pp3Vt8Ry1Kd"  # only CONTACTS_READ: the 403 path
UNKNOWN_KEY = "sk_live_unknown_Hc5Nq0Bs6Ye"  # never accepted: the 401 path
WEBHOOK_KEY = b"hygiene-webhook-signing-key-0123456789"
WEBHOOK_SECRET = "whsec_" + base64.b64encode(WEBHOOK_KEY).decode()
SECRETS = (KEY, NARROW_KEY, UNKNOWN_KEY, WEBHOOK_SECRET, WEBHOOK_SECRET.removeprefix("whsec_"))
API_KEYS = (KEY, NARROW_KEY, UNKNOWN_KEY)
MAIN, US_CONTACT, FR_CONTACT = "+14155550123", "+14155550177", "+33639980001"


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests to `inner` and keeps each one exactly as it went on the wire."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response: httpx.Response = self.inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response: httpx.Response = await self.inner.handle_async_request(request)
        return response


@dataclass
class Seen:
    """Everything the run produced that a secret must not leak into."""

    texts: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)

    def result(self, value: Any) -> None:
        self.texts.append(repr(value))
        self.outcomes.append(type(value).__name__)

    def error(self, exc: BaseException) -> None:
        self.texts += [str(exc), repr(exc), repr(exc.args), repr(vars(exc))]
        self.texts.append("".join(traceback.format_exception(exc)))  # with the chained httpx causes
        self.outcomes.append(type(exc).__name__)


Step = tuple[Callable[[FakeAllo], None], Callable[[Any], Any]]


def steps(fake: FakeAllo, contact_id: str, webhook_id: str) -> list[Step]:
    """(arrange the fake, call the client) for every resource method, error path and retry path."""
    nothing: Callable[[FakeAllo], None] = lambda f: None  # noqa: E731

    def fail(count: int, kind: str, method: str | None = None) -> Callable[[FakeAllo], None]:
        return lambda f: f.fail_next(count, kind, method=method, retry_after=0)  # a timeout: held till the client quits

    return [
        # every resource method, answered
        (nothing, lambda c: c.phone_numbers.list()),
        (nothing, lambda c: c.webhooks.list()),
        (nothing, lambda c: c.webhooks.create(allo_number=MAIN, url="https://hooks.example/a", topics=["PING"])),
        (nothing, lambda c: c.webhooks.delete(webhook_id)),
        (nothing, lambda c: c.calls.search(MAIN, size=5)),
        (nothing, lambda c: c.calls.iter(MAIN, size=50)),
        (nothing, lambda c: c.contacts.get(contact_id, extend=["engagement", "activity"])),
        (nothing, lambda c: c.contacts.search(size=5)),
        (nothing, lambda c: c.contacts.iter(size=50)),
        (nothing, lambda c: c.contacts.search_conversation(contact_id, size=5)),
        (nothing, lambda c: c.contacts.iter_conversation(contact_id, size=50)),
        (nothing, lambda c: c.contacts.create(numbers=[US_CONTACT], name="Hy", emails=["hy@example.com"])),
        (nothing, lambda c: c.contacts.update(contact_id, job_title="CTO")),
        (nothing, lambda c: c.sms.send(from_=MAIN, to=US_CONTACT, message="hello")),
        (nothing, lambda c: c.sms.send_france(sender_id="MyCompany", to=FR_CONTACT, message="bonjour")),
        (nothing, lambda c: c.test_connection()),
        # error paths
        (nothing, lambda c: c.contacts.get("cnt_missing")),
        (nothing, lambda c: c.sms.send(from_=MAIN, to=FR_CONTACT, message="wrong country")),
        (fail(3, "rate_limit"), lambda c: c.phone_numbers.list()),
        (fail(3, "server_error"), lambda c: c.contacts.search()),
        (fail(1, "html_error"), lambda c: c.sms.send(from_=MAIN, to=US_CONTACT, message="html")),
        (fail(3, "timeout", "GET"), lambda c: c.phone_numbers.list()),
        (fail(1, "timeout", "POST"), lambda c: c.sms.send(from_=MAIN, to=US_CONTACT, message="late")),
        (fail(3, "disconnect"), lambda c: c.webhooks.list()),
        (fail(3, "server_error"), lambda c: c.test_connection()),
        # retry paths that end well
        (fail(2, "rate_limit"), lambda c: c.sms.send(from_=MAIN, to=US_CONTACT, message="after 429")),
        (fail(1, "server_error", "GET"), lambda c: c.calls.search(MAIN)),
        (fail(1, "html_error", "GET"), lambda c: c.contacts.get(contact_id)),
        (fail(1, "timeout", "GET"), lambda c: c.webhooks.list()),
        (fail(1, "disconnect", "PUT"), lambda c: c.contacts.update(contact_id, name="Again")),
    ]


def run_sync(client: Any, fake: FakeAllo, plan: list[Step], seen: Seen) -> None:
    for arrange, call in plan:
        fake.clear_faults()
        arrange(fake)
        try:
            result = call(client)
            seen.result(list(result) if isinstance(result, Iterator) else result)
        except Exception as exc:
            seen.error(exc)


async def run_async(client: Any, fake: FakeAllo, plan: list[Step], seen: Seen) -> None:
    for arrange, call in plan:
        fake.clear_faults()
        arrange(fake)
        try:
            result = call(client)
            if inspect.isawaitable(result):
                result = await result
            seen.result([item async for item in result] if isinstance(result, AsyncIterator) else result)
        except Exception as exc:
            seen.error(exc)


def inner_transport(fake: FakeAllo, server_url: str | None, mode: str) -> Any:
    if server_url is None:
        return fake.transport
    return httpx.HTTPTransport() if mode == "sync" else httpx.AsyncHTTPTransport()


@pytest.mark.parametrize("where", ["in-process", "socket"])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_no_secret_in_logs_reprs_errors_or_requests(mode: str, where: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # the root logger: withallo, httpx and httpcore all propagate to it
    fake = FakeAllo(seed=3, api_key=KEY)
    fake.add_key(NARROW_KEY, ["CONTACTS_READ"])
    status, created = fake.account.create_webhook(
        {"allo_number": MAIN, "url": "https://h.example/x", "topics": ["PING"]}
    )
    assert status == 201
    contact_id = next(iter(fake.account.contacts))
    plan = steps(fake, contact_id, created["data"]["id"])
    seen = Seen()
    recorders: list[Recorder] = []

    held = HeldAnswers(fake)  # over the socket, only a request the fake holds gets a short read timeout

    def client_for(key: str, base_url: str, server: bool) -> Any:
        recorder = Recorder(inner_transport(fake, base_url if server else None, mode))
        recorders.append(recorder)
        if mode == "sync":
            http = held.client(transport=recorder)
            return WithalloClient(api_key=key, base_url=base_url, http_client=http)
        return AsyncWithalloClient(api_key=key, base_url=base_url, http_client=held.async_client(transport=recorder))

    def exercise(base_url: str, server: bool) -> None:
        clients = [client_for(key, base_url, server) for key in API_KEYS]
        narrow_plan = [plan[0], (plan[0][0], lambda c: c.sms.send(from_=MAIN, to=US_CONTACT, message="no scope"))]
        runs = [(clients[0], plan), (clients[1], narrow_plan), (clients[2], plan[:2])]
        for client in clients:
            seen.texts += [repr(client), repr(vars(client)), repr(client.sms), repr(client.contacts)]
        if mode == "sync":
            for client, steps_ in runs:
                run_sync(client, fake, steps_, seen)
        else:

            async def main() -> None:
                for client, steps_ in runs:
                    await run_async(client, fake, steps_, seen)

            asyncio.run(main())

    if where == "in-process":
        exercise(fake.base_url, server=False)
    else:
        with fake.serve() as server:
            exercise(server.base_url, server=True)

    # a bad key is refused locally without being quoted
    with pytest.raises(InvalidParameterError) as refused:
        WithalloClient(api_key=KEY + "\n")
    seen.error(refused.value)

    # the run went down every path it claims to
    for expected in (NotFoundError, ValidationError, ForbiddenError, AuthenticationError, RateLimitError, ApiError):
        assert expected.__name__ in seen.outcomes, expected
    assert {ApiTimeoutError.__name__, ApiConnectionError.__name__, "SentSms", "Page", "bool"} <= set(seen.outcomes)
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("Retrying") for m in messages)
    assert any(record.levelno == logging.DEBUG and record.name.startswith("withallo") for record in caplog.records)

    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    logged = [formatter.format(record) + repr(record.args) for record in caplog.records]
    recorded = [repr(r) for r in fake.requests]
    assert len(recorded) > 40
    for secret in SECRETS:
        assert not [text for text in logged if secret in text], "a secret was logged"
        assert not [text for text in seen.texts if secret in text], "a secret is in a repr or an exception"
        assert not [text for text in recorded if secret in text], "a secret is in the fake's record"

    assert held.shortened == held.held() >= 5  # no ordinary answer got the short timeout

    wire = [request for recorder in recorders for request in recorder.requests]
    assert len(wire) == fake.request_count
    for request in wire:
        assert request.headers["authorization"] in API_KEYS
        others = [f"{k}: {v}" for k, v in request.headers.items() if k.lower() != "authorization"]
        for secret in SECRETS:
            assert secret not in str(request.url)
            assert secret.encode() not in request.content
            assert not [h for h in others if secret in h]


def test_no_webhook_secret_in_signature_errors_reprs_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    receiver = WebhookReceiver(secret=WEBHOOK_SECRET)
    body = b'{"topic": "PING", "data": {}}'
    now = int(time.time())
    good = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(now),
        "webhook-signature": Webhook(WEBHOOK_SECRET).sign("msg_1", _at(now), body.decode()),
    }
    assert receiver.parse(body, good).topic == "PING"
    bad_headers: list[dict[str, str]] = [
        {},
        {**good, "webhook-signature": "v1,AAAA"},
        {**good, "webhook-signature": "v1," + WEBHOOK_SECRET},
        {**good, "webhook-timestamp": str(now - 10_000)},
        {**good, "webhook-signature": "garbage " + WEBHOOK_SECRET.removeprefix("whsec_")},
    ]
    texts = [repr(receiver)]
    for headers in bad_headers:
        with pytest.raises(WebhookSignatureError) as caught:
            receiver.parse(body, headers)
        texts += [str(caught.value), repr(caught.value), "".join(traceback.format_exception(caught.value))]
        answer = receiver.respond(body, headers)
        assert answer.status == 401
        texts += [repr(answer), repr(answer.body)]
    with pytest.raises(InvalidParameterError) as refused:
        WebhookReceiver(secret="whsec_!!" + WEBHOOK_SECRET.removeprefix("whsec_"))
    texts.append(str(refused.value))

    logged = [logging.Formatter("%(message)s").format(r) + repr(r.args) for r in caplog.records]
    assert any("signature" in text for text in logged)
    for secret in SECRETS[3:]:
        # the signing key itself: decoded bytes shown as text would be its base64 or its repr
        for text in [*texts, *logged]:
            assert secret not in text
            assert repr(WEBHOOK_KEY)[2:-1] not in text


def _at(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)
