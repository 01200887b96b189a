"""Issue #12 through the generated client: what real SDKs send and read back (D86, D87, D89)."""

from __future__ import annotations

from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_members import add_chatroom_members
from agora_chat_client.api.chat_rooms import create_chatroom, get_chatroom
from agora_chat_client.api.push_settings import get_notification_setting, set_notification_setting
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
    PushMode,
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
