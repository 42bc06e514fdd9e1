"""Conformance: schemathesis throws generated requests (valid and invalid) at the fake served on 127.0.0.1 and
checks every answer against openapi/withallo.yaml.

Checks run: the status is documented, the body and headers match the documented schema, no 5xx, invalid input is
rejected (4xx), auth is enforced, undeclared methods get 405. Two deliberate departures from the defaults:

* `positive_data_acceptance` is off: a schema-valid request can still break a business rule the schema cannot
  express (a webhook for a number that is not the account's, an SMS to another country) and the server answers
  422 for it, as documented.
* Timestamps are checked by our own format check, as in scripts/check_spec_examples.py: the server sends some
  `date-time`s without a UTC offset (the spec says so where it happens) and schemathesis' strict RFC 3339 check
  would flag the spec's own documented behaviour. Every other format is still checked.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis.specs.openapi.checks import positive_data_acceptance

from withallo_ext.testing import DEFAULT_API_KEY, FakeAllo, FakeAlloServer

from ..generated._spec import SPEC_PATH, spec

ROOT = "urn:withallo-spec"
CONFIG = schemathesis.Config.from_dict(
    {
        "auth": {"openapi": {"ApiKey": {"api_key": DEFAULT_API_KEY}}},
        "checks": {"response_schema_conformance": {"validate-formats": False}},
        # Real servers ignore query parameters they do not know; the fake does too, so don't call that a bug.
        "generation": {"allow-extra-parameters": False},
    }
)
schema = schemathesis.openapi.from_path(SPEC_PATH, config=CONFIG)


def _date_time(value: object) -> bool:
    """ISO 8601 date and time, with or without a UTC offset (the server sends both). Formats apply to strings."""
    if not isinstance(value, str):
        return True
    if "T" not in value:
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


_FORMATS = FormatChecker()
_FORMATS.checks("date-time")(_date_time)
_REGISTRY = Registry().with_resource(ROOT, Resource.from_contents(spec(), default_specification=DRAFT202012))


def _documented_body_schema(path: str, method: str, status: int) -> dict[str, Any] | None:
    """A `$ref` to the JSON schema documented for this operation and status (exact, `5XX`, or `default`)."""
    responses = spec()["paths"][path].get(method, {}).get("responses", {})
    key = next((k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None)
    if key is None:
        return None
    escaped = path.replace("~", "~0").replace("/", "~1")
    pointer = f"/paths/{escaped}/{method}/responses/{key}"
    response = responses[key]
    if "$ref" in response:
        pointer = response["$ref"].removeprefix("#")
        response = _REGISTRY.resolver().lookup(f"{ROOT}#{pointer}").contents
    if "schema" not in response.get("content", {}).get("application/json", {}):
        return None
    return {"$ref": f"{ROOT}#{pointer}/content/application~1json/schema"}


@schemathesis.check
def timestamps_and_formats_conform(ctx: Any, response: Any, case: Any) -> bool | None:
    """The JSON body matches its documented schema with every format checked (date-time loosened as above)."""
    documented = _documented_body_schema(case.operation.path, case.method.lower(), response.status_code)
    if documented is None or not response.content:
        return None
    validator = Draft202012Validator(documented, registry=_REGISTRY, format_checker=_FORMATS)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.json())]
    assert not errors, "; ".join(errors)
    return True


@pytest.fixture(scope="module")
def server() -> Iterator[FakeAlloServer]:
    with FakeAllo(seed=1).serve() as running:
        yield running


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_answer_of_the_fake_conforms_to_the_spec(case: Any, server: FakeAlloServer) -> None:
    response = case.call(base_url=server.base_url)
    case.validate_response(
        response, excluded_checks=[positive_data_acceptance], additional_checks=[timestamps_and_formats_conform]
    )


def test_the_run_exercises_state_and_errors(server: FakeAlloServer) -> None:
    """The fuzzing above reached real answers, not only errors. It reads their requests on the module's server;
    tests/fake/conftest.py runs it right after them in any order. Alone it has nothing to read, and skips."""
    statuses = {(r.method, r.status) for r in server.fake.requests}
    if not statuses:
        pytest.skip("needs the generated cases of this module in the same run; it checks what they sent")
    assert ("GET", 200) in statuses
    assert ("POST", 200) in statuses or ("POST", 201) in statuses
    assert any(status in (400, 422) for _, status in statuses)
