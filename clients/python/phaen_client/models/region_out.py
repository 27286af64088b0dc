from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.region_out_code import RegionOutCode

T = TypeVar("T", bound="RegionOut")


@_attrs_define
class RegionOut:
    """
    Attributes:
        code (RegionOutCode):
        name_th (str):
        name_en (str):
        province_count (int):
    """

    code: RegionOutCode
    name_th: str
    name_en: str
    province_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        name_th = self.name_th

        name_en = self.name_en

        province_count = self.province_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "province_count": province_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = RegionOutCode(d.pop("code"))

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        province_count = d.pop("province_count")

        region_out = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            province_count=province_count,
        )

        region_out.additional_properties = d
        return region_out

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
