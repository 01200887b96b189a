"""Every operation of openapi.yaml called through the generated client against the live emulator.

Sync calls throughout, and the async variants (``asyncio_detailed`` / ``asyncio``) for at least one
operation per tag; ``test_client_coverage.py`` reads this file to make sure both stay true.
"""

from __future__ import annotations

import asyncio

from agora_chat_client import AuthenticatedClient, Client
from agora_chat_client.api.app_token import create_app_token
from agora_chat_client.api.chat_room_attributes import (
    delete_chatroom_attributes,
    force_delete_chatroom_attributes,
    force_set_chatroom_attributes,
    get_chatroom_attributes,
    set_chatroom_attributes,
)
from agora_chat_client.api.chat_room_members import (
    add_chatroom_member,
    list_chatroom_members,
    remove_chatroom_member,
)
from agora_chat_client.api.chat_rooms import create_chatroom, delete_chatroom, get_chatroom
from agora_chat_client.api.push_settings import (
    get_notification_setting,
    get_push_language,
    set_notification_setting,
    set_push_language,
    set_push_profile,
)
from agora_chat_client.api.push_templates import (
    create_push_template,
    delete_push_template,
    get_push_template,
)
from agora_chat_client.api.users import delete_user, get_user, register_users
from agora_chat_client.models import (
    ChatroomAttributeMap,
    ChatroomAttributesDeleteRequest,
    ChatroomAttributesDeleteResponse,
    ChatroomAttributesGetRequest,
    ChatroomAttributesGetResponse,
    ChatroomAttributesSetRequest,
    ChatroomAttributesWriteResponse,
    ChatroomCreateRequest,
    ChatroomCreateResponse,
    ChatroomDeleteResponse,
    ChatroomDetailsResponse,
    ChatroomMembershipResponse,
    ChatroomMembersResponse,
    ChatType,
    DisplayStyle,
    DisplayStyleString,
    ErrorResponse,
    GrantType,
    MemberAffiliation,
    MembershipAction,
    NotificationSettingRequest,
    NotificationSettingResponse,
    OwnerAffiliation,
    PushLanguageRequest,
    PushLanguageResponse,
    PushMode,
    PushProfileRequest,
    PushTemplateRequest,
    PushTemplateResponse,
    RegisterUsersResponse,
    TokenRequest,
    TokenResponse,
    UserEntitiesResponse,
    UserEntityType,
    UserRegistration,
    UserTokenResponse,
)

from agora_chat_emulator.pytest_plugin import RunningEmulator

from .conftest import create_room, expect, new_client, register

ONE_DAY_MS = 86_400_000
LONG_KEY = "k" * 129


def attributes(**pairs: str) -> ChatroomAttributeMap:
    return ChatroomAttributeMap.from_dict(pairs)


def set_request(auto_delete: str = "DELETE", **pairs: str) -> ChatroomAttributesSetRequest:
    return ChatroomAttributesSetRequest(meta_data=attributes(**pairs), auto_delete=auto_delete)


# --- App token ---------------------------------------------------------------------------------


def token_request(emulator: RunningEmulator, ttl: int | str) -> TokenRequest:
    return TokenRequest(
        grant_type=GrantType.CLIENT_CREDENTIALS,
        client_id=emulator.client_id,
        client_secret=emulator.client_secret,
        ttl=ttl,
    )


def test_create_app_token_returns_a_token_the_other_operations_accept(
    agora_chat_emulator: RunningEmulator,
) -> None:
    with Client(base_url=agora_chat_emulator.base_url) as anonymous:
        token = create_app_token.sync(
            client=anonymous, body=token_request(agora_chat_emulator, 3600)
        )
    assert isinstance(token, TokenResponse)
    assert token.expires_in == 3600
    assert token.access_token
    with new_client(agora_chat_emulator, token.access_token) as authenticated:
        register(authenticated, "alice")


