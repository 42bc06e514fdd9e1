"""WithalloClient and AsyncWithalloClient wired to the fake in one line: every resource, errors, retries."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from withallo_ext import WebhookTopic
from withallo_ext.errors import (
    ApiConnectionError,
    ApiTimeoutError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    ValidationError,
)
from withallo_ext.testing import FakeAllo, FakeAlloServer

MAIN = "+14155550123"


def test_every_resource_in_process(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client:
        assert [n.country for n in client.phone_numbers.list()] == ["US", "US", "FR"]
        assert client.test_connection() is True
        hook = client.webhooks.create(allo_number=MAIN, url="https://crm.example/h", topics=[WebhookTopic.PING])
        assert hook.allo_number == MAIN
        assert [w.id for w in client.webhooks.list()] == [hook.id]
        client.webhooks.delete(hook.id)  # type: ignore[arg-type]
        with pytest.raises(NotFoundError):
            client.webhooks.delete(hook.id)  # type: ignore[arg-type]
        contact = client.contacts.create(numbers=["+14155550177"], name="Ada")
        updated = client.contacts.update(contact.id, last_name="Lovelace", emails=["ada@acme.example"])
        assert (updated.name, updated.last_name, updated.emails) == ("Ada", "Lovelace", ["ada@acme.example"])
        assert client.contacts.get(contact.id).last_name == "Lovelace"
        sent = client.sms.send(from_=MAIN, to="+14155550177", message="Hi Ada")
        assert sent.to_number == "+14155550177"
        [entry] = list(client.contacts.iter_conversation(contact.id))
        assert entry.message.content == "Hi Ada"  # type: ignore[union-attr]
        france = client.sms.send_france(sender_id="MyCompany", to="+33639981234", message="Bonjour")
        assert (france.from_number, france.sender_id) == (None, "MyCompany")
        assert len(list(client.contacts.iter(size=5))) == 13
        page = client.calls.search(MAIN, size=10)
        assert (len(page.results), page.total_pages, page.current_page) == (10, 4, 0)
        assert len(list(client.calls.iter(MAIN, size=7))) == 31
    assert [r.path for r in fake_allo.requests_to("GET", "/calls")][-1] == "/calls"
    assert all(r.authorization == "***" for r in fake_allo.requests)


@pytest.mark.fake_allo(pagination="flat", seed=4)
def test_flat_pagination_is_read_by_the_client(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client:
        assert len(list(client.calls.iter(MAIN, size=4))) == sum(
            1 for c in fake_allo.account.calls if MAIN in (c["from_number"], c["to_number"])
        )
    assert "pagination" not in fake_allo.account.page([], 0, 10)["metadata"]


@pytest.mark.anyio
async def test_async_client_in_process(fake_allo: FakeAllo) -> None:
    async with fake_allo.async_client() as client:
        numbers = await client.phone_numbers.list()
        assert numbers[2].number == "+33199001234"
        calls = [call async for call in client.calls.iter(MAIN, size=10)]
        assert len(calls) == 31
        fake_allo.fail_next(1, "rate_limit", retry_after=0)
        assert (await client.contacts.search(size=1)).total_pages == 12


def test_client_over_a_real_socket(fake_allo_server: FakeAlloServer) -> None:
    with fake_allo_server.client() as client:
        assert client.test_connection()
        assert client.calls.search(MAIN, size=100).total_pages == 1
    assert fake_allo_server.fake.last_request.headers["user-agent"].startswith("withallo-python/")


def test_server_errors_map_to_the_clients_exceptions(fake_allo: FakeAllo) -> None:
    fake_allo.add_key("reader", ["CONTACTS_READ"])
    with fake_allo.client(api_key="reader") as reader:
        with pytest.raises(ForbiddenError) as forbidden:
            reader.sms.send(from_=MAIN, to="+14155550199", message="Hi")
        assert forbidden.value.required_scopes == ["SMS_SEND"]
        assert reader.test_connection() is False  # /numbers needs CONVERSATIONS_READ
    with fake_allo.client() as client:
        with pytest.raises(ValidationError) as invalid:
            client.sms.send(from_="+14155550000", to="+14155550199", message="Hi")
        assert invalid.value.errors == {"from": "is not one of the account's Allo numbers"}
        with pytest.raises(ValidationError) as sender:
            client.sms.send_france(sender_id="NotOurs", to="+33639981234", message="Bonjour")
        assert (sender.value.status_code, sender.value.error_code) == (400, "INVALID_SENDER_ID")


def test_a_429_is_ridden_out_and_recorded(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(2, "rate_limit", retry_after=0, path="/sms")
    with fake_allo.client() as client:
        client.sms.send(from_=MAIN, to="+14155550199", message="Hi")
    assert [r.status for r in fake_allo.requests_to("POST", "/sms")] == [429, 429, 200]
    assert sum(m["to_number"] == "+14155550199" for m in fake_allo.account.messages) == 1


def test_retries_exhausted_raise_the_last_error(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(3, "rate_limit", retry_after=0)
    with fake_allo.client(max_retries=2) as client, pytest.raises(RateLimitError):
        client.phone_numbers.list()
    assert len(fake_allo.requests) == 3


def test_an_sms_that_timed_out_is_not_sent_twice(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(1, "timeout", method="POST", path="/sms")
    with fake_allo.client() as client, pytest.raises(ApiTimeoutError):
        client.sms.send(from_=MAIN, to="+14155550199", message="Hi")
    assert len(fake_allo.requests_to("POST", "/sms")) == 1
    assert sum(m["to_number"] == "+14155550199" for m in fake_allo.account.messages) == 1


def test_an_sms_whose_connection_failed_is_retried_once_and_sent_once(
    fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("withallo_ext._retry.sleep", lambda seconds: None)
    fake_allo.fail_next(1, "disconnect", path="/sms")
    with fake_allo.client() as client:
        client.sms.send(from_=MAIN, to="+14155550199", message="Hi")
    assert [r.fault for r in fake_allo.requests_to("POST", "/sms")] == ["disconnect", None]
    assert sum(m["to_number"] == "+14155550199" for m in fake_allo.account.messages) == 1


def test_a_get_is_retried_after_5xx_html_and_timeout(fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("withallo_ext._retry.sleep", lambda seconds: None)
    fake_allo.fail_next(1, "html_error")
    fake_allo.fail_next(1, "timeout")
    with fake_allo.client() as client:
        assert len(client.phone_numbers.list()) == 3
    assert [r.fault for r in fake_allo.requests] == ["html_error", "timeout", None]


def test_a_delete_that_timed_out_after_deleting_succeeds_on_its_retry(
    fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first DELETE is applied and times out; the retry's 404 means gone, which is what was asked."""
    monkeypatch.setattr("withallo_ext._retry.sleep", lambda seconds: None)
    with fake_allo.client() as client:
        hook = client.webhooks.create(allo_number=MAIN, url="https://crm.example/h", topics=[WebhookTopic.PING])
        fake_allo.fail_next(1, "timeout", method="DELETE")
        client.webhooks.delete(hook.id)  # type: ignore[arg-type]
        assert client.webhooks.list() == []
        with pytest.raises(NotFoundError):  # a 404 on the first attempt still raises
            client.webhooks.delete(hook.id)  # type: ignore[arg-type]
    deletes = fake_allo.requests_to("DELETE", f"/webhooks/{hook.id}")
    assert [(r.fault, r.status) for r in deletes] == [("timeout", None), (None, 404), (None, 404)]


