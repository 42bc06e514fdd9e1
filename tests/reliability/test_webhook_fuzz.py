"""Webhook fuzz: over 10,000 generated bodies through `parse`, `event.model` and `respond`.

Random bytes, the spec's example deliveries mutated byte by byte and field by field, deep nesting, huge strings
and numbers, and a wrong JSON type in every field of every example. What may come out: from `parse` an event or
InvalidWebhookPayloadError, from `event.model` a model, None or InvalidWebhookPayloadError (its documented error),
from `respond` a 200 or a 400, never an exception. Error messages stay short whatever the body held.
Hypothesis runs derandomized (the same bodies every run) and without its example database.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from withallo_ext import WebhookEvent, WebhookReceiver
from withallo_ext.errors import InvalidWebhookPayloadError

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "withallo.yaml"
MESSAGE_MAX = 500  # characters: an error message never echoes a huge body back

STRICT = WebhookReceiver()
LENIENT = WebhookReceiver(accept_unknown_topics=True)
LENIENT.on_any(lambda event: None)


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


@functools.cache
def spec_examples() -> dict[str, dict[str, Any]]:
    """topic -> the spec's example delivery (openapi/withallo.yaml, `webhooks:`)."""
    webhooks = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["webhooks"]
    return {
        topic: item["post"]["requestBody"]["content"]["application/json"]["example"] for topic, item in webhooks.items()
    }


def examples() -> list[dict[str, Any]]:
    return [copy.deepcopy(example) for example in spec_examples().values()]


def check(body: bytes | str) -> None:
    """The whole contract, for one body, through a strict and a lenient receiver."""
    modelled = False
    for receiver in (STRICT, LENIENT):
        problem = None
        try:
            event = receiver.parse(body)
        except InvalidWebhookPayloadError as exc:
            problem = str(exc)
        else:
            if not modelled:  # both receivers parse a body they both accept into the same event
                check_event(event)
                modelled = True
        assert problem is None or len(problem) <= MESSAGE_MAX
        answer = receiver.respond(body)
        assert answer.status in (200, 400), answer
        assert (answer.status == 400) == isinstance(answer.error, InvalidWebhookPayloadError)


def check_event(event: WebhookEvent) -> None:
    assert isinstance(event.data, dict)
    assert isinstance(event.raw, dict)
    problem: str | None = None
    try:
        model = event.model
    except InvalidWebhookPayloadError as exc:
        problem = str(exc)
    else:
        assert model is None or type(model).__name__.endswith("Payload")
        assert model is None or model.additional_properties is not None
    assert problem is None or len(problem) <= MESSAGE_MAX, problem[:1000]


def test_the_spec_examples_themselves_parse_into_models() -> None:
    for example in examples():
        event = STRICT.parse(json.dumps(example))
        assert event.model is not None, example["topic"]


# -- strategies ---------------------------------------------------------------------------------------------------

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(["", "2026-11-20T14:03:12Z", "not a date", "+14155550123", "INBOUND", "9" * 30, "\u0000"])
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def field_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `node` (object keys and array indexes), the root excluded."""
    paths: list[tuple[Any, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        paths.append((*prefix, key))
        paths.extend(field_paths(child, (*prefix, key)))
    return paths


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(document)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def removed(document: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(document)
    node = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


def kind(value: Any) -> str:
    return "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__


EVERY_FIELD = [(index, path) for index, example in enumerate(examples()) for path in field_paths(example)]


@st.composite
def field_mutations(draw: st.DrawFn) -> bytes:
    """A spec example with one field replaced by a value of another JSON type, removed, or a key added."""
    index, path = draw(st.sampled_from(EVERY_FIELD))
    example = examples()[index]
    original: Any = example
    for key in path:
        original = original[key]
    how = draw(st.sampled_from(["wrong type", "wrong type", "wrong type", "remove", "add key"]))
    if how == "remove" and isinstance(path[-1], str):
        return json.dumps(removed(example, path)).encode()
    if how == "add key" and isinstance(original, dict):
        key = draw(st.text(max_size=12))
        return json.dumps(replaced(example, (*path, key), draw(json_values))).encode()
    value = draw(json_values.filter(lambda v: kind(v) != kind(original)))
    return json.dumps(replaced(example, path, value)).encode()


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    """A spec example's bytes with a few bytes flipped, inserted or deleted."""
    body = bytearray(json.dumps(draw(st.sampled_from(examples()))).encode())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(body) - 1))
        how = draw(st.sampled_from(["flip", "insert", "delete"]))
        if how == "flip":
            body[at] = draw(st.integers(0, 255))
        elif how == "insert":
            body[at:at] = draw(st.binary(min_size=1, max_size=4))
        else:
            del body[at]
    return bytes(body)


