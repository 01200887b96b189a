from http import HTTPStatus
from typing import Any, Literal, overload

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.register_users_response import RegisterUsersResponse
from ...models.user_registration import UserRegistration
from ...types import Response


def _get_kwargs(
    *,
    body: list[UserRegistration] | UserRegistration,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users",
    }

    if isinstance(body, UserRegistration):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for componentsschemas_register_users_request_user_registration_batch_item_data in body:
            componentsschemas_register_users_request_user_registration_batch_item = (
                componentsschemas_register_users_request_user_registration_batch_item_data.to_dict()
            )
            _kwargs["json"].append(componentsschemas_register_users_request_user_registration_batch_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | RegisterUsersResponse | None:
    if client.raise_on_error and response.status_code != 200:
        raise errors.AgoraChatError.from_response(response)
    # A body that is not the documented JSON (a gateway's HTML page, `{}`) is an error, not a
    # JSONDecodeError or KeyError from deep inside a model.
    try:
        if response.status_code == 200:
            response_200 = RegisterUsersResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | RegisterUsersResponse]:
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
    body: list[UserRegistration] | UserRegistration,
) -> Response[ErrorResponse | RegisterUsersResponse]:
    """Register one user or a batch of users

     Registers users ("authorized registration": an app token is required). The body is either
    **one object** or an **array of 1 to 60 objects**, same path and method.

    * Object form: an existing username rejects the request with
      `400 duplicate_unique_property_exists`.
    * Array form: an existing username (or one repeated in the batch with the same password)
      does not fail the request; the others are created and the failures are listed in `data`
      with a `registerUserFailReason` of `the <username> already exists`. One username sent
      twice with **different passwords** rejects the whole batch with `400
      duplicate_unique_property_exists` "the same user <u> has a different password, the
      passwords are <p1>,<p2>" (decision D109).

    Usernames: both vendors' newest pages say not to use upper-case letters (Easemob: a
    mixed-case ID comes back lower-case; Agora since 2025-03: "Do not use any of the 26
    uppercase English letters"). The service, and the emulator, accept them and store the
    ID lower-case, so `Alice` and `alice` are one user (decision D108).

    `password` — the vendors contradict each other (decision D108; emulator switch
    `registration-password`): Easemob requires it (at most 64 characters; without it `400
    illegal_argument` "password or pin must provided"), Agora's pages list only `username`
    (Agora users log in with tokens). The emulator's default is `optional`; `required` gives
    Easemob's error.

    The service words these refusals itself (`400 illegal_argument`), and so does the
    emulator: "username <u> is not legal" (characters outside `a-z A-Z 0-9 _ - .`, or empty),
    "USERNAME_TOO_LONG" (over 64), "NICKNAME_TOO_LONG" (over 100), and for more than 60 users
    "Request body array size[<n>] had almost reached or been greater than the upper range
    value[60]". Where registration is closed to app tokens the service answers `401
    unauthorized` "Open registration doesn't allow, so register user need token"; a free plan
    past its 100 users gets `429 resource_limited` (neither is emulated).

    Rate limit: Easemob's limits page counts this call in one 100/s budget with the other
    user-account calls and the push binding, nickname and display-style calls; Agora's REST
    overview gives it 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        body (list[UserRegistration] | UserRegistration): One user object, or an array of 1 to 60
            user objects.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RegisterUsersResponse]
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
    body: list[UserRegistration] | UserRegistration,
) -> RegisterUsersResponse: ...


@overload
def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[UserRegistration] | UserRegistration,
) -> ErrorResponse | RegisterUsersResponse | None: ...


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[UserRegistration] | UserRegistration,
) -> ErrorResponse | RegisterUsersResponse | None:
    """Register one user or a batch of users

     Registers users ("authorized registration": an app token is required). The body is either
    **one object** or an **array of 1 to 60 objects**, same path and method.

    * Object form: an existing username rejects the request with
      `400 duplicate_unique_property_exists`.
    * Array form: an existing username (or one repeated in the batch with the same password)
      does not fail the request; the others are created and the failures are listed in `data`
      with a `registerUserFailReason` of `the <username> already exists`. One username sent
      twice with **different passwords** rejects the whole batch with `400
      duplicate_unique_property_exists` "the same user <u> has a different password, the
      passwords are <p1>,<p2>" (decision D109).

    Usernames: both vendors' newest pages say not to use upper-case letters (Easemob: a
    mixed-case ID comes back lower-case; Agora since 2025-03: "Do not use any of the 26
    uppercase English letters"). The service, and the emulator, accept them and store the
    ID lower-case, so `Alice` and `alice` are one user (decision D108).

    `password` — the vendors contradict each other (decision D108; emulator switch
    `registration-password`): Easemob requires it (at most 64 characters; without it `400
    illegal_argument` "password or pin must provided"), Agora's pages list only `username`
    (Agora users log in with tokens). The emulator's default is `optional`; `required` gives
    Easemob's error.

    The service words these refusals itself (`400 illegal_argument`), and so does the
    emulator: "username <u> is not legal" (characters outside `a-z A-Z 0-9 _ - .`, or empty),
    "USERNAME_TOO_LONG" (over 64), "NICKNAME_TOO_LONG" (over 100), and for more than 60 users
    "Request body array size[<n>] had almost reached or been greater than the upper range
    value[60]". Where registration is closed to app tokens the service answers `401
    unauthorized` "Open registration doesn't allow, so register user need token"; a free plan
    past its 100 users gets `429 resource_limited` (neither is emulated).

    Rate limit: Easemob's limits page counts this call in one 100/s budget with the other
    user-account calls and the push binding, nickname and display-style calls; Agora's REST
    overview gives it 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        body (list[UserRegistration] | UserRegistration): One user object, or an array of 1 to 60
            user objects.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RegisterUsersResponse | None; the success model only with raise_on_error=True.
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[UserRegistration] | UserRegistration,
) -> Response[ErrorResponse | RegisterUsersResponse]:
    """Register one user or a batch of users

     Registers users ("authorized registration": an app token is required). The body is either
    **one object** or an **array of 1 to 60 objects**, same path and method.

    * Object form: an existing username rejects the request with
      `400 duplicate_unique_property_exists`.
    * Array form: an existing username (or one repeated in the batch with the same password)
      does not fail the request; the others are created and the failures are listed in `data`
      with a `registerUserFailReason` of `the <username> already exists`. One username sent
      twice with **different passwords** rejects the whole batch with `400
      duplicate_unique_property_exists` "the same user <u> has a different password, the
      passwords are <p1>,<p2>" (decision D109).

    Usernames: both vendors' newest pages say not to use upper-case letters (Easemob: a
    mixed-case ID comes back lower-case; Agora since 2025-03: "Do not use any of the 26
    uppercase English letters"). The service, and the emulator, accept them and store the
    ID lower-case, so `Alice` and `alice` are one user (decision D108).

    `password` — the vendors contradict each other (decision D108; emulator switch
    `registration-password`): Easemob requires it (at most 64 characters; without it `400
    illegal_argument` "password or pin must provided"), Agora's pages list only `username`
    (Agora users log in with tokens). The emulator's default is `optional`; `required` gives
    Easemob's error.

    The service words these refusals itself (`400 illegal_argument`), and so does the
    emulator: "username <u> is not legal" (characters outside `a-z A-Z 0-9 _ - .`, or empty),
    "USERNAME_TOO_LONG" (over 64), "NICKNAME_TOO_LONG" (over 100), and for more than 60 users
    "Request body array size[<n>] had almost reached or been greater than the upper range
    value[60]". Where registration is closed to app tokens the service answers `401
    unauthorized` "Open registration doesn't allow, so register user need token"; a free plan
    past its 100 users gets `429 resource_limited` (neither is emulated).

    Rate limit: Easemob's limits page counts this call in one 100/s budget with the other
    user-account calls and the push binding, nickname and display-style calls; Agora's REST
    overview gives it 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        body (list[UserRegistration] | UserRegistration): One user object, or an array of 1 to 60
            user objects.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | RegisterUsersResponse]
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
    body: list[UserRegistration] | UserRegistration,
) -> RegisterUsersResponse: ...


@overload
async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[UserRegistration] | UserRegistration,
) -> ErrorResponse | RegisterUsersResponse | None: ...


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[UserRegistration] | UserRegistration,
) -> ErrorResponse | RegisterUsersResponse | None:
    """Register one user or a batch of users

     Registers users ("authorized registration": an app token is required). The body is either
    **one object** or an **array of 1 to 60 objects**, same path and method.

    * Object form: an existing username rejects the request with
      `400 duplicate_unique_property_exists`.
    * Array form: an existing username (or one repeated in the batch with the same password)
      does not fail the request; the others are created and the failures are listed in `data`
      with a `registerUserFailReason` of `the <username> already exists`. One username sent
      twice with **different passwords** rejects the whole batch with `400
      duplicate_unique_property_exists` "the same user <u> has a different password, the
      passwords are <p1>,<p2>" (decision D109).

    Usernames: both vendors' newest pages say not to use upper-case letters (Easemob: a
    mixed-case ID comes back lower-case; Agora since 2025-03: "Do not use any of the 26
    uppercase English letters"). The service, and the emulator, accept them and store the
    ID lower-case, so `Alice` and `alice` are one user (decision D108).

    `password` — the vendors contradict each other (decision D108; emulator switch
    `registration-password`): Easemob requires it (at most 64 characters; without it `400
    illegal_argument` "password or pin must provided"), Agora's pages list only `username`
    (Agora users log in with tokens). The emulator's default is `optional`; `required` gives
    Easemob's error.

    The service words these refusals itself (`400 illegal_argument`), and so does the
    emulator: "username <u> is not legal" (characters outside `a-z A-Z 0-9 _ - .`, or empty),
    "USERNAME_TOO_LONG" (over 64), "NICKNAME_TOO_LONG" (over 100), and for more than 60 users
    "Request body array size[<n>] had almost reached or been greater than the upper range
    value[60]". Where registration is closed to app tokens the service answers `401
    unauthorized` "Open registration doesn't allow, so register user need token"; a free plan
    past its 100 users gets `429 resource_limited` (neither is emulated).

    Rate limit: Easemob's limits page counts this call in one 100/s budget with the other
    user-account calls and the push binding, nickname and display-style calls; Agora's REST
    overview gives it 100/s of its own (`rate-limit-model` switch, D117).

    Args:
        body (list[UserRegistration] | UserRegistration): One user object, or an array of 1 to 60
            user objects.

    Raises:
        errors.AgoraChatError: If the client has raise_on_error=True and the status is not 200 (a subclass per
            status class), or if the body cannot be parsed or the status is outside the HTTP registry.
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | RegisterUsersResponse | None; the success model only with raise_on_error=True.
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
