"""The generator, run as `make generate` runs it, gives byte-identical output every time, equal to what is
committed, and leaves no cache behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.generated._spec import REPO

BIN = Path(sys.executable).parent  # the venv's bin: the generator and the ruff its post-hooks call
GEN_ARGS = [
    "generate",
    "--path",
    "openapi/withallo.yaml",
    "--config",
    "generator-config.yml",
    "--meta",
    "none",
    "--custom-template-path",
    "templates",
]  # keep in step with GEN_ARGS in the Makefile


def generate(output: Path) -> float:
    """Generate the package into `output` (which must not exist yet); return the seconds it took."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "openapi-python-client"), *GEN_ARGS, "--output-path", str(output)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    for trouble in ("Error", "Warning"):  # skipped endpoints, failed post-hooks, a missing ruff report here
        assert trouble not in done.stdout + done.stderr, done.stdout + done.stderr
    return elapsed


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (bytecode caches aside), by relative path."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def differing(left: dict[str, bytes], right: dict[str, bytes]) -> list[str]:
    return sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))


def test_generation_is_deterministic_and_matches_the_committed_package(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    first, second = tmp_path / "first" / "withallo_client", tmp_path / "second" / "withallo_client"
    seconds = [generate(first), generate(second)]
    print(f"generation took {seconds[0]:.2f} s and {seconds[1]:.2f} s")  # reported, not asserted
    record_property("generation_seconds", seconds)

    assert not [str(p) for p in tmp_path.rglob(".ruff_cache")], "a post-hook left a .ruff_cache behind"
    generated = tree(first)
    assert len(generated) > 50
    assert differing(generated, tree(second)) == []
    committed = tree(REPO / "withallo_client")
    # The one file the Makefile adds after the generator (--meta none writes no PEP 561 marker); check-generated
    # compares it too. Without it an installed withallo_client is untyped for mypy.
    assert committed.pop("py.typed").startswith(b"# Marker file for PEP 561"), "run `make generate` and commit"
    assert "py.typed" not in generated
    assert differing(generated, committed) == [], "run `make generate` and commit"
