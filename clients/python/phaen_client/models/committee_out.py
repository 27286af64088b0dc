from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.committee_out_level import CommitteeOutLevel
from ..models.committee_out_region_type_0 import CommitteeOutRegionType0

if TYPE_CHECKING:
    from ..models.member_out import MemberOut


T = TypeVar("T", bound="CommitteeOut")


@_attrs_define
class CommitteeOut:
    """
    Attributes:
        id (UUID):
        level (CommitteeOutLevel):
        name (str):
        region (CommitteeOutRegionType0 | None):
        province (None | str):
        tambon (None | str):
        zone_id (None | UUID):
        members (list[MemberOut]):
        created_at (datetime.datetime):
    """

    id: UUID
    level: CommitteeOutLevel
    name: str
    region: CommitteeOutRegionType0 | None
    province: None | str
    tambon: None | str
    zone_id: None | UUID
    members: list[MemberOut]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        level = self.level.value

        name = self.name

        region: None | str
        if isinstance(self.region, CommitteeOutRegionType0):
            region = self.region.value
        else:
            region = self.region

        province: None | str
        province = self.province

        tambon: None | str
        tambon = self.tambon

        zone_id: None | str
        if isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "level": level,
                "name": name,
                "region": region,
                "province": province,
                "tambon": tambon,
                "zone_id": zone_id,
                "members": members,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_out import MemberOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        level = CommitteeOutLevel(d.pop("level"))

        name = d.pop("name")

        def _parse_region(data: object) -> CommitteeOutRegionType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = CommitteeOutRegionType0(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommitteeOutRegionType0 | None, data)

        region = _parse_region(d.pop("region"))

        def _parse_province(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        province = _parse_province(d.pop("province"))

        def _parse_tambon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tambon = _parse_tambon(d.pop("tambon"))

        def _parse_zone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberOut.from_dict(members_item_data)

            members.append(members_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        committee_out = cls(
            id=id,
            level=level,
            name=name,
            region=region,
            province=province,
            tambon=tambon,
            zone_id=zone_id,
            members=members,
            created_at=created_at,
        )

        committee_out.additional_properties = d
        return committee_out

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
