"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

from .errors import SchemaMismatchError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"  # copy and pickle give back the one UNSET, so `value is UNSET` still holds


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def parse_datetime(value: str, *steps: str) -> datetime.datetime:
    """A date-time in any ISO 8601 form (`2024-01-10T09:00:00Z`, `20240110T0900`, `2024-01-10t09:00z`...), else a
    SchemaMismatchError at `steps`. Models try `datetime.fromisoformat` inline first: this is their fallback."""
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    from dateutil.parser import isoparse  # noqa: PLC0415 (rarely needed: fromisoformat reads the usual forms)

    try:
        return isoparse(value)
    except (ValueError, OverflowError):
        raise SchemaMismatchError("an ISO 8601 date-time string", value, *steps) from None


def parse_date(value: str, *steps: str) -> datetime.date:
    """A date in any ISO 8601 form (`2024-01-10`, `20240110`, `2024-W02-3`...), else a SchemaMismatchError."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    from dateutil.parser import isoparser  # noqa: PLC0415 (rarely needed: fromisoformat reads the usual forms)

    try:
        return isoparser().parse_isodate(value)
    except (ValueError, OverflowError):
        raise SchemaMismatchError("an ISO 8601 date string", value, *steps) from None


def unknown_fields(src_dict: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The members of `src_dict` a model does not declare (kept in its `additional_properties`)."""
    if known.issuperset(src_dict):
        return {}
    return {key: value for key, value in src_dict.items() if key not in known}


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "parse_date",
    "parse_datetime",
    "unknown_fields",
]
