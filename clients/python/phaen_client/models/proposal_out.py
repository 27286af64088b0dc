from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_out_route import ProposalOutRoute
from ..models.proposal_out_status import ProposalOutStatus

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
        route_rule (str): the rule that decided the route
        tier (None | str):
        status (ProposalOutStatus):
        resolution (None | Resolution):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        created_by (str):
        created_at (datetime.datetime):
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
