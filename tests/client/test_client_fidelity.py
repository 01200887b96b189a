"""Issue #12 through the generated client: what real SDKs send and read back (D86, D87, D89),
and the rest of the push area (D92-D94)."""

from __future__ import annotations

from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_members import add_chatroom_members
from agora_chat_client.api.chat_rooms import create_chatroom, get_chatroom
from agora_chat_client.api.push_settings import (
    get_notification_setting,
    get_push_binding,
    set_notification_setting,
    set_push_binding,
    set_push_nicknames,
)
from agora_chat_client.api.push_templates import create_push_template, get_push_template
from agora_chat_client.api.users import get_user
from agora_chat_client.models import (
    ChatroomCreateRequest,
    ChatroomCreateResponse,
    ChatroomDetailsResponse,
    ChatroomMembersAddRequest,
    ChatroomMembersAddResponse,
    ChatType,
    MembersAddedAction,
    NotificationSettingRequest,
    NotificationSettingResponse,
    PushBindingRequest,
    PushBindingsResponse,
    PushMode,
    PushNicknameItem,
    PushNicknamesResponse,
    PushTemplateRequest,
    PushTemplateResponse,
    UserEntitiesResponse,
)

from .conftest import create_room, expect, register


def test_conversation_ignore_interval_is_read_back(client: AuthenticatedClient) -> None:
    register(client, "alice")
    body = NotificationSettingRequest(type_=PushMode.NONE, ignore_interval="21:30-08:00")

    expect(
        set_notification_setting.sync_detailed(
            "alice", ChatType.CHATGROUP, "g1", client=client, body=body
        ),
        NotificationSettingResponse,
    )

    read = get_notification_setting.sync_detailed("alice", ChatType.CHATGROUP, "g1", client=client)
    assert expect(read, NotificationSettingResponse).data.ignore_interval == "21:30-08:00"


def test_create_chatroom_with_null_optional_fields(client: AuthenticatedClient) -> None:
    register(client, "alice")
    body = ChatroomCreateRequest(
        name="Tea room",
        description="Created as a Go SDK does",
        owner="alice",
        maxusers=None,
        members=None,
        roomid=None,
    )
    assert body.to_dict()["roomid"] is None

    created = create_chatroom.sync_detailed(client=client, body=body)
    room_id = expect(created, ChatroomCreateResponse).data.id

    [room] = expect(
        get_chatroom.sync_detailed(room_id, client=client), ChatroomDetailsResponse
    ).data
    assert room.maxusers == 1000


def test_add_chatroom_members_in_one_call(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob", "carol")
    room_id = create_room(client, "alice", "bob")

    response = add_chatroom_members.sync_detailed(
        room_id, client=client, body=ChatroomMembersAddRequest(usernames=["bob", "carol"])
    )

    added = expect(response, ChatroomMembersAddResponse).data
    assert added.newmembers == ["carol"]
    assert added.action is MembersAddedAction.ADD_MEMBER
    assert added.id == room_id


def test_push_binding_bind_then_unbind(client: AuthenticatedClient) -> None:
    register(client, "alice")
    device = "8ce08cad-9369-4bdd-86c8-695a0d247cda"
    token = "fcm-token"  # noqa: S105 - a push service's device token, not a credential
    bind = PushBindingRequest(device_id=device, device_token=token, notifier_name="fcm-demo")

    bound = expect(
        set_push_binding.sync_detailed("alice", client=client, body=bind), PushBindingsResponse
    )
    assert [(b.device_id, b.device_token) for b in bound.entities] == [(device, "fcm-token")]

    unbind = PushBindingRequest(device_id=device, device_token="", notifier_name="fcm-demo")
    unbound = set_push_binding.sync("alice", client=client, body=unbind)
    assert isinstance(unbound, PushBindingsResponse)
    assert unbound.entities == []
    stored = expect(get_push_binding.sync_detailed("alice", client=client), PushBindingsResponse)
    assert stored.entities == []


def test_push_nicknames_in_one_call(client: AuthenticatedClient) -> None:
    register(client, "alice", "bob")
    items = [PushNicknameItem("alice", "Alice"), PushNicknameItem("bob", "Bob the builder")]

    set_all = expect(
        set_push_nicknames.sync_detailed(client=client, body=items), PushNicknamesResponse
    )

    assert [(n.username, n.push_nickname) for n in set_all.entities] == [
        ("alice", "Alice"),
        ("bob", "Bob the builder"),
    ]
    user = expect(get_user.sync_detailed("bob", client=client), UserEntitiesResponse)
    assert user.entities[0].nickname == "Bob the builder"


def test_detail_template_round_trip(client: AuthenticatedClient) -> None:
    body = PushTemplateRequest(
        name="detail", title_pattern="{$dynamicFrom}", content_pattern="{$msg}"
    )

    expect(create_push_template.sync_detailed(client=client, body=body), PushTemplateResponse)

    read = expect(get_push_template.sync_detailed("detail", client=client), PushTemplateResponse)
    assert (read.data.title_pattern, read.data.content_pattern) == ("{$dynamicFrom}", "{$msg}")
