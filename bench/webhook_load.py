"""Webhooks under load: the FastAPI example behind uvicorn with 1, 2 and 4 worker processes and RedisDedupeStore,
sent signed deliveries 32 at a time (a fifth of them redelivered). Reported per worker count: deliveries per second
and p50/p99 latency. INFO rows (no target); the ratio is the throughput relative to one worker. Each run also
checks what the load test checks: every delivery answered, every event handled exactly once.
"""

from __future__ import annotations

from ._harness import Result, Settings, micros
from ._redis import redis_server
from ._webhook_load import LoadRun, deliver_load, serve_example


def _check(run: LoadRun) -> None:
    assert run.statuses == {200: run.deliveries}, f"not every delivery got a 200: {run.statuses}"
    assert len(run.handled) == run.events, "an event was never handled"
    assert set(run.handled.values()) == {1}, "an event was handled more than once"


def run(settings: Settings) -> list[Result]:
    counts = (1,) if settings.quick else (1, 2, 4)
    events = 10 if settings.quick else 1000
    results: list[Result] = []
    base = 0.0
    with redis_server() as redis_url:
        for workers in counts:
            with serve_example(redis_url, workers) as served:
                if not settings.quick:
                    deliver_load(served, 10, concurrency=4)  # warm up each worker
                load = deliver_load(served, events, redeliver_every=5, concurrency=32)
            _check(load)
            base = base or load.throughput
            results.append(
                Result(
                    name=f"webhook deliveries, uvicorn x{workers} worker(s) + Redis dedupe",
                    ratio=load.throughput / base,
                    target=None,
                    figures=(
                        f"{load.throughput:.0f} deliveries/s, p50 {micros(load.p50)}, p99 {micros(load.p99)} "
                        f"({load.deliveries} deliveries, {load.events} events, handled per worker "
                        f"{sorted(load.per_worker.values())})"
                    ),
                )
            )
    return results
