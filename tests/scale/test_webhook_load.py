"""Webhooks under load: the FastAPI example behind uvicorn with 2 worker processes and RedisDedupeStore, sent signed
deliveries 8 at a time, a fifth of them redelivered: every event handled exactly once across the workers, every
delivery answered (200; the redeliveries as duplicates). A copy that arrives while the other is being handled is
answered 503 in_progress, and the sender replays it as Allo does (run.replayed counts those)."""

from __future__ import annotations

from bench._webhook_load import deliver_load, serve_example

EVENTS = 60


def test_each_event_handled_once_across_two_workers(redis_url: str) -> None:
    with serve_example(redis_url, workers=2) as served:
        run = deliver_load(served, EVENTS, redeliver_every=5, concurrency=8)
    assert run.deliveries == EVENTS + EVENTS // 5
    assert run.statuses == {200: run.deliveries}  # every delivery answered, none dropped
    assert run.bodies == {"handled": EVENTS, "duplicate": EVENTS // 5}
    assert len(run.handled) == EVENTS
    assert set(run.handled.values()) == {1}  # exactly once each, whichever worker got each copy
    assert sum(run.per_worker.values()) == EVENTS
    assert len(run.per_worker) == 2, f"one worker handled everything: {run.per_worker}"
