from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.push_language_request import PushLanguageRequest
from ...models.push_language_response import PushLanguageResponse
from ...types import Response


def _get_kwargs(
    username: str,
    *,
    body: PushLanguageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{username}/notification/language".format(
            username=quote(str(username), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PushLanguageResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = PushLanguageResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | PushLanguageResponse]:
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
    body: PushLanguageRequest,
) -> Response[ErrorResponse | PushLanguageResponse]:
    """Set the preferred push translation language

     设置推送翻译语言. `translationLanguage` is a language code of the translation service
    (Microsoft Azure Translator codes); `""` means no translation, push the original text. A
    push is translated only if the message was auto-translated into that language. The service
    does not validate the code.

    Takes the app token or a user token of `{username}` itself (`userToken`), like every
    call under `/users/{username}/notification` (D99).

    Args:
        username (str):
        body (PushLanguageRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushLanguageResponse]
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
    body: PushLanguageRequest,
) -> PushLanguageResponse: ...


@overload
def sync(
    username: str,
    *,
    client: AuthenticatedClient,
    body: PushLanguageRequest,
) -> ErrorResponse | PushLanguageResponse | None: ...


def sync(
    username: str,
    *,
    client: AuthenticatedClient,
    body: PushLanguageRequest,
) -> ErrorResponse | PushLanguageResponse | None:
    """Set the preferred push translation language

     设置推送翻译语言. `translationLanguage` is a language code of the translation service
    (Microsoft Azure Translator codes); `""` means no translation, push the original text. A
    push is translated only if the message was auto-translated into that language. The service
    does not validate the code.

    Takes the app token or a user token of `{username}` itself (`userToken`), like every
    call under `/users/{username}/notification` (D99).

    Args:
        username (str):
        body (PushLanguageRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushLanguageResponse | None; the success model only with raise_on_error=True.
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
    body: PushLanguageRequest,
) -> Response[ErrorResponse | PushLanguageResponse]:
    """Set the preferred push translation language

     设置推送翻译语言. `translationLanguage` is a language code of the translation service
    (Microsoft Azure Translator codes); `""` means no translation, push the original text. A
    push is translated only if the message was auto-translated into that language. The service
    does not validate the code.

    Takes the app token or a user token of `{username}` itself (`userToken`), like every
    call under `/users/{username}/notification` (D99).

    Args:
        username (str):
        body (PushLanguageRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushLanguageResponse]
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
    body: PushLanguageRequest,
) -> PushLanguageResponse: ...


@overload
async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient,
    body: PushLanguageRequest,
) -> ErrorResponse | PushLanguageResponse | None: ...


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient,
    body: PushLanguageRequest,
) -> ErrorResponse | PushLanguageResponse | None:
    """Set the preferred push translation language

     设置推送翻译语言. `translationLanguage` is a language code of the translation service
    (Microsoft Azure Translator codes); `""` means no translation, push the original text. A
    push is translated only if the message was auto-translated into that language. The service
    does not validate the code.

    Takes the app token or a user token of `{username}` itself (`userToken`), like every
    call under `/users/{username}/notification` (D99).

    Args:
        username (str):
        body (PushLanguageRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushLanguageResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            body=body,
        )
    ).parsed
