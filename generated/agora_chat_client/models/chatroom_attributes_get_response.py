from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chatroom_attribute_values import ChatroomAttributeValues


T = TypeVar("T", bound="ChatroomAttributesGetResponse")


@_attrs_define
class ChatroomAttributesGetResponse:
    """
    Attributes:
        data (ChatroomAttributeValues): Attribute key → value.
        uri (str | Unset): Request URL (the service shows `…/metadata/chatroom` without the ID).
        timestamp (int | Unset): Server time (Unix epoch, ms).
        action (str | Unset): The request method in lower case.
    """

    data: ChatroomAttributeValues
    uri: str | Unset = UNSET
    timestamp: int | Unset = UNSET
    action: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        uri = self.uri

        timestamp = self.timestamp

        action = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if uri is not UNSET:
            field_dict["uri"] = uri
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatroom_attribute_values import ChatroomAttributeValues  # noqa: PLC0415

        d = dict(src_dict)
        data = ChatroomAttributeValues.from_dict(d.pop("data"))

        uri = d.pop("uri", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        action = d.pop("action", UNSET)

        chatroom_attributes_get_response = cls(
            data=data,
            uri=uri,
            timestamp=timestamp,
            action=action,
        )

        chatroom_attributes_get_response.additional_properties = d
        return chatroom_attributes_get_response

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
