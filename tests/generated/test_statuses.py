"""Statuses outside the IANA registry (520 from a CDN, 499 from a proxy) reach the caller instead of crashing."""

from __future__ import annotations

from http import HTTPStatus

import httpx
import pytest
import respx

import withallo_client
from withallo_client import errors
from withallo_client.api.calls import search_calls
from withallo_client.api.phone_numbers import list_phone_numbers
from withallo_client.models import ErrorBody

BASE_URL = "https://api.withallo.com/v1/api"


def client(*, raise_on_unexpected_status: bool = False) -> withallo_client.AuthenticatedClient:
    return withallo_client.AuthenticatedClient(
        base_url=BASE_URL, token="k", prefix="", raise_on_unexpected_status=raise_on_unexpected_status
    )


def test_520_with_a_json_body_comes_back_parsed(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(f"{BASE_URL}/numbers").mock(return_value=httpx.Response(520, json={"message": "origin error"}))
    with client() as api:
        response = list_phone_numbers.sync_detailed(client=api)
    assert response.status_code == 520
    assert not isinstance(response.status_code, HTTPStatus)  # kept as the plain int
    assert isinstance(response.parsed, ErrorBody)  # the spec's 5XX range covers it
    assert response.parsed.message == "origin error"
    assert response.content == b'{"message":"origin error"}'


@pytest.mark.anyio
async def test_520_async(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(f"{BASE_URL}/calls").mock(return_value=httpx.Response(520, json={"message": "origin error"}))
    async with client() as api:
        response = await search_calls.asyncio_detailed(client=api, allo_number="+14155550123")
    assert response.status_code == 520
    assert isinstance(response.parsed, ErrorBody)


def test_499_is_undocumented_so_nothing_is_parsed(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(f"{BASE_URL}/numbers").mock(return_value=httpx.Response(499, text="client closed request"))
    with client() as api:
        response = list_phone_numbers.sync_detailed(client=api)
    assert response.status_code == 499
    assert response.parsed is None
    assert response.content == b"client closed request"


def test_499_raises_unexpected_status_when_asked_to(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(f"{BASE_URL}/numbers").mock(return_value=httpx.Response(499, text="client closed request"))
    with client(raise_on_unexpected_status=True) as api, pytest.raises(errors.UnexpectedStatus) as caught:
        list_phone_numbers.sync_detailed(client=api)
    assert caught.value.status_code == 499


# A CDN's 520 comes with an HTML page, a dying proxy's 502 with nothing: the generated layer keeps the body in
# `content` and leaves `parsed` None instead of raising JSONDecodeError (templates/endpoint_module.py.jinja).
@pytest.mark.parametrize("body", ["<html><body>520: Web server is returning an unknown error</body></html>", ""])
def test_520_with_a_non_json_body_does_not_raise(respx_mock: respx.MockRouter, body: str) -> None:
    respx_mock.get(f"{BASE_URL}/numbers").mock(
        return_value=httpx.Response(520, text=body, headers={"Content-Type": "text/html"})
    )
    with client() as api:
        response = list_phone_numbers.sync_detailed(client=api)
    assert response.status_code == 520
    assert response.parsed is None
