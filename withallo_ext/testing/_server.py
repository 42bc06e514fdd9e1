"""FakeAlloServer: a FakeAllo served on a local port, in a daemon thread, and the SDK clients that talk to it.

This is the server's lifecycle (bind, start, stop, the URLs a client needs); each request is handled by
`_handler`. Bound beyond loopback, it warns loudly: anyone who reaches it can use its well-known key. The fake keeps
only its last requests (FakeAllo `max_recorded`), so a server left running for days stays bounded.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from .._validate import is_loopback_host
from ._defaults import API_PATH
from ._handler import IDLE_TIMEOUT, MAX_BODY, FakeHTTPServer

if TYPE_CHECKING:
    from withallo_ext._client import AsyncWithalloClient, WithalloClient

    from ._fake import FakeAllo  # for the type of `fake` only: FakeAllo.serve() is what imports this module


def beyond_loopback_warning(host: str) -> str:
    return (
        f"the fake Allo is bound to {host!r}, beyond this machine: anyone who can reach it can call it with its "
        "well-known test key. Bind 127.0.0.1 (the default) unless you mean it."
    )


class FakeAlloServer:
    """A FakeAllo served on a local port. Use as a context manager; `base_url` is what a client needs."""

    def __init__(
        self,
        fake: FakeAllo,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log: Callable[[str], None] | None = None,
        max_body: int = MAX_BODY,
        idle_timeout: float = IDLE_TIMEOUT,
    ) -> None:
        self.fake = fake
        self._address = (host, port)
        self._log = log
        self.max_body = max_body
        self.idle_timeout = idle_timeout
        self._server: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        state = self.url if self._server else "stopped"
        return f"<FakeAlloServer {state}>"

    def start(self) -> Self:
        """Bind and serve in a background thread (idempotent). A RuntimeWarning when bound beyond loopback."""
        if self._server is None:
            if not is_loopback_host(self._address[0]):
                warnings.warn(beyond_loopback_warning(self._address[0]), RuntimeWarning, stacklevel=2)
            self._server = FakeHTTPServer(self._address, self.fake, self._log, self.max_body, self.idle_timeout)
            self._thread = threading.Thread(
                target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-allo", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port; requests held by a timeout fault are released."""
        if self._server is not None:
            self._server.stopping.set()
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join()
            self._server = None
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeAlloServer is not running; call start() or use it in a with block")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """`http://127.0.0.1:<port>`."""
        return f"http://{self._address[0]}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API base to give a client: `http://127.0.0.1:<port>/v1/api`."""
        return self.url + API_PATH

    @property
    def api_key(self) -> str:
        return self.fake.api_key

    def client(self, **options: Any) -> WithalloClient:
        """A WithalloClient talking to this server over the socket, past any HTTP(S)_PROXY of the environment.

        Options go to WithalloClient. Unless you pass your own `http_client`, the SDK talks through an httpx.Client
        that ignores proxy variables (the server is on this machine; a proxy could not reach it), with the
        timeouts the SDK would give its own, and close() closes it.
        """
        from withallo_ext._client import WithalloClient

        from ._clients import FakeWithalloClient

        options.setdefault("api_key", self.api_key)
        options.setdefault("allow_insecure_http", True)  # the fake speaks plain HTTP, wherever it is bound
        if "http_client" in options:
            return WithalloClient(base_url=self.base_url, **options)
        return _with_direct_http(FakeWithalloClient, httpx.Client(trust_env=False), base_url=self.base_url, **options)

    def async_client(self, **options: Any) -> AsyncWithalloClient:
        """An AsyncWithalloClient talking to this server over the socket, past any proxy (as `client()`)."""
        from withallo_ext._client import AsyncWithalloClient

        from ._clients import FakeAsyncWithalloClient

        options.setdefault("api_key", self.api_key)
        options.setdefault("allow_insecure_http", True)
        if "http_client" in options:
            return AsyncWithalloClient(base_url=self.base_url, **options)
        http = httpx.AsyncClient(trust_env=False)
        return _with_direct_http(FakeAsyncWithalloClient, http, base_url=self.base_url, **options)


_SdkClient = TypeVar("_SdkClient", bound="WithalloClient | AsyncWithalloClient")


def _with_direct_http(
    make: Callable[..., _SdkClient], http: httpx.Client | httpx.AsyncClient, **options: Any
) -> _SdkClient:
    """`make(http_client=http, **options)`, then `http` gets the timeouts the SDK checked (its own client's).

    If the options are refused, `http` is left to the garbage collector: it never opened a connection.
    """
    client = make(http_client=http, **options)
    http.timeout = client._timeout
    return client
