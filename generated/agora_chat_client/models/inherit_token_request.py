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

from ..types import UNSET, Unset

T = TypeVar("T", bound="InheritTokenRequest")


@_attrs_define
class InheritTokenRequest:
    """A user token by user ID alone; the request carries the app token in `Authorization`. Unknown fields are ignored.

    Attributes:
        grant_type (Literal['inherit']): Always `inherit` for this grant.
        username (str): The user ID (case-insensitive).
        auto_create_user (bool | Unset): Register the user first when it does not exist (without a password). Default:
            False.
        ttl (int | str | Unset): Validity in seconds; `0` = never expires; absent or `""` = the console default (60
            days). Sent as a number or a numeric string.
    """

    grant_type: Literal["inherit"]
    username: str
    auto_create_user: bool | Unset = False
    ttl: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        username = self.username

        auto_create_user = self.auto_create_user

        ttl: int | str | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        else:
            ttl = self.ttl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "username": username,
            }
        )
        if auto_create_user is not UNSET:
            field_dict["autoCreateUser"] = auto_create_user
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["inherit"], d.pop("grant_type"))
        if grant_type != "inherit":
            raise ValueError(f"grant_type must match const 'inherit', got '{grant_type}'")

        username = d.pop("username")

        auto_create_user = d.pop("autoCreateUser", UNSET)

        def _parse_ttl(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        ttl = _parse_ttl(d.pop("ttl", UNSET))

        inherit_token_request = cls(
            grant_type=grant_type,
            username=username,
            auto_create_user=auto_create_user,
            ttl=ttl,
        )

        inherit_token_request.additional_properties = d
        return inherit_token_request

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
