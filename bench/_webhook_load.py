"""Webhooks under load: the FastAPI example behind uvicorn with several worker processes and RedisDedupeStore,
sent signed deliveries concurrently, some of them redelivered (same webhook-id, as Allo replays).

`serve_example()` starts uvicorn on a socket we bind (port 0, handed over with --fd) and stops it after;
`deliver_load()` posts the deliveries and measures each answer's latency. The load test (tests/scale) and the
benchmark (bench/webhook_load.py) share both.
"""

from __future__ import annotations

import copy
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import anyio
import httpx
import redis

from withallo_ext.testing._delivery import build_delivery
from withallo_ext.testing._examples import WEBHOOK_EXAMPLES

from ._webhook_app import PREFIX_ENV

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # a fixed test secret (base64 of 24 bytes)


@dataclass(frozen=True)
class Served:
    url: str  # the webhook URL, token included
    redis_url: str
    tag: str  # names this run's Redis keys and delivery ids
    workers: int

    @property
    def prefix(self) -> str:
        return f"withallo:load:{self.tag}:"


@contextmanager
def serve_example(redis_url: str, workers: int) -> Iterator[Served]:
    """uvicorn serving the example with `workers` processes on 127.0.0.1 (a free port); stopped on exit."""
    token = secrets.token_urlsafe(32)
    tag = secrets.token_hex(4)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(256)
    port = sock.getsockname()[1]
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "WITHALLO_WEBHOOK_SECRET": SECRET,
        "WITHALLO_WEBHOOK_TOKEN": token,
        PREFIX_ENV: f"withallo:load:{tag}:",
        "PYTHONPATH": REPO + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    env.pop("WITHALLO_API_KEY", None)  # the example would fetch the account's numbers from the real API
    command = [sys.executable, "-m", "uvicorn", "--factory", "bench._webhook_app:create_app"]
    options = ["--fd", str(sock.fileno()), "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen([*command, *options], cwd=REPO, env=env, pass_fds=(sock.fileno(),))
    sock.close()  # the server processes hold it now
    served = Served(f"http://127.0.0.1:{port}/webhooks/allo/{token}", redis_url, tag, workers)
    try:
        _wait_for_workers(f"http://127.0.0.1:{port}/worker", workers, process)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        store = redis.Redis.from_url(redis_url)
        store.delete(served.prefix + "handled", served.prefix + "workers")
        for key in store.scan_iter(match=f"withallo:webhook:load-{tag}-*"):  # what RedisDedupeStore claimed
            store.delete(key)


def _wait_for_workers(url: str, workers: int, process: subprocess.Popen[bytes]) -> None:
    """The socket listens from the start; wait until every worker process has answered (each on a new connection)."""
    seen: set[str] = set()
    deadline = time.monotonic() + 60
    while len(seen) < workers:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {len(seen)} of {workers} uvicorn workers answered within 60 s")
        try:
            seen.add(httpx.get(url, timeout=5, trust_env=False).json()["pid"])
        except httpx.TransportError:
            time.sleep(0.05)


@dataclass
class LoadRun:
    """What one load run sent and got back."""

    events: int
    deliveries: int
    statuses: Counter[int | None] = field(default_factory=Counter)  # each delivery's last answer
    replayed: int = 0  # 503 in_progress answers (the other copy was being handled), replayed as Allo does
    bodies: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    handled: dict[str, int] = field(default_factory=dict)  # delivery id -> times a handler ran it
    per_worker: dict[str, int] = field(default_factory=dict)  # worker pid -> events it handled

    @property
    def throughput(self) -> float:
        return self.deliveries / self.elapsed

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)


def deliver_load(served: Served, events: int, *, redeliver_every: int = 5, concurrency: int = 32) -> LoadRun:
    """Post `events` signed CALL_RECEIVED deliveries plus a redelivery of every `redeliver_every`-th, in a shuffled
    order, `concurrency` at a time (a 503 in_progress replayed after 50 ms, as Allo replays a non-2xx); then read
    what the handlers counted in Redis."""
    plan = [f"load-{served.tag}-{n}" for n in range(events)]
    plan += plan[::redeliver_every]
    random.Random(events).shuffle(plan)
    run = LoadRun(events=events, deliveries=len(plan))
    anyio.run(_post_all, served.url, plan, concurrency, run)
    counts = redis.Redis.from_url(served.redis_url, decode_responses=True)
    run.handled = {str(k): int(v) for k, v in counts.hgetall(served.prefix + "handled").items()}
    run.per_worker = {str(k): int(v) for k, v in counts.hgetall(served.prefix + "workers").items()}
    return run


async def _post_all(url: str, plan: list[str], concurrency: int, run: LoadRun) -> None:
    example = WEBHOOK_EXAMPLES["CALL_RECEIVED"]["data"]
    pending = iter(plan)

    async def worker(http: httpx.AsyncClient) -> None:
        for delivery_id in pending:
            data = {**copy.deepcopy(example), "id": delivery_id}
            _, headers, body = build_delivery("CALL_RECEIVED", data, SECRET, msg_id=delivery_id)
            started = time.perf_counter()
            try:
                response = await http.post(url, content=body, headers=headers)
                while response.status_code == 503 and response.json().get("error") == "in_progress":
                    run.replayed += 1  # Allo replays a non-2xx; here at once, after a short pause
                    await anyio.sleep(0.05)
                    response = await http.post(url, content=body, headers=headers)
            except httpx.TransportError:
                run.statuses[None] += 1
                continue
            run.latencies.append(time.perf_counter() - started)
            run.statuses[response.status_code] += 1
            run.bodies["duplicate" if response.json().get("duplicate") else "handled"] += 1

    # A new connection per delivery, as deliveries from many senders come: each is accepted by whichever worker
    # is free (kept-alive connections would pin each sender to the worker that accepted it first).
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=0)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30, limits=limits, trust_env=False) as http, anyio.create_task_group() as tg:
        for _ in range(concurrency):
            tg.start_soon(worker, http)
    run.elapsed = time.perf_counter() - started
