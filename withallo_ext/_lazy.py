"""Public names loaded on first use: the module `__getattr__` that `withallo_ext` and `withallo_ext.webhooks` share.

A package lists each public name with the module that defines it; the first `package.Name` (or `from package import
Name`) imports that module and keeps the value in the package's namespace, so later uses cost a dict lookup. An
unknown name is an AttributeError naming the package, as Python's own would.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, defined_in: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module-level `__getattr__` for `package`: `defined_in` maps each public name to the module defining it."""

    def __getattr__(name: str) -> Any:
        module = defined_in.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
