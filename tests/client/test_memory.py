"""A page's httpx response is freed as soon as the SDK is done with it, not whenever the cyclic GC runs.

httpx's Response refers to itself through its stream; left alone, each page of a walk over 10,000 contacts waits
for the GC (bench/memory.py measured 5 pages at the peak). The sender breaks that cycle once the body is read.
"""

from __future__ import annotations

import asyncio
import gc
import json
import weakref
from collections.abc import Iterator

import httpx
import pytest

from withallo_ext import AsyncWithalloClient, WithalloClient

from .helpers import BASE, KEY, contact_json, page_json

BODY = json.dumps(page_json([contact_json(n) for n in range(100)], total=1, current=0)).encode()


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=BODY, headers={"Content-Type": "application/json"})


@pytest.fixture
def no_cyclic_gc() -> Iterator[None]:
    """Only reference counting frees objects during the test."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("no_cyclic_gc")
def test_a_sync_page_response_is_freed_by_reference_counting() -> None:
    seen: list[weakref.ref[httpx.Response]] = []
    hooks = {"response": [lambda response: seen.append(weakref.ref(response))]}
    with (
        httpx.Client(transport=httpx.MockTransport(answer), event_hooks=hooks) as http,
        WithalloClient(KEY, base_url=BASE, http_client=http) as client,
    ):
        page = client.contacts.search(size=100)
        assert len(page.results) == 100
        assert len(seen) == 1
        assert seen[0]() is None  # already gone, with the cyclic GC off


@pytest.mark.usefixtures("no_cyclic_gc")
def test_an_async_page_response_is_freed_by_reference_counting() -> None:
    seen: list[weakref.ref[httpx.Response]] = []

    async def remember(response: httpx.Response) -> None:
        seen.append(weakref.ref(response))

    async def scenario() -> None:
        async with (
            httpx.AsyncClient(transport=httpx.MockTransport(answer), event_hooks={"response": [remember]}) as http,
            AsyncWithalloClient(KEY, base_url=BASE, http_client=http) as client,
        ):
            page = await client.contacts.search(size=100)
            assert len(page.results) == 100
            assert len(seen) == 1
            assert seen[0]() is None  # checked inside the task, while its context (and last_response) still lives

    asyncio.run(scenario())
