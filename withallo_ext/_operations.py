"""Each public call as data: its local checks, the generated operation it goes through, and how to unwrap the answer.

Shared by the sync and async resources, which differ only in calling `sync_detailed` or `asyncio_detailed`.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import withallo_client.models as models
from withallo_client.client import AuthenticatedClient
from withallo_client.types import UNSET, Response

from . import _http
from . import _validate as check
from ._error_map import read_body
from ._json_values import json_value
from ._pages import Page, page_of
from ._sanitize import shown
from .errors import InvalidParameterError, UnexpectedResponseError, WithalloError

if TYPE_CHECKING:
    from withallo_client.models import Call, Contact, ConversationEntry, CreatedWebhook, PhoneNumber, SentSms, Webhook

R = TypeVar("R")

# What a generated model raises on a body it cannot read (missing key, wrong type, not JSON, nested too deep).
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, RecursionError)


@dataclass(frozen=True)
class Op(Generic[R]):
    """One call: the generated operation (`<tag>.<module>` under withallo_client.api), its arguments, the success
    envelope model's name and how to unwrap it.

    Operations and models are named, not imported, so that `import withallo_ext` loads only what is used
    (the generated modules cost ~2-3 ms each to import).
    """

    operation: str
    envelope: str | None  # a withallo_client.models name; None: the answer has no body (delete)
    unwrap: Callable[[Any], R]
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def finish(self, response: Response[Any]) -> R:
        """The caller's result from the generated response (only successes get here: the sender raised the rest)."""
        if self.envelope is None:
            return self.unwrap(None)
        envelope = getattr(models, self.envelope)
        parsed = response.parsed
        if not isinstance(parsed, envelope):
            # A success status the spec does not list for this operation (200 where it documents 201...): the
            # generated layer returned None, so read the body with the same model ourselves.
            parsed = envelope.from_dict(json.loads(response.content))
        return self.unwrap(parsed)

    @property
    def module(self) -> Any:
        """The generated operation module (sync_detailed, asyncio_detailed), imported on first use."""
        module = _MODULES.get(self.operation)
        if module is None:
            module = _MODULES[self.operation] = importlib.import_module(f"withallo_client.api.{self.operation}")
        return module


# Operation modules already imported (whole: import_module has returned), by Op.operation. import_module on a
# loaded module still takes ~0.4 µs of import-lock checks per call.
_MODULES: dict[str, Any] = {}


def _unexpected(exc: Exception) -> UnexpectedResponseError:
    """The error for a success body the models cannot read, quoting the parse error short (`.body` has it all).

    The generated models raise SchemaMismatchError naming the JSON path and what the spec expects there, with a
    short excerpt of the value; anything else (a body that is not JSON...) may quote the bad value whole: megabytes,
    maybe personal data, bound for someone's logs. Either is cut short and its control characters escaped.
    """
    short = shown(exc)
    if short != str(exc):
        exc.args = (short,)  # it is chained as __cause__, and a logged traceback prints the cause's message too
    reason = f"{type(exc).__name__}: {short}"
    response = _http.last_response.get()
    if response is None:
        return UnexpectedResponseError(f"unreadable response: {reason}", status_code=0)
    return UnexpectedResponseError(
        f"the response body is not what the API documents ({reason})",
        status_code=response.status_code,
        body=read_body(response),
        method=response.request.method,
        url=str(response.request.url.copy_with(query=None)),
    )


def run_sync(client: AuthenticatedClient, op: Op[R]) -> R:
    """Send `op` through its generated sync function and return the unwrapped result."""
    try:
        return op.finish(op.module.sync_detailed(*op.args, client=client, **op.kwargs))
    except WithalloError:
        raise
    except _PARSE_ERRORS as exc:
        raise _unexpected(exc) from exc
    finally:
        _http.last_response.set(None)  # don't keep the body alive once the caller has its result


async def run_async(client: AuthenticatedClient, op: Op[R]) -> R:
    """Send `op` through its generated async function and return the unwrapped result."""
    try:
        return op.finish(await op.module.asyncio_detailed(*op.args, client=client, **op.kwargs))
    except WithalloError:
        raise
    except _PARSE_ERRORS as exc:
        raise _unexpected(exc) from exc
    finally:
        _http.last_response.set(None)  # don't keep the body alive once the caller has its result


