"""`client.calls`: the call history of an Allo number, one page or every call, sync and async."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

from withallo_ext import _operations as ops
from withallo_ext._pages import Page, aiterate, iterate

from ._base import _AsyncResource, _SyncResource

if TYPE_CHECKING:
    from withallo_client.models import Call


class Calls(_SyncResource):
    """Call history (scope CONVERSATIONS_READ)."""

    def search(
        self, allo_number: str, *, contact_number: str | None = None, page: int = 0, size: int = 10
    ) -> Page[Call]:
        """One page (0-indexed, `size` 1..100) of an Allo number's calls, optionally with one contact number only."""
        return self._run(ops.calls_search(allo_number, contact_number, page, size))

    def iter(self, allo_number: str, *, contact_number: str | None = None, size: int = 100) -> Iterator[Call]:
        """Every matching call, fetching `size` at a time."""
        ops.calls_search(allo_number, contact_number, 0, size)  # check the arguments now, not at the first next()
        return iterate(lambda page: self.search(allo_number, contact_number=contact_number, page=page, size=size))


class AsyncCalls(_AsyncResource):
    """Call history (scope CONVERSATIONS_READ)."""

    async def search(
        self, allo_number: str, *, contact_number: str | None = None, page: int = 0, size: int = 10
    ) -> Page[Call]:
        """One page (0-indexed, `size` 1..100) of an Allo number's calls, optionally with one contact number only."""
        return await self._run(ops.calls_search(allo_number, contact_number, page, size))

    def iter(self, allo_number: str, *, contact_number: str | None = None, size: int = 100) -> AsyncIterator[Call]:
        """Every matching call, fetching `size` at a time (`async for`)."""
        ops.calls_search(allo_number, contact_number, 0, size)  # check the arguments now, not at the first anext()
        return aiterate(lambda page: self.search(allo_number, contact_number=contact_number, page=page, size=size))
