from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TokenResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = TokenResponse.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 404:
            response_404 = ErrorResponse.from_dict(response.json())

            return response_404

        if response.status_code == 413:
            response_413 = ErrorResponse.from_dict(response.json())

            return response_413

        if response.status_code == 415:
            response_415 = ErrorResponse.from_dict(response.json())

            return response_415

        if response.status_code == 429:
            response_429 = ErrorResponse.from_dict(response.json())

            return response_429

    except (ValueError, KeyError, TypeError) as error:
        raise errors.AgoraChatError.from_response(response) from error
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TokenResponse]:
    parsed = _parse_response(client=client, response=response)
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        # A status outside the registry (a CDN's 520) cannot be a documented response.
        raise errors.AgoraChatError.from_response(response) from None
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[ErrorResponse | TokenResponse]:
    """Get an app token

     Exchanges the app's client ID and secret (console → project → "Client ID/Client Secret")
    for an app token (`grant_type` `client_credentials`). No `Authorization` header is sent.

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Clients send it as a number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`), and all three are accepted. The
    same path also serves user tokens (`password`, `inherit`) and the Agora-token exchange
    (`agora`); those grants are outside this description.

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (TokenRequest): Client-credentials grant. Unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: TokenRequest,
) -> TokenResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> ErrorResponse | TokenResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> ErrorResponse | TokenResponse | None:
    """Get an app token

     Exchanges the app's client ID and secret (console → project → "Client ID/Client Secret")
    for an app token (`grant_type` `client_credentials`). No `Authorization` header is sent.

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Clients send it as a number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`), and all three are accepted. The
    same path also serves user tokens (`password`, `inherit`) and the Agora-token exchange
    (`agora`); those grants are outside this description.

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (TokenRequest): Client-credentials grant. Unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[ErrorResponse | TokenResponse]:
    """Get an app token

     Exchanges the app's client ID and secret (console → project → "Client ID/Client Secret")
    for an app token (`grant_type` `client_credentials`). No `Authorization` header is sent.

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Clients send it as a number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`), and all three are accepted. The
    same path also serves user tokens (`password`, `inherit`) and the Agora-token exchange
    (`agora`); those grants are outside this description.

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (TokenRequest): Client-credentials grant. Unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: TokenRequest,
) -> TokenResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> ErrorResponse | TokenResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> ErrorResponse | TokenResponse | None:
    """Get an app token

     Exchanges the app's client ID and secret (console → project → "Client ID/Client Secret")
    for an app token (`grant_type` `client_credentials`). No `Authorization` header is sent.

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Clients send it as a number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`), and all three are accepted. The
    same path also serves user tokens (`password`, `inherit`) and the Agora-token exchange
    (`agora`); those grants are outside this description.

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (TokenRequest): Client-credentials grant. Unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
