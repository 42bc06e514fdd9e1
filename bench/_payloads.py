"""Webhook bodies for the benchmarks, built from the spec's own examples (openapi/withallo.yaml `webhooks:`)."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[1] / "openapi" / "withallo.yaml"


@functools.cache
def spec_example(topic: str) -> dict[str, Any]:
    """The spec's example delivery for `topic` (a fresh copy each call is the caller's job)."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    example: dict[str, Any] = spec["webhooks"][topic]["post"]["requestBody"]["content"]["application/json"]["example"]
    return example


def call_received_body(size: int = 2048) -> bytes:
    """The CALL_RECEIVED example grown to about `size` bytes by more transcript lines, as a longer call has."""
    event = copy.deepcopy(spec_example("CALL_RECEIVED"))
    lines = event["data"]["transcriptions"]
    replies = [
        ("EXTERNAL", "Thursday morning, if possible."),
        ("AGENT", "Done: Thursday between 8 and 11. You'll get a text to confirm."),
    ]
    while len(json.dumps(event).encode()) < size - 60:
        source, text = replies[len(lines) % 2]
        lines.append({"source": source, "time": f"00:00:{10 + 4 * len(lines):02d}", "text": text})
    return json.dumps(event).encode()
