"""Compare openapi/withallo.yaml with its last release (or a given git ref) and fail on a breaking change.

`make spec-diff [BASE=<ref>] [CHECK_VERSION=1]` runs this. The comparison is `redocly diff` (Redocly CLI, pinned in
package.json) with the rules in scripts/spec-diff.redocly.yaml; this script only picks the base, reads the spec as
committed there, and decides whether a breaking change was declared (info.version's major bumped).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "withallo.yaml"
DIFF_CONFIG = ROOT / "scripts" / "spec-diff.redocly.yaml"
REDOCLY = ROOT / "node_modules" / ".bin" / "redocly"
RELEASE_TAG_PATTERNS = ("spec-v*", "v*")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


class SpecDiffError(Exception):
    """A problem that stops the comparison before it starts (bad ref, missing file, non-semver version)."""


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Fixed program, arguments passed as a list (no shell): S603/S607 do not apply.
    return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True, check=False)  # noqa: S603, S607


def last_release_tag(repo_dir: Path) -> str | None:
    """The nearest tag reachable from HEAD named spec-v* (preferred) or v*, or None when there is none."""
    for pattern in RELEASE_TAG_PATTERNS:
        found = _git(repo_dir, "describe", "--tags", "--abbrev=0", "--match", pattern)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    return None


def committed_text(spec: Path, ref: str) -> str:
    """The spec file's content as committed at `ref`."""
    shown = _git(spec.parent, "show", f"{ref}:./{spec.name}")
    if shown.returncode != 0:
        raise SpecDiffError(f"cannot read {spec.name} at git ref {ref!r}: {shown.stderr.strip()}")
    return shown.stdout


def spec_version(text: str, where: str) -> tuple[int, int, int]:
    """info.version as (major, minor, patch); it must be semver."""
    document = yaml.safe_load(text)
    version = str(document.get("info", {}).get("version", "")) if isinstance(document, dict) else ""
    match = SEMVER.match(version)
    if match is None:
        raise SpecDiffError(f"info.version of {where} is {version!r}, which is not semver (MAJOR.MINOR.PATCH)")
    return int(match[1]), int(match[2]), int(match[3])


def run(spec: Path, base: str | None, check_version: bool) -> int:
    """Print the diff report and return the exit code: non-zero on an undeclared breaking change."""
    if base is None:
        base = last_release_tag(spec.parent)
        if base is None:
            base = "HEAD"
            print("spec-diff: no release tag (spec-v* or v*) yet: comparing with the spec as committed at HEAD.")
        else:
            print(f"spec-diff: comparing with the last release tag {base}.")
    else:
        print(f"spec-diff: comparing with {base}.")
    base_text = committed_text(spec, base)
    base_major = spec_version(base_text, f"{spec.name} at {base}")[0]
    revision_major = spec_version(spec.read_text(encoding="utf-8"), str(spec))[0]
    declared = revision_major > base_major
    if declared:
        print(f"spec-diff: info.version's major went from {base_major} to {revision_major}: breaking changes allowed.")

    with tempfile.TemporaryDirectory(prefix="spec-diff-") as tmp:
        base_file = Path(tmp) / f"{spec.stem}@{re.sub(r'[^0-9A-Za-z._-]', '_', base)}{spec.suffix}"
        base_file.write_text(base_text, encoding="utf-8")
        command = [str(REDOCLY), "diff", str(base_file), str(spec), "--config", str(DIFF_CONFIG)]
        command += ["--fail-on", "none" if declared else "major"]
        if check_version:
            command.append("--check-version")
        env = {**os.environ, "REDOCLY_TELEMETRY": "off"}
        code = subprocess.run(command, env=env, check=False).returncode  # noqa: S603 (our own argv, no shell)
        breaking = code != 0 and not declared
        if breaking and check_version:
            # A failure with --check-version may be the version rule alone (an additive change with no minor bump):
            # ask again without it, quietly, before telling anyone their change breaks clients.
            again = command[: command.index("--check-version")]
            quiet = subprocess.run(again, env=env, check=False, capture_output=True)  # noqa: S603 (our argv)
            breaking = quiet.returncode != 0
    if breaking:
        print(
            "spec-diff: the change above breaks existing clients. Make it additive, or declare it: bump info.version's"
            " major and record it in CHANGELOG.md.",
            file=sys.stderr,
        )
    elif code != 0:
        print(
            "spec-diff: the change does not break existing clients, but info.version was not bumped as it requires:"
            " MINOR for an additive change, PATCH for wording and examples (CHANGELOG.md states the rules).",
            file=sys.stderr,
        )
    return code


def main(argv: list[str] | None = None) -> int:
    """Command line: spec_diff.py [--base REF] [--spec PATH] [--check-version]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git ref to compare with (default: last spec-v*/v* tag, else HEAD)")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the spec in the working tree (default: %(default)s)")
    parser.add_argument("--check-version", action="store_true", help="also fail unless info.version fits the changes")
    args = parser.parse_args(argv)
    try:
        return run(args.spec.resolve(), args.base or None, args.check_version)
    except SpecDiffError as error:
        print(f"spec-diff: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
