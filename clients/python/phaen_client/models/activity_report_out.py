from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_report_out_details import ActivityReportOutDetails


T = TypeVar("T", bound="ActivityReportOut")


@_attrs_define
class ActivityReportOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        tranche (int):
        summary (str):
        details (ActivityReportOutDetails):
        submitted_by (str):
        submitted_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    tranche: int
    summary: str
    details: ActivityReportOutDetails
    submitted_by: str
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        tranche = self.tranche

        summary = self.summary

        details = self.details.to_dict()

        submitted_by = self.submitted_by

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "tranche": tranche,
                "summary": summary,
                "details": details,
                "submitted_by": submitted_by,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_report_out_details import ActivityReportOutDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        tranche = d.pop("tranche")

        summary = d.pop("summary")

        details = ActivityReportOutDetails.from_dict(d.pop("details"))

        submitted_by = d.pop("submitted_by")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        activity_report_out = cls(
            id=id,
            project_id=project_id,
            tranche=tranche,
            summary=summary,
            details=details,
            submitted_by=submitted_by,
            submitted_at=submitted_at,
        )

        activity_report_out.additional_properties = d
        return activity_report_out

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
