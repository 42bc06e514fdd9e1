"""Paths and command runners shared by the spec tests (they drive the real Makefile targets and Node tools)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "withallo.yaml"
NODE_BIN = ROOT / "node_modules" / ".bin"


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    """The OpenAPI document as plain data."""
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


def run(*command: str | Path, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a command to completion, output captured as text, without make's variables leaking into it."""
    env = {key: value for key, value in os.environ.items() if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    env["REDOCLY_TELEMETRY"] = "off"
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def make(*targets: str) -> subprocess.CompletedProcess[str]:
    """`make <targets>` in the repository; fails the calling test with make's output when it fails."""
    done = run("make", "--no-print-directory", *targets)
    assert done.returncode == 0, f"make {' '.join(targets)} failed:\n{done.stdout}\n{done.stderr}"
    return done
