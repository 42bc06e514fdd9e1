"""`client.phone_numbers.list()` versus a bare httpx GET /numbers + json.loads: target median ratio <= 1.10."""

from __future__ import annotations

from ._harness import Result, Settings
from ._sync_http import sync_http_benchmark


def run(settings: Settings) -> Result:
    return sync_http_benchmark(
        settings,
        name="phone_numbers.list() vs httpx GET + json.loads",
        target=1.10,
        sdk_call=lambda client: client.phone_numbers.list(),
        path="/numbers",
        calls=300,
    )
