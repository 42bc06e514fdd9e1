"""AsyncWithalloClient: 200 concurrent `phone_numbers.list()` versus 200 concurrent bare httpx.AsyncClient GETs +
json.loads, over a socket to the fake: target median ratio <= 1.20.

Both sides use httpx's default pool (at most 100 connections, 20 kept alive), the SDK through its own default
client; the fake's threaded server answers each connection on its own thread. The client side is the bottleneck
here: httpcore's pool does work per queued request for every connection (about 2 ms of CPU per request at 200 in
flight), the same on both sides.
"""

from __future__ import annotations

import asyncio
import json

import httpx

from withallo_ext import AsyncWithalloClient

from ._harness import Result, Settings, compare, micros
from ._serve import served

CONCURRENCY = 200


def run(settings: Settings) -> Result:
    concurrency = 4 if settings.quick else CONCURRENCY
    batches = settings.repeat(3)
    with served() as endpoint, asyncio.Runner() as runner:
        client = AsyncWithalloClient(api_key=endpoint.api_key, base_url=endpoint.base_url)
        http = httpx.AsyncClient(base_url=endpoint.base_url, headers={"Authorization": endpoint.api_key}, timeout=30)

        async def floor_one() -> object:
            return json.loads((await http.get("/numbers")).content)

        async def sdk_batches() -> None:
            for _ in range(batches):
                results = await asyncio.gather(*(client.phone_numbers.list() for _ in range(concurrency)))
                assert len(results) == concurrency

        async def floor_batches() -> None:
            for _ in range(batches):
                results = await asyncio.gather(*(floor_one() for _ in range(concurrency)))
                assert len(results) == concurrency

        try:
            runner.run(sdk_batches())  # warm up both: connections, code paths
            runner.run(floor_batches())
            wall, cpu = compare(
                lambda: runner.run(sdk_batches()), lambda: runner.run(floor_batches()), rounds=settings.rounds(15)
            )
        finally:
            runner.run(client.aclose())
            runner.run(http.aclose())
    requests = batches * concurrency
    sdk_op, floor_op = wall.per_op(requests)
    sdk_cpu, floor_cpu = cpu.per_op(requests)
    sdk_batch, floor_batch = wall.per_op(batches)
    return Result(
        name=f"async phone_numbers.list() x{concurrency} concurrent vs httpx.AsyncClient",
        ratio=wall.ratio,
        target=1.20,
        figures=f"SDK {micros(sdk_batch)}/batch, floor {micros(floor_batch)}/batch "
        f"({micros(sdk_op)} vs {micros(floor_op)}/request)",
        notes=[
            f"client CPU only: SDK {micros(sdk_cpu)}/request, floor {micros(floor_cpu)}/request, ratio {cpu.ratio:.2f}"
        ],
    )
