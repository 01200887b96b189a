from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_members_remove_response import ChatroomMembersRemoveResponse
from ...models.chatroom_membership_response import ChatroomMembershipResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    chatroom_id: str,
    username: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/chatrooms/{chatroom_id}/users/{username}".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
            username=quote(str(username), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:

            def _parse_response_200(data: object) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chatroom_member_removal_response_type_0 = ChatroomMembershipResponse.from_dict(
                        data
                    )

                    return componentsschemas_chatroom_member_removal_response_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_chatroom_member_removal_response_type_1 = ChatroomMembersRemoveResponse.from_dict(
                    data
                )

                return componentsschemas_chatroom_member_removal_response_type_1

            response_200 = _parse_response_200(response.json())

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
) -> Response[ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse]:
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
) -> Response[ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse]:
    """Remove one member, or several, from a chat room

     删除单个聊天室成员 / 批量删除聊天室成员. The last segment is **one username or a
    comma-separated list** of up to 60 (`u1,u2`, the comma usually sent as `%2C`). The reply
    follows the form (decision D104):

    * **One username**: `data` is one result object. Removing a user who is not a member is a
      `400 forbidden_op` "users [<u>] are not members of this group!" (the chat-room error
      tables; the generic catalogue says 403), an unregistered user a `404 resource_not_found`
      "username <u> doesn't exist!", the owner a `403 forbidden_op`.
    * **A comma list**: `data` is **an array**, one entry per distinct name (letter case and
      repeats collapse), in request order. Members are removed; a name that is not a member
      (or not registered) comes back with `result: false` and a `reason` ("user: <u> doesn't
      exist in group: <id>"), the owner with `result: false` and "forbidden operation on
      group owner!"; the call still answers 200. More than 60 names is a `400
      invalid_parameter` "kickMember: kickMembers number more than maxSize : 60" (the limit
      every error sentence names; some pages say 100).

    Both forms share the path template, so they are one operation whose 200 reply is one of
    two named bodies: `ChatroomMembershipResponse` for one name,
    `ChatroomMembersRemoveResponse` for a list. Each removed member's chat-room attributes set
    with `autoDelete: DELETE` are removed; `NO_DELETE` ones stay.

    Args:
        chatroom_id (str):
        username (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        username=username,
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
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse: ...


@overload
def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None: ...


def sync(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None:
    """Remove one member, or several, from a chat room

     删除单个聊天室成员 / 批量删除聊天室成员. The last segment is **one username or a
    comma-separated list** of up to 60 (`u1,u2`, the comma usually sent as `%2C`). The reply
    follows the form (decision D104):

    * **One username**: `data` is one result object. Removing a user who is not a member is a
      `400 forbidden_op` "users [<u>] are not members of this group!" (the chat-room error
      tables; the generic catalogue says 403), an unregistered user a `404 resource_not_found`
      "username <u> doesn't exist!", the owner a `403 forbidden_op`.
    * **A comma list**: `data` is **an array**, one entry per distinct name (letter case and
      repeats collapse), in request order. Members are removed; a name that is not a member
      (or not registered) comes back with `result: false` and a `reason` ("user: <u> doesn't
      exist in group: <id>"), the owner with `result: false` and "forbidden operation on
      group owner!"; the call still answers 200. More than 60 names is a `400
      invalid_parameter` "kickMember: kickMembers number more than maxSize : 60" (the limit
      every error sentence names; some pages say 100).

    Both forms share the path template, so they are one operation whose 200 reply is one of
    two named bodies: `ChatroomMembershipResponse` for one name,
    `ChatroomMembersRemoveResponse` for a list. Each removed member's chat-room attributes set
    with `autoDelete: DELETE` are removed; `NO_DELETE` ones stay.

    Args:
        chatroom_id (str):
        username (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        chatroom_id=chatroom_id,
        username=username,
        client=client,
    ).parsed


async def asyncio_detailed(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse]:
    """Remove one member, or several, from a chat room

     删除单个聊天室成员 / 批量删除聊天室成员. The last segment is **one username or a
    comma-separated list** of up to 60 (`u1,u2`, the comma usually sent as `%2C`). The reply
    follows the form (decision D104):

    * **One username**: `data` is one result object. Removing a user who is not a member is a
      `400 forbidden_op` "users [<u>] are not members of this group!" (the chat-room error
      tables; the generic catalogue says 403), an unregistered user a `404 resource_not_found`
      "username <u> doesn't exist!", the owner a `403 forbidden_op`.
    * **A comma list**: `data` is **an array**, one entry per distinct name (letter case and
      repeats collapse), in request order. Members are removed; a name that is not a member
      (or not registered) comes back with `result: false` and a `reason` ("user: <u> doesn't
      exist in group: <id>"), the owner with `result: false` and "forbidden operation on
      group owner!"; the call still answers 200. More than 60 names is a `400
      invalid_parameter` "kickMember: kickMembers number more than maxSize : 60" (the limit
      every error sentence names; some pages say 100).

    Both forms share the path template, so they are one operation whose 200 reply is one of
    two named bodies: `ChatroomMembershipResponse` for one name,
    `ChatroomMembersRemoveResponse` for a list. Each removed member's chat-room attributes set
    with `autoDelete: DELETE` are removed; `NO_DELETE` ones stay.

    Args:
        chatroom_id (str):
        username (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        username=username,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse: ...


@overload
async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None: ...


async def asyncio(
    chatroom_id: str,
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None:
    """Remove one member, or several, from a chat room

     删除单个聊天室成员 / 批量删除聊天室成员. The last segment is **one username or a
    comma-separated list** of up to 60 (`u1,u2`, the comma usually sent as `%2C`). The reply
    follows the form (decision D104):

    * **One username**: `data` is one result object. Removing a user who is not a member is a
      `400 forbidden_op` "users [<u>] are not members of this group!" (the chat-room error
      tables; the generic catalogue says 403), an unregistered user a `404 resource_not_found`
      "username <u> doesn't exist!", the owner a `403 forbidden_op`.
    * **A comma list**: `data` is **an array**, one entry per distinct name (letter case and
      repeats collapse), in request order. Members are removed; a name that is not a member
      (or not registered) comes back with `result: false` and a `reason` ("user: <u> doesn't
      exist in group: <id>"), the owner with `result: false` and "forbidden operation on
      group owner!"; the call still answers 200. More than 60 names is a `400
      invalid_parameter` "kickMember: kickMembers number more than maxSize : 60" (the limit
      every error sentence names; some pages say 100).

    Both forms share the path template, so they are one operation whose 200 reply is one of
    two named bodies: `ChatroomMembershipResponse` for one name,
    `ChatroomMembersRemoveResponse` for a list. Each removed member's chat-room attributes set
    with `autoDelete: DELETE` are removed; `NO_DELETE` ones stay.

    Args:
        chatroom_id (str):
        username (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomMembershipResponse | ChatroomMembersRemoveResponse | ErrorResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            username=username,
            client=client,
        )
    ).parsed
