"""Test helpers for code that uses withallo: FakeAllo, an in-memory Allo you can run in-process or on a port.

    from withallo_ext.testing import FakeAllo

    fake = FakeAllo(seed=1)
    with fake.client() as client:                 # in-process, sync (fake.async_client() for async)
        client.sms.send(from_="+14155550123", to="+14155550199", message="Hi")
    assert fake.last_request.json["to"] == "+14155550199"

    with fake.serve() as server:                  # a real HTTP server on 127.0.0.1
        print(server.base_url, server.api_key)

With pytest, the `fake_allo` and `fake_allo_server` fixtures are available as soon as withallo is installed, and
`allo_webhooks` delivers signed webhook events into your own app: ``allo_webhooks.deliver("SMS_RECEIVED", app=app)``.
"""

from withallo_ext._ratelimit import RateLimits

from ._data import ACCOUNT_NUMBERS, DEFAULT_SENDER_IDS
from ._defaults import API_PATH, DEFAULT_API_KEY, DEFAULT_BASE_URL
from ._delivery import Delivery
from ._endpoint import ReceivedDelivery, WebhookEndpoint
from ._fake import FakeAllo
from ._faults import Fault
from ._ratelimits import FakeRateLimiter
from ._records import RecordedRequest
from ._reply import Reply
from ._scopes import ALL_SCOPES
from ._sender import WebhookSender
from ._server import FakeAlloServer

__all__ = [
    "ACCOUNT_NUMBERS",
    "ALL_SCOPES",
    "API_PATH",
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "DEFAULT_SENDER_IDS",
    "Delivery",
    "FakeAllo",
    "FakeAlloServer",
    "FakeRateLimiter",
    "Fault",
    "RateLimits",
    "ReceivedDelivery",
    "RecordedRequest",
    "Reply",
    "WebhookEndpoint",
    "WebhookSender",
]
