"""The installed `withallo` script run as a subprocess, for the commands that serve until stopped."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Self

SCRIPT = Path(sys.executable).with_name("withallo")  # the console script `make setup` installs beside python


class Running:
    """`withallo ARGS` in the background; `line()` reads stdout a line at a time (with a deadline)."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        assert SCRIPT.exists(), f"{SCRIPT} missing: run `make setup` (pip install -e '.[dev]')"
        environ = {**os.environ, "TTY_COMPATIBLE": "0", **(env or {})}
        command = [str(SCRIPT), *args]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environ)
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._fd, selectors.EVENT_READ)

    def line(self, timeout: float = 20.0) -> str:
        """The next stdout line; AssertionError if none comes in `timeout` seconds (a generous bound for a loaded
        machine: the test does not measure time, it only must not hang). Reads the pipe's raw bytes itself: a
        buffered reader could hold lines that select() would then never report."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not self._selector.select(left):
                raise AssertionError(f"no line within {timeout} s (so far: {self._buffer!r})")
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise AssertionError(f"the process ended (exit {self.process.wait()}); so far: {self._buffer!r}")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def stop(self) -> tuple[int, str, str]:
        """SIGTERM, then (exit code, rest of stdout, stderr)."""
        self.process.send_signal(signal.SIGTERM)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, (self._buffer + out).decode(), err.decode()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self._selector.close()
