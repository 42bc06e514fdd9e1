"""Errors: one line on stderr naming the exception and what went wrong; exit 1 for the API and the network, 2 for
usage; never a traceback, never the key (the Cli helper checks every output for the key)."""

from __future__ import annotations

import socket
import sys

import pytest
from click.testing import CliRunner

from withallo_ext import cli as cli_package
from withallo_ext._resources.phone_numbers import PhoneNumbers
from withallo_ext.cli._app import cli
from withallo_ext.testing import FakeAllo, FakeAlloServer

from .conftest import ALLO, KEY, Cli


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_a_wrong_key_is_an_authentication_error(run: Cli, fake: FakeAllo) -> None:
    result = run("numbers", "list", key="sk_wrong_key_123")
    assert result.exit_code == 1
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("Error: AuthenticationError: HTTP 401 (GET http://127.0.0.1:")
    assert line.endswith("/v1/api/numbers): API_KEY_INVALID")
    assert "sk_wrong_key_123" not in line
    assert [r.status for r in fake.requests] == [401]  # one request, not retried


def test_check_with_a_wrong_key_fails_with_the_reason(run: Cli) -> None:
    result = run("check", key="sk_wrong_key_123")
    assert result.exit_code == 1
    assert "AuthenticationError" in one_line(result.stderr)


def test_a_missing_scope_is_named(run: Cli, fake: FakeAllo) -> None:
    fake.add_key("sk_contacts_only_42", scopes=["CONTACTS_READ"])
    result = run("numbers", "list", key="sk_contacts_only_42")
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith("Error: ForbiddenError: HTTP 403")
    assert line.endswith("; missing scope CONVERSATIONS_READ")


def test_not_found(run: Cli) -> None:
    result = run("contacts", "get", "cnt_missing")
    assert result.exit_code == 1
    assert one_line(result.stderr).endswith("/v1/api/contact/cnt_missing): NOT_FOUND")
    assert result.stderr.startswith("Error: NotFoundError: HTTP 404 (GET ")


def test_field_errors_are_listed(run: Cli) -> None:
    result = run("sms", "send", "--from", ALLO, "--to", "+33639981234", "--message", "hello")
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith("Error: ValidationError: HTTP 422 (POST ")
    assert line.endswith("VALIDATION_ERROR; to: must be in the same country as from (US)")


def test_a_rate_limit_says_when_to_retry(run: Cli, fake: FakeAllo) -> None:
    fake.fail_next(1, "rate_limit", retry_after=7)
    result = run("--max-retries", "0", "numbers", "list")
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith("Error: RateLimitError: HTTP 429")
    assert line.endswith("RATE_LIMITED; retry after 7 s")


def test_a_spent_quota_is_one_request_and_says_when_it_resets(run: Cli, fake: FakeAllo, sleeps: list[float]) -> None:
    quota = {"code": "API_KEY_QUOTA_EXCEEDED", "details": [{"message": "limit=1000;type=DAILY;reset_in=43200"}]}
    fake.fail_next(5, "rate_limit", retry_after=None, body=quota)
    result = run("numbers", "list")
    assert result.exit_code == 1
    assert [r.status for r in fake.requests] == [429]  # not retried
    assert sleeps == []
    assert one_line(result.stderr).endswith(
        "API_KEY_QUOTA_EXCEEDED: the API key's DAILY quota (limit 1000) is spent; it resets in 43200 s (12 h 0 min)"
    )


def test_a_rate_limit_is_ridden_out_by_the_retries(run: Cli, fake: FakeAllo, sleeps: list[float]) -> None:
    fake.fail_next(1, "rate_limit", retry_after=3)
    result = run("numbers", "list", "--json")
    assert result.exit_code == 0
    assert [r.status for r in fake.requests] == [429, 200]
    assert sleeps == [3.0]


def test_an_unreachable_api_is_a_connection_error(fake: FakeAllo) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        result = Cli(f"http://127.0.0.1:{port}/v1/api")("--max-retries", "0", "numbers", "list")
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith("Error: ApiConnectionError: ")


def test_no_key_says_to_set_the_variable(run: Cli, fake: FakeAllo) -> None:
    result = run("numbers", "list", key=None)
    assert result.exit_code == 2
    assert one_line(result.stderr) == "Error: no API key: set WITHALLO_API_KEY (or pass --api-key)"
    assert fake.requests == []


def test_the_key_option_wins_over_the_variable(run: Cli, fake: FakeAllo) -> None:
    result = run("--api-key", KEY, "numbers", "list", key="sk_from_env_wrong")
    assert result.exit_code == 0
    assert [r.status for r in fake.requests] == [200]


