from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.receiver_push_template_request import ReceiverPushTemplateRequest
from ...models.receiver_push_template_response import ReceiverPushTemplateResponse
from ...types import Response


def _get_kwargs(
    username: str,
    *,
    body: ReceiverPushTemplateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{username}/notification/template".format(
            username=quote(str(username), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ReceiverPushTemplateResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = ReceiverPushTemplateResponse.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401

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
) -> Response[ErrorResponse | ReceiverPushTemplateResponse]:
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
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> Response[ErrorResponse | ReceiverPushTemplateResponse]:
    """Choose the push template of the receiving user

     接收方配置模板名称. The user `{username}` chooses the push template (`createPushTemplate`)
    its offline pushes use, unless the message names one itself (`ext.em_push_template`).
    Choosing again replaces the choice.

    Takes a **user token** of `{username}` itself, not the app token: the vendor's page says
    "a user token here, not an app token". An app token, or another user's token, gets `401
    auth_bad_access_token` (D101). A template that does not exist is `400
    EntityNotFoundException` "<name> template is not exist"; deleting a template later leaves
    the choice in place (the push falls back to the default content).

    Args:
        username (str):
        body (ReceiverPushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReceiverPushTemplateResponse]
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
    client: AuthenticatedClient[Literal[True]],
    body: ReceiverPushTemplateRequest,
) -> ReceiverPushTemplateResponse: ...


@overload
def sync(
    username: str,
    *,
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> ErrorResponse | ReceiverPushTemplateResponse | None: ...


def sync(
    username: str,
    *,
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> ErrorResponse | ReceiverPushTemplateResponse | None:
    """Choose the push template of the receiving user

     接收方配置模板名称. The user `{username}` chooses the push template (`createPushTemplate`)
    its offline pushes use, unless the message names one itself (`ext.em_push_template`).
    Choosing again replaces the choice.

    Takes a **user token** of `{username}` itself, not the app token: the vendor's page says
    "a user token here, not an app token". An app token, or another user's token, gets `401
    auth_bad_access_token` (D101). A template that does not exist is `400
    EntityNotFoundException` "<name> template is not exist"; deleting a template later leaves
    the choice in place (the push falls back to the default content).

    Args:
        username (str):
        body (ReceiverPushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReceiverPushTemplateResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        username=username,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> Response[ErrorResponse | ReceiverPushTemplateResponse]:
    """Choose the push template of the receiving user

     接收方配置模板名称. The user `{username}` chooses the push template (`createPushTemplate`)
    its offline pushes use, unless the message names one itself (`ext.em_push_template`).
    Choosing again replaces the choice.

    Takes a **user token** of `{username}` itself, not the app token: the vendor's page says
    "a user token here, not an app token". An app token, or another user's token, gets `401
    auth_bad_access_token` (D101). A template that does not exist is `400
    EntityNotFoundException` "<name> template is not exist"; deleting a template later leaves
    the choice in place (the push falls back to the default content).

    Args:
        username (str):
        body (ReceiverPushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReceiverPushTemplateResponse]
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
    client: AuthenticatedClient[Literal[True]],
    body: ReceiverPushTemplateRequest,
) -> ReceiverPushTemplateResponse: ...


@overload
async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> ErrorResponse | ReceiverPushTemplateResponse | None: ...


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient,
    body: ReceiverPushTemplateRequest,
) -> ErrorResponse | ReceiverPushTemplateResponse | None:
    """Choose the push template of the receiving user

     接收方配置模板名称. The user `{username}` chooses the push template (`createPushTemplate`)
    its offline pushes use, unless the message names one itself (`ext.em_push_template`).
    Choosing again replaces the choice.

    Takes a **user token** of `{username}` itself, not the app token: the vendor's page says
    "a user token here, not an app token". An app token, or another user's token, gets `401
    auth_bad_access_token` (D101). A template that does not exist is `400
    EntityNotFoundException` "<name> template is not exist"; deleting a template later leaves
    the choice in place (the push falls back to the default content).

    Args:
        username (str):
        body (ReceiverPushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReceiverPushTemplateResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            body=body,
        )
    ).parsed
