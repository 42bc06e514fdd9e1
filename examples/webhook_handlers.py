"""The webhook handlers the FastAPI, Flask and Django examples share, and the receiver they are registered on.

Replace the handlers with your own. Hardening is turned on from the environment:
  WITHALLO_WEBHOOK_SECRET  whsec_... : verify Standard Webhooks signatures (401 when wrong)
  REDIS_URL                redis://... : dedupe shared by every worker (default: in this process only)
  WITHALLO_API_KEY         the account's numbers are fetched at startup and every 10 minutes (so a number
                           bought later is allowed within 10 minutes); events for other numbers get 403
"""

from __future__ import annotations

import logging
import os

from withallo_ext import OwnNumbers, WebhookEvent, WebhookReceiver, WebhookTopic, WithalloClient
from withallo_ext.webhooks import DedupeStore, MemoryDedupeStore, RedisDedupeStore

log = logging.getLogger("examples.webhooks")


def on_call(event: WebhookEvent) -> None:
    """A call ended and Allo summarised it. Keep handlers quick: Allo replays what is not answered within 30 s."""
    log.info("Call %s from %s: %s", event.get("id"), event.get("from_number"), event.get("one_sentence_summary"))


def on_sms(event: WebhookEvent) -> None:
    if event.get("direction") == "INBOUND":
        log.info("SMS from %s: %s", event.get("from_number"), event.get("content"))


def build_receiver() -> WebhookReceiver:
    """The receiver with the handlers above and whatever hardening the environment asks for."""
    redis_url = os.environ.get("REDIS_URL")
    dedupe: DedupeStore = RedisDedupeStore.from_url(redis_url) if redis_url else MemoryDedupeStore()
    # the client stays open for the process: OwnNumbers re-fetches the numbers with it every max_age seconds
    own_numbers = OwnNumbers(WithalloClient(), max_age=600) if os.environ.get("WITHALLO_API_KEY") else None
    receiver = WebhookReceiver(
        secret=os.environ.get("WITHALLO_WEBHOOK_SECRET") or None,
        own_numbers=own_numbers,
        dedupe=dedupe,
    )
    return receiver.on(WebhookTopic.CALL_RECEIVED, on_call).on(WebhookTopic.SMS_RECEIVED, on_sms)
