"""`withallo webhooks list|create|delete`: the account's webhook subscriptions, listed, created and deleted."""

from __future__ import annotations

import click

from withallo_client.models.webhook_topic import WebhookTopic

from ._base import Config, pass_config
from ._output import Column, emit_list, emit_record, json_option, print_json

WEBHOOK_COLUMNS: list[Column] = [
    ("id", lambda w: w.id),
    ("allo number", lambda w: w.allo_number),
    ("url", lambda w: w.url),
    ("topics", lambda w: w.topics),
    ("enabled", lambda w: w.enabled),
]
_TOPICS = [topic.value for topic in WebhookTopic]


@click.group()
def webhooks() -> None:
    """Webhook subscriptions (scope WEBHOOKS_READ_WRITE)."""


@webhooks.command("list")
@json_option
@pass_config
def list_webhooks(config: Config, as_json: bool) -> None:
    """List every webhook of the account."""
    emit_list(config.client().webhooks.list(), WEBHOOK_COLUMNS, as_json)


@webhooks.command("create")
@click.option("--number", "allo_number", required=True, metavar="E164", help="The Allo number whose events to send.")
@click.option("--url", required=True, help="Where Allo POSTs the events (https).")
@click.option(
    "--topic",
    "topics",
    required=True,
    multiple=True,
    type=click.Choice(_TOPICS, case_sensitive=False),
    help="An event to subscribe to (repeat for more).",
)
@click.option("--disabled", is_flag=True, help="Create it switched off.")
@json_option
@pass_config
def create_webhook(
    config: Config, allo_number: str, url: str, topics: tuple[str, ...], disabled: bool, as_json: bool
) -> None:
    """Subscribe a URL to events of one Allo number."""
    hook = config.client().webhooks.create(
        allo_number=allo_number, url=url, topics=[t.upper() for t in topics], enabled=not disabled
    )
    emit_record(hook, WEBHOOK_COLUMNS, as_json)


@webhooks.command("delete")
@click.argument("webhook_id", metavar="ID")
@json_option
@pass_config
def delete_webhook(config: Config, webhook_id: str, as_json: bool) -> None:
    """Delete a webhook by id (exit 1 with NotFoundError if there is none)."""
    config.client().webhooks.delete(webhook_id)
    if as_json:
        print_json({"deleted": True, "id": webhook_id})
    else:
        click.echo(f"Deleted webhook {webhook_id}.")
