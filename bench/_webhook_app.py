"""The FastAPI example's app for the webhook load run (`uvicorn --factory bench._webhook_app:create_app`).

The receiver is the example's own (`build_receiver()`: REDIS_URL dedupe, WITHALLO_WEBHOOK_SECRET signatures), with
one more handler per topic that counts, in Redis, each event it ran and which worker process ran it: what the load
run checks (each event handled exactly once, across workers).
"""

from __future__ import annotations

import os

import redis
from fastapi import FastAPI

from examples.webhook_handlers import build_receiver
from examples.webhooks_fastapi import create_app as example_app
from withallo_ext import WebhookEvent, WebhookTopic

PREFIX_ENV = "WITHALLO_LOAD_PREFIX"  # Redis keys <prefix>handled (delivery id -> runs), <prefix>workers (pid -> runs)


def create_app() -> FastAPI:
    counts = redis.Redis.from_url(os.environ["REDIS_URL"])
    prefix = os.environ[PREFIX_ENV]
    worker = str(os.getpid())

    def count(event: WebhookEvent) -> None:
        pipe = counts.pipeline()
        pipe.hincrby(prefix + "handled", str(event.delivery_id), 1)
        pipe.hincrby(prefix + "workers", worker, 1)
        pipe.execute()

    receiver = build_receiver().on(WebhookTopic.CALL_RECEIVED, count).on(WebhookTopic.SMS_RECEIVED, count)
    app = example_app(receiver=receiver)

    @app.get("/worker")
    async def which_worker() -> dict[str, str]:
        """Which process answered: the load run waits until it has heard from every worker."""
        return {"pid": worker}

    return app
