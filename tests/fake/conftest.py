"""Fixtures for the fake's own tests: raw httpx clients on the fake, in-process and over a real socket."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from withallo_ext.testing import FakeAllo


@pytest.fixture(params=["in-process", "socket"])
def api(request: pytest.FixtureRequest, fake_allo: FakeAllo) -> Iterator[httpx.Client]:
    """An httpx.Client on the test's fake (base URL and key set), once in-process and once over 127.0.0.1."""
    if request.param == "in-process":
        with fake_allo.http_client() as client:
            yield client
        return
    with (
        fake_allo.serve() as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": server.api_key}, timeout=5) as client,
    ):
        yield client
