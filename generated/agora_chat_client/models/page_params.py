from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PageParams")


@_attrs_define
class PageParams:
    """Echo of the paging query, each value as an array of strings.

    Attributes:
        pagenum (list[str] | Unset): The `pagenum` query value.
        pagesize (list[str] | Unset): The `pagesize` query value.
    """

    pagenum: list[str] | Unset = UNSET
    pagesize: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pagenum: list[str] | Unset = UNSET
        if not isinstance(self.pagenum, Unset):
            pagenum = self.pagenum

        pagesize: list[str] | Unset = UNSET
        if not isinstance(self.pagesize, Unset):
            pagesize = self.pagesize

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pagenum is not UNSET:
            field_dict["pagenum"] = pagenum
        if pagesize is not UNSET:
            field_dict["pagesize"] = pagesize

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pagenum = cast(list[str], d.pop("pagenum", UNSET))

        pagesize = cast(list[str], d.pop("pagesize", UNSET))

        page_params = cls(
            pagenum=pagenum,
            pagesize=pagesize,
        )

        page_params.additional_properties = d
        return page_params

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
