from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResolveItem")


@_attrs_define
class ResolveItem:
    """
    Attributes:
        code (str):
        name_th (str):
        name_en (str):
        district_code (str):
        district_name_th (str):
        province_code (str):
        score (float):
        match (str): exact, code, tone_marks, variant_spelling, fuzzy, abolished_name, abolished_code
    """

    code: str
    name_th: str
    name_en: str
    district_code: str
    district_name_th: str
    province_code: str
    score: float
    match: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        district_code = self.district_code

        district_name_th = self.district_name_th

        province_code = self.province_code

        score = self.score

        match = self.match

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "district_code": district_code,
                "district_name_th": district_name_th,
                "province_code": province_code,
                "score": score,
                "match": match,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        district_code = d.pop("district_code")

        district_name_th = d.pop("district_name_th")

        province_code = d.pop("province_code")

        score = d.pop("score")

        match = d.pop("match")

        resolve_item = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            district_code=district_code,
            district_name_th=district_name_th,
            province_code=province_code,
            score=score,
            match=match,
        )

        resolve_item.additional_properties = d
        return resolve_item

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
