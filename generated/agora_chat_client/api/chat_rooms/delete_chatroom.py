from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_delete_response import ChatroomDeleteResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    chatroom_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/chatrooms/{chatroom_id}".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomDeleteResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ChatroomDeleteResponse.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401

        if response.status_code == 404:
            response_404 = ErrorResponse.from_dict(response.json())

            return response_404

        if response.status_code == 413:
            response_413 = ErrorResponse.from_dict(response.json())

            return response_413

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
) -> Response[ChatroomDeleteResponse | ErrorResponse]:
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
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ChatroomDeleteResponse | ErrorResponse]:
    """Delete a chat room

     Deletes the room, its membership and all its attributes. An unknown room is a `404
    resource_not_found` ("grpID <id> does not exist!").

    Args:
        chatroom_id (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomDeleteResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
) -> ChatroomDeleteResponse: ...


@overload
def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomDeleteResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomDeleteResponse | ErrorResponse | None:
    """Delete a chat room

     Deletes the room, its membership and all its attributes. An unknown room is a `404
    resource_not_found` ("grpID <id> does not exist!").

    Args:
        chatroom_id (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomDeleteResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        chatroom_id=chatroom_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ChatroomDeleteResponse | ErrorResponse]:
    """Delete a chat room

     Deletes the room, its membership and all its attributes. An unknown room is a `404
    resource_not_found` ("grpID <id> does not exist!").

    Args:
        chatroom_id (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomDeleteResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
) -> ChatroomDeleteResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomDeleteResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomDeleteResponse | ErrorResponse | None:
    """Delete a chat room

     Deletes the room, its membership and all its attributes. An unknown room is a `404
    resource_not_found` ("grpID <id> does not exist!").

    Args:
        chatroom_id (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomDeleteResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            client=client,
        )
    ).parsed
