"""Wire payloads and a runner that drives the same scenario through WithalloClient and AsyncWithalloClient."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx

from withallo_ext import AsyncWithalloClient, WithalloClient

KEY = "sk_test_TOPSECRET_4f9a"
BASE = "https://api.withallo.com/v1/api"
ALLO = "+14155550123"
CONTACT = "+14155550199"


def call_json(n: int) -> dict[str, Any]:
    return {
        "id": f"call_{n}",
        "from_number": CONTACT,
        "to_number": ALLO,
        "length_in_minutes": 1.5,
        "type": "INBOUND",
        "summary": None,
        "tag": None,
        "recording_url": None,
        "start_date": "2024-01-15T10:30:00Z",
    }


def contact_json(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"cnt_{n}", "name": "Jane", "last_name": "Doe", "numbers": [CONTACT], **extra}


def entry_json(n: int) -> dict[str, Any]:
    message = {
        "from_number": CONTACT,
        "to_number": ALLO,
        "type": "INBOUND",
        "content": f"hello {n}",
        "start_date": "2024-01-15T10:30:00",
    }
    return {"type": "TEXT_MESSAGE", "call": None, "message": message}


def page_json(results: list[Any], total: int | None, current: int | None, nesting: str = "nested") -> dict[str, Any]:
    """A search envelope with the metadata nested under `pagination`, flat, or absent (nesting="none")."""
    data: dict[str, Any] = {"results": results}
    if nesting == "nested":
        data["metadata"] = {"pagination": {"total_pages": total, "current_page": current}}
    elif nesting == "flat":
        data["metadata"] = {"total_pages": total, "current_page": current}
    return {"data": data}


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


class Runner:
    """Runs `scenario(client)` on a fresh sync or async client; awaits coroutines and drains iterators."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def __call__(self, scenario: Callable[[Any], Any], **options: Any) -> Any:
        options.setdefault("api_key", KEY)
        if self.mode == "sync":
            with WithalloClient(**options) as client:
                result = scenario(client)
                return list(result) if isinstance(result, Iterator) else result

        async def main() -> Any:
            async with AsyncWithalloClient(**options) as client:
                result = scenario(client)
                if inspect.isawaitable(result):
                    result = await result
                if isinstance(result, AsyncIterator):
                    result = [item async for item in result]
                return result

        return asyncio.run(main())
