"""The strict-model templates on a spec of their own: shapes openapi/withallo.yaml does not have today (models that
refer to each other, arrays of arrays, typed additional properties, a union of two objects, an integer enum).

The package is generated from a small spec into a temporary directory, with the repository's templates and
config (as `make generate` runs them), and imported under its own name.
"""

from __future__ import annotations

import importlib
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
