"""A headless Chromium page driven over the DevTools protocol, for checking what a rendered HTML file shows.

Hand-written on purpose: the DevTools protocol over `--remote-debugging-pipe` is NUL-separated JSON on two file
descriptors, so these few lines replace a client library (pyppeteer, playwright) and its browser download, and no
debugging port is opened. Chromium runs offline: every host name resolves to nothing, and no background services.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--mute-audio",
    # Belt and braces: nothing the page asks for can reach a real host, whatever the page does.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)


# Seconds Chromium gets for any one command or awaited event; far beyond what a slow runner needs (the whole
# reference page renders in a few seconds), so hitting it means the browser is stuck, not slow.
TIMEOUT = 60.0


class DevToolsError(RuntimeError):
    """Chromium answered a DevTools command with an error, went away, or did not answer in time."""


def find_chromium() -> str | None:
    """The Chromium executable on PATH (Debian names it `chromium`), or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _high_fd(fd: int) -> int:
    """A close-on-exec copy of `fd` numbered 10 or more, so dup2 onto 3 and 4 in the child cannot clobber it."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


class Page:
    """One tab of a running headless Chromium; commands and the events received while waiting for them."""

    def __init__(
        self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int, timeout: float = TIMEOUT
    ) -> None:
        self._process = process
        self._to_browser = to_browser
        self._from_browser = from_browser
        self.timeout = timeout
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self._session: str | None = None

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        """The next message; DevToolsError if none is complete by `deadline` (time.monotonic())."""
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise DevToolsError(
                    f"Chromium sent nothing for {self.timeout:g} s while we waited for {waiting_for} "
                    f"(pid {self._process.pid}, exit code {self._process.poll()})"
                )
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                with suppress(subprocess.TimeoutExpired):  # the pipe closes a moment before the exit code is known
                    self._process.wait(timeout=5)
                raise DevToolsError(f"Chromium closed the DevTools pipe (exit code {self._process.returncode})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        received: dict[str, Any] = json.loads(message)
        return received

    def send(self, method: str, *, browser: bool = False, **params: Any) -> dict[str, Any]:
        """Run one DevTools command (on the tab unless `browser`) and return its result; events are kept."""
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if not browser and self._session is not None:
            command["sessionId"] = self._session
        try:
            os.write(self._to_browser, json.dumps(command).encode() + b"\0")
        except BrokenPipeError:  # it exited before reading: the same error as a pipe it closed while we waited
            with suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=5)
            raise DevToolsError(f"Chromium closed the DevTools pipe (exit code {self._process.returncode})") from None
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline, f"the answer to {method}")
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise DevToolsError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_for_event(self, method: str) -> dict[str, Any]:
        """Wait until the tab sends the event `method` (or return it if it already came); at most `timeout` s."""
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline, f"the event {method}")
            if message.get("method") == method:
                return message
            self.events.append(message)

    def open_tab(self, width: int, height: int) -> None:
        """Create the tab this object drives, with network, page and console events on."""
        target = self.send("Target.createTarget", browser=True, url="about:blank")
        attached = self.send("Target.attachToTarget", browser=True, targetId=target["targetId"], flatten=True)
        self._session = attached["sessionId"]
        for domain in ("Network", "Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def goto(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.send("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression (promises are awaited)."""
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise DevToolsError(f"JavaScript error: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 10.0) -> Any:
        """Evaluate `expression` until it is truthy; return its last value (falsy on timeout)."""
        deadline = time.monotonic() + timeout
        value = self.evaluate(expression)
        while not value and time.monotonic() < deadline:
            time.sleep(0.05)
            value = self.evaluate(expression)
        return value

    def screenshot(self, path: Path) -> None:
        """Save what the viewport shows as a PNG."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def requests(self) -> list[dict[str, Any]]:
        """Every request the tab started: url, and blocked_reason/error when it failed."""
        failed = {
            event["params"]["requestId"]: event["params"]
            for event in self.events
            if event.get("method") == "Network.loadingFailed"
        }
        started = [e["params"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]
        return [
            {
                "url": params["request"]["url"],
                "blocked_reason": failed.get(params["requestId"], {}).get("blockedReason"),
                "error": failed.get(params["requestId"], {}).get("errorText"),
            }
            for params in started
        ]

    def exceptions(self) -> list[str]:
        """Uncaught JavaScript exceptions the page threw."""
        return [
            str(event["params"]["exceptionDetails"].get("exception", {}).get("description", event["params"]))
            for event in self.events
            if event.get("method") == "Runtime.exceptionThrown"
        ]


@contextmanager
def chromium_page(executable: str, width: int = 1400, height: int = 900, timeout: float = TIMEOUT) -> Iterator[Page]:
    """A fresh headless Chromium (own profile directory, no network) with one tab; closed on exit.

    Each command or awaited event may take `timeout` seconds (DevToolsError after that). On any error the browser
    and its helper processes (its own process group) are killed at once instead of asked to close.
    """
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        to_child_read, to_browser = os.pipe()
        from_browser, from_child_write = os.pipe()
        child_in, child_out = _high_fd(to_child_read), _high_fd(from_child_write)

        def wire_pipes() -> None:  # in the child: Chromium reads commands on fd 3 and writes answers on fd 4
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,
            start_new_session=True,  # its own process group: renderer and GPU helpers are killed with it
        )
        os.close(child_in)
        os.close(child_out)
        page = Page(process, to_browser, from_browser, timeout)
        try:
            page.open_tab(width, height)
            yield page
        except BaseException:
            _kill(process)
            raise
        finally:
            if process.poll() is None:
                page.timeout = min(timeout, 10.0)
                with suppress(DevToolsError, OSError):  # Chromium may drop the pipe before it answers
                    page.send("Browser.close", browser=True)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    _kill(process)
            os.close(to_browser)
            os.close(from_browser)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the browser's process group (the browser and every helper it started), then reap the browser.

    Only while the browser is not reaped: until then its pid, which names the group, cannot belong to another.
    """
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
