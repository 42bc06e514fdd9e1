"""Turn a webhook's `data` into the generated payload model for its topic, or a clear InvalidWebhookPayloadError.

The generated `from_dict` checks every field against the spec (templates/model.py.jinja) and raises
SchemaMismatchError with the JSON path; this module only names the topic and maps the error.

The spec's payloads are snake_case, but one crawl of Allo's guide showed camelCase keys (`startDate`, `fromNumber`):
when the payload does not fit as sent (a required field is missing, or a top-level key is a camelCase spelling of a
field), each camelCase key stands for the snake_case key it converts to, at any depth, unless that key is there
too; an error then names the keys as they were sent (`data.ivrResult[1].dtmfKey`).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from withallo_client.errors import SchemaMismatchError
from withallo_client.models.webhook_topic import WebhookTopic

from ..errors import InvalidWebhookPayloadError

if TYPE_CHECKING:
    from withallo_client.models import CallReceivedPayload, ContactPayload, PingPayload, SmsPayload

WebhookPayload: TypeAlias = "CallReceivedPayload | SmsPayload | ContactPayload | PingPayload"
"""The generated model of a known topic's `data`."""

# Filled on first use by _models(): the models and attrs are most of what importing the receiver would cost
# (about 40 ms of `from withallo_ext import WebhookReceiver`), and an endpoint may never read `event.model`.
_MODEL_BY_TOPIC: dict[WebhookTopic, type[WebhookPayload]] = {}


def _models() -> dict[WebhookTopic, type[WebhookPayload]]:
    """The payload model of each known topic, the generated models imported the first time."""
    global _MODEL_BY_TOPIC
    if not _MODEL_BY_TOPIC:
        from withallo_client.models import CallReceivedPayload, ContactPayload, PingPayload, SmsPayload

        _MODEL_BY_TOPIC = {  # assigned whole: another thread sees it empty or complete
            WebhookTopic.CALL_RECEIVED: CallReceivedPayload,
            WebhookTopic.SMS_RECEIVED: SmsPayload,
            WebhookTopic.SMS_SENT: SmsPayload,
            WebhookTopic.CONTACT_CREATED: ContactPayload,
            WebhookTopic.CONTACT_UPDATED: ContactPayload,
            WebhookTopic.PING: PingPayload,
        }
    return _MODEL_BY_TOPIC


def build_payload_model(topic: WebhookTopic, data: dict[str, Any]) -> WebhookPayload | None:
    """The generated model for `data`, or None for a topic this version has no model for."""
    cls = (_MODEL_BY_TOPIC or _models()).get(topic)
    if cls is None:
        return None
    model: Any = cls  # mypy reads attrs' `__hash__ = None` (for instances) as the class object's own
    try:
        parsed: WebhookPayload = model.from_dict(data)
    except SchemaMismatchError as exc:
        if not camel_case_aliases(data):
            raise InvalidWebhookPayloadError(f"{topic} payload: {_as_sent(exc, data)}") from None
    else:
        if not parsed.additional_properties or not camel_case_aliases(data):
            return parsed
    try:
        return model.from_dict(snake_case_keys(data))  # type: ignore[no-any-return]
    except SchemaMismatchError as exc:
        raise InvalidWebhookPayloadError(f"{topic} payload: {_as_sent(exc, data)}") from None
    except RecursionError:  # renaming walks every level: a hostile payload may nest deeper than the stack allows
        raise InvalidWebhookPayloadError(f"{topic} payload is nested too deeply") from None


def _as_sent(exc: SchemaMismatchError, data: Any) -> str:
    """The error's message with its path spelt as in `data` (`data.startDate`, not `data.start_date`)."""
    path = "data"
    value = data
    for step in exc.steps:
        if step.startswith("["):
            value = value[int(step[1:-1])] if isinstance(value, list) else None
            path += step
            continue
        name = step[1:]
        if isinstance(value, Mapping) and name not in value:
            name = camel_case_aliases(value).get(name, name)
        value = value.get(name) if isinstance(value, Mapping) else None
        path += f".{name}"
    message = str(exc)
    return message.replace(f"`{exc.path}`", f"`{path}`", 1) if exc.steps else f"`data` {message}"


_WORD_BOUNDARIES = (re.compile(r"([A-Z]+)([A-Z][a-z])"), re.compile(r"([a-z0-9])([A-Z])"))


@functools.lru_cache(maxsize=4096)  # bounded: keys come from the network
def snake_case(key: str) -> str:
    """`startDate` -> `start_date`, `recordingURL` -> `recording_url`; a snake_case key comes back unchanged."""
    for boundary in _WORD_BOUNDARIES:
        key = boundary.sub(r"\1_\2", key)
    return key.lower()


def camel_case_aliases(value: Mapping[str, Any]) -> dict[str, str]:
    """snake_case name -> the key of `value` that spells it otherwise (`start_date` -> `startDate`), for the field
    names of the payload models that `value` lacks in snake_case; the first such key wins."""
    aliases: dict[str, str] = {}
    declared = _declared_names()
    for key in value:
        name = snake_case(key)
        if name != key and name not in value and name in declared:
            aliases.setdefault(name, key)
    return aliases


@functools.cache
def _declared_names() -> frozenset[str]:
    """The wire names of every field of the payload models and the models nested in them (a camelCase key that
    spells none of them is an unknown field, kept as sent). Nested models are the ones each generated model's
    module imports; `type_` is the wire name `type`."""
    import attrs  # loaded by the models already; imported here so that importing this module does not load it

    names: set[str] = set()
    seen: set[type] = set()
    todo: list[type] = list(_models().values())
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        names.update(field.name.removesuffix("_") for field in attrs.fields(cls) if field.init)
        todo.extend(v for v in vars(sys.modules[cls.__module__]).values() if isinstance(v, type) and attrs.has(v))
    return frozenset(names)


def snake_case_keys(value: Any) -> Any:
    """`value` with each camelCase key renamed to its snake_case form where that key is absent, at any depth."""
    if isinstance(value, list):
        return [snake_case_keys(item) for item in value]
    if not isinstance(value, Mapping):
        return value
    aliases = {key: name for name, key in camel_case_aliases(value).items()}
    return {aliases.get(key, key): snake_case_keys(item) for key, item in value.items()}
