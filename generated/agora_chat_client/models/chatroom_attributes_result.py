from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chatroom_attribute_errors import ChatroomAttributeErrors


T = TypeVar("T", bound="ChatroomAttributesResult")


@_attrs_define
class ChatroomAttributesResult:
    """
    Attributes:
        success_keys (list[str]): Keys written or deleted.
        error_keys (ChatroomAttributeErrors): Failed key → reason sentence.
    """

    success_keys: list[str]
    error_keys: ChatroomAttributeErrors
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success_keys = self.success_keys

        error_keys = self.error_keys.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "successKeys": success_keys,
                "errorKeys": error_keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatroom_attribute_errors import ChatroomAttributeErrors  # noqa: PLC0415

        d = dict(src_dict)
        success_keys = cast(list[str], d.pop("successKeys"))

        error_keys = ChatroomAttributeErrors.from_dict(d.pop("errorKeys"))

        chatroom_attributes_result = cls(
            success_keys=success_keys,
            error_keys=error_keys,
        )

        chatroom_attributes_result.additional_properties = d
        return chatroom_attributes_result

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
