from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.zone_in_region import ZoneInRegion
from ..types import UNSET, Unset

T = TypeVar("T", bound="ZoneIn")


@_attrs_define
class ZoneIn:
    """A zone inside a region and the provinces it groups.

    Attributes:
        region (ZoneInRegion):
        name (str):
        provinces (list[str] | Unset):
    """

    region: ZoneInRegion
    name: str
    provinces: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        name = self.name

        provinces: list[str] | Unset = UNSET
        if not isinstance(self.provinces, Unset):
            provinces = self.provinces

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
                "name": name,
            }
        )
        if provinces is not UNSET:
            field_dict["provinces"] = provinces

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = ZoneInRegion(d.pop("region"))

        name = d.pop("name")

        provinces = cast(list[str], d.pop("provinces", UNSET))

        zone_in = cls(
            region=region,
            name=name,
            provinces=provinces,
        )

        return zone_in
