"""pytest plugin registered by the `withallo` distribution (entry point `pytest11`).

Fixtures: `fake_allo` (a fresh FakeAllo per test) and `fake_allo_server` (that fake served on 127.0.0.1).
Configure them per test with a marker: `@pytest.mark.fake_allo(seed=3, pagination="flat")`.
For testing your own webhook endpoint: `webhook_secret` (a fresh valid signing secret, also in
WITHALLO_WEBHOOK_SECRET) and `allo_webhooks` (signed deliveries into your WSGI or ASGI app, in one line).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from withallo_ext.webhooks import generate_webhook_secret

from ._fake import FakeAllo
from ._sender import WebhookSender
from ._server import FakeAlloServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fake_allo(**options): options for the fake_allo fixture, as FakeAllo(**options) takes them"
    )


@pytest.fixture
def fake_allo(request: pytest.FixtureRequest) -> Iterator[FakeAllo]:
    """A fresh in-memory Allo account (seed 0 unless a `fake_allo` marker says otherwise); the clients it made for
    the test are closed after it."""
    marker = request.node.get_closest_marker("fake_allo")
    options = dict(marker.kwargs) if marker else {}
    with FakeAllo(**options) as fake:
        yield fake


@pytest.fixture
def fake_allo_server(fake_allo: FakeAllo) -> Iterator[FakeAlloServer]:
    """The test's `fake_allo`, served over HTTP on 127.0.0.1 on a free port for the test's duration."""
    with fake_allo.serve() as server:
        yield server


@pytest.fixture
def webhook_secret(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, valid signing secret (`whsec_...`), also set as WITHALLO_WEBHOOK_SECRET for the test's duration,
    so an app that reads it from there when built (in the test) verifies what `allo_webhooks` signs. Override this
    fixture in your conftest.py if your app takes its secret from elsewhere."""
    secret = generate_webhook_secret()
    monkeypatch.setenv("WITHALLO_WEBHOOK_SECRET", secret)
    return secret


@pytest.fixture
def allo_webhooks(fake_allo: FakeAllo, webhook_secret: str) -> WebhookSender:
    """Signed webhook deliveries into your app, in-process: ``allo_webhooks.deliver("SMS_RECEIVED", app=app)``
    returns the status your app answered (``await allo_webhooks.adeliver(...)`` in async tests). The app is a WSGI
    app (Flask, Django) or an ASGI one (FastAPI); `path` defaults to ``/webhooks/allo``. Deliveries are recorded in
    `fake_allo.deliveries`."""
    return WebhookSender(fake_allo, webhook_secret)
