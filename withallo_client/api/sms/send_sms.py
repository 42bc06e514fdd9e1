from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.send_sms_france_request import SendSmsFranceRequest
from ...models.send_sms_from_number_request import SendSmsFromNumberRequest
from ...models.sent_sms_response import SentSmsResponse
from ...types import Response


def _get_kwargs(
    *,
    body: SendSmsFranceRequest | SendSmsFromNumberRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sms",
    }

    if isinstance(body, SendSmsFromNumberRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SentSmsResponse | None:
    if response.status_code == 200:
        response_200 = SentSmsResponse.from_dict(response.json())

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
) -> Response[ErrorBody | SentSmsResponse]:
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
    *,
    client: AuthenticatedClient,
    body: SendSmsFranceRequest | SendSmsFromNumberRequest,
) -> Response[ErrorBody | SentSmsResponse]:
    """Send an SMS

     Sends one text message. The one endpoint takes two body shapes:

    * **From an Allo number** (US and international): `from`, `to`, `message`. `to` must be in the same
      country as `from`.
    * **To France, from a Sender ID** (French carriers block SMS from ordinary mobile numbers):
    `sender_id`,
      `to`, `message`, and no `from` key. The sender ID (3-11 letters and digits with at least one
    letter, or a
      numeric short code) must first be approved by Allo support; an unknown one gives 400
    `INVALID_SENDER_ID`.

    Not idempotent: a request that may have reached the server must not be sent again automatically.

    Args:
        body (SendSmsFranceRequest | SendSmsFromNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SentSmsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SendSmsFranceRequest | SendSmsFromNumberRequest,
) -> ErrorBody | SentSmsResponse | None:
    """Send an SMS

     Sends one text message. The one endpoint takes two body shapes:

    * **From an Allo number** (US and international): `from`, `to`, `message`. `to` must be in the same
      country as `from`.
    * **To France, from a Sender ID** (French carriers block SMS from ordinary mobile numbers):
    `sender_id`,
      `to`, `message`, and no `from` key. The sender ID (3-11 letters and digits with at least one
    letter, or a
      numeric short code) must first be approved by Allo support; an unknown one gives 400
    `INVALID_SENDER_ID`.

    Not idempotent: a request that may have reached the server must not be sent again automatically.

    Args:
        body (SendSmsFranceRequest | SendSmsFromNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SentSmsResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SendSmsFranceRequest | SendSmsFromNumberRequest,
) -> Response[ErrorBody | SentSmsResponse]:
    """Send an SMS

     Sends one text message. The one endpoint takes two body shapes:

    * **From an Allo number** (US and international): `from`, `to`, `message`. `to` must be in the same
      country as `from`.
    * **To France, from a Sender ID** (French carriers block SMS from ordinary mobile numbers):
    `sender_id`,
      `to`, `message`, and no `from` key. The sender ID (3-11 letters and digits with at least one
    letter, or a
      numeric short code) must first be approved by Allo support; an unknown one gives 400
    `INVALID_SENDER_ID`.

    Not idempotent: a request that may have reached the server must not be sent again automatically.

    Args:
        body (SendSmsFranceRequest | SendSmsFromNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SentSmsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SendSmsFranceRequest | SendSmsFromNumberRequest,
) -> ErrorBody | SentSmsResponse | None:
    """Send an SMS

     Sends one text message. The one endpoint takes two body shapes:

    * **From an Allo number** (US and international): `from`, `to`, `message`. `to` must be in the same
      country as `from`.
    * **To France, from a Sender ID** (French carriers block SMS from ordinary mobile numbers):
    `sender_id`,
      `to`, `message`, and no `from` key. The sender ID (3-11 letters and digits with at least one
    letter, or a
      numeric short code) must first be approved by Allo support; an unknown one gives 400
    `INVALID_SENDER_ID`.

    Not idempotent: a request that may have reached the server must not be sent again automatically.

    Args:
        body (SendSmsFranceRequest | SendSmsFromNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SentSmsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
