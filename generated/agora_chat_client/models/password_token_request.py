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

T = TypeVar("T", bound="PasswordTokenRequest")


@_attrs_define
class PasswordTokenRequest:
    """A user token by user ID and password. Unknown fields are ignored.

    Attributes:
        grant_type (Literal['password']): Always `password` for this grant.
        username (str): The user ID (case-insensitive).
        password (str): The password the user was registered with.
        ttl (int | str | Unset): Validity in seconds; `0` = never expires; absent or `""` = the console default (60
            days). Sent as a number or a numeric string.
    """

    grant_type: Literal["password"]
    username: str
    password: str
    ttl: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        username = self.username

        password = self.password

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
                "password": password,
            }
        )
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = cast(Literal["password"], d.pop("grant_type"))
        if grant_type != "password":
            raise ValueError(f"grant_type must match const 'password', got '{grant_type}'")

        username = d.pop("username")

        password = d.pop("password")

        def _parse_ttl(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        ttl = _parse_ttl(d.pop("ttl", UNSET))

        password_token_request = cls(
            grant_type=grant_type,
            username=username,
            password=password,
            ttl=ttl,
        )

        password_token_request.additional_properties = d
        return password_token_request

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