def test_a_delete_that_timed_out_after_deleting_succeeds_async_and_over_a_socket(
    fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_wait(seconds: float) -> None:
        return None

    monkeypatch.setattr("withallo_ext._retry.async_sleep", no_wait)
    with fake_allo.serve() as server:

        async def main() -> None:
            async with server.async_client(timeout=0.5) as client:
                hook = await client.webhooks.create(allo_number=MAIN, url="https://crm.example/h", topics=["PING"])
                fake_allo.fail_next(1, "timeout", method="DELETE", delay=5)
                await client.webhooks.delete(hook.id)  # type: ignore[arg-type]
                assert await client.webhooks.list() == []

        asyncio.run(main())
    assert [(r.fault, r.status) for r in fake_allo.requests if r.method == "DELETE"] == [("timeout", None), (None, 404)]


def test_dropped_connections_exhaust_into_api_connection_error(
    fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("withallo_ext._retry.sleep", lambda seconds: None)
    fake_allo.fail_next(5, "disconnect")
    with fake_allo.client(max_retries=1) as client, pytest.raises(ApiConnectionError):
        client.contacts.search()
    assert len(fake_allo.requests) == 2


def test_a_handler_wrapped_on_the_instance_answers_its_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test may wrap `fake.handler` after the fake exists (to count or alter answers): every client sees it."""
    fake = FakeAllo()
    seen: list[str] = []
    original = fake.handler

    def counting(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        return original(request)

    monkeypatch.setattr(fake, "handler", counting)
    with fake.client() as client:
        assert len(client.phone_numbers.list()) == 3
    with httpx.Client(transport=fake.transport) as http:
        assert http.get(f"{fake.base_url}/numbers", headers={"Authorization": fake.api_key}).status_code == 200
    assert seen == ["GET /v1/api/numbers", "GET /v1/api/numbers"]
    fake.close()
