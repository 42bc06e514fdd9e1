"""The clients other teams generate with OpenAPI Generator build cleanly and work against the served fake Allo.

`make openapi-generator-clients` generates typescript-fetch and python clients (the generator pinned in
pyproject.toml: the jar and a JDK come from PyPI), compiles the TypeScript one with `tsc --strict` and type-checks
the Python one with mypy, each with its driver under interop/openapi-generator/. Here each driver runs every
operation, the error path included, against a FakeAllo served on a free port; what it read must equal what our
own SDK reads from a twin fake (same seed), and what it sent must be the requests the spec describes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.spec._tools import ROOT, load_spec, make, run
from withallo_client.models import Company, ConversationMessage
from withallo_ext.errors import NotFoundError, ValidationError
from withallo_ext.testing import FakeAllo

OUT = ROOT / "build" / "openapi-generator"
TS_DRIVER = OUT / "typescript-js" / "interop" / "openapi-generator" / "typescript" / "run.js"
PY_DRIVER = ROOT / "interop" / "openapi-generator" / "python" / "run.py"
SEED = 0
# What OpenAPI Generator 7.26.0 still warns about, both from its beta OpenAPI 3.1 support: the notice itself, and
# "Failed to get the schema name: null" for any 3.1 schema with `additionalProperties` (true or false alike; the
# same schema in a 3.0 document gives no warning). Anything else (FILEPATH_COLLISION above all) fails the test.
KNOWN_WARNINGS = (
    "o.o.codegen.DefaultCodegen - OpenAPI 3.1 support is still in beta.",
    "o.o.codegen.utils.ModelUtils - Failed to get the schema name: null",
)


@pytest.fixture(scope="module")
def generated() -> str:
    """Generate and build both clients once; the make output (generator log, tsc, mypy) for the tests to read."""
    return make("openapi-generator-clients").stdout + "\n"


def test_generation_warns_only_about_the_generators_beta_openapi_3_1(generated: str) -> None:
    warnings = [line for line in generated.splitlines() if " WARN " in line]
    assert warnings, "no generator log in make's output"
    unexpected = [line for line in warnings if not any(known in line for known in KNOWN_WARNINGS)]
    assert not unexpected
    assert "FILEPATH_COLLISION" not in generated
    after_tsc = generated.split("tsc --strict -p interop/openapi-generator/typescript\n", 1)[1]
    assert after_tsc.startswith("cd build/openapi-generator/python && ")  # tsc said nothing: no error, no warning
    assert re.fullmatch(r"[^\n]*\n\tallo_api [^\n]*\nSuccess: no issues found in \d+ source files\n*", after_tsc), (
        after_tsc
    )
    assert "note:" not in after_tsc


def test_each_client_has_one_api_per_tag_and_the_event_models(generated: str) -> None:
    tags = [tag["name"] for tag in load_spec()["tags"] if tag["name"] != "WebhookEvents"]
    ts_apis = {path.stem for path in (OUT / "typescript" / "apis").glob("*.ts")} - {"index"}
    py_apis = {path.stem for path in (OUT / "python" / "allo_api" / "api").glob("*_api.py")}
    snake = {re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", tag).lower() for tag in tags}  # PhoneNumbers -> phone_numbers
    assert ts_apis == {f"{tag}Api" for tag in tags}
    assert py_apis == {f"{name}_api" for name in snake}
    for event in ("CallReceivedEvent", "SmsReceivedEvent", "PingEvent"):  # payload models, to parse deliveries
        assert (OUT / "typescript" / "models" / f"{event}.ts").is_file()
    assert (OUT / "python" / "allo_api" / "models" / "call_received_event.py").is_file()


def expected_output() -> dict[str, Any]:
    """The drivers' scenario run with our own SDK on a twin fake: what a correct client reads."""
    out: dict[str, Any] = {}
    with FakeAllo(seed=SEED) as fake, fake.client(max_retries=0) as client:
        numbers = client.phone_numbers.list()
        out["listPhoneNumbers"] = [[n.number, n.country] for n in numbers]
        own = numbers[0].number
        hook = client.webhooks.create(
            allo_number=own, url="https://crm.example.com/hooks/allo", topics=["CALL_RECEIVED", "SMS_RECEIVED"]
        )
        assert isinstance(hook.id, str)
        out["createWebhook"] = [hook.id, hook.allo_number, ["CALL_RECEIVED", "SMS_RECEIVED"]]
        out["listWebhooks"] = [[h.id, h.allo_number, h.enabled] for h in client.webhooks.list()]
        client.webhooks.delete(hook.id)
        out["deleteWebhook"] = len(client.webhooks.list())
        with pytest.raises(NotFoundError) as gone:
            client.webhooks.delete(hook.id)
        out["deleteWebhookAgain"] = {"status": 404, "code": None, "details": None, "error": gone.value.body["error"]}
        calls = client.calls.search(own, page=1, size=3)
        out["searchCalls"] = [[[c.id, str(c.type_), str(c.result)] for c in calls.results], calls.total_pages]
        contact = client.contacts.create(numbers=["+14155550177"], name="Ada", last_name="Byron", company="Acme")
        assert isinstance(contact.company, Company)
        out["createContact"] = [contact.id, contact.name, contact.last_name, contact.company.name]
        updated = client.contacts.update(contact.id, last_name="Lovelace")
        out["updateContact"] = [updated.name, updated.last_name]
        fetched = client.contacts.get(contact.id)
        out["getContact"] = [fetched.id, fetched.last_name, fetched.numbers]
        page = client.contacts.search(page=0, size=5)
        out["searchContacts"] = [[c.id for c in page.results], page.total_pages]
        sms = client.sms.send(from_=own, to="+14155550177", message="Booked for Thursday.")
        out["sendSms"] = [sms.from_number, sms.to_number, sms.content]
        fr = client.sms.send_france(sender_id="MyCompany", to="+33612345678", message="Confirmé.")
        out["sendSmsFrance"] = [fr.sender_id, fr.from_number, fr.to_number]
        with pytest.raises(ValidationError) as refused:
            client.sms.send_france(sender_id="NotApproved", to="+33612345678", message="Bonjour")
        body = refused.value.body
        out["sendSmsRefused"] = {"status": 400, "code": body["code"], "details": body["details"], "error": None}
        entries = client.contacts.search_conversation(contact.id, size=5).results
        messages = [e.message if isinstance(e.message, ConversationMessage) else None for e in entries]
        out["searchContactConversation"] = [
            [str(e.type_), m.content if m else None] for e, m in zip(entries, messages, strict=True)
        ]
    return out


