"""The generated client alone, as its docs show it, authenticates: the raw key in `Authorization`, no `Bearer`.

The spec's `ApiKey` scheme is an apiKey in the Authorization header; openapi-python-client ignores securitySchemes and
defaults `prefix="Bearer"`, which Allo answers with 401. templates/client.py.jinja makes the default `prefix=""`.
Checked against the fake served on a free local port, through a real socket.
"""

from __future__ import annotations

from withallo_client import AuthenticatedClient
from withallo_client.api.phone_numbers import list_phone_numbers
from withallo_client.models import PhoneNumberListResponse
from withallo_ext.testing import FakeAllo


def test_documented_default_authenticates_against_the_served_fake() -> None:
    fake = FakeAllo(seed=0)
    with (
        fake.serve() as server,
        AuthenticatedClient(base_url=server.base_url, token=server.api_key) as client,
    ):
        response = list_phone_numbers.sync_detailed(client=client)

    assert response.status_code == 200
    assert isinstance(response.parsed, PhoneNumberListResponse)
    assert [n.number for n in response.parsed.data] == [n["number"] for n in fake.account.numbers]
    assert fake.requests_to("GET", "/numbers")[-1].authorization == "***"  # the raw key (masked by the fake)


def test_a_prefix_is_sent_only_when_asked_and_the_key_stays_out_of_the_repr() -> None:
    fake = FakeAllo(seed=0)
    with (
        fake.serve() as server,
        AuthenticatedClient(base_url=server.base_url, token=server.api_key, prefix="Bearer") as client,
    ):
        response = list_phone_numbers.sync_detailed(client=client)
        text = repr(client)

    assert response.status_code == 401  # what the stock generator's default got from Allo
    assert fake.requests_to("GET", "/numbers")[-1].authorization == "Bearer ***"
    assert server.api_key not in text
