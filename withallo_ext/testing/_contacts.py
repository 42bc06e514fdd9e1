"""The contacts of a fake Allo account and the conversations with them (the calls and texts exchanged): search,
get (with `extend`), create and update, as the v1 API answers them."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Mapping
from typing import Any

from ._account_state import AccountState, Result
from ._data import iso
from ._params import number_param, object_body, page_params, when
from ._problems import FieldErrors, not_found

_CONTACT_TEXT_FIELDS = ("name", "last_name", "job_title", "website")


def sides(record: Mapping[str, Any]) -> tuple[str | None, str]:
    """(the account's number, the other party's number) of a call or text, whichever way it went."""
    if record["type"] == "INBOUND":
        return record["to_number"], record["from_number"]
    return record["from_number"], record["to_number"]


class ContactOperations(AccountState):
    """The contact and conversation operations (Account inherits them)."""

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
                entries.append((when(call["start_date"]), {"type": "CALL", "call": entry_call, "message": None}))
        for message in self.messages:
            ours, other = sides(message)
            if other in theirs and allo_number in (None, ours):
                shown = {k: message[k] for k in ("from_number", "to_number", "type", "content", "start_date")}
                entries.append((when(message["start_date"]), {"type": "TEXT_MESSAGE", "call": None, "message": shown}))
        entries.sort(key=lambda pair: pair[0], reverse=True)
        return [entry for _, entry in entries]

    def render_contact(self, contact: Mapping[str, Any], extend: str | None = None) -> dict[str, Any]:
        """A contact as the server sends it: stored fields plus what is derived from its conversation."""
        conversation = self.conversation(contact)
        shown = copy.deepcopy(dict(contact))
        shown["last_activity_date"] = iso(when(self._entry_date(conversation[0]))) if conversation else None
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

    # -- contacts -------------------------------------------------------------------------------------------
    def get_contact(self, contact_id: str, query: Mapping[str, str]) -> Result:
        return 200, {"data": self.render_contact(self._contact(contact_id), query.get("extend"))}

    def search_contacts(self, query: Mapping[str, str]) -> Result:
        page, size = page_params(query)
        ordered = sorted(self.contacts.values(), key=lambda c: when(c["created_at"]), reverse=True)
        found = self.page(ordered, page, size)  # render only the contacts of the page asked for
        found["results"] = [self.render_contact(c) for c in found["results"]]
        return 200, {"data": found}

    def search_conversation(self, contact_id: str, query: Mapping[str, str]) -> Result:
        contact = self._contact(contact_id)
        allo = number_param(query, "allo_number", required=False)
        page, size = page_params(query)
        return 200, {"data": self.page(self.conversation(contact, allo), page, size)}

    def _company(self, name: str | None) -> dict[str, Any] | None:
        if name is None:
            return None
        for contact in self.contacts.values():
            if contact["company"] and contact["company"]["name"] == name:
                return dict(contact["company"])
        return {"id": self._ids.new("cmp_", 4), "name": name}

    def create_contact(self, body: Any) -> Result:
        body = object_body(body)
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
        body = object_body(body)
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
