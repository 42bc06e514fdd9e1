"""RateLimitSnapshot.from_headers, which reads every answer's X-RateLimit-* headers in one pass over the raw
headers: what it makes of present, missing, repeated, oddly cased and non-numeric values."""

from __future__ import annotations

import httpx
import pytest

from withallo_ext import RateLimitSnapshot

NOW = 1_700_000_000.0
GOOD = [("X-RateLimit-Limit", "20"), ("X-RateLimit-Remaining", "19"), ("X-RateLimit-Reset", "1700000001")]


def test_the_three_headers_give_a_snapshot_of_the_methods_budget() -> None:
    headers = httpx.Headers([("Content-Type", "application/json"), *GOOD])
    assert RateLimitSnapshot.from_headers("GET", headers, now=NOW) == RateLimitSnapshot(
        "get", 20, 19, 1_700_000_001.0, NOW
    )
    assert RateLimitSnapshot.from_headers("POST", headers, now=NOW) == RateLimitSnapshot(
        "write", 20, 19, 1_700_000_001.0, NOW
    )


def test_header_names_match_in_any_case_and_values_may_be_padded_or_fractional() -> None:
    headers = httpx.Headers(
        [("x-ratelimit-limit", " 5 "), ("X-RATELIMIT-REMAINING", "0"), ("x-RateLimit-Reset", "1700000000.5")]
    )
    assert RateLimitSnapshot.from_headers("PUT", headers, now=NOW) == RateLimitSnapshot(
        "write", 5, 0, 1_700_000_000.5, NOW
    )


@pytest.mark.parametrize("missing", [0, 1, 2])
def test_any_header_missing_gives_none(missing: int) -> None:
    headers = httpx.Headers([pair for i, pair in enumerate(GOOD) if i != missing])
    assert RateLimitSnapshot.from_headers("GET", headers, now=NOW) is None


def test_no_rate_limit_headers_at_all_gives_none() -> None:
    assert RateLimitSnapshot.from_headers("GET", httpx.Headers({"Content-Length": "2"}), now=NOW) is None


def test_a_repeated_header_gives_none_even_when_both_values_agree() -> None:
    headers = httpx.Headers([*GOOD, ("X-RateLimit-Remaining", "19")])
    assert RateLimitSnapshot.from_headers("GET", headers, now=NOW) is None


@pytest.mark.parametrize("value", [b"five", b"", b"\xd9\xa3", b"1e400"])
def test_a_value_that_is_no_number_gives_none(value: bytes) -> None:
    raw = [(b"X-RateLimit-Limit", value), (b"X-RateLimit-Remaining", b"1"), (b"X-RateLimit-Reset", b"1700000001")]
    if value == b"1e400":  # a float that is infinite, in the reset
        raw = [(b"X-RateLimit-Limit", b"5"), (b"X-RateLimit-Remaining", b"1"), (b"X-RateLimit-Reset", value)]
    assert RateLimitSnapshot.from_headers("GET", httpx.Headers(raw), now=NOW) is None


def test_a_plain_mapping_is_read_too() -> None:
    headers = {"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "1700000001"}
    snapshot = RateLimitSnapshot.from_headers("GET", headers, now=NOW)  # type: ignore[arg-type]
    assert snapshot == RateLimitSnapshot("get", 20, 3, 1_700_000_001.0, NOW)
