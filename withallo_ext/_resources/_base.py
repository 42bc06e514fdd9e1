"""The two bases every resource class stands on: _SyncResource runs an operation, _AsyncResource awaits it.

How a method gets both twins (and what checks it): see the package docstring, withallo_ext/_resources/__init__.py.
"""

from __future__ import annotations

from typing import TypeVar

from withallo_client.client import AuthenticatedClient
from withallo_ext import _operations as ops

R = TypeVar("R")


class _SyncResource:
    """A sync resource: holds the generated client of its WithalloClient; `_run` sends one operation."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def _run(self, op: ops.Op[R]) -> R:
        return ops.run_sync(self._client, op)


class _AsyncResource:
    """An async resource: holds the generated client of its AsyncWithalloClient; `await _run` sends one operation."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def _run(self, op: ops.Op[R]) -> R:
        return await ops.run_async(self._client, op)
