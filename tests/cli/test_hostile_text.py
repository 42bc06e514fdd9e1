"""Text from the server reaches the terminal escaped: a contact named with terminal escapes (CSI colour, OSC
window title ended by BEL) is shown as `\\x1b...` text in the table, the tab-separated lines and the JSON, and
never as raw ESC or BEL bytes that would recolour the terminal or retitle its window."""

from __future__ import annotations

import json
import re

from withallo_ext.testing import FakeAlloServer

from .conftest import KEY, Cli

EVIL = "Evil\x1b[31mRED\x1b]0;pwned\x07"
SHOWN = "Evil\\x1b[31mRED\\x1b]0;pwned\\x07"  # what a reader sees instead
_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # rich's own bold and dim: the only escapes a table may hold


def _evil_contact(server: FakeAlloServer) -> str:
    with server.client(api_key=KEY) as client:
        contact = client.contacts.create(numbers=["+14155550177"], name=EVIL, company="Acme\u009b2J\x7f")
    assert contact.name == EVIL  # the SDK hands the caller the value as the server sent it
    assert isinstance(contact.id, str)
    return contact.id


def test_a_hostile_contact_name_is_escaped_in_tab_separated_lines(run: Cli, server: FakeAlloServer) -> None:
    contact_id = _evil_contact(server)
    one = run("contacts", "get", contact_id)
    assert one.exit_code == 0
    assert f"name\t{SHOWN}" in one.stdout.splitlines()
    assert "company\tAcme\\x9b2J\\x7f" in one.stdout.splitlines()  # C1 CSI and DEL as well
    listed = run("contacts", "list", "--all")
    [row] = [line for line in listed.stdout.splitlines() if line.startswith(contact_id + "\t")]
    assert SHOWN in row.split("\t")
    for output in (one.stdout, listed.stdout):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", output), repr(output)


def test_a_hostile_contact_name_is_escaped_in_a_terminal_table(run: Cli, server: FakeAlloServer) -> None:
    contact_id = _evil_contact(server)
    for args in (("contacts", "get", contact_id), ("contacts", "list", "--all")):
        result = run(*args, terminal=True)
        assert result.exit_code == 0
        assert "\x1b[31m" not in result.stdout
        unstyled = _STYLE.sub("", result.stdout)
        assert SHOWN in unstyled
        assert "\x1b" not in unstyled
        assert "\x07" not in unstyled
        assert "\x9b" not in unstyled


def test_json_output_escapes_every_control_character(run: Cli, server: FakeAlloServer) -> None:
    contact_id = _evil_contact(server)
    result = run("contacts", "get", contact_id, "--json")
    assert json.loads(result.stdout)["name"] == EVIL  # the same data
    assert json.loads(result.stdout)["company"]["name"] == "Acme\u009b2J\x7f"
    assert "\\u001b]0;pwned\\u0007" in result.stdout
    assert "Acme\\u009b2J\\u007f" in result.stdout  # json.dumps leaves C1 and DEL raw; the CLI does not
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.stdout)
