"""Construction: the key and options are checked up front; headers, the user's own httpx client, closing."""

from __future__ import annotations

import importlib.metadata
import tomllib
import traceback
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from withallo_ext import AsyncWithalloClient, WithalloClient, __version__
from withallo_ext.errors import InvalidParameterError, NotFoundError

from .helpers import BASE, KEY, Runner

CLIENTS = [WithalloClient, AsyncWithalloClient]
NUMBERS = {"data": [{"number": "+1234567890", "country": "US"}]}


def test_key_falls_back_to_the_environment(api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, run: Runner) -> None:
    monkeypatch.setenv("WITHALLO_API_KEY", "env-key-123")
    route = api.get("/numbers").respond(200, json=NUMBERS)
    run(lambda c: c.phone_numbers.list(), api_key=None)
    assert route.calls.last.request.headers["Authorization"] == "env-key-123"


def test_an_explicit_key_wins_over_the_environment(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, run: Runner
) -> None:
    monkeypatch.setenv("WITHALLO_API_KEY", "env-key-123")
    route = api.get("/numbers").respond(200, json=NUMBERS)
    run(lambda c: c.phone_numbers.list(), api_key="explicit-key")
    assert route.calls.last.request.headers["Authorization"] == "explicit-key"


@pytest.mark.parametrize("cls", CLIENTS)
def test_a_missing_key_is_refused(cls: Any) -> None:
    with pytest.raises(InvalidParameterError) as info:
        cls()
    assert info.value.field == "api_key"
    assert "WITHALLO_API_KEY" in info.value.rule


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("", "empty"),
        ("   ", "blank"),
        ("abc\r\nX-Injected: 1", "control characters"),
        ("abc\n", "control characters"),
        ("a\tb", "control characters"),
        ("a\x00b", "control characters"),
    ],
)
def test_bad_keys_are_refused_before_any_request(api: respx.MockRouter, cls: Any, key: str, rule: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        cls(key)
    assert info.value.field == "api_key"
    assert rule in info.value.rule
    assert isinstance(info.value, ValueError)
    assert api.calls.call_count == 0


@pytest.mark.parametrize("cls", CLIENTS)
def test_a_blank_environment_key_is_refused(monkeypatch: pytest.MonkeyPatch, cls: Any) -> None:
    monkeypatch.setenv("WITHALLO_API_KEY", " ")
    with pytest.raises(InvalidParameterError, match="api_key: must not be empty or blank"):
        cls()


def test_environment_and_base_url() -> None:
    assert WithalloClient(KEY).base_url == BASE
    assert WithalloClient(KEY, environment="production").base_url == BASE
    assert (
        WithalloClient(KEY, environment="https://staging.example/v1/api/").base_url == "https://staging.example/v1/api"
    )
    assert WithalloClient(KEY, base_url="http://127.0.0.1:8080/v1/api", environment="production").base_url == (
        "http://127.0.0.1:8080/v1/api"
    )
    with pytest.raises(InvalidParameterError) as info:
        WithalloClient(KEY, environment="staging")
    assert info.value.field == "environment"
    with pytest.raises(InvalidParameterError) as info:
        WithalloClient(KEY, base_url="api.withallo.com")
    assert info.value.field == "base_url"


def test_the_base_url_falls_back_to_the_environment(monkeypatch: pytest.MonkeyPatch, run: Runner) -> None:
    monkeypatch.setenv("WITHALLO_BASE_URL", "http://127.0.0.1:9/fake/v1/api/")
    with respx.mock(base_url="http://127.0.0.1:9/fake/v1/api", assert_all_mocked=True) as mock:
        route = mock.get("/numbers").respond(200, json=NUMBERS)
        numbers = run(lambda c: c.phone_numbers.list())
    assert route.calls.last.request.url == "http://127.0.0.1:9/fake/v1/api/numbers"
    assert route.calls.last.request.headers["Authorization"] == KEY
    assert [n.number for n in numbers] == ["+1234567890"]


@pytest.mark.parametrize("cls", CLIENTS)
def test_base_url_and_environment_arguments_win_over_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch, cls: Any
) -> None:
    monkeypatch.setenv("WITHALLO_BASE_URL", "http://127.0.0.1:9/fake/v1/api")
    assert cls(KEY).base_url == "http://127.0.0.1:9/fake/v1/api"
    assert cls(KEY, base_url="http://127.0.0.1:8/other").base_url == "http://127.0.0.1:8/other"
    assert cls(KEY, environment="production").base_url == BASE
    monkeypatch.setenv("WITHALLO_BASE_URL", "")  # set but empty: as if unset
    assert cls(KEY).base_url == BASE


