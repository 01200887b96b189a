from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PushNicknameItem")


@_attrs_define
class PushNicknameItem:
    """
    Attributes:
        username (str): The user whose push nickname is set (an existing user).
        push_nickname (str): The name shown in the user's push notifications, at most 100 characters of any text.
    """

    username: str
    push_nickname: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        push_nickname = self.push_nickname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "push_nickname": push_nickname,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        push_nickname = d.pop("push_nickname")

        push_nickname_item = cls(
            username=username,
            push_nickname=push_nickname,
        )

        push_nickname_item.additional_properties = d
        return push_nickname_item

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
