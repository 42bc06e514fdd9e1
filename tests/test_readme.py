"""The README cannot rot: every ```python block runs, in order, against a fake Allo; shell blocks name real commands.

The blocks share one namespace, as a reader following the page top to bottom would. `WithalloClient()` reaches the
fake because the "production" environment is pointed at a FakeAllo served on 127.0.0.1 and WITHALLO_API_KEY holds
its key. Functions named `test_*` in a block (the pytest examples) are called with a fresh `fake_allo`.
"""

from __future__ import annotations

import base64
import functools
import inspect
import re
import shlex
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import pytest

from withallo_ext import _config, generate_webhook_secret
from withallo_ext.testing import FakeAllo, WebhookSender

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Block:
    language: str
    code: str
    line: int  # 1-based line of the block's first code line in README.md


def blocks(language: str) -> list[Block]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match.group(1) == language:
            found.append(Block(language, match.group(2), text.count("\n", 0, match.start(2)) + 1))
    return found


@pytest.fixture
def readme_world(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeAllo]:
    """A fake Allo on a local port standing in for production, and the environment the README assumes."""
    fake = FakeAllo(seed=0)
    with fake.serve() as server:
        monkeypatch.setitem(_config.ENVIRONMENTS, "production", server.base_url)
        monkeypatch.setenv("WITHALLO_API_KEY", server.api_key)
        monkeypatch.setenv("WITHALLO_WEBHOOK_TOKEN", "t" * 43)
        monkeypatch.setenv(
            "WITHALLO_WEBHOOK_SECRET", "whsec_" + base64.b64encode(b"readme secret bytes, 24 or more").decode()
        )
        yield fake


