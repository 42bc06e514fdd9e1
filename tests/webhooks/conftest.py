"""Fixtures for the webhook receiver tests: signing computed here with hmac, spec examples, a real Redis."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "withallo.yaml"

KEY = bytes(range(1, 33))
SECRET = "whsec_" + base64.b64encode(KEY).decode()
OTHER_KEY = b"another key, for rotation tests!"
OTHER_SECRET = "whsec_" + base64.b64encode(OTHER_KEY).decode()


def sign(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """One `v1,<base64>` signature, computed as the Standard Webhooks spec describes."""
    digest = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    body: bytes, *, key: bytes = KEY, msg_id: str = "msg_1", timestamp: int | None = None
) -> dict[str, str]:
    ts = int(time.time()) if timestamp is None else timestamp
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": sign(key, msg_id, ts, body)}


def spec_webhook_examples() -> dict[str, dict[str, Any]]:
    """Each `webhooks:` entry's request example from the contract, by topic."""
    spec = yaml.safe_load(SPEC.read_text())
    return {
        topic: item["post"]["requestBody"]["content"]["application/json"]["example"]
        for topic, item in spec["webhooks"].items()
    }


def body_of(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope).encode()
