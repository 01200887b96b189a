from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PushTemplateRequest")


@_attrs_define
class PushTemplateRequest:
    """
    Attributes:
        name (str): Template name, 1–64 characters of `A-Z a-z 0-9`.
        title_pattern (str): Title text with optional variables and `{n}` placeholders.
        content_pattern (str): Content text with optional variables and `{n}` placeholders.
    """

    name: str
    title_pattern: str
    content_pattern: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title_pattern = self.title_pattern

        content_pattern = self.content_pattern

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title_pattern": title_pattern,
                "content_pattern": content_pattern,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        title_pattern = d.pop("title_pattern")

        content_pattern = d.pop("content_pattern")

        push_template_request = cls(
            name=name,
            title_pattern=title_pattern,
            content_pattern=content_pattern,
        )

        push_template_request.additional_properties = d
        return push_template_request

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
