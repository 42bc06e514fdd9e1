"""What an endpoint answers Allo: `WebhookResponse`, the status and JSON body `WebhookReceiver.respond` decides on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._event import WebhookEvent

__all__ = ["WebhookResponse"]


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
