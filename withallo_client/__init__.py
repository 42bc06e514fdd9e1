"""A client library for accessing Allo (Withallo) API"""

import importlib
from typing import TYPE_CHECKING, Any

from .errors import SchemaMismatchError

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
    "SchemaMismatchError",
)


if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt name stays an error for them

    def __getattr__(name: str) -> Any:
        if name in ("AuthenticatedClient", "Client"):
            value = getattr(importlib.import_module(".client", __name__), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
