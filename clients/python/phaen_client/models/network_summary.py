from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.network_summary_tier import NetworkSummaryTier

T = TypeVar("T", bound="NetworkSummary")


@_attrs_define
class NetworkSummary:
    """The subdistrict's enrolment in the network (see ``/tambons/{code}`` for everything).

    Attributes:
        tier (NetworkSummaryTier):
        joined_on (datetime.date | None):
        villages_total (int):
        villages_with_plan (int):
        meets_model_criteria (bool):
        tao_plan_integrated (bool):
        tao_funded (bool):
    """

    tier: NetworkSummaryTier
    joined_on: datetime.date | None
    villages_total: int
    villages_with_plan: int
    meets_model_criteria: bool
    tao_plan_integrated: bool
    tao_funded: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tier = self.tier.value

        joined_on: None | str
        if isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        villages_total = self.villages_total

        villages_with_plan = self.villages_with_plan

        meets_model_criteria = self.meets_model_criteria

        tao_plan_integrated = self.tao_plan_integrated

        tao_funded = self.tao_funded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tier": tier,
                "joined_on": joined_on,
                "villages_total": villages_total,
                "villages_with_plan": villages_with_plan,
                "meets_model_criteria": meets_model_criteria,
                "tao_plan_integrated": tao_plan_integrated,
                "tao_funded": tao_funded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tier = NetworkSummaryTier(d.pop("tier"))

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

        meets_model_criteria = d.pop("meets_model_criteria")

        tao_plan_integrated = d.pop("tao_plan_integrated")

        tao_funded = d.pop("tao_funded")

        network_summary = cls(
            tier=tier,
            joined_on=joined_on,
            villages_total=villages_total,
            villages_with_plan=villages_with_plan,
            meets_model_criteria=meets_model_criteria,
            tao_plan_integrated=tao_plan_integrated,
            tao_funded=tao_funded,
        )

        network_summary.additional_properties = d
        return network_summary

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
