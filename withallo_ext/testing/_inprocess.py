"""The clients a FakeAllo hands out in-process (httpx and SDK, sync and async), tracked so that close() can close
those still open.

Each answers from the fake's handler through its own httpx.MockTransport; nothing touches a socket. The SDK clients
(`_clients`) are imported when first asked for, as withallo_ext._client is not light.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

if TYPE_CHECKING:
    from withallo_ext._client import AsyncWithalloClient, WithalloClient

_HttpClient = TypeVar("_HttpClient", httpx.Client, httpx.AsyncClient)


class InProcessClients:
    """Makes the clients answered by `handler` (FakeAllo.handler), and closes those still open on `close()`.

    Each method takes the fake's base URL and key first (positional: `options` may hold an `api_key` of its own).
    """

    def __init__(self, handler: Callable[[httpx.Request], httpx.Response]) -> None:
        self._handler = handler
        self._open: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()
        self._lock = threading.Lock()

    @property
    def transport(self) -> httpx.MockTransport:
        """A fresh transport answering from the handler, for `httpx.Client` and `httpx.AsyncClient` alike."""
        return httpx.MockTransport(self._handler)

    def http_client(self, base_url: str, api_key: str, /, **options: Any) -> httpx.Client:
        headers = {"Authorization": api_key, **options.pop("headers", {})}
        return self._track(httpx.Client(transport=self.transport, base_url=base_url, headers=headers, **options))

    def async_http_client(self, base_url: str, api_key: str, /, **options: Any) -> httpx.AsyncClient:
        headers = {"Authorization": api_key, **options.pop("headers", {})}
        http = httpx.AsyncClient(transport=self.transport, base_url=base_url, headers=headers, **options)
        return self._track(http)

    def client(self, base_url: str, api_key: str, /, **options: Any) -> WithalloClient:
        from ._clients import FakeWithalloClient

        options.setdefault("api_key", api_key)
        http = self._track(httpx.Client(transport=self.transport, base_url=base_url))
        return FakeWithalloClient(base_url=base_url, http_client=http, **options)

    def async_client(self, base_url: str, api_key: str, /, **options: Any) -> AsyncWithalloClient:
        from ._clients import FakeAsyncWithalloClient

        options.setdefault("api_key", api_key)
        http = self._track(httpx.AsyncClient(transport=self.transport, base_url=base_url))
        return FakeAsyncWithalloClient(base_url=base_url, http_client=http, **options)

    def _track(self, http: _HttpClient) -> _HttpClient:
        with self._lock:
            self._open.add(http)
        return http

    def close(self) -> None:
        """Close the clients made here that are still open."""
        with self._lock:
            clients = list(self._open)
            self._open.clear()
        for http in clients:
            if isinstance(http, httpx.Client):
                http.close()
            else:
                _close_async_client(http)


def _close_async_client(http: httpx.AsyncClient) -> None:
    """Close an httpx.AsyncClient from sync code (a fixture's teardown has no event loop).

    Its aclose() only awaits its transports' aclose(), and the fake's MockTransport does nothing there, so the
    coroutine finishes in its first step, with no event loop. One that would really wait (a mount the caller added)
    is left for its owner, already marked closed.
    """
    coroutine = http.aclose()
    try:
        coroutine.send(None)
    except StopIteration:
        return
    coroutine.close()
