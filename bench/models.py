"""Parsing cost, in-process: the generated models and the SDK calls over httpx.MockTransport, against json.loads.

No socket and no fake in the timed path: each side gets the same prebuilt bytes, so only the client's CPU counts.
- `ContactPageResponse.from_dict(json.loads(body))` (100 contacts) vs `json.loads(body)`: target <= 1.5
- `contacts.search(size=100)` vs a bare httpx GET + `json.loads`, both on a MockTransport: target <= 1.5
- `phone_numbers.list()` vs the same: target <= 1.10
- `receiver.parse(body).model` on a 2.5 KB CALL_RECEIVED vs `json.loads(body)`: target <= 2
- INFO: the same page built with no schema check at all (bench/_unchecked.py) vs `json.loads(body)`: the lower
  bound of the first row, what reading the keys, converting the date-times and storing the fields cost alone
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from withallo_client.models import ContactPageResponse
from withallo_ext import WebhookReceiver, WithalloClient
from withallo_ext.testing import FakeAllo

from ._harness import Result, Settings, compare, micros
from ._payloads import call_received_body
from ._serve import seed_contacts
from ._unchecked import unchecked_page

BASE_URL = "https://api.example.test/v1/api"


def _captured_bodies() -> dict[str, bytes]:
    """The fake's answers to GET /contacts?size=100 and GET /numbers, captured once, replayed by every call."""
    with FakeAllo() as fake:
        seed_contacts(fake, 100)
        with fake.http_client() as http:
            contacts = http.get("/contacts", params={"page": 0, "size": 100})
            numbers = http.get("/numbers")
    assert contacts.status_code == 200, contacts.status_code
    assert numbers.status_code == 200, numbers.status_code
    return {"/contacts": contacts.content, "/numbers": numbers.content}


def _replay(bodies: dict[str, bytes]) -> httpx.MockTransport:
    responses = dict(bodies)

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/v1/api")
        return httpx.Response(200, content=responses[path], headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handler)


def _row(
    settings: Settings,
    name: str,
    target: float | None,
    sdk_op: Callable[[], Any],
    floor_op: Callable[[], Any],
    calls: int,
) -> Result:
    calls = settings.repeat(calls)

    def sdk() -> None:
        for _ in range(calls):
            sdk_op()

    def floor() -> None:
        for _ in range(calls):
            floor_op()

    sdk()  # warm up both
    floor()
    _, cpu = compare(sdk, floor, rounds=settings.rounds(15))
    sdk_s, floor_s = cpu.per_op(calls)
    return Result(name=name, ratio=cpu.ratio, target=target, figures=f"SDK {micros(sdk_s)}, floor {micros(floor_s)}")


def run(settings: Settings) -> list[Result]:
    bodies = _captured_bodies()
    page = bodies["/contacts"]
    assert len(json.loads(page)["data"]["results"]) == 100
    assert unchecked_page(json.loads(page)) == ContactPageResponse.from_dict(json.loads(page))  # the same models
    results = [
        _row(
            settings,
            "ContactPageResponse.from_dict (100 contacts) vs json.loads",
            1.5,
            lambda: ContactPageResponse.from_dict(json.loads(page)),
            lambda: json.loads(page),
            calls=100,
        ),
        _row(
            settings,
            "the same page with no schema check (lower bound) vs json.loads",
            None,
            lambda: unchecked_page(json.loads(page)),
            lambda: json.loads(page),
            calls=100,
        ),
    ]
    with (
        WithalloClient(
            api_key="k_bench", base_url=BASE_URL, http_client=httpx.Client(transport=_replay(bodies))
        ) as client,
        httpx.Client(base_url=BASE_URL, transport=_replay(bodies), headers={"Authorization": "k_bench"}) as http,
    ):
        assert len(client.contacts.search(size=100)) == 100
        results.append(
            _row(
                settings,
                "contacts.search(size=100) in-process vs httpx GET + json.loads",
                1.5,
                lambda: client.contacts.search(size=100),
                lambda: json.loads(http.get("/contacts", params={"page": 0, "size": 100}).content),
                calls=100,
            )
        )
        results.append(
            _row(
                settings,
                "phone_numbers.list() in-process vs httpx GET + json.loads",
                1.10,
                lambda: client.phone_numbers.list(),
                lambda: json.loads(http.get("/numbers").content),
                calls=500,
            )
        )
    body = call_received_body(2560)
    receiver = WebhookReceiver()
    assert receiver.parse(body).model is not None
    results.append(
        _row(
            settings,
            f"receiver.parse(body).model on {len(body)} B CALL_RECEIVED vs json.loads",
            2.0,
            lambda: receiver.parse(body).model,
            lambda: json.loads(body),
            calls=1000,
        )
    )
    return results
