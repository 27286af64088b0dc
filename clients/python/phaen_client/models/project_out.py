from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_out_status import ProjectOutStatus

T = TypeVar("T", bound="ProjectOut")


@_attrs_define
class ProjectOut:
    """
    Attributes:
        id (UUID):
        grant_id (UUID):
        line_no (int):
        name (str):
        level (str):
        region (None | str):
        tambon (None | str):
        tier (None | str): tambon tier snapshot from the registry
        amount (None | str):
        tranches (list[str]):
        status (ProjectOutStatus):
        status_reason (None | str):
        status_changed_by (None | str):
        status_changed_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: UUID
    grant_id: UUID
    line_no: int
    name: str
    level: str
    region: None | str
    tambon: None | str
    tier: None | str
    amount: None | str
    tranches: list[str]
    status: ProjectOutStatus
    status_reason: None | str
    status_changed_by: None | str
    status_changed_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        grant_id = str(self.grant_id)

        line_no = self.line_no

        name = self.name

        level = self.level

        region: None | str
        region = self.region

        tambon: None | str
        tambon = self.tambon

        tier: None | str
        tier = self.tier

        amount: None | str
        amount = self.amount

        tranches = self.tranches

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        status_changed_by: None | str
        status_changed_by = self.status_changed_by

        status_changed_at: None | str
        if isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "line_no": line_no,
                "name": name,
                "level": level,
                "region": region,
                "tambon": tambon,
                "tier": tier,
                "amount": amount,
                "tranches": tranches,
                "status": status,
                "status_reason": status_reason,
                "status_changed_by": status_changed_by,
                "status_changed_at": status_changed_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        grant_id = UUID(d.pop("grant_id"))

        line_no = d.pop("line_no")

        name = d.pop("name")

        level = d.pop("level")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_tambon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tambon = _parse_tambon(d.pop("tambon"))

        def _parse_tier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tier = _parse_tier(d.pop("tier"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        tranches = cast(list[str], d.pop("tranches"))

        status = ProjectOutStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_status_changed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_changed_by = _parse_status_changed_by(d.pop("status_changed_by"))

        def _parse_status_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        project_out = cls(
            id=id,
            grant_id=grant_id,
            line_no=line_no,
            name=name,
            level=level,
            region=region,
            tambon=tambon,
            tier=tier,
            amount=amount,
            tranches=tranches,
            status=status,
            status_reason=status_reason,
            status_changed_by=status_changed_by,
            status_changed_at=status_changed_at,
            created_at=created_at,
        )

        project_out.additional_properties = d
        return project_out

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
