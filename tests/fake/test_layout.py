"""The fake's package shows its parts (issue 17): every module of withallo_ext/testing is under 300 lines and opens
with a docstring saying what it holds; the public names of withallo_ext.testing stay where users import them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import withallo_ext.testing

TESTING = Path(withallo_ext.testing.__file__).parent
MODULES = sorted(TESTING.glob("*.py"))
MAX_LINES = 300


def test_the_package_has_the_modules_it_is_split_into() -> None:
    names = {path.stem for path in MODULES}
    assert {"_fake", "_routes", "_scopes", "_records", "_server", "_handler", "_account", "_contacts"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_a_module_is_short_and_says_what_it_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines < MAX_LINES, f"{path.name}: {lines} lines; split it by concept (issue 17)"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring, f"{path.name}: open with a docstring saying which concept the module holds"
    assert len(docstring.split()) >= 8, f"{path.name}: the opening docstring says too little: {docstring!r}"


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
