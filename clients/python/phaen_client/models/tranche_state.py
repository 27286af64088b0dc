from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrancheState")


@_attrs_define
class TrancheState:
    """
    Attributes:
        n (int):
        percent (None | str):
        planned_amount (None | str):
        status (str):
        amount (None | str | Unset):
        released_at (datetime.datetime | None | Unset):
        activity_report (bool | Unset):  Default: False.
    """

    n: int
    percent: None | str
    planned_amount: None | str
    status: str
    amount: None | str | Unset = UNSET
    released_at: datetime.datetime | None | Unset = UNSET
    activity_report: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        n = self.n

        percent: None | str
        percent = self.percent

        planned_amount: None | str
        planned_amount = self.planned_amount

        status = self.status

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        elif isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        activity_report = self.activity_report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "n": n,
                "percent": percent,
                "planned_amount": planned_amount,
                "status": status,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if activity_report is not UNSET:
            field_dict["activity_report"] = activity_report

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        n = d.pop("n")

        def _parse_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        percent = _parse_percent(d.pop("percent"))

        def _parse_planned_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        planned_amount = _parse_planned_amount(d.pop("planned_amount"))

        status = d.pop("status")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_released_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))

        activity_report = d.pop("activity_report", UNSET)

        tranche_state = cls(
            n=n,
            percent=percent,
            planned_amount=planned_amount,
            status=status,
            amount=amount,
            released_at=released_at,
            activity_report=activity_report,
        )

        tranche_state.additional_properties = d
        return tranche_state

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
