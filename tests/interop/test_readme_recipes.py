"""The OpenAPI Generator commands README.md gives other teams are the ones `make test` runs (same generator, same
version, same options), so the README cannot drift from what tests/interop/test_openapi_generator.py proves."""

from __future__ import annotations

import re
import shlex
import tomllib

from tests.spec._tools import ROOT, run

README = ROOT / "README.md"
DOCS_OFF = {"apiDocs=false", "modelDocs=false", "apiTests=false", "modelTests=false"}  # we skip docs, teams need not


def readme_commands() -> list[list[str]]:
    """Every `openapi-generator-cli generate` command in the README's bash blocks, continuation lines joined."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("openapi-generator-cli generate"):
                commands.append(shlex.split(line))
    return commands


def make_commands() -> list[list[str]]:
    dry = run("make", "--dry-run", "--always-make", "--no-print-directory", "openapi-generator-clients")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.replace("\\\n", " ").splitlines()
    return [shlex.split(line) for line in lines if line.startswith(".venv/bin/openapi-generator-cli generate")]


def options(command: list[str]) -> dict[str, str]:
    """`--flag value` / `-x value` pairs, without -o (where to write) and with docs/tests switches dropped."""
    pairs = dict(zip(command[2::2], command[3::2], strict=True))
    pairs.pop("-o")
    if "--global-property" in pairs:
        kept = [p for p in pairs["--global-property"].split(",") if p not in DOCS_OFF]
        if kept:
            pairs["--global-property"] = ",".join(kept)
        else:
            del pairs["--global-property"]
    pairs["-i"] = pairs["-i"].rsplit("/", 1)[-1]  # the file, wherever the team keeps it
    return pairs


def test_the_tested_generators_are_given_with_the_options_make_test_uses() -> None:
    readme = {options(c)["-g"]: options(c) for c in readme_commands()}
    made = {options(c)["-g"]: options(c) for c in make_commands()}
    assert set(made) == {"typescript-fetch", "python"}
    for generator, tested in made.items():
        assert readme[generator] == tested, generator
    assert readme["python"]["-i"] == "withallo.no-webhooks.yaml"


def test_the_untested_generators_read_the_spec_without_webhooks() -> None:
    untested = {options(c)["-g"] for c in readme_commands()} - {"typescript-fetch", "python"}
    assert untested == {"go", "java", "kotlin"}
    for command in readme_commands():
        if options(command)["-g"] in untested:
            assert options(command)["-i"] == "withallo.no-webhooks.yaml"
            assert options(command)["--additional-properties"] == "enumUnknownDefaultCase=true"


def test_the_readme_pins_the_generator_version_of_the_dev_extra() -> None:
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pinned = next(d for d in dev["dev"] if d.startswith("openapi-generator-cli"))
    assert f"pip install '{pinned}'" in README.read_text(encoding="utf-8")
