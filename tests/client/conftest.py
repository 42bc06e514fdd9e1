"""Fixtures for the client tests: a respx router on the production base URL, both clients, and a recorded sleep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx

from .helpers import BASE, Runner


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """Every request to the Allo base URL is answered by routes the test declares; nothing reaches the network."""
    with respx.mock(base_url=BASE, assert_all_called=False, assert_all_mocked=True) as router:
        yield router


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Runner:
    """The same scenario through WithalloClient and through AsyncWithalloClient."""
    return Runner(str(request.param))


@pytest.fixture(autouse=True)
def _isolated(sleeps: list[float], no_env_key: None) -> None:
    """Every test here: retry waits recorded, not slept (tests/conftest.py); no key from the environment."""
