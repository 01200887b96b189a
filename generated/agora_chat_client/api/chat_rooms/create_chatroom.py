from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_create_request import ChatroomCreateRequest
from ...models.chatroom_create_response import ChatroomCreateResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ChatroomCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chatrooms",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomCreateResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ChatroomCreateResponse.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401

        if response.status_code == 403:
            response_403 = ErrorResponse.from_dict(response.json())

            return response_403

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
) -> Response[ChatroomCreateResponse | ErrorResponse]:
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
    body: ChatroomCreateRequest,
) -> Response[ChatroomCreateResponse | ErrorResponse]:
    """Create a chat room

     Creates a chat room owned by `owner` (an existing user), with optional initial `members`
    (the owner is not listed there). `maxusers` counts the owner. The service generates a
    numeric room ID; a custom ID (`roomid`, or `groupid` as the Java SDK 2.0 sends it) is
    honoured where the feature is enabled.

    Unknown keys (the Java SDK sends `scale` and `need_verify`) are ignored.

    Args:
        body (ChatroomCreateRequest): Unknown fields (e.g. the Java SDK's `scale`, `need_verify`)
            are ignored. Every optional
            field may be `null`, which means absent: Go SDKs send `"roomid": null` (and nil slices as
            `null`) on every create.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomCreateResponse | ErrorResponse]
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
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse | ErrorResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse | ErrorResponse | None:
    """Create a chat room

     Creates a chat room owned by `owner` (an existing user), with optional initial `members`
    (the owner is not listed there). `maxusers` counts the owner. The service generates a
    numeric room ID; a custom ID (`roomid`, or `groupid` as the Java SDK 2.0 sends it) is
    honoured where the feature is enabled.

    Unknown keys (the Java SDK sends `scale` and `need_verify`) are ignored.

    Args:
        body (ChatroomCreateRequest): Unknown fields (e.g. the Java SDK's `scale`, `need_verify`)
            are ignored. Every optional
            field may be `null`, which means absent: Go SDKs send `"roomid": null` (and nil slices as
            `null`) on every create.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomCreateResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomCreateRequest,
) -> Response[ChatroomCreateResponse | ErrorResponse]:
    """Create a chat room

     Creates a chat room owned by `owner` (an existing user), with optional initial `members`
    (the owner is not listed there). `maxusers` counts the owner. The service generates a
    numeric room ID; a custom ID (`roomid`, or `groupid` as the Java SDK 2.0 sends it) is
    honoured where the feature is enabled.

    Unknown keys (the Java SDK sends `scale` and `need_verify`) are ignored.

    Args:
        body (ChatroomCreateRequest): Unknown fields (e.g. the Java SDK's `scale`, `need_verify`)
            are ignored. Every optional
            field may be `null`, which means absent: Go SDKs send `"roomid": null` (and nil slices as
            `null`) on every create.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomCreateResponse | ErrorResponse]
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
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse | ErrorResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomCreateRequest,
) -> ChatroomCreateResponse | ErrorResponse | None:
    """Create a chat room

     Creates a chat room owned by `owner` (an existing user), with optional initial `members`
    (the owner is not listed there). `maxusers` counts the owner. The service generates a
    numeric room ID; a custom ID (`roomid`, or `groupid` as the Java SDK 2.0 sends it) is
    honoured where the feature is enabled.

    Unknown keys (the Java SDK sends `scale` and `need_verify`) are ignored.

    Args:
        body (ChatroomCreateRequest): Unknown fields (e.g. the Java SDK's `scale`, `need_verify`)
            are ignored. Every optional
            field may be `null`, which means absent: Go SDKs send `"roomid": null` (and nil slices as
            `null`) on every create.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomCreateResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
