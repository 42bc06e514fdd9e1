"""`client.contacts`: contacts (get, search, create, update) and their conversations, sync and async."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Never

from withallo_client.types import UNSET, Unset
from withallo_ext import _operations as ops
from withallo_ext._pages import Page, aiterate, iterate

from ._base import _AsyncResource, _SyncResource

if TYPE_CHECKING:
    from withallo_client.models import Contact, ConversationEntry


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
