"""The fake as a real HTTP server: the context manager, the command line, and the pytest plugin for users."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from withallo_ext.testing import FakeAllo, FakeAlloServer


def test_serve_binds_a_free_port_on_localhost_and_frees_it() -> None:
    fake = FakeAllo()
    with fake.serve() as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1/api", server.base_url)
        assert server.port > 0
        assert repr(server) == f"<FakeAlloServer {server.url}>"
        response = httpx.get(server.base_url + "/numbers", headers={"Authorization": server.api_key})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        base_url = server.base_url
    assert repr(server) == "<FakeAlloServer stopped>"
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + "/numbers")
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.port


def test_paths_outside_the_api_base_are_404() -> None:
    with FakeAllo().serve() as server:
        response = httpx.get(server.url + "/numbers", headers={"Authorization": server.api_key})
    assert response.status_code == 404
    assert response.json() == {"code": "NOT_FOUND", "details": None}


def test_log_gets_one_line_per_request() -> None:
    lines: list[str] = []
    with FakeAllo().serve(log=lines.append) as server:
        httpx.get(server.base_url + "/numbers", headers={"Authorization": "nope"})
    assert lines == ["GET /v1/api/numbers -> 401"]


def test_command_line_serves_and_prints_url_and_key() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "withallo_ext.testing", "--port", "0", "--seed", "2", "--api-key", "k-123"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        second = process.stdout.readline()
        match = re.fullmatch(r"Fake Allo API listening on (http://127\.0\.0\.1:\d+/v1/api)\n", first)
        assert match, first
        assert second == "API key (Authorization header, no Bearer): k-123\n"
        response = httpx.get(match.group(1) + "/contacts", headers={"Authorization": "k-123"})
        assert response.status_code == 200
        with FakeAllo(seed=2, api_key="k-123").http_client() as same_seed:  # same seed, same data, any process
            assert response.json() == same_seed.get("/contacts").json()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_fixtures_give_a_fresh_fake_per_test(fake_allo: FakeAllo, fake_allo_server: FakeAlloServer) -> None:
    assert fake_allo_server.fake is fake_allo
    assert fake_allo.requests == []
    assert fake_allo.seed == 0


@pytest.mark.fake_allo(seed=9, api_key="marker-key")
def test_the_marker_configures_the_fixture(fake_allo: FakeAllo) -> None:
    assert (fake_allo.seed, fake_allo.api_key) == (9, "marker-key")


def test_the_plugin_is_registered_for_users_without_any_conftest(tmp_path: Path) -> None:
    (tmp_path / "test_users_code.py").write_text(
        textwrap.dedent(
            """
            def test_send(fake_allo):
                with fake_allo.client() as client:
                    client.sms.send(from_="+14155550123", to="+14155550199", message="Hi")
                assert fake_allo.last_request.json["message"] == "Hi"

            def test_isolated(fake_allo):
                assert fake_allo.requests == []

            def test_server(fake_allo_server):
                with fake_allo_server.client() as client:
                    assert client.test_connection()
            """
        )
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
