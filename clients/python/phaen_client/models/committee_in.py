from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.committee_in_level import CommitteeInLevel
from ..models.committee_in_region_type_0 import CommitteeInRegionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitteeIn")


@_attrs_define
class CommitteeIn:
    """national: no place; regional: ``region``; provincial: ``province``; tambon: ``tambon``.

    Attributes:
        level (CommitteeInLevel):
        name (str):
        region (CommitteeInRegionType0 | None | Unset):
        province (None | str | Unset):
        tambon (None | str | Unset):
        zone_id (None | Unset | UUID):
    """

    level: CommitteeInLevel
    name: str
    region: CommitteeInRegionType0 | None | Unset = UNSET
    province: None | str | Unset = UNSET
    tambon: None | str | Unset = UNSET
    zone_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        name = self.name

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, CommitteeInRegionType0):
            region = self.region.value
        else:
            region = self.region

        province: None | str | Unset
        if isinstance(self.province, Unset):
            province = UNSET
        else:
            province = self.province

        tambon: None | str | Unset
        if isinstance(self.tambon, Unset):
            tambon = UNSET
        else:
            tambon = self.tambon

        zone_id: None | str | Unset
        if isinstance(self.zone_id, Unset):
            zone_id = UNSET
        elif isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "name": name,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region
        if province is not UNSET:
            field_dict["province"] = province
        if tambon is not UNSET:
            field_dict["tambon"] = tambon
        if zone_id is not UNSET:
            field_dict["zone_id"] = zone_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = CommitteeInLevel(d.pop("level"))

        name = d.pop("name")

        def _parse_region(data: object) -> CommitteeInRegionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = CommitteeInRegionType0(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommitteeInRegionType0 | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        province = _parse_province(d.pop("province", UNSET))

        def _parse_tambon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon = _parse_tambon(d.pop("tambon", UNSET))

        def _parse_zone_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id", UNSET))

        committee_in = cls(
            level=level,
            name=name,
            region=region,
            province=province,
            tambon=tambon,
            zone_id=zone_id,
        )

        return committee_in
