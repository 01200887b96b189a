from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RegistrationFailure")


@_attrs_define
class RegistrationFailure:
    """
    Attributes:
        username (str): The user that was not created.
        register_user_fail_reason (str): Why, e.g. `the bob already exists`.
    """

    username: str
    register_user_fail_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        register_user_fail_reason = self.register_user_fail_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "registerUserFailReason": register_user_fail_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        register_user_fail_reason = d.pop("registerUserFailReason")

        registration_failure = cls(
            username=username,
            register_user_fail_reason=register_user_fail_reason,
        )

        registration_failure.additional_properties = d
        return registration_failure

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