@pytest.mark.parametrize("cls", CLIENTS)
def test_a_bad_environment_base_url_is_refused_naming_the_variable(monkeypatch: pytest.MonkeyPatch, cls: Any) -> None:
    monkeypatch.setenv("WITHALLO_BASE_URL", "localhost:8010/v1/api")
    with pytest.raises(InvalidParameterError) as info:
        cls(KEY)
    assert info.value.field == "WITHALLO_BASE_URL"
    assert "absolute http:// or https:// URL" in info.value.rule


def test_requests_go_to_the_base_url() -> None:
    with respx.mock(base_url="http://127.0.0.1:9/custom") as mock:
        route = mock.get("/numbers").respond(200, json=NUMBERS)
        with WithalloClient(KEY, base_url="http://127.0.0.1:9/custom/") as client:
            client.phone_numbers.list()
    assert str(route.calls.last.request.url) == "http://127.0.0.1:9/custom/numbers"


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("timeout", 0),
        ("timeout", -1.0),
        ("connect_timeout", "10"),
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("user_agent", ""),
        ("user_agent", "   "),
        ("user_agent", "a\r\nb"),
        ("user_agent", "a\rb"),  # a lone CR, tab, NUL or DEL is a control character too
        ("user_agent", "a\tb"),
        ("user_agent", "a\x00b"),
        ("user_agent", "a\x7fb"),
        ("user_agent", "café/1.0"),  # httpx cannot encode it: it would fail at the first request instead
        ("user_agent", 5),
    ],
)
def test_bad_options_are_refused(option: str, value: Any) -> None:
    with pytest.raises(InvalidParameterError) as info:
        WithalloClient(KEY, **{option: value})
    assert info.value.field == option


def test_timeouts_are_set_on_the_client_it_creates() -> None:
    client = WithalloClient(KEY, timeout=12.5, connect_timeout=3.0)
    assert client._http.timeout == httpx.Timeout(12.5, connect=3.0)
    assert client.max_retries == 2


def test_default_and_custom_user_agent(api: respx.MockRouter) -> None:
    route = api.get("/numbers").respond(200, json=NUMBERS)
    with WithalloClient(KEY) as client:
        client.phone_numbers.list()
    assert route.calls.last.request.headers["User-Agent"].startswith(f"withallo-python/{__version__} httpx/")
    with WithalloClient(KEY, user_agent="my-crm/2.0") as client:
        client.phone_numbers.list()
    assert route.calls.last.request.headers["User-Agent"] == "my-crm/2.0"


def test_the_users_http_client_gets_the_sdk_headers_and_is_left_open() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=NUMBERS)

    own = httpx.Client(
        transport=httpx.MockTransport(handler),
        headers={"X-Team": "crm"},
        auth=httpx.BasicAuth("someone", "else"),  # must not replace the API key
    )
    with WithalloClient(KEY, http_client=own) as client:
        numbers = client.phone_numbers.list()
    assert numbers[0].number == "+1234567890"
    request = seen[0]
    assert str(request.url) == f"{BASE}/numbers"
    assert request.headers["Authorization"] == KEY
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("withallo-python/")
    assert request.headers["X-Team"] == "crm"
    assert not own.is_closed  # not ours to close
    own.close()


@pytest.mark.anyio
async def test_the_users_async_http_client_gets_the_sdk_headers_and_is_left_open() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=NUMBERS)

    own = httpx.AsyncClient(transport=httpx.MockTransport(handler), base_url="https://elsewhere.example")
    async with AsyncWithalloClient(KEY, http_client=own) as client:
        assert await client.test_connection() is True
    assert str(seen[0].url) == f"{BASE}/numbers"
    assert seen[0].headers["Authorization"] == KEY
    assert seen[0].headers["User-Agent"].startswith("withallo-python/")
    assert not own.is_closed
    await own.aclose()


def test_retries_also_work_with_the_users_http_client() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json=NUMBERS)])
    own = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)))
    with WithalloClient(KEY, http_client=own) as client:
        assert len(client.phone_numbers.list()) == 1
    own.close()


@pytest.mark.parametrize("read_first", [True, False])
def test_a_users_raise_for_status_hook_still_gives_the_mapped_error(read_first: bool) -> None:
    def hook(response: httpx.Response) -> None:
        if read_first:
            response.read()
        response.raise_for_status()

    answers = iter([httpx.Response(503), httpx.Response(404, json={"error": "WEBHOOK_NOT_FOUND"})])
    own = httpx.Client(transport=httpx.MockTransport(lambda request: next(answers)), event_hooks={"response": [hook]})
    with WithalloClient(KEY, http_client=own) as client, pytest.raises(NotFoundError) as info:
        client.webhooks.delete("web-1")  # the 503 is retried, the 404 raised as NotFoundError
    assert info.value.error_code == "WEBHOOK_NOT_FOUND"
    own.close()


