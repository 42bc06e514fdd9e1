"""tests/spec/_chromium.py never waits forever: a browser that stops answering is an error, and is killed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.spec._chromium import DevToolsError, chromium_page


def _fake_browser(tmp_path: Path, body: str) -> tuple[str, Path]:
    """An executable standing in for Chromium (it ignores the flags), and the file it writes its pid to."""
    pid_file = tmp_path / "pid"
    script = tmp_path / "browser"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), pid_file


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_browser_that_never_answers_is_an_error_and_is_killed(tmp_path: Path) -> None:
    executable, pid_file = _fake_browser(tmp_path, "exec sleep 600")  # reads no command, writes no answer
    waited = r"sent nothing for 1 s while we waited for the answer to Target\.createTarget"
    with pytest.raises(DevToolsError, match=waited), chromium_page(executable, timeout=1):
        pytest.fail("the tab cannot have opened")
    assert _gone(int(pid_file.read_text()))  # killed and reaped, not left sleeping


def test_a_browser_that_exits_is_an_error_naming_its_exit_code(tmp_path: Path) -> None:
    executable, _ = _fake_browser(tmp_path, "exit 3")
    with pytest.raises(DevToolsError, match=r"closed the DevTools pipe \(exit code 3\)"), chromium_page(executable):
        pytest.fail("the tab cannot have opened")
