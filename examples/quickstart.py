"""withallo in five minutes, end to end, with no account: `make demo` (or `python examples/quickstart.py`).

It serves the built-in fake Allo (withallo_ext.testing.FakeAllo) on a local port and talks to it over HTTP with
WithalloClient, exactly as it would talk to https://api.withallo.com: numbers, calls page after page, a webhook,
SMS (US and France, and the clear error for a bad sender ID), a contact created then updated, a 429 ridden out,
and finally the fake delivers CALL_RECEIVED and SMS_RECEIVED to a local endpoint built with WebhookReceiver.

    WITHALLO_API_KEY=... python examples/quickstart.py --live    # the read-only part, against the real API
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import secrets
import sys

from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic, WithalloClient, generate_webhook_secret
from withallo_ext.errors import InvalidParameterError, ValidationError, WithalloError
from withallo_ext.testing import FakeAllo, WebhookEndpoint


def say(text: str = "") -> None:
    print(text, flush=True)


def read_only_tour(client: WithalloClient, *, max_calls: int | None = None) -> str:
    """Numbers, every call of the first number (page after page), the first contacts. Returns that number."""
    say("1. The account's phone numbers")
    numbers = client.phone_numbers.list()
    for number in numbers:
        shared = "shared" if number.is_shared_number else "personal"
        say(f"   {number.number:<14} {number.name or '':<15} {number.country}  {shared}")
    if not numbers:
        raise SystemExit("   This account has no Allo number; nothing more to show.")
    main = numbers[0].number

    say(f"\n2. Every call of {main}, fetched 10 at a time")
    calls = list(itertools.islice(client.calls.iter(main, size=10), max_calls))
    pages = -(-len(calls) // 10)
    say(f"   {len(calls)} calls over {pages} page(s)")
    for call in calls[:3]:
        other = call.from_number if call.type_ == "INBOUND" else call.to_number
        when = f"{call.start_date:%Y-%m-%d %H:%M}"
        say(f"   {when}  {call.type_:<8} {call.result or '':<14} {other}  {call.summary or ''}".rstrip())
    with_transcript = next((c for c in calls if c.transcript), None)
    if with_transcript is not None and with_transcript.transcript:
        say(f"   Transcript of {with_transcript.id}:")
        for entry in with_transcript.transcript[:3]:
            say(f"     [{entry.source}] {entry.text}")

    say("\n3. Contacts, first page")
    page = client.contacts.search(size=5)
    say(f"   page {(page.current_page or 0) + 1} of {page.total_pages}:")
    for contact in page.results:
        company = contact.company.name if contact.company else ""
        say(f"   {contact.id}  {contact.name or ''} {contact.last_name or ''}  {company}".rstrip())
    return main


def write_tour(client: WithalloClient, fake: FakeAllo, main: str) -> None:
    """What changes an account: only ever run against the fake."""
    token = secrets.token_urlsafe(32)  # the secret URL: a path nobody can guess
    secret = generate_webhook_secret()  # a Standard Webhooks signing secret: whsec_ + base64 of 32 random bytes
    receiver = WebhookReceiver(secret=secret)

    @receiver.on(WebhookTopic.CALL_RECEIVED)
    def on_call(event: WebhookEvent) -> None:
        say(f"   handler: call {event.get('id')} from {event.get('from_number')}: {event.get('one_sentence_summary')}")

    @receiver.on(WebhookTopic.SMS_RECEIVED)
    def on_sms(event: WebhookEvent) -> None:
        say(f"   handler: SMS {event.get('direction')} from {event.get('from_number')}: {event.get('content')!r}")

    with WebhookEndpoint(receiver, path=f"/webhooks/allo/{token}") as endpoint:
        say("\n4. A webhook for calls and texts")
        hook = client.webhooks.create(
            allo_number=main, url=endpoint.url, topics=[WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED]
        )
        say(f"   created {hook.id} for {hook.allo_number}: {', '.join(str(t) for t in hook.topics)}")
        say(f"   the account now has {len(client.webhooks.list())} webhook(s)")

        say("\n5. Text messages")
        sms = client.sms.send(from_=main, to="+14155550199", message="Your delivery is booked for Thursday.")
        say(f"   sent from {sms.from_number} to {sms.to_number} at {sms.start_date:%H:%M:%S}: {sms.content!r}")
        fr = client.sms.send_france(sender_id="MyCompany", to="+33639981234", message="Livraison confirmée jeudi.")
        say(f"   sent to France from sender ID {fr.sender_id} to {fr.to_number}: {fr.content!r}")
        try:
            client.sms.send_france(sender_id="My Company!", to="+33639981234", message="Bonjour")
        except InvalidParameterError as exc:
            say(f"   refused before sending: {exc}")
        try:
            client.sms.send_france(sender_id="Unapproved", to="+33639981234", message="Bonjour")
        except ValidationError as exc:
            say(f"   refused by Allo: {exc.error_code} {exc.errors}")

        say("\n6. A contact, created then updated")
        contact = client.contacts.create(numbers=["+14155550177"], name="Ada", last_name="Byron", company="Acme")
        company = contact.company.name if contact.company else None
        say(f"   created {contact.id}: {contact.name} {contact.last_name}, {company}")
        contact = client.contacts.update(contact.id, last_name="Lovelace", job_title="Analyst")
        say(f"   updated {contact.id}: {contact.name} {contact.last_name}, {contact.job_title}")

        say("\n7. Riding out a rate limit")
        fake.fail_next(1, "rate_limit", retry_after=1, path="/numbers")
        count = len(client.phone_numbers.list())
        statuses = " then ".join(str(r.status) for r in fake.requests_to("GET", "/numbers")[-2:])
        say(f"   the fake answered {statuses}; the client waited as asked and got {count} numbers")

        say("\n8. Allo calls your webhook (signed; the receiver checks the signature)")
        for topic in (WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED):
            status = fake.deliver(topic, endpoint.url, secret=secret)
            say(f"   delivered {topic} -> your endpoint answered {status}")
        status = fake.deliver(WebhookTopic.SMS_RECEIVED, endpoint.url)
        say(f"   an unsigned delivery -> {status} (refused: no valid signature)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--live", action="store_true", help="run the read-only part against the real Allo API")
    parser.add_argument("--base-url", help="with --live: another API base URL (default: production)")
    args = parser.parse_args(argv)
    logging.basicConfig(format="   log: %(message)s")
    logging.getLogger("withallo").setLevel(logging.INFO)  # shows each retry

    if args.live:
        if not os.environ.get("WITHALLO_API_KEY"):
            print(
                "--live needs WITHALLO_API_KEY (create a key at https://web.withallo.com/settings/api)", file=sys.stderr
            )
            return 2
        say("withallo quickstart against the real Allo API (read-only)\n")
        try:
            with WithalloClient(base_url=args.base_url) as client:
                read_only_tour(client, max_calls=100)
        except WithalloError as exc:
            print(f"\nAllo refused: {exc}", file=sys.stderr)
            return 1
        say("\nDone.")
        return 0

    fake = FakeAllo(seed=0)
    with fake.serve() as server, WithalloClient(api_key=server.api_key, base_url=server.base_url) as client:
        say(f"withallo quickstart against a fake Allo at {server.base_url} (no account needed)\n")
        main_number = read_only_tour(client)
        write_tour(client, fake, main_number)
    say(f"\nDone: {len(fake.requests)} API requests, {len(fake.deliveries)} webhook deliveries.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
