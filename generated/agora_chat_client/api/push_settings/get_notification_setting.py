from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_type import ChatType
from ...models.error_response import ErrorResponse
from ...models.notification_setting_response import NotificationSettingResponse
from ...types import Response


def _get_kwargs(
    username: str,
    chattype: ChatType,
    key: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{username}/notification/{chattype}/{key}".format(
            username=quote(str(username), safe=""),
            chattype=quote(str(chattype), safe=""),
            key=quote(str(key), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | NotificationSettingResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = NotificationSettingResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | NotificationSettingResponse]:
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
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | NotificationSettingResponse]:
    """Get the push mode and do-not-disturb of a conversation or of the whole app

     查询离线推送设置. Same path conventions as `setNotificationSetting`. A setting never written
    reads as `type` `ALL` at app level and `DEFAULT` for a conversation, `ignoreInterval` `""`
    and `ignoreDuration` `0`; an expired do-not-disturb period reads as `0`.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NotificationSettingResponse]
    """

    kwargs = _get_kwargs(
        username=username,
        chattype=chattype,
        key=key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient[Literal[True]],
) -> NotificationSettingResponse: ...


@overload
def sync(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | NotificationSettingResponse | None: ...


def sync(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | NotificationSettingResponse | None:
    """Get the push mode and do-not-disturb of a conversation or of the whole app

     查询离线推送设置. Same path conventions as `setNotificationSetting`. A setting never written
    reads as `type` `ALL` at app level and `DEFAULT` for a conversation, `ignoreInterval` `""`
    and `ignoreDuration` `0`; an expired do-not-disturb period reads as `0`.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NotificationSettingResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        username=username,
        chattype=chattype,
        key=key,
        client=client,
    ).parsed


async def asyncio_detailed(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | NotificationSettingResponse]:
    """Get the push mode and do-not-disturb of a conversation or of the whole app

     查询离线推送设置. Same path conventions as `setNotificationSetting`. A setting never written
    reads as `type` `ALL` at app level and `DEFAULT` for a conversation, `ignoreInterval` `""`
    and `ignoreDuration` `0`; an expired do-not-disturb period reads as `0`.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NotificationSettingResponse]
    """

    kwargs = _get_kwargs(
        username=username,
        chattype=chattype,
        key=key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient[Literal[True]],
) -> NotificationSettingResponse: ...


@overload
async def asyncio(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | NotificationSettingResponse | None: ...


async def asyncio(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | NotificationSettingResponse | None:
    """Get the push mode and do-not-disturb of a conversation or of the whole app

     查询离线推送设置. Same path conventions as `setNotificationSetting`. A setting never written
    reads as `type` `ALL` at app level and `DEFAULT` for a conversation, `ignoreInterval` `""`
    and `ignoreDuration` `0`; an expired do-not-disturb period reads as `0`.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NotificationSettingResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            username=username,
            chattype=chattype,
            key=key,
            client=client,
        )
    ).parsed
