"""Shared pytest configuration. Async tests use anyio's plugin on asyncio."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests._redis import redis_server_url
from withallo_ext import _retry
from withallo_ext.testing._loopback import no_proxy_with_loopback


@pytest.fixture(scope="session", autouse=True)
def _loopback_bypasses_proxies() -> Iterator[None]:
    """NO_PROXY names 127.0.0.1, localhost and ::1 (added to what it had) for the whole run, subprocesses included.

    With HTTP_PROXY/HTTPS_PROXY/ALL_PROXY set on the machine, httpx would send the tests' local traffic to the
    proxy. WithalloClient keeps trust_env (users rely on their proxies), so the run exempts loopback instead.
    """
    value = no_proxy_with_loopback()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_PROXY", value)
        patch.setenv("no_proxy", value)
        yield


@pytest.fixture(scope="session", autouse=True)
def _no_base_url_from_the_environment() -> Iterator[None]:
    """No WITHALLO_BASE_URL from the developer's shell: clients built without base_url talk to production's URL
    (which respx mocks); tests of the variable set it themselves."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("WITHALLO_BASE_URL", raising=False)
        yield


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


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real Redis for the whole run (tests/_redis.py says where it comes from)."""
    yield from redis_server_url()
