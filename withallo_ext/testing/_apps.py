"""Webhook deliveries into your own web app, in-process: a WSGI app (Flask, Django) or an ASGI app (FastAPI,
Starlette, Django's ASGI handler) gets the very request Allo would send, with no server and no port.

`FakeAllo.deliver(topic, app=..., path=...)` and `adeliver` use this; `WebhookSender` (`_sender`, the `allo_webhooks`
pytest fixture) adds the test's signing secret. The kind of app is told by its call: an ``async def __call__(scope,
receive, send)`` is ASGI, anything else WSGI. Sync code can deliver to an ASGI app (run on an event loop of its own,
in a worker thread when one is already running) and async code to a WSGI app (in a worker thread). As with the
frameworks' test clients, an exception your app lets out propagates, and ASGI lifespan (startup/shutdown) events are
not sent.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping
from typing import Any

import httpx

APP_ORIGIN = "http://testserver"
"""The origin of an in-process delivery's URL (the Host your app sees), as the frameworks' test clients use."""

DEFAULT_PATH = "/webhooks/allo"


def is_asgi(app: object) -> bool:
    """True when `app` is an ASGI application (a coroutine function or an object whose ``__call__`` is one)."""
    method = getattr(app, "__call__", None)  # noqa: B004 - the method itself is inspected, not callability
    return inspect.iscoroutinefunction(app) or inspect.iscoroutinefunction(method)


def app_url(path: str) -> str:
    """The URL an in-process delivery is POSTed to; ValueError for a path that is not absolute."""
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError(f"path: must start with '/', got {path!r}")
    return APP_ORIGIN + path


def delivery_target(url: str | None, app: object, path: str | None, transport: object) -> str:
    """Where a `FakeAllo.deliver` goes: `url`, or the in-process URL of `app` at `path`; ValueError for a mix."""
    if app is not None:
        if url is not None or transport is not None:
            raise ValueError("app: give either app= (with path=) or a url (with transport=), not both")
        return app_url(path or DEFAULT_PATH)
    if path is not None:
        raise ValueError("path: goes with app=; for a url, put the path in the url")
    if not isinstance(url, str) or not url:
        raise ValueError("url: give the endpoint's URL, or app= to deliver into your app in-process")
    return url


def post_to_app(app: Any, path: str, headers: Mapping[str, str], body: bytes, timeout: float) -> int:
    """POST `body` to `app` at `path` from sync code; the status the app answered."""
    url = app_url(path)
    if not is_asgi(app):
        with httpx.Client(transport=httpx.WSGITransport(app=app), timeout=timeout) as http:
            return http.post(url, content=body, headers=headers).status_code
    # Imported here, as in apost_to_app: only a delivery into an ASGI app (or into a WSGI one from async code) needs
    # an event loop library, and `import withallo_ext.testing` stays without them (11M fewer instructions).
    import concurrent.futures

    import anyio
    import sniffio

    call = functools.partial(_post_to_asgi, app, url, headers, body, timeout)
    try:
        sniffio.current_async_library()
    except sniffio.AsyncLibraryNotFoundError:  # no event loop in this thread (asyncio or trio): run one here
        return anyio.run(call)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="withallo-deliver") as pool:
        return pool.submit(anyio.run, call).result()  # this thread's loop is busy running our caller


async def apost_to_app(
    app: Any,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    timeout: float,  # noqa: ASYNC109 - the HTTP timeout of the delivery, passed to httpx
) -> int:
    """POST `body` to `app` at `path` from async code; the status the app answered."""
    if is_asgi(app):
        return await _post_to_asgi(app, app_url(path), headers, body, timeout)
    import anyio.to_thread

    return await anyio.to_thread.run_sync(post_to_app, app, path, headers, body, timeout)


async def _post_to_asgi(
    app: Any,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    timeout: float,  # noqa: ASYNC109 - the HTTP timeout of the delivery, passed to httpx
) -> int:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), timeout=timeout) as http:
        return (await http.post(url, content=body, headers=headers)).status_code
