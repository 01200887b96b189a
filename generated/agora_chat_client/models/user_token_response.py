from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="UserTokenResponse")


@_attrs_define
class UserTokenResponse:
    """
    Attributes:
        access_token (str): The user token, sent as `Authorization: Bearer <access_token>` (scheme `userToken`).
        expires_in (int): Validity in seconds; `0` means the token never expires.
        user (User): A user entity. The push fields appear only once set. Legacy per-group mute flags
            (`notification_ignore_<group ID>`, booleans) may appear as extra keys.
    """

    access_token: str
    expires_in: int
    user: User
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        user = User.from_dict(d.pop("user"))

        user_token_response = cls(
            access_token=access_token,
            expires_in=expires_in,
            user=user,
        )

        user_token_response.additional_properties = d
        return user_token_response

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
