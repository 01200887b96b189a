from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chatroom_attributes_get_request import ChatroomAttributesGetRequest
from ...models.chatroom_attributes_get_response import ChatroomAttributesGetResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    chatroom_id: str,
    *,
    body: ChatroomAttributesGetRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/metadata/chatroom/{chatroom_id}".format(
            chatroom_id=quote(str(chatroom_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChatroomAttributesGetResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ChatroomAttributesGetResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChatroomAttributesGetResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesGetRequest | Unset = UNSET,
) -> Response[ChatroomAttributesGetResponse | ErrorResponse]:
    """Get chat-room attributes

     获取聊天室自定义属性 — a **POST** that reads. The body is optional: no body, an empty body,
    `{}`, `{"keys": null}` and `{"keys": []}` all mean "every attribute" (the Java, Go and Web
    SDKs send each of these). Requested keys that do not exist are simply absent from `data`.
    Any member or non-member may read; an unknown room is `404 resource_not_found`.

    Args:
        chatroom_id (str):
        body (ChatroomAttributesGetRequest | Unset): Optional; absent, empty, `{}`, `{"keys":
            null}` and `{"keys": []}` all mean every attribute.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomAttributesGetResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesGetRequest | Unset = UNSET,
) -> ChatroomAttributesGetResponse | ErrorResponse | None:
    """Get chat-room attributes

     获取聊天室自定义属性 — a **POST** that reads. The body is optional: no body, an empty body,
    `{}`, `{"keys": null}` and `{"keys": []}` all mean "every attribute" (the Java, Go and Web
    SDKs send each of these). Requested keys that do not exist are simply absent from `data`.
    Any member or non-member may read; an unknown room is `404 resource_not_found`.

    Args:
        chatroom_id (str):
        body (ChatroomAttributesGetRequest | Unset): Optional; absent, empty, `{}`, `{"keys":
            null}` and `{"keys": []}` all mean every attribute.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomAttributesGetResponse | ErrorResponse
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
    body: ChatroomAttributesGetRequest | Unset = UNSET,
) -> Response[ChatroomAttributesGetResponse | ErrorResponse]:
    """Get chat-room attributes

     获取聊天室自定义属性 — a **POST** that reads. The body is optional: no body, an empty body,
    `{}`, `{"keys": null}` and `{"keys": []}` all mean "every attribute" (the Java, Go and Web
    SDKs send each of these). Requested keys that do not exist are simply absent from `data`.
    Any member or non-member may read; an unknown room is `404 resource_not_found`.

    Args:
        chatroom_id (str):
        body (ChatroomAttributesGetRequest | Unset): Optional; absent, empty, `{}`, `{"keys":
            null}` and `{"keys": []}` all mean every attribute.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatroomAttributesGetResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        chatroom_id=chatroom_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    chatroom_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ChatroomAttributesGetRequest | Unset = UNSET,
) -> ChatroomAttributesGetResponse | ErrorResponse | None:
    """Get chat-room attributes

     获取聊天室自定义属性 — a **POST** that reads. The body is optional: no body, an empty body,
    `{}`, `{"keys": null}` and `{"keys": []}` all mean "every attribute" (the Java, Go and Web
    SDKs send each of these). Requested keys that do not exist are simply absent from `data`.
    Any member or non-member may read; an unknown room is `404 resource_not_found`.

    Args:
        chatroom_id (str):
        body (ChatroomAttributesGetRequest | Unset): Optional; absent, empty, `{}`, `{"keys":
            null}` and `{"keys": []}` all mean every attribute.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatroomAttributesGetResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            chatroom_id=chatroom_id,
            client=client,
            body=body,
        )
    ).parsed
