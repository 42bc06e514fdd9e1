"""`withallo listen`'s endpoint in-process: FakeAllo.deliver POSTs real deliveries to it over a socket; one line
each; verified ones relayed, byte for byte with their signature headers, to a local app."""

from __future__ import annotations

import base64
import json
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from click.testing import CliRunner

from withallo_ext import WebhookReceiver
from withallo_ext.cli._app import cli
from withallo_ext.cli._listen import Listener, serve
from withallo_ext.testing import FakeAllo, WebhookEndpoint

from ._process import Running

SECRET = "whsec_" + base64.b64encode(b"cli-listen-test-secret-32-bytes!").decode()
OTHER_SECRET = "whsec_" + base64.b64encode(b"x" * 32).decode()
TIME = r"\d\d:\d\d:\d\d "


@contextmanager
def listening(secret: str | None = SECRET, forward: str | None = None) -> Iterator[tuple[str, list[str]]]:
    """The listener on a free port: (its URL, the lines it printed)."""
    lines: list[str] = []
    receiver = WebhookReceiver(secret=secret, accept_unknown_topics=True)
    listener = Listener(receiver, path="/hook", forward=forward, echo=lines.append)
    server = serve(listener, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", lines
    finally:
        server.shutdown()
        server.server_close()
        listener.close()


def test_one_line_per_delivery_with_the_key_fields() -> None:
    fake = FakeAllo()
    with listening() as (url, lines):
        statuses = [
            fake.deliver(topic, url, secret=SECRET)
            for topic in ("CALL_RECEIVED", "SMS_SENT", "CONTACT_CREATED", "CONTACT_UPDATED", "PING")
        ]
        statuses.append(fake.deliver("NEW_TOPIC", url, data={"id": "evt_1"}, secret=SECRET))
    assert statuses == [200] * 6
    expected = [
        'CALL_RECEIVED call-7Hq2LmX9 +14155550199 -> +14155550123 "Delivery moved to Thursday." -> 200 ok',
        'SMS_SENT sms-9Kd2Wz +14155550123 -> +14155550199 "Your delivery is now booked for Thursday morning."'
        " -> 200 ok",
        "CONTACT_CREATED cnt_8d2kQ1 Jane Cooper +14155550199 -> 200 ok",
        "CONTACT_UPDATED cnt_8d2kQ1 Jane Smith +14155550199 -> 200 ok",
        "PING - -> 200 ok",
        "NEW_TOPIC evt_1 -> 200 ok",  # a topic Allo adds later is shown, not refused
    ]
    assert len(lines) == len(expected)
    for line, tail in zip(lines, expected, strict=True):
        assert re.fullmatch(TIME + re.escape(tail), line), line


def test_refused_deliveries_say_why() -> None:
    fake = FakeAllo()
    with listening() as (url, lines):
        assert fake.deliver("SMS_RECEIVED", url) == 401
        assert fake.deliver("SMS_RECEIVED", url, secret=OTHER_SECRET) == 401
        with httpx.Client(trust_env=False) as http:
            assert http.post(url + "/other", content=b"{}").status_code == 404
    assert [line[9:] for line in lines] == [
        "SMS_RECEIVED sms-4Rt8Pq -> 401 invalid_signature (The webhook-id header is missing.)",
        "SMS_RECEIVED sms-4Rt8Pq -> 401 invalid_signature (No webhook signature matches the secret.)",
        "POST /hook/other -> 404 (listening on /hook)",
    ]


def test_without_a_secret_bad_payloads_are_400() -> None:
    with listening(secret=None) as (url, lines), httpx.Client(trust_env=False) as http:
        answer = http.post(url, content=b"not json")
    assert answer.status_code == 400
    assert answer.json() == {"ok": False, "error": "invalid_payload"}
    [line] = lines
    assert re.fullmatch(TIME + r"\? - -> 400 invalid_payload \(.+\)", line), line


def test_verified_deliveries_are_forwarded_as_received() -> None:
    app = WebhookReceiver(secret=SECRET)  # the app verifies the relayed signature itself
    fake = FakeAllo()
    with WebhookEndpoint(app, path="/app") as endpoint, listening(forward=endpoint.url) as (url, lines):
        assert fake.deliver("CALL_RECEIVED", url, secret=SECRET) == 200
        assert fake.deliver("CALL_RECEIVED", url) == 401  # unsigned: refused here, never relayed
    [relayed] = endpoint.deliveries
    sent = fake.deliveries[0]
    assert relayed.body == sent.body
    sent_headers = {name.lower(): value for name, value in sent.headers.items()}
    for name in ("webhook-id", "webhook-timestamp", "webhook-signature", "content-type"):
        assert relayed.headers[name] == sent_headers[name]
    assert relayed.status == 200
    assert lines[0].endswith(" -> 200 ok | forwarded -> 200")
    assert "forwarded" not in lines[1]


def test_the_apps_answer_is_what_the_sender_gets() -> None:
    app = WebhookReceiver(secret=OTHER_SECRET)  # the app expects another secret: it answers 401
    fake = FakeAllo()
    with WebhookEndpoint(app, path="/app") as endpoint, listening(forward=endpoint.url) as (url, lines):
        assert fake.deliver("PING", url, secret=SECRET) == 401
    assert [d.status for d in endpoint.deliveries] == [401]
    assert lines[0].endswith("PING - -> 200 ok | forwarded -> 401")


def test_an_unreachable_app_is_a_502_for_the_sender() -> None:
    with WebhookEndpoint(WebhookReceiver(), path="/app") as gone:
        dead_url = gone.url
    fake = FakeAllo()
    with listening(forward=dead_url) as (url, lines):
        assert fake.deliver("PING", url, secret=SECRET) == 502
    assert lines[0].endswith("PING - -> 200 ok | forwarded -> failed (ConnectError)")


def test_listen_option_errors_are_usage_errors() -> None:
    bad_path = CliRunner().invoke(cli, ["listen", "--port", "0", "--path", "hook"])
    assert (bad_path.exit_code, bad_path.stderr) == (
        2,
        "Error: --path must start with '/', got 'hook' (see 'withallo listen --help')\n",
    )
    bad_forward = CliRunner().invoke(cli, ["listen", "--port", "0", "--forward", "ftp://files.example"])
    assert bad_forward.exit_code == 2
    bad_secret = CliRunner().invoke(cli, ["listen", "--port", "0", "--secret", "whsec_not*base64*TOPSECRET"])
    assert bad_secret.exit_code == 2
    assert bad_secret.stderr.startswith("Error: InvalidParameterError: secret: is not valid base64 after `whsec_`")
    assert bad_secret.stderr.count("\n") == 1
    assert "TOPSECRET" not in bad_secret.stderr


def test_a_port_in_use_is_one_line_and_exit_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = CliRunner().invoke(cli, ["listen", "--port", str(taken.getsockname()[1])])
    assert result.exit_code == 1
    assert result.stderr == "Error: OSError: [Errno 98] Address already in use\n"


def test_a_senders_control_characters_are_printed_escaped() -> None:
    """An unauthenticated POST whose topic retitles the terminal (OSC ... BEL) and whose id erases the line
    (CSI 2K) or starts a forged one (newline) is printed as text, whether refused (bad signature) or accepted."""
    body = json.dumps({"topic": "X\u001b]0;pwn\u0007Y", "data": {"id": "s\u001b[2Kx\nFORGED 200 ok"}}).encode()
    contact = {"topic": "CONTACT_CREATED", "data": {"id": "c1", "name": "Eve\u009b2J", "numbers": ["+1\u001b[A"]}}
    with (
        listening() as (signed_url, refused),
        listening(secret=None) as (open_url, accepted),
        httpx.Client(trust_env=False) as http,
    ):
        assert http.post(signed_url, content=body).status_code == 401
        assert http.post(open_url, content=body).status_code == 200
        assert http.post(open_url, content=json.dumps(contact).encode()).status_code == 200
    shown_topic, shown_id = "X\\x1b]0;pwn\\x07Y", "s\\x1b[2Kx\\x0aFORGED 200 ok"
    assert [line[9:] for line in refused] == [
        f"{shown_topic} {shown_id} -> 401 invalid_signature (The webhook-id header is missing.)"
    ]
    assert [line[9:] for line in accepted] == [
        f"{shown_topic} {shown_id} -> 200 ok",
        "CONTACT_CREATED c1 Eve\\x9b2J +1\\x1b[A -> 200 ok",
    ]
    for line in refused + accepted:
        assert not re.search(r"[\x00-\x1f\x7f-\x9f]", line), repr(line)


def test_the_listen_command_prints_a_forged_topic_escaped() -> None:
    """The same through the `withallo listen` script, its stdout a pipe: no raw ESC or BEL byte reaches it."""
    with Running("listen", "--port", "0", env={"WITHALLO_WEBHOOK_SECRET": SECRET}) as listener:
        first = listener.line()
        match = re.match(r"Listening on (http://127\.0\.0\.1:\d+/hook) ", first)
        assert match, first
        body = json.dumps({"topic": "X\u001b]0;pwn\u0007Y", "data": {"id": "s\u001b[2Kx"}}).encode()
        with httpx.Client(trust_env=False) as http:
            assert http.post(match.group(1), content=body).status_code == 401
        line = listener.line()
        code, rest, _ = listener.stop()
    assert code == 0
    assert line.endswith(" X\\x1b]0;pwn\\x07Y s\\x1b[2Kx -> 401 invalid_signature (The webhook-id header is missing.)")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", line + rest), repr(line + rest)


def test_a_request_path_with_escapes_is_printed_escaped() -> None:
    """The 404 line quotes the request's path, which the sender wrote byte for byte on its request line."""
    with listening() as (url, lines), socket.create_connection(("127.0.0.1", httpx.URL(url).port or 0)) as s:
        s.sendall(b"POST /x\x1b]0;pwn\x07\x9b2J HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        assert s.recv(1024).startswith(b"HTTP/1.1 404")
    assert [line[9:] for line in lines] == ["POST /x\\x1b]0;pwn\\x07\\x9b2J -> 404 (listening on /hook)"]
