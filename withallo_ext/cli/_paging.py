"""The paging options shared by list commands: `--page P --size S` for one page, or `--all` to walk them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from withallo_ext._pages import Page

from ._output import Column, emit_list, page_footer, walk

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def paging_options(func: F) -> F:
    """--page, --size and --all (with --all, --size is the page size of the walk)."""
    func = click.option("--all", "walk_all", is_flag=True, help="Every page, not one (progress bar on a terminal).")(
        func
    )
    func = click.option("--size", type=click.IntRange(1, 100), default=None, help="Page size, 1-100 [10; --all: 100].")(
        func
    )
    return click.option("--page", type=click.IntRange(min=0), default=None, help="Page number, from 0 [0].")(func)


def list_pages(
    fetch: Callable[[int, int], Page[T]],
    *,
    page: int | None,
    size: int | None,
    walk_all: bool,
    columns: list[Column],
    noun: str,
    as_json: bool,
    plural: str | None = None,
) -> None:
    """Print one page (`fetch(page, size)`) or, with --all, every item across pages."""
    if walk_all:
        if page is not None:
            raise click.UsageError("--page and --all do not go together")
        step = size or 100
        emit_list(walk(lambda number: fetch(number, step), f"Fetching {plural or noun + 's'}"), columns, as_json)
        return
    result = fetch(page or 0, size or 10)
    emit_list(result.results, columns, as_json, footer=page_footer(result, noun, plural))
