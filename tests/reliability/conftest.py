"""Fixtures for the reliability suite: waits between retries recorded instead of slept, and no key from the env."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated(sleeps: list[float], no_env_key: None) -> None:
    """Every test here: retry waits recorded, not slept (tests/conftest.py); no key from the environment."""
