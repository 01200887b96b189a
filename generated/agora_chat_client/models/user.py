from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.display_style import DisplayStyle
from ..models.user_entity_type import UserEntityType
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A user entity. The push fields appear only once set. Legacy per-group mute flags
    (`notification_ignore_<group ID>`, booleans) may appear as extra keys.

        Attributes:
            uuid (str): Internal UUID of the user.
            type_ (UserEntityType): Always `user`.
            created (int): Registration time (Unix epoch, ms).
            modified (int): Last modification time (Unix epoch, ms).
            username (str): User ID (lower-case).
            activated (bool): `true` = active, `false` = banned.
            nickname (str | Unset): Push nickname.
            notification_display_style (DisplayStyle | Unset): `0` = only "You have a new message"; `1` = also the sender's
                nickname and the message text.
            notifier_name (str | Unset): Push certificate name of the user's device binding.
            device_token (str | Unset): Device push token.
            notification_no_disturbing (bool | Unset): Legacy hour-based do-not-disturb switch.
            notification_no_disturbing_start (str | Unset): Legacy do-not-disturb start hour, as a string.
            notification_no_disturbing_end (str | Unset): Legacy do-not-disturb end hour, as a string.
    """

    uuid: str
    type_: UserEntityType
    created: int
    modified: int
    username: str
    activated: bool
    nickname: str | Unset = UNSET
    notification_display_style: DisplayStyle | Unset = UNSET
    notifier_name: str | Unset = UNSET
    device_token: str | Unset = UNSET
    notification_no_disturbing: bool | Unset = UNSET
    notification_no_disturbing_start: str | Unset = UNSET
    notification_no_disturbing_end: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        type_ = self.type_.value

        created = self.created

        modified = self.modified

        username = self.username

        activated = self.activated

        nickname = self.nickname

        notification_display_style: int | Unset = UNSET
        if not isinstance(self.notification_display_style, Unset):
            notification_display_style = self.notification_display_style.value

        notifier_name = self.notifier_name

        device_token = self.device_token

        notification_no_disturbing = self.notification_no_disturbing

        notification_no_disturbing_start = self.notification_no_disturbing_start

        notification_no_disturbing_end = self.notification_no_disturbing_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "type": type_,
                "created": created,
                "modified": modified,
                "username": username,
                "activated": activated,
            }
        )
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if notification_display_style is not UNSET:
            field_dict["notification_display_style"] = notification_display_style
        if notifier_name is not UNSET:
            field_dict["notifier_name"] = notifier_name
        if device_token is not UNSET:
            field_dict["device_token"] = device_token
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
        uuid = d.pop("uuid")

        type_ = UserEntityType(d.pop("type"))

        created = d.pop("created")

        modified = d.pop("modified")

        username = d.pop("username")

        activated = d.pop("activated")

        nickname = d.pop("nickname", UNSET)

        _notification_display_style = d.pop("notification_display_style", UNSET)
        notification_display_style: DisplayStyle | Unset
        if isinstance(_notification_display_style, Unset):
            notification_display_style = UNSET
        else:
            notification_display_style = DisplayStyle(_notification_display_style)

        notifier_name = d.pop("notifier_name", UNSET)

        device_token = d.pop("device_token", UNSET)

        notification_no_disturbing = d.pop("notification_no_disturbing", UNSET)

        notification_no_disturbing_start = d.pop("notification_no_disturbing_start", UNSET)

        notification_no_disturbing_end = d.pop("notification_no_disturbing_end", UNSET)

        user = cls(
            uuid=uuid,
            type_=type_,
            created=created,
            modified=modified,
            username=username,
            activated=activated,
            nickname=nickname,
            notification_display_style=notification_display_style,
            notifier_name=notifier_name,
            device_token=device_token,
            notification_no_disturbing=notification_no_disturbing,
            notification_no_disturbing_start=notification_no_disturbing_start,
            notification_no_disturbing_end=notification_no_disturbing_end,
        )

        user.additional_properties = d
        return user

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
