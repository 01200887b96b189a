from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.membership_action import MembershipAction

T = TypeVar("T", bound="MembershipResult")


@_attrs_define
class MembershipResult:
    """
    Attributes:
        result (bool): `true` on success.
        action (MembershipAction): What was done.
        id (str): Room ID.
        user (str): The member's username.
    """

    result: bool
    action: MembershipAction
    id: str
    user: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        action = self.action.value

        id = self.id

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "action": action,
                "id": id,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result = d.pop("result")

        action = MembershipAction(d.pop("action"))

        id = d.pop("id")

        user = d.pop("user")

        membership_result = cls(
            result=result,
            action=action,
            id=id,
            user=user,
        )

        membership_result.additional_properties = d
        return membership_result

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
