"""`client.webhooks`: the webhook subscriptions of the account (list, create, delete), sync and async.

Receiving the deliveries Allo then sends is the other part of the SDK: WebhookReceiver (not a resource).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from withallo_client.client import AuthenticatedClient
from withallo_ext import _operations as ops

from ._base import _AsyncResource, _SyncResource

if TYPE_CHECKING:
    from withallo_client.models import Webhook
    from withallo_client.models.webhook_topic import WebhookTopic


class Webhooks(_SyncResource):
    """Webhook subscriptions (scope WEBHOOKS_READ_WRITE)."""

    def __init__(self, client: AuthenticatedClient, *, allow_insecure_http: bool = False) -> None:
        super().__init__(client)
        self._allow_insecure_http = allow_insecure_http  # the client's: a plain http:// target beyond localhost

    def list(self) -> list[Webhook]:
        """Every webhook of the account."""
        return self._run(ops.webhooks_list())

    def create(
        self, *, allo_number: str, url: str, topics: Iterable[WebhookTopic | str], enabled: bool = True
    ) -> Webhook:
        """Subscribe `url` to `topics` (WebhookTopic members or names) for one Allo number. Not retried on 5xx.

        `url` must be https:// (plain http:// only to localhost, unless the client has `allow_insecure_http=True`):
        deliveries carry transcripts and personal data.
        """
        return self._run(
            ops.webhooks_create(allo_number, url, topics, enabled, allow_insecure_http=self._allow_insecure_http)
        )

    def delete(self, webhook_id: str) -> None:
        """Delete a webhook by id (URL-encoded in the path); NotFoundError when there is none."""
        self._run(ops.webhooks_delete(webhook_id))


class AsyncWebhooks(_AsyncResource):
    """Webhook subscriptions (scope WEBHOOKS_READ_WRITE)."""

    def __init__(self, client: AuthenticatedClient, *, allow_insecure_http: bool = False) -> None:
        super().__init__(client)
        self._allow_insecure_http = allow_insecure_http  # the client's: a plain http:// target beyond localhost

    async def list(self) -> list[Webhook]:
        """Every webhook of the account."""
        return await self._run(ops.webhooks_list())

    async def create(
        self, *, allo_number: str, url: str, topics: Iterable[WebhookTopic | str], enabled: bool = True
    ) -> Webhook:
        """Subscribe `url` to `topics` (WebhookTopic members or names) for one Allo number. Not retried on 5xx.

        `url` must be https:// (plain http:// only to localhost, unless the client has `allow_insecure_http=True`):
        deliveries carry transcripts and personal data.
        """
        return await self._run(
            ops.webhooks_create(allo_number, url, topics, enabled, allow_insecure_http=self._allow_insecure_http)
        )

    async def delete(self, webhook_id: str) -> None:
        """Delete a webhook by id (URL-encoded in the path); NotFoundError when there is none."""
        await self._run(ops.webhooks_delete(webhook_id))
