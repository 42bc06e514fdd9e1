"""The FastAPI, Flask and Django example endpoints, each driven by its framework's own test client.

One table of cases runs against all three: token, payload, handler failure, replay, signature, method.
"""

from __future__ import annotations

import json
import logging
import types
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import httpx
import pytest
import respx

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import InvalidParameterError
from withallo_ext.webhooks import MemoryDedupeStore, RedisDedupeStore

from .conftest import SECRET, body_of, signed_headers, spec_webhook_examples

TOKEN = "wh_9f2Kq7Zr4mXc8Vb1Nd6Ls3Jh5Tg0Py2w"  # 36 characters
URL = f"/webhooks/allo/{TOKEN}"
CALL = body_of(spec_webhook_examples()["CALL_RECEIVED"])
SMS = body_of(spec_webhook_examples()["SMS_RECEIVED"])

Post = Callable[..., tuple[int, Any]]  # (path, body, headers=None, method="POST") -> (status, JSON body or None)


def _json_or_none(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


@pytest.fixture(autouse=True)
def no_hardening_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples read these; a developer's shell must not change the tests (nor send them to the real API)."""
    for name in ("WITHALLO_API_KEY", "WITHALLO_WEBHOOK_SECRET", "REDIS_URL", "WITHALLO_WEBHOOK_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def fastapi_post(receiver: WebhookReceiver | None) -> Post:
    """Calls the app in-process through httpx's ASGITransport (Starlette's TestClient now warns that its httpx
    support is deprecated in favour of another package; the ASGI call itself is all these tests need)."""
    from examples.webhooks_fastapi import create_app

    app = create_app(TOKEN if receiver else None, receiver)

    def post(path: str, body: bytes, headers: dict[str, str] | None = None, method: str = "POST") -> tuple[int, Any]:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=app)  # app errors raise here, as TestClient's did
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, path, content=body, headers=headers or {})

        response = anyio.run(call)
        return response.status_code, _json_or_none(response.content)

    return post


def flask_post(receiver: WebhookReceiver | None) -> Post:
    from examples.webhooks_flask import create_app

    client = create_app(TOKEN if receiver else None, receiver).test_client()

    def post(path: str, body: bytes, headers: dict[str, str] | None = None, method: str = "POST") -> tuple[int, Any]:
        response = client.open(path, method=method, data=body, headers=headers, content_type="application/json")
        return response.status_code, _json_or_none(response.data)

    return post


def _configure_django() -> None:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            ALLOWED_HOSTS=["testserver"],
            SECRET_KEY="only-for-these-tests",
            INSTALLED_APPS=[],
            MIDDLEWARE=["django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware"],
            ROOT_URLCONF="examples.webhooks_django",
            WITHALLO_WEBHOOK_TOKEN=TOKEN,
        )
        django.setup()


def django_post(receiver: WebhookReceiver | None) -> Post:
    _configure_django()
    from django.test import Client, override_settings
    from django.urls import path

    import examples.webhooks_django as example

    if receiver is None:
        urlconf: Any = "examples.webhooks_django"  # the example's own urlpatterns and receiver
    else:
        urlconf = types.ModuleType("allo_test_urls")
        urlconf.urlpatterns = [path("webhooks/allo/<str:token>", example.allo_webhook_view(receiver))]
    client = Client(enforce_csrf_checks=True)  # the view must be CSRF-exempt to be reachable by Allo

    def post(path: str, body: bytes, headers: dict[str, str] | None = None, method: str = "POST") -> tuple[int, Any]:
        with override_settings(ROOT_URLCONF=urlconf, WITHALLO_WEBHOOK_TOKEN=TOKEN):
            response = client.generic(method, path, data=body, content_type="application/json", headers=headers)
        return response.status_code, _json_or_none(response.content)

    return post


FRAMEWORKS = {"fastapi": fastapi_post, "flask": flask_post, "django": django_post}


@pytest.fixture(params=sorted(FRAMEWORKS))
def framework(request: pytest.FixtureRequest) -> Callable[[WebhookReceiver | None], Post]:
    return FRAMEWORKS[request.param]


