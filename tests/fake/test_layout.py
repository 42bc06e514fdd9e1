"""The fake's package shows its parts (issue 17): it is split into the modules below, and the public names of
withallo_ext.testing stay where users import them. The size and docstring rule: tests/test_layout.py."""

from __future__ import annotations

from pathlib import Path

import withallo_ext.testing

TESTING = Path(withallo_ext.testing.__file__).parent
MODULES = sorted(TESTING.glob("*.py"))
MAX_LINES = 300


def test_the_package_has_the_modules_it_is_split_into() -> None:
    names = {path.stem for path in MODULES}
    assert {"_fake", "_routes", "_scopes", "_records", "_server", "_handler", "_account", "_contacts"} <= names


def test_the_public_names_are_unchanged() -> None:
    assert sorted(withallo_ext.testing.__all__) == [
        "ACCOUNT_NUMBERS",
        "ALL_SCOPES",
        "API_PATH",
        "DEFAULT_API_KEY",
        "DEFAULT_BASE_URL",
        "DEFAULT_SENDER_IDS",
        "Delivery",
        "FakeAllo",
        "FakeAlloServer",
        "FakeRateLimiter",
        "Fault",
        "RateLimits",
        "ReceivedDelivery",
        "RecordedRequest",
        "Reply",
        "WebhookEndpoint",
        "WebhookSender",
    ]
    for name in withallo_ext.testing.__all__:
        assert getattr(withallo_ext.testing, name) is not None
    assert withallo_ext.testing.API_PATH == "/v1/api"
    assert withallo_ext.testing.DEFAULT_BASE_URL == "https://api.withallo.test/v1/api"
    assert withallo_ext.testing.DEFAULT_API_KEY == "fake_allo_test_key"
