from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tambon_out_tier import TambonOutTier

if TYPE_CHECKING:
    from ..models.criteria import Criteria


T = TypeVar("T", bound="TambonOut")


@_attrs_define
class TambonOut:
    """A network tambon with its place in the geography and the derived ``meets_model_criteria``.

    Attributes:
        code (str):
        name_th (str):
        name_en (str):
        district_code (str):
        province_code (str):
        region (str):
        tier (TambonOutTier):
        joined_on (datetime.date | None):
        villages_total (int):
        villages_with_plan (int):
        criteria (Criteria): The 7 selection criteria for model and pilot tambons (§1.1).
        meets_model_criteria (bool):
        tao_plan_integrated (bool):
        tao_funded (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    code: str
    name_th: str
    name_en: str
    district_code: str
    province_code: str
    region: str
    tier: TambonOutTier
    joined_on: datetime.date | None
    villages_total: int
    villages_with_plan: int
    criteria: Criteria
    meets_model_criteria: bool
    tao_plan_integrated: bool
    tao_funded: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        district_code = self.district_code

        province_code = self.province_code

        region = self.region

        tier = self.tier.value

        joined_on: None | str
        if isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        villages_total = self.villages_total

        villages_with_plan = self.villages_with_plan

        criteria = self.criteria.to_dict()

        meets_model_criteria = self.meets_model_criteria

        tao_plan_integrated = self.tao_plan_integrated

        tao_funded = self.tao_funded

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "district_code": district_code,
                "province_code": province_code,
                "region": region,
                "tier": tier,
                "joined_on": joined_on,
                "villages_total": villages_total,
                "villages_with_plan": villages_with_plan,
                "criteria": criteria,
                "meets_model_criteria": meets_model_criteria,
                "tao_plan_integrated": tao_plan_integrated,
                "tao_funded": tao_funded,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria import Criteria  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        district_code = d.pop("district_code")

        province_code = d.pop("province_code")

        region = d.pop("region")

        tier = TambonOutTier(d.pop("tier"))

        def _parse_joined_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_on_type_0 = datetime.date.fromisoformat(data)

                return joined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        joined_on = _parse_joined_on(d.pop("joined_on"))

        villages_total = d.pop("villages_total")

        villages_with_plan = d.pop("villages_with_plan")

        criteria = Criteria.from_dict(d.pop("criteria"))

        meets_model_criteria = d.pop("meets_model_criteria")

        tao_plan_integrated = d.pop("tao_plan_integrated")

        tao_funded = d.pop("tao_funded")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        tambon_out = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            district_code=district_code,
            province_code=province_code,
            region=region,
            tier=tier,
            joined_on=joined_on,
            villages_total=villages_total,
            villages_with_plan=villages_with_plan,
            criteria=criteria,
            meets_model_criteria=meets_model_criteria,
            tao_plan_integrated=tao_plan_integrated,
            tao_funded=tao_funded,
            created_at=created_at,
            updated_at=updated_at,
        )

        tambon_out.additional_properties = d
        return tambon_out

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