def test_a_bad_key_is_refused_without_quoting_it(run: Cli, fake: FakeAllo) -> None:
    result = run("numbers", "list", key="sk_live_has space_SECRETPART")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert line.startswith("Error: InvalidParameterError: api_key: must be visible ASCII characters only")
    assert "SECRETPART" not in line
    assert fake.requests == []


def test_input_the_sdk_refuses_is_a_usage_error_and_nothing_is_sent(run: Cli, fake: FakeAllo) -> None:
    result = run("sms", "send", "--sender-id", "My Co!", "--to", "+33639981234", "--message", "hi")
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("Error: InvalidParameterError: sender_id: must be 3 to 11 letters")
    assert fake.requests == []


def test_click_usage_errors_are_one_line_too(run: Cli) -> None:
    result = run("calls", "list")
    assert result.exit_code == 2
    assert one_line(result.stderr) == "Error: Missing option '--number'. (see 'withallo calls list --help')"
    unknown = run("numbers", "lst")
    assert unknown.exit_code == 2
    assert one_line(unknown.stderr).startswith("Error: No such command 'lst'.")


def test_plain_http_beyond_localhost_needs_the_flag(fake: FakeAllo) -> None:
    with socket.socket() as probe:  # 0.0.0.0 is not loopback by address, yet a connect to it stays on this machine
        probe.bind(("127.0.0.1", 0))
        insecure = Cli(f"http://0.0.0.0:{probe.getsockname()[1]}/v1/api")
        refused = insecure("--max-retries", "0", "numbers", "list")
        allowed = insecure("--max-retries", "0", "--allow-insecure-http", "numbers", "list")
    assert refused.exit_code == 2
    assert one_line(refused.stderr).startswith("Error: InvalidParameterError: base_url: plain http:// would send")
    assert allowed.exit_code == 1  # constructed, then no server there
    assert one_line(allowed.stderr).startswith("Error: ApiConnectionError: GET http://0.0.0.0:")


def test_a_bad_base_url_is_a_usage_error(fake: FakeAllo) -> None:
    result = Cli("localhost:8010/v1/api")("numbers", "list")
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("Error: InvalidParameterError: base_url: must be an absolute http://")


COMMANDS = [
    [],
    ["numbers"],
    ["numbers", "list"],
    ["calls", "list"],
    ["contacts", "list"],
    ["contacts", "get"],
    ["contacts", "create"],
    ["contacts", "update"],
    ["contacts", "conversation"],
    ["sms", "send"],
    ["sms", "send-many"],
    ["webhooks", "list"],
    ["webhooks", "create"],
    ["webhooks", "delete"],
    ["check"],
    ["listen"],
    ["fake"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "withallo")
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"], env={"WITHALLO_API_KEY": KEY}, prog_name="withallo")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: withallo {' '.join(command)}".rstrip() + " [OPTIONS]")
    assert KEY not in result.stdout


def test_without_the_cli_extra_the_script_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "rich", None)  # as if `pip install withallo` without [cli]
    with pytest.raises(SystemExit) as exit_info:
        cli_package.main()
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "withallo: the command line needs extra packages: pip install 'withallo[cli]'\n"


def test_the_served_fake_counts_no_request_for_help(server: FakeAlloServer, fake: FakeAllo) -> None:
    CliRunner().invoke(cli, ["--base-url", server.base_url, "numbers", "list", "--help"])
    assert fake.requests == []


def test_ctrl_c_is_one_line_and_exit_130(run: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: PhoneNumbers) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(PhoneNumbers, "list", interrupted)
    result = run("numbers", "list")
    assert result.exit_code == 130
    assert result.stderr.strip() == "Error: interrupted"


def test_a_plain_http_webhook_url_beyond_localhost_needs_the_flag(run: Cli, fake: FakeAllo) -> None:
    url = "http://crm.example.com/webhooks/allo/tok_secret"
    refused = run("webhooks", "create", "--number", ALLO, "--url", url, "--topic", "PING")
    assert refused.exit_code == 2
    assert one_line(refused.stderr).startswith("Error: InvalidParameterError: url: plain http:// would send")
    assert "tok_secret" not in refused.stderr
    assert fake.requests == []
    allowed = run("--allow-insecure-http", "webhooks", "create", "--number", ALLO, "--url", url, "--topic", "PING")
    assert allowed.exit_code == 0
    assert fake.last_request.json == {"allo_number": ALLO, "url": url, "topics": ["PING"], "enabled": True}
