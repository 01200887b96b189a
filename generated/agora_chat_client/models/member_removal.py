from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.member_removal_action import MemberRemovalAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberRemoval")


@_attrs_define
class MemberRemoval:
    """One name of a batch removal.

    Attributes:
        result (bool): `true` when the member was removed; `false` for a non-member or the owner.
        action (MemberRemovalAction): Always `remove_member`.
        user (str): The username, lower-case.
        id (str): Room ID.
        reason (str | Unset): Why the name was not removed, e.g. `user: dave doesn't exist in group: <id>`; absent on
            success.
    """

    result: bool
    action: MemberRemovalAction
    user: str
    id: str
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        action = self.action.value

        user = self.user

        id = self.id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "action": action,
                "user": user,
                "id": id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result = d.pop("result")

        action = MemberRemovalAction(d.pop("action"))

        user = d.pop("user")

        id = d.pop("id")

        reason = d.pop("reason", UNSET)

        member_removal = cls(
            result=result,
            action=action,
            user=user,
            id=id,
            reason=reason,
        )

        member_removal.additional_properties = d
        return member_removal

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
