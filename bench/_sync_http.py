"""The sync HTTP benchmarks' shared shape: an SDK call versus a bare httpx.Client GET + json.loads, over a socket."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from withallo_ext import WithalloClient

from ._harness import Result, Settings, compare, micros
from ._serve import served


def sync_http_benchmark(
    settings: Settings,
    *,
    name: str,
    target: float,
    sdk_call: Callable[[WithalloClient], Any],
    path: str,
    params: dict[str, Any] | None = None,
    contacts: int = 0,
    calls: int,
    rounds: int = 15,
) -> Result:
    """`calls` SDK calls versus `calls` bare GETs per round; both keep one connection alive to the same fake."""
    calls = settings.repeat(calls)
    with (
        served(contacts=contacts) as endpoint,
        WithalloClient(api_key=endpoint.api_key, base_url=endpoint.base_url) as client,
        httpx.Client(base_url=endpoint.base_url, headers={"Authorization": endpoint.api_key}, timeout=30) as http,
    ):

        def sdk() -> None:
            for _ in range(calls):
                sdk_call(client)

        def floor() -> None:
            for _ in range(calls):
                json.loads(http.get(path, params=params).content)

        sdk_result, floor_body = sdk_call(client), json.loads(http.get(path, params=params).content)
        expected = floor_body["data"]["results"] if isinstance(floor_body["data"], dict) else floor_body["data"]
        assert len(sdk_result) == len(expected), "the SDK and the floor must fetch the same thing"
        sdk()  # warm up both: connections open, code paths and caches hot
        floor()
        wall, cpu = compare(sdk, floor, rounds=settings.rounds(rounds))
    sdk_op, floor_op = wall.per_op(calls)
    sdk_cpu, floor_cpu = cpu.per_op(calls)
    return Result(
        name=name,
        ratio=wall.ratio,
        target=target,
        figures=f"SDK {micros(sdk_op)}/call, floor {micros(floor_op)}/call",
        notes=[
            f"client CPU only: SDK {micros(sdk_cpu)}/call, floor {micros(floor_cpu)}/call, ratio {cpu.ratio:.2f} "
            f"(SDK overhead {micros(sdk_cpu - floor_cpu)}/call)"
        ],
    )