@st.composite
def deep_nesting(draw: st.DrawFn) -> bytes:
    """Arrays or objects nested up to 100,000 deep, as the body, as `data`, or inside a field of `data`."""
    depth = draw(st.integers(1, 100_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    nested = opener * depth + "1" + closer * depth
    example = draw(st.sampled_from(examples()))
    where = draw(st.sampled_from(["body", "data", "field"]))
    if where == "body":
        return nested.encode()
    if where == "data":
        return f'{{"topic": "{example["topic"]}", "data": {nested}}}'.encode()
    field = draw(st.sampled_from(sorted(example["data"]) or ["x"]))
    document = json.dumps({**example, "data": {**example["data"], field: "__NESTED__"}})
    return document.replace('"__NESTED__"', nested).encode()


@st.composite
def huge_values(draw: st.DrawFn) -> bytes:
    """The topic, a field of `data` or an unknown key holding up to 4 MB of text, or a number of 20,000 digits."""
    example = draw(st.sampled_from(examples()))
    size = draw(st.integers(1_000, 4_000_000))
    number = draw(st.booleans())
    # A number past Python's 4,300-digit conversion limit cannot go through json.dumps: it is spliced in as text.
    big = "9" * min(size, 20_000) if number else draw(st.sampled_from(["x", "é", "\u2028", "9"])) * size
    target = draw(st.sampled_from(["topic", "field", "extra"]))
    if target == "topic":
        document = {**example, "topic": "__BIG__"}
    elif target == "extra":
        document = {**example, "padding": "__BIG__"}
    else:
        field = draw(st.sampled_from([*sorted(example["data"]), "unknown_field"]))
        document = {**example, "data": {**example["data"], field: "__BIG__"}}
    return json.dumps(document).replace('"__BIG__"', big if number else json.dumps(big)).encode()


# -- the fuzz tests: 2,000 + 4,000 + 2,500 + 1,000 + 300 generated bodies, and the 1,300-body sweep below ----------


@fuzz(2_000)
@given(body=st.binary(max_size=300) | st.text(max_size=200))
def test_random_bytes_and_text(body: bytes | str) -> None:
    check(body)


@fuzz(4_000)
@given(body=field_mutations())
def test_spec_examples_with_a_field_of_the_wrong_type_missing_or_added(body: bytes) -> None:
    check(body)


@fuzz(2_500)
@given(body=byte_mutations())
def test_spec_examples_with_bytes_flipped_inserted_or_deleted(body: bytes) -> None:
    check(body)


@fuzz(1_000)
@given(body=deep_nesting())
def test_deep_nesting(body: bytes) -> None:
    check(body)


@fuzz(300)
@given(body=huge_values())
def test_huge_strings_and_numbers(body: bytes) -> None:
    check(body)


def test_every_field_of_every_example_with_every_wrong_json_type() -> None:
    """Not sampled: each field path of each spec example, replaced by one value of each JSON type."""
    wrong: list[Any] = [None, True, 0, -1.5, -(10**30), float("inf"), "", "x" * 300, "2026-13-45T99:99:99Z"]
    wrong += [[], [1, "a"], [[[]]], {}, {"k": None}, {"topic": "PING", "data": {}}]
    bodies = 0
    for index, path in EVERY_FIELD:
        for value in wrong:
            check(json.dumps(replaced(examples()[index], path, value)))
            bodies += 1
    assert bodies == len(EVERY_FIELD) * len(wrong) > 1_000
