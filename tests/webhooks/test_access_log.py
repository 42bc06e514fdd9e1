"""The webhook path token stays out of access logs: real uvicorn (in-process, on a free port) and real gunicorn (a
subprocess on a free port) serve the examples, a signed delivery comes in, and the log lines as those servers format
them show ``/webhooks/allo/***``. A control run without the filter shows the token, so the capture is real."""

from __future__ import annotations

import io
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from withallo_ext import WebhookReceiver, WebhookTokenFilter, generate_webhook_secret, hide_webhook_tokens
from withallo_ext.testing import FakeAllo
from withallo_ext.webhooks._access_log import ACCESS_LOGGERS

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "G8qPKO5I" + "x7Rt2Lm9Qw4Zk1Vb6Nc3Hd8Fs0Jy5Tg"  # 40 characters, like secrets.token_urlsafe(30)
PATH = f"/webhooks/allo/{TOKEN}"


@pytest.fixture(autouse=True)
def access_loggers_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts with no filter on the servers' loggers and leaves none behind."""
    for name in ("WITHALLO_API_KEY", "REDIS_URL", "WITHALLO_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    saved = {name: list(logging.getLogger(name).filters) for name in ACCESS_LOGGERS}
    for name in ACCESS_LOGGERS:
        logging.getLogger(name).filters = []
    yield
    for name, filters in saved.items():
        logging.getLogger(name).filters = filters


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


@contextmanager
def uvicorn_serving(app: Any) -> Iterator[tuple[str, io.StringIO]]:
    """`app` served by uvicorn on 127.0.0.1 (a free port); its access log formatted by uvicorn's own default."""
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG
    from uvicorn.logging import AccessFormatter

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(AccessFormatter(LOGGING_CONFIG["formatters"]["access"]["fmt"], use_colors=False))
    access = logging.getLogger("uvicorn.access")
    level = access.level
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off", access_log=True))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-test", daemon=True)
    thread.start()
    try:
        _wait_for(lambda: server.started, "uvicorn to start")
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", log
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
        access.removeHandler(handler)
        access.setLevel(level)


def _fastapi_app(secret: str) -> Any:
    from examples.webhooks_fastapi import create_app

    return create_app(TOKEN, WebhookReceiver(secret=secret))


def test_uvicorn_access_log_shows_the_token_without_the_filter() -> None:
    """The control: the stumbling point as a newcomer met it (the example app with its filter taken off)."""
    secret = generate_webhook_secret()
    app = _fastapi_app(secret)
    for name in ACCESS_LOGGERS:
        logging.getLogger(name).filters = []
    with uvicorn_serving(app) as (base_url, log):
        assert FakeAllo().deliver("PING", base_url + PATH, secret=secret) == 200
        _wait_for(lambda: "POST" in log.getvalue(), "the access log line")
    assert f'"POST {PATH} HTTP/1.1" 200' in log.getvalue()


def test_uvicorn_access_log_of_the_fastapi_example_masks_the_token() -> None:
    secret = generate_webhook_secret()
    with uvicorn_serving(_fastapi_app(secret)) as (base_url, log):
        fake = FakeAllo()
        assert fake.deliver("PING", base_url + PATH, secret=secret) == 200
        assert fake.deliver("PING", f"{base_url}/webhooks/allo/{TOKEN[:-1]}?x=1", secret=secret) == 404
        _wait_for(lambda: log.getvalue().count("POST") == 2, "two access log lines")
    lines = log.getvalue().splitlines()
    assert [line.split(" - ", 1)[1] for line in lines] == [
        '"POST /webhooks/allo/*** HTTP/1.1" 200 OK',
        '"POST /webhooks/allo/***?x=1 HTTP/1.1" 404 Not Found',
    ]
    assert TOKEN[:8] not in log.getvalue()


def _free_port_log(path: Path) -> int:
    found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", path.read_text() if path.exists() else "")
    return int(found.group(1)) if found else 0


def test_gunicorn_access_log_of_the_flask_example_masks_the_token(tmp_path: Path) -> None:
    access_log, error_log = tmp_path / "access.log", tmp_path / "error.log"
    secret = generate_webhook_secret()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WITHALLO_WEBHOOK_TOKEN": TOKEN, "WITHALLO_WEBHOOK_SECRET": secret}
    command = [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "--workers", "1"]
    command += ["--access-logfile", str(access_log), "--error-logfile", str(error_log)]
    server = subprocess.Popen([*command, "examples.webhooks_flask:create_app()"], cwd=tmp_path, env=env)
    try:
        _wait_for(lambda: _free_port_log(error_log) > 0 or server.poll() is not None, "gunicorn to listen")
        port = _free_port_log(error_log)
        assert port, error_log.read_text()
        url = f"http://127.0.0.1:{port}{PATH}"
        _wait_for(lambda: FakeAllo().deliver("PING", url, secret=secret, timeout=2) == 200, "a delivery answered 200")
        _wait_for(lambda: "POST" in access_log.read_text(), "the access log line")
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    logged = access_log.read_text()
    assert '"POST /webhooks/allo/*** HTTP/1.1" 200' in logged
    assert TOKEN[:8] not in logged
    assert TOKEN[:8] not in error_log.read_text()


def _record(msg: str, args: Any) -> logging.LogRecord:
    return logging.LogRecord("x", logging.INFO, __file__, 1, msg, args, None)


def test_the_filter_masks_message_and_arguments_of_every_shape_and_drops_nothing() -> None:
    masking = WebhookTokenFilter()
    uvicorn_like = _record('%s - "%s %s HTTP/%s" %d', ("1.2.3.4:5", "POST", PATH + "?a=b", "1.1", 200))
    assert masking.filter(uvicorn_like) is True
    assert uvicorn_like.getMessage() == '1.2.3.4:5 - "POST /webhooks/allo/***?a=b HTTP/1.1" 200'

    from gunicorn.glogging import SafeAtoms  # type: ignore[import-untyped]

    atoms = SafeAtoms({"r": f"POST {PATH} HTTP/1.1", "U": PATH, "s": "200", "{user-agent}i": "withallo-fake/1"})
    gunicorn_like = logging.LogRecord("x", logging.INFO, __file__, 1, '"%(r)s" %(s)s %(missing)s', (atoms,), None)
    assert masking.filter(gunicorn_like) is True
    assert gunicorn_like.getMessage() == '"POST /webhooks/allo/*** HTTP/1.1" 200 -'  # still SafeAtoms: "-"

    plain = _record(f"got {PATH}/extra and /webhooks/other/{TOKEN}", None)
    masking.filter(plain)
    assert plain.getMessage() == f"got /webhooks/allo/***/extra and /webhooks/other/{TOKEN}"

    custom = WebhookTokenFilter("/hooks/")
    record = _record("%s", ("/hooks/abc /webhooks/allo/def",))
    custom.filter(record)
    assert record.getMessage() == "/hooks/*** /webhooks/allo/def"
    with pytest.raises(ValueError, match="prefix"):
        WebhookTokenFilter("/webhooks/allo")


def test_hide_webhook_tokens_installs_one_filter_per_logger_however_often_called() -> None:
    first = hide_webhook_tokens()
    assert hide_webhook_tokens() is first
    for name in ("uvicorn.access", "gunicorn.access", "werkzeug", "django.server"):
        assert logging.getLogger(name).filters == [first]
    other = hide_webhook_tokens("/hooks/", loggers="uvicorn.access")
    assert logging.getLogger("uvicorn.access").filters == [first, other]
    assert repr(other) == "WebhookTokenFilter(prefix='/hooks/')"
