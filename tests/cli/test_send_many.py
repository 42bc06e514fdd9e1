"""`withallo sms send-many FILE.csv` over sms.check_many / sms.send_many: the check-only pass, the sends on the wire,
outcomes per CSV line, exit codes, and the progress bar on a terminal only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from withallo_ext import SmsOutcome
from withallo_ext._resources.sms.bulk import SendInterruptedError, SendManyInterrupted
from withallo_ext._resources.sms.resource import Sms
from withallo_ext.testing import FakeAllo

from .conftest import ALLO, Cli, plain

LONG = "x" * 161  # one character past a single GSM-7 segment


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "texts.csv"
    path.write_text(
        "to,message,from,sender_id\n"
        f"+14155550199,Hello there,{ALLO},\n"
        '+14155550198,"Café ☕ prêt",,\n'  # no sender: --from fills it
        "+33639981234,Bonjour,,MyCompany\n"
        f"+14155550197,{LONG},{ALLO},\n",
        encoding="utf-8",
    )
    return path


def sent_bodies(fake: FakeAllo) -> list[object]:
    return sorted((r.json for r in fake.requests_to("POST", "/sms")), key=lambda body: json.dumps(body))


def test_check_only_reports_encoding_and_segments_and_sends_nothing(run: Cli, fake: FakeAllo, csv_file: Path) -> None:
    result = run("sms", "send-many", str(csv_file), "--from", ALLO, "--check", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"line": 2, "ok": True, "encoding": "GSM-7", "segments": 1, "error": None},
        {"line": 3, "ok": True, "encoding": "UCS-2", "segments": 1, "error": None},
        {"line": 4, "ok": True, "encoding": "GSM-7", "segments": 1, "error": None},
        {"line": 5, "ok": True, "encoding": "GSM-7", "segments": 2, "error": None},
    ]
    assert fake.requests == []
    table = run("sms", "send-many", str(csv_file), "--from", ALLO, "--check")
    assert table.stdout.splitlines()[-1] == "4 of 4 rows valid, 5 SMS segments in all."


def test_an_invalid_row_stops_the_run_before_anything_is_sent(run: Cli, fake: FakeAllo, csv_file: Path) -> None:
    result = run("sms", "send-many", str(csv_file))  # line 3 names no sender, and no --from fills it
    assert result.exit_code == 2
    assert result.stderr == "Error: 1 of 4 rows are invalid; nothing was sent (--skip-invalid sends the others)\n"
    [bad] = [line for line in result.stdout.splitlines() if line.startswith("3\t")]
    assert bad.endswith("\tmessages[1]: needs exactly one of from_ (or from) and sender_id")
    assert fake.requests == []


def test_every_row_is_sent_once_and_reported_by_line(run: Cli, fake: FakeAllo, csv_file: Path) -> None:
    result = run("sms", "send-many", str(csv_file), "--from", ALLO, "--json")
    assert result.exit_code == 0
    assert sent_bodies(fake) == sorted(
        [
            {"from": ALLO, "to": "+14155550199", "message": "Hello there"},
            {"from": ALLO, "to": "+14155550198", "message": "Café ☕ prêt"},
            {"sender_id": "MyCompany", "to": "+33639981234", "message": "Bonjour"},
            {"from": ALLO, "to": "+14155550197", "message": LONG},
        ],
        key=lambda body: json.dumps(body),
    )
    outcomes = json.loads(result.stdout)
    assert [(o["line"], o["ok"], o["error"]) for o in outcomes] == [(n, True, None) for n in (2, 3, 4, 5)]
    assert [o["result"]["to_number"] for o in outcomes] == [
        "+14155550199",
        "+14155550198",
        "+33639981234",
        LONG[:0] + "+14155550197",
    ]
    assert outcomes[2]["result"]["sender_id"] == "MyCompany"
    assert result.stderr == ""  # no progress bar when piped


def test_a_refused_message_fails_alone_and_the_exit_code_says_so(run: Cli, fake: FakeAllo, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("to,message\n+14155550199,Hi\n+33639981234,Wrong country\n+14155550198,Hi again\n")
    result = run("sms", "send-many", str(path), "--from", ALLO)
    assert result.exit_code == 1
    assert result.stderr == "Error: 1 of 3 messages were not sent (see above)\n"
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["line", "to", "sender", "sent", "error"]
    assert [row[:4] for row in rows[1:]] == [
        ["2", "+14155550199", ALLO, "yes"],
        ["3", "+33639981234", ALLO, "no"],
        ["4", "+14155550198", ALLO, "yes"],
    ]
    assert rows[2][4].startswith("ValidationError: HTTP 422 (POST ")
    assert len(fake.requests_to("POST", "/sms")) == 3


def test_skip_invalid_sends_the_valid_rows(run: Cli, fake: FakeAllo, csv_file: Path) -> None:
    result = run("sms", "send-many", str(csv_file), "--skip-invalid", "--json")
    assert result.exit_code == 1
    outcomes = json.loads(result.stdout)
    assert [o["ok"] for o in outcomes] == [True, False, True, True]
    assert outcomes[1]["error"].startswith("InvalidParameterError: messages[1]: needs exactly one of")
    assert outcomes[1]["may_have_been_sent"] is False
    assert len(fake.requests_to("POST", "/sms")) == 3


def test_a_rate_limited_send_is_retried(run: Cli, fake: FakeAllo, csv_file: Path, sleeps: list[float]) -> None:
    fake.fail_next(1, "rate_limit", retry_after=2, method="POST", path="/sms")
    result = run("sms", "send-many", str(csv_file), "--from", ALLO, "--concurrency", "1", "--json")
    assert result.exit_code == 0
    assert [r.status for r in fake.requests_to("POST", "/sms")] == [429, 200, 200, 200, 200]
    assert sleeps == [2.0]


def test_a_terminal_gets_a_progress_bar_and_a_table(run: Cli, csv_file: Path) -> None:
    result = run("sms", "send-many", str(csv_file), "--from", ALLO, terminal=True)
    assert result.exit_code == 0
    assert "Sending" in plain(result.stderr)
    assert "4/4" in plain(result.stderr)
    assert plain(result.stdout).count("│ yes  │") == 4
    assert result.stdout.splitlines()[-1] == "Sent 4 of 4 messages."


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("to,text\n+1415,hi\n", "the header must name to, message and from or sender_id (got to, text)"),
        ("to,message\n", "no rows to send"),
    ],
)
def test_a_bad_file_is_a_usage_error(run: Cli, fake: FakeAllo, tmp_path: Path, content: str, error: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content)
    result = run("sms", "send-many", str(path), "--from", ALLO)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path}: {error} (see 'withallo sms send-many --help')\n"
    assert fake.requests == []


def test_ctrl_c_prints_what_was_sent_and_exits_130(
    run: Cli, fake: FakeAllo, csv_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_send_many = Sms.send_many

    def interrupted_after_the_first(self: Sms, messages: list[dict[str, str]], **options: Any) -> list[SmsOutcome]:
        first = real_send_many(self, messages[:1], **options)
        rest = [
            SmsOutcome(i, m, ok=False, error=SendInterruptedError("interrupted: not sent", may_have_been_sent=False))
            for i, m in enumerate(messages[1:], start=1)
        ]
        raise SendManyInterrupted(first + rest)

    monkeypatch.setattr(Sms, "send_many", interrupted_after_the_first)
    result = run("sms", "send-many", str(csv_file), "--from", ALLO)
    assert result.exit_code == 130
    assert result.stderr == "Error: interrupted: 1 of 4 sent\n"
    rows = [line.split("\t")[:4] for line in result.stdout.splitlines()[1:]]
    assert rows == [
        ["2", "+14155550199", ALLO, "yes"],
        ["3", "+14155550198", ALLO, "no"],
        ["4", "+33639981234", "MyCompany", "no"],
        ["5", "+14155550197", ALLO, "no"],
    ]
    assert len(fake.requests_to("POST", "/sms")) == 1
