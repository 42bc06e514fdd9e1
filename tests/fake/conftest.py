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


_RUN_SUMMARY = "test_conformance.py::test_the_run_exercises_state_and_errors"


@pytest.hookimpl(trylast=True)  # after any plugin that reorders or deselects tests
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Conformance's summary of the run goes right after the last generated case of its module, whatever order
    the run chose: it reads what those cases sent to the module's server, which is still up then."""
    summary = next((item for item in items if item.nodeid.endswith(_RUN_SUMMARY)), None)
    if summary is None:
        return
    items.remove(summary)
    same_module = [index for index, item in enumerate(items) if item.path == summary.path]
    items.insert(same_module[-1] + 1 if same_module else len(items), summary)
