"""Testing your own webhook endpoint: the fake delivers signed events into a WSGI or ASGI app in-process
(`FakeAllo.deliver(app=, path=)`, `adeliver`), and the `allo_webhooks` fixture makes it one line. The apps are the
repository's FastAPI, Flask and Django examples (Django both as WSGI and as ASGI)."""

from __future__ import annotations

import asyncio
import os
import types
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import httpx
import pytest

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.testing import FakeAllo, WebhookSender
from withallo_ext.testing._apps import is_asgi

from .test_examples import TOKEN, URL, _configure_django

AppFactory = Callable[[WebhookReceiver | None], AbstractContextManager[Any]]


@pytest.fixture(autouse=True)
def no_hardening_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples' build_receiver() reads these; only WITHALLO_WEBHOOK_SECRET (webhook_secret) may be set."""
    for name in ("WITHALLO_API_KEY", "REDIS_URL", "WITHALLO_WEBHOOK_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@contextmanager
def fastapi_app(receiver: WebhookReceiver | None) -> Iterator[Any]:
    from examples.webhooks_fastapi import create_app

    yield create_app(TOKEN, receiver)


@contextmanager
def flask_app(receiver: WebhookReceiver | None) -> Iterator[Any]:
    from examples.webhooks_flask import create_app

    yield create_app(TOKEN, receiver)


@contextmanager
def _django_urls(receiver: WebhookReceiver | None) -> Iterator[None]:
    _configure_django()
    from django.test import override_settings
    from django.urls import path

    import examples.webhooks_django as example
    from examples.webhook_handlers import build_receiver

    urlconf = types.ModuleType("allo_deliver_test_urls")
    urlconf.urlpatterns = [  # type: ignore[attr-defined]
        path("webhooks/allo/<str:token>", example.allo_webhook_view(receiver or build_receiver()))
    ]
    with override_settings(ROOT_URLCONF=urlconf, WITHALLO_WEBHOOK_TOKEN=TOKEN):
        yield


@contextmanager
def django_wsgi_app(receiver: WebhookReceiver | None) -> Iterator[Any]:
    with _django_urls(receiver):
        from django.core.handlers.wsgi import WSGIHandler

        yield WSGIHandler()


@contextmanager
def django_asgi_app(receiver: WebhookReceiver | None) -> Iterator[Any]:
    with _django_urls(receiver):
        from django.core.handlers.asgi import ASGIHandler

        yield ASGIHandler()


APPS: dict[str, AppFactory] = {
    "fastapi": fastapi_app,
    "flask": flask_app,
    "django-wsgi": django_wsgi_app,
    "django-asgi": django_asgi_app,
}
ASGI = {"fastapi", "django-asgi"}


@pytest.fixture(params=sorted(APPS))
def app_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _recording_receiver(secret: str, seen: list[str]) -> WebhookReceiver:
    def record(event: WebhookEvent) -> None:
        seen.append(f"{event.topic} {event.get('id')}")

    return WebhookReceiver(secret=secret).on_any(record)


def test_the_app_kind_is_told_by_its_call(app_kind: str) -> None:
    with APPS[app_kind](WebhookReceiver()) as app:
        assert is_asgi(app) is (app_kind in ASGI)


def test_sync_delivery_into_each_app_signed_with_the_fixtures_secret(
    app_kind: str, allo_webhooks: WebhookSender, webhook_secret: str, fake_allo: FakeAllo
) -> None:
    seen: list[str] = []
    with APPS[app_kind](_recording_receiver(webhook_secret, seen)) as app:
        assert allo_webhooks.deliver(WebhookTopic.SMS_RECEIVED, app=app, path=URL) == 200
        assert allo_webhooks.deliver("CALL_RECEIVED", app=app, path=URL, data={"id": "call-1"}) == 200
        assert fake_allo.deliver("PING", app=app, path=URL) == 401  # unsigned: the app's receiver checks
        assert allo_webhooks.deliver("PING", app=app, path="/webhooks/allo/not-the-token") == 404
    assert seen == ["SMS_RECEIVED sms-4Rt8Pq", "CALL_RECEIVED call-1"]
    delivered = fake_allo.deliveries
    assert [(d.topic, d.status) for d in delivered] == [
        ("SMS_RECEIVED", 200),
        ("CALL_RECEIVED", 200),
        ("PING", 401),
        ("PING", 404),
    ]
    assert delivered[0].url == f"http://testserver{URL}"
    assert delivered[0].headers["webhook-signature"].startswith("v1,")
    assert "webhook-signature" not in delivered[2].headers


@pytest.mark.anyio
async def test_async_delivery_into_each_app(
    app_kind: str, allo_webhooks: WebhookSender, webhook_secret: str, fake_allo: FakeAllo
) -> None:
    seen: list[str] = []
    with APPS[app_kind](_recording_receiver(webhook_secret, seen)) as app:
        assert await allo_webhooks.adeliver("SMS_RECEIVED", app=app, path=URL) == 200
        assert await fake_allo.adeliver("SMS_RECEIVED", app=app, path=URL) == 401
    assert seen == ["SMS_RECEIVED sms-4Rt8Pq"]


def test_an_app_built_from_the_environment_verifies_what_allo_webhooks_signs(
    allo_webhooks: WebhookSender, webhook_secret: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The one-line test a user writes: the example app, untouched, reads WITHALLO_WEBHOOK_SECRET when built."""
    from examples.webhooks_fastapi import create_app

    app = create_app(TOKEN)
    with caplog.at_level("INFO", logger="examples.webhooks"):
        assert allo_webhooks.deliver("SMS_RECEIVED", app=app, path=URL) == 200
    assert any("SMS from +14155550199: Is Thursday" in record.getMessage() for record in caplog.records)
    other = FakeAllo()
    assert other.deliver("SMS_RECEIVED", app=app, path=URL, secret=webhook_secret) == 200
    assert other.deliver("SMS_RECEIVED", app=app, path=URL) == 401


@pytest.mark.anyio
async def test_sync_deliver_into_an_asgi_app_works_inside_a_running_event_loop(webhook_secret: str) -> None:
    seen: list[str] = []
    fake = FakeAllo()
    with fastapi_app(_recording_receiver(webhook_secret, seen)) as app:
        assert fake.deliver("PING", app=app, path=URL, secret=webhook_secret) == 200
    assert seen == ["PING None"]
    asyncio.get_running_loop()  # still ours, still running


def test_an_exception_the_app_lets_out_propagates(fake_allo: FakeAllo) -> None:
    async def broken(scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("the app's own bug")

    with pytest.raises(RuntimeError, match="the app's own bug"):
        fake_allo.deliver("PING", app=broken)


def test_mixing_app_and_url_or_a_bad_path_is_refused_before_sending(fake_allo: FakeAllo) -> None:
    with flask_app(WebhookReceiver()) as app:
        cases: list[tuple[Callable[[], object], str]] = [
            (lambda: fake_allo.deliver("PING", "http://x.test/", app=app), "not both"),
            (
                lambda: fake_allo.deliver(
                    "PING", app=app, transport=httpx.MockTransport(lambda r: httpx.Response(200))
                ),
                "not both",
            ),
            (lambda: fake_allo.deliver("PING", "http://x.test/", path="/webhooks/allo"), "goes with app="),
            (lambda: fake_allo.deliver("PING"), "app= to deliver into your app"),
            (lambda: fake_allo.deliver("PING", app=app, path="webhooks/allo"), "must start with '/'"),
        ]
        for call, message in cases:
            with pytest.raises(ValueError, match=message):
                call()
    assert fake_allo.deliveries == []


def test_the_fixtures_secret_is_valid_fresh_in_the_environment_and_never_shown(
    webhook_secret: str, allo_webhooks: WebhookSender, monkeypatch: pytest.MonkeyPatch
) -> None:
    WebhookReceiver(secret=webhook_secret)  # valid
    assert os.environ["WITHALLO_WEBHOOK_SECRET"] == webhook_secret
    assert webhook_secret not in repr(allo_webhooks)
    assert allo_webhooks.secret == webhook_secret
