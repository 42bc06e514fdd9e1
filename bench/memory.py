"""Iterating 10,000 contacts (100 pages of 100) from the fake: the peak memory growth, counted in pages.

A "page" is what reading one page costs a bare caller: the peak of one httpx GET + json.loads of 100 contacts,
measured in the same run. The walk must stream (its peak may not grow with the page count), holding only a few
pages at once: target <= 3. The same walk done bare (GET + json.loads, page after page) is reported beside it:
httpx's Response refers to itself through its stream, so a bare caller's pages are freed by the cyclic GC, not
at once, and pile up meanwhile; the SDK breaks that cycle once a body is read (withallo_ext/_http.py), so its pages
go by reference counting. tracemalloc sees this process only; the fake runs apart.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable

import httpx

from withallo_ext import WithalloClient

from ._harness import Result, Settings
from ._serve import served

PAGE_SIZE = 100


def _peak_growth(fn: Callable[[], object]) -> tuple[int, object]:
    """Peak bytes allocated above the starting point while `fn` runs (tracemalloc must be on), and its result."""
    gc.collect()
    start = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    result = fn()
    return tracemalloc.get_traced_memory()[1] - start, result


def run(settings: Settings) -> Result:
    total = 300 if settings.quick else 10_000
    with (
        served(contacts=total) as endpoint,
        WithalloClient(api_key=endpoint.api_key, base_url=endpoint.base_url) as client,
        httpx.Client(base_url=endpoint.base_url, headers={"Authorization": endpoint.api_key}, timeout=30) as http,
    ):

        def bare_page(number: int) -> dict[str, object]:
            body: dict[str, object] = json.loads(
                http.get("/contacts", params={"page": number, "size": PAGE_SIZE}).content
            )
            return body

        def bare_walk() -> int:
            count, number = 0, 0
            while True:
                data = bare_page(number)["data"]
                assert isinstance(data, dict)
                count += len(data["results"])
                number += 1
                if number >= data["metadata"]["pagination"]["total_pages"]:
                    return count

        bare_page(0), client.contacts.search(size=PAGE_SIZE)  # warm up: connections, imports, caches
        tracemalloc.start()
        try:
            page, _ = _peak_growth(lambda: bare_page(0))
            sdk_peak, count = _peak_growth(lambda: sum(1 for _ in client.contacts.iter(size=PAGE_SIZE)))
            bare_peak, bare_count = _peak_growth(bare_walk)
        finally:
            tracemalloc.stop()
    assert count == bare_count == total, f"iterated {count} and {bare_count} contacts, the fake has {total}"
    return Result(
        name=f"contacts.iter() over {count:,} contacts ({total // PAGE_SIZE} pages): peak memory growth, in pages",
        ratio=sdk_peak / page,
        target=3.0,
        figures=f"peak +{sdk_peak / 1e6:.2f} MB; 1 page = {page / 1e3:.0f} kB",
        notes=[
            f"the same walk, bare httpx + json.loads: peak +{bare_peak / 1e6:.2f} MB = {bare_peak / page:.1f} pages"
        ],
    )
