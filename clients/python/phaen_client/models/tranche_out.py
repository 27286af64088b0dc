from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="TrancheOut")


@_attrs_define
class TrancheOut:
    """
    Attributes:
        project_id (UUID):
        n (int):
        share (str): percentage of the project amount
        planned (None | str):
        released (bool):
        amount (None | str):
        account_id (None | UUID):
        released_at (datetime.datetime | None):
        activity_reports (int):
        blocked_by (None | str): what stops the release now, if anything
        resolution (None | Resolution | Unset): the resolution the release cited
    """

    project_id: UUID
    n: int
    share: str
    planned: None | str
    released: bool
    amount: None | str
    account_id: None | UUID
    released_at: datetime.datetime | None
    activity_reports: int
    blocked_by: None | str
    resolution: None | Resolution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.resolution import Resolution  # noqa: PLC0415

        project_id = str(self.project_id)

        n = self.n

        share = self.share

        planned: None | str
        planned = self.planned

        released = self.released

        amount: None | str
        amount = self.amount

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        released_at: None | str
        if isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        activity_reports = self.activity_reports

        blocked_by: None | str
        blocked_by = self.blocked_by

        resolution: dict[str, Any] | None | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, Resolution):
            resolution = self.resolution.to_dict()
        else:
            resolution = self.resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "n": n,
                "share": share,
                "planned": planned,
                "released": released,
                "amount": amount,
                "account_id": account_id,
                "released_at": released_at,
                "activity_reports": activity_reports,
                "blocked_by": blocked_by,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        n = d.pop("n")

        share = d.pop("share")

        def _parse_planned(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        planned = _parse_planned(d.pop("planned"))

        released = d.pop("released")

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_released_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        released_at = _parse_released_at(d.pop("released_at"))

        activity_reports = d.pop("activity_reports")

        def _parse_blocked_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blocked_by = _parse_blocked_by(d.pop("blocked_by"))

        def _parse_resolution(data: object) -> None | Resolution | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resolution_type_0 = Resolution.from_dict(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Resolution | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        tranche_out = cls(
            project_id=project_id,
            n=n,
            share=share,
            planned=planned,
            released=released,
            amount=amount,
            account_id=account_id,
            released_at=released_at,
            activity_reports=activity_reports,
            blocked_by=blocked_by,
            resolution=resolution,
        )

        tranche_out.additional_properties = d
        return tranche_out

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
