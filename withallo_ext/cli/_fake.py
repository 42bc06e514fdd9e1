"""`withallo fake`: serve the fake Allo on a local port until Ctrl-C, as `python -m withallo_ext.testing` does."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal

import click

from ._base import serve_until_stopped

if TYPE_CHECKING:
    from withallo_ext._ratelimit import RateLimits


def _limits(rate_limits: bool, get_per_second: int | None, write_per_second: int | None) -> RateLimits | None:
    """The per-key limits asked for (Allo's by default), or None; a bad number is an InvalidParameterError (exit 2)."""
    from withallo_ext._ratelimit import RateLimits

    custom = {
        name: value
        for name, value in (("get_per_second", get_per_second), ("write_per_second", write_per_second))
        if value is not None
    }
    if custom and not rate_limits:
        raise click.UsageError("--get-per-second and --write-per-second need --rate-limits")
    return RateLimits(**custom) if rate_limits else None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8010, show_default=True, help="0 picks a free one.")
@click.option("--api-key", "fake_key", metavar="KEY", help="The raw key the fake accepts [fake_allo_test_key].")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the generated account data.")
@click.option(
    "--pagination", type=click.Choice(["nested", "flat"]), default="nested", show_default=True, help="Page metadata."
)
@click.option("--rate-limits", is_flag=True, help="Enforce Allo's per-key limits (20 GET/s, 5 writes/s), with 429s.")
@click.option("--get-per-second", type=int, metavar="N", help="GET limit with --rate-limits.")
@click.option("--write-per-second", type=int, metavar="N", help="Write limit with --rate-limits.")
@click.option("--quiet", is_flag=True, help="No line per request.")
def fake(
    host: str,
    port: int,
    fake_key: str | None,
    seed: int,
    pagination: Literal["nested", "flat"],  # click.Choice guarantees it
    rate_limits: bool,
    get_per_second: int | None,
    write_per_second: int | None,
    quiet: bool,
) -> None:
    """Serve a fake Allo v1 API (seeded data, no account, no network) until Ctrl-C.

    Prints its base URL and key; point the SDK or this CLI at it with the two exported variables it shows.
    """
    from withallo_ext._validate import is_loopback_host
    from withallo_ext.testing import DEFAULT_API_KEY, FakeAllo  # here: the other commands need no fake
    from withallo_ext.testing.__main__ import serving_lines
    from withallo_ext.testing._server import beyond_loopback_warning

    limits = _limits(rate_limits, get_per_second, write_per_second)
    if not is_loopback_host(host):
        click.echo(f"WARNING: {beyond_loopback_warning(host)}", err=True)
    instance = FakeAllo(seed=seed, api_key=fake_key or DEFAULT_API_KEY, pagination=pagination, rate_limits=limits)
    log = None if quiet else (lambda line: click.echo(line, err=True))
    with instance.serve(host=host, port=port, log=log) as server:
        for line in serving_lines(server, limits):
            click.echo(line)
        sys.stdout.flush()
        serve_until_stopped()
