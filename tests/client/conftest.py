"""Fixtures for the client tests: a respx router on the production base URL, both clients, and a recorded sleep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx

from withallo_ext import _retry

from .helpers import BASE, Runner


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """Every request to the Allo base URL is answered by routes the test declares; nothing reaches the network."""
    with respx.mock(base_url=BASE, assert_all_called=False, assert_all_mocked=True) as router:
        yield router


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Runner:
    """The same scenario through WithalloClient and through AsyncWithalloClient."""
    return Runner(str(request.param))


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the client waited between attempts, recorded instead of slept."""
    delays: list[float] = []

    def fake_sleep(seconds: float) -> None:
        delays.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(_retry, "sleep", fake_sleep)
    monkeypatch.setattr(_retry, "async_sleep", fake_async_sleep)
    return delays


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WITHALLO_API_KEY", raising=False)
