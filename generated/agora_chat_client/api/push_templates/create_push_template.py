from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.push_template_request import PushTemplateRequest
from ...models.push_template_response import PushTemplateResponse
from ...types import Response


def _get_kwargs(
    *,
    body: PushTemplateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notification/template",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> Response[ErrorResponse | PushTemplateResponse]:
    """Create a push template

     创建离线推送模板. `title_pattern` and `content_pattern` may hold fixed text, the built-in
    variables `{$fromNickname}`, `{$msg}` and `{$dynamicFrom}`, and positional placeholders
    `{0}` … `{n}` filled from the message's `ext.em_push_template` arguments.

    Two names are built in (the newest Easemob pages): once a template named **`default`** or
    **`detail`** exists, pushes use it without the message naming a template. Both are
    created, read and deleted with these calls like any other name; the emulator stores them
    so (it sends no pushes).

    Creating a template whose name already exists is rejected with `400` (undocumented by the
    vendor; POST is create-only because a separate modify call, `PUT
    /notification/template/{name}`, appears in Easemob's error table; no page documents its
    body or reply, so it is not part of this description — see `docs/decisions.md` D95).

    Rate limit: 10/s per App Key for each template call on Easemob's and Shengwang's limits
    pages; 100/s on Agora's pages (old and 2025) and the seed page. The emulator uses 10/s
    unless started with `--behaviour rate-limit-model=agora` (D118).

    Args:
        body (PushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushTemplateResponse]
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
    body: PushTemplateRequest,
) -> PushTemplateResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> ErrorResponse | PushTemplateResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> ErrorResponse | PushTemplateResponse | None:
    """Create a push template

     创建离线推送模板. `title_pattern` and `content_pattern` may hold fixed text, the built-in
    variables `{$fromNickname}`, `{$msg}` and `{$dynamicFrom}`, and positional placeholders
    `{0}` … `{n}` filled from the message's `ext.em_push_template` arguments.

    Two names are built in (the newest Easemob pages): once a template named **`default`** or
    **`detail`** exists, pushes use it without the message naming a template. Both are
    created, read and deleted with these calls like any other name; the emulator stores them
    so (it sends no pushes).

    Creating a template whose name already exists is rejected with `400` (undocumented by the
    vendor; POST is create-only because a separate modify call, `PUT
    /notification/template/{name}`, appears in Easemob's error table; no page documents its
    body or reply, so it is not part of this description — see `docs/decisions.md` D95).

    Rate limit: 10/s per App Key for each template call on Easemob's and Shengwang's limits
    pages; 100/s on Agora's pages (old and 2025) and the seed page. The emulator uses 10/s
    unless started with `--behaviour rate-limit-model=agora` (D118).

    Args:
        body (PushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PushTemplateResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> Response[ErrorResponse | PushTemplateResponse]:
    """Create a push template

     创建离线推送模板. `title_pattern` and `content_pattern` may hold fixed text, the built-in
    variables `{$fromNickname}`, `{$msg}` and `{$dynamicFrom}`, and positional placeholders
    `{0}` … `{n}` filled from the message's `ext.em_push_template` arguments.

    Two names are built in (the newest Easemob pages): once a template named **`default`** or
    **`detail`** exists, pushes use it without the message naming a template. Both are
    created, read and deleted with these calls like any other name; the emulator stores them
    so (it sends no pushes).

    Creating a template whose name already exists is rejected with `400` (undocumented by the
    vendor; POST is create-only because a separate modify call, `PUT
    /notification/template/{name}`, appears in Easemob's error table; no page documents its
    body or reply, so it is not part of this description — see `docs/decisions.md` D95).

    Rate limit: 10/s per App Key for each template call on Easemob's and Shengwang's limits
    pages; 100/s on Agora's pages (old and 2025) and the seed page. The emulator uses 10/s
    unless started with `--behaviour rate-limit-model=agora` (D118).

    Args:
        body (PushTemplateRequest):

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PushTemplateResponse]
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
    body: PushTemplateRequest,
) -> PushTemplateResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> ErrorResponse | PushTemplateResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PushTemplateRequest,
) -> ErrorResponse | PushTemplateResponse | None:
    """Create a push template

     创建离线推送模板. `title_pattern` and `content_pattern` may hold fixed text, the built-in
    variables `{$fromNickname}`, `{$msg}` and `{$dynamicFrom}`, and positional placeholders
    `{0}` … `{n}` filled from the message's `ext.em_push_template` arguments.

    Two names are built in (the newest Easemob pages): once a template named **`default`** or
    **`detail`** exists, pushes use it without the message naming a template. Both are
    created, read and deleted with these calls like any other name; the emulator stores them
    so (it sends no pushes).

    Creating a template whose name already exists is rejected with `400` (undocumented by the
    vendor; POST is create-only because a separate modify call, `PUT
    /notification/template/{name}`, appears in Easemob's error table; no page documents its
    body or reply, so it is not part of this description — see `docs/decisions.md` D95).

    Rate limit: 10/s per App Key for each template call on Easemob's and Shengwang's limits
    pages; 100/s on Agora's pages (old and 2025) and the seed page. The emulator uses 10/s
    unless started with `--behaviour rate-limit-model=agora` (D118).

    Args:
        body (PushTemplateRequest):

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
            client=client,
            body=body,
        )
    ).parsed
