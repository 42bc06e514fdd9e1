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
from collections.abc import Callable, Mapping
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
    """A value does not have the type the model declares; the path to it is added step by step as the error unwinds,
    so a payload that fits builds no path strings."""

    def __init__(self, problem: str, *steps: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.steps = list(steps)  # innermost first: `.text`, `[0]`, `.transcriptions`

    def at(self, step: str) -> None:
        self.steps.append(step)

    def describe(self, root: str) -> str:
        return f"`{root}{''.join(reversed(self.steps))}` {self.problem}"


def build_payload_model(topic: WebhookTopic, data: dict[str, Any]) -> WebhookPayload | None:
    """The generated model for `data`, or None for a topic this version has no model for."""
    cls = _MODEL_BY_TOPIC.get(topic)
    if cls is None:
        return None
    model: Any = cls  # mypy reads attrs' `__hash__ = None` (for instances) as the class object's own
    try:
        return cls.from_dict(_conformer(model)(data))
    except _Mismatch as exc:
        raise InvalidWebhookPayloadError(f"{topic} payload: {exc.describe('data')}") from None
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


def _accepted(tp: Any) -> tuple[tuple[type, ...], bool]:
    """The classes a value of the JSON kind `tp` stands for is an instance of (not looking inside objects and arrays),
    and whether a boolean counts (`bool` subclasses `int`, yet a boolean is not a number)."""
    origin = typing.get_origin(tp) or tp
    if tp is Any:
        return (object,), True
    if tp is type(None):
        return (type(None),), True
    if origin is list:
        return (list,), True
    if origin is dict or _is_model(tp):
        return (dict,), True
    if tp is bool:
        return (bool,), True
    if tp is int:
        return (int,), False
    if tp is float:
        return (int, float), False
    if tp is str or tp is datetime.datetime or (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return (str,), True
    return (object,), True  # a type this check does not know: leave it to from_dict


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


_Conform = Callable[[Any], Any]
"""Checks a value against one annotation and returns it with date-times rewritten to `isoformat()`; raises _Mismatch."""

_Arm = tuple[tuple[type, ...], bool, _Conform | None]
"""One arm of an annotation's union: the classes it accepts, whether booleans count, and its rewrite (None: as is)."""


@functools.cache
def _conformer(tp: Any) -> _Conform:
    """The check for `tp`, analysed once per annotation: a union's first accepting arm decides how a value is read."""
    union = _union_arms(tp)
    arms = [_arm(arm) for arm in (union if union is not None else (tp,))]
    if all(rewrite is None for _, _, rewrite in arms):  # nothing to rewrite: one isinstance check decides
        classes = tuple(dict.fromkeys(cls for accepted, _, _ in arms for cls in accepted))
        arms = [(classes, any(isinstance(True, accepted) and booleans for accepted, booleans, _ in arms), None)]
    expected = f"must be {_describe(tp)}"

    def conform(value: Any) -> Any:
        for accepted, booleans, rewrite in arms:
            if isinstance(value, accepted) and (booleans or not isinstance(value, bool)):
                return value if rewrite is None else rewrite(value)
        raise _Mismatch(f"{expected}, got {_kind(value)}")

    return conform


def _arm(tp: Any) -> _Arm:
    accepted, booleans = _accepted(tp)
    rewrite: _Conform | None = None
    if tp is datetime.datetime:
        rewrite = _conform_datetime
    elif typing.get_origin(tp) is list:
        (item_type,) = typing.get_args(tp) or (Any,)
        rewrite = functools.partial(_conform_list, _conformer(item_type))
    elif _is_model(tp):
        rewrite = functools.partial(_conform_model, tp)  # its fields are analysed on first use: models may nest
    return accepted, booleans, rewrite


def _conform_datetime(value: str) -> str:
    try:
        return parse_datetime(value).isoformat()
    except (ValueError, OverflowError):
        raise _Mismatch(f"must be an ISO 8601 date-time, got {value[:64]!r}") from None


def _conform_list(conform_item: _Conform, value: list[Any]) -> list[Any]:
    out: list[Any] = []
    for index, item in enumerate(value):
        try:
            out.append(conform_item(item))
        except _Mismatch as exc:
            exc.at(f"[{index}]")
            raise
    return out


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, _Conform, bool], ...]:
    """Per field of the model `cls` that `__init__` takes: its wire name, its check, and whether it is required."""
    hints = _hints(cls)
    return tuple(
        (_wire_name(field.name), _conformer(hints[field.name]), field.default is attrs.NOTHING)
        for field in attrs.fields(cls)
        if field.init  # not additional_properties
    )


def _conform_model(cls: type, value: dict[str, Any]) -> dict[str, Any]:
    out = dict(value)  # unknown fields pass through to `additional_properties`
    aliases: dict[str, str] | None = None  # built only when a field is missing in snake_case
    for wire, conform, required in _fields(cls):
        key = wire
        if wire not in value:
            aliases = camel_case_aliases(value) if aliases is None else aliases
            alias = aliases.get(wire)
            if alias is None:
                if required:
                    raise _Mismatch("is missing", f".{wire}")
                continue
            key = alias
            del out[key]  # an alias is consumed: it must not also land in `additional_properties`
        try:
            out[wire] = conform(value[key])
        except _Mismatch as exc:
            exc.at(f".{key}")
            raise
    return out
