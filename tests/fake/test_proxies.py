"""The test helpers' own local traffic ignores HTTP(S)_PROXY / ALL_PROXY, without NO_PROXY's help.

Each test points every proxy variable at 127.0.0.1:9 (the discard port: nothing listens, so a request sent to the
proxy fails) and removes NO_PROXY, which tests/conftest.py sets for the rest of the run.
"""

from __future__ import annotations

import os

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WebhookReceiver, WebhookTopic, WithalloClient
from withallo_ext.errors import InvalidParameterError
from withallo_ext.testing import ACCOUNT_NUMBERS, FakeAllo, WebhookEndpoint
from withallo_ext.testing._loopback import is_loopback, no_proxy_with_loopback

DEAD_PROXY = "http://127.0.0.1:9"


@pytest.fixture
def proxied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every proxy variable set to a dead proxy, and no NO_PROXY."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, DEAD_PROXY)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)


@pytest.mark.usefixtures("proxied")
def test_a_default_httpx_client_would_go_through_the_proxy() -> None:
    """The control: the environment really does send loopback traffic to the (dead) proxy, for a trusting client."""
    fake = FakeAllo()
    with fake.serve() as server, httpx.Client() as http:
        assert http._transport_for_url(httpx.URL(server.base_url)) is not http._transport  # the proxy's transport
        with pytest.raises(httpx.ConnectError):
            http.get(server.base_url + "/numbers", headers={"Authorization": server.api_key})
    assert fake.requests == []


@pytest.mark.usefixtures("proxied")
def test_the_servers_client_reaches_it_directly() -> None:
    fake = FakeAllo()
    with fake.serve() as server, server.client(max_retries=0) as client:
        numbers = client.phone_numbers.list()
    assert [n.number for n in numbers] == [n["number"] for n in ACCOUNT_NUMBERS]
    assert [(r.method, r.path) for r in fake.requests] == [("GET", "/numbers")]


@pytest.mark.usefixtures("proxied")
@pytest.mark.anyio
async def test_the_servers_async_client_reaches_it_directly() -> None:
    fake = FakeAllo()
    with fake.serve() as server:
        async with server.async_client(max_retries=0) as client:
            numbers = await client.phone_numbers.list()
    assert [n.number for n in numbers] == [n["number"] for n in ACCOUNT_NUMBERS]
    assert [(r.method, r.path) for r in fake.requests] == [("GET", "/numbers")]


def test_the_servers_clients_get_the_sdks_timeouts_and_close_their_http_client() -> None:
    with FakeAllo().serve() as server:
        client = server.client(timeout=7, connect_timeout=2)
        http = client._http
        assert isinstance(http, httpx.Client)
        assert not http.trust_env
        assert http.timeout == httpx.Timeout(7, connect=2)
        assert server.client()._http.timeout == httpx.Timeout(30, connect=10)  # WithalloClient's defaults
        client.close()
        assert http.is_closed


@pytest.mark.anyio
async def test_the_servers_async_client_closes_its_http_client() -> None:
    with FakeAllo().serve() as server:
        client = server.async_client(timeout=4)
        http = client._http
        assert isinstance(http, httpx.AsyncClient)
        assert (http.trust_env, http.timeout) == (False, httpx.Timeout(4, connect=10))
        await client.aclose()
        assert http.is_closed


def test_the_servers_client_refuses_bad_options_like_the_sdk() -> None:
    with FakeAllo().serve() as server, pytest.raises(InvalidParameterError) as info:
        server.client(timeout=-1)
    assert info.value.field == "timeout"


def test_a_users_own_http_client_is_used_as_given_and_left_open() -> None:
    with FakeAllo().serve() as server, httpx.Client() as own:
        client = server.client(http_client=own)
        assert type(client) is WithalloClient
        assert client._http is own
        assert len(client.phone_numbers.list()) == len(ACCOUNT_NUMBERS)
        client.close()
        assert not own.is_closed


@pytest.mark.anyio
async def test_a_users_own_async_http_client_is_used_as_given_and_left_open() -> None:
    with FakeAllo().serve() as server:
        async with httpx.AsyncClient() as own:
            client = server.async_client(http_client=own)
            assert type(client) is AsyncWithalloClient
            assert client._http is own
            assert len(await client.phone_numbers.list()) == len(ACCOUNT_NUMBERS)
            await client.aclose()
            assert not own.is_closed


@pytest.mark.usefixtures("proxied")
def test_deliver_to_a_local_endpoint_goes_direct() -> None:
    fake = FakeAllo()
    with WebhookEndpoint(WebhookReceiver().on(WebhookTopic.CALL_RECEIVED, lambda event: None)) as endpoint:
        assert fake.deliver(WebhookTopic.CALL_RECEIVED, endpoint.url) == 200
        assert [d.status for d in endpoint.deliveries] == [200]


@pytest.mark.usefixtures("proxied")
@pytest.mark.anyio
async def test_adeliver_to_a_local_endpoint_goes_direct() -> None:
    fake = FakeAllo()
    with WebhookEndpoint(WebhookReceiver().on(WebhookTopic.CALL_RECEIVED, lambda event: None)) as endpoint:
        assert await fake.adeliver(WebhookTopic.CALL_RECEIVED, endpoint.url) == 200
        assert [d.status for d in endpoint.deliveries] == [200]


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/hook", True),
        ("http://127.8.9.10/hook", True),
        ("http://localhost:8000/hook", True),
        ("http://[::1]:8000/hook", True),
        ("https://hooks.example.com/allo", False),
        ("http://10.0.0.5/hook", False),
        ("http://localhost.example.com/", False),
    ],
)
def test_is_loopback(url: str, local: bool) -> None:
    assert is_loopback(url) is local


def test_no_proxy_keeps_both_spellings_and_adds_loopback_once() -> None:
    environ = {"NO_PROXY": "corp.example, 127.0.0.1", "no_proxy": "intranet,,corp.example"}
    assert no_proxy_with_loopback(environ) == "corp.example,127.0.0.1,intranet,localhost,::1"
    assert no_proxy_with_loopback({}) == "127.0.0.1,localhost,::1"


def test_the_run_exempts_loopback_from_proxies() -> None:
    """tests/conftest.py: subprocesses and the user-facing clients under test reach the local fakes."""
    for name in ("NO_PROXY", "no_proxy"):
        assert {"127.0.0.1", "localhost", "::1"} <= set(os.environ[name].split(","))