def _run_pytest_examples(namespace: dict[str, Any], before: set[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Call the `test_*` functions a block defined (async ones on an event loop), each with fresh fixtures, as the
    withallo pytest plugin makes them: `fake_allo` configured by its marker, `webhook_secret` (also in the
    environment), `allo_webhooks`, and `monkeypatch` (undone after each)."""
    ran = []
    for name, function in list(namespace.items()):
        if name in before or not name.startswith("test_") or not callable(function):
            continue
        parameters = list(inspect.signature(function).parameters)
        assert set(parameters) <= {"fake_allo", "webhook_secret", "allo_webhooks", "monkeypatch"}, name
        marks = [m for m in getattr(function, "pytestmark", []) if m.name == "fake_allo"]
        with FakeAllo(**(marks[0].kwargs if marks else {})) as fake, monkeypatch.context() as patch:
            secret = generate_webhook_secret()
            patch.setenv("WITHALLO_WEBHOOK_SECRET", secret)
            fixtures = {"fake_allo": fake, "webhook_secret": secret, "allo_webhooks": WebhookSender(fake, secret)}
            available = {**fixtures, "monkeypatch": patch}
            call = functools.partial(function, **{parameter: available[parameter] for parameter in parameters})
            if inspect.iscoroutinefunction(function):
                anyio.run(call)
            else:
                call()
        ran.append(name)
    return ran


def test_every_python_block_runs_in_order_against_the_fake(
    readme_world: FakeAllo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    python_blocks = blocks("python")
    assert len(python_blocks) >= 12
    namespace: dict[str, Any] = {"__name__": "readme"}
    examples_run: list[str] = []
    for block in python_blocks:
        before = set(namespace)
        # Padding keeps line numbers: a traceback points at the README's own line.
        code = compile("\n" * (block.line - 1) + block.code, str(README), "exec")
        exec(code, namespace)
        examples_run += _run_pytest_examples(namespace, before, monkeypatch)
    namespace["client"].close()
    assert examples_run == [
        "test_the_reminder_is_texted",
        "test_a_rate_limit_is_ridden_out",
        "test_a_text_reaches_the_fastapi_app",
        "test_the_fastapi_app_refuses_what_allo_did_not_sign",
        "test_a_text_reaches_the_flask_app",
        "test_the_flask_app_from_async_code",
    ]

    out = capsys.readouterr().out
    # What the README's comments promise the reader will see.
    for expected in [
        "+14155550123 Main Line US\n+16465550142 Sales NYC US\n+33199001234 France Office FR\n",
        "['+33199001234']\nTrue\n",
        "10 0 4\n",
        "Ada Lovelace ['ada@lovelace.example'] Acme\n",
        "MyCompany None\n",
        "TEXT_MESSAGE Your order has shipped.\n",
        "sender_id\n400 INVALID_SENDER_ID {'sender_id': 'sender ID is not approved for this account'}\n",
        "sent\nrefused: HTTP 422 VALIDATION_ERROR\n",
        "0 True GSM-7 1\n1 True UCS-2 1\n2 True GSM-7 2\n3 False None 0\n[True, True, True, False]\n"
        "messages[3].to: must be a phone number in E.164 form, e.g. +14155550123 False\n",
        "1 3 5 True\n",
        "3 numbers, 2 pages of contacts, 31 calls\n",
        "(404, {})\n",
        "POST /sms +14155550199 ***\n",
        "[None, 'timeout']\n",
        "call from +14155550199 - Delivery moved to Thursday.\n"
        "transferred to Sam Lee at 2026-11-20 14:03:12+00:00\n200\n",
        "401\n",
        "saved sms-1\n200 {'ok': True}\n",
        "standalone: +14155550123\n",
        "3 numbers through the SDK's transport\ntyped error: 404\n",
    ]:
        assert expected in out, f"README promises {expected!r}; the code printed:\n{out}"
    # The blocks really went through the API: the webhook created and deleted, the contact kept.
    paths = {(r.method, r.path) for r in readme_world.requests}
    assert ("DELETE", f"/webhooks/{namespace['hook'].id}") in paths
    assert readme_world.account.webhooks == {}
    assert namespace["contact"].id in readme_world.account.contacts
    assert namespace["fake"].api_key not in out


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([\w-]+):", makefile, re.MULTILINE))


def test_every_shell_command_in_the_readme_exists() -> None:
    targets = _make_targets()
    lines = [line for block in blocks("bash") for line in block.code.splitlines() if not line.startswith((" ", "\t"))]
    commands = [command for line in lines if (command := line.split("#", 1)[0].strip())]  # not comments
    assert commands
    for command in commands:
        if command.startswith("make "):
            assert command.split()[1] in targets, command
        elif "examples/quickstart.py" in command:
            assert (ROOT / "examples" / "quickstart.py").is_file()
            assert "--live" in (ROOT / "examples" / "quickstart.py").read_text(encoding="utf-8")
        elif command.startswith("python -m withallo_ext.testing"):
            result = subprocess.run(
                [sys.executable, "-m", "withallo_ext.testing", "--help"], capture_output=True, text=True, timeout=60
            )
            assert result.returncode == 0
            for option in re.findall(r"--[\w-]+", command):
                assert option in result.stdout, option
        elif command.startswith("withallo "):
            _check_cli_command(command)
        elif command.startswith("openapi-generator-cli "):
            continue  # each checked against the Makefile's recipe in tests/interop/test_readme_recipes.py
        else:
            assert command.startswith(("pip install", "npx ")), f"unchecked command in README: {command}"


def _check_cli_command(command: str) -> None:
    """A `withallo ...` line names a real command (not a group), and each option it uses is one of that command's."""
    import click

    from withallo_ext.cli._app import cli

    words = shlex.split(command.split(">", 1)[0])[1:]
    found: click.Command = cli
    for word in words:
        if not isinstance(found, click.Group) or word.startswith("-"):
            break
        found = found.commands[word]  # KeyError: no such command
    assert not isinstance(found, click.Group), command
    known = {option for param in found.params for option in param.opts}
    for option in (word for word in words if word.startswith("--")):
        assert option in known, f"{command}: {found.name} has no {option}"


def test_the_readme_keeps_the_sections_a_newcomer_needs() -> None:
    headings = re.findall(r"^## (.+)$", README.read_text(encoding="utf-8"), re.MULTILINE)
    for heading in [
        "Install",
        "Quickstart",
        "Resources",
        "Errors and retries",
        "Pagination",
        "Async",
        "Receiving webhooks",
        "Testing your code: the fake Allo",
        "Testing your webhook endpoint",
        "Using the generated client directly",
        "When the API changes",
        "Sharing the spec",
        "Command line",
    ]:
        assert heading in headings


def test_every_example_is_named_in_the_readme() -> None:
    """An installed user has the README, not examples/: each example is named there, and the README's recipes for
    testing a webhook endpoint are complete FastAPI and Flask apps."""
    text = README.read_text(encoding="utf-8")
    for example in sorted((ROOT / "examples").glob("*.py")):
        assert example.name in text, example.name
    source = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Source"]
    assert f"]({source}/tree/main/examples)" in text, "the README links the examples folder in the Source repository"
    section = text.split("## Testing your webhook endpoint", 1)[1].split("\n## ", 1)[0]
    for recipe in ("def create_fastapi_app", "def create_flask_app", "allo_webhooks.deliver(", ".adeliver("):
        assert recipe in section, recipe
