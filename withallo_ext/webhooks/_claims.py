"""How a receiver claims a delivery in its dedupe store: `DeliveryClaims`, claim, then finish or release.

The SDK's stores are used in two phases (`begin` leases the delivery id, `finish` marks it done once the handlers
succeeded); a `DedupeStore` written for earlier versions, with only `claim(key)` and `release(key)`, in one.
"""

from __future__ import annotations

import logging

from .._sanitize import shown
from ..errors import DedupeStoreError
from ._dedupe import BODY_HASH_TTL, ClaimState, DedupeStore, claim_takes_ttl
from ._delivery_id import is_body_digest
from ._event import WebhookEvent

__all__ = ["DeliveryClaims"]

logger = logging.getLogger("withallo.webhooks")

_STATES = ("claimed", "in_progress", "done")


class DeliveryClaims:
    """Claims events' delivery ids in `store`; with no store, or for an event without a delivery id (built by hand),
    every event is "claimed" and there is nothing to finish or release."""

    def __init__(self, store: DedupeStore | None) -> None:
        self.store = store
        self._claim_takes_ttl = store is not None and claim_takes_ttl(store)  # else a store for claim(key) only
        self._two_phase = callable(getattr(store, "begin", None)) and callable(getattr(store, "finish", None))

    def claim(self, event: WebhookEvent) -> ClaimState:
        """ "claimed" (run the handlers), "done" (a repeat: skip) or "in_progress" (another worker has it: replay).

        DedupeStoreError when the store fails (whatever it raised).
        """
        key = event.delivery_id
        if key is None or self.store is None:
            return "claimed"
        try:
            if self._two_phase:
                state: ClaimState = self.store.begin(key)  # type: ignore[attr-defined]
                if state not in _STATES:
                    raise TypeError(f"begin() returned {shown(repr(state), 40)}, not one of {_STATES}")
                return state
            if not self._claim_takes_ttl:
                return "claimed" if self.store.claim(key) else "done"
            claimed = self.store.claim(key, ttl=ttl_of(event))  # type: ignore[call-arg]
            return "claimed" if claimed else "done"
        except DedupeStoreError:
            raise
        except Exception as exc:
            raise DedupeStoreError(f"The dedupe store failed: {type(exc).__name__}: {exc}") from exc

    def finish(self, event: WebhookEvent) -> None:
        """Mark a two-phase claim done. The handlers ran, so a store failure is logged, not raised (the lease then
        runs out, and a replay would run them again, as without dedupe)."""
        if event.delivery_id is None or self.store is None or not self._two_phase:
            return
        try:
            self.store.finish(event.delivery_id, ttl_of(event))  # type: ignore[attr-defined]
        except Exception:
            logger.exception("Could not mark dedupe claim %s done", shown(event.delivery_id, 100))

    def release(self, event: WebhookEvent) -> None:
        """Forget the claim (a handler failed), so a replay runs the handlers again; a store failure is logged."""
        if event.delivery_id is None or self.store is None:
            return
        try:
            self.store.release(event.delivery_id)
        except Exception:
            logger.exception("Could not release dedupe claim %s", shown(event.delivery_id, 100))


def ttl_of(event: WebhookEvent) -> float | None:
    """How long the store keeps the key: a body digest only proves a replay within Allo's retry window
    (BODY_HASH_TTL says why); a `webhook-id` is kept for the store's own ttl (None)."""
    return BODY_HASH_TTL if is_body_digest(event) else None
