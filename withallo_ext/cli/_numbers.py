"""`withallo numbers list`: the account's Allo phone numbers."""

from __future__ import annotations

import click

from ._base import Config, pass_config
from ._output import Column, emit_list, json_option

NUMBER_COLUMNS: list[Column] = [
    ("number", lambda n: n.number),
    ("name", lambda n: n.name),
    ("country", lambda n: n.country),
    ("shared", lambda n: n.is_shared_number),
]


@click.group()
def numbers() -> None:
    """The account's Allo phone numbers."""


@numbers.command("list")
@json_option
@pass_config
def list_numbers(config: Config, as_json: bool) -> None:
    """List the numbers the key can see (scope CONVERSATIONS_READ)."""
    emit_list(config.client().phone_numbers.list(), NUMBER_COLUMNS, as_json)
