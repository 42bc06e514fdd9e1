"""`client.sms`, the resource: one text (`send`, `send_france`) and many (`check_many`, `send_many`, from
send_many.py), sync and async.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from withallo_ext import _operations as ops

from .._base import _AsyncResource, _SyncResource
from .send_many import AsyncSmsBulkMixin, SmsBulkMixin

if TYPE_CHECKING:
    from withallo_client.models import SentSms


class Sms(SmsBulkMixin, _SyncResource):
    """Text messages (scope SMS_SEND). Never sent twice: a POST is retried only when it surely did not arrive."""

    def send(self, *, from_: str, to: str, message: str) -> SentSms:
        """Send from one of your Allo numbers to a number in the same country (E.164, 1..1000 characters)."""
        return self._run(ops.sms_send(from_, to, message))

    def send_france(self, *, sender_id: str, to: str, message: str) -> SentSms:
        """Send to France from an approved sender ID (3-11 letters/digits with a letter, or a short code)."""
        return self._run(ops.sms_send_france(sender_id, to, message))


class AsyncSms(AsyncSmsBulkMixin, _AsyncResource):
    """Text messages (scope SMS_SEND). Never sent twice: a POST is retried only when it surely did not arrive."""

    async def send(self, *, from_: str, to: str, message: str) -> SentSms:
        """Send from one of your Allo numbers to a number in the same country (E.164, 1..1000 characters)."""
        return await self._run(ops.sms_send(from_, to, message))

    async def send_france(self, *, sender_id: str, to: str, message: str) -> SentSms:
        """Send to France from an approved sender ID (3-11 letters/digits with a letter, or a short code)."""
        return await self._run(ops.sms_send_france(sender_id, to, message))
