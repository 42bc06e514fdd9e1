"""`make spec-diff`: a breaking change to the spec since its last release fails; an additive one passes.

Each test works on a temporary git repository holding a copy of openapi/withallo.yaml, committed and tagged as a
release, then edited the way a spec change would be.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.spec._tools import ROOT, SPEC, load_spec, run

Edit = Callable[[dict[str, Any]], None]
SPEC_DIFF = ROOT / "scripts" / "spec_diff.py"
PYTHON = sys.executable  # the interpreter running the tests, whatever its environment is called


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` as a throwaway identity; return stdout."""
    done = run("git", "-c", "user.name=spec-test", "-c", "user.email=spec-test@example.invalid", *args, cwd=repo)
    assert done.returncode == 0, done.stderr
    return done.stdout


def edit_spec(spec: Path, change: Edit) -> None:
    """Apply `change` to the parsed spec and write it back."""
    document = load_spec(spec)
    change(document)
    spec.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


def spec_diff(spec: Path, *args: str) -> tuple[int, str]:
    """Run scripts/spec_diff.py on `spec`; (exit code, stdout + stderr)."""
    done = run(PYTHON, SPEC_DIFF, "--spec", spec, *args)
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """A repository whose HEAD is tagged spec-v1.0.0; returns its openapi/withallo.yaml."""
    spec = tmp_path / "openapi" / "withallo.yaml"
    spec.parent.mkdir()
    shutil.copyfile(SPEC, spec)
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "add", "openapi/withallo.yaml")
    git(tmp_path, "commit", "--quiet", "-m", "spec 1.0.0")
    git(tmp_path, "tag", "spec-v1.0.0")
    return spec


def schemas(document: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = document["components"]["schemas"]
    return found


def remove_operation(document: dict[str, Any]) -> None:
    del document["paths"]["/sms"]["post"]


def remove_response_field(document: dict[str, Any]) -> None:
    del schemas(document)["SentSms"]["properties"]["to_number"]


def remove_webhook_payload_field(document: dict[str, Any]) -> None:
    del schemas(document)["CallReceivedPayload"]["properties"]["summary"]


def add_required_request_field(document: dict[str, Any]) -> None:
    request = schemas(document)["SendSmsFromNumberRequest"]
    request["properties"]["priority"] = {"type": "string"}
    request["required"].append("priority")


def narrow_enum(document: dict[str, Any]) -> None:
    schemas(document)["WebhookTopic"]["enum"].remove("PING")


def narrow_request_type(document: dict[str, Any]) -> None:
    schemas(document)["UpdateContactRequest"]["properties"]["name"]["type"] = "string"  # was [string, "null"]


def remove_webhook(document: dict[str, Any]) -> None:
    del document["webhooks"]["PING"]


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (remove_operation, "operation-removed"),
        (remove_response_field, "property-removed"),
        (remove_webhook_payload_field, "property-removed"),
        (add_required_request_field, "required-properties-added"),
        (narrow_enum, "enum-values-removed"),
        (narrow_request_type, "schema-type-changed"),
        (remove_webhook, "path-removed"),
    ],
)
def test_a_breaking_change_fails(released: Path, change: Edit, rule: str) -> None:
    edit_spec(released, change)

    code, output = spec_diff(released)

    assert code != 0
    assert "comparing with the last release tag spec-v1.0.0" in output
    assert f"({rule})" in output
    assert "major" in output
    assert "breaks existing clients" in output


def add_optional_field_operation_and_enum_value(document: dict[str, Any]) -> None:
    schemas(document)["SendSmsFromNumberRequest"]["properties"]["priority"] = {
        "type": "string",
        "description": "Optional.",
    }
    schemas(document)["CallResult"]["enum"].append("ABANDONED")  # enums are open: a new value is additive
    document["paths"]["/sms/{sms_id}"] = {
        "get": {
            "operationId": "getSms",
            "summary": "Get an SMS",
            "tags": ["SMS"],
            "parameters": [{"name": "sms_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The message."}},
        }
    }


def test_an_additive_change_passes(released: Path) -> None:
    edit_spec(released, add_optional_field_operation_and_enum_value)

    code, output = spec_diff(released)

    assert code == 0, output
    assert "0 major, 3 minor" in output


def test_a_declared_breaking_change_passes_and_the_version_check_follows_the_bump(released: Path) -> None:
    def remove_and_bump(document: dict[str, Any]) -> None:
        remove_operation(document)
        document["info"]["version"] = "2.0.0"

    edit_spec(released, remove_and_bump)
    code, output = spec_diff(released, "--check-version")
    assert code == 0, output
    assert "major went from 1 to 2: breaking changes allowed" in output

    edit_spec(released, lambda document: document["info"].update(version="1.1.0"))
    code, output = spec_diff(released, "--check-version")
    assert code != 0
    assert "require a major bump (2.0.0)" in output


def test_base_ref_is_compared_with_the_committed_spec(released: Path) -> None:
    edit_spec(released, remove_operation)
    git(released.parents[1], "commit", "--quiet", "-am", "remove sendSms")

    assert spec_diff(released, "--base", "HEAD")[0] == 0
    code, output = spec_diff(released, "--base", "HEAD~1")
    assert code != 0
    assert "comparing with HEAD~1" in output


def test_without_a_release_tag_it_compares_with_head(released: Path) -> None:
    git(released.parents[1], "tag", "--delete", "spec-v1.0.0")
    code, output = spec_diff(released)
    assert code == 0, output
    assert "no release tag (spec-v* or v*) yet: comparing with the spec as committed at HEAD" in output

    edit_spec(released, narrow_enum)
    assert spec_diff(released)[0] != 0


def test_a_bad_ref_or_version_is_named(released: Path) -> None:
    code, output = spec_diff(released, "--base", "no-such-ref")
    assert code == 2
    assert "cannot read withallo.yaml at git ref 'no-such-ref'" in output

    edit_spec(released, lambda document: document["info"].update(version="v1.1"))
    code, output = spec_diff(released)
    assert code == 2
    assert "is 'v1.1', which is not semver" in output


def test_spec_diff_passes_on_this_repository() -> None:
    """What `make spec-diff` runs, run directly: make would first set up .venv in a checkout that has none."""
    done = run(PYTHON, SPEC_DIFF)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "spec-diff: comparing with" in done.stdout or "spec-diff: no release tag" in done.stdout


def test_make_spec_diff_runs_the_script() -> None:
    """The Makefile target is that command (a dry run, its setup prerequisites emptied: nothing is installed)."""
    dry_run = ("make", "--dry-run", "--no-print-directory", "spec-diff", "SETUP=", "NODE_SETUP=")
    plain, with_args = run(*dry_run), run(*dry_run, "BASE=spec-v1.0.0", "CHECK_VERSION=1")
    assert plain.returncode == with_args.returncode == 0, plain.stderr + with_args.stderr
    assert plain.stdout.rstrip().endswith(" scripts/spec_diff.py"), plain.stdout
    assert with_args.stdout.rstrip().endswith(" scripts/spec_diff.py --base 'spec-v1.0.0' --check-version")
