from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.inherit_token_request import InheritTokenRequest
from ...models.password_token_request import PasswordTokenRequest
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...models.user_token_response import UserTokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/token",
    }

    if isinstance(body, TokenRequest):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, PasswordTokenRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TokenResponse | UserTokenResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:

            def _parse_response_200(data: object) -> TokenResponse | UserTokenResponse:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_token_grant_response_type_0 = TokenResponse.from_dict(data)

                    return componentsschemas_token_grant_response_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_token_grant_response_type_1 = UserTokenResponse.from_dict(data)

                return componentsschemas_token_grant_response_type_1

            response_200 = _parse_response_200(response.json())

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
) -> Response[ErrorResponse | TokenResponse | UserTokenResponse]:
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
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> Response[ErrorResponse | TokenResponse | UserTokenResponse]:
    """Get an app token or a user token

     One path, three grants, told apart by `grant_type`:

    * `client_credentials`: the app's client ID and secret (console → project → "Client
      ID/Client Secret") for an **app token**. No `Authorization` header is sent.
    * `password`: a user's `username` and registration `password` for a **user token**. No
      `Authorization` header (Easemob's older user-token page). A user registered without a
      password cannot use this grant.
    * `inherit`: a `username` alone for a **user token**, with the app token in
      `Authorization` (Easemob's newest user-token page); `autoCreateUser: true` registers a
      missing user first (the page marks the field required; absent here means `false`).

    A user token answers with the `user` entity instead of `application`. It is accepted by
    the operations whose `security` lists `userToken`, and only for that user's own
    `{username}`; everywhere else it gets `401 auth_bad_access_token` "Unable to authenticate
    due to corrupt access token", the sentence the vendor gives for a token without the
    permission, "e.g. a user token" (decisions D98, D99).

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Easemob's app-token page notes that on its VIP 5 cluster `ttl`
    is in milliseconds; every other cluster, and the emulator, read seconds (D12). Clients send it as a
    number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`; the vendor's `password` example
    sends `"1024000"`), and all three are accepted. The Agora-token exchange (`agora`) is
    outside this description.

    Errors of the user grants: an unknown user is `404 invalid_grant` "user not found" (the
    `inherit` page's row, used for both grants); a wrong or missing password is `400
    invalid_grant` "invalid username or password" (undocumented, D100); with
    `autoCreateUser: true` a name that is not a legal user ID is `400 illegal_argument`
    "username [<name>] is not legal", one over 64 characters `400 illegal_argument`
    "USERNAME_TOO_LONG".

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (InheritTokenRequest | PasswordTokenRequest | TokenRequest): An app-token request
            (`client_credentials`) or a user-token request (`password`, `inherit`), told apart by
            `grant_type`.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenResponse | UserTokenResponse]
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
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> TokenResponse | UserTokenResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> ErrorResponse | TokenResponse | UserTokenResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> ErrorResponse | TokenResponse | UserTokenResponse | None:
    """Get an app token or a user token

     One path, three grants, told apart by `grant_type`:

    * `client_credentials`: the app's client ID and secret (console → project → "Client
      ID/Client Secret") for an **app token**. No `Authorization` header is sent.
    * `password`: a user's `username` and registration `password` for a **user token**. No
      `Authorization` header (Easemob's older user-token page). A user registered without a
      password cannot use this grant.
    * `inherit`: a `username` alone for a **user token**, with the app token in
      `Authorization` (Easemob's newest user-token page); `autoCreateUser: true` registers a
      missing user first (the page marks the field required; absent here means `false`).

    A user token answers with the `user` entity instead of `application`. It is accepted by
    the operations whose `security` lists `userToken`, and only for that user's own
    `{username}`; everywhere else it gets `401 auth_bad_access_token` "Unable to authenticate
    due to corrupt access token", the sentence the vendor gives for a token without the
    permission, "e.g. a user token" (decisions D98, D99).

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Easemob's app-token page notes that on its VIP 5 cluster `ttl`
    is in milliseconds; every other cluster, and the emulator, read seconds (D12). Clients send it as a
    number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`; the vendor's `password` example
    sends `"1024000"`), and all three are accepted. The Agora-token exchange (`agora`) is
    outside this description.

    Errors of the user grants: an unknown user is `404 invalid_grant` "user not found" (the
    `inherit` page's row, used for both grants); a wrong or missing password is `400
    invalid_grant` "invalid username or password" (undocumented, D100); with
    `autoCreateUser: true` a name that is not a legal user ID is `400 illegal_argument`
    "username [<name>] is not legal", one over 64 characters `400 illegal_argument`
    "USERNAME_TOO_LONG".

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (InheritTokenRequest | PasswordTokenRequest | TokenRequest): An app-token request
            (`client_credentials`) or a user-token request (`password`, `inherit`), told apart by
            `grant_type`.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenResponse | UserTokenResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> Response[ErrorResponse | TokenResponse | UserTokenResponse]:
    """Get an app token or a user token

     One path, three grants, told apart by `grant_type`:

    * `client_credentials`: the app's client ID and secret (console → project → "Client
      ID/Client Secret") for an **app token**. No `Authorization` header is sent.
    * `password`: a user's `username` and registration `password` for a **user token**. No
      `Authorization` header (Easemob's older user-token page). A user registered without a
      password cannot use this grant.
    * `inherit`: a `username` alone for a **user token**, with the app token in
      `Authorization` (Easemob's newest user-token page); `autoCreateUser: true` registers a
      missing user first (the page marks the field required; absent here means `false`).

    A user token answers with the `user` entity instead of `application`. It is accepted by
    the operations whose `security` lists `userToken`, and only for that user's own
    `{username}`; everywhere else it gets `401 auth_bad_access_token` "Unable to authenticate
    due to corrupt access token", the sentence the vendor gives for a token without the
    permission, "e.g. a user token" (decisions D98, D99).

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Easemob's app-token page notes that on its VIP 5 cluster `ttl`
    is in milliseconds; every other cluster, and the emulator, read seconds (D12). Clients send it as a
    number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`; the vendor's `password` example
    sends `"1024000"`), and all three are accepted. The Agora-token exchange (`agora`) is
    outside this description.

    Errors of the user grants: an unknown user is `404 invalid_grant` "user not found" (the
    `inherit` page's row, used for both grants); a wrong or missing password is `400
    invalid_grant` "invalid username or password" (undocumented, D100); with
    `autoCreateUser: true` a name that is not a legal user ID is `400 illegal_argument`
    "username [<name>] is not legal", one over 64 characters `400 illegal_argument`
    "USERNAME_TOO_LONG".

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (InheritTokenRequest | PasswordTokenRequest | TokenRequest): An app-token request
            (`client_credentials`) or a user-token request (`password`, `inherit`), told apart by
            `grant_type`.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TokenResponse | UserTokenResponse]
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
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> TokenResponse | UserTokenResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> ErrorResponse | TokenResponse | UserTokenResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InheritTokenRequest | PasswordTokenRequest | TokenRequest,
) -> ErrorResponse | TokenResponse | UserTokenResponse | None:
    """Get an app token or a user token

     One path, three grants, told apart by `grant_type`:

    * `client_credentials`: the app's client ID and secret (console → project → "Client
      ID/Client Secret") for an **app token**. No `Authorization` header is sent.
    * `password`: a user's `username` and registration `password` for a **user token**. No
      `Authorization` header (Easemob's older user-token page). A user registered without a
      password cannot use this grant.
    * `inherit`: a `username` alone for a **user token**, with the app token in
      `Authorization` (Easemob's newest user-token page); `autoCreateUser: true` registers a
      missing user first (the page marks the field required; absent here means `false`).

    A user token answers with the `user` entity instead of `application`. It is accepted by
    the operations whose `security` lists `userToken`, and only for that user's own
    `{username}`; everywhere else it gets `401 auth_bad_access_token` "Unable to authenticate
    due to corrupt access token", the sentence the vendor gives for a token without the
    permission, "e.g. a user token" (decisions D98, D99).

    `ttl` is the validity in seconds; absent means the console default (60 days), `0` means
    the token never expires. Easemob's app-token page notes that on its VIP 5 cluster `ttl`
    is in milliseconds; every other cluster, and the emulator, read seconds (D12). Clients send it as a
    number, a numeric string or an empty string
    (the Easemob community Go SDK always sends `"ttl": ""`; the vendor's `password` example
    sends `"1024000"`), and all three are accepted. The Agora-token exchange (`agora`) is
    outside this description.

    Errors of the user grants: an unknown user is `404 invalid_grant` "user not found" (the
    `inherit` page's row, used for both grants); a wrong or missing password is `400
    invalid_grant` "invalid username or password" (undocumented, D100); with
    `autoCreateUser: true` a name that is not a legal user ID is `400 illegal_argument`
    "username [<name>] is not legal", one over 64 characters `400 illegal_argument`
    "USERNAME_TOO_LONG".

    Rate limit: 300/s per App Key for app and user tokens together on Easemob's limits page;
    Agora lists 100/s for getting a token (`rate-limit-model` switch, D117).

    Args:
        body (InheritTokenRequest | PasswordTokenRequest | TokenRequest): An app-token request
            (`client_credentials`) or a user-token request (`password`, `inherit`), told apart by
            `grant_type`.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TokenResponse | UserTokenResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
