"""The SDK clients `FakeAllo.client()`/`async_client()` (and the server's) return: they also close the httpx client the
fake made.

WithalloClient leaves an `http_client` passed to it open on close(), since it belongs to the caller. Here the caller
is the fake, and users get one line (`with fake.client() as client:`), so closing the client closes it all.
Imported only when a client is asked for, like withallo_ext._client itself.
"""

from __future__ import annotations

from typing import Any

import httpx

from withallo_ext._client import AsyncWithalloClient, WithalloClient


class FakeWithalloClient(WithalloClient):
    """A WithalloClient answered by a FakeAllo (in-process or served); close() also closes its httpx client."""

    def __init__(self, *, http_client: httpx.Client, **options: Any) -> None:
        super().__init__(http_client=http_client, **options)
        self._fake_http = http_client

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._fake_http.close()


class FakeAsyncWithalloClient(AsyncWithalloClient):
    """An AsyncWithalloClient answered by a FakeAllo (in-process or served); aclose() also closes its httpx client."""

    def __init__(self, *, http_client: httpx.AsyncClient, **options: Any) -> None:
        super().__init__(http_client=http_client, **options)
        self._fake_http = http_client

    async def aclose(self) -> None:
        try:
            await super().aclose()
        finally:
            await self._fake_http.aclose()
