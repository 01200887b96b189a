from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_members_add_request import ChatroomMembersAddRequest
from ...models.chatroom_members_add_response import ChatroomMembersAddResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    chatroom_id: str,
    *,
    body: ChatroomMembersAddRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chatrooms/{chatroom_id}/users".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomMembersAddResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ChatroomMembersAddResponse.from_dict(response.json())

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
) -> Response[ChatroomMembersAddResponse | ErrorResponse]:
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
    body: ChatroomMembersAddRequest,
) -> Response[ChatroomMembersAddResponse | ErrorResponse]:
    """Add several members to a chat room

     批量添加聊天室成员. Up to 60 existing users in one call (every vendor page but the newest
    Easemob one, which says 100; 60 is the limit its own error sentence shared with the older
    pages names). More gets `400 invalid_parameter` "addMembers: addMembers number more than
    maxSize : 60". `newmembers` lists the users added by this call: a user already in the room
    (or the owner) counts as success and is left out (the `existing-member-add` switch applies
    to the single add only). One unknown user fails the whole call with `404
    resource_not_found` "username <u> doesn't exist!", a room that would pass `maxusers` with
    `403 exceed_limit`; nothing is added then. The service's per-user quota error is as for
    `addChatroomMember`.

    A separate operation rather than a variant of `addChatroomMember`: the path, body and
    reply differ, and a generated client gets its own typed function and models for it (the
    Easemob-Community Go SDK and the Java SDK 2.0 only ever call this form).

    Args:
        chatroom_id (str):
        body (ChatroomMembersAddRequest): The users to add, at most 60.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembersAddResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        body=body,
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
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse: ...


@overload
def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse | ErrorResponse | None:
    """Add several members to a chat room

     批量添加聊天室成员. Up to 60 existing users in one call (every vendor page but the newest
    Easemob one, which says 100; 60 is the limit its own error sentence shared with the older
    pages names). More gets `400 invalid_parameter` "addMembers: addMembers number more than
    maxSize : 60". `newmembers` lists the users added by this call: a user already in the room
    (or the owner) counts as success and is left out (the `existing-member-add` switch applies
    to the single add only). One unknown user fails the whole call with `404
    resource_not_found` "username <u> doesn't exist!", a room that would pass `maxusers` with
    `403 exceed_limit`; nothing is added then. The service's per-user quota error is as for
    `addChatroomMember`.

    A separate operation rather than a variant of `addChatroomMember`: the path, body and
    reply differ, and a generated client gets its own typed function and models for it (the
    Easemob-Community Go SDK and the Java SDK 2.0 only ever call this form).

    Args:
        chatroom_id (str):
        body (ChatroomMembersAddRequest): The users to add, at most 60.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembersAddResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        chatroom_id=chatroom_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomMembersAddRequest,
) -> Response[ChatroomMembersAddResponse | ErrorResponse]:
    """Add several members to a chat room

     批量添加聊天室成员. Up to 60 existing users in one call (every vendor page but the newest
    Easemob one, which says 100; 60 is the limit its own error sentence shared with the older
    pages names). More gets `400 invalid_parameter` "addMembers: addMembers number more than
    maxSize : 60". `newmembers` lists the users added by this call: a user already in the room
    (or the owner) counts as success and is left out (the `existing-member-add` switch applies
    to the single add only). One unknown user fails the whole call with `404
    resource_not_found` "username <u> doesn't exist!", a room that would pass `maxusers` with
    `403 exceed_limit`; nothing is added then. The service's per-user quota error is as for
    `addChatroomMember`.

    A separate operation rather than a variant of `addChatroomMember`: the path, body and
    reply differ, and a generated client gets its own typed function and models for it (the
    Easemob-Community Go SDK and the Java SDK 2.0 only ever call this form).

    Args:
        chatroom_id (str):
        body (ChatroomMembersAddRequest): The users to add, at most 60.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembersAddResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomMembersAddRequest,
) -> ChatroomMembersAddResponse | ErrorResponse | None:
    """Add several members to a chat room

     批量添加聊天室成员. Up to 60 existing users in one call (every vendor page but the newest
    Easemob one, which says 100; 60 is the limit its own error sentence shared with the older
    pages names). More gets `400 invalid_parameter` "addMembers: addMembers number more than
    maxSize : 60". `newmembers` lists the users added by this call: a user already in the room
    (or the owner) counts as success and is left out (the `existing-member-add` switch applies
    to the single add only). One unknown user fails the whole call with `404
    resource_not_found` "username <u> doesn't exist!", a room that would pass `maxusers` with
    `403 exceed_limit`; nothing is added then. The service's per-user quota error is as for
    `addChatroomMember`.

    A separate operation rather than a variant of `addChatroomMember`: the path, body and
    reply differ, and a generated client gets its own typed function and models for it (the
    Easemob-Community Go SDK and the Java SDK 2.0 only ever call this form).

    Args:
        chatroom_id (str):
        body (ChatroomMembersAddRequest): The users to add, at most 60.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembersAddResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            client=client,
            body=body,
        )
    ).parsed
