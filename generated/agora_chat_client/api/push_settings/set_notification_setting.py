from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.chat_type import ChatType
from ...models.error_response import ErrorResponse
from ...models.notification_setting_request import NotificationSettingRequest
from ...models.notification_setting_response import NotificationSettingResponse
from ...types import Response


def _get_kwargs(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    body: NotificationSettingRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{username}/notification/{chattype}/{key}".format(
            username=quote(str(username), safe=""),
            chattype=quote(str(chattype), safe=""),
            key=quote(str(key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: NotificationSettingRequest,
) -> Response[ErrorResponse | NotificationSettingResponse]:
    """Set the push mode and do-not-disturb of a conversation or of the whole app

     设置离线推送 (push mode and do-not-disturb). The setting applies to one conversation: the peer
    user (`chattype=user`, `key` = peer) or a group (`chattype=chatgroup`, `key` = group ID). With
    `chattype=user` and `key` equal to `{username}` it is the **app-level** setting of the user.
    A conversation setting overrides the app-level one; do-not-disturb always beats the push
    mode.

    Every body field is optional, and `""` (strings) or `0` (`ignoreDuration`) mean "not set":
    the stored value is left unchanged. Go SDKs always send all three fields, and the Web SDK
    sends one field per call.

    * `type`: `DEFAULT` (inherit the app-level setting), `ALL`, `AT` (only messages that
      mention the user), `NONE`.
    * `ignoreInterval`: a daily do-not-disturb window `H:M-H:M` (24-hour clock; zero padding
      optional, the Web SDK sends `8:5-22:30`). Equal start and end mean all day; an end earlier
      than the start wraps past midnight. `0:0-0:0` (`00:00-00:00`): both vendors' REST pages
      make it all-day (Agora: "permanent DND") and it is stored as sent; both vendors'
      client-SDK pages say it turns do-not-disturb off, which `--behaviour
      dnd-zero-interval=off` emulates by clearing the stored window (reads back `""`). `""`
      leaves the stored window unchanged: the REST pages only say to send `""` when not
      setting it, and one low-weight note reads it as "clear" (`docs/decisions.md` D96). It **takes
    effect only at app level** (the vendor
      docs); a conversation's interval is stored and read back as sent but silences nothing
      (the Java SDK 2.0 test expectations and the vendor's own group GET example echo it).
    * `ignoreDuration`: a one-shot do-not-disturb period in milliseconds, 0 to 604800000
      (7 days), counted from the call.

    In the response `ignoreDuration` is **not** the duration: it is the **expiry timestamp**
    (Unix epoch, ms) = time of the call + the requested duration, or `0` when no period is in
    effect. The vendor tables call it "duration"; their own example and the newest query page
    show the timestamp.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):
        body (NotificationSettingRequest): Every field optional; `""` and `0` mean "not set" and
            leave the stored value unchanged.

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
        body=body,
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
    body: NotificationSettingRequest,
) -> NotificationSettingResponse: ...


@overload
def sync(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingRequest,
) -> ErrorResponse | NotificationSettingResponse | None: ...


def sync(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingRequest,
) -> ErrorResponse | NotificationSettingResponse | None:
    """Set the push mode and do-not-disturb of a conversation or of the whole app

     设置离线推送 (push mode and do-not-disturb). The setting applies to one conversation: the peer
    user (`chattype=user`, `key` = peer) or a group (`chattype=chatgroup`, `key` = group ID). With
    `chattype=user` and `key` equal to `{username}` it is the **app-level** setting of the user.
    A conversation setting overrides the app-level one; do-not-disturb always beats the push
    mode.

    Every body field is optional, and `""` (strings) or `0` (`ignoreDuration`) mean "not set":
    the stored value is left unchanged. Go SDKs always send all three fields, and the Web SDK
    sends one field per call.

    * `type`: `DEFAULT` (inherit the app-level setting), `ALL`, `AT` (only messages that
      mention the user), `NONE`.
    * `ignoreInterval`: a daily do-not-disturb window `H:M-H:M` (24-hour clock; zero padding
      optional, the Web SDK sends `8:5-22:30`). Equal start and end mean all day; an end earlier
      than the start wraps past midnight. `0:0-0:0` (`00:00-00:00`): both vendors' REST pages
      make it all-day (Agora: "permanent DND") and it is stored as sent; both vendors'
      client-SDK pages say it turns do-not-disturb off, which `--behaviour
      dnd-zero-interval=off` emulates by clearing the stored window (reads back `""`). `""`
      leaves the stored window unchanged: the REST pages only say to send `""` when not
      setting it, and one low-weight note reads it as "clear" (`docs/decisions.md` D96). It **takes
    effect only at app level** (the vendor
      docs); a conversation's interval is stored and read back as sent but silences nothing
      (the Java SDK 2.0 test expectations and the vendor's own group GET example echo it).
    * `ignoreDuration`: a one-shot do-not-disturb period in milliseconds, 0 to 604800000
      (7 days), counted from the call.

    In the response `ignoreDuration` is **not** the duration: it is the **expiry timestamp**
    (Unix epoch, ms) = time of the call + the requested duration, or `0` when no period is in
    effect. The vendor tables call it "duration"; their own example and the newest query page
    show the timestamp.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):
        body (NotificationSettingRequest): Every field optional; `""` and `0` mean "not set" and
            leave the stored value unchanged.

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
        body=body,
    ).parsed


async def asyncio_detailed(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingRequest,
) -> Response[ErrorResponse | NotificationSettingResponse]:
    """Set the push mode and do-not-disturb of a conversation or of the whole app

     设置离线推送 (push mode and do-not-disturb). The setting applies to one conversation: the peer
    user (`chattype=user`, `key` = peer) or a group (`chattype=chatgroup`, `key` = group ID). With
    `chattype=user` and `key` equal to `{username}` it is the **app-level** setting of the user.
    A conversation setting overrides the app-level one; do-not-disturb always beats the push
    mode.

    Every body field is optional, and `""` (strings) or `0` (`ignoreDuration`) mean "not set":
    the stored value is left unchanged. Go SDKs always send all three fields, and the Web SDK
    sends one field per call.

    * `type`: `DEFAULT` (inherit the app-level setting), `ALL`, `AT` (only messages that
      mention the user), `NONE`.
    * `ignoreInterval`: a daily do-not-disturb window `H:M-H:M` (24-hour clock; zero padding
      optional, the Web SDK sends `8:5-22:30`). Equal start and end mean all day; an end earlier
      than the start wraps past midnight. `0:0-0:0` (`00:00-00:00`): both vendors' REST pages
      make it all-day (Agora: "permanent DND") and it is stored as sent; both vendors'
      client-SDK pages say it turns do-not-disturb off, which `--behaviour
      dnd-zero-interval=off` emulates by clearing the stored window (reads back `""`). `""`
      leaves the stored window unchanged: the REST pages only say to send `""` when not
      setting it, and one low-weight note reads it as "clear" (`docs/decisions.md` D96). It **takes
    effect only at app level** (the vendor
      docs); a conversation's interval is stored and read back as sent but silences nothing
      (the Java SDK 2.0 test expectations and the vendor's own group GET example echo it).
    * `ignoreDuration`: a one-shot do-not-disturb period in milliseconds, 0 to 604800000
      (7 days), counted from the call.

    In the response `ignoreDuration` is **not** the duration: it is the **expiry timestamp**
    (Unix epoch, ms) = time of the call + the requested duration, or `0` when no period is in
    effect. The vendor tables call it "duration"; their own example and the newest query page
    show the timestamp.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):
        body (NotificationSettingRequest): Every field optional; `""` and `0` mean "not set" and
            leave the stored value unchanged.

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
        body=body,
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
    body: NotificationSettingRequest,
) -> NotificationSettingResponse: ...


@overload
async def asyncio(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingRequest,
) -> ErrorResponse | NotificationSettingResponse | None: ...


async def asyncio(
    username: str,
    chattype: ChatType,
    key: str,
    *,
    client: AuthenticatedClient,
    body: NotificationSettingRequest,
) -> ErrorResponse | NotificationSettingResponse | None:
    """Set the push mode and do-not-disturb of a conversation or of the whole app

     设置离线推送 (push mode and do-not-disturb). The setting applies to one conversation: the peer
    user (`chattype=user`, `key` = peer) or a group (`chattype=chatgroup`, `key` = group ID). With
    `chattype=user` and `key` equal to `{username}` it is the **app-level** setting of the user.
    A conversation setting overrides the app-level one; do-not-disturb always beats the push
    mode.

    Every body field is optional, and `""` (strings) or `0` (`ignoreDuration`) mean "not set":
    the stored value is left unchanged. Go SDKs always send all three fields, and the Web SDK
    sends one field per call.

    * `type`: `DEFAULT` (inherit the app-level setting), `ALL`, `AT` (only messages that
      mention the user), `NONE`.
    * `ignoreInterval`: a daily do-not-disturb window `H:M-H:M` (24-hour clock; zero padding
      optional, the Web SDK sends `8:5-22:30`). Equal start and end mean all day; an end earlier
      than the start wraps past midnight. `0:0-0:0` (`00:00-00:00`): both vendors' REST pages
      make it all-day (Agora: "permanent DND") and it is stored as sent; both vendors'
      client-SDK pages say it turns do-not-disturb off, which `--behaviour
      dnd-zero-interval=off` emulates by clearing the stored window (reads back `""`). `""`
      leaves the stored window unchanged: the REST pages only say to send `""` when not
      setting it, and one low-weight note reads it as "clear" (`docs/decisions.md` D96). It **takes
    effect only at app level** (the vendor
      docs); a conversation's interval is stored and read back as sent but silences nothing
      (the Java SDK 2.0 test expectations and the vendor's own group GET example echo it).
    * `ignoreDuration`: a one-shot do-not-disturb period in milliseconds, 0 to 604800000
      (7 days), counted from the call.

    In the response `ignoreDuration` is **not** the duration: it is the **expiry timestamp**
    (Unix epoch, ms) = time of the call + the requested duration, or `0` when no period is in
    effect. The vendor tables call it "duration"; their own example and the newest query page
    show the timestamp.

    Takes the app token or a user token of `{username}` itself (`userToken`): Easemob's
    newest pages for these calls use a user token in their examples (D99).

    Args:
        username (str):
        chattype (ChatType): `user` = one-to-one conversation (or app level), `chatgroup` = group
            conversation.
        key (str):
        body (NotificationSettingRequest): Every field optional; `""` and `0` mean "not set" and
            leave the stored value unchanged.

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
            body=body,
        )
    ).parsed
