from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_removal import MemberRemoval


T = TypeVar("T", bound="ChatroomMembersRemoveResponse")


@_attrs_define
class ChatroomMembersRemoveResponse:
    """
    Attributes:
        data (list[MemberRemoval]): One result per distinct name, in request order.
        action (str | Unset): The request method in lower case.
        application (str | Unset): The app's internal UUID.
        application_name (str | Unset): The app name.
        organization (str | Unset): The organization name.
        uri (str | Unset): Request URL.
        entities (list[Any] | Unset): Always empty.
        timestamp (int | Unset): Server time (Unix epoch, ms).
        duration (int | Unset): Processing time in ms.
    """

    data: list[MemberRemoval]
    action: str | Unset = UNSET
    application: str | Unset = UNSET
    application_name: str | Unset = UNSET
    organization: str | Unset = UNSET
    uri: str | Unset = UNSET
    entities: list[Any] | Unset = UNSET
    timestamp: int | Unset = UNSET
    duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        action = self.action

        application = self.application

        application_name = self.application_name

        organization = self.organization

        uri = self.uri

        entities: list[Any] | Unset = UNSET
        if not isinstance(self.entities, Unset):
            entities = self.entities

        timestamp = self.timestamp

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if application is not UNSET:
            field_dict["application"] = application
        if application_name is not UNSET:
            field_dict["applicationName"] = application_name
        if organization is not UNSET:
            field_dict["organization"] = organization
        if uri is not UNSET:
            field_dict["uri"] = uri
        if entities is not UNSET:
            field_dict["entities"] = entities
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_removal import MemberRemoval  # noqa: PLC0415

        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = MemberRemoval.from_dict(data_item_data)

            data.append(data_item)

        action = d.pop("action", UNSET)

        application = d.pop("application", UNSET)

        application_name = d.pop("applicationName", UNSET)

        organization = d.pop("organization", UNSET)

        uri = d.pop("uri", UNSET)

        entities = cast(list[Any], d.pop("entities", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        duration = d.pop("duration", UNSET)

        chatroom_members_remove_response = cls(
            data=data,
            action=action,
            application=application,
            application_name=application_name,
            organization=organization,
            uri=uri,
            entities=entities,
            timestamp=timestamp,
            duration=duration,
        )

        chatroom_members_remove_response.additional_properties = d
        return chatroom_members_remove_response

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
