"""Fixtures for the reliability suite: waits between retries recorded instead of slept, and no key from the env."""

from __future__ import annotations

import pytest

from withallo_ext import _retry


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the client chose between attempts (the suite stays fast: nothing actually waits)."""
    delays: list[float] = []

    def record(seconds: float) -> None:
        delays.append(seconds)

    async def record_async(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(_retry, "sleep", record)
    monkeypatch.setattr(_retry, "async_sleep", record_async)
    return delays


@pytest.fixture(autouse=True)
def _no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WITHALLO_API_KEY", raising=False)
