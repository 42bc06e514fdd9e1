"""The `withallo_ext.webhooks` package: its public names (the same objects from `withallo_ext`), loaded lazily, and
its modules, each importing only the modules listed below it (the size and docstring rule: tests/test_layout.py)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import withallo_ext
from withallo_ext import webhooks

PACKAGE = Path(webhooks.__file__).parent

# what `from withallo_ext import ...` has always given, and must keep giving
FROM_WITHALLO_EXT = (
    "WebhookReceiver",
    "WebhookEvent",
    "WebhookTopic",
    "WebhookResponse",
    "OwnNumbers",
    "verify_signature",
    "verify_path_token",
    "fetch_own_numbers",
    "fetch_own_numbers_async",
    "generate_webhook_secret",
    "hide_webhook_tokens",
    "WebhookTokenFilter",
)
ONLY_FROM_WEBHOOKS = (
    "BODY_HASH_TTL",
    "DEFAULT_TTL",
    "IN_PROGRESS_LEASE",
    "DedupeStore",
    "MemoryDedupeStore",
    "RedisDedupeStore",
)


@pytest.mark.parametrize("name", FROM_WITHALLO_EXT)
def test_each_public_webhook_name_is_the_same_object_from_withallo_ext_and_from_webhooks(name: str) -> None:
    assert name in withallo_ext.__all__
    assert getattr(withallo_ext, name) is getattr(webhooks, name)
    assert getattr(webhooks, name).__name__ == name


def test_webhooks_lists_exactly_its_public_names() -> None:
    assert sorted(webhooks.__all__) == sorted((*FROM_WITHALLO_EXT, *ONLY_FROM_WEBHOOKS))
    assert dir(webhooks) == sorted(webhooks.__all__)
    assert webhooks.DEFAULT_TTL == 48 * 3600.0  # the dedupe stores' default ttl; withallo_ext.dedupe's, which goes
    assert webhooks.BODY_HASH_TTL == 300.0  # how long a body-digest key (no webhook-id) is remembered
    assert webhooks.IN_PROGRESS_LEASE == 60.0  # how long a delivery being handled is held from other workers
    for name in set(webhooks.__all__) - {"DEFAULT_TTL", "BODY_HASH_TTL", "IN_PROGRESS_LEASE"}:
        defined_in = getattr(webhooks, name).__module__
        assert defined_in.startswith("withallo_ext.webhooks._") or name == "WebhookTopic", (name, defined_in)


def test_an_unknown_name_is_an_attribute_error_for_python_and_for_mypy() -> None:
    with pytest.raises(
        AttributeError, match=re.escape("module 'withallo_ext.webhooks' has no attribute 'WebhookReciever'")
    ):
        # the ignore is load-bearing: mypy --strict flags an unused one, so a misspelt name stays a type error
        _ = webhooks.WebhookReciever  # type: ignore[attr-defined]


def loaded_after(statement: str) -> list[str]:
    """The modules a fresh interpreter has loaded after running `statement`."""
    probe = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    return list(json.loads(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True).stdout))


def test_the_package_loads_a_module_only_when_one_of_its_names_is_used() -> None:
    package = loaded_after("import withallo_ext.webhooks")
    assert [m for m in package if m.startswith("withallo")] == [
        "withallo_ext",
        "withallo_ext._lazy",
        "withallo_ext.webhooks",
    ]
    path_token = loaded_after("from withallo_ext.webhooks import verify_path_token")
    assert [m for m in path_token if m.startswith("withallo_ext.webhooks.")] == ["withallo_ext.webhooks._path_token"]
    receiver = loaded_after("from withallo_ext import WebhookReceiver")
    assert "withallo_ext.webhooks._receiver" in receiver
    assert "withallo_ext.webhooks._access_log" not in receiver  # nothing the receiver does not use
    assert "withallo_ext._client" not in receiver  # nor the HTTP client


def test_the_payload_models_and_attrs_load_when_an_event_model_is_first_read() -> None:
    parse = (
        'from withallo_ext import WebhookReceiver\nevent = WebhookReceiver().parse(b\'{"topic": "PING", "data": {}}\')'
    )
    models = {"attrs", "withallo_client.models.ping_payload", "withallo_client.models.call_received_payload"}
    assert not models & set(loaded_after(parse))  # about 40 ms that an endpoint never reading .model does not pay
    assert models <= set(loaded_after(f"{parse}\nassert type(event.model).__name__ == 'PingPayload'"))


def listed_modules() -> list[str]:
    """The modules the package docstring lists, top-down: `  _name   what it holds`."""
    return re.findall(r"^  (_[a-z_]+) {2,}\S", webhooks.__doc__ or "", flags=re.MULTILINE)


def sibling_imports(module: str) -> set[str]:
    """The package's modules that `module` imports (`from ._x import`, `from . import _x`, absolute spellings too),
    TYPE_CHECKING imports included."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level == 1 or source.startswith("withallo_ext.webhooks"):
                base = source.removeprefix("withallo_ext.webhooks").lstrip(".")
                found.update([base.split(".")[0]] if base else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("withallo_ext.webhooks."):
                    found.add(alias.name.split(".")[2])
    return found


def test_the_docstring_lists_every_module_once() -> None:
    files = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")
    assert sorted(listed_modules()) == files
    assert len(set(listed_modules())) == len(listed_modules())


def test_each_module_imports_only_modules_listed_below_it_so_there_is_no_cycle() -> None:
    order = listed_modules()
    upward = {
        module: sorted(imported for imported in sibling_imports(module) if order.index(imported) <= order.index(module))
        for module in order
    }
    assert upward == {module: [] for module in order}
    assert sibling_imports("_receiver") >= {"_event", "_envelope", "_own_numbers", "_dedupe"}  # the check sees them
