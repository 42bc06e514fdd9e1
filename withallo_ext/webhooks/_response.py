"""What an endpoint answers Allo: `WebhookResponse`, the status and JSON body `WebhookReceiver.respond` decides on,
and the outcome each answer stands for (each logged on the ``withallo.webhooks`` logger)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._sanitize import shown
from ..errors import (
    DedupeStoreError,
    InvalidWebhookPayloadError,
    WebhookNumberNotAllowedError,
    WebhookSignatureError,
)
from ._dedupe import ClaimState
from ._event import WebhookEvent

__all__ = ["WebhookResponse", "admit", "handler_failed"]

logger = logging.getLogger("withallo.webhooks")


@dataclass(frozen=True)
class WebhookResponse:
    """What an endpoint should answer: `status` and a small JSON `body`; `event` and `error` for logging or tests.

    ====== ====================================================================================================
    200    handled (``{"ok": true}``), a repeat skipped by dedupe (``"duplicate": true``), or one of *our*
           handlers raised (``{"ok": false, "error": "handler_failed"}``, logged): a non-2xx would make Allo
           replay a delivery that will fail the same way, forever.
    400    invalid payload (``invalid_payload``): empty, not JSON, no topic or data, unknown topic.
    401    signature missing, wrong or out of tolerance (``invalid_signature``), only when a secret is set.
    403    the event's Allo-side number is not one of ours (``number_not_allowed``), only with `own_numbers`.
    503    the dedupe store failed before any handler ran (``dedupe_unavailable``), another worker is handling
           this delivery now (``in_progress``: its claim is younger than the store's lease, 60 s), or an
           `own_numbers` callable raised (``own_numbers_unavailable``): a replay is wanted.
    ====== ====================================================================================================
    """

    status: int
    body: dict[str, Any]
    event: WebhookEvent | None = None
    error: BaseException | None = None


def admit(
    parse: Callable[[], WebhookEvent], checked_and_claimed: Callable[[WebhookEvent], ClaimState]
) -> WebhookEvent | WebhookResponse:
    """The claimed event whose handlers are to run, or the answer when it is refused, failed, a repeat, or held by
    another worker now.

    `parse` reads the delivery; `checked_and_claimed` checks the own number and claims it in the dedupe store.
    """
    try:
        event = parse()
    except WebhookSignatureError as exc:
        logger.warning("Webhook rejected (signature): %s", exc)
        return WebhookResponse(401, {"ok": False, "error": "invalid_signature"}, error=exc)
    except InvalidWebhookPayloadError as exc:
        logger.warning("Webhook rejected (payload): %s", exc)
        return WebhookResponse(400, {"ok": False, "error": "invalid_payload"}, error=exc)
    try:
        state = checked_and_claimed(event)
    except WebhookNumberNotAllowedError as exc:
        logger.warning("Webhook rejected (number): %s", exc)
        return WebhookResponse(403, {"ok": False, "error": "number_not_allowed"}, event=event, error=exc)
    except DedupeStoreError as exc:
        logger.error("Webhook %s not handled: %s", named(event), exc)
        return WebhookResponse(503, {"ok": False, "error": "dedupe_unavailable"}, event=event, error=exc)
    except Exception as exc:  # only the own_numbers callable is left to raise here (_claim wraps store errors)
        logger.exception("Webhook %s not handled: own_numbers failed", named(event))
        return WebhookResponse(503, {"ok": False, "error": "own_numbers_unavailable"}, event=event, error=exc)
    if state == "done":
        logger.info("Webhook %s already handled; skipped", named(event))
        return WebhookResponse(200, {"ok": True, "duplicate": True}, event=event)
    if state == "in_progress":
        logger.warning("Webhook %s is being handled by another worker; answered 503 for a replay", named(event))
        return WebhookResponse(503, {"ok": False, "error": "in_progress"}, event=event)
    return event


def handler_failed(event: WebhookEvent, exc: Exception) -> WebhookResponse:
    """200 ``handler_failed`` for a handler that raised (or returned an awaitable), logged with its traceback."""
    # the error in the line too (bounded, escaped): an awaitable returned says so without the traceback
    logger.exception("Webhook handler failed for %s: %s", named(event), shown(f"{type(exc).__name__}: {exc}", 500))
    return WebhookResponse(200, {"ok": False, "error": "handler_failed"}, event=event, error=exc)


def named(event: WebhookEvent) -> str:
    """`<topic> <delivery id>` for a log line: both come from the sender, so escaped and bounded."""
    return f"{shown(event.topic, 100)} {shown(event.delivery_id, 100)}"
