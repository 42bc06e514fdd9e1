"""Turn a webhook's `data` into the generated payload model for its topic, or a clear InvalidWebhookPayloadError.

The generated `from_dict` methods trust their input: a missing `id` is a KeyError, a number where a date is expected
a TypeError, a string where a list is expected slips through. So the data is first checked against the model's own
type hints (read from the generated classes, so a regenerated model is checked without any change here), and
date-times in any ISO 8601 form are rewritten into one `datetime.fromisoformat` reads.

The spec's payloads are snake_case, but one crawl of Allo's guide showed camelCase keys (`startDate`, `fromNumber`):
a camelCase key stands for the snake_case field it converts to, at any depth, unless the snake_case key is there too.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
from dateutil.parser import isoparse

import withallo_client.models as _models
from withallo_client.models import CallReceivedPayload, ContactPayload, PingPayload, SmsPayload
from withallo_client.models.webhook_topic import WebhookTopic
from withallo_client.types import Unset

from .errors import InvalidWebhookPayloadError

WebhookPayload = CallReceivedPayload | SmsPayload | ContactPayload | PingPayload
"""The generated model of a known topic's `data`."""

_MODEL_BY_TOPIC: dict[WebhookTopic, type[WebhookPayload]] = {
    WebhookTopic.CALL_RECEIVED: CallReceivedPayload,
    WebhookTopic.SMS_RECEIVED: SmsPayload,
    WebhookTopic.SMS_SENT: SmsPayload,
    WebhookTopic.CONTACT_CREATED: ContactPayload,
    WebhookTopic.CONTACT_UPDATED: ContactPayload,
    WebhookTopic.PING: PingPayload,
}


