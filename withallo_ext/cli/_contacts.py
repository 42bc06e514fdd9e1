"""`withallo contacts list|get|create|update|conversation`: the account's contacts and what was said with them."""

from __future__ import annotations

from typing import Any

import click

from ._base import Config, pass_config
from ._output import Column, emit_record, json_option
from ._paging import list_pages, paging_options

CONTACT_COLUMNS: list[Column] = [
    ("id", lambda c: c.id),
    ("name", lambda c: c.name),
    ("last name", lambda c: c.last_name),
    ("numbers", lambda c: c.numbers),
    ("emails", lambda c: c.emails),
    ("company", lambda c: getattr(c.company, "name", None)),
]
CONTACT_FIELDS: list[Column] = [
    *CONTACT_COLUMNS,
    ("job title", lambda c: c.job_title),
    ("website", lambda c: c.website),
    ("status", lambda c: c.status),
    ("created", lambda c: c.created_at),
    ("updated", lambda c: c.updated_at),
    ("last activity", lambda c: c.last_activity_date),
    ("conversation", lambda c: c.conversation_url),
]


def _entry_part(entry: Any) -> Any:
    return entry.call or entry.message


ENTRY_COLUMNS: list[Column] = [
    ("type", lambda e: e.type_),
    ("date", lambda e: getattr(_entry_part(e), "start_date", None)),
    ("direction", lambda e: getattr(_entry_part(e), "type_", None)),
    ("from", lambda e: getattr(_entry_part(e), "from_number", None)),
    ("to", lambda e: getattr(_entry_part(e), "to_number", None)),
    ("text / summary", lambda e: e.message.content if e.message else getattr(e.call, "summary", None)),
]

_TEXT_FIELDS = ("name", "last_name", "job_title", "website", "company")


def contact_fields(func: Any) -> Any:
    """The options create and update share: the text fields, and --number/--email (repeatable)."""
    for name in reversed(_TEXT_FIELDS):
        func = click.option(f"--{name.replace('_', '-')}", name, metavar="TEXT", help=f"The contact's {name}.")(func)
    func = click.option("--email", "emails", multiple=True, metavar="EMAIL", help="An email (repeat for more).")(func)
    return click.option("--number", "numbers", multiple=True, metavar="E164", help="A number (repeat for more).")(func)


@click.group()
def contacts() -> None:
    """Contacts (scopes CONTACTS_READ, CONTACTS_READ_WRITE) and their conversations (CONVERSATIONS_READ)."""


@contacts.command("list")
@paging_options
@json_option
@pass_config
def list_contacts(config: Config, page: int | None, size: int | None, walk_all: bool, as_json: bool) -> None:
    """List contacts: one page (--page/--size) or every page (--all)."""
    client = config.client()
    list_pages(
        lambda p, s: client.contacts.search(page=p, size=s),
        page=page,
        size=size,
        walk_all=walk_all,
        columns=CONTACT_COLUMNS,
        noun="contact",
        as_json=as_json,
    )


@contacts.command("get")
@click.argument("contact_id", metavar="ID")
@click.option("--extend", multiple=True, type=click.Choice(["engagement", "activity"]), help="Ask for more.")
@json_option
@pass_config
def get_contact(config: Config, contact_id: str, extend: tuple[str, ...], as_json: bool) -> None:
    """Show one contact by id."""
    contact = config.client().contacts.get(contact_id, extend=list(extend) or None)
    emit_record(contact, CONTACT_FIELDS, as_json)


@contacts.command("create")
@contact_fields
@json_option
@pass_config
def create_contact(
    config: Config, /, numbers: tuple[str, ...], emails: tuple[str, ...], as_json: bool, **text: str | None
) -> None:
    """Create a contact with at least one --number (E.164)."""
    if not numbers:
        raise click.UsageError("a contact needs at least one --number")
    contact = config.client().contacts.create(numbers=list(numbers), emails=list(emails) or None, **text)
    emit_record(contact, CONTACT_FIELDS, as_json)


@contacts.command("update")
@click.argument("contact_id", metavar="ID")
@contact_fields
@click.option(
    "--clear", multiple=True, type=click.Choice(_TEXT_FIELDS), help="Empty a text field (sent as null; repeatable)."
)
@json_option
@pass_config
def update_contact(
    config: Config,
    /,
    contact_id: str,
    numbers: tuple[str, ...],
    emails: tuple[str, ...],
    clear: tuple[str, ...],
    as_json: bool,
    **text: str | None,
) -> None:
    """Change the fields given; --number / --email replace the whole list; the rest keep their value."""
    fields: dict[str, Any] = {name: value for name, value in text.items() if value is not None}
    both = sorted(set(fields) & set(clear))
    if both:
        raise click.UsageError(f"--{both[0].replace('_', '-')} and --clear {both[0]} do not go together")
    fields.update(dict.fromkeys(clear))
    if numbers:
        fields["numbers"] = list(numbers)
    if emails:
        fields["emails"] = list(emails)
    if not fields:
        raise click.UsageError("nothing to update: give at least one field option (see --help)")
    contact = config.client().contacts.update(contact_id, **fields)
    emit_record(contact, CONTACT_FIELDS, as_json)


@contacts.command("conversation")
@click.argument("contact_id", metavar="ID")
@click.option("--number", "allo_number", metavar="E164", help="Only what went through this Allo number.")
@paging_options
@json_option
@pass_config
def conversation(
    config: Config,
    contact_id: str,
    allo_number: str | None,
    page: int | None,
    size: int | None,
    walk_all: bool,
    as_json: bool,
) -> None:
    """The calls and texts exchanged with a contact, newest first."""
    client = config.client()
    list_pages(
        lambda p, s: client.contacts.search_conversation(contact_id, page=p, size=s, allo_number=allo_number),
        page=page,
        size=size,
        walk_all=walk_all,
        columns=ENTRY_COLUMNS,
        noun="entry",
        plural="entries",
        as_json=as_json,
    )
