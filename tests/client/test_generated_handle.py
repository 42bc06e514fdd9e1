"""`client.generated`: any generated operation, called through the SDK's transport (key, headers, retries, logging,
typed errors), so an operation added to the spec is usable the day `make generate` brings it in."""

from __future__ import annotations

import asyncio
import logging

import pytest

from withallo_client import AuthenticatedClient
from withallo_client.api.contacts import get_contact
from withallo_client.api.phone_numbers import list_phone_numbers
from withallo_client.models import ContactResponse, PhoneNumberListResponse
from withallo_ext import AsyncWithalloClient, WithalloClient
from withallo_ext.errors import InvalidParameterError, NotFoundError
from withallo_ext.testing import FakeAllo


def test_a_generated_operation_goes_through_the_sdk_transport(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeAllo(seed=0)
    fake.fail_next(1, "server_error", path="/numbers")
    with fake.client() as client, caplog.at_level(logging.DEBUG, logger="withallo"):
        assert isinstance(client.generated, AuthenticatedClient)
        response = list_phone_numbers.sync_detailed(client=client.generated)

    assert response.status_code == 200
    assert isinstance(response.parsed, PhoneNumberListResponse)
    assert [n.number for n in response.parsed.data] == [n["number"] for n in fake.account.numbers]
    sent = fake.requests_to("GET", "/numbers")
    assert [r.status for r in sent] == [503, 200]  # retried by the SDK's policy
    assert all(r.authorization == "***" for r in sent)  # the raw key, set by the SDK
    assert sent[-1].headers["user-agent"].startswith("withallo-python/")
    assert "Retrying GET" in caplog.text  # logged by the SDK


def test_an_error_status_raises_the_sdk_exception() -> None:
    fake = FakeAllo(seed=0)
    with fake.client() as client, pytest.raises(NotFoundError):
        get_contact.sync_detailed("cnt_missing", client=client.generated)
    assert fake.last_request.path == "/contact/cnt_missing"


def test_the_async_handle_serves_the_asyncio_functions() -> None:
    fake = FakeAllo(seed=0)
    contact_id = next(iter(fake.account.contacts))

    async def scenario() -> object:
        async with fake.async_client() as client:
            assert isinstance(client, AsyncWithalloClient)
            return await get_contact.asyncio(contact_id, client=client.generated)

    parsed = asyncio.run(scenario())
    assert isinstance(parsed, ContactResponse)
    assert parsed.data.id == contact_id
    assert fake.last_request.authorization == "***"


def test_the_wrong_mode_says_which_to_use_and_sends_nothing() -> None:
    fake = FakeAllo(seed=0)
    with fake.client() as client:
        assert isinstance(client, WithalloClient)
        with pytest.raises(InvalidParameterError, match="use AsyncWithalloClient"):
            asyncio.run(list_phone_numbers.asyncio_detailed(client=client.generated))
    assert fake.requests == []


def test_the_handle_repr_shows_no_key() -> None:
    with WithalloClient(api_key="sk_live_SECRET_123", base_url="https://api.example.test") as client:
        assert "sk_live_SECRET_123" not in repr(client.generated)
