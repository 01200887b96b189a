from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatroomCreateRequest")


@_attrs_define
class ChatroomCreateRequest:
    """Unknown fields (e.g. the Java SDK's `scale`, `need_verify`) are ignored. Every optional
    field may be `null`, which means absent: Go SDKs send `"roomid": null` (and nil slices as
    `null`) on every create.

        Attributes:
            name (str): Room name.
            description (str): Room description.
            owner (str): The owner, an existing user.
            maxusers (int | None | Unset): Maximum number of members, owner included. Default: 1000.
            members (list[str] | None | Unset): Initial members (existing users, not the owner). If sent, at least one;
                together with the owner at most `maxusers`, else `403 exceed_limit` "members size is greater than max user size
                !" (decision D110).
            custom (None | str | Unset): Free extension text, up to 8 KB (the newest Easemob create page; older pages and
                the Go SDK say 1,024 characters). The schema counts characters (decision D110).
            roomid (None | str | Unset): Custom room ID (feature must be enabled).
            groupid (None | str | Unset): Custom room ID under the name the Java SDK 2.0 uses; `roomid` wins when both are
                sent.
    """

    name: str
    description: str
    owner: str
    maxusers: int | None | Unset = 1000
    members: list[str] | None | Unset = UNSET
    custom: None | str | Unset = UNSET
    roomid: None | str | Unset = UNSET
    groupid: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        owner = self.owner

        maxusers: int | None | Unset
        if isinstance(self.maxusers, Unset):
            maxusers = UNSET
        else:
            maxusers = self.maxusers

        members: list[str] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = self.members

        else:
            members = self.members

        custom: None | str | Unset
        if isinstance(self.custom, Unset):
            custom = UNSET
        else:
            custom = self.custom

        roomid: None | str | Unset
        if isinstance(self.roomid, Unset):
            roomid = UNSET
        else:
            roomid = self.roomid

        groupid: None | str | Unset
        if isinstance(self.groupid, Unset):
            groupid = UNSET
        else:
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

        def _parse_maxusers(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maxusers = _parse_maxusers(d.pop("maxusers", UNSET))

        def _parse_members(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = cast(list[str], data)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))

        def _parse_custom(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom = _parse_custom(d.pop("custom", UNSET))

        def _parse_roomid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        roomid = _parse_roomid(d.pop("roomid", UNSET))

        def _parse_groupid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        groupid = _parse_groupid(d.pop("groupid", UNSET))

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
