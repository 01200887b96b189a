from http import HTTPStatus
from typing import Any, Literal, overload
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.push_template_response import PushTemplateResponse
from ...types import Response


def _get_kwargs(
    name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/notification/template/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PushTemplateResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = PushTemplateResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | PushTemplateResponse]:
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
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | PushTemplateResponse]:
    """Delete a push template

     删除离线推送模板. Returns the deleted template (every vendor page; the Java SDK 2.0's
    `PushApiTest` expects it too, but that class is `@Disabled` and never runs live). The
    seed page's curl example omits `{name}`; the name is required. A missing template is a
    `400` `EntityNotFoundException`.

    Rate limit: 10/s per App Key on Easemob's and Shengwang's limits pages, 100/s on Agora's
    (`rate-limit-model` switch, D118).

    Args:
        name (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushTemplateResponse]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


@overload
def sync(
    name: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
) -> PushTemplateResponse: ...


@overload
def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | PushTemplateResponse | None: ...


def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | PushTemplateResponse | None:
    """Delete a push template

     删除离线推送模板. Returns the deleted template (every vendor page; the Java SDK 2.0's
    `PushApiTest` expects it too, but that class is `@Disabled` and never runs live). The
    seed page's curl example omits `{name}`; the name is required. A missing template is a
    `400` `EntityNotFoundException`.

    Rate limit: 10/s per App Key on Easemob's and Shengwang's limits pages, 100/s on Agora's
    (`rate-limit-model` switch, D118).

    Args:
        name (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushTemplateResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | PushTemplateResponse]:
    """Delete a push template

     删除离线推送模板. Returns the deleted template (every vendor page; the Java SDK 2.0's
    `PushApiTest` expects it too, but that class is `@Disabled` and never runs live). The
    seed page's curl example omits `{name}`; the name is required. A missing template is a
    `400` `EntityNotFoundException`.

    Rate limit: 10/s per App Key on Easemob's and Shengwang's limits pages, 100/s on Agora's
    (`rate-limit-model` switch, D118).

    Args:
        name (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushTemplateResponse]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


@overload
async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient[Literal[True]] | Client[Literal[True]],
) -> PushTemplateResponse: ...


@overload
async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | PushTemplateResponse | None: ...


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | PushTemplateResponse | None:
    """Delete a push template

     删除离线推送模板. Returns the deleted template (every vendor page; the Java SDK 2.0's
    `PushApiTest` expects it too, but that class is `@Disabled` and never runs live). The
    seed page's curl example omits `{name}`; the name is required. A missing template is a
    `400` `EntityNotFoundException`.

    Rate limit: 10/s per App Key on Easemob's and Shengwang's limits pages, 100/s on Agora's
    (`rate-limit-model` switch, D118).

    Args:
        name (str):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushTemplateResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
        )
    ).parsed
