"""Receiving Allo webhooks: the receiver, the event, the checks that keep an endpoint safe, and the dedupe stores.

Everything public is importable from here (``from withallo_ext.webhooks import WebhookReceiver, RedisDedupeStore``);
the common names from `withallo_ext` too. The modules are private: each holds one concept, and a module imports only
the ones listed below it, never one above (tests/webhooks/test_layout.py checks there is no cycle).

  _receiver      WebhookReceiver: handler registration, parse, dispatch, and `respond` for an endpoint
  _response      WebhookResponse: the status and JSON body to answer
  _claims        how the receiver claims a delivery in its dedupe store: leased, then done or released
  _handlers      handler callables: an `async def` refused, an awaitable returned turned into a handler failure
  _own_numbers   the own-number allowlist: OwnNumbers, fetch_own_numbers, the event field holding our number
  _envelope      a delivery's body to a WebhookEvent: strict JSON, `topic` and `data`, the delivery id
  _event         WebhookEvent: topic tests, dot-path lookup, the typed model
  _payload       an event's `data` as the generated model, camelCase keys included
  _delivery_id   an event's delivery id when the delivery had no `webhook-id` header
  _dedupe        the stores that run an event's handlers once per delivery (MemoryDedupeStore, RedisDedupeStore)
  _signature     Standard Webhooks signatures: verify_signature
  _secrets       what a valid signing secret is; generate_webhook_secret
  _path_token    the secret token in a webhook URL: verify_path_token
  _access_log    hide_webhook_tokens / WebhookTokenFilter: the path token kept out of access logs

The names load lazily, as `withallo_ext`'s do: importing this package costs nothing until a name is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names as _lazy_names

if TYPE_CHECKING:
    from withallo_client.models.webhook_topic import WebhookTopic

    from ._access_log import WebhookTokenFilter, hide_webhook_tokens
    from ._dedupe import BODY_HASH_TTL, DEFAULT_TTL, IN_PROGRESS_LEASE, DedupeStore, MemoryDedupeStore, RedisDedupeStore
    from ._event import WebhookEvent
    from ._own_numbers import OwnNumbers, fetch_own_numbers, fetch_own_numbers_async
    from ._path_token import verify_path_token
    from ._receiver import WebhookReceiver
    from ._response import WebhookResponse
    from ._secrets import generate_webhook_secret
    from ._signature import verify_signature

# public name -> module that defines it
_LAZY = {
    "WebhookReceiver": "withallo_ext.webhooks._receiver",
    "WebhookEvent": "withallo_ext.webhooks._event",
    "WebhookResponse": "withallo_ext.webhooks._response",
    "OwnNumbers": "withallo_ext.webhooks._own_numbers",
    "fetch_own_numbers": "withallo_ext.webhooks._own_numbers",
    "fetch_own_numbers_async": "withallo_ext.webhooks._own_numbers",
    "verify_path_token": "withallo_ext.webhooks._path_token",
    "verify_signature": "withallo_ext.webhooks._signature",
    "generate_webhook_secret": "withallo_ext.webhooks._secrets",
    "hide_webhook_tokens": "withallo_ext.webhooks._access_log",
    "WebhookTokenFilter": "withallo_ext.webhooks._access_log",
    "BODY_HASH_TTL": "withallo_ext.webhooks._dedupe",
    "DEFAULT_TTL": "withallo_ext.webhooks._dedupe",
    "IN_PROGRESS_LEASE": "withallo_ext.webhooks._dedupe",
    "DedupeStore": "withallo_ext.webhooks._dedupe",
    "MemoryDedupeStore": "withallo_ext.webhooks._dedupe",
    "RedisDedupeStore": "withallo_ext.webhooks._dedupe",
    "WebhookTopic": "withallo_client.models.webhook_topic",
}

__all__ = [
    "BODY_HASH_TTL",
    "DEFAULT_TTL",
    "IN_PROGRESS_LEASE",
    "DedupeStore",
    "MemoryDedupeStore",
    "OwnNumbers",
    "RedisDedupeStore",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookResponse",
    "WebhookTokenFilter",
    "WebhookTopic",
    "fetch_own_numbers",
    "fetch_own_numbers_async",
    "generate_webhook_secret",
    "hide_webhook_tokens",
    "verify_path_token",
    "verify_signature",
]

if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt public name stays an error for them
    __getattr__ = _lazy_names(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)