# --- webhooks ---------------------------------------------------------------------------------------------------


def webhook_from_created(created: CreatedWebhook) -> Webhook:
    """The list's Webhook model from a creation answer, whichever spelling (`alloNumber`/`allo_number`) it used."""
    extra = dict(created.additional_properties)
    allo_number = created.allo_number
    if allo_number is UNSET and isinstance(extra.get("allo_number"), str):
        allo_number = extra.pop("allo_number")
    webhook = models.Webhook(
        url=created.url, topics=list(created.topics), id=created.id, allo_number=allo_number, enabled=created.enabled
    )
    webhook.additional_properties = extra
    return webhook


def webhooks_list() -> Op[list[Webhook]]:
    return Op("webhooks.list_webhooks", "WebhookListResponse", lambda r: list(r.data))


def webhooks_create(
    allo_number: str, url: str, topics: Iterable[Any], enabled: bool, *, allow_insecure_http: bool
) -> Op[Webhook]:
    """`allow_insecure_http`: the client's option, which also lets a plain http:// `url` beyond this machine."""
    if not isinstance(enabled, bool):
        raise InvalidParameterError("enabled", "must be True or False")
    body = models.CreateWebhookRequest(
        allo_number=check.e164("allo_number", allo_number),
        url=check.webhook_url(url, allow_insecure_http),
        topics=check.topics(topics),
        enabled=enabled,
    )
    return Op(
        "webhooks.create_webhook",
        "CreatedWebhookResponse",
        lambda r: webhook_from_created(r.data),
        kwargs={"body": body},
    )


def webhooks_delete(webhook_id: str) -> Op[None]:
    return Op("webhooks.delete_webhook", None, lambda _: None, args=(check.identifier("webhook_id", webhook_id),))


# --- calls ------------------------------------------------------------------------------------------------------


def calls_search(allo_number: str, contact_number: str | None, page: int, size: int) -> Op[Page[Call]]:
    kwargs: dict[str, Any] = {
        "allo_number": check.e164("allo_number", allo_number),
        "page": check.page(page),
        "size": check.size(size),
    }
    if contact_number is not None:
        kwargs["contact_number"] = check.e164("contact_number", contact_number)
    return Op("calls.search_calls", "CallPageResponse", lambda r: page_of(r.data), kwargs=kwargs)


# --- contacts ---------------------------------------------------------------------------------------------------


def contacts_get(contact_id: str, extend: str | Iterable[str] | None) -> Op[Contact]:
    kwargs: dict[str, Any] = {}
    if extend is not None:
        parts = (
            check.text("extend", extend).split(",") if isinstance(extend, str) else check.string_list("extend", extend)
        )
        names = [part.strip() for part in parts if part.strip()]
        if names:  # extend="" or [] asks for nothing: no `?extend=` at all
            kwargs["extend"] = ",".join(names)
    args = (check.identifier("contact_id", contact_id),)
    return Op("contacts.get_contact", "ContactResponse", lambda r: r.data, args=args, kwargs=kwargs)


def contacts_search(page: int, size: int) -> Op[Page[Contact]]:
    kwargs = {"page": check.page(page), "size": check.size(size)}
    return Op("contacts.search_contacts", "ContactPageResponse", lambda r: page_of(r.data), kwargs=kwargs)


def contacts_search_conversation(
    contact_id: str, allo_number: str | None, page: int, size: int
) -> Op[Page[ConversationEntry]]:
    kwargs: dict[str, Any] = {"page": check.page(page), "size": check.size(size)}
    if allo_number is not None:
        kwargs["allo_number"] = check.e164("allo_number", allo_number)
    args = (check.identifier("contact_id", contact_id),)
    return Op(
        "contacts.search_contact_conversation", "ConversationPageResponse", lambda r: page_of(r.data), args, kwargs
    )


