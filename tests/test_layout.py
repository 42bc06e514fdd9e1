"""The package shows its parts (issue 17): every module of `withallo_ext`, in every subpackage, holds one concept,
opens with a docstring saying which, and stays under 300 lines; the public names stay where users import them.

The import rules have their own tests: tests/test_import_cycles.py (no cycle anywhere in the package) and
tests/webhooks/test_layout.py (the webhooks package imports only downward)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import withallo_ext

PACKAGE = Path(withallo_ext.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 300
MIN_DOCSTRING_WORDS = 8


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_the_walk_sees_every_part_of_the_package() -> None:
    parts = {path.parent.relative_to(PACKAGE).as_posix() for path in MODULES}
    assert {".", "_resources", "_resources/sms", "webhooks", "testing", "cli"} <= parts


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_a_module_is_short_and_says_what_it_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines < MAX_LINES, f"{_name(path)}: {lines} lines; split it by concept, each part under {MAX_LINES}"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring, f"{_name(path)}: open with a docstring saying which concept the module holds"
    words = len(docstring.split())
    assert words >= MIN_DOCSTRING_WORDS, f"{_name(path)}: the opening docstring says too little ({words} words)"


PUBLIC = (
    "WithalloClient",
    "AsyncWithalloClient",
    "WebhookReceiver",
    "WebhookEvent",
    "WebhookTopic",
    "OwnNumbers",
    "verify_signature",
    "verify_path_token",
    "Page",
)


def test_the_names_the_readme_imports_from_withallo_ext_still_import() -> None:
    namespace: dict[str, object] = {}
    exec(f"from withallo_ext import {', '.join(PUBLIC)}", namespace)  # the statement a user writes
    assert all(callable(namespace[name]) for name in PUBLIC)
    import withallo_ext.errors
    import withallo_ext.testing

    assert issubclass(withallo_ext.errors.WithalloError, Exception)
    assert callable(withallo_ext.testing.FakeAllo)


def _readme_layout() -> str:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    return section.split("```text", 1)[1].split("```", 1)[0]


def test_the_readme_map_names_every_part_of_the_package() -> None:
    layout = _readme_layout()
    parts = {path.stem for path in PACKAGE.glob("*.py") if not path.stem.startswith("__")}
    parts |= {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    parts |= {path.name for path in (PACKAGE / "_resources").iterdir() if (path / "__init__.py").is_file()}
    missing = sorted(part for part in parts if not re.search(rf"(?<![\w.]){re.escape(part)}(?![\w])", layout))
    assert not missing, f"README 'How the code is laid out' does not name: {', '.join(missing)}"
