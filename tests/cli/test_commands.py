"""Every data command against the fake over a socket: what goes on the wire, the plain and --json output."""

from __future__ import annotations

import json

from withallo_ext.testing import FakeAllo, FakeAlloServer

from .conftest import ALLO, KEY, Cli, plain, sdk_json


def test_numbers_list_prints_plain_lines_when_piped(run: Cli, fake: FakeAllo) -> None:
    result = run("numbers", "list")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "number\tname\tcountry\tshared",
        "+14155550123\tMain Line\tUS\tno",
        "+16465550142\tSales NYC\tUS\tyes",
        "+33199001234\tFrance Office\tFR\tyes",
    ]
    assert result.stderr == ""
    request = fake.last_request
    assert (request.method, request.path, request.status, request.authorization) == ("GET", "/numbers", 200, "***")


def test_numbers_list_json_is_the_sdk_models_to_dict(run: Cli, server: FakeAlloServer) -> None:
    result = run("numbers", "list", "--json")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == sdk_json(server, lambda c: c.phone_numbers.list())
    assert printed[0] == {"number": ALLO, "name": "Main Line", "country": "US", "is_shared_number": False}


def test_numbers_list_is_a_table_on_a_terminal(run: Cli) -> None:
    result = run("numbers", "list", terminal=True)
    assert result.exit_code == 0
    lines = plain(result.stdout).splitlines()
    assert lines[0].startswith("┏")
    assert lines[-1].startswith("└")
    assert "┃ number " in lines[1]
    assert "country" in lines[1]
    assert any(line.startswith("│ +33199001234 │ France Office │ FR ") for line in lines)


def test_calls_list_sends_the_filters_and_prints_one_page(run: Cli, fake: FakeAllo, server: FakeAlloServer) -> None:
    contact = "+14155550189"
    result = run("calls", "list", "--number", ALLO, "--contact", contact, "--page", "0", "--size", "5", "--json")
    assert result.exit_code == 0
    request = fake.last_request
    assert (request.method, request.path) == ("GET", "/calls")
    assert request.query == {"allo_number": ALLO, "contact_number": contact, "page": "0", "size": "5"}
    printed = json.loads(result.stdout)
    assert printed == sdk_json(server, lambda c: c.calls.search(ALLO, contact_number=contact, size=5))
    assert printed
    assert {call["from_number"] for call in printed} | {call["to_number"] for call in printed} >= {contact}
    assert "type" in printed[0]
    assert "type_" not in printed[0]


def test_calls_list_on_a_terminal_says_which_page_it_is(run: Cli) -> None:
    result = run("calls", "list", "--number", ALLO, "--page", "1", "--size", "10", terminal=True)
    assert result.exit_code == 0
    assert "page 2 of 4 (--page 1); --page 2 for the next, --all for every call" in result.stdout
    assert result.stdout.count("│ call-") == 10


def test_calls_list_all_walks_every_page_without_progress_when_piped(
    run: Cli, fake: FakeAllo, server: FakeAlloServer
) -> None:
    result = run("calls", "list", "--number", ALLO, "--all", "--size", "10", "--json")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert len(printed) == 31
    assert printed == [call.to_dict() for call in server.client(api_key=KEY).calls.iter(ALLO, size=10)]
    assert [r.query["page"] for r in fake.requests_to("GET", "/calls")][:4] == ["0", "1", "2", "3"]
    assert result.stderr == ""  # no progress bar when stdout is not a terminal


def test_an_all_walk_on_a_terminal_shows_a_progress_bar(run: Cli, server: FakeAlloServer) -> None:
    result = run("contacts", "list", "--all", "--size", "10", terminal=True)
    assert result.exit_code == 0
    bar = plain(result.stderr).replace("\r", "\n").splitlines()
    assert any(line.startswith("Fetching contacts ━") and line.endswith("2/2 pages 0:00:00") for line in bar), bar
    everyone = sdk_json(server, lambda c: list(c.contacts.iter()))
    assert len(everyone) > 10  # two pages of 10
    assert plain(result.stdout).count("│ cnt_") == len(everyone)  # every contact, in one table


def test_page_and_all_do_not_go_together(run: Cli, fake: FakeAllo) -> None:
    result = run("calls", "list", "--number", ALLO, "--all", "--page", "1")
    assert result.exit_code == 2
    assert result.stderr == "Error: --page and --all do not go together (see 'withallo calls list --help')\n"
    assert fake.requests == []


