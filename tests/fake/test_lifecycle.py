"""The clients the fake hands out close everything they hold: the SDK client's close(), FakeAllo.close(), and the
`fake_allo` fixture's teardown close the httpx client the fake made (WithalloClient leaves a given one open)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import ClientClosedError
from withallo_ext.testing import FakeAllo

HttpClient = httpx.Client | httpx.AsyncClient


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[HttpClient]:
    """Every httpx client built during the test, in order."""
    built: list[HttpClient] = []

    class RecordedClient(httpx.Client):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            built.append(self)

    class RecordedAsyncClient(httpx.AsyncClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            built.append(self)

    monkeypatch.setattr(httpx, "Client", RecordedClient)
    monkeypatch.setattr(httpx, "AsyncClient", RecordedAsyncClient)
    return built


def test_closing_the_client_closes_the_httpx_client_the_fake_made(made: list[HttpClient]) -> None:
    fake = FakeAllo()
    with fake.client() as client:
        assert isinstance(client, WithalloClient)
        assert len(client.phone_numbers.list()) == 3
    [http] = made
    assert http.is_closed
    with pytest.raises(ClientClosedError):
        client.phone_numbers.list()


@pytest.mark.anyio
async def test_closing_the_async_client_closes_the_httpx_client_the_fake_made(made: list[HttpClient]) -> None:
    fake = FakeAllo()
    async with fake.async_client() as client:
        assert isinstance(client, AsyncWithalloClient)
        assert len(await client.phone_numbers.list()) == 3
    [http] = made
    assert http.is_closed


def test_fake_close_closes_what_was_left_open(made: list[HttpClient]) -> None:
    with FakeAllo() as fake:
        client = fake.client()
        client.phone_numbers.list()
        fake.async_client()
        fake.http_client()
        fake.async_http_client()
        with fake.client():
            pass
        assert [http.is_closed for http in made] == [False, False, False, False, True]
    assert all(http.is_closed for http in made)
    fake.close()  # twice is fine


@pytest.fixture
def checked_after_teardown() -> Iterator[list[HttpClient]]:
    """Asserts, after the fixtures requested later (fake_allo) were torn down, that its clients are closed."""
    clients: list[HttpClient] = []
    yield clients
    assert clients
    assert all(http.is_closed for http in clients)


def test_the_fixture_closes_the_clients_a_test_left_open(
    checked_after_teardown: list[HttpClient], made: list[HttpClient], fake_allo: FakeAllo
) -> None:
    fake_allo.client().phone_numbers.list()
    fake_allo.async_client()
    assert not any(http.is_closed for http in made)
    checked_after_teardown.extend(made)
