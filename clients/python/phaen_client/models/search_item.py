from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_item_level import SearchItemLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchItem")


@_attrs_define
class SearchItem:
    """
    Attributes:
        level (SearchItemLevel):
        code (str):
        name_th (str):
        name_en (str):
        province_code (str):
        district_code (None | str | Unset):
    """

    level: SearchItemLevel
    code: str
    name_th: str
    name_en: str
    province_code: str
    district_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        province_code = self.province_code

        district_code: None | str | Unset
        if isinstance(self.district_code, Unset):
            district_code = UNSET
        else:
            district_code = self.district_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "province_code": province_code,
            }
        )
        if district_code is not UNSET:
            field_dict["district_code"] = district_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = SearchItemLevel(d.pop("level"))

        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        province_code = d.pop("province_code")

        def _parse_district_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        district_code = _parse_district_code(d.pop("district_code", UNSET))

        search_item = cls(
            level=level,
            code=code,
            name_th=name_th,
            name_en=name_en,
            province_code=province_code,
            district_code=district_code,
        )

        search_item.additional_properties = d
        return search_item

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