def test_create_app_token_async_with_ttl_as_a_string(agora_chat_emulator: RunningEmulator) -> None:
    async def call() -> TokenResponse | UserTokenResponse | ErrorResponse | None:
        async with Client(base_url=agora_chat_emulator.base_url) as anonymous:
            return await create_app_token.asyncio(
                client=anonymous, body=token_request(agora_chat_emulator, "120")
            )

    token = asyncio.run(call())
    assert isinstance(token, TokenResponse)
    assert token.expires_in == 120


def test_create_app_token_with_a_wrong_secret_parses_the_error_body(
    agora_chat_emulator: RunningEmulator,
) -> None:
    body = token_request(agora_chat_emulator, 60)
    body.client_secret = f"{agora_chat_emulator.client_secret}-wrong"
    with Client(base_url=agora_chat_emulator.base_url) as anonymous:
        error = expect(
            create_app_token.sync_detailed(client=anonymous, body=body), ErrorResponse, 400
        )
    assert error.error
    assert error.error_description


# --- Users -------------------------------------------------------------------------------------


def test_register_users_one_object(client: AuthenticatedClient) -> None:
    response = register_users.sync_detailed(
        client=client,
        body=UserRegistration(username="Alice", nickname="Alice"),
    )
    created = expect(response, RegisterUsersResponse)
    [alice] = created.entities
    assert alice.username == "alice"
    assert alice.type_ is UserEntityType.USER
    assert alice.activated is True
    assert alice.nickname == "Alice"


def test_register_users_batch_lists_existing_users_in_data(client: AuthenticatedClient) -> None:
    register(client, "carol")
    response = register_users.sync_detailed(
        client=client, body=[UserRegistration(username="bob"), UserRegistration(username="carol")]
    )
    created = expect(response, RegisterUsersResponse)
    assert [user.username for user in created.entities] == ["bob"]
    assert created.data
    [failure] = created.data
    assert failure.username == "carol"
    assert failure.register_user_fail_reason == "the carol already exists"


def test_register_users_with_a_bad_token_is_a_401_error_body(
    agora_chat_emulator: RunningEmulator,
) -> None:
    with new_client(agora_chat_emulator, "not-a-token") as unauthorized:
        response = register_users.sync_detailed(
            client=unauthorized, body=UserRegistration(username="alice")
        )
    error = expect(response, ErrorResponse, 401)
    assert error.error in {"unauthorized", "auth_bad_access_token"}
    assert error.exception
    assert error.timestamp > 0


def test_get_user(client: AuthenticatedClient) -> None:
    register(client, "alice")
    [alice] = expect(get_user.sync_detailed("alice", client=client), UserEntitiesResponse).entities
    assert alice.username == "alice"
    assert alice.created <= alice.modified


