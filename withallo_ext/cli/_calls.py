"""`withallo calls list`: an Allo number's call history, one page or every page."""

from __future__ import annotations

import click

from ._base import Config, pass_config
from ._output import Column, json_option
from ._paging import list_pages, paging_options

CALL_COLUMNS: list[Column] = [
    ("id", lambda c: c.id),
    ("date", lambda c: c.start_date),
    ("direction", lambda c: c.type_),
    ("result", lambda c: c.result),
    ("from", lambda c: c.from_number),
    ("to", lambda c: c.to_number),
    ("min", lambda c: c.length_in_minutes),
    ("summary", lambda c: c.summary),
]


@click.group()
def calls() -> None:
    """Call history (scope CONVERSATIONS_READ)."""


@calls.command("list")
@click.option("--number", "allo_number", required=True, metavar="E164", help="The Allo number whose calls to list.")
@click.option("--contact", "contact_number", metavar="E164", help="Only the calls with this number.")
@paging_options
@json_option
@pass_config
def list_calls(
    config: Config,
    allo_number: str,
    contact_number: str | None,
    page: int | None,
    size: int | None,
    walk_all: bool,
    as_json: bool,
) -> None:
    """List an Allo number's calls, newest first: one page (--page/--size) or every page (--all)."""
    client = config.client()
    list_pages(
        lambda p, s: client.calls.search(allo_number, contact_number=contact_number, page=p, size=s),
        page=page,
        size=size,
        walk_all=walk_all,
        columns=CALL_COLUMNS,
        noun="call",
        as_json=as_json,
    )
