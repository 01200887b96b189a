"""User tokens and the receiver's push template through the generated client (D98-D101)."""

from __future__ import annotations

import asyncio

from agora_chat_client import AuthenticatedClient, Client
from agora_chat_client.api.app_token import create_app_token
from agora_chat_client.api.push_settings import (
    get_receiver_push_template,
    set_notification_setting,
    set_receiver_push_template,
)
from agora_chat_client.api.push_templates import create_push_template
from agora_chat_client.api.users import register_users
from agora_chat_client.models import (
    ChatType,
    ErrorResponse,
    InheritTokenRequest,
    NotificationSettingRequest,
    NotificationSettingResponse,
    PasswordTokenRequest,
    PushMode,
    PushTemplateRequest,
    PushTemplateResponse,
    ReceiverPushTemplateRequest,
    ReceiverPushTemplateResponse,
    RegisterUsersResponse,
    UserRegistration,
    UserTokenResponse,
)

from agora_chat_emulator.pytest_plugin import RunningEmulator

from .conftest import expect, new_client

PASSWORD = "alice-secret-1"  # noqa: S105 - a test user's password


def alice_token(emulator: RunningEmulator, client: AuthenticatedClient) -> str:
    """Register alice with a password and log her in (grant ``password``, no token needed)."""
    body = UserRegistration(username="alice", password=PASSWORD)
    expect(register_users.sync_detailed(client=client, body=body), RegisterUsersResponse)
    with Client(base_url=emulator.base_url) as anonymous:
        grant = PasswordTokenRequest(grant_type="password", username="alice", password=PASSWORD)
        issued = create_app_token.sync(client=anonymous, body=grant)
    assert isinstance(issued, UserTokenResponse), issued
    assert issued.user.username == "alice"
    return issued.access_token


def test_create_app_token_password_grant_gives_a_user_token_for_own_settings(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    token = alice_token(agora_chat_emulator, client)
    body = NotificationSettingRequest(type_=PushMode.AT)
    with new_client(agora_chat_emulator, token) as alice:
        response = set_notification_setting.sync_detailed(
            "alice", ChatType.USER, "alice", client=alice, body=body
        )
    assert expect(response, NotificationSettingResponse).data.type_ is PushMode.AT


def test_create_app_token_inherit_grant_async_with_the_app_token(
    agora_chat_emulator: RunningEmulator,
) -> None:
    body = InheritTokenRequest(grant_type="inherit", username="dave", auto_create_user=True)

    async def call() -> object:
        async with new_client(agora_chat_emulator) as app:
            return await create_app_token.asyncio(client=app, body=body)

    issued = asyncio.run(call())
    assert isinstance(issued, UserTokenResponse), issued
    assert issued.user.username == "dave"


def test_receiver_push_template_set_and_get_with_a_user_token(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    token = alice_token(agora_chat_emulator, client)
    hello = PushTemplateRequest(
        name="hello", title_pattern="{$fromNickname}", content_pattern="{0}"
    )
    expect(create_push_template.sync_detailed(client=client, body=hello), PushTemplateResponse)
    with new_client(agora_chat_emulator, token) as alice:
        chosen = set_receiver_push_template.sync_detailed(
            "alice", client=alice, body=ReceiverPushTemplateRequest(template_name="hello")
        )
    assert expect(chosen, ReceiverPushTemplateResponse).data.template_name == "hello"

    async def read() -> object:
        async with new_client(agora_chat_emulator, token) as alice:
            return await get_receiver_push_template.asyncio("alice", client=alice)

    stored = asyncio.run(read())
    assert isinstance(stored, ReceiverPushTemplateResponse)
    assert stored.data.template_name == "hello"


def test_receiver_push_template_with_the_app_token_is_a_401_error_body(
    client: AuthenticatedClient,
) -> None:
    response = get_receiver_push_template.sync_detailed("alice", client=client)
    error = expect(response, ErrorResponse, 401)
    assert error.error == "auth_bad_access_token"
