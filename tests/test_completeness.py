"""Nothing forgotten when the API grows: each operation of the spec has its SDK methods, its fake route, its README.

`make generate` brings a new operation into `withallo_client` alone. These tests fail, each saying what to add,
when an operation under `paths:` lacks
- a method on WithalloClient (a resource method whose `ops.*` function builds `Op("<tag>.<operation>")`),
- the method of the same name and signature on AsyncWithalloClient,
- a route of the fake Allo (withallo_ext/testing/_routes.py `ROUTES`) for its method and path,
- a README example calling the method (`.<resource>.<method>(`).
Every sync resource class (a _SyncResource under withallo_ext/_resources/) must also have its Async twin in the
same module, with the same public methods and parameters (the rule: withallo_ext/_resources/__init__.py).
`test_a_new_operation_is_reported_with_what_to_add` adds GET /calls/{call_id} to a copy of the spec (never to the
real one) and checks that every gap is reported.
"""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

import anyio
import pytest

from tests.generated._spec import HTTP_METHODS, spec
from withallo_ext import AsyncWithalloClient, WithalloClient, _resources
from withallo_ext._resources._base import _AsyncResource, _SyncResource
from withallo_ext.testing._routes import ROUTES

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "withallo_ext"
RESOURCES_DIR = EXT / "_resources"


def resource_classes() -> dict[str, type]:
    """Every resource class (a _SyncResource or _AsyncResource subclass) defined in a module of withallo_ext._resources,
    by name."""
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(_resources.__path__, f"{_resources.__name__}."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, _SyncResource | _AsyncResource)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found[name] = value
    return found


RESOURCES = resource_classes()
SYNC_RESOURCES = sorted(name for name, cls in RESOURCES.items() if issubclass(cls, _SyncResource))


