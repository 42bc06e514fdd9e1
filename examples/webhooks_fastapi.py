"""Allo webhooks in FastAPI: the secret URL, the receiver, and the status codes Allo expects.

    export WITHALLO_WEBHOOK_TOKEN="$(python -c 'import secrets; print(secrets.token_urlsafe(32))')"
    uvicorn --factory examples.webhooks_fastapi:create_app        # from the repository root
    # then register https://<your host>/webhooks/allo/$WITHALLO_WEBHOOK_TOKEN with client.webhooks.create(...)

404 for a wrong token (as if the route did not exist), then whatever `WebhookReceiver.respond` says: 200 when handled
(also when our own handler failed, so Allo does not replay forever), 400 invalid payload, 401 bad signature,
403 not one of our numbers, 503 dedupe store down. The token is masked in the server's access log (*** instead).
README: "Testing your webhook endpoint" shows how to test such an app with the fake.
"""

from __future__ import annotations

import os

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from examples.webhook_handlers import build_receiver
from withallo_ext import WebhookReceiver, hide_webhook_tokens, verify_path_token


def create_app(path_token: str | None = None, receiver: WebhookReceiver | None = None) -> FastAPI:
    """The app; the token and receiver default to WITHALLO_WEBHOOK_TOKEN and `build_receiver()`."""
    token = path_token if path_token is not None else os.environ["WITHALLO_WEBHOOK_TOKEN"]
    verify_path_token(token, None)  # refuses a token shorter than 32 characters now, not on each request
    hide_webhook_tokens()  # access logs (uvicorn, gunicorn, dev servers) show /webhooks/allo/*** instead of the token
    webhooks = receiver if receiver is not None else build_receiver()
    app = FastAPI()

    @app.post("/webhooks/allo/{given}")
    async def allo_webhook(given: str, request: Request) -> JSONResponse:
        if not verify_path_token(token, given):
            raise HTTPException(status_code=404)
        body = await request.body()  # the raw bytes: what a signature covers
        # handlers are plain `def` (an async one is refused) and may block: off the event loop
        result = await run_in_threadpool(webhooks.respond, body, request.headers)
        return JSONResponse(result.body, status_code=result.status)

    return app


if __name__ == "__main__":
    import logging

    import uvicorn

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(create_app(), host="127.0.0.1", port=8000)
