from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_out_route import ProposalOutRoute
from ..models.proposal_out_status import ProposalOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="ProposalOut")


@_attrs_define
class ProposalOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        amount (str):
        kind (str):
        title (str):
        activities (list[Any]):
        route (ProposalOutRoute):
        route_rule (str): the rule that decided the route: within_<tier>_standard, over_<tier>_standard,
            split_over_<tier>_standard (within the standard alone, but the project's standard proposals of the fiscal year,
            this one included, are over it), change_goes_national, not_a_tambon_project, tier_unknown,
            no_standard_for_<tier>
        tier (None | str):
        status (ProposalOutStatus):
        resolution (None | Resolution):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        created_by (str):
        created_at (datetime.datetime):
        fiscal_year (int | None | Unset): the Thai fiscal year (BE) it was proposed in
        route_total (None | str | Unset): the project's standard proposals (pending or approved) of that fiscal year,
            this one included: the sum the splitting rule compared with the tier's standard
    """

    id: UUID
    project_id: UUID
    amount: str
    kind: str
    title: str
    activities: list[Any]
    route: ProposalOutRoute
    route_rule: str
    tier: None | str
    status: ProposalOutStatus
    resolution: None | Resolution
    decided_by: None | str
    decided_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    fiscal_year: int | None | Unset = UNSET
    route_total: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.resolution import Resolution  # noqa: PLC0415

        id = str(self.id)

        project_id = str(self.project_id)

        amount = self.amount

        kind = self.kind

        title = self.title

        activities = self.activities

        route = self.route.value

        route_rule = self.route_rule

        tier: None | str
        tier = self.tier

        status = self.status.value

        resolution: dict[str, Any] | None
        if isinstance(self.resolution, Resolution):
            resolution = self.resolution.to_dict()
        else:
            resolution = self.resolution

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        fiscal_year: int | None | Unset
        if isinstance(self.fiscal_year, Unset):
            fiscal_year = UNSET
        else:
            fiscal_year = self.fiscal_year

        route_total: None | str | Unset
        if isinstance(self.route_total, Unset):
            route_total = UNSET
        else:
            route_total = self.route_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "amount": amount,
                "kind": kind,
                "title": title,
                "activities": activities,
                "route": route,
                "route_rule": route_rule,
                "tier": tier,
                "status": status,
                "resolution": resolution,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "created_by": created_by,
                "created_at": created_at,
            }
        )
        if fiscal_year is not UNSET:
            field_dict["fiscal_year"] = fiscal_year
        if route_total is not UNSET:
            field_dict["route_total"] = route_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        amount = d.pop("amount")

        kind = d.pop("kind")

        title = d.pop("title")

        activities = cast(list[Any], d.pop("activities"))

        route = ProposalOutRoute(d.pop("route"))

        route_rule = d.pop("route_rule")

        def _parse_tier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tier = _parse_tier(d.pop("tier"))

        status = ProposalOutStatus(d.pop("status"))

        def _parse_resolution(data: object) -> None | Resolution:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resolution_type_0 = Resolution.from_dict(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Resolution, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year", UNSET))

        def _parse_route_total(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        route_total = _parse_route_total(d.pop("route_total", UNSET))

        proposal_out = cls(
            id=id,
            project_id=project_id,
            amount=amount,
            kind=kind,
            title=title,
            activities=activities,
            route=route,
            route_rule=route_rule,
            tier=tier,
            status=status,
            resolution=resolution,
            decided_by=decided_by,
            decided_at=decided_at,
            created_by=created_by,
            created_at=created_at,
            fiscal_year=fiscal_year,
            route_total=route_total,
        )

        proposal_out.additional_properties = d
        return proposal_out

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
