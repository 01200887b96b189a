from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_affiliation import MemberAffiliation
    from ..models.owner_affiliation import OwnerAffiliation


T = TypeVar("T", bound="Chatroom")


@_attrs_define
class Chatroom:
    """
    Attributes:
        id (str): Room ID.
        name (str): Room name.
        description (str): Room description.
        maxusers (int): Maximum number of members, owner included.
        owner (str): The owner's username.
        created (int): Creation time (Unix epoch, ms).
        affiliations_count (int): Number of affiliations, owner included.
        affiliations (list[MemberAffiliation | OwnerAffiliation]): Owner and members (order not guaranteed).
        membersonly (bool | Unset): Whether joining needs approval.
        allowinvites (bool | Unset): Whether members may invite.
        custom (str | Unset): Extension text, `""` when unset.
        mute (bool | Unset): Whether all members are muted.
        public (bool | Unset): Reserved; `true`.
        disabled (bool | Unset): Whether the room is disabled. Seen in one raw reply quoted by a Web SDK design note
            only (low weight); the emulator does not send it (decision D50).
    """

    id: str
    name: str
    description: str
    maxusers: int
    owner: str
    created: int
    affiliations_count: int
    affiliations: list[MemberAffiliation | OwnerAffiliation]
    membersonly: bool | Unset = UNSET
    allowinvites: bool | Unset = UNSET
    custom: str | Unset = UNSET
    mute: bool | Unset = UNSET
    public: bool | Unset = UNSET
    disabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.owner_affiliation import OwnerAffiliation  # noqa: PLC0415

        id = self.id

        name = self.name

        description = self.description

        maxusers = self.maxusers

        owner = self.owner

        created = self.created

        affiliations_count = self.affiliations_count

        affiliations = []
        for affiliations_item_data in self.affiliations:
            affiliations_item: dict[str, Any]
            if isinstance(affiliations_item_data, OwnerAffiliation):
                affiliations_item = affiliations_item_data.to_dict()
            else:
                affiliations_item = affiliations_item_data.to_dict()

            affiliations.append(affiliations_item)

        membersonly = self.membersonly

        allowinvites = self.allowinvites

        custom = self.custom

        mute = self.mute

        public = self.public

        disabled = self.disabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "maxusers": maxusers,
                "owner": owner,
                "created": created,
                "affiliations_count": affiliations_count,
                "affiliations": affiliations,
            }
        )
        if membersonly is not UNSET:
            field_dict["membersonly"] = membersonly
        if allowinvites is not UNSET:
            field_dict["allowinvites"] = allowinvites
        if custom is not UNSET:
            field_dict["custom"] = custom
        if mute is not UNSET:
            field_dict["mute"] = mute
        if public is not UNSET:
            field_dict["public"] = public
        if disabled is not UNSET:
            field_dict["disabled"] = disabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_affiliation import MemberAffiliation  # noqa: PLC0415
        from ..models.owner_affiliation import OwnerAffiliation  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        maxusers = d.pop("maxusers")

        owner = d.pop("owner")

        created = d.pop("created")

        affiliations_count = d.pop("affiliations_count")

        affiliations = []
        _affiliations = d.pop("affiliations")
        for affiliations_item_data in _affiliations:

            def _parse_affiliations_item(data: object) -> MemberAffiliation | OwnerAffiliation:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_affiliation_type_0 = OwnerAffiliation.from_dict(data)

                    return componentsschemas_affiliation_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_affiliation_type_1 = MemberAffiliation.from_dict(data)

                return componentsschemas_affiliation_type_1

            affiliations_item = _parse_affiliations_item(affiliations_item_data)

            affiliations.append(affiliations_item)

        membersonly = d.pop("membersonly", UNSET)

        allowinvites = d.pop("allowinvites", UNSET)

        custom = d.pop("custom", UNSET)

        mute = d.pop("mute", UNSET)

        public = d.pop("public", UNSET)

        disabled = d.pop("disabled", UNSET)

        chatroom = cls(
            id=id,
            name=name,
            description=description,
            maxusers=maxusers,
            owner=owner,
            created=created,
            affiliations_count=affiliations_count,
            affiliations=affiliations,
            membersonly=membersonly,
            allowinvites=allowinvites,
            custom=custom,
            mute=mute,
            public=public,
            disabled=disabled,
        )

        chatroom.additional_properties = d
        return chatroom

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
