"""sms.send_many, sync and async: checked first, sent once each with bounded concurrency, outcomes in input order,
failures kept per message, progress reported, interrupts answered with the outcomes so far."""

from __future__ import annotations

import pickle
import sys
import threading
from collections import Counter
from typing import Any

import anyio
import httpx
import pytest

from withallo_client.models import SentSms
from withallo_ext import AsyncWithalloClient, SendInterruptedError, SendManyInterrupted, SmsOutcome, WithalloClient
from withallo_ext.errors import ApiError, ApiTimeoutError, InvalidParameterError, ValidationError
from withallo_ext.testing import FakeAllo

US = "+14155550123"


def texts(count: int, start: int = 0) -> list[dict[str, Any]]:
    """`count` valid messages to distinct numbers (so the fake's requests say which message each one was)."""
    return [{"from_": US, "to": f"+1415555{n:04d}", "message": f"Reminder {n}"} for n in range(start, start + count)]


def sent_to(fake: FakeAllo) -> Counter[str]:
    """How many times each number was texted (a POST the fake applied or at least received)."""
    return Counter(r.json["to"] for r in fake.requests_to("POST", "/sms"))


def test_outcomes_in_input_order_each_sent_once(fake_allo: FakeAllo) -> None:
    messages: list[dict[str, Any]] = [
        *texts(5),
        {"from": US, "to": "+14155559001", "message": "from, not from_"},
        {"sender_id": "MyCompany", "to": "+33612345678", "message": "Bonjour"},
    ]
    progress: list[tuple[int, int]] = []
    with fake_allo.client() as client:
        outcomes = client.sms.send_many(messages, max_concurrency=3, on_progress=lambda d, t: progress.append((d, t)))
    assert [o.index for o in outcomes] == list(range(7))
    assert all(o.ok and o.error is None and isinstance(o.result, SentSms) for o in outcomes)
    assert [o.result.to_number for o in outcomes if o.result] == [m["to"] for m in messages]
    assert [o.message for o in outcomes] == messages
    assert progress == [(n, 7) for n in range(1, 8)]
    assert set(sent_to(fake_allo).values()) == {1}
    bodies = {r.json["to"]: r.json for r in fake_allo.requests_to("POST", "/sms")}
    assert bodies["+14155559001"] == {"from": US, "to": "+14155559001", "message": "from, not from_"}
    assert bodies["+33612345678"] == {"sender_id": "MyCompany", "to": "+33612345678", "message": "Bonjour"}


def test_invalid_messages_fail_before_anything_and_are_never_sent(fake_allo: FakeAllo) -> None:
    messages = [*texts(2), {"from_": US, "to": "nope", "message": "x"}, *texts(2, start=10)]
    seen: list[SmsOutcome] = []
    with fake_allo.client() as client:
        outcomes = client.sms.send_many(messages, on_outcome=seen.append)
    assert seen[0].index == 2  # reported first: it was decided before any send
    assert [o.ok for o in outcomes] == [True, True, False, True, True]
    assert isinstance(outcomes[2].error, InvalidParameterError)
    assert str(outcomes[2].error) == "messages[2].to: must be a phone number in E.164 form, e.g. +14155550123"
    assert outcomes[2].may_have_been_sent is False
    assert "nope" not in sent_to(fake_allo)
    assert len(fake_allo.requests) == 4


