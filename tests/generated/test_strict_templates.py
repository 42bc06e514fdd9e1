"""The strict-model templates on a spec of their own: shapes openapi/withallo.yaml does not have today (models that
refer to each other, arrays of arrays, typed additional properties, a union of two objects, an integer enum).

The package is generated from a small spec into a temporary directory, with the repository's templates and
config (as `make generate` runs them), and imported under its own name.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.generated._spec import REPO

BIN = Path(sys.executable).parent
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Shapes", "version": "1.0.0"},
    "paths": {},
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                    "owner": {"oneOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]},
                },
            },
            "Owner": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "integer"},
                    "nodes": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                },
            },
            "Grid": {
                "type": "object",
                "properties": {
                    "rows": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
                    "level": {"$ref": "#/components/schemas/Level"},
                    "pick": {"oneOf": [{"$ref": "#/components/schemas/Owner"}, {"$ref": "#/components/schemas/Named"}]},
                },
                "additionalProperties": {"type": "integer"},
            },
            "Named": {"type": "object", "required": ["label"], "properties": {"label": {"type": "string"}}},
            "Level": {"type": "integer", "enum": [1, 2, 3]},
            "Stamp": {
                "type": "object",
                "properties": {
                    "at": {"type": "string", "format": "date-time"},
                    "seen": {"type": ["string", "null"], "format": "date-time"},
                    "day": {"type": "string", "format": "date"},
                },
            },
            # A small flat model: built inline in the from_dict of the models holding it (strict_from_dict.jinja)
            "Tag": {
                "type": "object",
                "required": ["key"],
                "properties": {
                    "key": {"type": "string"},
                    "weight": {"type": ["integer", "null"]},
                    "on": {"type": "boolean"},
                },
            },
            "Labelled": {
                "type": "object",
                "required": ["tag"],
                "properties": {
                    "tag": {"$ref": "#/components/schemas/Tag"},
                    "maybe": {"oneOf": [{"$ref": "#/components/schemas/Tag"}, {"type": "null"}]},
                    "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
                },
            },
        }
    },
}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("shapes")
    spec = root / "shapes.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    config = root / "config.yml"
    config.write_text(
        (REPO / "generator-config.yml").read_text(encoding="utf-8").replace("withallo_client", "shapes_client"),
        encoding="utf-8",
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(BIN / "openapi-python-client"), "generate", "--path", str(spec), "--config", str(config)]
    command += ["--meta", "none", "--custom-template-path", str(REPO / "templates")]
    command += ["--output-path", str(root / "shapes_client")]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("shapes_client.models")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.split(".")[0] == "shapes_client"]:
            del sys.modules[name]


def test_models_that_refer_to_each_other_import_and_parse(shapes: Any) -> None:
    node = shapes.Node.from_dict({"name": "a", "owner": {"id": 1, "nodes": [{"name": "b", "children": []}]}})
    assert node.owner.nodes[0].name == "b"
    with pytest.raises(ValueError, match=r"`owner\.nodes\[0\]\.children\[1\]\.name` must be a string, got number"):
        shapes.Node.from_dict(
            {"name": "a", "owner": {"id": 1, "nodes": [{"name": "b", "children": [{"name": "c"}, {"name": 2}]}]}}
        )


def test_arrays_of_arrays_and_typed_additional_properties(shapes: Any) -> None:
    grid = shapes.Grid.from_dict({"rows": [[1, 2.5], []], "extra": 3})
    assert (grid.rows, grid.additional_properties) == ([[1, 2.5], []], {"extra": 3})
    with pytest.raises(ValueError, match=r"`rows\[0\]\[1\]` must be a number, got boolean"):
        shapes.Grid.from_dict({"rows": [[1, True]]})
    with pytest.raises(ValueError, match=r"`extra` must be an integer, got string"):
        shapes.Grid.from_dict({"extra": "3"})


def test_a_union_of_objects_tries_each_and_an_integer_enum_is_checked(shapes: Any) -> None:
    assert shapes.Grid.from_dict({"pick": {"label": "x"}}).pick.label == "x"
    assert shapes.Grid.from_dict({"pick": {"id": 4}}).pick.id == 4
    with pytest.raises(ValueError, match=r"`pick\.label` is missing"):
        shapes.Grid.from_dict({"pick": {"other": 1}})
    assert shapes.Grid.from_dict({"level": 2}).level == 2
    with pytest.raises(ValueError, match=r"`level` must be one of Level's values, got number \(9\)"):
        shapes.Grid.from_dict({"level": 9})


# Values for a Tag: each field right, wrong, null, missing; unknown fields; not an object at all.
TAGS: list[Any] = [
    {"key": "a"},
    {"key": "a", "weight": 3, "on": True},
    {"key": "a", "weight": None},
    {"key": "a", "weight": True},
    {"key": "a", "weight": 2.5},
    {"key": "a", "on": 1},
    {"key": "a", "on": None},
    {"key": 1},
    {"key": None},
    {"weight": 1},
    {},
    {"key": "a", "extra": [1, {"x": None}]},
    {"key": "a", "weight": 1, "on": False, "extra": 1},
]


def _outcome(parse: Any, value: Any) -> Any:
    """What parsing gives: the model's fields, or the error's path steps and what was expected."""
    try:
        model = parse(value)
    except ValueError as error:  # shapes_client's own SchemaMismatchError
        return (type(error).__name__, error.steps, error.expected, error.found)  # type: ignore[attr-defined]
    return ("model", type(model), model.to_dict(), model.additional_properties)


def test_a_small_flat_model_is_built_inline_exactly_as_its_own_from_dict_builds_it(shapes: Any) -> None:
    source = inspect.getsource(sys.modules[shapes.Labelled.__module__])
    assert "_KNOWN_FIELDS_Tag" in source  # the inline path is the one tested
    assert "_from_dict_Tag(tag)" not in source
    for tag in TAGS:
        own = _outcome(shapes.Tag.from_dict, tag)
        step = (own[0], (".tag", *own[1]), *own[2:]) if own[0] == "SchemaMismatchError" else own
        assert _outcome(lambda t: shapes.Labelled.from_dict({"tag": t}).tag, tag) == step, tag
        step = (own[0], (".maybe", *own[1]), *own[2:]) if own[0] == "SchemaMismatchError" else own
        assert _outcome(lambda t: shapes.Labelled.from_dict({"tag": {"key": "k"}, "maybe": t}).maybe, tag) == step
        step = (own[0], (".tags", "[1]", *own[1]), *own[2:]) if own[0] == "SchemaMismatchError" else own
        assert (
            _outcome(lambda t: shapes.Labelled.from_dict({"tag": {"key": "k"}, "tags": [{"key": "k"}, t]}).tags[1], tag)
            == step
        )


def test_an_inline_model_keeps_its_own_type_unknown_fields_and_null(shapes: Any) -> None:
    labelled = shapes.Labelled.from_dict({"tag": {"key": "a", "colour": "red"}, "maybe": None})
    assert type(labelled.tag) is shapes.Tag
    assert labelled.tag.additional_properties == {"colour": "red"}
    assert labelled.maybe is None
    assert labelled.tag == shapes.Tag.from_dict({"key": "a", "colour": "red"})
    labelled.tag.additional_properties["more"] = 1  # each model has a dict of its own
    assert shapes.Labelled.from_dict({"tag": {"key": "b"}}).tag.additional_properties == {}
    with pytest.raises(ValueError, match=r"`tag` must be an object, got string"):
        shapes.Labelled.from_dict({"tag": "a"})
    with pytest.raises(ValueError, match=r"`maybe\.key` is missing"):
        shapes.Labelled.from_dict({"tag": {"key": "a"}, "maybe": {"weight": 1}})


class _Text(str):
    """A str subclass: a string all the same, though not the exact type json.loads gives."""


STAMPS: list[tuple[Any, Any]] = [  # (value sent, what `at` / `seen` hold, or the error's expectation)
    ("2024-01-10T09:00:00Z", datetime.datetime(2024, 1, 10, 9, tzinfo=datetime.UTC)),
    ("2024-01-10T09:00:00", datetime.datetime(2024, 1, 10, 9)),
    ("20240110T0900", datetime.datetime(2024, 1, 10, 9)),  # basic format: the dateutil fallback
    (_Text("2024-01-10T09:00:00+01:00"), datetime.datetime(2024, 1, 10, 8, tzinfo=datetime.UTC)),
    ("yesterday", "an ISO 8601 date-time string"),
    (1704877200, "an ISO 8601 date-time string"),
    (["2024-01-10"], "an ISO 8601 date-time string"),
]


@pytest.mark.parametrize(("value", "expected"), STAMPS)
def test_a_date_time_is_read_the_same_whatever_its_exact_type_and_null_only_where_nullable(
    shapes: Any, value: Any, expected: Any
) -> None:
    for field in ("at", "seen"):
        if isinstance(expected, str):
            with pytest.raises(ValueError, match=f"`{field}` must be {expected}"):
                shapes.Stamp.from_dict({field: value})
        else:
            assert getattr(shapes.Stamp.from_dict({field: value}), field) == expected
    assert shapes.Stamp.from_dict({"seen": None}).seen is None
    with pytest.raises(ValueError, match="`at` must be an ISO 8601 date-time string, got null"):
        shapes.Stamp.from_dict({"at": None})
    stamp = shapes.Stamp.from_dict({"extra": 1})
    assert (type(stamp.at).__name__, stamp.additional_properties) == ("Unset", {"extra": 1})
    assert shapes.Stamp.from_dict({"day": "2024-01-10"}).day == datetime.date(2024, 1, 10)
