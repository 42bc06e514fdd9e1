"""`client.phone_numbers`: the account's Allo numbers, sync and async."""

from __future__ import annotations

from typing import TYPE_CHECKING

from withallo_ext import _operations as ops

from ._base import _AsyncResource, _SyncResource

if TYPE_CHECKING:
    from withallo_client.models import PhoneNumber


class PhoneNumbers(_SyncResource):
    """The account's Allo numbers (scope CONVERSATIONS_READ)."""

    def list(self) -> list[PhoneNumber]:
        """Every Allo number of the account."""
        return self._run(ops.phone_numbers_list())


class AsyncPhoneNumbers(_AsyncResource):
    """The account's Allo numbers (scope CONVERSATIONS_READ)."""

    async def list(self) -> list[PhoneNumber]:
        """Every Allo number of the account."""
        return await self._run(ops.phone_numbers_list())
