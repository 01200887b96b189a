from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PushBinding")


@_attrs_define
class PushBinding:
    """
    Attributes:
        device_id (str): The device's identifier.
        device_token (str): The push service's token.
        notifier_name (str): The push certificate name.
    """

    device_id: str
    device_token: str
    notifier_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        device_token = self.device_token

        notifier_name = self.notifier_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device_id": device_id,
                "device_token": device_token,
                "notifier_name": notifier_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        device_id = d.pop("device_id")

        device_token = d.pop("device_token")

        notifier_name = d.pop("notifier_name")

        push_binding = cls(
            device_id=device_id,
            device_token=device_token,
            notifier_name=notifier_name,
        )

        push_binding.additional_properties = d
        return push_binding

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
