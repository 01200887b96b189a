from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_attributes_set_request import ChatroomAttributesSetRequest
from ...models.chatroom_attributes_write_response import ChatroomAttributesWriteResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    chatroom_id: str,
    username: str,
    *,
    body: ChatroomAttributesSetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/metadata/chatroom/{chatroom_id}/user/{username}".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
            username=quote(str(username), safe=""),
        ),
    }

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
    body: ChatroomAttributesSetRequest,
) -> Response[ChatroomAttributesWriteResponse | ErrorResponse]:
    """Set chat-room attributes as a member

     设置聊天室自定义属性. `{username}` (a member or the owner of the room) writes 1 to 10 pairs.
    It may create new keys and update keys it owns; keys owned by someone else are refused
    (use `forceSetChatroomAttributes`). A non-member gets `401` `MetadataException` "user is
    not in chatroom"; more than 10 pairs reject the whole request with `400` "exceed allowed
    batch size 10".

    A key another member owns — the sources contradict each other (decision D107; emulator
    switch `others-key-write`):

    * The newest Easemob pages (the set page and the attribute overview) list `400` "others
      are not allowed to be set": the whole request is refused and nothing is written. The
      emulator's default (`reject`; the `error` code is not documented, the emulator sends
      `illegal_argument` with `MetadataException`, as for the batch-size error).
    * A Web SDK design note (low weight) maps the per-key reason "is not part of you" out of
      `errorKeys`: HTTP 200, that key in `errorKeys`, the others written (`per-key`).

    Each key succeeds or fails on its own, and the call returns **200 even when every key
    failed**: failures are listed in `errorKeys` (key → reason). The reasons:

    * `properties key '<key>' is exceeding maximum limit 128` — key longer than 128 characters;
    * `key '<key>' is not Legal` — empty key or characters outside `A-Z a-z 0-9 _ - .`;
    * `properties value '<key>' is exceeding maximum limit 4096` — value longer than 4096
      characters (the seed page's 4086 is an outdated typo);
    * `key '<key>' is not part of you` — the key belongs to another member (with
      `others-key-write=per-key` only);
    * `size of metadata for this single chatroom exceeds the user defined limit 100` — the
      room already holds 100 attributes.

    Only the key-length sentence is published verbatim; the others reproduce the phrases a
    Web SDK design note matches on. These limits are therefore deliberately **not** schema
    constraints. The vendors also cap all chat-room attributes of an app at 10 GB in total
    (per key: "total size of chatroom metadata for this app exceeds the user defined limit");
    the emulator does not enforce that cap (decision D51). `autoDelete` (any letter case; default
    `DELETE`) decides whether the written
    keys are removed when `{username}` leaves the room.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesSetRequest): Unknown fields (e.g. `notificationExt`) are ignored.

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
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse: ...


@overload
def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None:
    """Set chat-room attributes as a member

     设置聊天室自定义属性. `{username}` (a member or the owner of the room) writes 1 to 10 pairs.
    It may create new keys and update keys it owns; keys owned by someone else are refused
    (use `forceSetChatroomAttributes`). A non-member gets `401` `MetadataException` "user is
    not in chatroom"; more than 10 pairs reject the whole request with `400` "exceed allowed
    batch size 10".

    A key another member owns — the sources contradict each other (decision D107; emulator
    switch `others-key-write`):

    * The newest Easemob pages (the set page and the attribute overview) list `400` "others
      are not allowed to be set": the whole request is refused and nothing is written. The
      emulator's default (`reject`; the `error` code is not documented, the emulator sends
      `illegal_argument` with `MetadataException`, as for the batch-size error).
    * A Web SDK design note (low weight) maps the per-key reason "is not part of you" out of
      `errorKeys`: HTTP 200, that key in `errorKeys`, the others written (`per-key`).

    Each key succeeds or fails on its own, and the call returns **200 even when every key
    failed**: failures are listed in `errorKeys` (key → reason). The reasons:

    * `properties key '<key>' is exceeding maximum limit 128` — key longer than 128 characters;
    * `key '<key>' is not Legal` — empty key or characters outside `A-Z a-z 0-9 _ - .`;
    * `properties value '<key>' is exceeding maximum limit 4096` — value longer than 4096
      characters (the seed page's 4086 is an outdated typo);
    * `key '<key>' is not part of you` — the key belongs to another member (with
      `others-key-write=per-key` only);
    * `size of metadata for this single chatroom exceeds the user defined limit 100` — the
      room already holds 100 attributes.

    Only the key-length sentence is published verbatim; the others reproduce the phrases a
    Web SDK design note matches on. These limits are therefore deliberately **not** schema
    constraints. The vendors also cap all chat-room attributes of an app at 10 GB in total
    (per key: "total size of chatroom metadata for this app exceeds the user defined limit");
    the emulator does not enforce that cap (decision D51). `autoDelete` (any letter case; default
    `DELETE`) decides whether the written
    keys are removed when `{username}` leaves the room.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesSetRequest): Unknown fields (e.g. `notificationExt`) are ignored.

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
    body: ChatroomAttributesSetRequest,
) -> Response[ChatroomAttributesWriteResponse | ErrorResponse]:
    """Set chat-room attributes as a member

     设置聊天室自定义属性. `{username}` (a member or the owner of the room) writes 1 to 10 pairs.
    It may create new keys and update keys it owns; keys owned by someone else are refused
    (use `forceSetChatroomAttributes`). A non-member gets `401` `MetadataException` "user is
    not in chatroom"; more than 10 pairs reject the whole request with `400` "exceed allowed
    batch size 10".

    A key another member owns — the sources contradict each other (decision D107; emulator
    switch `others-key-write`):

    * The newest Easemob pages (the set page and the attribute overview) list `400` "others
      are not allowed to be set": the whole request is refused and nothing is written. The
      emulator's default (`reject`; the `error` code is not documented, the emulator sends
      `illegal_argument` with `MetadataException`, as for the batch-size error).
    * A Web SDK design note (low weight) maps the per-key reason "is not part of you" out of
      `errorKeys`: HTTP 200, that key in `errorKeys`, the others written (`per-key`).

    Each key succeeds or fails on its own, and the call returns **200 even when every key
    failed**: failures are listed in `errorKeys` (key → reason). The reasons:

    * `properties key '<key>' is exceeding maximum limit 128` — key longer than 128 characters;
    * `key '<key>' is not Legal` — empty key or characters outside `A-Z a-z 0-9 _ - .`;
    * `properties value '<key>' is exceeding maximum limit 4096` — value longer than 4096
      characters (the seed page's 4086 is an outdated typo);
    * `key '<key>' is not part of you` — the key belongs to another member (with
      `others-key-write=per-key` only);
    * `size of metadata for this single chatroom exceeds the user defined limit 100` — the
      room already holds 100 attributes.

    Only the key-length sentence is published verbatim; the others reproduce the phrases a
    Web SDK design note matches on. These limits are therefore deliberately **not** schema
    constraints. The vendors also cap all chat-room attributes of an app at 10 GB in total
    (per key: "total size of chatroom metadata for this app exceeds the user defined limit");
    the emulator does not enforce that cap (decision D51). `autoDelete` (any letter case; default
    `DELETE`) decides whether the written
    keys are removed when `{username}` leaves the room.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesSetRequest): Unknown fields (e.g. `notificationExt`) are ignored.

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
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesSetRequest,
) -> ChatroomAttributesWriteResponse | ErrorResponse | None:
    """Set chat-room attributes as a member

     设置聊天室自定义属性. `{username}` (a member or the owner of the room) writes 1 to 10 pairs.
    It may create new keys and update keys it owns; keys owned by someone else are refused
    (use `forceSetChatroomAttributes`). A non-member gets `401` `MetadataException` "user is
    not in chatroom"; more than 10 pairs reject the whole request with `400` "exceed allowed
    batch size 10".

    A key another member owns — the sources contradict each other (decision D107; emulator
    switch `others-key-write`):

    * The newest Easemob pages (the set page and the attribute overview) list `400` "others
      are not allowed to be set": the whole request is refused and nothing is written. The
      emulator's default (`reject`; the `error` code is not documented, the emulator sends
      `illegal_argument` with `MetadataException`, as for the batch-size error).
    * A Web SDK design note (low weight) maps the per-key reason "is not part of you" out of
      `errorKeys`: HTTP 200, that key in `errorKeys`, the others written (`per-key`).

    Each key succeeds or fails on its own, and the call returns **200 even when every key
    failed**: failures are listed in `errorKeys` (key → reason). The reasons:

    * `properties key '<key>' is exceeding maximum limit 128` — key longer than 128 characters;
    * `key '<key>' is not Legal` — empty key or characters outside `A-Z a-z 0-9 _ - .`;
    * `properties value '<key>' is exceeding maximum limit 4096` — value longer than 4096
      characters (the seed page's 4086 is an outdated typo);
    * `key '<key>' is not part of you` — the key belongs to another member (with
      `others-key-write=per-key` only);
    * `size of metadata for this single chatroom exceeds the user defined limit 100` — the
      room already holds 100 attributes.

    Only the key-length sentence is published verbatim; the others reproduce the phrases a
    Web SDK design note matches on. These limits are therefore deliberately **not** schema
    constraints. The vendors also cap all chat-room attributes of an app at 10 GB in total
    (per key: "total size of chatroom metadata for this app exceeds the user defined limit");
    the emulator does not enforce that cap (decision D51). `autoDelete` (any letter case; default
    `DELETE`) decides whether the written
    keys are removed when `{username}` leaves the room.

    Args:
        chatroom_id (str):
        username (str):
        body (ChatroomAttributesSetRequest): Unknown fields (e.g. `notificationExt`) are ignored.

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
