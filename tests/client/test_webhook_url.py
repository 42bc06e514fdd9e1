"""`webhooks.create` refuses a plain http:// target beyond this machine before sending, sync and async: deliveries
carry transcripts and personal data, and the receiving recipe puts a secret token in the URL's path. https://,
loopback targets and a client built with `allow_insecure_http=True` go through."""

from __future__ import annotations

import pytest
import respx

from withallo_ext.errors import InvalidParameterError

from .helpers import ALLO, Runner, body_of

TOKEN = "tok_7Hq2LmX9secret"  # the path token: an error must not quote it
CREATED = {"id": "web-1", "alloNumber": ALLO, "enabled": True, "url": "-", "topics": ["PING"]}


@pytest.mark.parametrize(
    "url",
    [
        f"http://crm.example.com/webhooks/allo/{TOKEN}",
        f"HTTP://CRM.example.com:8080/webhooks/allo/{TOKEN}",
        f"http://10.0.0.5/webhooks/allo/{TOKEN}",
        f"http://0.0.0.0:8000/webhooks/allo/{TOKEN}",  # every interface, not loopback
        f"http://127.0.0.1.nip.io/webhooks/allo/{TOKEN}",  # a name that only looks local
    ],
)
def test_plain_http_beyond_this_machine_is_refused_before_sending(api: respx.MockRouter, run: Runner, url: str) -> None:
    route = api.post("/webhooks").respond(201, json={"data": CREATED})
    with pytest.raises(InvalidParameterError) as info:
        run(lambda c: c.webhooks.create(allo_number=ALLO, url=url, topics=["PING"]))
    assert info.value.field == "url"
    assert "plain http://" in str(info.value)
    assert "allow_insecure_http=True" in str(info.value)
    assert TOKEN not in str(info.value)
    assert not route.called
    assert api.calls.call_count == 0


@pytest.mark.parametrize(
    ("url", "options"),
    [
        ("https://crm.example.com/webhooks/allo/tok", {}),
        ("http://127.0.0.1:8000/webhooks/allo/tok", {}),
        ("http://localhost/webhooks/allo/tok", {}),
        ("http://[::1]:8000/webhooks/allo/tok", {}),
        ("http://crm.example.com/webhooks/allo/tok", {"allow_insecure_http": True}),
    ],
)
def test_https_loopback_and_allow_insecure_http_are_sent(
    api: respx.MockRouter, run: Runner, url: str, options: dict[str, bool]
) -> None:
    route = api.post("/webhooks").respond(201, json={"data": {**CREATED, "url": url}})
    webhook = run(lambda c: c.webhooks.create(allo_number=ALLO, url=url, topics=["PING"]), **options)
    assert route.call_count == 1
    assert body_of(route.calls.last.request) == {"allo_number": ALLO, "url": url, "topics": ["PING"], "enabled": True}
    assert webhook.url == url
