"""`withallo listen`: a local webhook endpoint that prints one line per delivery and can relay it to your app.

Each POST to the path goes through `WebhookReceiver.respond` (signature check with --secret), is printed as
`time topic id key-fields -> verdict`, and with --forward, when verified, is POSTed as received (same body, same
webhook-* headers, so your app can check the signature itself) to your app; the sender then gets your app's status
(502 when it cannot be reached), so Allo's replays behave as they would against your app. The printed fields are
the sender's, so their control characters are escaped (`\\x1b`): a delivery cannot rewrite or forge a line.
"""

from __future__ import annotations

import datetime
import json
import logging
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import click
import httpx

from withallo_ext._sanitize import escaped
from withallo_ext.webhooks import WebhookEvent, WebhookReceiver, WebhookResponse

from ._base import serve_until_stopped

_RELAYED_HEADERS = ("content-type", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature")


def key_fields(event: WebhookEvent) -> str:
    """What a human wants to see of an event: the numbers and the gist, by topic."""
    topic = str(event.topic)
    if topic == "CALL_RECEIVED":
        gist = event.get("one_sentence_summary") or event.get("summary") or ""
        return f"{event.get('from_number', '?')} -> {event.get('to', '?')} {json.dumps(gist, ensure_ascii=False)}"
    if topic in ("SMS_RECEIVED", "SMS_SENT"):
        text = str(event.get("content", ""))
        text = text if len(text) <= 60 else text[:59] + "…"
        return (
            f"{event.get('from_number', '?')} -> {event.get('to_number', '?')} {json.dumps(text, ensure_ascii=False)}"
        )
    if topic in ("CONTACT_CREATED", "CONTACT_UPDATED"):
        name = " ".join(str(part) for part in (event.get("name"), event.get("last_name")) if part)
        numbers = event.get("numbers")
        return f"{name or '(no name)'} {', '.join(numbers) if isinstance(numbers, list) else ''}".strip()
    return ""


def _claimed(body: bytes) -> tuple[str, str]:
    """The topic and data id a refused body claims, unverified (`?` and `-` when it says nothing readable)."""
    try:
        envelope = json.loads(body)
    except ValueError:
        return "?", "-"
    if not isinstance(envelope, dict):
        return "?", "-"
    data = envelope.get("data")
    item = data.get("id") if isinstance(data, dict) else None
    return str(envelope.get("topic") or "?")[:40], str(item or "-")[:40]


def verdict(answer: WebhookResponse) -> str:
    """`200 ok`, `200 duplicate`, `401 invalid_signature (why)` ..."""
    if answer.status == 200 and answer.body.get("ok") and not answer.body.get("duplicate"):
        return "200 ok"
    label = "duplicate" if answer.body.get("duplicate") else str(answer.body.get("error", ""))
    why = f" ({' '.join(str(answer.error).split())})" if answer.error is not None and answer.status != 200 else ""
    return f"{answer.status} {label}{why}".strip()


class Listener:
    """The endpoint: `handle(path, body, headers) -> (status, answer bytes)`, printing one line through `echo`."""

    def __init__(
        self,
        receiver: WebhookReceiver,
        *,
        path: str,
        forward: str | None = None,
        echo: Callable[[str], None] = click.echo,
        timeout: float = 10.0,
    ) -> None:
        self.receiver = receiver
        self.path = path
        self.forward = forward
        self._echo = echo
        self._lock = threading.Lock()
        self._http: httpx.Client | None = None
        if forward is not None:
            from withallo_ext.testing._loopback import is_loopback  # here: the testing package is not light

            self._http = httpx.Client(timeout=timeout, trust_env=not is_loopback(forward))

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def echo(self, line: str) -> None:
        """Print one line, its control characters escaped: the topic, ids, names and path in it are the sender's
        (unverified when the signature failed), and an ESC or a newline there must not rewrite or forge a line."""
        with self._lock:  # one whole line per delivery, even when deliveries arrive together
            self._echo(escaped(line))

    def handle(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        now = datetime.datetime.now().strftime("%H:%M:%S")
        if path != self.path:
            self.echo(f"{now} POST {path} -> 404 (listening on {self.path})")
            return 404, b'{"ok":false,"error":"not_found"}'
        answer = self.receiver.respond(body, headers)
        event = answer.event
        if event is not None:
            topic, item, fields = str(event.topic), str(event.get("id", "-")), key_fields(event)
        else:  # refused before parsing (bad signature, not JSON): show what it claims to be, if anything
            topic, item, fields = *_claimed(body), ""
        line = " ".join(part for part in (now, topic, item, fields, "->", verdict(answer)) if part)
        status, payload = answer.status, json.dumps(answer.body).encode()
        if self._http is not None and self.forward is not None and answer.status == 200:
            status, note = self._relay(body, headers)
            payload = json.dumps({"ok": 200 <= status < 300, "forwarded": status}).encode()
            line += f" | forwarded -> {note}"
        self.echo(line)
        return status, payload

    def _relay(self, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
        assert self._http is not None
        assert self.forward is not None
        relayed = {name: headers[name] for name in _RELAYED_HEADERS if name in headers}
        try:
            response = self._http.post(self.forward, content=body, headers=relayed)
        except httpx.HTTPError as exc:
            return 502, f"failed ({type(exc).__name__})"
        return response.status_code, str(response.status_code)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], listener: Listener) -> None:
        super().__init__(address, _Handler)
        self.listener = listener


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {name.lower(): value for name, value in self.headers.items()}
        status, payload = self.server.listener.handle(self.path, body, headers)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the listener prints its own line per delivery."""


def serve(listener: Listener, host: str, port: int) -> _Server:
    """Bind (port 0: a free one) and serve in a daemon thread; `shutdown()` + `server_close()` to stop."""
    server = _Server((host, port), listener)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8020, show_default=True, help="0 picks a free one.")
@click.option("--path", default="/hook", show_default=True, help="The path deliveries are POSTed to.")
@click.option(
    "--secret",
    envvar="WITHALLO_WEBHOOK_SECRET",
    show_envvar=True,
    metavar="WHSEC",
    help="whsec_... : check Standard Webhooks signatures (unsigned or forged deliveries get 401).",
)
@click.option(
    "--forward", metavar="URL", help="Relay each verified delivery to your app, e.g. http://localhost:8000/hook."
)
def listen(host: str, port: int, path: str, secret: str | None, forward: str | None) -> None:
    """Receive webhook deliveries locally and print one line per delivery, until Ctrl-C."""
    if not path.startswith("/"):
        raise click.UsageError(f"--path must start with '/', got {path!r}")
    if forward is not None and not forward.startswith(("http://", "https://")):
        raise click.UsageError("--forward must be an http:// or https:// URL")
    logging.getLogger("withallo").addHandler(logging.NullHandler())  # the receiver's warnings: our line says it
    listener = Listener(WebhookReceiver(secret=secret, accept_unknown_topics=True), path=path, forward=forward)
    server = serve(listener, host, port)
    try:
        bound = server.server_address[1]
        checks = "signatures checked" if secret else "signatures not checked"
        relay = f"; forwarding to {forward}" if forward else ""
        click.echo(f"Listening on http://{host}:{bound}{path} ({checks}{relay}). Press Ctrl-C to stop.")
        sys.stdout.flush()
        serve_until_stopped()
    finally:
        server.shutdown()
        server.server_close()
        listener.close()
