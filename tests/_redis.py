"""A real Redis for the tests that need one: WITHALLO_TEST_REDIS_URL, or a throwaway redis-server on a free port.

`make test` installs redis-server when it is missing (scripts/system-packages.sh) and sets WITHALLO_TEST_PROVISIONED,
so there a missing redis-server fails the tests; a bare `pytest` on a machine without one skips them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def redis_server_url() -> Iterator[str]:
    """WITHALLO_TEST_REDIS_URL when set (CI: a failure to connect then fails), else a throwaway redis-server."""
    url = os.environ.get("WITHALLO_TEST_REDIS_URL")
    if url:
        yield url
        return
    exe = shutil.which("redis-server")
    if exe is None:
        reason = "neither WITHALLO_TEST_REDIS_URL nor redis-server on PATH"
        if os.environ.get("WITHALLO_TEST_PROVISIONED"):
            pytest.fail(f"{reason}, although make provisioned the system packages (scripts/system-packages.sh)")
        pytest.skip(f"{reason}: `make test` installs it (as root) or prints the command")
    port = free_port()
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
