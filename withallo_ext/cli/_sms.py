"""`withallo sms send`: one text, from an Allo number or (France) from an approved Sender ID."""

from __future__ import annotations

import click

from ._base import Config, pass_config
from ._output import Column, emit_record, json_option

SMS_FIELDS: list[Column] = [
    ("from", lambda s: s.from_number),
    ("sender id", lambda s: s.sender_id),
    ("to", lambda s: s.to_number),
    ("message", lambda s: s.content),
    ("direction", lambda s: s.type_),
    ("sent", lambda s: s.start_date),
]


@click.group()
def sms() -> None:
    """Send texts (scope SMS_SEND)."""


@sms.command("send")
@click.option("--from", "from_", metavar="E164", help="The Allo number to send from.")
@click.option("--sender-id", metavar="NAME", help="France only: an approved alphanumeric Sender ID, instead of --from.")
@click.option("--to", required=True, metavar="E164", help="The recipient, in the sender's country.")
@click.option("--message", required=True, metavar="TEXT", help="1 to 1000 characters.")
@json_option
@pass_config
def send(config: Config, from_: str | None, sender_id: str | None, to: str, message: str, as_json: bool) -> None:
    """Send one SMS: --from NUMBER, or --sender-id NAME for a French recipient. Never sent twice on a timeout."""
    if (from_ is None) == (sender_id is None):
        raise click.UsageError("give exactly one of --from and --sender-id")
    client = config.client()
    if sender_id is not None:
        sent = client.sms.send_france(sender_id=sender_id, to=to, message=message)
    else:
        assert from_ is not None
        sent = client.sms.send(from_=from_, to=to, message=message)
    emit_record(sent, SMS_FIELDS, as_json)
