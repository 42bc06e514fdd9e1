"""`WebhookReceiver.handle()` on a 2 KB CALL_RECEIVED body versus `json.loads` of the same bytes: target <= 1.5.

`event.model` (the typed payload, parsed on first access) is timed on its own and reported, with no target.
"""

from __future__ import annotations

import json
import statistics
import time

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic

from ._harness import Result, Settings, compare, micros
from ._payloads import call_received_body


def run(settings: Settings) -> Result:
    body = call_received_body()
    receiver = WebhookReceiver()
    handled = [0]

    def handler(event: WebhookEvent) -> None:  # keeps nothing: retained events would time the GC, not handle()
        handled[0] += 1

    receiver.on(WebhookTopic.CALL_RECEIVED, handler)
    calls = settings.repeat(5000)

    def sdk() -> None:
        for _ in range(calls):
            receiver.handle(body)

    def floor() -> None:
        for _ in range(calls):
            json.loads(body)

    sdk()  # warm up both
    floor()
    wall, _ = compare(sdk, floor, rounds=settings.rounds(15))
    assert handled[0] == calls * (1 + len(wall.sdk)), "the handler runs once per handle()"
    handle_op, loads_op = wall.per_op(calls)
    model_op = _model_seconds(receiver, body, calls=settings.repeat(500), rounds=settings.rounds(7))
    return Result(
        name=f"WebhookReceiver.handle() on {len(body)} B CALL_RECEIVED vs json.loads",
        ratio=wall.ratio,
        target=1.5,
        figures=f"handle {micros(handle_op)}, json.loads {micros(loads_op)}",
        notes=[f"event.model (typed CallReceivedPayload, first access): {micros(model_op)} more per event"],
    )


def _model_seconds(receiver: WebhookReceiver, body: bytes, *, calls: int, rounds: int) -> float:
    """Median cost of the first `event.model` access: parse + model, minus parse alone."""
    with_model, parse_only = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            assert receiver.parse(body).model is not None
        with_model.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _ in range(calls):
            receiver.parse(body)
        parse_only.append(time.perf_counter() - start)
    return (statistics.median(with_model) - statistics.median(parse_only)) / calls
