from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.push_profile_request import PushProfileRequest
from ...models.user_entities_response import UserEntitiesResponse
from ...types import Response


def _get_kwargs(
    username: str,
    *,
    body: PushProfileRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{username}".format(
            username=quote(str(username), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UserEntitiesResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = UserEntitiesResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | UserEntitiesResponse]:
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
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> Response[ErrorResponse | UserEntitiesResponse]:
    """Set the push nickname and/or the notification display style

     One operation on the user resource, distinguished only by its body; every field is
    optional and they may be combined (设置推送消息显示昵称 / 设置推送消息展示方式):

    * `nickname`: the name shown in push notifications, at most 100 characters of any text.
      Independent of the user-attribute nickname. Without one, a detailed push shows the
      sender's user ID. The seed page marks it required; the newer pages and the SDKs treat it
      as optional, because the same call also sets the display style.
    * `notification_display_style`: `0` = "You have a new message" only, `1` = also the
      sender's nickname and the message text. Official SDKs send it as a number (Java SDK 2.0,
      Go) **and** as the strings `"0"`/`"1"` (Java SDK 1.x, the documentation's own curl
      examples); both are accepted. Responses carry a number.
    * The legacy hour-based do-not-disturb fields (`notification_no_disturbing`, `_start`,
      `_end`) are still accepted and stored on the entity.

    The response is the whole stored user entity.

    An unknown user: Easemob's push error table lists this call under `400`
    `RequiredPropertyNotFoundException` "Entity user requires a property named username", the
    generic error catalogue of both vendors says `404 service_resource_not_found` for any
    unknown user in a path. The emulator answers `400` by default; `--behaviour
    push-profile-unknown-user=not-found-404` gives the 404 (`docs/decisions.md` D97).

    Rate limit: Easemob's limits page counts the nickname and display-style calls in one
    100/s budget with the user-account calls (register, get, delete) and push binding;
    Agora's REST overview gives the call 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        username (str):
        body (PushProfileRequest): Every field optional; unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UserEntitiesResponse]
    """

    kwargs = _get_kwargs(
        username=username,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    username: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: PushProfileRequest,
) -> UserEntitiesResponse: ...


@overload
def sync(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> ErrorResponse | UserEntitiesResponse | None: ...


def sync(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> ErrorResponse | UserEntitiesResponse | None:
    """Set the push nickname and/or the notification display style

     One operation on the user resource, distinguished only by its body; every field is
    optional and they may be combined (设置推送消息显示昵称 / 设置推送消息展示方式):

    * `nickname`: the name shown in push notifications, at most 100 characters of any text.
      Independent of the user-attribute nickname. Without one, a detailed push shows the
      sender's user ID. The seed page marks it required; the newer pages and the SDKs treat it
      as optional, because the same call also sets the display style.
    * `notification_display_style`: `0` = "You have a new message" only, `1` = also the
      sender's nickname and the message text. Official SDKs send it as a number (Java SDK 2.0,
      Go) **and** as the strings `"0"`/`"1"` (Java SDK 1.x, the documentation's own curl
      examples); both are accepted. Responses carry a number.
    * The legacy hour-based do-not-disturb fields (`notification_no_disturbing`, `_start`,
      `_end`) are still accepted and stored on the entity.

    The response is the whole stored user entity.

    An unknown user: Easemob's push error table lists this call under `400`
    `RequiredPropertyNotFoundException` "Entity user requires a property named username", the
    generic error catalogue of both vendors says `404 service_resource_not_found` for any
    unknown user in a path. The emulator answers `400` by default; `--behaviour
    push-profile-unknown-user=not-found-404` gives the 404 (`docs/decisions.md` D97).

    Rate limit: Easemob's limits page counts the nickname and display-style calls in one
    100/s budget with the user-account calls (register, get, delete) and push binding;
    Agora's REST overview gives the call 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        username (str):
        body (PushProfileRequest): Every field optional; unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UserEntitiesResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        username=username,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> Response[ErrorResponse | UserEntitiesResponse]:
    """Set the push nickname and/or the notification display style

     One operation on the user resource, distinguished only by its body; every field is
    optional and they may be combined (设置推送消息显示昵称 / 设置推送消息展示方式):

    * `nickname`: the name shown in push notifications, at most 100 characters of any text.
      Independent of the user-attribute nickname. Without one, a detailed push shows the
      sender's user ID. The seed page marks it required; the newer pages and the SDKs treat it
      as optional, because the same call also sets the display style.
    * `notification_display_style`: `0` = "You have a new message" only, `1` = also the
      sender's nickname and the message text. Official SDKs send it as a number (Java SDK 2.0,
      Go) **and** as the strings `"0"`/`"1"` (Java SDK 1.x, the documentation's own curl
      examples); both are accepted. Responses carry a number.
    * The legacy hour-based do-not-disturb fields (`notification_no_disturbing`, `_start`,
      `_end`) are still accepted and stored on the entity.

    The response is the whole stored user entity.

    An unknown user: Easemob's push error table lists this call under `400`
    `RequiredPropertyNotFoundException` "Entity user requires a property named username", the
    generic error catalogue of both vendors says `404 service_resource_not_found` for any
    unknown user in a path. The emulator answers `400` by default; `--behaviour
    push-profile-unknown-user=not-found-404` gives the 404 (`docs/decisions.md` D97).

    Rate limit: Easemob's limits page counts the nickname and display-style calls in one
    100/s budget with the user-account calls (register, get, delete) and push binding;
    Agora's REST overview gives the call 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        username (str):
        body (PushProfileRequest): Every field optional; unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UserEntitiesResponse]
    """

    kwargs = _get_kwargs(
        username=username,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: PushProfileRequest,
) -> UserEntitiesResponse: ...


@overload
async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> ErrorResponse | UserEntitiesResponse | None: ...


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    body: PushProfileRequest,
) -> ErrorResponse | UserEntitiesResponse | None:
    """Set the push nickname and/or the notification display style

     One operation on the user resource, distinguished only by its body; every field is
    optional and they may be combined (设置推送消息显示昵称 / 设置推送消息展示方式):

    * `nickname`: the name shown in push notifications, at most 100 characters of any text.
      Independent of the user-attribute nickname. Without one, a detailed push shows the
      sender's user ID. The seed page marks it required; the newer pages and the SDKs treat it
      as optional, because the same call also sets the display style.
    * `notification_display_style`: `0` = "You have a new message" only, `1` = also the
      sender's nickname and the message text. Official SDKs send it as a number (Java SDK 2.0,
      Go) **and** as the strings `"0"`/`"1"` (Java SDK 1.x, the documentation's own curl
      examples); both are accepted. Responses carry a number.
    * The legacy hour-based do-not-disturb fields (`notification_no_disturbing`, `_start`,
      `_end`) are still accepted and stored on the entity.

    The response is the whole stored user entity.

    An unknown user: Easemob's push error table lists this call under `400`
    `RequiredPropertyNotFoundException` "Entity user requires a property named username", the
    generic error catalogue of both vendors says `404 service_resource_not_found` for any
    unknown user in a path. The emulator answers `400` by default; `--behaviour
    push-profile-unknown-user=not-found-404` gives the 404 (`docs/decisions.md` D97).

    Rate limit: Easemob's limits page counts the nickname and display-style calls in one
    100/s budget with the user-account calls (register, get, delete) and push binding;
    Agora's REST overview gives the call 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        username (str):
        body (PushProfileRequest): Every field optional; unknown fields are ignored.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UserEntitiesResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            body=body,
        )
    ).parsed
