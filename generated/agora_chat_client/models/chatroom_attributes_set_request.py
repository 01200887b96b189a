from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chatroom_attribute_map import ChatroomAttributeMap


T = TypeVar("T", bound="ChatroomAttributesSetRequest")


@_attrs_define
class ChatroomAttributesSetRequest:
    """Unknown fields (e.g. `notificationExt`) are ignored.

    Attributes:
        meta_data (ChatroomAttributeMap): 1 to 10 key → value pairs. Keys over 128 characters or outside `A-Z a-z 0-9 _
            - .`, and
            values over 4096 characters, are accepted by the request and reported per key in
            `errorKeys`; they are intentionally not constrained here.
        auto_delete (str | Unset): `DELETE` (default) removes the keys when `{username}` leaves the room; `NO_DELETE`
            keeps them. Any letter case (the Java SDK 2.0 sends `delete`). Default: 'DELETE'.
    """

    meta_data: ChatroomAttributeMap
    auto_delete: str | Unset = "DELETE"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meta_data = self.meta_data.to_dict()

        auto_delete = self.auto_delete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metaData": meta_data,
            }
        )
        if auto_delete is not UNSET:
            field_dict["autoDelete"] = auto_delete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatroom_attribute_map import ChatroomAttributeMap  # noqa: PLC0415

        d = dict(src_dict)
        meta_data = ChatroomAttributeMap.from_dict(d.pop("metaData"))

        auto_delete = d.pop("autoDelete", UNSET)

        chatroom_attributes_set_request = cls(
            meta_data=meta_data,
            auto_delete=auto_delete,
        )

        chatroom_attributes_set_request.additional_properties = d
        return chatroom_attributes_set_request

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
