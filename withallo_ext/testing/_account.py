"""A fake Allo account and the v1 operations on it, free of any HTTP plumbing: webhooks, calls, SMS and numbers here,
contacts and conversations inherited from `_contacts`, the state itself from `_account_state`.

Each operation takes the parsed request (path parameters, query, JSON body) and returns `(status, body)`, or
raises ApiProblem.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ._account_state import Result
from ._contacts import ContactOperations
from ._data import country_of, iso
from ._params import number_param, object_body, page_params
from ._problems import E164, SENDER_ID, ApiProblem, FieldErrors, bad_request, error_body

KNOWN_TOPICS = frozenset({"CALL_RECEIVED", "SMS_RECEIVED", "SMS_SENT", "CONTACT_CREATED", "CONTACT_UPDATED", "PING"})


class Account(ContactOperations):
    """One Allo account: its numbers, contacts, calls, text messages, webhooks and approved sender IDs."""

    # -- webhooks -------------------------------------------------------------------------------------------
    def list_webhooks(self) -> Result:
        return 200, {"data": copy.deepcopy(list(self.webhooks.values()))}

    def create_webhook(self, body: Any) -> Result:
        body = object_body(body)
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
        allo = number_param(query, "allo_number", required=True)
        contact_number = number_param(query, "contact_number", required=False)
        page, size = page_params(query)
        found = []
        for call in self.calls:
            inbound = call["type"] == "INBOUND"
            ours, other = (
                (call["to_number"], call["from_number"]) if inbound else (call["from_number"], call["to_number"])
            )
            if ours == allo and contact_number in (None, other):
                found.append(call)
        return 200, {"data": self.page(found, page, size)}

    # -- SMS ------------------------------------------------------------------------------------------------
    def send_sms(self, body: Any) -> Result:
        body = object_body(body)
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
