"""The sync client's call deadline inside each socket operation: an httpcore network backend that clamps timeouts.

The async sender bounds each attempt with a cancel scope. A sync call has nothing that can interrupt it, and httpx
gives every socket read the whole read timeout: a server dripping its status line and headers a byte per (timeout
- ε) could hold the call for a timeout per byte, up to h11's 16 KiB of headers. Here every connect, TLS handshake,
write and read of the SDK's own httpx.Client waits at most until the deadline of the call running in this thread
(`_limits.sync_deadline`, set by the SyncSender for the length of each call); once it has passed, the operation
raises httpcore's ConnectTimeout / WriteTimeout / ReadTimeout at once, which httpx maps and the sender reports as
the deadline (ApiTimeoutError). Outside a call (no deadline set) the timeouts pass through unchanged.

httpx 0.28 takes no network backend, so `install` wraps the one httpcore gave each of the client's transports (the
direct one and the proxies read from the environment), keeping httpx's own TLS, proxy, limits and HTTP/1.1 set-up.
It relies on four private names, each pinned by tests/reliability/test_sync_deadline.py: httpx.Client._transport
and ._mounts, HTTPTransport._pool, and httpcore's ConnectionPool._network_backend (read when a connection is made).
A user's own `http_client` is never touched: their client's timeouts are theirs (see README, "Security").
"""

from __future__ import annotations

import ssl
import typing

import httpcore
import httpx

from . import _limits


def _clamped(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    """`timeout` lowered to the time the running call has left; `error` when none is left."""
    at = _limits.sync_deadline.get()
    if at is None:
        return timeout
    left = at - _limits.monotonic()
    if left <= 0:
        raise error("the call's deadline passed")
    return left if timeout is None or left < timeout else timeout


class DeadlineStream(httpcore.NetworkStream):
    """A connection's stream whose every wait ends by the running call's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        # CPython bounds a whole handshake by the socket's timeout (not each of its reads), so clamping it suffices.
        timeout = _clamped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, its connections' streams wrapped in DeadlineStream."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self.wrapped = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _clamped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self.wrapped.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: typing.Iterable[typing.Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _clamped(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self.wrapped.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self.wrapped.sleep(seconds)


def pools(http: httpx.Client) -> list[httpcore.ConnectionPool]:
    """The httpcore pools behind an httpx.Client made by httpx itself: its direct transport's, and each proxy's."""
    transports = [http._transport, *http._mounts.values()]
    return [t._pool for t in transports if isinstance(t, httpx.HTTPTransport)]


def install(http: httpx.Client) -> None:
    """Give every connection the SDK's own httpx.Client opens from now on the running call's deadline."""
    for pool in pools(http):
        backend = pool._network_backend
        if not isinstance(backend, DeadlineBackend):
            pool._network_backend = DeadlineBackend(backend)
