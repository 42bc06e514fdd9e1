"""pytest plugin registered by the `withallo` distribution (entry point `pytest11`).

Fixtures: `fake_allo` (a fresh FakeAllo per test) and `fake_allo_server` (that fake served on 127.0.0.1).
Configure them per test with a marker: `@pytest.mark.fake_allo(seed=3, pagination="flat")`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._fake import FakeAllo
from ._server import FakeAlloServer


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fake_allo(**options): options for the fake_allo fixture, as FakeAllo(**options) takes them"
    )


@pytest.fixture
def fake_allo(request: pytest.FixtureRequest) -> Iterator[FakeAllo]:
    """A fresh in-memory Allo account (seed 0 unless a `fake_allo` marker says otherwise); the clients it made for
    the test are closed after it."""
    marker = request.node.get_closest_marker("fake_allo")
    options = dict(marker.kwargs) if marker else {}
    with FakeAllo(**options) as fake:
        yield fake


@pytest.fixture
def fake_allo_server(fake_allo: FakeAllo) -> Iterator[FakeAlloServer]:
    """The test's `fake_allo`, served over HTTP on 127.0.0.1 on a free port for the test's duration."""
    with fake_allo.serve() as server:
        yield server
