"""A page of search results, and the loops that walk every page without ever looping forever."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from withallo_client.models.pagination_metadata import PaginationMetadata
from withallo_client.types import Unset

T = TypeVar("T")


class _GeneratedPage(Protocol[T]):
    """What CallPage, ContactPage and ConversationPage have in common."""

    results: list[T]
    metadata: PaginationMetadata | Unset


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a search: `results` (generated models), `total_pages` and the 0-indexed `current_page`.

    `total_pages` / `current_page` are None when the server sent no page metadata. `raw` is the generated page
    model, for fields this client does not know yet (`raw.additional_properties`).
    """

    results: list[T]
    total_pages: int | None
    current_page: int | None
    raw: Any = field(default=None, repr=False, compare=False)

    def __iter__(self) -> Iterator[T]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @property
    def has_more(self) -> bool:
        """Whether a page after this one exists, by the metadata (False when there is none)."""
        return next_page(self, self.current_page if self.current_page is not None else 0) is not None


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def page_of(generated: _GeneratedPage[T]) -> Page[T]:
    """A Page from a generated page model, reading `metadata.pagination` first, then the flat fields."""
    total = current = None
    meta = generated.metadata
    if isinstance(meta, PaginationMetadata):
        nested = meta.pagination
        if not isinstance(nested, Unset):
            total, current = _int_or_none(nested.total_pages), _int_or_none(nested.current_page)
        if total is None:
            total = _int_or_none(meta.total_pages)
        if current is None:
            current = _int_or_none(meta.current_page)
    return Page(results=list(generated.results), total_pages=total, current_page=current, raw=generated)


def next_page(page: Page[Any], requested: int) -> int | None:
    """The page to ask for after `requested`, or None: stop on an empty page, missing metadata, or the last page.

    We count from the page we asked for, not the one the server says it sent, so a server that ignores `page`
    still ends the walk after `total_pages` requests.
    """
    if not page.results or page.total_pages is None:
        return None
    following = requested + 1
    return following if following < page.total_pages else None


def iterate(fetch: Callable[[int], Page[T]]) -> Iterator[T]:
    """Every item across pages, fetching one page at a time."""
    number: int | None = 0
    while number is not None:
        page = fetch(number)
        yield from page.results
        number = next_page(page, number)
        del page  # let it go before the next fetch: one page in memory at a time


async def aiterate(fetch: Callable[[int], Awaitable[Page[T]]]) -> AsyncIterator[T]:
    """Every item across pages, fetching one page at a time (async)."""
    number: int | None = 0
    while number is not None:
        page = await fetch(number)
        for item in page.results:
            yield item
        number = next_page(page, number)
        del page  # let it go before the next fetch: one page in memory at a time