def test_contacts_list_get_and_conversation(run: Cli, fake: FakeAllo, server: FakeAlloServer) -> None:
    everyone = json.loads(run("contacts", "list", "--all", "--json").stdout)
    assert everyone == sdk_json(server, lambda c: list(c.contacts.iter()))
    first = everyone[0]["id"]

    one = run("contacts", "get", first, "--extend", "activity", "--json")
    assert fake.last_request.query == {"extend": "activity"}
    assert json.loads(one.stdout) == sdk_json(server, lambda c: c.contacts.get(first, extend=["activity"]))
    assert "activity" in json.loads(one.stdout)

    plain = run("contacts", "get", first).stdout.splitlines()
    assert f"id\t{first}" in plain
    assert f"name\t{everyone[0]['name']}" in plain

    talk = run("contacts", "conversation", first, "--all", "--json")
    assert json.loads(talk.stdout) == sdk_json(server, lambda c: list(c.contacts.iter_conversation(first)))


def test_contacts_create_and_update_send_the_fields_given(run: Cli, fake: FakeAllo) -> None:
    created = run(
        "contacts", "create", "--number", "+14155550177", "--name", "Ada", "--email", "ada@acme.example", "--json"
    )
    assert created.exit_code == 0
    assert fake.last_request.json == {"numbers": ["+14155550177"], "name": "Ada", "emails": ["ada@acme.example"]}
    contact = json.loads(created.stdout)
    assert (contact["name"], contact["numbers"]) == ("Ada", ["+14155550177"])

    updated = run("contacts", "update", contact["id"], "--last-name", "Lovelace", "--clear", "name", "--json")
    assert updated.exit_code == 0
    request = fake.last_request
    assert (request.method, request.path) == ("PUT", f"/contacts/{contact['id']}")
    assert request.json == {"last_name": "Lovelace", "name": None}
    assert json.loads(updated.stdout)["last_name"] == "Lovelace"


def test_contacts_update_with_nothing_to_change_is_a_usage_error(run: Cli, fake: FakeAllo) -> None:
    result = run("contacts", "update", "cnt_1")
    assert result.exit_code == 2
    assert "nothing to update" in result.stderr
    assert fake.requests == []


def test_sms_send_from_a_number(run: Cli, fake: FakeAllo) -> None:
    result = run(
        "sms", "send", "--from", ALLO, "--to", "+14155550199", "--message", "Your order has shipped.", "--json"
    )
    assert result.exit_code == 0
    assert fake.last_request.json == {"from": ALLO, "to": "+14155550199", "message": "Your order has shipped."}
    sent = json.loads(result.stdout)
    assert (sent["from_number"], sent["to_number"], sent["content"]) == (
        ALLO,
        "+14155550199",
        "Your order has shipped.",
    )


def test_sms_send_from_a_sender_id(run: Cli, fake: FakeAllo) -> None:
    result = run("sms", "send", "--sender-id", "MyCompany", "--to", "+33639981234", "--message", "Bonjour")
    assert result.exit_code == 0
    assert fake.last_request.json == {"sender_id": "MyCompany", "to": "+33639981234", "message": "Bonjour"}
    assert "sender id\tMyCompany" in result.stdout.splitlines()


def test_sms_send_needs_exactly_one_sender(run: Cli, fake: FakeAllo) -> None:
    neither = run("sms", "send", "--to", "+33639981234", "--message", "x")
    both = run("sms", "send", "--from", ALLO, "--sender-id", "MyCompany", "--to", "+33639981234", "--message", "x")
    for result in (neither, both):
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: give exactly one of --from and --sender-id")
    assert fake.requests == []


def test_webhooks_create_list_delete(run: Cli, fake: FakeAllo) -> None:
    url = "https://crm.example.com/hook"
    created = run("webhooks", "create", "--number", ALLO, "--url", url, "--topic", "call_received", "--topic", "PING")
    assert created.exit_code == 0
    topics = ["CALL_RECEIVED", "PING"]
    assert fake.last_request.json == {"allo_number": ALLO, "url": url, "topics": topics, "enabled": True}
    hook_id = dict(line.split("\t") for line in created.stdout.splitlines())["id"]

    listed = json.loads(run("webhooks", "list", "--json").stdout)
    assert listed == [
        {"id": hook_id, "allo_number": ALLO, "url": url, "topics": ["CALL_RECEIVED", "PING"], "enabled": True}
    ]

    deleted = run("webhooks", "delete", hook_id, "--json")
    assert deleted.exit_code == 0
    assert json.loads(deleted.stdout) == {"deleted": True, "id": hook_id}
    assert (fake.last_request.method, fake.last_request.path) == ("DELETE", f"/webhooks/{hook_id}")
    assert json.loads(run("webhooks", "list", "--json").stdout) == []


def test_check_lists_what_the_key_sees(run: Cli, server: FakeAlloServer) -> None:
    plain = run("check")
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[0] == f"OK: the key works against {server.base_url} and sees 3 number(s)."
    as_json = json.loads(run("check", "--json").stdout)
    assert as_json == {
        "ok": True,
        "base_url": server.base_url,
        "numbers": sdk_json(server, lambda c: c.phone_numbers.list()),
    }
