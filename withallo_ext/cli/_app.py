"""The `withallo` root command: the global options (key, base URL, retries) and the command groups under it."""

from __future__ import annotations

import click

from withallo_ext._config import API_KEY_ENV, BASE_URL_ENV

from . import _calls, _check, _contacts, _fake, _listen, _numbers, _sms, _webhooks
from ._base import Config, RootGroup


@click.group(
    name="withallo", cls=RootGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.option(
    "--api-key",
    envvar=API_KEY_ENV,
    show_envvar=True,
    metavar="KEY",
    help="Allo API key (raw, as created at web.withallo.com/settings/api).",
)
@click.option(
    "--base-url",
    envvar=BASE_URL_ENV,
    show_envvar=True,
    metavar="URL",
    help="API root (default https://api.withallo.com/v1/api; a fake Allo's base URL for tests).",
)
@click.option(
    "--max-retries", type=click.IntRange(0, 10), default=2, show_default=True, help="Retries on 429/5xx/network."
)
@click.option(
    "--allow-insecure-http",
    is_flag=True,
    help="Allow a plain http:// API root or webhook URL beyond localhost (the key, or deliveries, in clear).",
)
@click.version_option(package_name="withallo", prog_name="withallo")
@click.pass_context
def cli(
    ctx: click.Context, api_key: str | None, base_url: str | None, max_retries: int, allow_insecure_http: bool
) -> None:
    """The Allo API from a terminal: numbers, calls, contacts, SMS and webhooks; a local webhook listener; the fake.

    Tables on a terminal; --json on any command that prints data gives the API's JSON (snake_case) for scripts.
    """
    ctx.obj = Config(
        api_key=api_key, base_url=base_url, max_retries=max_retries, allow_insecure_http=allow_insecure_http
    )


for command in (
    _numbers.numbers,
    _calls.calls,
    _contacts.contacts,
    _sms.sms,
    _webhooks.webhooks,
    _check.check,
    _listen.listen,
    _fake.fake,
):
    cli.add_command(command)
