"""Who may call the fake: the raw API keys it accepts and the scopes each grants (401 for an unknown key, 403 for a
missing scope, as the real server answers)."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from ._problems import ApiProblem, error_body

ALL_SCOPES = frozenset(
    {"WEBHOOKS_READ_WRITE", "CONVERSATIONS_READ", "CONTACTS_READ", "CONTACTS_READ_WRITE", "SMS_SEND"}
)
# A scope that also grants another (read-write includes read).
_IMPLIED = {"CONTACTS_READ_WRITE": "CONTACTS_READ"}


class Keys:
    """The accepted keys, each with its scopes (implied ones included). Thread-safe."""

    def __init__(self) -> None:
        self._granted: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._granted)

    def add(self, api_key: str, scopes: Iterable[str]) -> None:
        """Accept `api_key` with `scopes`; ValueError for an unknown scope or a blank key."""
        granted = frozenset(scopes)
        unknown = granted - ALL_SCOPES
        if unknown:
            raise ValueError(f"scopes: unknown {sorted(unknown)}; known scopes are {sorted(ALL_SCOPES)}")
        if not api_key.strip():
            raise ValueError("api_key: must not be blank")
        with self._lock:
            self._granted[api_key] = granted | {_IMPLIED[s] for s in granted if s in _IMPLIED}

    def revoke(self, api_key: str) -> None:
        with self._lock:
            self._granted.pop(api_key, None)

    def scopes(self, authorization: str | None) -> frozenset[str]:
        """The scopes of the key a request sent (its raw Authorization header); 401 API_KEY_INVALID if none."""
        with self._lock:
            scopes = self._granted.get(authorization) if authorization is not None else None
        if scopes is None:
            raise ApiProblem(401, error_body("API_KEY_INVALID", None))
        return scopes


def require_scope(granted: frozenset[str], scope: str) -> None:
    """403 API_KEY_INSUFFICIENT_SCOPE, naming the scope, unless `granted` has it."""
    if scope not in granted:
        raise ApiProblem(403, error_body("API_KEY_INSUFFICIENT_SCOPE", [("scope", f"required={scope}")]))
