"""`withallo check`: is the key valid, and which numbers does it see."""

from __future__ import annotations

import click

from ._base import Config, pass_config
from ._numbers import NUMBER_COLUMNS
from ._output import json_option, on_terminal, print_json, print_table


@click.command()
@json_option
@pass_config
def check(config: Config, as_json: bool) -> None:
    """Check the key against the API: lists its numbers, or fails with the reason (exit 1)."""
    client = config.client()
    numbers = client.phone_numbers.list()  # an invalid key or a missing scope raises, reported as one line
    if as_json:
        print_json({"ok": True, "base_url": client.base_url, "numbers": numbers})
        return
    click.echo(f"OK: the key works against {client.base_url} and sees {len(numbers)} number(s).")
    if numbers or on_terminal():
        print_table(numbers, NUMBER_COLUMNS)
