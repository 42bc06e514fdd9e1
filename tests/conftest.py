"""Shared pytest configuration. Async tests use anyio's plugin on asyncio."""

from __future__ import annotations

import pytest

from withallo_ext import _retry


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the client chose between attempts, recorded instead of slept (nothing actually waits)."""
    delays: list[float] = []

    def record(seconds: float) -> None:
        delays.append(seconds)

    async def record_async(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(_retry, "sleep", record)
    monkeypatch.setattr(_retry, "async_sleep", record_async)
    return delays


@pytest.fixture
def no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """No WITHALLO_API_KEY from the developer's environment."""
    monkeypatch.delenv("WITHALLO_API_KEY", raising=False)
