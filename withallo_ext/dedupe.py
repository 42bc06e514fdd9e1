"""Deprecated: the dedupe stores' old home. Import them from `withallo_ext.webhooks`; this alias goes in 1.0.

``from withallo_ext.dedupe import RedisDedupeStore`` keeps working until then, with one DeprecationWarning when
this module is first imported; DedupeStoreError lives in `withallo_ext.errors`.
"""

from __future__ import annotations

import warnings

from .errors import DedupeStoreError
from .webhooks import DEFAULT_TTL, DedupeStore, MemoryDedupeStore, RedisDedupeStore

__all__ = ["DEFAULT_TTL", "DedupeStore", "DedupeStoreError", "MemoryDedupeStore", "RedisDedupeStore"]


warnings.warn(
    "withallo_ext.dedupe is deprecated and goes in withallo 1.0: import the dedupe stores from withallo_ext.webhooks "
    "(from withallo_ext.webhooks import MemoryDedupeStore, RedisDedupeStore, DEFAULT_TTL)",
    DeprecationWarning,
    stacklevel=2,  # the importing line: the warnings module skips the import machinery's frames
)
