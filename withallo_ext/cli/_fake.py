"""`withallo fake`: serve the fake Allo on a local port until Ctrl-C, as `python -m withallo_ext.testing` does."""

from __future__ import annotations

import inspect
import sys
from typing import TYPE_CHECKING, Any

import click

from ._base import serve_until_stopped

if TYPE_CHECKING:
    from withallo_ext.testing import FakeAllo


def _make_fake(seed: int, api_key: str | None, pagination: str, rate_limits: bool) -> FakeAllo:
    from withallo_ext.testing import FakeAllo  # here, not at import: the other commands need no fake

    options: dict[str, Any] = {"seed": seed, "pagination": pagination}
    if api_key is not None:
        options["api_key"] = api_key
    if rate_limits:
        if "rate_limits" not in inspect.signature(FakeAllo).parameters:  # FakeAllo(rate_limits=) came with send_many
            raise click.UsageError("--rate-limits: this version's FakeAllo does not enforce rate limits")
        options["rate_limits"] = True
    return FakeAllo(**options)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8010, show_default=True, help="0 picks a free one.")
@click.option("--api-key", "fake_key", metavar="KEY", help="The raw key the fake accepts [fake_allo_test_key].")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the generated account data.")
@click.option(
    "--pagination", type=click.Choice(["nested", "flat"]), default="nested", show_default=True, help="Page metadata."
)
@click.option("--rate-limits", is_flag=True, help="Enforce Allo's per-key rate limits (X-RateLimit-* headers).")
@click.option("--quiet", is_flag=True, help="No line per request.")
def fake(host: str, port: int, fake_key: str, seed: int, pagination: str, rate_limits: bool, quiet: bool) -> None:
    """Serve a fake Allo v1 API (seeded data, no account, no network) until Ctrl-C.

    Prints its base URL and key; point the SDK or this CLI at it with the two exported variables it shows.
    """
    instance = _make_fake(seed, fake_key, pagination, rate_limits)
    log = None if quiet else (lambda line: click.echo(line, err=True))
    with instance.serve(host=host, port=port, log=log) as server:
        click.echo(f"Fake Allo API listening on {server.base_url}")
        click.echo(f"API key (Authorization header, no Bearer): {server.api_key}")
        click.echo(f"  export WITHALLO_BASE_URL={server.base_url} WITHALLO_API_KEY={server.api_key}")
        click.echo("Press Ctrl-C to stop.")
        sys.stdout.flush()
        serve_until_stopped()
