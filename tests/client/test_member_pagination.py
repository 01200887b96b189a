"""The member-list helpers of ``list_chatroom_members`` (from scripts/client-templates, D65)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_members.list_chatroom_members import (
    MAX_PAGESIZE,
    iter_members,
    member_names,
    username_of,
)
from agora_chat_client.errors import NotFoundError
from agora_chat_client.models import MemberAffiliation, OwnerAffiliation

from .conftest import create_room, register

MEMBERS = ["bob", "carol", "dave", "erin"]


@pytest.fixture
def room(client: AuthenticatedClient) -> str:
    register(client, "alice", *MEMBERS)
    return create_room(client, "alice", *MEMBERS)


def test_member_names_cover_every_page_owner_included(
    client: AuthenticatedClient, room: str
) -> None:
    # 5 entries in pages of 2: two full pages and a short one.
    assert sorted(member_names(room, client=client, pagesize=2)) == sorted(["alice", *MEMBERS])


def test_a_page_size_dividing_the_list_ends_after_one_empty_page(
    client: AuthenticatedClient, room: str
) -> None:
    entries = list(iter_members(room, client=client, pagesize=5))

    assert [username_of(entry) for entry in entries].count("alice") == 1
    assert len(entries) == 5


def test_username_of_reads_owner_and_member_entries() -> None:
    assert username_of(OwnerAffiliation(owner="alice")) == "alice"
    assert username_of(MemberAffiliation(member="bob")) == "bob"


def test_an_error_answer_raises_even_without_raise_on_error(client: AuthenticatedClient) -> None:
    members: Iterator[object] = iter_members("999999999", client=client)

    with pytest.raises(NotFoundError):
        next(members)


@pytest.mark.parametrize("pagesize", [0, MAX_PAGESIZE + 1])
def test_a_page_size_the_service_would_clamp_is_refused(
    client: AuthenticatedClient, pagesize: int
) -> None:
    with pytest.raises(ValueError, match="pagesize must be 1 to 1000"):
        member_names("1", client=client, pagesize=pagesize)
