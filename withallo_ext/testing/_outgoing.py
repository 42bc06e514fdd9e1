"""The webhooks a FakeAllo sends: `deliver`/`adeliver` POST an event to a URL or into an app, as Allo does, and
remember each delivery.

FakeAllo inherits this; the delivery's bytes and signature come from `_delivery`, the in-process call into a WSGI or
ASGI app from `_apps`.
"""

from __future__ import annotations

import datetime
import threading
from typing import Any

import httpx

from ._apps import DEFAULT_PATH, apost_to_app, delivery_target, post_to_app
from ._delivery import Delivery, build_delivery
from ._loopback import is_loopback


class WebhookDeliveries:
    """Webhook deliveries out of the fake, and the record of them (`deliveries`)."""

    def __init__(self) -> None:
        self._deliveries: list[Delivery] = []
        self._deliveries_lock = threading.Lock()

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook delivery made by `deliver`, oldest first (a copy)."""
        with self._deliveries_lock:
            return list(self._deliveries)

    def deliver(
        self,
        topic: Any,
        url: str | None = None,
        data: dict[str, Any] | None = None,
        secret: str | bytes | None = None,
        *,
        app: Any = None,
        path: str | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 10.0,
    ) -> int | None:
        """POST a `topic` event to `url`, or into your `app` in-process, as Allo does; returns the status answered.

        `data` defaults to the spec's example payload for the topic. With `secret` (`whsec_...`) the delivery is
        signed with Standard Webhooks headers. `app` (a WSGI app such as Flask or Django, or an ASGI app such as
        FastAPI) is called in-process at `path` (default ``/webhooks/allo``), with no server; `transport` is the
        lower-level way to the same. Returns None when `url` could not be reached or did not answer in `timeout`.
        A loopback `url` (a WebhookEndpoint, say) is reached directly, whatever HTTP(S)_PROXY says.
        """
        target = delivery_target(url, app, path, transport)
        name, headers, body = build_delivery(topic, data, secret, msg_id=msg_id, timestamp=timestamp)
        status: int | None
        if app is not None:
            status = post_to_app(app, path or DEFAULT_PATH, headers, body, timeout)
        else:
            try:
                with httpx.Client(transport=transport, timeout=timeout, trust_env=not is_loopback(target)) as http:
                    status = http.post(target, content=body, headers=headers).status_code
            except httpx.TransportError:
                status = None
        return self._delivered(Delivery(name, target, headers, body, status))

    async def adeliver(
        self,
        topic: Any,
        url: str | None = None,
        data: dict[str, Any] | None = None,
        secret: str | bytes | None = None,
        *,
        app: Any = None,
        path: str | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - the HTTP timeout of the delivery, passed to httpx
    ) -> int | None:
        """`deliver` for async code: `app` is typically an ASGI app (FastAPI); a WSGI one runs in a worker thread."""
        target = delivery_target(url, app, path, transport)
        name, headers, body = build_delivery(topic, data, secret, msg_id=msg_id, timestamp=timestamp)
        status: int | None
        if app is not None:
            status = await apost_to_app(app, path or DEFAULT_PATH, headers, body, timeout)
        else:
            try:
                async with httpx.AsyncClient(
                    transport=transport, timeout=timeout, trust_env=not is_loopback(target)
                ) as http:
                    status = (await http.post(target, content=body, headers=headers)).status_code
            except httpx.TransportError:
                status = None
        return self._delivered(Delivery(name, target, headers, body, status))

    def _delivered(self, delivery: Delivery) -> int | None:
        with self._deliveries_lock:
            self._deliveries.append(delivery)
        return delivery.status
