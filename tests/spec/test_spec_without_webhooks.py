"""`make spec-no-webhooks`: the spec without `webhooks:` (for OpenAPI Generator's python), otherwise the same."""

from __future__ import annotations

from pathlib import Path

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from scripts.spec_without_webhooks import load, main
from tests.spec._tools import ROOT, SPEC, make

DERIVED = ROOT / "build" / "openapi" / "withallo.no-webhooks.yaml"


def test_make_writes_a_valid_spec_without_webhooks_and_everything_else_unchanged() -> None:
    DERIVED.unlink(missing_ok=True)
    assert "scripts/spec_without_webhooks.py" in make("spec-no-webhooks").stdout
    source, derived = load(SPEC), load(DERIVED)

    assert "webhooks" not in derived
    assert [tag["name"] for tag in derived["tags"]] == [
        tag["name"] for tag in source["tags"] if tag["name"] != "WebhookEvents"
    ]
    for key in ("openapi", "servers", "security", "paths", "components"):
        assert derived[key] == source[key], key
    assert "CallReceivedEvent" in derived["components"]["schemas"]  # event models are still generated
    assert derived["info"]["version"] == source["info"]["version"]
    assert "scripts/spec_without_webhooks.py" in derived["info"]["description"]
    spec_dict, base_uri = read_from_filename(str(DERIVED))
    validate(spec_dict, base_uri=base_uri)


def test_strings_that_yaml_1_1_would_retype_stay_strings(tmp_path: Path) -> None:
    # An unquoted date in an example is a string in OpenAPI 3.1 (JSON Schema data); the copy must keep it one for
    # a YAML 1.1 reader (PyYAML, SnakeYAML in the generators), so it is written quoted.
    source, output = tmp_path / "in.yaml", tmp_path / "out.yaml"
    source.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\nwebhooks: {}\n"
        "components:\n  examples:\n    E:\n      value: {at: 2026-11-20T14:03:12Z, day: 2026-11-20, n: 3}\n",
        encoding="utf-8",
    )
    assert main(["--spec", str(source), "--output", str(output)]) == 0
    derived = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert derived["components"]["examples"]["E"]["value"] == {
        "at": "2026-11-20T14:03:12Z",
        "day": "2026-11-20",
        "n": 3,
    }
    assert "webhooks" not in derived
