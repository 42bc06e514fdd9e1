"""No import cycle inside withallo_ext (issue 17): each module's imports run one way, whatever the package.

The graph is read from the source with `ast`: every import a module can run, at its top or inside a function (a
deferred import that merely hides a cycle counts), but not those under `if TYPE_CHECKING:`, which never run and
only name types for annotations. A package's implicit import of its own `__init__` is not an edge.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import withallo_ext

PACKAGE = Path(withallo_ext.__file__).parent


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at `root`, by dotted name (`withallo_ext.testing._fake`)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(node: ast.AST, package: str, type_checking: bool) -> Iterator[tuple[str, list[str]]]:
    """(module, names) for each import statement below `node` but those in `if TYPE_CHECKING:` bodies: `import m`
    gives (m, []), `from m import x, y` (m, [x, y]); `package` resolves relative imports."""
    if isinstance(node, ast.If) and _is_type_checking(node) and not type_checking:
        for statement in node.orelse:
            yield from _imported(statement, package, type_checking)
        return
    if isinstance(node, ast.Import):
        yield from ((alias.name, []) for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        parts = package.split(".")
        base = parts[: len(parts) - node.level + 1] if node.level else []
        yield ".".join([*base, *([node.module] if node.module else [])]), [alias.name for alias in node.names]
    for child in ast.iter_child_nodes(node):
        yield from _imported(child, package, type_checking)


def import_graph(root: Path, *, type_checking: bool = False) -> dict[str, set[str]]:
    """module -> the package's modules it imports (at run time, as above; with `type_checking`, those imported for
    annotations only as well).

    `from m import x` is an edge to the module m.x when x is one, else to m (`from m import function` needs m run
    to its end); `from . import x` thus names x, not the package the importer sits in.
    """
    modules = module_names(root)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for module, names in _imported(ast.parse(path.read_text(encoding="utf-8")), package, type_checking):
            submodules = {f"{module}.{n}" for n in names if f"{module}.{n}" in modules}
            needed = submodules | ({module} if len(submodules) < len(names) or not names else set())
            for imported in needed:
                while imported and imported not in modules:  # `import pkg.x.y` of a name below a module
                    imported = imported.rpartition(".")[0]
                if imported and imported != name:
                    targets.add(imported)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted: the import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while (member := stack.pop()) != module:
                component.append(member)
            if component:
                found.append(sorted([module, *component]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_withallo_ext_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert "withallo_ext.testing._fake" in graph  # the walk saw the subpackages
    assert "withallo_ext.testing._server" in graph["withallo_ext.testing._fake"]
    assert cycles(graph) == []


def test_the_fake_and_its_server_depend_one_way() -> None:
    """The fake starts its server; the server knows the fake only as a type (and its handler as a Replier)."""
    graph = import_graph(PACKAGE)
    testing = {name: targets for name, targets in graph.items() if name.startswith("withallo_ext.testing.")}
    assert "withallo_ext.testing._fake" not in testing["withallo_ext.testing._server"]
    assert not any(target.startswith("withallo_ext.testing.") for target in testing["withallo_ext.testing._defaults"])


def test_the_fake_names_itself_back_only_where_a_server_holds_it() -> None:
    """Counting imports for annotations too, the fake's package has one cycle: FakeAlloServer's `fake` attribute is
    typed FakeAllo (a TYPE_CHECKING import) while FakeAllo.serve() makes a FakeAlloServer. Any other part that
    names the fake back for its types only would show here."""
    found = cycles(import_graph(PACKAGE, type_checking=True))
    through_testing = [cycle for cycle in found if any(m.startswith("withallo_ext.testing") for m in cycle)]
    assert through_testing == [["withallo_ext.testing._fake", "withallo_ext.testing._server"]]


def _package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_a_cycle_through_a_deferred_import_is_found(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "a.py": "from .b import f\n",
            "b.py": "def f():\n    from . import a\n",
            "sub/__init__.py": "",
            "sub/c.py": "from pkg.a import f\n",
        },
    )
    graph = import_graph(package)
    assert graph == {
        "pkg": set(),
        "pkg.a": {"pkg.b"},
        "pkg.b": {"pkg.a"},
        "pkg.sub": set(),
        "pkg.sub.c": {"pkg.a"},
    }
    assert cycles(graph) == [["pkg.a", "pkg.b"]]


def test_an_import_for_type_checking_only_is_no_edge(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "a.py": "from .b import f\n",
            "b.py": "import typing\nif typing.TYPE_CHECKING:\n    from .a import g\nelse:\n    from . import c\n",
            "c.py": "",
        },
    )
    assert import_graph(package)["pkg.b"] == {"pkg.c"}  # the else branch runs
    assert cycles(import_graph(package)) == []
    assert import_graph(package, type_checking=True)["pkg.b"] == {"pkg.a", "pkg.c"}
    assert cycles(import_graph(package, type_checking=True)) == [["pkg.a", "pkg.b"]]
