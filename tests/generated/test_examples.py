"""Every JSON example in the spec parses into its generated model and round-trips through to_dict()."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from tests.generated._spec import Example, body_examples, model_class, normalize, schema_examples

BODY_EXAMPLES = list(body_examples())
SCHEMA_EXAMPLES = list(schema_examples())


def stray_fields(model: Any, where: str = "") -> list[str]:
    """Fields that landed in `additional_properties` of a model that declares its properties (a likely typo).

    Free-form models (nothing declared but `additional_properties`, such as `data_collected`) are not counted.
    """
    if isinstance(model, list):
        return [found for i, item in enumerate(model) for found in stray_fields(item, f"{where}[{i}]")]
    if not attrs.has(type(model)):
        return []
    declared = [field.name for field in attrs.fields(type(model)) if field.name != "additional_properties"]
    found = [f"{where}.{key}" for key in getattr(model, "additional_properties", {})] if declared else []
    for name in declared:
        found += stray_fields(getattr(model, name), f"{where}.{name}")
    return found


def parse(example: Example) -> Any:
    """The example parsed into the one model (of its schema, or of its oneOf members) that accepts it."""
    parsed = []
    for schema in example.schemas:
        try:
            parsed.append(model_class(schema).from_dict(example.value))
        except (KeyError, TypeError, ValueError):
            continue
    assert len(parsed) == 1, f"{example.where}: {len(parsed)} of {len(example.schemas)} candidate models accept it"
    return parsed[0]


def test_the_spec_has_examples_of_every_kind() -> None:
    wheres = [example.where for example in BODY_EXAMPLES]
    assert sum(where.startswith("webhooks/") for where in wheres) == 6
    assert sum(" request/" in where for where in wheres) == 5  # webhook, contact, update, two SMS shapes
    assert len(SCHEMA_EXAMPLES) >= 5


@pytest.mark.parametrize("example", BODY_EXAMPLES + SCHEMA_EXAMPLES, ids=lambda example: example.where)
def test_example_parses_into_its_model_and_round_trips(example: Example) -> None:
    model = parse(example)
    assert type(model).__name__ in {schema["$ref"].rsplit("/", 1)[-1] for schema in example.schemas}
    assert stray_fields(model) == []
    assert normalize(model.to_dict()) == normalize(example.value)


def test_round_trip_keeps_naive_and_utc_timestamps_apart() -> None:
    # The comparison above parses date-times on both sides; make sure it would still see an offset being lost.
    assert normalize({"at": "2024-01-15T10:30:00"}) != normalize({"at": "2024-01-15T10:30:00Z"})
    assert normalize({"at": "2024-01-15T10:30:00Z"}) == normalize({"at": "2024-01-15T10:30:00+00:00"})
