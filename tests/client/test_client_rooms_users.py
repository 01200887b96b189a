"""Issue #12 through the generated client: batch removal and the registration refusals (D104,
D109)."""

from __future__ import annotations

from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_members import list_chatroom_members, remove_chatroom_member
from agora_chat_client.api.users import register_users
from agora_chat_client.models import (
    ChatroomMembershipResponse,
    ChatroomMembersRemoveResponse,
    ChatroomMembersResponse,
    ErrorResponse,
    UserRegistration,
)

from .conftest import create_room, expect, register


def test_remove_chatroom_member_with_a_comma_list_returns_the_batch_model(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice", "bob", "carol")
    room_id = create_room(client, "alice", "bob")

    response = remove_chatroom_member.sync_detailed(room_id, "bob,carol", client=client)

    removed = expect(response, ChatroomMembersRemoveResponse).data
    assert [(entry.user, entry.result) for entry in removed] == [("bob", True), ("carol", False)]
    assert removed[1].reason == f"user: carol doesn't exist in group: {room_id}"
    members = expect(
        list_chatroom_members.sync_detailed(room_id, client=client), ChatroomMembersResponse
    )
    assert [a.to_dict() for a in members.data] == [{"owner": "alice"}]


def test_remove_chatroom_member_with_one_name_keeps_the_single_model(
    client: AuthenticatedClient,
) -> None:
    register(client, "alice", "bob")
    room_id = create_room(client, "alice", "bob")

    response = remove_chatroom_member.sync_detailed(room_id, "bob", client=client)

    assert expect(response, ChatroomMembershipResponse).data.user == "bob"


def test_register_users_with_two_passwords_for_one_name_is_a_400(
    client: AuthenticatedClient,
) -> None:
    batch = [
        UserRegistration(username="bob", password="one"),  # noqa: S106 - test data
        UserRegistration(username="bob", password="two"),  # noqa: S106 - test data
    ]

    response = register_users.sync_detailed(client=client, body=batch)

    assert expect(response, ErrorResponse, 400).error == "duplicate_unique_property_exists"
