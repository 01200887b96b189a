from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.push_nickname_item import PushNicknameItem
from ...models.push_nicknames_response import PushNicknamesResponse
from ...types import Response


def _get_kwargs(
    *,
    body: list[PushNicknameItem],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/push/nickname",
    }

    _kwargs["json"] = []
    for componentsschemas_push_nicknames_request_item_data in body:
        componentsschemas_push_nicknames_request_item = componentsschemas_push_nicknames_request_item_data.to_dict()
        _kwargs["json"].append(componentsschemas_push_nicknames_request_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PushNicknamesResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = PushNicknamesResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | PushNicknamesResponse]:
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
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> Response[ErrorResponse | PushNicknamesResponse]:
    """Set the push nicknames of up to 50 users

     批量设置离线推送时显示的昵称. The body is an array of 1 to 50 `{username, push_nickname}`
    items; `push_nickname` is the same nickname `setPushProfile` writes and `getUser` shows, at
    most 100 characters of any text. The documented errors are all `400 illegal_argument`:
    no body or `[]` ("put user push nicknames illegal empty request body"), more than 50 items
    ("put user push nicknames exceeds the limit"), a nickname over 100 characters ("<username>
    push nickname length exceeds the limit").

    All or nothing: an unknown user rejects the request with `400`
    `RequiredPropertyNotFoundException` and no nickname is changed (undocumented; decided, see
    `docs/decisions.md`). A user named twice ends with the later nickname. The response
    (`path` `/push`) echoes every item, user IDs lower-case.

    Args:
        body (list[PushNicknameItem]): 1 to 50 users and their push nicknames.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushNicknamesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: list[PushNicknameItem],
) -> PushNicknamesResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> ErrorResponse | PushNicknamesResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> ErrorResponse | PushNicknamesResponse | None:
    """Set the push nicknames of up to 50 users

     批量设置离线推送时显示的昵称. The body is an array of 1 to 50 `{username, push_nickname}`
    items; `push_nickname` is the same nickname `setPushProfile` writes and `getUser` shows, at
    most 100 characters of any text. The documented errors are all `400 illegal_argument`:
    no body or `[]` ("put user push nicknames illegal empty request body"), more than 50 items
    ("put user push nicknames exceeds the limit"), a nickname over 100 characters ("<username>
    push nickname length exceeds the limit").

    All or nothing: an unknown user rejects the request with `400`
    `RequiredPropertyNotFoundException` and no nickname is changed (undocumented; decided, see
    `docs/decisions.md`). A user named twice ends with the later nickname. The response
    (`path` `/push`) echoes every item, user IDs lower-case.

    Args:
        body (list[PushNicknameItem]): 1 to 50 users and their push nicknames.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushNicknamesResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> Response[ErrorResponse | PushNicknamesResponse]:
    """Set the push nicknames of up to 50 users

     批量设置离线推送时显示的昵称. The body is an array of 1 to 50 `{username, push_nickname}`
    items; `push_nickname` is the same nickname `setPushProfile` writes and `getUser` shows, at
    most 100 characters of any text. The documented errors are all `400 illegal_argument`:
    no body or `[]` ("put user push nicknames illegal empty request body"), more than 50 items
    ("put user push nicknames exceeds the limit"), a nickname over 100 characters ("<username>
    push nickname length exceeds the limit").

    All or nothing: an unknown user rejects the request with `400`
    `RequiredPropertyNotFoundException` and no nickname is changed (undocumented; decided, see
    `docs/decisions.md`). A user named twice ends with the later nickname. The response
    (`path` `/push`) echoes every item, user IDs lower-case.

    Args:
        body (list[PushNicknameItem]): 1 to 50 users and their push nicknames.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushNicknamesResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
    body: list[PushNicknameItem],
) -> PushNicknamesResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> ErrorResponse | PushNicknamesResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[PushNicknameItem],
) -> ErrorResponse | PushNicknamesResponse | None:
    """Set the push nicknames of up to 50 users

     批量设置离线推送时显示的昵称. The body is an array of 1 to 50 `{username, push_nickname}`
    items; `push_nickname` is the same nickname `setPushProfile` writes and `getUser` shows, at
    most 100 characters of any text. The documented errors are all `400 illegal_argument`:
    no body or `[]` ("put user push nicknames illegal empty request body"), more than 50 items
    ("put user push nicknames exceeds the limit"), a nickname over 100 characters ("<username>
    push nickname length exceeds the limit").

    All or nothing: an unknown user rejects the request with `400`
    `RequiredPropertyNotFoundException` and no nickname is changed (undocumented; decided, see
    `docs/decisions.md`). A user named twice ends with the later nickname. The response
    (`path` `/push`) echoes every item, user IDs lower-case.

    Args:
        body (list[PushNicknameItem]): 1 to 50 users and their push nicknames.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushNicknamesResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
