"""`client.contacts.search(size=100)` versus a bare httpx GET /contacts?size=100 + json.loads: target <= 1.50."""

from __future__ import annotations

from ._harness import Result, Settings
from ._sync_http import sync_http_benchmark


def run(settings: Settings) -> Result:
    return sync_http_benchmark(
        settings,
        name="contacts.search(size=100) vs httpx GET + json.loads",
        target=1.50,
        sdk_call=lambda client: client.contacts.search(size=100),
        path="/contacts",
        params={"page": 0, "size": 100},
        contacts=100,
        calls=40,
    )
