"""One run in a real terminal: tmux gives `withallo` a pseudo-terminal, we type the command (send-keys) and read the
screen (capture-pane): the table and the progress bar must render as a user sees them."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import pytest

from withallo_ext.testing import FakeAlloServer

from ._process import SCRIPT
from .conftest import KEY

# Variables that would decide for rich instead of the terminal, or size it, or nest tmux.
_NOT_INHERITED = {"TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES", "TMUX"}


@pytest.fixture
def tmux() -> Iterator[list[str]]:
    """`tmux -L <own socket>`: a private tmux server for this test, killed afterwards."""
    if shutil.which("tmux") is None:
        if os.environ.get("WITHALLO_TEST_PROVISIONED"):  # make test ran scripts/system-packages.sh: it must be there
            pytest.fail("tmux is missing although make provisioned the system packages")
        pytest.skip("tmux is not installed (make test installs it: scripts/system-packages.sh)")
    command = ["tmux", "-u", "-L", f"withallo-test-{uuid.uuid4().hex[:12]}"]
    try:
        yield command
    finally:
        subprocess.run([*command, "kill-server"], capture_output=True, check=False)


def screen(tmux: list[str], until: str, timeout: float = 30.0) -> list[str]:
    """The pane's text once a line equal to `until` shows up (the deadline only keeps a broken run from hanging)."""
    deadline = time.monotonic() + timeout
    while True:
        shown = subprocess.run([*tmux, "capture-pane", "-p", "-t", "cli"], capture_output=True, text=True, check=True)
        lines = shown.stdout.splitlines()
        if until in (line.strip() for line in lines):
            return lines
        if time.monotonic() > deadline:
            raise AssertionError("the command did not finish; screen:\n" + shown.stdout)
        time.sleep(0.1)


def test_a_walk_in_a_real_terminal_draws_the_progress_bar_and_the_table(
    tmux: list[str], server: FakeAlloServer
) -> None:
    env = {name: value for name, value in os.environ.items() if name not in _NOT_INHERITED}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
    variables = ["-e", f"WITHALLO_API_KEY={KEY}", "-e", f"WITHALLO_BASE_URL={server.base_url}", "-e", "PS1=$ "]
    start = [*tmux, "new-session", "-d", "-s", "cli", "-x", "160", "-y", "60", *variables]
    subprocess.run([*start, "bash", "--norc", "--noprofile"], env=env, check=True)
    subprocess.run(
        [*tmux, "send-keys", "-t", "cli", f"{SCRIPT} contacts list --all --size 5; echo ==done==", "Enter"], check=True
    )
    lines = screen(tmux, "==done==")
    text = "\n".join(lines)

    [bar] = [line for line in lines if line.startswith("Fetching contacts")]
    assert "━━━━━━━━━━" in bar
    assert bar.split("━")[-1].strip().startswith("3/3 pages")  # 12 contacts, 5 a page
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    assert lines.index(bar) < top  # the bar, then the table
    header = lines[top + 1]
    for column in ("id", "name", "last name", "numbers", "emails", "company"):
        assert f"┃ {column} " in header or f"┃ {column}" in header
    rows = [line for line in lines if line.startswith("│ cnt_")]
    assert len(rows) == 12
    assert any(line.startswith("└") for line in lines[top:])
    assert KEY not in text
