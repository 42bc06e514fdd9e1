"""The iterators walk every page, one at a time, and always stop: last page, empty page, or no metadata."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient

from .helpers import ALLO, KEY, Runner, call_json, contact_json, entry_json, page_json

# name -> (path, item builder, start the iterator with size=2, an item's key, the key of item n)
ITERATORS: dict[
    str, tuple[str, Callable[[int], dict[str, Any]], Callable[[Any], Any], Callable[[Any], str], Callable[[int], str]]
] = {
    "calls.iter": ("/calls", call_json, lambda c: c.calls.iter(ALLO, size=2), lambda i: i.id, lambda n: f"call_{n}"),
    "contacts.iter": (
        "/contacts",
        contact_json,
        lambda c: c.contacts.iter(size=2),
        lambda i: i.id,
        lambda n: f"cnt_{n}",
    ),
    "contacts.iter_conversation": (
        "/contact/cnt_1/conversation",
        entry_json,
        lambda c: c.contacts.iter_conversation("cnt_1", size=2),
        lambda i: i.message.content,
        lambda n: f"hello {n}",
    ),
}


def serve_pages(
    api: respx.MockRouter, path: str, make: Callable[[int], dict[str, Any]], pages: list[list[int]], nesting: str
) -> respx.Route:
    """Answer page N of `pages` with its items, the metadata spelled as `nesting` says."""

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        items = pages[number] if number < len(pages) else []
        return httpx.Response(200, json=page_json([make(i) for i in items], len(pages), number, nesting))

    return api.get(path).mock(side_effect=answer)


@pytest.mark.parametrize("nesting", ["nested", "flat"])
@pytest.mark.parametrize("name", list(ITERATORS))
def test_iterates_across_three_pages(api: respx.MockRouter, run: Runner, name: str, nesting: str) -> None:
    path, make, start, key, expected = ITERATORS[name]
    route = serve_pages(api, path, make, [[1, 2], [3, 4], [5]], nesting)
    items = run(start)
    assert [key(item) for item in items] == [expected(n) for n in (1, 2, 3, 4, 5)]
    assert [r.request.url.params["page"] for r in route.calls] == ["0", "1", "2"]
    assert {r.request.url.params["size"] for r in route.calls} == {"2"}


@pytest.mark.parametrize("name", list(ITERATORS))
def test_stops_after_one_page_when_the_server_omits_metadata(api: respx.MockRouter, run: Runner, name: str) -> None:
    path, make, start, key, expected = ITERATORS[name]
    route = serve_pages(api, path, make, [[1, 2], [3, 4], [5]], "none")
    items = run(start)
    assert [key(item) for item in items] == [expected(1), expected(2)]
    assert route.call_count == 1


@pytest.mark.parametrize("name", list(ITERATORS))
def test_stops_on_an_empty_page(api: respx.MockRouter, run: Runner, name: str) -> None:
    path, make, start, key, expected = ITERATORS[name]
    route = serve_pages(api, path, make, [[1, 2], [], [5], [6]], "nested")  # says 4 pages, page 1 is empty
    items = run(start)
    assert [key(item) for item in items] == [expected(1), expected(2)]
    assert route.call_count == 2


def test_a_server_that_ignores_page_cannot_loop_forever(api: respx.MockRouter, run: Runner) -> None:
    route = api.get("/contacts").respond(200, json=page_json([contact_json(1)], total=3, current=0))
    items = run(lambda c: c.contacts.iter(size=1))
    assert [c.id for c in items] == ["cnt_1", "cnt_1", "cnt_1"]  # total_pages requests, then stop
    assert route.call_count == 3


def test_the_sync_iterator_fetches_lazily_one_page_at_a_time(api: respx.MockRouter) -> None:
    route = serve_pages(api, "/contacts", contact_json, [[1, 2], [3, 4], [5]], "nested")
    with WithalloClient(KEY) as client:
        iterator = client.contacts.iter(size=2)
        assert route.call_count == 0
        assert [next(iterator).id, next(iterator).id] == ["cnt_1", "cnt_2"]
        assert route.call_count == 1
        assert next(iterator).id == "cnt_3"
        assert route.call_count == 2


@pytest.mark.anyio
async def test_the_async_iterator_fetches_lazily_one_page_at_a_time(api: respx.MockRouter) -> None:
    route = serve_pages(api, "/calls", call_json, [[1, 2], [3]], "flat")
    async with AsyncWithalloClient(KEY) as client:
        seen = []
        async for call in client.calls.iter(ALLO, size=2):
            seen.append((call.id, route.call_count))
    assert seen == [("call_1", 1), ("call_2", 1), ("call_3", 2)]


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"pagination": {"total_pages": 3, "current_page": 1}}, (3, 1)),
        ({"total_pages": 5, "current_page": 2}, (5, 2)),
        ({"pagination": {"total_pages": 4, "current_page": 0}, "total_pages": 9, "current_page": 9}, (4, 0)),
        ({}, (None, None)),
        (None, (None, None)),
    ],
)
def test_search_reads_page_metadata_nested_first_then_flat(
    api: respx.MockRouter, run: Runner, metadata: Any, expected: tuple[Any, Any]
) -> None:
    data: dict[str, Any] = {"results": [contact_json(1)]}
    if metadata is not None:
        data["metadata"] = metadata
    api.get("/contacts").respond(200, json={"data": data})
    page = run(lambda c: c.contacts.search())
    assert (page.total_pages, page.current_page) == expected
    assert [c.id for c in page] == ["cnt_1"]
    assert page.has_more is (expected[0] is not None and expected[1] + 1 < expected[0])
