"""`make demo` runs examples/quickstart.py: run it as a user would and check what it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from withallo_ext.testing import FakeAllo

QUICKSTART = Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "WITHALLO_API_KEY"} | (env or {})
    return subprocess.run(
        [sys.executable, str(QUICKSTART), *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_the_demo_runs_end_to_end_against_the_fake_on_a_local_port() -> None:
    result = _run()
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout + result.stderr
    expected = [
        r"withallo quickstart against a fake Allo at http://127\.0\.0\.1:\d+/v1/api \(no account needed\)",
        r"\+14155550123\s+Main Line\s+US  personal",
        r"\+33199001234\s+France Office\s+FR  shared",
        r"31 calls over 4 page\(s\)",
        r"Transcript of call-\w+:\n     \[EXTERNAL\] ",
        r"page 1 of 3:",
        r"created web-\w{20} for \+14155550123: CALL_RECEIVED, SMS_RECEIVED",
        r"sent from \+14155550123 to \+14155550199 at \d\d:\d\d:\d\d: 'Your delivery is booked for Thursday\.'",
        r"sent to France from sender ID MyCompany to \+33639981234",
        r"refused before sending: sender_id: must be 3 to 11 letters",
        r"refused by Allo: INVALID_SENDER_ID \{'sender_id': 'sender ID is not approved for this account'\}",
        r"created cnt_\w{6}: Ada Byron, Acme\n   updated cnt_\w{6}: Ada Lovelace, Analyst",
        r"Retrying GET /v1/api/numbers in 1\.00 s after HTTP 429",
        r"the fake answered 429 then 200; the client waited as asked and got 3 numbers",
        r"handler: call call-7Hq2LmX9 from \+14155550199: Delivery moved to Thursday\.\n"
        r"   delivered CALL_RECEIVED -> your endpoint answered 200",
        r"handler: SMS INBOUND from \+14155550199: 'Is Thursday morning still fine\?'\n"
        r"   delivered SMS_RECEIVED -> your endpoint answered 200",
        r"an unsigned delivery -> 401",
        r"Done: 15 API requests, 3 webhook deliveries\.",
    ]
    for pattern in expected:
        assert re.search(pattern, out), f"missing {pattern!r} in:\n{out}"
    assert "Traceback" not in out


def test_live_mode_needs_a_key() -> None:
    result = _run("--live")
    assert result.returncode == 2
    assert "--live needs WITHALLO_API_KEY" in result.stderr
    assert result.stdout == ""


def test_live_mode_is_read_only_and_takes_the_key_from_the_environment() -> None:
    fake = FakeAllo(api_key="live-key-123")
    with fake.serve() as server:
        result = _run("--live", "--base-url", server.base_url, env={"WITHALLO_API_KEY": "live-key-123"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "withallo quickstart against the real Allo API (read-only)" in result.stdout
    assert "31 calls over 4 page(s)" in result.stdout
    assert "live-key-123" not in result.stdout + result.stderr
    assert {r.method for r in fake.requests} == {"GET"}
    assert fake.account.webhooks == {}


def test_live_mode_reports_a_refused_key_without_a_traceback() -> None:
    with FakeAllo().serve() as server:
        result = _run("--live", "--base-url", server.base_url, env={"WITHALLO_API_KEY": "revoked"})
    assert result.returncode == 1
    assert "Allo refused: " in result.stderr
    assert "API_KEY_INVALID" in result.stderr
    assert "Traceback" not in result.stderr
