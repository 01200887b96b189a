from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """The body of every non-200 response. `error` is a machine code (e.g. `unauthorized`,
    `auth_bad_access_token`, `illegal_argument`, `json_parse`, `service_resource_not_found`,
    `resource_not_found`, `forbidden_op`, `reach_limit`); `exception` names the server
    exception (e.g. `MetadataException`, `EntityNotFoundException`).

        Attributes:
            error (str): Machine-readable error code.
            exception (str): Server exception class.
            timestamp (int): Server time (Unix epoch, ms).
            duration (int): Processing time in ms.
            error_description (str): Human-readable message (the only field the Java SDK reads).
            error_code (int | Unset): Numeric code some chat-room attribute errors carry (e.g. 60011 = not in the room).
            desc (str | Unset): Extra description some errors carry.
    """

    error: str
    exception: str
    timestamp: int
    duration: int
    error_description: str
    error_code: int | Unset = UNSET
    desc: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        exception = self.exception

        timestamp = self.timestamp

        duration = self.duration

        error_description = self.error_description

        error_code = self.error_code

        desc = self.desc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "exception": exception,
                "timestamp": timestamp,
                "duration": duration,
                "error_description": error_description,
            }
        )
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if desc is not UNSET:
            field_dict["desc"] = desc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        exception = d.pop("exception")

        timestamp = d.pop("timestamp")

        duration = d.pop("duration")

        error_description = d.pop("error_description")

        error_code = d.pop("error_code", UNSET)

        desc = d.pop("desc", UNSET)

        error_response = cls(
            error=error,
            exception=exception,
            timestamp=timestamp,
            duration=duration,
            error_description=error_description,
            error_code=error_code,
            desc=desc,
        )

        error_response.additional_properties = d
        return error_response

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
