"""Deterministic, realistic seed data for FakeAllo: an account with US and French numbers, contacts, calls, texts.

Every phone number is in a range reserved for fiction (US 555-01XX; France 01 99 00 and 06 39 98), so nothing
generated here can ring a real phone. The same seed always gives the same account.
"""

from __future__ import annotations

import datetime
import random
import string
from dataclasses import dataclass, field
from typing import Any

# The account's own Allo numbers: fixed whatever the seed, so tests and docs can name them.
ACCOUNT_NUMBERS: tuple[dict[str, Any], ...] = (
    {"number": "+14155550123", "name": "Main Line", "country": "US", "is_shared_number": False},
    {"number": "+16465550142", "name": "Sales NYC", "country": "US", "is_shared_number": True},
    {"number": "+33199001234", "name": "France Office", "country": "FR", "is_shared_number": True},
)
CALLING_CODES = {"US": "+1", "CA": "+1", "FR": "+33", "GB": "+44", "DE": "+49", "ES": "+34", "BE": "+32"}
DEFAULT_SENDER_IDS = ("MyCompany",)
# "Now" for the seeded history, so that dates are the same on every run.
SEED_NOW = datetime.datetime(2026, 11, 26, 9, 0, 0, tzinfo=datetime.UTC)

_US_FIRST = ["Jane", "Marcus", "Priya", "Ethan", "Olivia", "Daniel", "Maya", "Carlos", "Grace", "Noah", "Aisha", "Ryan"]
_US_LAST = ["Cooper", "Bennett", "Shah", "Nguyen", "Miller", "Alvarez", "Johnson", "Kim", "Brooks", "Patel", "Reed"]
_FR_FIRST = ["Camille", "Lucas", "Chloé", "Hugo", "Manon", "Louis", "Léa", "Julien", "Inès", "Thomas"]
_FR_LAST = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Garnier", "Rousseau", "Fontaine"]
_US_COMPANIES = ["Acme Logistics", "Bluebird Dental", "Northwind Realty", "Summit Plumbing", "Harbor Coffee Co."]
_FR_COMPANIES = ["Boulangerie Lemoine", "Atelier Vasseur", "Cabinet Roux Avocats", "Garage du Centre"]
_US_TITLES = ["Head of Operations", "Office Manager", "Owner", "Procurement Lead", "Sales Director", None]
_FR_TITLES = ["Responsable achats", "Chef de projet", "Direction commerciale", "Responsable d'agence", None]
_US_AREAS = ["415", "646", "312", "617", "206", "512"]

# Call scenarios: (tag, summary, transcript lines as (source, text)).
_US_SCENARIOS = [
    (
        "support",
        "The customer asked to move Tuesday's delivery to Thursday morning.",
        [
            ("EXTERNAL", "Hi, I need to move my delivery."),
            ("AGENT", "Of course, which day suits you?"),
            ("EXTERNAL", "Thursday morning, if possible."),
            ("AGENT", "Done: Thursday between 8 and 11. You'll get a text to confirm."),
        ],
    ),
    (
        "sales",
        "A prospect asked for pricing for five seats and wants a demo next week.",
        [
            ("EXTERNAL", "Hello, how much would it be for five people?"),
            ("USER", "Five seats come to 150 dollars a month, billed yearly."),
            ("EXTERNAL", "Great, can we book a demo next week?"),
            ("USER", "Sure, I'll send you an invite for Wednesday."),
        ],
    ),
    (
        "billing",
        "The caller reported a double charge on the November invoice; a refund was promised.",
        [
            ("EXTERNAL", "I was charged twice for November."),
            ("AGENT", "I'm sorry about that. I can see both payments."),
            ("AGENT", "I've asked for a refund of the second one; it takes 3 to 5 days."),
        ],
    ),
    (
        "appointment",
        "The caller booked a cleaning appointment for Monday at 2 pm.",
        [
            ("EXTERNAL", "I'd like to book a cleaning."),
            ("AGENT", "I have Monday at 2 pm or Tuesday at 10 am."),
            ("EXTERNAL", "Monday works."),
            ("AGENT", "You're booked for Monday at 2 pm."),
        ],
    ),
]
_FR_SCENARIOS = [
    (
        "support",
        "Le client souhaite décaler sa livraison de mardi à jeudi matin.",
        [
            ("EXTERNAL", "Bonjour, je voudrais décaler ma livraison."),
            ("AGENT", "Bien sûr, quel jour vous conviendrait ?"),
            ("EXTERNAL", "Jeudi matin, si possible."),
            ("AGENT", "C'est noté pour jeudi entre 8 h et 11 h."),
        ],
    ),
    (
        "devis",
        "Une prospecte demande un devis pour la rénovation d'une cuisine.",
        [
            ("EXTERNAL", "Bonjour, je voudrais un devis pour ma cuisine."),
            ("USER", "Avec plaisir. Quelle surface fait-elle ?"),
            ("EXTERNAL", "Environ douze mètres carrés."),
            ("USER", "Je vous envoie le devis par e-mail demain."),
        ],
    ),
    (
        "rendez-vous",
        "Le client a pris rendez-vous lundi à 14 h.",
        [
            ("EXTERNAL", "Je souhaite prendre rendez-vous."),
            ("AGENT", "Je vous propose lundi à 14 h."),
            ("EXTERNAL", "Parfait, merci."),
        ],
    ),
]
_US_TEXTS = [
    ("OUTBOUND", "Your delivery is now booked for Thursday morning."),
    ("INBOUND", "Is Thursday morning still fine?"),
    ("OUTBOUND", "Reminder: your appointment is on Monday at 2 pm."),
    ("INBOUND", "Thanks! See you then."),
]
_FR_TEXTS = [
    ("OUTBOUND", "Votre livraison est confirmée pour jeudi matin."),
    ("INBOUND", "Merci, à jeudi !"),
    ("OUTBOUND", "Rappel : rendez-vous lundi à 14 h."),
]


