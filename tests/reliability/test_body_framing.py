"""What the bounded read (`withallo_ext._limits.read`) takes from an answer's headers, read in one pass over them:
the Content-Length it may refuse early, and whether the body is compressed (then fed to the decoder in pieces).

Every answer here is built in memory (no socket): each test asserts what `read` did with it (refused it, naming
the announced length, or read it whole; the stream it decoded from), for the header shapes a hostile or odd
server may send: several Content-Length or Content-Encoding headers, mixed case, padding, a 5,000-digit length.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import httpx
import pytest

from withallo_ext import _limits
from withallo_ext.errors import ResponseTooLargeError

URL = "https://api.example.test/v1/api/numbers"


class _Unread(httpx.SyncByteStream):
    """A body that fails the test if anything reads it."""

    def __iter__(self) -> Iterator[bytes]:
        raise AssertionError("the body was read")


def _answer(headers: list[tuple[str, str]] | list[tuple[bytes, bytes]], body: bytes | None = None) -> httpx.Response:
    stream: httpx.SyncByteStream = _Unread() if body is None else httpx.ByteStream(body)
    return httpx.Response(200, headers=headers, stream=stream, request=httpx.Request("GET", URL))


def _read(response: httpx.Response, limit: int = 1000) -> bytes:
    _limits.read(response, limit, _limits.Deadline(None))
    return response.content


def test_a_content_length_over_the_limit_is_refused_unread_and_named() -> None:
    with pytest.raises(ResponseTooLargeError) as caught:
        _read(_answer([("Content-Length", "1001")]))
    assert "Content-Length 1001" in str(caught.value)


def test_a_content_length_at_the_limit_is_read() -> None:
    assert _read(_answer([("content-length", "1000")], b"x" * 1000)) == b"x" * 1000


def test_two_content_lengths_are_not_trusted_but_the_bytes_are_still_counted() -> None:
    # httpx would join them ("5, 5000"): no single number to refuse early on; the count still stops the body
    headers = [("Content-Length", "5"), ("Content-Length", "5000")]
    assert _read(_answer(headers, b"12345")) == b"12345"
    with pytest.raises(ResponseTooLargeError) as caught:
        _read(_answer(headers, b"y" * 1001))
    assert "Content-Length" not in str(caught.value)


@pytest.mark.parametrize("value", ["9" * 5000, "-1", "12abc", " ", "1e9", "\u0661\u0662"])
def test_a_length_that_is_not_one_plain_number_is_not_refused_early_nor_an_error(value: str) -> None:
    # 5,000 digits: int() refuses strings that long (ValueError); it must not escape, the bytes are counted instead
    headers = [(b"Content-Length", value.encode())]  # UTF-8 digits too
    assert _read(_answer(headers, b"{}")) == b"{}"
    with pytest.raises(ResponseTooLargeError):
        _read(_answer(headers, b"z" * 1001))


@pytest.mark.parametrize(
    ("encodings", "compressed"),
    [
        ([], False),
        (["identity"], False),
        (["IDENTITY "], False),
        ([""], False),
        (["identity", "identity"], False),
        (["gzip"], True),
        (["GZip "], True),
        (["identity", "gzip"], True),
        (["identity, gzip"], True),
        (["br"], True),  # unknown to the decoder or not: anything but identity is fed in pieces
    ],
)
def test_the_content_encoding_decides_whether_the_body_is_fed_to_the_decoder_in_pieces(
    encodings: list[str], compressed: bool
) -> None:
    response = _answer([("Content-Encoding", value) for value in encodings])
    assert _limits._framing(response) == (None, compressed)


def test_a_gzip_body_in_mixed_case_is_decoded_from_pieces_and_counted_after_inflating() -> None:
    body = b'{"data": []}' * 50  # 600 bytes inflated, far fewer compressed
    response = _answer([("Content-Encoding", "GZip ")], gzip.compress(body))
    assert _read(response) == body
    assert isinstance(response.stream, _limits._SyncPieces)
    with pytest.raises(ResponseTooLargeError):
        _read(_answer([("Content-Encoding", "GZip ")], gzip.compress(body)), limit=599)