class Recorder:
    """Handlers that record what they saw; an SMS whose id is `boom` makes one raise."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, event: WebhookEvent) -> None:
        if event.get("id") == "boom":
            raise RuntimeError("our own bug")
        self.seen.append(f"{event.topic} {event.get('id')}")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def test_a_delivery_is_handled_and_answered_200(framework: Callable[..., Post], recorder: Recorder) -> None:
    post = framework(WebhookReceiver().on(WebhookTopic.CALL_RECEIVED, recorder).on(WebhookTopic.SMS_RECEIVED, recorder))
    assert post(URL, CALL) == (200, {"ok": True})
    assert post(URL, SMS) == (200, {"ok": True})
    assert recorder.seen == ["CALL_RECEIVED call-7Hq2LmX9", "SMS_RECEIVED sms-4Rt8Pq"]


@pytest.mark.parametrize("token", ["wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper()])
def test_a_wrong_path_token_is_404_and_runs_nothing(
    framework: Callable[..., Post], recorder: Recorder, token: str
) -> None:
    post = framework(WebhookReceiver().on_any(recorder))
    status, _ = post(f"/webhooks/allo/{token}", CALL)
    assert status == 404
    assert recorder.seen == []


@pytest.mark.parametrize(
    "body", [b"", b"{oops", b"[]", b'{"topic": "PING", "data": []}', b'{"topic": "NEW", "data": {}}']
)
def test_an_invalid_payload_is_400(framework: Callable[..., Post], recorder: Recorder, body: bytes) -> None:
    post = framework(WebhookReceiver().on_any(recorder))
    assert post(URL, body) == (400, {"ok": False, "error": "invalid_payload"})
    assert recorder.seen == []


def test_our_handler_failing_is_still_200(
    framework: Callable[..., Post], recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    post = framework(WebhookReceiver().on_any(recorder))
    with caplog.at_level(logging.ERROR, logger="withallo.webhooks"):
        assert post(URL, b'{"topic": "SMS_RECEIVED", "data": {"id": "boom"}}') == (
            200,
            {"ok": False, "error": "handler_failed"},
        )
    assert any(record.exc_info and record.exc_info[0] is RuntimeError for record in caplog.records)


def test_a_handler_returning_a_coroutine_is_not_acknowledged_as_ok(
    framework: Callable[..., Post], recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    """What an `async def` handler did before it was refused at registration: answered ok, event lost."""

    async def save(event: WebhookEvent) -> None:
        recorder(event)

    post = framework(WebhookReceiver().on_any(lambda event: save(event)))
    with caplog.at_level(logging.ERROR, logger="withallo.webhooks"):
        assert post(URL, SMS) == (200, {"ok": False, "error": "handler_failed"})
    assert recorder.seen == []
    assert any("returned coroutine (an awaitable), which was not run" in r.getMessage() for r in caplog.records)


def test_a_replay_is_200_and_runs_nothing(framework: Callable[..., Post], recorder: Recorder) -> None:
    post = framework(WebhookReceiver(dedupe=MemoryDedupeStore()).on_any(recorder))
    assert post(URL, CALL) == (200, {"ok": True})
    assert post(URL, CALL) == (200, {"ok": True, "duplicate": True})
    assert recorder.seen == ["CALL_RECEIVED call-7Hq2LmX9"]


def test_signed_deliveries(framework: Callable[..., Post], recorder: Recorder) -> None:
    post = framework(WebhookReceiver(secret=SECRET).on_any(recorder))
    assert post(URL, CALL, signed_headers(CALL, msg_id="msg_a")) == (200, {"ok": True})
    assert post(URL, CALL) == (401, {"ok": False, "error": "invalid_signature"})
    assert post(URL, CALL + b" ", signed_headers(CALL, msg_id="msg_b")) == (
        401,
        {"ok": False, "error": "invalid_signature"},
    )
    assert recorder.seen == ["CALL_RECEIVED call-7Hq2LmX9"]


def test_a_number_that_is_not_ours_is_403(framework: Callable[..., Post], recorder: Recorder) -> None:
    post = framework(WebhookReceiver(own_numbers=["+33188833451"]).on_any(recorder))
    assert post(URL, CALL) == (403, {"ok": False, "error": "number_not_allowed"})
    assert recorder.seen == []


def test_only_post_is_routed(framework: Callable[..., Post], recorder: Recorder) -> None:
    post = framework(WebhookReceiver().on_any(recorder))
    status, _ = post(URL, b"", method="GET")
    assert status == 405
    assert recorder.seen == []


def test_the_examples_own_receiver_logs_calls_and_inbound_sms_and_dedupes(
    framework: Callable[..., Post], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("WITHALLO_WEBHOOK_TOKEN", TOKEN)
    post = framework(None)
    with caplog.at_level(logging.INFO, logger="examples.webhooks"):
        assert post(URL, CALL)[0] == 200
        assert post(URL, SMS)[0] == 200
    assert [r.getMessage() for r in caplog.records if r.name == "examples.webhooks"] == [
        "Call call-7Hq2LmX9 from +14155550199: Delivery moved to Thursday.",
        "SMS from +14155550199: Is Thursday morning still fine?",
    ]
    assert post(URL, CALL) == (200, {"ok": True, "duplicate": True})


@pytest.mark.parametrize("create", ["fastapi", "flask"])
def test_a_short_token_fails_when_the_app_is_built(create: str) -> None:
    from examples import webhooks_fastapi, webhooks_flask

    factory = {"fastapi": webhooks_fastapi.create_app, "flask": webhooks_flask.create_app}[create]
    with pytest.raises(InvalidParameterError, match="at least 32 characters"):
        factory("too-short", WebhookReceiver())


@pytest.fixture
def allo_api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url="https://api.withallo.com/v1/api", assert_all_called=True) as router:
        yield router


def test_build_receiver_turns_hardening_on_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, allo_api: respx.MockRouter, redis_url: str
) -> None:
    from examples.webhook_handlers import build_receiver

    route = allo_api.get("/numbers").mock(
        return_value=httpx.Response(200, json={"data": [{"number": "+14155550123", "name": "Support"}]})
    )
    monkeypatch.setenv("WITHALLO_API_KEY", "test-key-not-real")
    monkeypatch.setenv("WITHALLO_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("REDIS_URL", redis_url)
    receiver = build_receiver()

    assert route.call_count == 1
    assert route.calls.last.request.headers["Authorization"] == "test-key-not-real"
    assert receiver.own_numbers == frozenset({"+14155550123"})
    assert isinstance(receiver.dedupe, RedisDedupeStore)
    assert receiver.respond(CALL).status == 401
    delivery = signed_headers(CALL, msg_id=f"msg_{id(receiver)}")
    assert receiver.respond(CALL, delivery).body == {"ok": True}
    assert receiver.respond(CALL, delivery).body == {"ok": True, "duplicate": True}
    receiver.dedupe.release(f"msg_{id(receiver)}")


def test_build_receiver_defaults_to_an_in_memory_store_and_no_checks() -> None:
    from examples.webhook_handlers import build_receiver

    receiver = build_receiver()
    assert isinstance(receiver.dedupe, MemoryDedupeStore)
    assert receiver.own_numbers is None
    assert receiver.respond(CALL).body == {"ok": True}
