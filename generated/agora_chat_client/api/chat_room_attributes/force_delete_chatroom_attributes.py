from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_attributes_delete_request import ChatroomAttributesDeleteRequest
from ...models.chatroom_attributes_write_response import ChatroomAttributesWriteResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    chatroom_id: str,
    username: str,
    *,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/metadata/chatroom/{chatroom_id}/user/{username}/forced".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
            username=quote(str(username), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomAttributesWriteResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ChatroomAttributesWriteResponse.from_dict(response.json())

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
) -> Response[ChatroomAttributesWriteResponse | ErrorResponse]:
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
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> Response[ChatroomAttributesWriteResponse | ErrorResponse]:
    """Force-delete chat-room attributes

     强制删除聊天室自定义属性. Deletes the listed keys whoever owns them. There is **no
    membership check** (the Java SDK calls it with the literal operator `admin`, and its live
    test expects success). Missing keys are listed in `errorKeys` (`key '<key>' is not exist`)
    with HTTP 200; more than 10 keys reject the request with `400`.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesDeleteRequest | Unset): Up to 10 keys. Unknown fields (the Java
            SDK 1.x adds `autoDelete`) are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomAttributesWriteResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        username=username,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse: ...


@overload
def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None:
    """Force-delete chat-room attributes

     强制删除聊天室自定义属性. Deletes the listed keys whoever owns them. There is **no
    membership check** (the Java SDK calls it with the literal operator `admin`, and its live
    test expects success). Missing keys are listed in `errorKeys` (`key '<key>' is not exist`)
    with HTTP 200; more than 10 keys reject the request with `400`.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesDeleteRequest | Unset): Up to 10 keys. Unknown fields (the Java
            SDK 1.x adds `autoDelete`) are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomAttributesWriteResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        chatroom_id=chatroom_id,
        username=username,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> Response[ChatroomAttributesWriteResponse | ErrorResponse]:
    """Force-delete chat-room attributes

     强制删除聊天室自定义属性. Deletes the listed keys whoever owns them. There is **no
    membership check** (the Java SDK calls it with the literal operator `admin`, and its live
    test expects success). Missing keys are listed in `errorKeys` (`key '<key>' is not exist`)
    with HTTP 200; more than 10 keys reject the request with `400`.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesDeleteRequest | Unset): Up to 10 keys. Unknown fields (the Java
            SDK 1.x adds `autoDelete`) are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomAttributesWriteResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        username=username,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesDeleteRequest | Unset = UNSET,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None:
    """Force-delete chat-room attributes

     强制删除聊天室自定义属性. Deletes the listed keys whoever owns them. There is **no
    membership check** (the Java SDK calls it with the literal operator `admin`, and its live
    test expects success). Missing keys are listed in `errorKeys` (`key '<key>' is not exist`)
    with HTTP 200; more than 10 keys reject the request with `400`.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesDeleteRequest | Unset): Up to 10 keys. Unknown fields (the Java
            SDK 1.x adds `autoDelete`) are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomAttributesWriteResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            username=username,
            client=client,
            body=body,
        )
    ).parsed
