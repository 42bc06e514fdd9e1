"""The resources users call (`client.webhooks`, `client.calls`, ...), sync and async.

Each method is one line over withallo_ext._operations, which holds the checks and the wiring they share; the
twins differ only in awaiting. Results are the generated models (withallo_client.models).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Never, TypeVar

from withallo_client.client import AuthenticatedClient
from withallo_client.types import UNSET, Unset
from withallo_ext import _operations as ops
from withallo_ext._pages import Page, aiterate, iterate

from .sms.send_many import AsyncSmsBulkMixin, SmsBulkMixin

if TYPE_CHECKING:
    from withallo_client.models import Call, Contact, ConversationEntry, PhoneNumber, SentSms, Webhook
    from withallo_client.models.webhook_topic import WebhookTopic

R = TypeVar("R")


class _SyncResource:
    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def _run(self, op: ops.Op[R]) -> R:
        return ops.run_sync(self._client, op)


class _AsyncResource:
    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def _run(self, op: ops.Op[R]) -> R:
        return await ops.run_async(self._client, op)


# --- webhooks ---------------------------------------------------------------------------------------------------


class Webhooks(_SyncResource):
    """Webhook subscriptions (scope WEBHOOKS_READ_WRITE)."""

    def list(self) -> list[Webhook]:
        """Every webhook of the account."""
        return self._run(ops.webhooks_list())

    def create(
        self, *, allo_number: str, url: str, topics: Iterable[WebhookTopic | str], enabled: bool = True
    ) -> Webhook:
        """Subscribe `url` to `topics` (WebhookTopic members or names) for one Allo number. Not retried on 5xx."""
        return self._run(ops.webhooks_create(allo_number, url, topics, enabled))

    def delete(self, webhook_id: str) -> None:
        """Delete a webhook by id (URL-encoded in the path); NotFoundError when there is none."""
        self._run(ops.webhooks_delete(webhook_id))


class AsyncWebhooks(_AsyncResource):
    """Webhook subscriptions (scope WEBHOOKS_READ_WRITE)."""

    async def list(self) -> list[Webhook]:
        """Every webhook of the account."""
        return await self._run(ops.webhooks_list())

    async def create(
        self, *, allo_number: str, url: str, topics: Iterable[WebhookTopic | str], enabled: bool = True
    ) -> Webhook:
        """Subscribe `url` to `topics` (WebhookTopic members or names) for one Allo number. Not retried on 5xx."""
        return await self._run(ops.webhooks_create(allo_number, url, topics, enabled))

    async def delete(self, webhook_id: str) -> None:
        """Delete a webhook by id (URL-encoded in the path); NotFoundError when there is none."""
        await self._run(ops.webhooks_delete(webhook_id))


# --- calls ------------------------------------------------------------------------------------------------------


class Calls(_SyncResource):
    """Call history (scope CONVERSATIONS_READ)."""

    def search(
        self, allo_number: str, *, contact_number: str | None = None, page: int = 0, size: int = 10
    ) -> Page[Call]:
        """One page (0-indexed, `size` 1..100) of an Allo number's calls, optionally with one contact number only."""
        return self._run(ops.calls_search(allo_number, contact_number, page, size))

    def iter(self, allo_number: str, *, contact_number: str | None = None, size: int = 100) -> Iterator[Call]:
        """Every matching call, fetching `size` at a time."""
        ops.calls_search(allo_number, contact_number, 0, size)  # check the arguments now, not at the first next()
        return iterate(lambda page: self.search(allo_number, contact_number=contact_number, page=page, size=size))


class AsyncCalls(_AsyncResource):
    """Call history (scope CONVERSATIONS_READ)."""

    async def search(
        self, allo_number: str, *, contact_number: str | None = None, page: int = 0, size: int = 10
    ) -> Page[Call]:
        """One page (0-indexed, `size` 1..100) of an Allo number's calls, optionally with one contact number only."""
        return await self._run(ops.calls_search(allo_number, contact_number, page, size))

    def iter(self, allo_number: str, *, contact_number: str | None = None, size: int = 100) -> AsyncIterator[Call]:
        """Every matching call, fetching `size` at a time (`async for`)."""
        ops.calls_search(allo_number, contact_number, 0, size)  # check the arguments now, not at the first anext()
        return aiterate(lambda page: self.search(allo_number, contact_number=contact_number, page=page, size=size))


