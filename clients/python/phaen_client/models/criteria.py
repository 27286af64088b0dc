from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Criteria")


@_attrs_define
class Criteria:
    """The 7 selection criteria for model and pilot tambons (§1.1).

    Attributes:
        plans_80pct (bool | Unset): (1) plans in all villages or at least 80 % Default: False.
        facilitator_team (bool | Unset): (2) a tambon facilitator team Default: False.
        joint_plans (bool | Unset): (3) plans made with local partners Default: False.
        ongoing_activities (bool | Unset): (4) ongoing activities Default: False.
        linked_tao (bool | Unset): (5) linked with the TAO Default: False.
        tao_support (bool | Unset): (6) the TAO supports plan activities concretely Default: False.
        spread (bool | Unset): (7) spread to neighbouring tambons Default: False.
    """

    plans_80pct: bool | Unset = False
    facilitator_team: bool | Unset = False
    joint_plans: bool | Unset = False
    ongoing_activities: bool | Unset = False
    linked_tao: bool | Unset = False
    tao_support: bool | Unset = False
    spread: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        plans_80pct = self.plans_80pct

        facilitator_team = self.facilitator_team

        joint_plans = self.joint_plans

        ongoing_activities = self.ongoing_activities

        linked_tao = self.linked_tao

        tao_support = self.tao_support

        spread = self.spread

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if plans_80pct is not UNSET:
            field_dict["plans_80pct"] = plans_80pct
        if facilitator_team is not UNSET:
            field_dict["facilitator_team"] = facilitator_team
        if joint_plans is not UNSET:
            field_dict["joint_plans"] = joint_plans
        if ongoing_activities is not UNSET:
            field_dict["ongoing_activities"] = ongoing_activities
        if linked_tao is not UNSET:
            field_dict["linked_tao"] = linked_tao
        if tao_support is not UNSET:
            field_dict["tao_support"] = tao_support
        if spread is not UNSET:
            field_dict["spread"] = spread

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plans_80pct = d.pop("plans_80pct", UNSET)

        facilitator_team = d.pop("facilitator_team", UNSET)

        joint_plans = d.pop("joint_plans", UNSET)

        ongoing_activities = d.pop("ongoing_activities", UNSET)

        linked_tao = d.pop("linked_tao", UNSET)

        tao_support = d.pop("tao_support", UNSET)

        spread = d.pop("spread", UNSET)

        criteria = cls(
            plans_80pct=plans_80pct,
            facilitator_team=facilitator_team,
            joint_plans=joint_plans,
            ongoing_activities=ongoing_activities,
            linked_tao=linked_tao,
            tao_support=tao_support,
            spread=spread,
        )

        return criteria