def contacts_create(numbers: Iterable[str], **optional: Any) -> Op[Contact]:
    fields = {name: value for name, value in optional.items() if value is not None}
    for name in ("name", "last_name", "job_title", "website", "company"):
        if name in fields:
            if not isinstance(fields[name], str):
                raise InvalidParameterError(name, "must be a string")
            check.text(name, fields[name])
    if "emails" in fields:
        fields["emails"] = check.string_list("emails", fields["emails"])
    body = models.CreateContactRequest(numbers=check.e164_list("numbers", numbers), **fields)
    return Op("contacts.create_contact", "ContactResponse", lambda r: r.data, kwargs={"body": body})


CONTACT_TEXT_FIELDS = ("name", "last_name", "job_title", "website", "company")
CONTACT_UPDATE_FIELDS = (*CONTACT_TEXT_FIELDS, "emails", "numbers", "addresses")


def _update_value(name: str, value: Any) -> Any:
    """One known field of a contact update, checked like contacts.create checks it."""
    if name in CONTACT_TEXT_FIELDS:
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidParameterError(name, "must be a string, or None to clear it")
        return check.text(name, value)
    if name == "emails":
        return check.string_list("emails", value)  # [] clears the list; None is refused rather than sent as null
    if name == "numbers":
        return check.e164_list("numbers", value)
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        raise InvalidParameterError("addresses", "must be a list of address objects (mappings)")
    addresses = list(value)
    for i, address in enumerate(addresses):
        if not isinstance(address, Mapping):
            raise InvalidParameterError(f"addresses[{i}]", "must be a mapping (an address object)")
    return [json_value(f"addresses[{i}]", address) for i, address in enumerate(addresses)]


def contacts_update(contact_id: str, fields: Mapping[str, Any], extra: Mapping[str, Any] | None) -> Op[Contact]:
    """PUT body: the known fields given (UNSET ones left out), checked; then `extra` as given, for unknown fields."""
    known = ", ".join(CONTACT_UPDATE_FIELDS)
    body_fields: dict[str, Any] = {}
    for name, value in fields.items():
        if value is UNSET:
            continue
        if name not in CONTACT_UPDATE_FIELDS:
            raise InvalidParameterError(
                name, f"not a contact field this client knows ({known}); send new API fields with extra={{...}}"
            )
        body_fields[name] = _update_value(name, value)
    if extra is not None:
        if not isinstance(extra, Mapping):
            raise InvalidParameterError("extra", "must be a mapping of field name to value")
        for key in extra:
            if not isinstance(key, str) or not key:
                raise InvalidParameterError("extra", "field names must be non-empty strings")
            if key in CONTACT_UPDATE_FIELDS:
                raise InvalidParameterError(f"extra[{key!r}]", f"{key} is a known field: pass it as {key}=... instead")
        body_fields.update(json_value("extra", extra))  # sent as given, once it is sure to encode as JSON
    if not body_fields:
        raise InvalidParameterError("fields", "give at least one field to update, e.g. job_title='CTO'")
    body = models.UpdateContactRequest.from_dict(body_fields)  # extra keys ride along in additional_properties
    args = (check.identifier("contact_id", contact_id),)
    return Op("contacts.update_contact", "ContactResponse", lambda r: r.data, args=args, kwargs={"body": body})


# --- sms and numbers --------------------------------------------------------------------------------------------


def sms_send(from_: str, to: str, message: str) -> Op[SentSms]:
    body = models.SendSmsFromNumberRequest(
        from_=check.e164("from_", from_), to=check.e164("to", to), message=check.message(message)
    )
    return Op("sms.send_sms", "SentSmsResponse", lambda r: r.data, kwargs={"body": body})


def sms_send_france(sender_id: str, to: str, message: str) -> Op[SentSms]:
    body = models.SendSmsFranceRequest(
        sender_id=check.sender_id(sender_id), to=check.e164("to", to), message=check.message(message)
    )
    return Op("sms.send_sms", "SentSmsResponse", lambda r: r.data, kwargs={"body": body})


def phone_numbers_list() -> Op[list[PhoneNumber]]:
    return Op("phone_numbers.list_phone_numbers", "PhoneNumberListResponse", lambda r: list(r.data))
