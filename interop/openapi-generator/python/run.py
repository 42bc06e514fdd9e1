"""Every operation of the python client OpenAPI Generator makes from the spec, run against a served fake Allo.

`python run.py <base URL> <API key>` (with build/openapi-generator/python on the path) prints what the client read,
as one JSON object; tests/interop/test_openapi_generator.py checks it and the requests the fake received.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from allo_api import (
    ApiClient,
    ApiException,
    CallsApi,
    Configuration,
    ContactsApi,
    CreateContactRequest,
    CreateWebhookRequest,
    ErrorBody,
    PhoneNumbersApi,
    SendSmsFranceRequest,
    SendSmsFromNumberRequest,
    SendSmsRequest,
    SMSApi,
    UpdateContactRequest,
    WebhooksApi,
    WebhookTopic,
)


def error_of(call: Callable[[], object]) -> dict[str, Any]:
    """The status and error body of a call that must fail, read through the client's ApiException."""
    try:
        call()
    except ApiException as error:
        body = error.data if isinstance(error.data, ErrorBody) else ErrorBody.from_json(error.body or "{}")
        assert body is not None
        details = None if body.details is None else [d.to_dict() for d in body.details]
        reason = body.error.actual_instance if body.error else None  # a string, or an ErrorObject
        return {"status": error.status, "code": body.code, "details": details, "error": reason}
    raise AssertionError("expected an error response")


def main(base_url: str, api_key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with ApiClient(Configuration(host=base_url, api_key={"ApiKey": api_key})) as client:
        numbers_api, webhooks_api, calls_api = PhoneNumbersApi(client), WebhooksApi(client), CallsApi(client)
        contacts_api, sms_api = ContactsApi(client), SMSApi(client)

        numbers = numbers_api.list_phone_numbers().data
        out["listPhoneNumbers"] = [[n.number, n.country] for n in numbers]
        own = numbers[0].number

        topics = [WebhookTopic.CALL_RECEIVED, WebhookTopic.SMS_RECEIVED]
        request = CreateWebhookRequest(allo_number=own, url="https://crm.example.com/hooks/allo", topics=topics)
        created = webhooks_api.create_webhook(request).data
        webhook_id = created.id
        assert webhook_id is not None, "createWebhook answered no id"
        out["createWebhook"] = [webhook_id, created.allo_number, [t.value for t in created.topics or []]]
        listed = webhooks_api.list_webhooks().data
        out["listWebhooks"] = [[w.id, w.allo_number, w.enabled] for w in listed]
        webhooks_api.delete_webhook(webhook_id)
        out["deleteWebhook"] = len(webhooks_api.list_webhooks().data)
        out["deleteWebhookAgain"] = error_of(lambda: webhooks_api.delete_webhook(webhook_id))

        calls = calls_api.search_calls(own, page=1, size=3).data
        pagination = calls.metadata.pagination if calls.metadata else None
        out["searchCalls"] = [
            [[c.id, c.type, c.result] for c in calls.results],
            pagination.total_pages if pagination else None,
        ]

        new = CreateContactRequest(numbers=["+14155550177"], name="Ada", last_name="Byron", company="Acme")
        contact = contacts_api.create_contact(new).data
        out["createContact"] = [
            contact.id,
            contact.name,
            contact.last_name,
            contact.company.name if contact.company else None,
        ]
        updated = contacts_api.update_contact(contact.id, UpdateContactRequest(last_name="Lovelace")).data
        out["updateContact"] = [updated.name, updated.last_name]
        fetched = contacts_api.get_contact(contact.id).data
        out["getContact"] = [fetched.id, fetched.last_name, fetched.numbers]
        contacts = contacts_api.search_contacts(page=0, size=5).data
        pagination = contacts.metadata.pagination if contacts.metadata else None
        out["searchContacts"] = [[c.id for c in contacts.results], pagination.total_pages if pagination else None]

        body = SendSmsFromNumberRequest.from_dict(
            {"from": own, "to": "+14155550177", "message": "Booked for Thursday."}
        )
        sms = sms_api.send_sms(SendSmsRequest(body)).data
        out["sendSms"] = [sms.from_number, sms.to_number, sms.content]
        france_body = SendSmsFranceRequest(sender_id="MyCompany", to="+33612345678", message="Confirmé.")
        france = sms_api.send_sms(SendSmsRequest(france_body)).data
        out["sendSmsFrance"] = [france.sender_id, france.from_number, france.to_number]
        refused = SendSmsFranceRequest(sender_id="NotApproved", to="+33612345678", message="Bonjour")
        out["sendSmsRefused"] = error_of(lambda: sms_api.send_sms(SendSmsRequest(refused)))

        conversation = contacts_api.search_contact_conversation(contact.id, size=5).data
        out["searchContactConversation"] = [
            [e.type, e.message.content if e.message else None] for e in conversation.results
        ]
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), default=str))