def iso(moment: datetime.datetime) -> str:
    """A UTC timestamp as the server sends it: `2026-11-20T14:03:12Z`."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def country_of(number: str) -> str | None:
    """The country of an E.164 number, for the few calling codes the fake knows (longest prefix wins)."""
    for country, code in sorted(CALLING_CODES.items(), key=lambda item: -len(item[1])):
        if number.startswith(code):
            return country
    return None


@dataclass
class Seed:
    """Everything a fresh FakeAllo account holds, as wire-shaped dicts."""

    numbers: list[dict[str, Any]]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)


class IdMaker:
    """Ids like the server's (`cnt_8d2kQ1`, `call-7Hq2LmX9`, `web-2NfDKEm9sF8xK3pQr1Zt`), from a seeded generator."""

    _ALPHABET = string.ascii_letters + string.digits

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def new(self, prefix: str, length: int) -> str:
        """A fresh id, never one handed out before."""
        while True:
            value = prefix + "".join(self._rng.choice(self._ALPHABET) for _ in range(length))
            if value not in self._seen:
                self._seen.add(value)
                return value


def _us_number(rng: random.Random) -> str:
    return f"+1{rng.choice(_US_AREAS)}55501{rng.randrange(100):02d}"


def _fr_mobile(rng: random.Random) -> str:
    return f"+3363998{rng.randrange(10000):04d}"


def _slug(text: str) -> str:
    table = str.maketrans("éèêëàçôîï", "eeeeacoii")
    return "".join(ch for ch in text.lower().translate(table) if ch.isalnum())


def _contact(rng: random.Random, ids: IdMaker, french: bool, created: datetime.datetime) -> dict[str, Any]:
    first = rng.choice(_FR_FIRST if french else _US_FIRST)
    last = rng.choice(_FR_LAST if french else _US_LAST)
    company_name = rng.choice(_FR_COMPANIES if french else _US_COMPANIES) if rng.random() < 0.8 else None
    domain = f"{_slug(company_name)}.example" if company_name else "mail.example"
    numbers = [_fr_mobile(rng) if french else _us_number(rng)]
    return {
        "id": ids.new("cnt_", 6),
        "name": first,
        "last_name": last,
        "job_title": rng.choice(_FR_TITLES if french else _US_TITLES),
        "website": f"https://{domain}" if company_name else None,
        "status": "ACTIVE",
        "is_archived": False,
        "created_at": iso(created),
        "updated_at": iso(created),
        "numbers": numbers,
        "emails": [f"{_slug(first)}.{_slug(last)}@{domain}"],
        "company": {"id": ids.new("cmp_", 4), "name": company_name} if company_name else None,
        "is_whitelisted": rng.random() < 0.2,
    }


