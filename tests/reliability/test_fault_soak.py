"""Fault soak: 1,000 calls through FakeAllo in-process, and 300 over a real socket, with 30% of responses faulted.

Each attempt is faulted with probability 0.3 (seeded), by one of: 429 with Retry-After 0, 503, a read timeout
*after* the server applied the request, a dropped connection *before* it, an HTML 502. The expected outcome of
each call follows from the design's retry policy, and the fake's record is checked against what callers were told.
"""

from __future__ import annotations

import collections
import functools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from withallo_ext import WithalloClient
from withallo_ext.errors import ApiConnectionError, ApiError, ApiTimeoutError, RateLimitError, WithalloError
from withallo_ext.testing import FakeAllo

from ._timeouts import HeldAnswers

CALLS = {"in-process": 1_000, "socket": 300}  # a socket timeout costs _timeouts.HELD of real time
FAULT_RATE = 0.3
KINDS = ("rate_limit", "server_error", "timeout", "disconnect", "html_error")
MAX_RETRIES = 2
BACKOFF_MAX = 8.0  # the design's cap on a computed backoff
FROM, TO = "+14155550123", "+14155550188"


@dataclass(frozen=True)
class Setup:
    fake: FakeAllo
    client: WithalloClient
    transport: str
    held: HeldAnswers | None = None  # over the socket: the short read timeout of the answers the fake holds

    @property
    def calls(self) -> int:
        return CALLS[self.transport]


@pytest.fixture(params=["in-process", "socket"])
def setup(request: pytest.FixtureRequest) -> Iterator[Setup]:
    fake = FakeAllo(seed=7)
    if request.param == "in-process":
        with fake.client(max_retries=MAX_RETRIES) as client:
            yield Setup(fake, client, "in-process")
        return
    held = HeldAnswers(fake)
    with (
        fake.serve() as server,
        held.client() as http,
        server.client(max_retries=MAX_RETRIES, http_client=http) as client,
    ):
        yield Setup(fake, client, "socket", held)
    # every held answer was ended by the short timeout: no ordinary answer got it, none waited NORMAL seconds
    assert held.shortened == held.held()


def fault_plan(rng: random.Random) -> list[str]:
    """The faults of one call's consecutive attempts: each attempt is faulted with probability FAULT_RATE."""
    faults: list[str] = []
    while len(faults) <= MAX_RETRIES and rng.random() < FAULT_RATE:
        faults.append(rng.choice(KINDS))
    return faults


def queue(fake: FakeAllo, faults: list[str], method: str) -> None:
    fake.clear_faults()
    for kind in faults:
        fake.fail_next(1, kind, method=method, retry_after=0)  # a "timeout" is held until the client gives up


def outcome_of(call: Callable[[], Any]) -> tuple[str, Any]:
    """('ok', result) or (the exception's class name, the exception); anything not a WithalloError escapes."""
    try:
        return "ok", call()
    except WithalloError as exc:
        return type(exc).__name__, exc


# -- POST /sms: never a duplicate, never a silent delivery ---------------------------------------------------------


def expected_post(faults: list[str], transport: str) -> tuple[str, list[str]]:
    """(outcome, the waits before each retry) the policy promises for a POST: it retries only what surely did not
    reach the server, a 429 (waiting its Retry-After, 0 here) or a refused connection (waiting a backoff)."""
    waits: list[str] = []
    for attempt in range(MAX_RETRIES + 1):
        kind = faults[attempt] if attempt < len(faults) else None
        last = attempt == MAX_RETRIES
        if kind is None:
            return "ok", waits
        if kind == "rate_limit" and not last:
            waits.append("retry-after 0")
            continue
        if kind == "disconnect" and transport == "in-process" and not last:
            waits.append("backoff")  # in-process the drop is a ConnectError: surely not sent, so retried
            continue
        names = {
            "rate_limit": "RateLimitError",
            "server_error": "ApiError",
            "html_error": "ApiError",
            "timeout": "ApiTimeoutError",
            "disconnect": "ApiConnectionError",  # over a socket: dropped after sending, so not retried
        }
        return names[kind], waits
    raise AssertionError("unreachable")