def test_an_unread_error_body_is_reported_as_empty() -> None:
    """A hook that raises before the body is read leaves nothing to parse; the status still maps."""
    from withallo_ext._error_map import api_error

    unread = httpx.Response(404, stream=httpx.ByteStream(b"{}"), request=httpx.Request("GET", f"{BASE}/x"))
    error = api_error(unread)
    assert (type(error), error.body, error.message) == (NotFoundError, "", "HTTP 404")


def test_the_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(InvalidParameterError) as info:
        WithalloClient(KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    assert info.value.field == "http_client"
    with pytest.raises(InvalidParameterError):
        AsyncWithalloClient(KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_the_sync_client_closes_its_own_pool() -> None:
    with WithalloClient(KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed
    other = WithalloClient(KEY)
    other.close()
    assert other._http.is_closed


@pytest.mark.anyio
async def test_the_async_client_closes_its_own_pool() -> None:
    async with AsyncWithalloClient(KEY) as client:
        assert not client._http.is_closed
    assert client._http.is_closed
    other = AsyncWithalloClient(KEY)
    await other.aclose()
    assert other._http.is_closed


@pytest.mark.parametrize("cls", CLIENTS)
def test_repr_masks_the_key(cls: Any) -> None:
    client = cls(KEY, max_retries=1)
    assert repr(client) == f"{cls.__name__}(base_url='{BASE}', api_key='***', max_retries=1)"


def test_exports() -> None:
    import withallo_ext

    assert withallo_ext.WithalloClient is WithalloClient
    assert withallo_ext.AsyncWithalloClient is AsyncWithalloClient


@pytest.mark.parametrize("cls", CLIENTS)
def test_repr_of_a_half_built_client_does_not_raise(cls: Any) -> None:
    """A traceback showing locals (pytest --showlocals, capture_locals=True) reprs `self` of a failed __init__."""
    assert repr(cls.__new__(cls)) == f"{cls.__name__}(base_url=None, api_key='***', max_retries=None)"
    with pytest.raises(InvalidParameterError) as info:
        cls(KEY, base_url="ftp://nowhere.example")
    text = "".join(traceback.TracebackException.from_exception(info.value, capture_locals=True).format())
    assert f"self = {cls.__name__}(base_url=None, api_key='***', max_retries=None)" in text


def test_the_version_is_pyprojects_as_installed() -> None:
    import withallo_ext

    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    assert withallo_ext.__version__ == importlib.metadata.version("withallo") == pyproject["project"]["version"]


@pytest.mark.parametrize(("installed", "expected"), [("9.8.7", "9.8.7"), (None, "0+unknown")])
def test_version_and_user_agent_come_from_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch, installed: str | None, expected: str
) -> None:
    """One source of truth: the distribution's metadata (built from pyproject.toml), read on first use."""
    import withallo_ext

    def version(name: str) -> str:
        assert name == "withallo"
        if installed is None:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed

    assert withallo_ext.__version__  # cached now, so that monkeypatch puts the real value back afterwards
    monkeypatch.setattr(importlib.metadata, "version", version)
    monkeypatch.delitem(withallo_ext.__dict__, "__version__")  # forget the cached value
    assert withallo_ext.__version__ == expected
    assert WithalloClient(KEY)._settings.user_agent.startswith(f"withallo-python/{expected} httpx/")


def test_the_real_version_is_back_after_the_patched_one() -> None:
    import withallo_ext

    assert withallo_ext.__version__ == importlib.metadata.version("withallo")


@pytest.mark.parametrize(
    "url", ["http://api.withallo.com/v1/api", "http://10.0.0.5:8080/v1/api", "http://localhost.example.com/api"]
)
def test_plain_http_to_another_host_is_refused_unless_asked_for(url: str) -> None:
    for make in (WithalloClient, AsyncWithalloClient):
        with pytest.raises(InvalidParameterError, match="clear text") as caught:
            make(KEY, base_url=url)
        assert caught.value.field == "base_url"
        with pytest.raises(InvalidParameterError, match="clear text"):
            make(KEY, environment=url)
        assert make(KEY, base_url=url, allow_insecure_http=True).base_url == url


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8010/v1/api", "http://127.8.9.10/v1/api", "http://localhost:8010", "http://[::1]:80/v1"]
)
def test_plain_http_to_this_machine_needs_no_opt_in(url: str) -> None:
    assert WithalloClient(KEY, base_url=url).base_url == url


def test_allow_insecure_http_must_be_a_bool() -> None:
    with pytest.raises(InvalidParameterError, match="allow_insecure_http"):
        WithalloClient(KEY, base_url="http://10.0.0.5", allow_insecure_http="yes")  # type: ignore[arg-type]
