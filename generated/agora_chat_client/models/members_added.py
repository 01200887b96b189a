from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.members_added_action import MembersAddedAction

T = TypeVar("T", bound="MembersAdded")


@_attrs_define
class MembersAdded:
    """
    Attributes:
        newmembers (list[str]): The users this call added, in request order.
        action (MembersAddedAction): Always `add_member`.
        id (str): Room ID.
    """

    newmembers: list[str]
    action: MembersAddedAction
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        newmembers = self.newmembers

        action = self.action.value

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "newmembers": newmembers,
                "action": action,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        newmembers = cast(list[str], d.pop("newmembers"))

        action = MembersAddedAction(d.pop("action"))

        id = d.pop("id")

        members_added = cls(
            newmembers=newmembers,
            action=action,
            id=id,
        )

        members_added.additional_properties = d
        return members_added

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
