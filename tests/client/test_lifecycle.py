"""The client's lifecycle: base URLs checked at construction, test_connection() never raising, calls after close."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import ClientClosedError, InvalidParameterError, WithalloError

from .helpers import BASE, KEY

CLIENTS = [WithalloClient, AsyncWithalloClient]
NUMBERS = {"data": [{"number": "+1234567890", "country": "US"}]}

BAD_URLS = [
    "http://[::1",  # unclosed IPv6 bracket
    "http://exa mple.com",  # httpx would send it as `exa%20mple.com`
    "https://api.example:99999/v1",
    "https://api.example:0/v1",
    "https://",
    "https:///v1/api",
    "ftp://api.example",
    "api.withallo.com",
    "https://api.example/v1?debug=1",  # paths are appended to the base URL
    "https://api.example/v1#top",
    "https://user:secret@api.example/v1",  # error messages quote the URL
    "https://api.example\n/v1",
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("option", ["base_url", "environment"])
def test_bad_base_urls_are_refused_at_construction(cls: Any, option: str, url: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        cls(KEY, **{option: url})
    assert info.value.field == option


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://[::1]:8080/v1/api/", "http://[::1]:8080/v1/api"),
        ("http://localhost:65535", "http://localhost:65535"),
        ("https://éxample.com/v1", "https://éxample.com/v1"),  # IDNA host, encoded by httpx
        ("HTTPS://API.EXAMPLE/v1", "HTTPS://API.EXAMPLE/v1"),
    ],
)
def test_good_base_urls_are_kept(url: str, expected: str) -> None:
    assert WithalloClient(KEY, base_url=url).base_url == expected


def test_a_webhook_url_with_an_invalid_port_is_refused(api: respx.MockRouter) -> None:
    with WithalloClient(KEY) as client, pytest.raises(InvalidParameterError) as info:
        client.webhooks.create(allo_number="+14155550123", url="https://hooks.example:70000/h", topics=["PING"])
    assert info.value.field == "url"
    assert api.calls.call_count == 0


def raising_hook(exc: BaseException) -> Any:
    def hook(request: httpx.Request) -> None:
        raise exc

    return hook


def failing_client(cls: Any, exc: BaseException) -> Any:
    """A client over a user http_client whose request hook raises `exc` (a bug in the user's own code, say)."""
    if cls is WithalloClient:
        return cls(KEY, http_client=httpx.Client(event_hooks={"request": [raising_hook(exc)]}))

    async def async_hook(request: httpx.Request) -> None:
        raise exc

    return cls(KEY, http_client=httpx.AsyncClient(event_hooks={"request": [async_hook]}))


@pytest.mark.anyio
@pytest.mark.parametrize("cls", CLIENTS)
async def test_test_connection_is_false_whatever_is_raised(cls: Any, caplog: pytest.LogCaptureFixture) -> None:
    client = failing_client(cls, RuntimeError(f"boom {KEY}"))
    with caplog.at_level(logging.DEBUG, logger="withallo"):
        result = client.test_connection()
        result = (await result) if cls is AsyncWithalloClient else result
    assert result is False
    assert "test_connection failed: RuntimeError" in caplog.messages
    assert KEY not in caplog.text


@pytest.mark.anyio
@pytest.mark.parametrize("cls", CLIENTS)
async def test_test_connection_lets_keyboard_interrupt_through(cls: Any) -> None:
    client = failing_client(cls, KeyboardInterrupt())

    async def check() -> Any:
        result = client.test_connection()
        return (await result) if cls is AsyncWithalloClient else result

    with pytest.raises(KeyboardInterrupt):
        await check()


def assert_closed_error(info: pytest.ExceptionInfo[ClientClosedError]) -> None:
    assert isinstance(info.value, WithalloError)
    assert isinstance(info.value, RuntimeError)  # what httpx raised before, for code that caught that
    assert "the client is closed" in str(info.value)


@pytest.mark.parametrize("own_http", [False, True])
def test_calls_after_close_raise_client_closed(api: respx.MockRouter, own_http: bool) -> None:
    api.get("/numbers").respond(200, json=NUMBERS)
    client = WithalloClient(KEY, http_client=httpx.Client() if own_http else None)
    client.close()
    with pytest.raises(ClientClosedError) as info:
        client.phone_numbers.list()
    assert_closed_error(info)
    with pytest.raises(ClientClosedError):
        list(client.contacts.iter())
    assert client.test_connection() is False
    assert api.calls.call_count == 0


@pytest.mark.anyio
@pytest.mark.parametrize("own_http", [False, True])
async def test_async_calls_after_aclose_raise_client_closed(api: respx.MockRouter, own_http: bool) -> None:
    api.get("/numbers").respond(200, json=NUMBERS)
    client = AsyncWithalloClient(KEY, http_client=httpx.AsyncClient() if own_http else None)
    await client.aclose()
    with pytest.raises(ClientClosedError) as info:
        await client.phone_numbers.list()
    assert_closed_error(info)
    with pytest.raises(ClientClosedError):
        [c async for c in client.contacts.iter()]
    assert await client.test_connection() is False
    assert api.calls.call_count == 0


def test_a_users_http_client_closed_by_the_user_gives_client_closed(api: respx.MockRouter) -> None:
    own = httpx.Client()
    client = WithalloClient(KEY, http_client=own)
    own.close()
    with pytest.raises(ClientClosedError) as info:
        client.phone_numbers.list()
    assert_closed_error(info)
    assert api.calls.call_count == 0


@pytest.mark.anyio
async def test_a_users_async_http_client_closed_by_the_user_gives_client_closed(api: respx.MockRouter) -> None:
    own = httpx.AsyncClient()
    client = AsyncWithalloClient(KEY, http_client=own)
    await own.aclose()
    with pytest.raises(ClientClosedError) as info:
        await client.phone_numbers.list()
    assert_closed_error(info)
    assert api.calls.call_count == 0


def test_a_client_still_works_until_closed(api: respx.MockRouter) -> None:
    route = api.get("/numbers").respond(200, json=NUMBERS)
    with WithalloClient(KEY) as client:
        assert client.test_connection() is True
    assert str(route.calls.last.request.url) == f"{BASE}/numbers"
