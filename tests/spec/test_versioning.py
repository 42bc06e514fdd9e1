"""Versions: info.version is semver, and CHANGELOG.md's newest release names the spec and SDK versions in the tree."""

from __future__ import annotations

import re
import tomllib

import withallo_ext
from tests.spec._tools import ROOT, load_spec

SEMVER = r"(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?"
RELEASE_HEADING = re.compile(rf"^## spec ({SEMVER}) · SDK ({SEMVER}) \(\d{{4}}-\d{{2}}-\d{{2}}\)$", re.MULTILINE)


def sdk_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    return version


def test_spec_version_is_semver() -> None:
    assert re.fullmatch(SEMVER, str(load_spec()["info"]["version"]))


def test_changelog_newest_release_is_the_spec_and_sdk_in_the_tree() -> None:
    releases = RELEASE_HEADING.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert releases, "CHANGELOG.md has no '## spec X.Y.Z · SDK X.Y.Z (YYYY-MM-DD)' entry"
    in_tree = (str(load_spec()["info"]["version"]), sdk_version())
    assert releases[0] == in_tree, (
        f"CHANGELOG.md's newest release is spec {releases[0][0]} · SDK {releases[0][1]}, but the tree has spec"
        f" {in_tree[0]} (openapi/withallo.yaml info.version) · SDK {in_tree[1]} (pyproject.toml). The rule: the"
        " versions move only with a release, which adds a '## spec X.Y.Z · SDK X.Y.Z (YYYY-MM-DD)' entry to"
        " CHANGELOG.md naming both; an unreleased change goes under '## Unreleased' and leaves them as they are"
        " (CHANGELOG.md's opening says which part of the version each kind of change bumps)."
    )
    assert withallo_ext.__version__ == sdk_version()
