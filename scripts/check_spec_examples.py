"""Validate every example in an OpenAPI 3.1 document against the schema it illustrates.

Covers media-type `example`/`examples` (operations, shared responses and `webhooks:`), parameter examples and
the `examples` list of every schema. Formats are checked, with one deliberate loosening: a `date-time` may come
without a UTC offset, because the Allo server sends such timestamps (the spec says so where it happens).

Usage: python scripts/check_spec_examples.py openapi/withallo.yaml
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = "urn:withallo-spec"


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _date_time(value: object) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def examples_in(node: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    """Yield (where, schema pointer, example value) for every example under `node`."""
    if isinstance(node, dict):
        schema = node.get("schema")
        if isinstance(schema, dict):
            if "example" in node:
                yield f"{pointer}/example", f"{pointer}/schema", node["example"]
            for name, ex in (node.get("examples") or {}).items():
                if isinstance(ex, dict) and "value" in ex:
                    yield f"{pointer}/examples/{name}", f"{pointer}/schema", ex["value"]
        if isinstance(node.get("examples"), list) and ("type" in node or "properties" in node):
            for i, ex in enumerate(node["examples"]):
                yield f"{pointer}/examples/{i}", pointer, ex
        for key, value in node.items():
            if key in ("example", "examples") and not isinstance(value, dict | list):
                continue
            yield from examples_in(value, f"{pointer}/{_escape(str(key))}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from examples_in(value, f"{pointer}/{i}")


def check(path: Path) -> list[str]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        ROOT, Resource.from_contents(document, default_specification=DRAFT202012)
    )
    checker = FormatChecker()
    checker.checks("date-time")(_date_time)
    problems: list[str] = []
    count = 0
    for where, schema_pointer, value in examples_in(document):
        count += 1
        validator = Draft202012Validator(
            {"$ref": f"{ROOT}#{schema_pointer}"}, registry=registry, format_checker=checker
        )
        for error in validator.iter_errors(value):
            problems.append(f"{where}: {error.message} (at {'/'.join(map(str, error.absolute_path)) or '.'})")
    print(f"{path}: {count} examples checked, {len(problems)} invalid")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1] if len(sys.argv) > 1 else "openapi/withallo.yaml"))
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found else 0)
