from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.push_mode import PushMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationSettingRequest")


@_attrs_define
class NotificationSettingRequest:
    """Every field optional; `""` and `0` mean "not set" and leave the stored value unchanged.

    Attributes:
        type_ (Literal[''] | PushMode | Unset): Push mode, or `""` for not set.
        ignore_interval (str | Unset): Daily do-not-disturb window `H:M-H:M` (app level only), or `""` for not set.
        ignore_duration (int | Unset): Do-not-disturb period in ms from now (at most 7 days); `0` = not set.
    """

    type_: Literal[""] | PushMode | Unset = UNSET
    ignore_interval: str | Unset = UNSET
    ignore_duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: Literal[""] | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, PushMode):
            type_ = self.type_.value
        else:
            type_ = self.type_

        ignore_interval = self.ignore_interval

        ignore_duration = self.ignore_duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if ignore_interval is not UNSET:
            field_dict["ignoreInterval"] = ignore_interval
        if ignore_duration is not UNSET:
            field_dict["ignoreDuration"] = ignore_duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_type_(data: object) -> Literal[""] | PushMode | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = PushMode(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            type_type_1 = cast(Literal[""], data)
            if type_type_1 != "":
                raise ValueError(f"type_type_1 must match const '', got '{type_type_1}'")
            return type_type_1

        type_ = _parse_type_(d.pop("type", UNSET))

        ignore_interval = d.pop("ignoreInterval", UNSET)

        ignore_duration = d.pop("ignoreDuration", UNSET)

        notification_setting_request = cls(
            type_=type_,
            ignore_interval=ignore_interval,
            ignore_duration=ignore_duration,
        )

        notification_setting_request.additional_properties = d
        return notification_setting_request

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
