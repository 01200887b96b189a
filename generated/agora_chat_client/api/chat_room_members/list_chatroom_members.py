from collections.abc import Iterator
from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_members_response import ChatroomMembersResponse
from ...models.error_response import ErrorResponse
from ...models.member_affiliation import MemberAffiliation
from ...models.owner_affiliation import OwnerAffiliation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    chatroom_id: str,
    *,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pagenum"] = pagenum

    params["pagesize"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chatrooms/{chatroom_id}/users".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomMembersResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ChatroomMembersResponse.from_dict(response.json())

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
) -> Response[ChatroomMembersResponse | ErrorResponse]:
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
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> Response[ChatroomMembersResponse | ErrorResponse]:
    """List chat-room members

     分页获取聊天室成员. One page of the room's affiliations, **owner included** (as `{"owner": …}`),
    members as `{"member": …}`. `pagesize` above 1000 is clamped to 1000 and `0` means the
    default 1000. `params` echoes the query as arrays of strings (the Java SDK pages with it).

    Args:
        chatroom_id (str):
        pagenum (int | Unset):  Default: 1.
        pagesize (int | Unset):  Default: 1000.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembersResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        pagenum=pagenum,
        pagesize=pagesize,
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
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse: ...


@overload
def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse | ErrorResponse | None:
    """List chat-room members

     分页获取聊天室成员. One page of the room's affiliations, **owner included** (as `{"owner": …}`),
    members as `{"member": …}`. `pagesize` above 1000 is clamped to 1000 and `0` means the
    default 1000. `params` echoes the query as arrays of strings (the Java SDK pages with it).

    Args:
        chatroom_id (str):
        pagenum (int | Unset):  Default: 1.
        pagesize (int | Unset):  Default: 1000.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembersResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        chatroom_id=chatroom_id,
        client=client,
        pagenum=pagenum,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> Response[ChatroomMembersResponse | ErrorResponse]:
    """List chat-room members

     分页获取聊天室成员. One page of the room's affiliations, **owner included** (as `{"owner": …}`),
    members as `{"member": …}`. `pagesize` above 1000 is clamped to 1000 and `0` means the
    default 1000. `params` echoes the query as arrays of strings (the Java SDK pages with it).

    Args:
        chatroom_id (str):
        pagenum (int | Unset):  Default: 1.
        pagesize (int | Unset):  Default: 1000.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembersResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        pagenum=pagenum,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    pagenum: int | Unset = 1,
    pagesize: int | Unset = 1000,
) -> ChatroomMembersResponse | ErrorResponse | None:
    """List chat-room members

     分页获取聊天室成员. One page of the room's affiliations, **owner included** (as `{"owner": …}`),
    members as `{"member": …}`. `pagesize` above 1000 is clamped to 1000 and `0` means the
    default 1000. `params` echoes the query as arrays of strings (the Java SDK pages with it).

    Args:
        chatroom_id (str):
        pagenum (int | Unset):  Default: 1.
        pagesize (int | Unset):  Default: 1000.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembersResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            client=client,
            pagenum=pagenum,
            pagesize=pagesize,
        )
    ).parsed


MAX_PAGESIZE = 1000
"""The largest page the service returns (it clamps larger ``pagesize`` values to this)."""


def username_of(affiliation: MemberAffiliation | OwnerAffiliation) -> str:
    """The username of an entry of ``ChatroomMembersResponse.data``, owner or member."""
    return affiliation.owner if isinstance(affiliation, OwnerAffiliation) else affiliation.member


def iter_members(
    chatroom_id: str,
    *,
    client: AuthenticatedClient,
    pagesize: int = MAX_PAGESIZE,
) -> Iterator[MemberAffiliation | OwnerAffiliation]:
    """Every entry of the room's member list, the owner's included, fetching ``pagenum`` 1, 2, ...
    until a page comes back shorter than ``pagesize``.

    Raises ``errors.AgoraChatError`` for any answer but 200, whatever the client's
    ``raise_on_error``: an iterator has no error value to return.
    """
    if not 1 <= pagesize <= MAX_PAGESIZE:
        raise ValueError(f"pagesize must be 1 to {MAX_PAGESIZE} (the service clamps larger pages), got {pagesize}")
    pagenum = 1
    while True:
        kwargs = _get_kwargs(chatroom_id, pagenum=pagenum, pagesize=pagesize)
        response = client.get_httpx_client().request(**kwargs)
        page = _parse_response(client=client, response=response)
        if not isinstance(page, ChatroomMembersResponse):
            raise errors.AgoraChatError.from_response(response)
        yield from page.data
        if len(page.data) < pagesize:
            return
        pagenum += 1


def member_names(chatroom_id: str, *, client: AuthenticatedClient, pagesize: int = MAX_PAGESIZE) -> list[str]:
    """The usernames on the room's member list (owner included), in the service's order, over all
    pages. Raises like ``iter_members``."""
    return [username_of(affiliation) for affiliation in iter_members(chatroom_id, client=client, pagesize=pagesize)]
