"""Free-form JSON values (contacts.update's `extra` and `addresses`): checked to encode as strict JSON before sending.

httpx encodes a JSON body with `allow_nan=False` and UTF-8: a NaN, a set, a non-string key or a lone surrogate
would make it raise while sending, with an error that names no field. Here each is an InvalidParameterError naming
the path (`extra.address.lines[2]`). One walk, no json.dumps: the path is built only for a value refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from ._validate import encoding_fault
from .errors import InvalidParameterError

# Nesting allowed: deeper is refused, which also stops a value that contains itself (json.dumps would raise
# ValueError or RecursionError while sending).
JSON_DEPTH_MAX = 64
# A key shown as `.key` in an error's field path; any other key is shown as `[<repr, cut short>]`.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")


class _Refused(Exception):
    """A JSON value's fault, raised from where it is found; the path is built only then, on the way out."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        self.where: list[str] = []  # path segments, innermost first


def json_value(field: str, value: object) -> Any:
    """`value` as plain JSON data (dicts, lists, str, int, float, bool, None), checked to encode as strict JSON.

    Refused, naming the path (`extra.address.lines[2]`): NaN and infinities, a type JSON has no form for (set,
    bytes, datetime, object...), a key that is not a string, a lone surrogate in a string, nesting deeper than
    JSON_DEPTH_MAX. Mappings come back as dicts and tuples as lists: what is checked is what is sent.
    """
    try:
        return _json(value, 0)
    except _Refused as refused:
        raise InvalidParameterError(field + "".join(reversed(refused.where)), refused.rule) from None


def _json(value: object, depth: int) -> Any:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        fault = encoding_fault(value)
        if fault is not None:
            raise _Refused(fault)
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Refused(f"is {value}, which JSON cannot carry (only finite numbers)")
        return value
    if depth >= JSON_DEPTH_MAX:
        raise _Refused(f"is nested more than {JSON_DEPTH_MAX} levels deep (does it contain itself?)")
    if isinstance(value, Mapping):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Refused(f"has a key of type {type(key).__name__}: JSON keys are strings")
            try:
                result[_json(key, depth)] = _json(item, depth + 1)
            except _Refused as refused:
                refused.where.append(key_segment(key))
                raise
        return result
    if isinstance(value, list | tuple):
        items = []
        for i, item in enumerate(value):
            try:
                items.append(_json(item, depth + 1))
            except _Refused as refused:
                refused.where.append(f"[{i}]")
                raise
        return items
    raise _Refused(
        f"is of type {type(value).__name__}, which cannot be sent as JSON "
        "(use dicts with string keys, lists, str, int, finite float, bool or None)"
    )


def key_segment(key: str) -> str:
    """`key` in a field path: `.job` for a plain key, else `['a b']` (cut short; repr escapes what would not print)."""
    if _PLAIN_KEY.fullmatch(key):
        return f".{key}"
    return f"[{key[:40]!r}{'...' if len(key) > 40 else ''}]"