def expected_requests(
    generator: str, webhook_id: str, contact_id: str
) -> list[tuple[str, str, dict[str, str], Any, int]]:
    """(method, path, query, JSON body, status) of every request the scenario makes, as the spec describes them."""
    own, hook_url = "+14155550123", "https://crm.example.com/hooks/allo"
    hook: dict[str, Any] = {"allo_number": own, "url": hook_url, "topics": ["CALL_RECEIVED", "SMS_RECEIVED"]}
    if generator == "python":
        hook["enabled"] = True  # pydantic fills in the spec's default and sends it
    france = {"sender_id": "MyCompany", "to": "+33612345678", "message": "Confirmé."}
    return [
        ("GET", "/numbers", {}, None, 200),
        ("POST", "/webhooks", {}, hook, 201),
        ("GET", "/webhooks", {}, None, 200),
        ("DELETE", f"/webhooks/{webhook_id}", {}, None, 204),
        ("GET", "/webhooks", {}, None, 200),
        ("DELETE", f"/webhooks/{webhook_id}", {}, None, 404),
        ("GET", "/calls", {"allo_number": own, "page": "1", "size": "3"}, None, 200),
        (
            "POST",
            "/contacts",
            {},
            {"numbers": ["+14155550177"], "name": "Ada", "last_name": "Byron", "company": "Acme"},
            201,
        ),
        ("PUT", f"/contacts/{contact_id}", {}, {"last_name": "Lovelace"}, 200),
        ("GET", f"/contact/{contact_id}", {}, None, 200),
        ("GET", "/contacts", {"page": "0", "size": "5"}, None, 200),
        ("POST", "/sms", {}, {"from": own, "to": "+14155550177", "message": "Booked for Thursday."}, 200),
        ("POST", "/sms", {}, france, 200),
        ("POST", "/sms", {}, {**france, "sender_id": "NotApproved", "message": "Bonjour"}, 400),
        ("GET", f"/contact/{contact_id}/conversation", {"size": "5"}, None, 200),
    ]


DRIVERS = {
    "typescript-fetch": lambda base_url, key: ["node", str(TS_DRIVER), base_url, key],
    "python": lambda base_url, key: [sys.executable, str(PY_DRIVER), base_url, key],
}


@pytest.mark.parametrize("generator", sorted(DRIVERS))
def test_the_generated_client_runs_every_operation_against_the_served_fake(generated: str, generator: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(OUT / "python"), "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    with FakeAllo(seed=SEED) as fake, fake.serve() as server:
        done = subprocess.run(
            DRIVERS[generator](server.base_url, server.api_key), env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        requests = list(fake.requests)

    output = json.loads(done.stdout)
    assert output == expected_output()
    webhook_id, contact_id = output["createWebhook"][0], output["createContact"][0]
    sent = [(r.method, r.path, r.query, r.json, r.status) for r in requests]
    assert sent == expected_requests(generator, webhook_id, contact_id)
    assert {r.authorization for r in requests} == {"***"}  # the raw key, no Bearer (the fake masks it)
    assert all(r.headers["content-type"].startswith("application/json") for r in requests if r.json is not None)


def test_the_derived_spec_is_what_the_python_client_was_generated_from(generated: str) -> None:
    # make's recipe, not a copy of it: the python generator reads build/openapi/withallo.no-webhooks.yaml.
    dry = run("make", "--dry-run", "--always-make", "--no-print-directory", "openapi-generator-clients")
    python_line = next(line for line in dry.stdout.splitlines() if "-g python" in line)
    assert "-i build/openapi/withallo.no-webhooks.yaml" in python_line
    assert not (OUT / "python" / "allo_api" / "api" / "webhook_events_api.py").exists()
