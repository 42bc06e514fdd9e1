"""`withallo fake` and `withallo listen` as a user runs them: the installed script, in a subprocess, until SIGTERM."""

from __future__ import annotations

import base64
import json
import re

import httpx
from click.testing import CliRunner

from withallo_ext import WebhookReceiver
from withallo_ext.cli._app import cli
from withallo_ext.testing import FakeAllo, WebhookEndpoint

from ._process import Running
from .conftest import Cli

SECRET = "whsec_" + base64.b64encode(b"cli-listen-test-secret-32-bytes!").decode()


def test_fake_serves_the_api_until_stopped() -> None:
    command = ("fake", "--port", "0", "--seed", "3", "--api-key", "fake_key_for_cli", "--rate-limits")
    with Running(*command, "--get-per-second", "50") as fake:
        first = fake.line()
        match = re.fullmatch(r"Fake Allo API listening on (http://127\.0\.0\.1:\d+/v1/api)", first)
        assert match, first
        base_url = match.group(1)
        assert fake.line() == "API key (Authorization header, no Bearer): fake_key_for_cli"
        assert fake.line() == "Rate limits per key: 50 GET/s, 5 writes/s"
        assert fake.line() == f"  export WITHALLO_BASE_URL={base_url} WITHALLO_API_KEY=fake_key_for_cli"

        listed = Cli(base_url)("contacts", "list", "--all", "--json", key="fake_key_for_cli")
        assert listed.exit_code == 0
        with FakeAllo(seed=3) as same_seed, same_seed.client() as local:
            assert [c["id"] for c in json.loads(listed.stdout)] == [c.id for c in local.contacts.iter()]
        refused = Cli(base_url)("numbers", "list", key="another_key")
        assert refused.exit_code == 1
        assert "AuthenticationError" in refused.stderr
        with httpx.Client(trust_env=False) as http:
            answer = http.get(base_url + "/numbers", headers={"Authorization": "fake_key_for_cli"})

        code, _, err = fake.stop()
    assert answer.status_code == 200
    assert answer.headers["X-RateLimit-Limit"] == "50"
    assert code == 0
    assert err.splitlines() == [  # one log line per request, on stderr
        "GET /v1/api/contacts?page=0&size=100 -> 200",
        "GET /v1/api/numbers -> 401",
        "GET /v1/api/numbers -> 200",
        "stopped",
    ]


def test_listen_prints_each_delivery_and_forwards_it() -> None:
    app = WebhookReceiver(secret=SECRET)  # the user's app checks the signature itself
    with (
        WebhookEndpoint(app, path="/app/hook") as endpoint,
        Running(
            "listen",
            "--port",
            "0",
            "--path",
            "/hook",
            "--forward",
            endpoint.url,
            env={"WITHALLO_WEBHOOK_SECRET": SECRET},
        ) as listener,
    ):
        first = listener.line()
        match = re.fullmatch(
            r"Listening on (http://127\.0\.0\.1:\d+/hook) \(signatures checked; forwarding to (\S+)\)\. "
            r"Press Ctrl-C to stop\.",
            first,
        )
        assert match, first
        assert match.group(2) == endpoint.url
        url = match.group(1)

        fake = FakeAllo()
        assert fake.deliver("SMS_RECEIVED", url, secret=SECRET) == 200
        line = listener.line()
        assert re.fullmatch(
            r'\d\d:\d\d:\d\d SMS_RECEIVED sms-4Rt8Pq \+14155550199 -> \+14155550123 "Is Thursday morning still fine\?"'
            r" -> 200 ok \| forwarded -> 200",
            line,
        ), line
        assert fake.deliver("CALL_RECEIVED", url) == 401  # unsigned: refused, not forwarded
        unsigned = listener.line()
        assert unsigned.endswith(
            " CALL_RECEIVED call-7Hq2LmX9 -> 401 invalid_signature (The webhook-id header is missing.)"
        )
        code, _, err = listener.stop()
    assert code == 0
    assert err == "stopped\n"  # the receiver's own warnings are not repeated on stderr
    [forwarded] = endpoint.deliveries
    [signed] = [d for d in fake.deliveries if d.topic == "SMS_RECEIVED"]
    assert forwarded.body == signed.body
    assert forwarded.status == 200  # the app verified the relayed signature
    assert forwarded.headers["webhook-signature"] == signed.headers["webhook-signature"]
    assert all(SECRET not in text for text in (first, line, unsigned, err))


def test_fake_refuses_bad_rate_limit_options_before_serving() -> None:
    without = CliRunner().invoke(cli, ["fake", "--port", "0", "--get-per-second", "5"])
    assert without.exit_code == 2
    assert without.stderr.startswith("Error: --get-per-second and --write-per-second need --rate-limits")
    zero = CliRunner().invoke(cli, ["fake", "--port", "0", "--rate-limits", "--write-per-second", "0"])
    assert zero.exit_code == 2
    assert zero.stderr == (
        "Error: InvalidParameterError: write_per_second: must be an integer >= 1 (requests per second), got 0\n"
    )
