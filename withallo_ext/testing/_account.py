"""The state of a fake Allo account and the v1 operations on it, free of any HTTP plumbing.

Each operation takes the parsed request (path parameters, query, JSON body) and returns `(status, body)`, or
raises ApiProblem. Records are kept as the wire-shaped dicts the server sends, so answers are copies of them.
"""

from __future__ import annotations

import copy
import datetime
import math
import random
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from ._data import SEED_NOW, IdMaker, Seed, build_seed, country_of, iso
from ._problems import E164, SENDER_ID, ApiProblem, FieldErrors, bad_request, error_body, not_found

Pagination = Literal["nested", "flat"]
Result = tuple[int, Any]
KNOWN_TOPICS = frozenset({"CALL_RECEIVED", "SMS_RECEIVED", "SMS_SENT", "CONTACT_CREATED", "CONTACT_UPDATED", "PING"})
_CONTACT_TEXT_FIELDS = ("name", "last_name", "job_title", "website")


def _when(timestamp: str) -> datetime.datetime:
    """Parse a wire timestamp; one without an offset is UTC, as the spec says."""
    moment = datetime.datetime.fromisoformat(timestamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _int_param(query: Mapping[str, str], name: str, default: int, low: int, high: int | None) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(name, "must be an integer") from None
    if value < low:
        raise bad_request(name, f"must be greater than or equal to {low}")
    if high is not None and value > high:
        raise bad_request(name, f"must be less than or equal to {high}")
    return value


def _number_param(query: Mapping[str, str], name: str, *, required: bool) -> str | None:
    raw = query.get(name)
    if raw is None:
        if required:
            raise bad_request(name, "is required")
        return None
    if not E164.fullmatch(raw):
        raise bad_request(name, "must be a phone number in E.164 format, e.g. +14155550123")
    return raw


def sides(record: Mapping[str, Any]) -> tuple[str | None, str]:
    """(the account's number, the other party's number) of a call or text, whichever way it went."""
    if record["type"] == "INBOUND":
        return record["to_number"], record["from_number"]
    return record["from_number"], record["to_number"]


def _object_body(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_request("body", "must be a JSON object")
    return body


class Account:
    """One Allo account: its numbers, contacts, calls, text messages, webhooks and approved sender IDs."""

    def __init__(
        self,
        seed: int,
        *,
        pagination: Pagination,
        sender_ids: Iterable[str],
        clock: Callable[[], datetime.datetime] | None,
    ) -> None:
        data: Seed = build_seed(seed)
        self.numbers = data.numbers
        self.contacts = {contact["id"]: contact for contact in data.contacts}
        self.calls = data.calls
        self.messages = data.messages
        self.webhooks: dict[str, dict[str, Any]] = {}
        self.sender_ids = set(sender_ids)
        self.pagination = pagination
        # Ids of what the API creates come from their own generator, so seeding more data never shifts them.
        self._ids = IdMaker(random.Random(f"ids-{seed}"))
        self._ticks = 0
        self._clock = clock

    # -- helpers --------------------------------------------------------------------------------------------
    def now(self) -> datetime.datetime:
        """The fake's clock: one second after the seeded history per write, unless a clock was given."""
        if self._clock is not None:
            return self._clock()
        self._ticks += 1
        return SEED_NOW + datetime.timedelta(seconds=self._ticks)

    def own_number(self, number: str) -> dict[str, Any] | None:
        return next((n for n in self.numbers if n["number"] == number), None)

    def page(self, items: list[Any], page: int, size: int) -> dict[str, Any]:
        """`{results, metadata}` for one 0-indexed page, the metadata nested or flat as configured."""
        info = {"total_pages": math.ceil(len(items) / size), "current_page": page}
        metadata = {"pagination": info} if self.pagination == "nested" else info
        return {"results": copy.deepcopy(items[page * size : (page + 1) * size]), "metadata": metadata}

    def _page_params(self, query: Mapping[str, str]) -> tuple[int, int]:
        return _int_param(query, "page", 0, 0, None), _int_param(query, "size", 10, 1, 100)

    def _contact(self, contact_id: str) -> dict[str, Any]:
        contact = self.contacts.get(contact_id)
        if contact is None:
            raise not_found()
        return contact

    def conversation(self, contact: Mapping[str, Any], allo_number: str | None = None) -> list[dict[str, Any]]:
        """The calls and texts exchanged with a contact's numbers, newest first, as conversation entries."""
        theirs = set(contact["numbers"])
        entries: list[tuple[datetime.datetime, dict[str, Any]]] = []
        for call in self.calls:
            inbound = call["type"] == "INBOUND"
            other, ours = (
                (call["from_number"], call["to_number"]) if inbound else (call["to_number"], call["from_number"])
            )
            if other in theirs and allo_number in (None, ours):
                entry_call = {**call, "tags": [call["tag"]] if call["tag"] else []}
                entries.append((_when(call["start_date"]), {"type": "CALL", "call": entry_call, "message": None}))
        for message in self.messages:
            ours, other = sides(message)
            if other in theirs and allo_number in (None, ours):
                shown = {k: message[k] for k in ("from_number", "to_number", "type", "content", "start_date")}
                entries.append((_when(message["start_date"]), {"type": "TEXT_MESSAGE", "call": None, "message": shown}))
        entries.sort(key=lambda pair: pair[0], reverse=True)
        return [entry for _, entry in entries]

    def render_contact(self, contact: Mapping[str, Any], extend: str | None = None) -> dict[str, Any]:
        """A contact as the server sends it: stored fields plus what is derived from its conversation."""
        conversation = self.conversation(contact)
        shown = copy.deepcopy(dict(contact))
        shown["last_activity_date"] = iso(_when(self._entry_date(conversation[0]))) if conversation else None
        shown["conversation_url"] = f"https://web.withallo.com/conversations/{contact['id']}"
        sections = {part.strip() for part in (extend or "").split(",")}
        if "engagement" in sections:
            calls = sum(1 for entry in conversation if entry["type"] == "CALL")
            shown["engagement"] = {"calls": calls, "text_messages": len(conversation) - calls}
        if "activity" in sections:
            shown["activity"] = [self._activity(entry) for entry in conversation[:10]]
        return shown

    @staticmethod
    def _entry_date(entry: Mapping[str, Any]) -> str:
        return str((entry["call"] or entry["message"])["start_date"])

    @staticmethod
    def _activity(entry: Mapping[str, Any]) -> dict[str, Any]:
        item = entry["call"] or entry["message"]
        inbound = item["type"] == "INBOUND"
        ours, _ = sides(item)
        content = item.get("summary") if entry["type"] == "CALL" else item.get("content")
        return {
            "type": entry["type"],
            "made_by": "CONTACT" if inbound else "USER",
            "made_at": item["start_date"],
            "allo_number": ours,
            "content": content,
        }

    # -- webhooks -------------------------------------------------------------------------------------------
    def list_webhooks(self) -> Result:
        return 200, {"data": copy.deepcopy(list(self.webhooks.values()))}

    def create_webhook(self, body: Any) -> Result:
        body = _object_body(body)
        errors = FieldErrors()
        errors.check_number(body, "allo_number")
        number = body.get("allo_number")
        if isinstance(number, str) and E164.fullmatch(number) and self.own_number(number) is None:
            errors.add("allo_number", "is not one of the account's Allo numbers")
        url = body.get("url")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")) or len(url) < 10:
            errors.add("url", "must be a valid http(s) URL")
        topics = body.get("topics")
        if not isinstance(topics, list) or not topics:
            errors.add("topics", "must not be empty")
        else:
            for index, topic in enumerate(topics):
                if not isinstance(topic, str) or topic not in KNOWN_TOPICS:
                    errors.add(f"topics[{index}]", f"must be one of {', '.join(sorted(KNOWN_TOPICS))}")
        if not isinstance(body.get("enabled", True), bool):
            errors.add("enabled", "must be a boolean")
        errors.raise_if_any()
        webhook = {
            "id": self._ids.new("web-", 20),
            "allo_number": body["allo_number"],
            "enabled": body.get("enabled", True),
            "url": url,
            "topics": list(dict.fromkeys(topics)),
        }
        self.webhooks[webhook["id"]] = webhook
        created = {"id": webhook["id"], "alloNumber": webhook["allo_number"]}
        created.update({k: copy.deepcopy(webhook[k]) for k in ("enabled", "url", "topics")})
        return 201, {"data": created}

    def delete_webhook(self, webhook_id: str) -> Result:
        if self.webhooks.pop(webhook_id, None) is None:
            raise ApiProblem(404, {"error": "WEBHOOK_NOT_FOUND"})
        return 204, None

    # -- calls ----------------------------------------------------------------------------------------------
    def search_calls(self, query: Mapping[str, str]) -> Result:
        allo = _number_param(query, "allo_number", required=True)
        contact_number = _number_param(query, "contact_number", required=False)
        page, size = self._page_params(query)
        found = []
        for call in self.calls:
            inbound = call["type"] == "INBOUND"
            ours, other = (
                (call["to_number"], call["from_number"]) if inbound else (call["from_number"], call["to_number"])
            )
            if ours == allo and contact_number in (None, other):
                found.append(call)
        return 200, {"data": self.page(found, page, size)}

    # -- contacts -------------------------------------------------------------------------------------------
    def get_contact(self, contact_id: str, query: Mapping[str, str]) -> Result:
        return 200, {"data": self.render_contact(self._contact(contact_id), query.get("extend"))}

    def search_contacts(self, query: Mapping[str, str]) -> Result:
        page, size = self._page_params(query)
        ordered = sorted(self.contacts.values(), key=lambda c: _when(c["created_at"]), reverse=True)
        found = self.page(ordered, page, size)  # render only the contacts of the page asked for
        found["results"] = [self.render_contact(c) for c in found["results"]]
        return 200, {"data": found}

    def search_conversation(self, contact_id: str, query: Mapping[str, str]) -> Result:
        contact = self._contact(contact_id)
        allo = _number_param(query, "allo_number", required=False)
        page, size = self._page_params(query)
        return 200, {"data": self.page(self.conversation(contact, allo), page, size)}

    def _company(self, name: str | None) -> dict[str, Any] | None:
        if name is None:
            return None
        for contact in self.contacts.values():
            if contact["company"] and contact["company"]["name"] == name:
                return dict(contact["company"])
        return {"id": self._ids.new("cmp_", 4), "name": name}

    def create_contact(self, body: Any) -> Result:
        body = _object_body(body)
        errors = FieldErrors()
        errors.check_number_list(body, "numbers", required=True)
        for key in (*_CONTACT_TEXT_FIELDS, "company"):
            errors.check_string(body, key)
        errors.check_string_list(body, "emails")
        errors.raise_if_any()
        stamp = iso(self.now())
        contact: dict[str, Any] = {
            "id": self._ids.new("cnt_", 6),
            **{key: body.get(key) for key in _CONTACT_TEXT_FIELDS},
            "status": "ACTIVE",
            "is_archived": False,
            "created_at": stamp,
            "updated_at": stamp,
            "numbers": list(body["numbers"]),
            "emails": list(body.get("emails", [])),
            "company": self._company(body.get("company")),
            "is_whitelisted": False,
        }
        self.contacts[contact["id"]] = contact
        return 201, {"data": self.render_contact(contact)}

    def update_contact(self, contact_id: str, body: Any) -> Result:
        contact = self._contact(contact_id)
        body = _object_body(body)
        errors = FieldErrors()
        for key in (*_CONTACT_TEXT_FIELDS, "company"):
            errors.check_string(body, key, nullable=True)
        errors.check_number_list(body, "numbers", required=False)
        errors.check_string_list(body, "emails")
        if "addresses" in body and not (
            isinstance(body["addresses"], list) and all(isinstance(a, dict) for a in body["addresses"])
        ):
            errors.add("addresses", "must be an array of objects")
        errors.raise_if_any()
        # Fields the spec does not name are accepted and ignored, as the server passes them through.
        for key in _CONTACT_TEXT_FIELDS:
            if key in body:
                contact[key] = body[key]
        for key in ("numbers", "emails", "addresses"):
            if key in body:
                contact[key] = copy.deepcopy(body[key])
        if "company" in body:
            contact["company"] = self._company(body["company"])
        contact["updated_at"] = iso(self.now())
        return 200, {"data": self.render_contact(contact)}

    # -- SMS ------------------------------------------------------------------------------------------------
    def send_sms(self, body: Any) -> Result:
        body = _object_body(body)
        france = "sender_id" in body
        allowed = {"sender_id", "to", "message"} if france else {"from", "to", "message"}
        errors = FieldErrors()
        for key in sorted(set(body) - allowed):
            errors.add(key, "is not allowed here" if key in {"from", "sender_id"} else "is not a known field")
        if france:
            sender_id = body["sender_id"]
            if not isinstance(sender_id, str) or not SENDER_ID.match(sender_id):
                raise ApiProblem(
                    400,
                    error_body(
                        "INVALID_SENDER_ID",
                        [("sender_id", "must be 3 to 11 letters and digits with a letter, or a numeric short code")],
                    ),
                )
            if sender_id not in self.sender_ids:
                raise bad_request("sender_id", "sender ID is not approved for this account", "INVALID_SENDER_ID")
        else:
            errors.check_number(body, "from")
        errors.check_number(body, "to")
        errors.check_message(body)
        errors.raise_if_any()
        to = body["to"]
        if france:
            if country_of(to) != "FR":
                errors.add("to", "must be a French number (+33) when sent from a sender ID")
        else:
            own = self.own_number(body["from"])
            if own is None:
                errors.add("from", "is not one of the account's Allo numbers")
            elif country_of(to) != own["country"]:
                errors.add("to", f"must be in the same country as from ({own['country']})")
        errors.raise_if_any()
        moment = self.now()
        sent = {
            "from_number": None if france else body["from"],
            "sender_id": body["sender_id"] if france else None,
            "to_number": to,
            "type": "OUTBOUND",
            "content": body["message"],
            # The server sends sender-ID timestamps without a UTC offset; the fake does the same.
            "start_date": iso(moment)[:-1] if france else iso(moment),
        }
        self.messages.insert(0, dict(sent))
        return 200, {"data": sent}

    # -- numbers --------------------------------------------------------------------------------------------
    def list_numbers(self) -> Result:
        return 200, {"data": copy.deepcopy(self.numbers)}
