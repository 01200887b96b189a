from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.display_style import DisplayStyle
from ..models.display_style_string import DisplayStyleString
from ..types import UNSET, Unset

T = TypeVar("T", bound="PushProfileRequest")


@_attrs_define
class PushProfileRequest:
    """Every field optional; unknown fields are ignored.

    Attributes:
        nickname (str | Unset): Push nickname, at most 100 characters of any text.
        notification_display_style (DisplayStyle | DisplayStyleString | Unset): `0` or `1`, as a number or a string.
        notification_no_disturbing (bool | Unset): Legacy hour-based do-not-disturb switch.
        notification_no_disturbing_start (int | str | Unset): Legacy do-not-disturb hour 0–23, as a string (`""` when
            disabling) or a number.
        notification_no_disturbing_end (int | str | Unset): Legacy do-not-disturb hour 0–23, as a string (`""` when
            disabling) or a number.
    """

    nickname: str | Unset = UNSET
    notification_display_style: DisplayStyle | DisplayStyleString | Unset = UNSET
    notification_no_disturbing: bool | Unset = UNSET
    notification_no_disturbing_start: int | str | Unset = UNSET
    notification_no_disturbing_end: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nickname = self.nickname

        notification_display_style: int | str | Unset
        if isinstance(self.notification_display_style, Unset):
            notification_display_style = UNSET
        elif isinstance(self.notification_display_style, DisplayStyle):
            notification_display_style = self.notification_display_style.value
        else:
            notification_display_style = self.notification_display_style.value

        notification_no_disturbing = self.notification_no_disturbing

        notification_no_disturbing_start: int | str | Unset
        if isinstance(self.notification_no_disturbing_start, Unset):
            notification_no_disturbing_start = UNSET
        else:
            notification_no_disturbing_start = self.notification_no_disturbing_start

        notification_no_disturbing_end: int | str | Unset
        if isinstance(self.notification_no_disturbing_end, Unset):
            notification_no_disturbing_end = UNSET
        else:
            notification_no_disturbing_end = self.notification_no_disturbing_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if notification_display_style is not UNSET:
            field_dict["notification_display_style"] = notification_display_style
        if notification_no_disturbing is not UNSET:
            field_dict["notification_no_disturbing"] = notification_no_disturbing
        if notification_no_disturbing_start is not UNSET:
            field_dict["notification_no_disturbing_start"] = notification_no_disturbing_start
        if notification_no_disturbing_end is not UNSET:
            field_dict["notification_no_disturbing_end"] = notification_no_disturbing_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nickname = d.pop("nickname", UNSET)

        def _parse_notification_display_style(data: object) -> DisplayStyle | DisplayStyleString | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                notification_display_style_type_0 = DisplayStyle(data)

                return notification_display_style_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            notification_display_style_type_1 = DisplayStyleString(data)

            return notification_display_style_type_1

        notification_display_style = _parse_notification_display_style(d.pop("notification_display_style", UNSET))

        notification_no_disturbing = d.pop("notification_no_disturbing", UNSET)

        def _parse_notification_no_disturbing_start(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        notification_no_disturbing_start = _parse_notification_no_disturbing_start(
            d.pop("notification_no_disturbing_start", UNSET)
        )

        def _parse_notification_no_disturbing_end(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        notification_no_disturbing_end = _parse_notification_no_disturbing_end(
            d.pop("notification_no_disturbing_end", UNSET)
        )

        push_profile_request = cls(
            nickname=nickname,
            notification_display_style=notification_display_style,
            notification_no_disturbing=notification_no_disturbing,
            notification_no_disturbing_start=notification_no_disturbing_start,
            notification_no_disturbing_end=notification_no_disturbing_end,
        )

        push_profile_request.additional_properties = d
        return push_profile_request

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