def test_one_failure_never_stops_the_rest_and_nothing_is_sent_twice(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(kind="server_error", method="POST")  # 503: not retried for a POST
    fake_allo.fail_next(kind="timeout", method="POST")  # applied, then the answer is lost: not retried
    fake_allo.fail_next(kind="rate_limit", method="POST", retry_after=1)  # 429: retried, then sent
    fake_allo.fail_next(kind="disconnect", method="POST")  # never arrived: retried, then sent
    messages = [*texts(6), {"from_": US, "to": "+33612345678", "message": "US to France"}]
    with fake_allo.client() as client:
        outcomes = client.sms.send_many(messages, max_concurrency=1)
    assert [o.ok for o in outcomes] == [False, False, True, True, True, True, False]
    assert isinstance(outcomes[0].error, ApiError)
    assert outcomes[0].error.status_code == 503
    assert outcomes[0].may_have_been_sent is True
    assert isinstance(outcomes[1].error, ApiTimeoutError)
    assert outcomes[1].error.may_have_been_sent is True
    assert outcomes[1].may_have_been_sent is True
    assert isinstance(outcomes[6].error, ValidationError)  # the API's 422
    assert outcomes[6].may_have_been_sent is False
    # Retried only where the first attempt surely did not go out (429, dropped before arrival): once applied each.
    posts = fake_allo.requests_to("POST", "/sms")
    applied = Counter(r.json["to"] for r in posts if r.status == 200 or r.fault == "timeout")
    assert applied == {m["to"]: 1 for m in messages[1:6]}  # message 1 applied by the fake, answer lost (timeout)
    assert [r.fault for r in posts if r.json["to"] == "+14155550002"] == ["rate_limit", "disconnect", None]


def test_concurrency_reaches_the_bound_and_never_passes_it() -> None:
    fake = FakeAllo()
    bound = 3
    barrier = threading.Barrier(bound, timeout=10)  # each request waits until `bound` are in flight together
    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        try:
            barrier.wait()
            return fake.handler(request)
        finally:
            with lock:
                state["now"] -= 1

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with WithalloClient(api_key=fake.api_key, base_url=fake.base_url, http_client=http) as client:
        outcomes = client.sms.send_many(texts(12), max_concurrency=bound)
    http.close()
    assert all(o.ok for o in outcomes)  # a BrokenBarrierError would mean fewer than 3 ever ran together
    assert state["peak"] == bound


def test_ctrl_c_waits_for_sends_in_flight_then_raises_with_every_outcome(fake_allo: FakeAllo) -> None:
    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with fake_allo.client() as client, pytest.raises(SendManyInterrupted) as caught:
        client.sms.send_many(texts(30), max_concurrency=2, on_progress=interrupt)
    outcomes = caught.value.outcomes
    assert isinstance(caught.value, KeyboardInterrupt)
    assert [o.index for o in outcomes] == list(range(30))
    sent = {o.message["to"] for o in outcomes if o.ok}
    unsent = [o for o in outcomes if not o.ok]
    assert len(sent) >= 2
    assert unsent, "every message went out before the interrupt was handled"
    assert all(isinstance(o.error, SendInterruptedError) and not o.may_have_been_sent for o in unsent)
    assert set(sent_to(fake_allo)) == sent  # exactly the ok ones reached the fake, once each
    assert set(sent_to(fake_allo).values()) == {1}
    assert str(caught.value) == f"send_many interrupted: {len(sent)} of 30 messages sent"
    copy = pickle.loads(pickle.dumps(caught.value))
    assert [o.ok for o in copy.outcomes] == [o.ok for o in outcomes]


def test_a_failing_callback_stops_the_run_and_is_raised(fake_allo: FakeAllo) -> None:
    def broken(done: int, total: int) -> None:
        raise RuntimeError("callback bug")

    with fake_allo.client() as client, pytest.raises(RuntimeError, match="callback bug"):
        client.sms.send_many(texts(20), max_concurrency=1, on_progress=broken)
    assert len(fake_allo.requests) < 20


def test_bad_arguments_are_refused_before_anything_is_sent(fake_allo: FakeAllo) -> None:
    with fake_allo.client() as client:
        with pytest.raises(InvalidParameterError, match="max_concurrency: must be an integer >= 1"):
            client.sms.send_many(texts(2), max_concurrency=0)
        with pytest.raises(InvalidParameterError, match="messages: must be an iterable"):
            client.sms.send_many("+14155550199")  # type: ignore[arg-type]
        assert client.sms.send_many([]) == []
    assert fake_allo.requests == []


def test_progress_bar_draws_on_stderr(fake_allo: FakeAllo, capsys: pytest.CaptureFixture[str]) -> None:
    with fake_allo.client() as client:
        outcomes = client.sms.send_many(texts(4), progress_bar=True)
    assert all(o.ok for o in outcomes)
    captured = capsys.readouterr()
    assert "4/4" in captured.err
    assert captured.out == ""


def test_progress_bar_without_rich_says_what_to_install(fake_allo: FakeAllo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    with fake_allo.client() as client, pytest.raises(InvalidParameterError) as caught:
        client.sms.send_many(texts(3), progress_bar=True)
    assert "pip install 'withallo[cli]'" in str(caught.value)
    assert fake_allo.requests == []


@pytest.mark.anyio
async def test_async_outcomes_in_order_with_failures(fake_allo: FakeAllo) -> None:
    fake_allo.fail_next(kind="server_error", method="POST")
    messages = [*texts(5), {"from_": US, "to": "bad", "message": "x"}]
    progress: list[int] = []
    async with fake_allo.async_client() as client:
        outcomes = await client.sms.send_many(messages, max_concurrency=2, on_progress=lambda d, t: progress.append(d))
    assert [o.index for o in outcomes] == list(range(6))
    assert sum(o.ok for o in outcomes) == 4
    assert [o.index for o in outcomes if not o.ok and isinstance(o.error, ApiError)] != []
    assert isinstance(outcomes[5].error, InvalidParameterError)
    assert progress == [1, 2, 3, 4, 5, 6]
    assert set(sent_to(fake_allo).values()) == {1}
    assert len(sent_to(fake_allo)) == 5


class Yielding(httpx.AsyncBaseTransport):
    """The fake in-process, but each request yields to the event loop first (as real I/O would), counting how
    many are in flight at once."""

    def __init__(self, fake: FakeAllo) -> None:
        self.fake = fake
        self.now = self.peak = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.now += 1
        self.peak = max(self.peak, self.now)
        try:
            await anyio.sleep(0.005)  # lets the other tasks start theirs
        finally:
            self.now -= 1
        response = self.fake.handler(request)
        return httpx.Response(response.status_code, content=response.content, headers=response.headers)


@pytest.mark.anyio
async def test_async_concurrency_bound() -> None:
    fake = FakeAllo()
    transport = Yielding(fake)
    async with (
        httpx.AsyncClient(transport=transport) as http,
        AsyncWithalloClient(api_key=fake.api_key, base_url=fake.base_url, http_client=http) as client,
    ):
        outcomes = await client.sms.send_many(texts(10), max_concurrency=4)
    assert all(o.ok for o in outcomes)
    assert transport.peak == 4


@pytest.mark.anyio
async def test_async_cancellation_propagates_and_outcomes_were_reported(fake_allo: FakeAllo) -> None:
    seen: list[SmsOutcome] = []
    returned = None
    async with (
        httpx.AsyncClient(transport=Yielding(fake_allo)) as http,
        AsyncWithalloClient(api_key=fake_allo.api_key, base_url=fake_allo.base_url, http_client=http) as client,
    ):
        with anyio.CancelScope() as scope:

            def stop_after_two(outcome: SmsOutcome) -> None:
                seen.append(outcome)
                if len(seen) == 2:
                    scope.cancel()

            returned = await client.sms.send_many(texts(20), max_concurrency=2, on_outcome=stop_after_two)
    assert returned is None  # cancelled: never returned
    assert scope.cancelled_caught
    assert 2 <= len(seen) < 20
    assert set(sent_to(fake_allo).values()) == {1}
    assert len(sent_to(fake_allo)) <= len(seen) + 2  # at most the two in flight beyond those reported