# --- contacts ---------------------------------------------------------------------------------------------------


class Contacts(_SyncResource):
    """Contacts and their conversations (scopes CONTACTS_READ, CONTACTS_READ_WRITE, CONVERSATIONS_READ)."""

    def get(self, contact_id: str, *, extend: str | Iterable[str] | None = None) -> Contact:
        """One contact by id; `extend` may ask for `engagement` and/or `activity`."""
        return self._run(ops.contacts_get(contact_id, extend))

    def search(self, *, page: int = 0, size: int = 10) -> Page[Contact]:
        """One page (0-indexed, `size` 1..100) of the account's contacts."""
        return self._run(ops.contacts_search(page, size))

    def iter(self, *, size: int = 100) -> Iterator[Contact]:
        """Every contact, fetching `size` at a time."""
        ops.contacts_search(0, size)  # check the arguments now, not at the first next()
        return iterate(lambda page: self.search(page=page, size=size))

    def search_conversation(
        self, contact_id: str, *, page: int = 0, size: int = 10, allo_number: str | None = None
    ) -> Page[ConversationEntry]:
        """One page of a contact's calls and messages, optionally through one Allo number only."""
        return self._run(ops.contacts_search_conversation(contact_id, allo_number, page, size))

    def iter_conversation(
        self, contact_id: str, *, size: int = 100, allo_number: str | None = None
    ) -> Iterator[ConversationEntry]:
        """Every entry of a contact's conversation, fetching `size` at a time."""
        ops.contacts_search_conversation(contact_id, allo_number, 0, size)  # check the arguments now
        return iterate(lambda page: self.search_conversation(contact_id, page=page, size=size, allo_number=allo_number))

    def create(
        self,
        *,
        numbers: Iterable[str],
        name: str | None = None,
        last_name: str | None = None,
        job_title: str | None = None,
        website: str | None = None,
        emails: Iterable[str] | None = None,
        company: str | None = None,
    ) -> Contact:
        """Create a contact with at least one E.164 number; fields left None are not sent. Not retried on 5xx."""
        return self._run(
            ops.contacts_create(
                numbers,
                name=name,
                last_name=last_name,
                job_title=job_title,
                website=website,
                emails=emails,
                company=company,
            )
        )

    def update(
        self,
        contact_id: str,
        *,
        name: str | Unset | None = UNSET,
        last_name: str | Unset | None = UNSET,
        job_title: str | Unset | None = UNSET,
        website: str | Unset | None = UNSET,
        company: str | Unset | None = UNSET,
        emails: Iterable[str] | Unset = UNSET,
        numbers: Iterable[str] | Unset = UNSET,
        addresses: Iterable[Mapping[str, Any]] | Unset = UNSET,
        extra: Mapping[str, Any] | None = None,
        **unknown: Never,
    ) -> Contact:
        """PUT the fields given (None clears a text field); `emails`, `numbers`, `addresses` replace the whole list.

        Fields the API has but this client does not know yet go in `extra` (sent as given); any other keyword is
        refused with InvalidParameterError listing the known fields.
        """
        fields = dict(
            name=name,
            last_name=last_name,
            job_title=job_title,
            website=website,
            company=company,
            emails=emails,
            numbers=numbers,
            addresses=addresses,
            **unknown,
        )
        return self._run(ops.contacts_update(contact_id, fields, extra))


