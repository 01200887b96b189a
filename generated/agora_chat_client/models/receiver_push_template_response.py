from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receiver_push_template import ReceiverPushTemplate


T = TypeVar("T", bound="ReceiverPushTemplateResponse")


@_attrs_define
class ReceiverPushTemplateResponse:
    """
    Attributes:
        data (ReceiverPushTemplate):
        action (str | Unset): The request method in lower case.
        application (str | Unset): The app's internal UUID.
        application_name (str | Unset): The app name.
        organization (str | Unset): The organization name.
        path (str | Unset): Coarse resource path, e.g. `/users`.
        uri (str | Unset): Request URL (not always the exact one).
        timestamp (int | Unset): Server time when the request was received (Unix epoch, ms).
        duration (int | Unset): Processing time in ms.
    """

    data: ReceiverPushTemplate
    action: str | Unset = UNSET
    application: str | Unset = UNSET
    application_name: str | Unset = UNSET
    organization: str | Unset = UNSET
    path: str | Unset = UNSET
    uri: str | Unset = UNSET
    timestamp: int | Unset = UNSET
    duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        action = self.action

        application = self.application

        application_name = self.application_name

        organization = self.organization

        path = self.path

        uri = self.uri

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
        if path is not UNSET:
            field_dict["path"] = path
        if uri is not UNSET:
            field_dict["uri"] = uri
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receiver_push_template import ReceiverPushTemplate  # noqa: PLC0415

        d = dict(src_dict)
        data = ReceiverPushTemplate.from_dict(d.pop("data"))

        action = d.pop("action", UNSET)

        application = d.pop("application", UNSET)

        application_name = d.pop("applicationName", UNSET)

        organization = d.pop("organization", UNSET)

        path = d.pop("path", UNSET)

        uri = d.pop("uri", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        duration = d.pop("duration", UNSET)

        receiver_push_template_response = cls(
            data=data,
            action=action,
            application=application,
            application_name=application_name,
            organization=organization,
            path=path,
            uri=uri,
            timestamp=timestamp,
            duration=duration,
        )

        receiver_push_template_response.additional_properties = d
        return receiver_push_template_response

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