class _Mismatch(Exception):
    """A value does not have the type the model declares; `path` says where."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"`{path}` {problem}")


def build_payload_model(topic: WebhookTopic, data: dict[str, Any]) -> WebhookPayload | None:
    """The generated model for `data`, or None for a topic this version has no model for."""
    cls = _MODEL_BY_TOPIC.get(topic)
    if cls is None:
        return None
    try:
        return cls.from_dict(_conform(cls, data, "data"))
    except _Mismatch as exc:
        raise InvalidWebhookPayloadError(f"{topic} payload: {exc}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a gap in the check above; still a bad payload
        raise InvalidWebhookPayloadError(f"{topic} payload does not fit {cls.__name__}: {exc!r}") from exc


def parse_datetime(value: str) -> datetime.datetime:
    """Any ISO 8601 date-time: what `fromisoformat` reads, plus what dateutil adds (`t`/`z`, ordinal dates, 24:00)."""
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return isoparse(value)


_WORD_BOUNDARIES = (re.compile(r"([A-Z]+)([A-Z][a-z])"), re.compile(r"([a-z0-9])([A-Z])"))


@functools.lru_cache(maxsize=4096)  # bounded: keys come from the network
def snake_case(key: str) -> str:
    """`startDate` -> `start_date`, `recordingURL` -> `recording_url`; a snake_case key comes back unchanged."""
    for boundary in _WORD_BOUNDARIES:
        key = boundary.sub(r"\1_\2", key)
    return key.lower()


def camel_case_aliases(value: Mapping[str, Any]) -> dict[str, str]:
    """snake_case name -> the key of `value` that spells it otherwise (`start_date` -> `startDate`), for the names
    `value` lacks in snake_case; the first such key wins."""
    aliases: dict[str, str] = {}
    for key in value:
        name = snake_case(key)
        if name != key and name not in value:
            aliases.setdefault(name, key)
    return aliases


def field_value(value: Mapping[str, Any], name: str) -> Any:
    """`value[name]`, else the value of its camelCase alias (`fromNumber` for `from_number`), else None."""
    if name in value:
        return value[name]
    alias = camel_case_aliases(value).get(name)
    return None if alias is None else value[alias]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # The generated modules import nested models only under TYPE_CHECKING; the models package supplies them,
    # loading only the ones these annotations name (the package imports each model on first access).
    named = {
        word
        for klass in cls.__mro__
        for annotation in vars(klass).get("__annotations__", {}).values()
        for word in _NAME.findall(str(annotation))
    }
    localns = {name: getattr(_models, name) for name in named & _MODEL_NAMES}
    return typing.get_type_hints(cls, localns=localns)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MODEL_NAMES = frozenset(_models.__all__)


def _wire_name(field_name: str) -> str:
    # openapi-python-client renames only wire names that clash with Python (`type` -> `type_`).
    return field_name[:-1] if field_name.endswith("_") else field_name


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _union_arms(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(arm for arm in typing.get_args(tp) if arm is not Unset)
    return None


def _accepts(tp: Any, value: Any) -> bool:
    """Whether `value` has the JSON kind `tp` stands for (not looking inside objects and arrays)."""
    arms = _union_arms(tp)
    if arms is not None:
        return any(_accepts(arm, value) for arm in arms)
    origin = typing.get_origin(tp) or tp
    if tp is Any:
        return True
    if tp is type(None):
        return value is None
    if origin is list:
        return isinstance(value, list)
    if origin is dict or _is_model(tp):
        return isinstance(value, dict)
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is str or tp is datetime.datetime or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return isinstance(value, str)
    return True  # a type this check does not know: leave it to from_dict


def _describe(tp: Any) -> str:
    arms = _union_arms(tp)
    if arms is not None:
        return " or ".join(_describe(arm) for arm in arms)
    origin = typing.get_origin(tp) or tp
    names: dict[Any, str] = {
        type(None): "null",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        datetime.datetime: "an ISO 8601 date-time string",
        list: "an array",
        dict: "an object",
    }
    if origin in names:
        return names[origin]
    if _is_model(tp):
        return "an object"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "a string"
    return getattr(tp, "__name__", str(tp))


def _kind(value: Any) -> str:
    """The JSON name of `value`'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _conform(tp: Any, value: Any, path: str) -> Any:
    """`value` checked against `tp`, with date-times rewritten to `isoformat()`; raises _Mismatch."""
    arms = _union_arms(tp)
    if arms is not None:
        arm = next((arm for arm in arms if _accepts(arm, value)), None)
        if arm is None:
            raise _Mismatch(path, f"must be {_describe(tp)}, got {_kind(value)}")
        return _conform(arm, value, path)
    if not _accepts(tp, value):
        raise _Mismatch(path, f"must be {_describe(tp)}, got {_kind(value)}")
    if tp is datetime.datetime:
        try:
            return parse_datetime(value).isoformat()
        except (ValueError, OverflowError):
            raise _Mismatch(path, f"must be an ISO 8601 date-time, got {value[:64]!r}") from None
    if typing.get_origin(tp) is list:
        (item_type,) = typing.get_args(tp) or (Any,)
        return [_conform(item_type, item, f"{path}[{i}]") for i, item in enumerate(value)]
    if _is_model(tp):
        return _conform_model(tp, value, path)
    return value


def _conform_model(cls: type, value: dict[str, Any], path: str) -> dict[str, Any]:
    out = dict(value)  # unknown fields pass through to `additional_properties`
    hints = _hints(cls)
    aliases: dict[str, str] | None = None  # built only when a field is missing in snake_case
    for field in attrs.fields(cls):
        if not field.init:  # additional_properties
            continue
        wire = _wire_name(field.name)
        key: str | None = wire
        if wire not in value:
            aliases = camel_case_aliases(value) if aliases is None else aliases
            key = aliases.get(wire)
        if key is not None:
            conformed = _conform(hints[field.name], value[key], f"{path}.{key}")
            out.pop(key)  # an alias is consumed: it must not also land in `additional_properties`
            out[wire] = conformed
        elif field.default is attrs.NOTHING:
            raise _Mismatch(f"{path}.{wire}", "is missing")
    return out
