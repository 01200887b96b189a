from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatroomCreateRequest")


@_attrs_define
class ChatroomCreateRequest:
    """Unknown fields (e.g. the Java SDK's `scale`, `need_verify`) are ignored.

    Attributes:
        name (str): Room name.
        description (str): Room description.
        owner (str): The owner, an existing user.
        maxusers (int | Unset): Maximum number of members, owner included. Default: 1000.
        members (list[str] | Unset): Initial members (existing users, not the owner).
        custom (str | Unset): Free extension text.
        roomid (str | Unset): Custom room ID (feature must be enabled).
        groupid (str | Unset): Custom room ID under the name the Java SDK 2.0 uses; `roomid` wins when both are sent.
    """

    name: str
    description: str
    owner: str
    maxusers: int | Unset = 1000
    members: list[str] | Unset = UNSET
    custom: str | Unset = UNSET
    roomid: str | Unset = UNSET
    groupid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        owner = self.owner

        maxusers = self.maxusers

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members

        custom = self.custom

        roomid = self.roomid

        groupid = self.groupid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "owner": owner,
            }
        )
        if maxusers is not UNSET:
            field_dict["maxusers"] = maxusers
        if members is not UNSET:
            field_dict["members"] = members
        if custom is not UNSET:
            field_dict["custom"] = custom
        if roomid is not UNSET:
            field_dict["roomid"] = roomid
        if groupid is not UNSET:
            field_dict["groupid"] = groupid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        owner = d.pop("owner")

        maxusers = d.pop("maxusers", UNSET)

        members = cast(list[str], d.pop("members", UNSET))

        custom = d.pop("custom", UNSET)

        roomid = d.pop("roomid", UNSET)

        groupid = d.pop("groupid", UNSET)

        chatroom_create_request = cls(
            name=name,
            description=description,
            owner=owner,
            maxusers=maxusers,
            members=members,
            custom=custom,
            roomid=roomid,
            groupid=groupid,
        )

        chatroom_create_request.additional_properties = d
        return chatroom_create_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