def test_get_user_async_unknown_user_is_a_404_error_body(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice")

    async def call() -> None:
        async with new_client(agora_chat_emulator) as authenticated:
            found = await get_user.asyncio_detailed("alice", client=authenticated)
            assert expect(found, UserEntitiesResponse).entities[0].username == "alice"
            missing = await get_user.asyncio_detailed("nobody", client=authenticated)
            assert expect(missing, ErrorResponse, 404).error == "service_resource_not_found"

    asyncio.run(call())


def test_delete_user_returns_it_and_it_is_gone(client: AuthenticatedClient) -> None:
    register(client, "carol")
    deleted = expect(delete_user.sync_detailed("carol", client=client), UserEntitiesResponse)
    assert deleted.entities[0].username == "carol"
    expect(get_user.sync_detailed("carol", client=client), ErrorResponse, 404)


# --- Push settings -----------------------------------------------------------------------------


def test_set_push_profile_nickname_and_display_style(client: AuthenticatedClient) -> None:
    register(client, "alice")
    body = PushProfileRequest(nickname="Alice", notification_display_style=DisplayStyle.DETAILED)
    [alice] = expect(
        set_push_profile.sync_detailed("alice", client=client, body=body), UserEntitiesResponse
    ).entities
    assert alice.nickname == "Alice"
    assert alice.notification_display_style is DisplayStyle.DETAILED


def test_set_push_profile_display_style_as_a_string_reads_back_as_a_number(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice")
    body = PushProfileRequest(notification_display_style=DisplayStyleString.SUMMARY)
    expect(set_push_profile.sync_detailed("alice", client=client, body=body), UserEntitiesResponse)
    [alice] = expect(get_user.sync_detailed("alice", client=client), UserEntitiesResponse).entities
    assert alice.notification_display_style is DisplayStyle.SUMMARY


def test_set_notification_setting_returns_ignore_duration_as_an_expiry_timestamp(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice")
    body = NotificationSettingRequest(
        type_=PushMode.NONE, ignore_interval="21:30-08:00", ignore_duration=ONE_DAY_MS
    )
    before = agora_chat_emulator.now_ms()
    response = set_notification_setting.sync_detailed(
        "alice", ChatType.USER, "alice", client=client, body=body
    )
    setting = expect(response, NotificationSettingResponse).data
    assert setting.type_ is PushMode.NONE
    assert setting.ignore_interval == "21:30-08:00"
    assert setting.ignore_duration > before
    assert setting.ignore_duration >= before + ONE_DAY_MS


def test_set_notification_setting_async_for_a_conversation(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice", "bob")

    async def call() -> NotificationSettingResponse | ErrorResponse | None:
        async with new_client(agora_chat_emulator) as authenticated:
            return await set_notification_setting.asyncio(
                "alice",
                ChatType.USER,
                "bob",
                client=authenticated,
                body=NotificationSettingRequest(type_=PushMode.AT),
            )

    setting = asyncio.run(call())
    assert isinstance(setting, NotificationSettingResponse)
    assert setting.data.type_ is PushMode.AT
    assert setting.data.ignore_duration == 0


def test_set_notification_setting_out_of_range_is_a_400_error_body(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice")
    body = NotificationSettingRequest(ignore_duration=7 * ONE_DAY_MS + 1)
    response = set_notification_setting.sync_detailed(
        "alice", ChatType.USER, "alice", client=client, body=body
    )
    error = expect(response, ErrorResponse, 400)
    assert error.error == "illegal_argument"
    assert "ignoreDuration" in error.error_description


def test_get_notification_setting_reads_back_the_expiry(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice")
    before = agora_chat_emulator.now_ms()
    written = set_notification_setting.sync_detailed(
        "alice",
        ChatType.USER,
        "alice",
        client=client,
        body=NotificationSettingRequest(ignore_duration=ONE_DAY_MS),
    )
    expiry = expect(written, NotificationSettingResponse).data.ignore_duration
    read = get_notification_setting.sync_detailed("alice", ChatType.USER, "alice", client=client)
    setting = expect(read, NotificationSettingResponse).data
    assert setting.ignore_duration == expiry
    assert setting.ignore_duration > before
    assert setting.type_ is PushMode.ALL


def test_set_push_language(client: AuthenticatedClient) -> None:
    register(client, "alice")
    response = set_push_language.sync_detailed(
        "alice", client=client, body=PushLanguageRequest(translation_language="en")
    )
    assert expect(response, PushLanguageResponse).data.language == "en"


def test_get_push_language_unset_is_empty_then_reads_back(client: AuthenticatedClient) -> None:
    register(client, "alice")
    unset = expect(get_push_language.sync_detailed("alice", client=client), PushLanguageResponse)
    assert unset.data.language == ""
    body = PushLanguageRequest(translation_language="fr")
    expect(set_push_language.sync_detailed("alice", client=client, body=body), PushLanguageResponse)
    stored = get_push_language.sync("alice", client=client)
    assert isinstance(stored, PushLanguageResponse)
    assert stored.data.language == "fr"


# --- Push templates ----------------------------------------------------------------------------

HELLO = PushTemplateRequest(
    name="hello", title_pattern="{$fromNickname} says", content_pattern="{0} from {1}"
)


def test_create_push_template(client: AuthenticatedClient) -> None:
    created = expect(
        create_push_template.sync_detailed(client=client, body=HELLO), PushTemplateResponse
    )
    assert created.data.name == "hello"
    assert created.data.title_pattern == "{$fromNickname} says"
    assert created.data.content_pattern == "{0} from {1}"
    assert created.data.create_at == created.data.update_at


def test_create_push_template_twice_is_a_400_error_body(client: AuthenticatedClient) -> None:
    expect(create_push_template.sync_detailed(client=client, body=HELLO), PushTemplateResponse)
    expect(create_push_template.sync_detailed(client=client, body=HELLO), ErrorResponse, 400)


def test_get_push_template_async(agora_chat_emulator: RunningEmulator) -> None:
    async def call() -> None:
        async with new_client(agora_chat_emulator) as authenticated:
            created = await create_push_template.asyncio_detailed(client=authenticated, body=HELLO)
            expect(created, PushTemplateResponse)
            read = await get_push_template.asyncio_detailed("hello", client=authenticated)
            assert expect(read, PushTemplateResponse).data.content_pattern == "{0} from {1}"

    asyncio.run(call())


def test_delete_push_template_returns_it_then_get_is_a_400(client: AuthenticatedClient) -> None:
    expect(create_push_template.sync_detailed(client=client, body=HELLO), PushTemplateResponse)
    deleted = expect(
        delete_push_template.sync_detailed("hello", client=client), PushTemplateResponse
    )
    assert deleted.data.name == "hello"
    missing = expect(get_push_template.sync_detailed("hello", client=client), ErrorResponse, 400)
    assert missing.exception == "EntityNotFoundException"


# --- Chat rooms --------------------------------------------------------------------------------


def test_create_chatroom_with_initial_members(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    body = ChatroomCreateRequest(
        name="Tea room", description="Tea talk", owner="alice", maxusers=200, members=["bob"]
    )
    created = expect(
        create_chatroom.sync_detailed(client=client, body=body), ChatroomCreateResponse
    )
    assert created.data.id
    assert created.entities == []


def test_get_chatroom_lists_owner_and_members_as_affiliations(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")
    [room] = expect(
        get_chatroom.sync_detailed(room_id, client=client), ChatroomDetailsResponse
    ).data
    assert room.id == room_id
    assert room.owner == "alice"
    assert room.affiliations_count == 2
    owners = [a.owner for a in room.affiliations if isinstance(a, OwnerAffiliation)]
    members = [a.member for a in room.affiliations if isinstance(a, MemberAffiliation)]
    assert (owners, members) == (["alice"], ["bob"])


def test_delete_chatroom_async_then_get_is_a_404(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")

    async def call() -> None:
        async with new_client(agora_chat_emulator) as authenticated:
            deleted = await delete_chatroom.asyncio_detailed(room_id, client=authenticated)
            assert expect(deleted, ChatroomDeleteResponse).data.success is True
            missing = await get_chatroom.asyncio_detailed(room_id, client=authenticated)
            expect(missing, ErrorResponse, 404)

    asyncio.run(call())


def test_delete_chatroom(client: AuthenticatedClient) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")
    deleted = expect(delete_chatroom.sync_detailed(room_id, client=client), ChatroomDeleteResponse)
    assert (deleted.data.success, deleted.data.id) == (True, room_id)


# --- Chat-room members -------------------------------------------------------------------------


def test_add_chatroom_member(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice")
    response = add_chatroom_member.sync_detailed(room_id, "bob", client=client)
    added = expect(response, ChatroomMembershipResponse).data
    assert (added.result, added.action, added.id, added.user) == (
        True,
        MembershipAction.ADD_MEMBER,
        room_id,
        "bob",
    )


def test_list_chatroom_members_pages_with_the_owner_included(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob", "carol")
    room_id = create_room(client, "alice", "bob", "carol")
    response = list_chatroom_members.sync_detailed(room_id, client=client, pagenum=1, pagesize=2)
    page = expect(response, ChatroomMembersResponse)
    assert page.count == 2
    assert len(page.data) == 2
    assert page.params
    assert (page.params.pagenum, page.params.pagesize) == (["1"], ["2"])


def test_list_chatroom_members_async(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")

    async def call() -> ChatroomMembersResponse | ErrorResponse | None:
        async with new_client(agora_chat_emulator) as authenticated:
            return await list_chatroom_members.asyncio(room_id, client=authenticated)

    page = asyncio.run(call())
    assert isinstance(page, ChatroomMembersResponse)
    assert sorted(a.to_dict().popitem()[1] for a in page.data) == ["alice", "bob"]


def test_remove_chatroom_member_then_again_is_a_400(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")
    removed = expect(
        remove_chatroom_member.sync_detailed(room_id, "bob", client=client),
        ChatroomMembershipResponse,
    ).data
    assert (removed.result, removed.action, removed.user) == (
        True,
        MembershipAction.REMOVE_MEMBER,
        "bob",
    )
    again = remove_chatroom_member.sync_detailed(room_id, "bob", client=client)
    assert expect(again, ErrorResponse, 400).error == "forbidden_op"


# --- Chat-room attributes ----------------------------------------------------------------------


def test_set_chatroom_attributes_reports_bad_keys_in_error_keys(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")
    body = ChatroomAttributesSetRequest(
        meta_data=ChatroomAttributeMap.from_dict(
            {"topic": "green tea", LONG_KEY: "x", "bad key!": "y"}
        )
    )
    response = set_chatroom_attributes.sync_detailed(room_id, "alice", client=client, body=body)
    result = expect(response, ChatroomAttributesWriteResponse).data
    assert result.success_keys == ["topic"]
    assert result.error_keys.additional_properties == {
        LONG_KEY: f"properties key '{LONG_KEY}' is exceeding maximum limit 128",
        "bad key!": "key 'bad key!' is not Legal",
    }


def test_set_chatroom_attributes_as_a_non_member_is_a_401_error_body(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice")
    response = set_chatroom_attributes.sync_detailed(
        room_id, "bob", client=client, body=set_request(topic="green tea")
    )
    error = expect(response, ErrorResponse, 401)
    assert error.exception == "MetadataException"
    assert error.error_description == "user is not in chatroom"


def test_set_chatroom_attributes_over_ten_pairs_is_a_400_error_body(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")
    body = set_request(**{f"key{i}": "v" for i in range(11)})
    response = set_chatroom_attributes.sync_detailed(room_id, "alice", client=client, body=body)
    assert "exceed allowed batch size 10" in expect(response, ErrorResponse, 400).error_description


def test_get_chatroom_attributes_without_a_body_and_with_keys(client: AuthenticatedClient) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")
    written = set_chatroom_attributes.sync_detailed(
        room_id, "alice", client=client, body=set_request(topic="green tea", mood="calm")
    )
    expect(written, ChatroomAttributesWriteResponse)
    everything = expect(
        get_chatroom_attributes.sync_detailed(room_id, client=client), ChatroomAttributesGetResponse
    )
    assert everything.data.additional_properties == {"topic": "green tea", "mood": "calm"}
    some = get_chatroom_attributes.sync_detailed(
        room_id, client=client, body=ChatroomAttributesGetRequest(keys=["mood", "missing"])
    )
    assert expect(some, ChatroomAttributesGetResponse).data.additional_properties == {
        "mood": "calm"
    }


def test_get_chatroom_attributes_async_with_keys_null(
    agora_chat_emulator: RunningEmulator, client: AuthenticatedClient
) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")

    async def call() -> ChatroomAttributesGetResponse | ErrorResponse | None:
        async with new_client(agora_chat_emulator) as authenticated:
            written = await set_chatroom_attributes.asyncio_detailed(
                room_id, "alice", client=authenticated, body=set_request(topic="green tea")
            )
            expect(written, ChatroomAttributesWriteResponse)
            return await get_chatroom_attributes.asyncio(
                room_id, client=authenticated, body=ChatroomAttributesGetRequest(keys=None)
            )

    read = asyncio.run(call())
    assert isinstance(read, ChatroomAttributesGetResponse)
    assert read.data["topic"] == "green tea"


def test_delete_chatroom_attributes_sends_a_json_body_on_delete(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice")
    room_id = create_room(client, "alice")
    written = set_chatroom_attributes.sync_detailed(
        room_id, "alice", client=client, body=set_request(topic="green tea", mood="calm")
    )
    expect(written, ChatroomAttributesWriteResponse)
    response = delete_chatroom_attributes.sync_detailed(
        room_id,
        "alice",
        client=client,
        body=ChatroomAttributesDeleteRequest(keys=["topic", "ghost"]),
    )
    deleted = expect(response, ChatroomAttributesDeleteResponse)
    assert deleted.status == "ok"
    assert deleted.data.success_keys == ["topic"]
    assert deleted.data.error_keys.to_dict() == {"ghost": "key 'ghost' is not exist"}
    remaining = expect(
        get_chatroom_attributes.sync_detailed(room_id, client=client), ChatroomAttributesGetResponse
    )
    assert remaining.data.to_dict() == {"mood": "calm"}


def test_delete_chatroom_attributes_of_another_member_is_refused_per_key(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")
    set_chatroom_attributes.sync_detailed(
        room_id, "alice", client=client, body=set_request(topic="green tea")
    )
    response = delete_chatroom_attributes.sync_detailed(
        room_id, "bob", client=client, body=ChatroomAttributesDeleteRequest(keys=["topic"])
    )
    result = expect(response, ChatroomAttributesDeleteResponse).data
    assert result.success_keys == []
    assert result.error_keys["topic"] == "key 'topic' is not part of you"


def test_force_set_chatroom_attributes_takes_over_another_members_key(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")
    set_chatroom_attributes.sync_detailed(
        room_id, "alice", client=client, body=set_request(topic="green tea")
    )
    refused = set_chatroom_attributes.sync_detailed(
        room_id, "bob", client=client, body=set_request(topic="oolong")
    )
    # The plain set is refused as a whole (D107's default).
    assert expect(refused, ErrorResponse, 400).error_description == (
        "others are not allowed to be set"
    )
    forced = force_set_chatroom_attributes.sync_detailed(
        room_id, "bob", client=client, body=set_request("NO_DELETE", topic="oolong")
    )
    assert expect(forced, ChatroomAttributesWriteResponse).data.success_keys == ["topic"]
    # bob owns the key now (NO_DELETE): it survives his leaving the room.
    expect(
        remove_chatroom_member.sync_detailed(room_id, "bob", client=client),
        ChatroomMembershipResponse,
    )
    read = expect(
        get_chatroom_attributes.sync_detailed(room_id, client=client), ChatroomAttributesGetResponse
    )
    assert read.data.to_dict() == {"topic": "oolong"}


def test_force_delete_chatroom_attributes_whoever_owns_them(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")
    set_chatroom_attributes.sync_detailed(
        room_id, "bob", client=client, body=set_request(topic="green tea")
    )
    response = force_delete_chatroom_attributes.sync_detailed(
        room_id,
        "admin",
        client=client,
        body=ChatroomAttributesDeleteRequest(keys=["topic", "mood"]),
    )
    result = expect(response, ChatroomAttributesWriteResponse).data
    assert result.success_keys == ["topic"]
    assert result.error_keys.to_dict() == {"mood": "key 'mood' is not exist"}
