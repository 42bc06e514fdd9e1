"""The state of a fake Allo account: its seeded records, its clock, its id maker and how it pages results.

The operations on it live in `_contacts` (contacts and conversations) and `_account` (webhooks, calls, SMS,
numbers); records are kept as the wire-shaped dicts the server sends, so answers are copies of them.
"""

from __future__ import annotations

import copy
import datetime
import math
import random
from collections.abc import Callable, Iterable
from typing import Any, Literal

from ._data import SEED_NOW, IdMaker, Seed, build_seed

Pagination = Literal["nested", "flat"]
Result = tuple[int, Any]  # what an operation returns: (status, JSON body or None)


class AccountState:
    """One Allo account's data: numbers, contacts, calls, text messages, webhooks and approved sender IDs."""

    def __init__(
        self,
        seed: int,
        *,
        pagination: Pagination,
        sender_ids: Iterable[str],
        clock: Callable[[], datetime.datetime] | None,
    ) -> None:
        data: Seed = build_seed(seed)
        self.numbers = data.numbers
        self.contacts = {contact["id"]: contact for contact in data.contacts}
        self.calls = data.calls
        self.messages = data.messages
        self.webhooks: dict[str, dict[str, Any]] = {}
        self.sender_ids = set(sender_ids)
        self.pagination = pagination
        # Ids of what the API creates come from their own generator, so seeding more data never shifts them.
        self._ids = IdMaker(random.Random(f"ids-{seed}"))
        self._ticks = 0
        self._clock = clock

    def now(self) -> datetime.datetime:
        """The fake's clock: one second after the seeded history per write, unless a clock was given."""
        if self._clock is not None:
            return self._clock()
        self._ticks += 1
        return SEED_NOW + datetime.timedelta(seconds=self._ticks)

    def own_number(self, number: str) -> dict[str, Any] | None:
        return next((n for n in self.numbers if n["number"] == number), None)

    def page(self, items: list[Any], page: int, size: int) -> dict[str, Any]:
        """`{results, metadata}` for one 0-indexed page, the metadata nested or flat as configured."""
        info = {"total_pages": math.ceil(len(items) / size), "current_page": page}
        metadata = {"pagination": info} if self.pagination == "nested" else info
        return {"results": copy.deepcopy(items[page * size : (page + 1) * size]), "metadata": metadata}
