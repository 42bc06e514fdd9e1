"""WebhookSender: signed webhook deliveries into the user's app in one line, what the `allo_webhooks` fixture gives.

It only adds the test's signing secret and the default path to `FakeAllo.deliver`, which makes the delivery (the
in-process call into the app is `_apps`). Its own module, so that `_apps` never needs FakeAllo.
"""

from __future__ import annotations

import datetime
from typing import Any

from ._apps import DEFAULT_PATH
from ._fake import FakeAllo


class WebhookSender:
    """Signed webhook deliveries into your app, in one line: what the `allo_webhooks` pytest fixture gives a test.

        def test_a_text_is_answered(allo_webhooks):
            assert allo_webhooks.deliver("SMS_RECEIVED", app=create_app()) == 200

    Each delivery is signed with `secret` (the `webhook_secret` fixture, also in WITHALLO_WEBHOOK_SECRET during the
    test) and recorded in `fake.deliveries`. `path` defaults to ``/webhooks/allo``.
    """

    def __init__(self, fake: FakeAllo, secret: str | None) -> None:
        self.fake = fake
        self.secret = secret

    def deliver(
        self,
        topic: Any,
        *,
        app: Any,
        path: str = DEFAULT_PATH,
        data: dict[str, Any] | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
    ) -> int | None:
        """Deliver a `topic` event (the spec's example unless `data`) into `app` at `path`; the status it answered."""
        return self.fake.deliver(
            topic, data=data, secret=self.secret, app=app, path=path, msg_id=msg_id, timestamp=timestamp
        )

    async def adeliver(
        self,
        topic: Any,
        *,
        app: Any,
        path: str = DEFAULT_PATH,
        data: dict[str, Any] | None = None,
        msg_id: str | None = None,
        timestamp: datetime.datetime | None = None,
    ) -> int | None:
        """`deliver` for async tests."""
        return await self.fake.adeliver(
            topic, data=data, secret=self.secret, app=app, path=path, msg_id=msg_id, timestamp=timestamp
        )

    def __repr__(self) -> str:
        return f"WebhookSender(signed={self.secret is not None})"  # never the secret
