"""Fixtures for the webhook receiver tests: signing computed here with hmac, spec examples, a real Redis."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """WITHALLO_TEST_REDIS_URL when set (CI: a failure to connect then fails), else a throwaway redis-server."""
    url = os.environ.get("WITHALLO_TEST_REDIS_URL")
    if url:
        yield url
        return
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("neither WITHALLO_TEST_REDIS_URL nor redis-server on PATH")
    port = _free_port()
    args = [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_listening(port, proc)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_until_listening(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"redis-server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("redis-server did not start listening within 10 s")
