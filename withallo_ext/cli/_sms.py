"""`withallo sms send` (one text, from an Allo number or, France, an approved Sender ID) and `withallo sms send-many`
(one text per CSV row, through `sms.send_many`: every row checked first, then sent with bounded concurrency)."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

import click
from rich.console import Console

from withallo_ext._resources.sms.bulk import SendManyInterrupted

from ._base import FAILURE, INTERRUPTED, USAGE_ERROR, Config, describe, fail, pass_config
from ._output import Column, emit_record, json_option, on_terminal, print_json, print_table

if TYPE_CHECKING:
    from withallo_ext import SmsCheck, SmsOutcome

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


_COLUMNS = ("to", "message", "from", "sender_id")


def read_messages(
    source: TextIO, name: str, default_from: str | None, default_sender_id: str | None
) -> tuple[list[dict[str, str]], list[int]]:
    """The CSV's messages (header `to,message` and `from` or `sender_id`; --from/--sender-id fill an empty or
    missing sender) and each one's line number. Unknown columns are refused: a typo must not go unnoticed."""
    reader = csv.DictReader(source)
    header = [column.strip() for column in reader.fieldnames or []]
    reader.fieldnames = header
    unknown = [column for column in header if column not in _COLUMNS]
    if unknown or not {"to", "message"} <= set(header):
        raise click.UsageError(
            f"{name}: the header must name to, message and from or sender_id (got {', '.join(header) or 'none'})"
        )
    messages: list[dict[str, str]] = []
    lines: list[int] = []
    for row in reader:
        if not any((value or "").strip() for value in row.values()):
            continue  # a blank line
        message = {"to": (row.get("to") or "").strip(), "message": row.get("message") or ""}
        row_from, row_sender_id = (row.get("from") or "").strip(), (row.get("sender_id") or "").strip()
        if not (row_from or row_sender_id):
            row_from, row_sender_id = default_from or "", default_sender_id or ""
        if row_from:
            message["from"] = row_from
        if row_sender_id:
            message["sender_id"] = row_sender_id  # both set: check_many reports the row
        messages.append(message)
        lines.append(reader.line_num)
    return messages, lines


def _sender(message: Mapping[str, Any]) -> str:
    return str(message.get("from") or message.get("sender_id") or "")


@sms.command("send-many")
@click.argument("source", metavar="FILE.csv", type=click.File("r", encoding="utf-8-sig"))
@click.option("--from", "from_", metavar="E164", help="Sender for rows that name none.")
@click.option("--sender-id", metavar="NAME", help="France: Sender ID for rows that name none.")
@click.option("--check", "check_only", is_flag=True, help="Check every row (encoding, segments); send nothing.")
@click.option("--skip-invalid", is_flag=True, help="Send the valid rows even if some are invalid.")
@click.option("--concurrency", type=click.IntRange(1, 16), default=4, show_default=True, help="Sends in flight.")
@json_option
@pass_config
def send_many(
    config: Config,
    source: TextIO,
    from_: str | None,
    sender_id: str | None,
    check_only: bool,
    skip_invalid: bool,
    concurrency: int,
    as_json: bool,
) -> None:
    """Send one SMS per CSV row (columns to, message, and from or sender_id), each at most once.

    Every row is checked first; any invalid row stops the run before anything is sent (unless --skip-invalid).
    Exit 0 when every message was sent, 1 when some failed (see the table or the JSON).
    """
    from withallo_ext._resources.sms.bulk import check_many

    if from_ and sender_id:
        raise click.UsageError("give at most one of --from and --sender-id")
    messages, lines = read_messages(source, source.name, from_, sender_id)
    if not messages:
        raise click.UsageError(f"{source.name}: no rows to send")
    checks = check_many(messages)
    invalid = [c for c in checks if not c.ok]
    if check_only or (invalid and not skip_invalid):
        _print_checks(checks, messages, lines, as_json)
        if invalid:
            hint = "" if check_only else "; nothing was sent (--skip-invalid sends the others)"
            fail(f"{len(invalid)} of {len(messages)} rows are invalid{hint}", USAGE_ERROR)
        return
    try:
        outcomes = config.client().sms.send_many(
            messages, max_concurrency=concurrency, progress_bar=on_terminal() and Console(stderr=True).is_terminal
        )
    except SendManyInterrupted as interrupted:
        _print_outcomes(interrupted.outcomes, lines, as_json)
        fail(f"interrupted: {sum(o.ok for o in interrupted.outcomes)} of {len(messages)} sent", INTERRUPTED)
    _print_outcomes(outcomes, lines, as_json)
    failed = sum(not o.ok for o in outcomes)
    if failed:
        fail(f"{failed} of {len(outcomes)} messages were not sent (see above)", FAILURE)
    if not as_json:
        click.echo(f"Sent {len(outcomes)} of {len(outcomes)} messages.")


def _print_checks(checks: list[SmsCheck], messages: list[dict[str, str]], lines: list[int], as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {
                    "line": lines[c.index],
                    "ok": c.ok,
                    "encoding": c.encoding,
                    "segments": c.segments,
                    "error": None if c.error is None else str(c.error),
                }
                for c in checks
            ]
        )
        return
    columns: list[Column] = [
        ("line", lambda c: lines[c.index]),
        ("to", lambda c: messages[c.index]["to"]),
        ("sender", lambda c: _sender(messages[c.index])),
        ("encoding", lambda c: c.encoding),
        ("segments", lambda c: c.segments if c.ok else ""),
        ("check", lambda c: "ok" if c.ok else str(c.error)),
    ]
    print_table(checks, columns)
    valid = [c for c in checks if c.ok]
    click.echo(f"{len(valid)} of {len(checks)} rows valid, {sum(c.segments for c in valid)} SMS segments in all.")


def _print_outcomes(outcomes: list[SmsOutcome], lines: list[int], as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {
                    "line": lines[o.index],
                    "ok": o.ok,
                    "result": None if o.result is None else o.result.to_dict(),
                    "error": None if o.error is None else describe(o.error),
                    "may_have_been_sent": o.may_have_been_sent,
                }
                for o in outcomes
            ]
        )
        return
    columns: list[Column] = [
        ("line", lambda o: lines[o.index]),
        ("to", lambda o: o.message.get("to")),
        ("sender", lambda o: _sender(o.message)),
        ("sent", lambda o: "yes" if o.ok else ("maybe" if o.may_have_been_sent else "no")),
        ("error", lambda o: None if o.error is None else describe(o.error)),
    ]
    print_table(outcomes, columns)