def _transcript(rng: random.Random, lines: list[tuple[str, str]]) -> tuple[list[dict[str, Any]], float]:
    entries: list[dict[str, Any]] = []
    clock = float(rng.randint(1, 3))
    for source, text in lines:
        duration = round(1.5 + len(text) / 15, 1)
        whole = int(clock)
        entries.append(
            {
                "source": source,
                "text": text,
                "time": f"00:{whole // 60:02d}:{whole % 60:02d}",
                "start_seconds": clock,
                "end_seconds": round(clock + duration, 1),
            }
        )
        clock = round(clock + duration + rng.uniform(0.3, 1.5), 1)
    return entries, clock


def _call(
    rng: random.Random, ids: IdMaker, allo: str, other: str, french: bool, start: datetime.datetime
) -> dict[str, Any]:
    call_id = ids.new("call-", 8)
    inbound = rng.random() < 0.7
    result = rng.choices(["ANSWERED", "VOICEMAIL", "MISSED", "TRANSFERRED_AI"], weights=[6, 2, 2, 1])[0]
    if not inbound:
        result = "ANSWERED" if rng.random() < 0.85 else "MISSED"
    call: dict[str, Any] = {
        "id": call_id,
        "from_number": other if inbound else allo,
        "to_number": allo if inbound else other,
        "length_in_minutes": 0,
        "type": "INBOUND" if inbound else "OUTBOUND",
        "result": result,
        "summary": None,
        "tag": None,
        "recording_url": None,
        "start_date": iso(start),
    }
    if result != "MISSED":
        tag, summary, lines = rng.choice(_FR_SCENARIOS if french else _US_SCENARIOS)
        transcript, seconds = _transcript(rng, lines)
        call.update(
            length_in_minutes=round(seconds / 60, 2),
            summary=summary,
            tag=tag,
            recording_url=f"https://recordings.withallo.com/{call_id}.mp3",
            transcript=transcript,
        )
    return call


def build_seed(seed: int, *, contacts: int = 12, calls: int = 40) -> Seed:
    """The seeded account: fixed Allo numbers; contacts, calls and texts drawn from `random.Random(seed)`."""
    rng = random.Random(seed)
    ids = IdMaker(rng)
    data = Seed(numbers=[dict(number) for number in ACCOUNT_NUMBERS])
    us_lines = [n["number"] for n in ACCOUNT_NUMBERS if n["country"] == "US"]
    fr_lines = [n["number"] for n in ACCOUNT_NUMBERS if n["country"] == "FR"]
    window = datetime.timedelta(days=60)
    for _ in range(contacts):
        created = SEED_NOW - window + datetime.timedelta(seconds=rng.randrange(86_400 * 20))
        data.contacts.append(_contact(rng, ids, french=rng.random() < 0.35, created=created))
    for index in range(calls):
        # Most calls go through the main line, so that it has several pages of history.
        allo = us_lines[0] if index % 5 < 3 else rng.choice([*us_lines, *fr_lines])
        french = allo in fr_lines
        known = [c for c in data.contacts if (c["numbers"][0].startswith("+33")) == french]
        if known and rng.random() < 0.8:
            other = rng.choice(known)["numbers"][0]
        else:
            other = _fr_mobile(rng) if french else _us_number(rng)
        start = SEED_NOW - datetime.timedelta(seconds=rng.randrange(86_400 * 38))
        data.calls.append(_call(rng, ids, allo, other, french, start))
    for contact in data.contacts:
        french = contact["numbers"][0].startswith("+33")
        allo = fr_lines[0] if french else us_lines[0]
        for direction, content in rng.sample(_FR_TEXTS if french else _US_TEXTS, k=rng.randint(0, 2)):
            sent = SEED_NOW - datetime.timedelta(seconds=rng.randrange(86_400 * 30))
            ours, theirs = allo, contact["numbers"][0]
            data.messages.append(
                {
                    "from_number": ours if direction == "OUTBOUND" else theirs,
                    "to_number": theirs if direction == "OUTBOUND" else ours,
                    "type": direction,
                    "content": content,
                    "start_date": iso(sent),
                }
            )
    data.calls.sort(key=lambda c: c["start_date"], reverse=True)
    data.messages.sort(key=lambda m: m["start_date"], reverse=True)
    return data
