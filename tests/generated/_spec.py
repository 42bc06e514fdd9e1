"""Reading openapi/withallo.yaml for the tests: the document, its examples, and the models they map to."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import withallo_client.models

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi" / "withallo.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@functools.cache
def spec() -> dict[str, Any]:
    """The parsed OpenAPI document (read once per test session; callers must not mutate it)."""
    document: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return document


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (path, method, operation) for every operation under `paths`."""
    for path, item in spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def operation(operation_id: str) -> dict[str, Any]:
    """The operation object with this operationId."""
    for _, _, op in operations():
        if op["operationId"] == operation_id:
            return op
    raise KeyError(operation_id)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (one level is all this document uses)."""
    if "$ref" not in node:
        return node
    target: Any = spec()
    for token in node["$ref"].removeprefix("#/").split("/"):
        target = target[token.replace("~1", "/").replace("~0", "~")]
    resolved: dict[str, Any] = target
    return resolved


def media_examples(media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Yield (name, value) for the `example` and every named `examples` entry of a media type object."""
    if "example" in media:
        yield "example", media["example"]
    for name, example in (media.get("examples") or {}).items():
        yield name, resolve(example)["value"]


def response_example(operation_id: str, status: str, name: str = "example") -> Any:
    """The JSON example of one response of one operation."""
    media = resolve(operation(operation_id)["responses"][status])["content"]["application/json"]
    return dict(media_examples(media))[name]


def model_class(schema: dict[str, Any]) -> type[Any]:
    """The generated model class of a `$ref: '#/components/schemas/Name'` schema."""
    name = schema["$ref"].rsplit("/", 1)[-1]
    cls: type[Any] = getattr(withallo_client.models, name)
    return cls


@dataclass(frozen=True)
class Example:
    """One JSON example of the spec, where it is, and the schemas it may be an instance of."""

    where: str
    value: Any
    schemas: tuple[dict[str, Any], ...]


def _json_media(where: str, content: dict[str, Any] | None) -> Iterator[Example]:
    media = (content or {}).get("application/json")
    if media is None:
        return
    schema = media["schema"]
    schemas = tuple(schema["oneOf"]) if "oneOf" in schema else (schema,)
    for name, value in media_examples(media):
        yield Example(f"{where}/{name}", value, schemas)


def body_examples() -> Iterator[Example]:
    """Every JSON example of a response, a request body or a webhook payload, each where it is written.

    Shared responses (`components/responses`) are visited once, not once per operation that refers to them.
    """
    for path, method, op in operations():
        for status, response in op["responses"].items():
            if "$ref" not in response:
                yield from _json_media(f"{method.upper()} {path} {status}", response.get("content"))
        if "requestBody" in op:
            yield from _json_media(f"{method.upper()} {path} request", op["requestBody"]["content"])
    for name, response in spec()["components"]["responses"].items():
        yield from _json_media(f"components/responses/{name}", response.get("content"))
    for topic, item in spec()["webhooks"].items():
        yield from _json_media(f"webhooks/{topic}", item["post"]["requestBody"]["content"])


def schema_examples() -> Iterator[Example]:
    """Every `examples` entry written on an object schema of `components/schemas`."""
    for name, schema in spec()["components"]["schemas"].items():
        if schema.get("type") != "object":
            continue
        ref = {"$ref": f"#/components/schemas/{name}"}
        for i, value in enumerate(schema.get("examples", [])):
            yield Example(f"components/schemas/{name}/examples/{i}", value, (ref,))


def normalize(value: Any) -> Any:
    """JSON with its date-time strings parsed, so `...Z` and `...+00:00` compare equal (and naive stays naive)."""
    if isinstance(value, dict):
        return {key: normalize(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalize(item) for item in value]
    if isinstance(value, str) and _DATE_TIME.match(value):
        return datetime.datetime.fromisoformat(value)
    return value
