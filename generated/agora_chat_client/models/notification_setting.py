from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.push_mode import PushMode

T = TypeVar("T", bound="NotificationSetting")


@_attrs_define
class NotificationSetting:
    """
    Attributes:
        type_ (PushMode): `DEFAULT` = inherit the app-level setting (meaningful for conversations), `ALL` = push
            every offline message, `AT` = only messages mentioning the user, `NONE` = no pushes.
        ignore_interval (str): The daily window as stored, `""` when none.
        ignore_duration (int): **Expiry timestamp** of the do-not-disturb period (Unix epoch, ms), not a duration; `0`
            when none is in effect.
    """

    type_: PushMode
    ignore_interval: str
    ignore_duration: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        ignore_interval = self.ignore_interval

        ignore_duration = self.ignore_duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "ignoreInterval": ignore_interval,
                "ignoreDuration": ignore_duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = PushMode(d.pop("type"))

        ignore_interval = d.pop("ignoreInterval")

        ignore_duration = d.pop("ignoreDuration")

        notification_setting = cls(
            type_=type_,
            ignore_interval=ignore_interval,
            ignore_duration=ignore_duration,
        )

        notification_setting.additional_properties = d
        return notification_setting

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
