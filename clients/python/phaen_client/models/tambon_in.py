from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tambon_in_tier import TambonInTier
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.criteria import Criteria


T = TypeVar("T", bound="TambonIn")


@_attrs_define
class TambonIn:
    """Enrol a tambon in the network or update it.

    Attributes:
        tier (TambonInTier):
        joined_on (datetime.date | None | Unset):
        villages_total (int | Unset):  Default: 0.
        villages_with_plan (int | Unset):  Default: 0.
        criteria (Criteria | Unset): The 7 selection criteria for model and pilot tambons (§1.1).
        tao_plan_integrated (bool | Unset):  Default: False.
        tao_funded (bool | Unset):  Default: False.
    """

    tier: TambonInTier
    joined_on: datetime.date | None | Unset = UNSET
    villages_total: int | Unset = 0
    villages_with_plan: int | Unset = 0
    criteria: Criteria | Unset = UNSET
    tao_plan_integrated: bool | Unset = False
    tao_funded: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        tier = self.tier.value

        joined_on: None | str | Unset
        if isinstance(self.joined_on, Unset):
            joined_on = UNSET
        elif isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        villages_total = self.villages_total

        villages_with_plan = self.villages_with_plan

        criteria: dict[str, Any] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = self.criteria.to_dict()

        tao_plan_integrated = self.tao_plan_integrated

        tao_funded = self.tao_funded

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tier": tier,
            }
        )
        if joined_on is not UNSET:
            field_dict["joined_on"] = joined_on
        if villages_total is not UNSET:
            field_dict["villages_total"] = villages_total
        if villages_with_plan is not UNSET:
            field_dict["villages_with_plan"] = villages_with_plan
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if tao_plan_integrated is not UNSET:
            field_dict["tao_plan_integrated"] = tao_plan_integrated
        if tao_funded is not UNSET:
            field_dict["tao_funded"] = tao_funded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria import Criteria  # noqa: PLC0415

        d = dict(src_dict)
        tier = TambonInTier(d.pop("tier"))

        def _parse_joined_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_on_type_0 = datetime.date.fromisoformat(data)

                return joined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        joined_on = _parse_joined_on(d.pop("joined_on", UNSET))

        villages_total = d.pop("villages_total", UNSET)

        villages_with_plan = d.pop("villages_with_plan", UNSET)

        _criteria = d.pop("criteria", UNSET)
        criteria: Criteria | Unset
        if isinstance(_criteria, Unset):
            criteria = UNSET
        else:
            criteria = Criteria.from_dict(_criteria)

        tao_plan_integrated = d.pop("tao_plan_integrated", UNSET)

        tao_funded = d.pop("tao_funded", UNSET)

        tambon_in = cls(
            tier=tier,
            joined_on=joined_on,
            villages_total=villages_total,
            villages_with_plan=villages_with_plan,
            criteria=criteria,
            tao_plan_integrated=tao_plan_integrated,
            tao_funded=tao_funded,
        )

        return tambon_in
