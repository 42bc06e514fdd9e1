from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_response import ContactResponse
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contact_id: str,
    *,
    extend: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["extend"] = extend

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contact/{contact_id}".format(
            contact_id=quote(str(contact_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactResponse | ErrorBody | None:
    if response.status_code == 200:
        response_200 = ContactResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorBody.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactResponse | ErrorBody]:
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:  # not in the IANA registry (520 from a proxy, 499...): keep the plain int
        status_code = response.status_code  # type: ignore[assignment]
    try:
        parsed = _parse_response(client=client, response=response)
    except (ValueError, TypeError, KeyError):  # an error body that is not the documented JSON (a CDN's HTML page)
        if response.is_success:
            raise
        parsed = None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    contact_id: str,
    *,
    client: AuthenticatedClient,
    extend: str | Unset = UNSET,
) -> Response[ContactResponse | ErrorBody]:
    """Get a contact

     One contact. Note the singular `/contact/` in this path (updates use the plural).

    Args:
        contact_id (str):
        extend (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        extend=extend,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_id: str,
    *,
    client: AuthenticatedClient,
    extend: str | Unset = UNSET,
) -> ContactResponse | ErrorBody | None:
    """Get a contact

     One contact. Note the singular `/contact/` in this path (updates use the plural).

    Args:
        contact_id (str):
        extend (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorBody
    """

    return sync_detailed(
        contact_id=contact_id,
        client=client,
        extend=extend,
    ).parsed


async def asyncio_detailed(
    contact_id: str,
    *,
    client: AuthenticatedClient,
    extend: str | Unset = UNSET,
) -> Response[ContactResponse | ErrorBody]:
    """Get a contact

     One contact. Note the singular `/contact/` in this path (updates use the plural).

    Args:
        contact_id (str):
        extend (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        contact_id=contact_id,
        extend=extend,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_id: str,
    *,
    client: AuthenticatedClient,
    extend: str | Unset = UNSET,
) -> ContactResponse | ErrorBody | None:
    """Get a contact

     One contact. Note the singular `/contact/` in this path (updates use the plural).

    Args:
        contact_id (str):
        extend (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            contact_id=contact_id,
            client=client,
            extend=extend,
        )
    ).parsed
