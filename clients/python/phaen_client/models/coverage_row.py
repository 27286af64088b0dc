from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoverageRow")


@_attrs_define
class CoverageRow:
    """
    Attributes:
        region (str):
        name_th (str | Unset):  Default: ''.
        model (int | Unset):  Default: 0.
        pilot (int | Unset):  Default: 0.
        expansion (int | Unset):  Default: 0.
        tambons (int | Unset):  Default: 0.
        districts (int | Unset):  Default: 0.
        provinces (int | Unset):  Default: 0.
        tao_plan_integrated (int | Unset):  Default: 0.
        tao_funded (int | Unset):  Default: 0.
    """

    region: str
    name_th: str | Unset = ""
    model: int | Unset = 0
    pilot: int | Unset = 0
    expansion: int | Unset = 0
    tambons: int | Unset = 0
    districts: int | Unset = 0
    provinces: int | Unset = 0
    tao_plan_integrated: int | Unset = 0
    tao_funded: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        name_th = self.name_th

        model = self.model

        pilot = self.pilot

        expansion = self.expansion

        tambons = self.tambons

        districts = self.districts

        provinces = self.provinces

        tao_plan_integrated = self.tao_plan_integrated

        tao_funded = self.tao_funded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
            }
        )
        if name_th is not UNSET:
            field_dict["name_th"] = name_th
        if model is not UNSET:
            field_dict["model"] = model
        if pilot is not UNSET:
            field_dict["pilot"] = pilot
        if expansion is not UNSET:
            field_dict["expansion"] = expansion
        if tambons is not UNSET:
            field_dict["tambons"] = tambons
        if districts is not UNSET:
            field_dict["districts"] = districts
        if provinces is not UNSET:
            field_dict["provinces"] = provinces
        if tao_plan_integrated is not UNSET:
            field_dict["tao_plan_integrated"] = tao_plan_integrated
        if tao_funded is not UNSET:
            field_dict["tao_funded"] = tao_funded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = d.pop("region")

        name_th = d.pop("name_th", UNSET)

        model = d.pop("model", UNSET)

        pilot = d.pop("pilot", UNSET)

        expansion = d.pop("expansion", UNSET)

        tambons = d.pop("tambons", UNSET)

        districts = d.pop("districts", UNSET)

        provinces = d.pop("provinces", UNSET)

        tao_plan_integrated = d.pop("tao_plan_integrated", UNSET)

        tao_funded = d.pop("tao_funded", UNSET)

        coverage_row = cls(
            region=region,
            name_th=name_th,
            model=model,
            pilot=pilot,
            expansion=expansion,
            tambons=tambons,
            districts=districts,
            provinces=provinces,
            tao_plan_integrated=tao_plan_integrated,
            tao_funded=tao_funded,
        )

        coverage_row.additional_properties = d
        return coverage_row

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