def snake(name: str) -> str:
    """openapi-python-client's module and package names: `searchContacts` -> `search_contacts`, `Phone numbers`
    -> `phone_numbers`."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def _calls_named(node: ast.AST, owner: str) -> set[str]:
    """`x` for every `owner.x(...)` call under `node`."""
    return {
        call.func.attr
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == owner
    }


def ops_functions() -> dict[str, set[str]]:
    """`<tag>.<operation>` -> the withallo_ext/_operations.py functions that build an Op for it."""
    tree = ast.parse((EXT / "_operations.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for function in tree.body:
        if not isinstance(function, ast.FunctionDef):
            continue
        for call in ast.walk(function):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Op" and call.args:
                first = call.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, set()).add(function.name)
    return found


def resource_methods() -> dict[str, set[str]]:
    """`ops` function -> `Class.method` of the sync resources (withallo_ext/_resources/**.py) that call it."""
    classes = [
        node
        for path in sorted(RESOURCES_DIR.rglob("*.py"))
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
    ]
    found: dict[str, set[str]] = {}
    for cls in classes:
        if not cls.name.startswith(("Async", "_")):
            for method in cls.body:
                if isinstance(method, ast.FunctionDef) and not method.name.startswith("_"):
                    for name in _calls_named(method, "ops"):
                        found.setdefault(name, set()).add(f"{cls.name}.{method.name}")
    return found


def client_attribute(class_name: str) -> str:
    """The WithalloClient attribute holding a resource class (`Calls` -> `calls`), read from _client.py."""
    source = (EXT / "_client.py").read_text(encoding="utf-8")
    match = re.search(rf"self\.(\w+) = {class_name}\(", source)
    assert match, f"WithalloClient.__init__ does not create a {class_name}: add `self.<name> = {class_name}(generated)`"
    return match.group(1)


def parameters(function: Any) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def gaps(document: dict[str, Any], readme: str) -> list[str]:
    """What each operation of `document` lacks, one line per gap saying what to add."""
    ops, methods, problems = ops_functions(), resource_methods(), []
    for path, item in document["paths"].items():
        for verb in (m for m in HTTP_METHODS if m in item):
            operation = item[verb]
            module = f"{snake(operation['tags'][0])}.{snake(operation['operationId'])}"
            where = f"{operation['operationId']} ({verb.upper()} {path})"
            found = sorted({m for fn in ops.get(module, ()) for m in methods.get(fn, ())})
            if not found:
                problems.append(
                    f"{where}: no WithalloClient method. Add an `ops` function returning Op({module!r}, ...) in "
                    "withallo_ext/_operations.py and a method calling it on the sync resource in "
                    "withallo_ext/_resources/ (its async twin beside it)"
                )
            for qualified in found:
                cls_name, name = qualified.split(".")
                sync, twin = RESOURCES[cls_name], RESOURCES.get(f"Async{cls_name}")
                twin_method = getattr(twin, name, None)
                if twin_method is None:
                    problems.append(f"{where}: add Async{cls_name}.{name}, the async twin of {qualified}")
                elif parameters(twin_method) != parameters(getattr(sync, name)):
                    problems.append(f"{where}: Async{cls_name}.{name} must take the same parameters as {qualified}")
                call = f".{client_attribute(cls_name)}.{name}("
                if call not in readme:
                    problems.append(f"{where}: add a README.md example calling `client{call}...)`")
            sample = re.sub(r"\{\w+\}", "x1", path)
            if not any(r.method == verb.upper() and r.pattern.match(sample) for r in ROUTES):
                problems.append(
                    f"{where}: add a route to ROUTES in withallo_ext/testing/_routes.py answering {verb.upper()} "
                    f"{path} with a success (and the Account method behind it)"
                )
    return problems


def readme_python() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return "\n".join(re.findall(r"^```python\n(.*?)^```", text, re.MULTILINE | re.DOTALL))


def test_every_operation_has_its_methods_fake_route_and_readme_example() -> None:
    problems = gaps(spec(), readme_python())
    assert not problems, "\n".join(problems)


def twin_problems(sync: type, twin: type | None) -> list[str]:
    """What keeps `twin` from being the async twin of the sync resource class `sync`, one line per problem."""
    name = f"Async{sync.__name__}"
    if twin is None or not issubclass(twin, _AsyncResource):
        return [f"{sync.__module__}: add {name}(_AsyncResource), the async twin of {sync.__name__}"]
    problems = [] if twin.__module__ == sync.__module__ else [f"{name} must sit beside {sync.__name__} in its module"]
    public, twin_public = ({n for n in dir(cls) if not n.startswith("_")} for cls in (sync, twin))
    problems += [f"add {name}.{n}, the async twin of {sync.__name__}.{n}" for n in sorted(public - twin_public)]
    problems += [f"{name}.{n} has no sync twin {sync.__name__}.{n}" for n in sorted(twin_public - public)]
    problems += [
        f"{name}.{n} must take the same parameters as {sync.__name__}.{n}"
        for n in sorted(public & twin_public)
        if parameters(getattr(twin, n)) != parameters(getattr(sync, n))
    ]
    return problems


@pytest.mark.parametrize("name", SYNC_RESOURCES)
def test_sync_and_async_resources_have_the_same_methods(name: str) -> None:
    problems = twin_problems(RESOURCES[name], RESOURCES.get(f"Async{name}"))
    assert not problems, "\n".join(problems)


def test_the_twin_check_sees_every_resource_of_both_clients() -> None:
    """The classes checked above are exactly those the clients hold, so a resource cannot escape the check."""
    sync, twin = WithalloClient(api_key="k"), AsyncWithalloClient(api_key="k")
    held = {
        type(v).__name__
        for c in (sync, twin)
        for v in vars(c).values()
        if isinstance(v, _SyncResource | _AsyncResource)
    }
    sync.close()
    anyio.run(twin.aclose)

    assert held == set(RESOURCES)


def test_a_missing_twin_method_or_class_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each way a twin goes wrong: a method missing, one the sync class lacks, other parameters, no twin at all."""
    contacts = RESOURCES["AsyncContacts"]
    monkeypatch.delattr(contacts, "get")

    async def extra(self: object, webhook_id: str) -> None: ...

    monkeypatch.setattr(contacts, "delete", extra, raising=False)
    monkeypatch.setattr(contacts, "search", extra)

    assert twin_problems(RESOURCES["Contacts"], contacts) == [
        "add AsyncContacts.get, the async twin of Contacts.get",
        "AsyncContacts.delete has no sync twin Contacts.delete",
        "AsyncContacts.search must take the same parameters as Contacts.search",
    ]
    assert twin_problems(RESOURCES["Calls"], None) == [
        "withallo_ext._resources.calls: add AsyncCalls(_AsyncResource), the async twin of Calls"
    ]


def test_a_new_operation_is_reported_with_what_to_add() -> None:
    document = copy.deepcopy(spec())
    document["paths"]["/calls/{call_id}"] = {
        "get": {
            "operationId": "getCall",
            "tags": ["Calls"],
            "parameters": [{"name": "call_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The call."}},
        }
    }

    problems = gaps(document, readme_python())

    assert [p.split(":")[0] for p in problems] == ["getCall (GET /calls/{call_id})"] * 2
    assert "Op('calls.get_call', ...)" in problems[0]
    assert "add a route to ROUTES in withallo_ext/testing/_routes.py answering GET /calls/{call_id}" in problems[1]


def test_a_method_without_its_twin_or_readme_example_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks after the method exists: take `search` away from AsyncCalls and from the README."""
    monkeypatch.delattr(RESOURCES["AsyncCalls"], "search")
    readme = readme_python().replace(".calls.search(", ".calls.<elided>(")

    problems = [p for p in gaps(spec(), readme) if p.startswith("searchCalls")]

    assert problems == [
        "searchCalls (GET /calls): add AsyncCalls.search, the async twin of Calls.search",
        "searchCalls (GET /calls): add a README.md example calling `client.calls.search(...)`",
    ]