def test_sms_soak_delivers_each_message_at_most_once_and_never_silently(setup: Setup, sleeps: list[float]) -> None:
    fake, client = setup.fake, setup.client
    rng = random.Random(20260601)
    told: dict[str, tuple[str, Any]] = {}
    faulted_calls = 0
    for index in range(setup.calls):
        message = f"soak {index}"
        faults = fault_plan(rng)
        faulted_calls += bool(faults)
        queue(fake, faults, "POST")
        requests_before, sleeps_before = fake.request_count, len(sleeps)

        outcome, value = outcome_of(functools.partial(client.sms.send, from_=FROM, to=TO, message=message))

        told[message] = (outcome, value)
        expected_outcome, waits = expected_post(faults, setup.transport)
        assert outcome == expected_outcome, (index, faults, value)
        assert fake.request_count - requests_before == len(waits) + 1, (index, faults)
        waited = sleeps[sleeps_before:]
        assert ["retry-after 0" if s == 0 else "backoff" for s in waited] == waits, (index, faults, waited)
        assert all(s <= BACKOFF_MAX for s in waited)
        if outcome == "ok":
            assert (value.to_number, value.content, value.from_number) == (TO, message, FROM)

    delivered = collections.Counter(m["content"] for m in fake.account.messages if m["content"].startswith("soak "))
    assert max(delivered.values()) == 1, "an SMS was delivered twice"
    for message, (outcome, value) in told.items():
        if outcome == "ok":
            assert delivered[message] == 1, message
        elif isinstance(value, ApiTimeoutError):
            assert "timed out" in str(value)  # may have been sent: the fake did apply these
            assert delivered[message] == 1, message
        else:
            assert delivered[message] == 0, f"{message}: delivered although the caller got {outcome}"
    # the soak exercised what it claims to
    counts = collections.Counter(outcome for outcome, _ in told.values())
    assert 0.2 < faulted_calls / setup.calls < 0.4
    assert {"ok", "ApiError", "ApiTimeoutError"} <= set(counts), counts
    assert sum(counts.values()) == len(told) == setup.calls


def test_sms_soak_errors_say_what_happened(setup: Setup) -> None:
    """One call per fault kind: the exception the caller gets names the status or the transport failure."""
    fake, client = setup.fake, setup.client
    seen: dict[str, WithalloError] = {}
    for kind in KINDS:
        queue(fake, [kind] * (MAX_RETRIES + 1), "POST")
        outcome, value = outcome_of(functools.partial(client.sms.send, from_=FROM, to=TO, message=f"one {kind}"))
        assert outcome != "ok"
        seen[kind] = value
    assert isinstance(seen["rate_limit"], RateLimitError)
    assert (seen["rate_limit"].status_code, seen["rate_limit"].retry_after) == (429, 0)
    assert isinstance(seen["server_error"], ApiError)
    assert seen["server_error"].status_code == 503
    assert isinstance(seen["html_error"], ApiError)
    assert seen["html_error"].status_code == 502
    assert "<html>" in seen["html_error"].body
    assert "<html>" not in str(seen["html_error"])
    assert isinstance(seen["timeout"], ApiTimeoutError)
    assert isinstance(seen["disconnect"], ApiConnectionError)
    assert not isinstance(seen["disconnect"], ApiTimeoutError)
    for error in seen.values():
        assert "POST" in str(error)
        assert "/sms" in str(error)


# -- GETs: all retried; each call succeeds within the budget or raises the last failure ----------------------------

LAST_FAULT_RAISES = {
    "rate_limit": "RateLimitError",
    "server_error": "ApiError",
    "html_error": "ApiError",
    "timeout": "ApiTimeoutError",
    "disconnect": "ApiConnectionError",
}


def test_get_soak_succeeds_within_the_retry_budget_or_raises(setup: Setup, sleeps: list[float]) -> None:
    fake, client = setup.fake, setup.client
    contact_id = next(iter(fake.account.contacts))
    reads: list[tuple[str, Callable[[], Any], Callable[[Any], Any]]] = [
        ("/numbers", client.phone_numbers.list, lambda r: [n.number for n in r]),
        ("/contacts", lambda: client.contacts.search(page=1, size=5), lambda p: [c.id for c in p.results]),
        ("/calls", lambda: client.calls.search(FROM, size=7), lambda p: [c.id for c in p.results]),
        (f"/contact/{contact_id}", lambda: client.contacts.get(contact_id), lambda c: (c.id, c.numbers)),
    ]
    clean = {path: digest(call()) for path, call, digest in reads}
    rng = random.Random(20260602)
    counts: collections.Counter[str] = collections.Counter()
    for index in range(setup.calls):
        path, call, digest = reads[index % len(reads)]
        faults = fault_plan(rng)
        queue(fake, faults, "GET")
        before = fake.request_count

        outcome, value = outcome_of(call)

        counts[outcome] += 1
        attempts = fake.request_count - before
        if len(faults) <= MAX_RETRIES:
            assert outcome == "ok", (index, faults, value)
            assert digest(value) == clean[path]
            assert attempts == len(faults) + 1
        else:
            assert outcome == LAST_FAULT_RAISES[faults[-1]], (index, faults)
            assert attempts == MAX_RETRIES + 1
            assert path.split("/")[1] in str(value) or isinstance(value, ApiTimeoutError | ApiConnectionError)
    assert counts["ok"] > 0.95 * setup.calls
    assert sum(counts.values()) == setup.calls
    assert len(sleeps) > 0.2 * setup.calls  # every retry waited (recorded, not slept) ...
    assert max(sleeps) <= BACKOFF_MAX  # ... within the backoff cap