class AsyncContacts(_AsyncResource):
    """Contacts and their conversations (scopes CONTACTS_READ, CONTACTS_READ_WRITE, CONVERSATIONS_READ)."""

    async def get(self, contact_id: str, *, extend: str | Iterable[str] | None = None) -> Contact:
        """One contact by id; `extend` may ask for `engagement` and/or `activity`."""
        return await self._run(ops.contacts_get(contact_id, extend))

    async def search(self, *, page: int = 0, size: int = 10) -> Page[Contact]:
        """One page (0-indexed, `size` 1..100) of the account's contacts."""
        return await self._run(ops.contacts_search(page, size))

    def iter(self, *, size: int = 100) -> AsyncIterator[Contact]:
        """Every contact, fetching `size` at a time (`async for`)."""
        ops.contacts_search(0, size)  # check the arguments now, not at the first anext()
        return aiterate(lambda page: self.search(page=page, size=size))

    async def search_conversation(
        self, contact_id: str, *, page: int = 0, size: int = 10, allo_number: str | None = None
    ) -> Page[ConversationEntry]:
        """One page of a contact's calls and messages, optionally through one Allo number only."""
        return await self._run(ops.contacts_search_conversation(contact_id, allo_number, page, size))

    def iter_conversation(
        self, contact_id: str, *, size: int = 100, allo_number: str | None = None
    ) -> AsyncIterator[ConversationEntry]:
        """Every entry of a contact's conversation, fetching `size` at a time (`async for`)."""
        ops.contacts_search_conversation(contact_id, allo_number, 0, size)  # check the arguments now
        return aiterate(
            lambda page: self.search_conversation(contact_id, page=page, size=size, allo_number=allo_number)
        )

    async def create(
        self,
        *,
        numbers: Iterable[str],
        name: str | None = None,
        last_name: str | None = None,
        job_title: str | None = None,
        website: str | None = None,
        emails: Iterable[str] | None = None,
        company: str | None = None,
    ) -> Contact:
        """Create a contact with at least one E.164 number; fields left None are not sent. Not retried on 5xx."""
        return await self._run(
            ops.contacts_create(
                numbers,
                name=name,
                last_name=last_name,
                job_title=job_title,
                website=website,
                emails=emails,
                company=company,
            )
        )

    async def update(
        self,
        contact_id: str,
        *,
        name: str | Unset | None = UNSET,
        last_name: str | Unset | None = UNSET,
        job_title: str | Unset | None = UNSET,
        website: str | Unset | None = UNSET,
        company: str | Unset | None = UNSET,
        emails: Iterable[str] | Unset = UNSET,
        numbers: Iterable[str] | Unset = UNSET,
        addresses: Iterable[Mapping[str, Any]] | Unset = UNSET,
        extra: Mapping[str, Any] | None = None,
        **unknown: Never,
    ) -> Contact:
        """PUT the fields given (None clears a text field); `emails`, `numbers`, `addresses` replace the whole list.

        Fields the API has but this client does not know yet go in `extra` (sent as given); any other keyword is
        refused with InvalidParameterError listing the known fields.
        """
        fields = dict(
            name=name,
            last_name=last_name,
            job_title=job_title,
            website=website,
            company=company,
            emails=emails,
            numbers=numbers,
            addresses=addresses,
            **unknown,
        )
        return await self._run(ops.contacts_update(contact_id, fields, extra))


# --- sms and phone numbers --------------------------------------------------------------------------------------


class Sms(SmsBulkMixin, _SyncResource):
    """Text messages (scope SMS_SEND). Never sent twice: a POST is retried only when it surely did not arrive."""

    def send(self, *, from_: str, to: str, message: str) -> SentSms:
        """Send from one of your Allo numbers to a number in the same country (E.164, 1..1000 characters)."""
        return self._run(ops.sms_send(from_, to, message))

    def send_france(self, *, sender_id: str, to: str, message: str) -> SentSms:
        """Send to France from an approved sender ID (3-11 letters/digits with a letter, or a short code)."""
        return self._run(ops.sms_send_france(sender_id, to, message))


class AsyncSms(AsyncSmsBulkMixin, _AsyncResource):
    """Text messages (scope SMS_SEND). Never sent twice: a POST is retried only when it surely did not arrive."""

    async def send(self, *, from_: str, to: str, message: str) -> SentSms:
        """Send from one of your Allo numbers to a number in the same country (E.164, 1..1000 characters)."""
        return await self._run(ops.sms_send(from_, to, message))

    async def send_france(self, *, sender_id: str, to: str, message: str) -> SentSms:
        """Send to France from an approved sender ID (3-11 letters/digits with a letter, or a short code)."""
        return await self._run(ops.sms_send_france(sender_id, to, message))


class PhoneNumbers(_SyncResource):
    """The account's Allo numbers (scope CONVERSATIONS_READ)."""

    def list(self) -> list[PhoneNumber]:
        """Every Allo number of the account."""
        return self._run(ops.phone_numbers_list())


class AsyncPhoneNumbers(_AsyncResource):
    """The account's Allo numbers (scope CONVERSATIONS_READ)."""

    async def list(self) -> list[PhoneNumber]:
        """Every Allo number of the account."""
        return await self._run(ops.phone_numbers_list())
