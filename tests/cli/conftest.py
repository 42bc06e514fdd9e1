"""The CLI tests: a FakeAllo served on 127.0.0.1 (a free port) and `withallo` invoked in-process through click's
CliRunner, with the key and base URL from the environment as a user would set them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from click.testing import CliRunner, Result

from withallo_ext import Page, WithalloClient
from withallo_ext.cli._app import cli
from withallo_ext.testing import FakeAllo, FakeAlloServer

KEY = "sk_live_CLI_TOPSECRET_7f3e"  # the user's key in these tests: it must never be printed
ALLO = "+14155550123"


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(text: str) -> str:
    """Terminal output without its colour and cursor escapes."""
    return _ANSI.sub("", text)


@pytest.fixture
def fake() -> Iterator[FakeAllo]:
    with FakeAllo(seed=0) as instance:
        instance.add_key(KEY)
        yield instance


@pytest.fixture
def server(fake: FakeAllo) -> Iterator[FakeAlloServer]:
    with fake.serve() as served:
        yield served


@pytest.fixture(autouse=True)
def _no_waits(sleeps: list[float]) -> None:
    """Retry waits are recorded, not slept (tests/conftest.py)."""


@dataclass
class Cli:
    """`cli("numbers", "list", "--json")` -> click's Result (exit_code, stdout, stderr), checked for the key."""

    base_url: str

    def __call__(
        self, *args: str, key: str | None = KEY, terminal: bool = False, env: Mapping[str, str] | None = None
    ) -> Result:
        environ: dict[str, str | None] = {
            "WITHALLO_API_KEY": key,
            "WITHALLO_BASE_URL": self.base_url,
            "TTY_COMPATIBLE": "1" if terminal else "0",  # rich's switch: a table (1) or plain lines (0)
            "COLUMNS": "200",
            "LINES": "50",
            **(env or {}),
        }
        result = CliRunner().invoke(cli, list(args), env=environ, catch_exceptions=False, prog_name="withallo")
        assert KEY not in result.stdout
        assert KEY not in result.stderr
        return result


@pytest.fixture
def run(server: FakeAlloServer) -> Cli:
    return Cli(server.base_url)


def sdk_json(server: FakeAlloServer, fetch: Callable[[WithalloClient], Any]) -> Any:
    """What the SDK itself returns for `fetch(client)`, as to_dict() JSON (a page gives its results)."""
    with server.client(api_key=KEY) as client:
        value = fetch(client)
    if isinstance(value, Page):
        value = value.results
    return [item.to_dict() for item in value] if isinstance(value, list) else value.to_dict()
