"""How the command line prints: a table on a terminal, tab-separated lines when piped, the exact JSON with `--json`,
and a progress bar for page walks only when stdout (and stderr) is a terminal.

"Terminal" is rich's answer (`Console.is_terminal`), so `TTY_COMPATIBLE=1` / `FORCE_COLOR` force the table and
`TTY_COMPATIBLE=0` the plain lines. Consoles are made per call: tests swap sys.stdout between invocations.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from withallo_client.types import Unset
from withallo_ext._pages import Page, iterate
from withallo_ext._sanitize import escaped, json_text

T = TypeVar("T")
Column = tuple[str, Callable[[Any], object]]  # header, and how to read the cell from a model

json_option = click.option("--json", "as_json", is_flag=True, help="Print the API's JSON (snake_case) instead.")


def stdout_console() -> Console:
    return Console(highlight=False)


def on_terminal() -> bool:
    """Whether stdout is a terminal (by rich's rules), i.e. whether a human reads the output."""
    return stdout_console().is_terminal


def cell(value: object) -> str:
    """One value as table text: dates to the minute, enums by value, lists comma-separated, UNSET/None empty;
    control characters escaped (``\\x1b``, never cut: a hostile name must not reach the terminal as an escape)."""
    return escaped(_plain(value))


def _plain(value: object) -> str:
    if value is None or isinstance(value, Unset):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item) for item in value)
    return " ".join(str(value).split())  # one line: newlines and tabs would break the plain output's columns


def to_json(value: Any) -> Any:
    """The wire's JSON (snake_case names) of models, lists and dicts of models."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


def print_json(value: Any) -> None:
    click.echo(json_text(json.dumps(to_json(value), indent=2, ensure_ascii=False)))


def print_table(rows: Sequence[Any], columns: Sequence[Column], *, footer: str | None = None) -> None:
    """A rich table on a terminal (with `footer` under it); a header line and tab-separated rows otherwise."""
    console = stdout_console()
    if not console.is_terminal:
        click.echo("\t".join(header for header, _ in columns))
        for row in rows:
            click.echo("\t".join(cell(get(row)) for _, get in columns))
        return
    table = Table(header_style="bold")
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell(get(row))) for _, get in columns))  # Text: a "[" in a name is not markup
    console.print(table)
    if footer:
        console.print(Text(footer, style="dim"))


def print_record(record: Any, fields: Sequence[Column]) -> None:
    """One result, field per line: a two-column table on a terminal, `field<TAB>value` lines otherwise."""
    console = stdout_console()
    if not console.is_terminal:
        for name, get in fields:
            click.echo(f"{name}\t{cell(get(record))}")
        return
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for name, get in fields:
        table.add_row(name, Text(cell(get(record))))
    console.print(table)


def emit_list(rows: Sequence[Any], columns: Sequence[Column], as_json: bool, *, footer: str | None = None) -> None:
    if as_json:
        print_json(list(rows))
    else:
        print_table(rows, columns, footer=footer)


def emit_record(record: Any, fields: Sequence[Column], as_json: bool) -> None:
    if as_json:
        print_json(record)
    else:
        print_record(record, fields)


@contextmanager
def page_progress(label: str) -> Iterator[Callable[[int, int | None], None]]:
    """`update(pages_done, total_pages)`; a progress bar on stderr only when stdout and stderr are terminals."""
    bar_console = Console(stderr=True)
    if not (on_terminal() and bar_console.is_terminal):
        yield lambda done, total: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"))
    with Progress(*columns, TimeElapsedColumn(), console=bar_console) as progress:
        task = progress.add_task(label, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def walk(fetch: Callable[[int], Page[T]], label: str) -> list[T]:
    """Every item across pages (the SDK's own walk: it stops on the last or an empty page), with a progress bar."""
    with page_progress(label) as update:

        def counted(number: int) -> Page[T]:
            page = fetch(number)
            update(number + 1, page.total_pages if page.results else number + 1)
            return page

        return list(iterate(counted))


def page_footer(page: Page[Any], noun: str, plural: str | None = None) -> str:
    """`page 1 of 4 (--page 0); --all for every call` under a table of one page."""
    if page.current_page is None or page.total_pages is None:
        return f"{len(page)} {plural or noun + 's'}"
    hint = f"; --page {page.current_page + 1} for the next, --all for every {noun}" if page.has_more else ""
    return f"page {page.current_page + 1} of {page.total_pages} (--page {page.current_page}){hint}"
