from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.zone_out_region import ZoneOutRegion

T = TypeVar("T", bound="ZoneOut")


@_attrs_define
class ZoneOut:
    """
    Attributes:
        id (UUID):
        region (ZoneOutRegion):
        name (str):
        provinces (list[str]):
    """

    id: UUID
    region: ZoneOutRegion
    name: str
    provinces: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        region = self.region.value

        name = self.name

        provinces = self.provinces

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "region": region,
                "name": name,
                "provinces": provinces,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        region = ZoneOutRegion(d.pop("region"))

        name = d.pop("name")

        provinces = cast(list[str], d.pop("provinces"))

        zone_out = cls(
            id=id,
            region=region,
            name=name,
            provinces=provinces,
        )

        zone_out.additional_properties = d
        return zone_out

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
