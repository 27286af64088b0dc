from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grant_info import GrantInfo
    from ..models.plan_line import PlanLine
    from ..models.plan_totals import PlanTotals


T = TypeVar("T", bound="PlanVsActual")


@_attrs_define
class PlanVsActual:
    """Plan vs actual per grant line; variance = planned - actual.

    Attributes:
        grant (GrantInfo):
        lines (list[PlanLine]):
        totals (PlanTotals):
        as_of (datetime.datetime | None | Unset):
        stale (bool | Unset):  Default: False.
    """

    grant: GrantInfo
    lines: list[PlanLine]
    totals: PlanTotals
    as_of: datetime.datetime | None | Unset = UNSET
    stale: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant = self.grant.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        totals = self.totals.to_dict()

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant": grant,
                "lines": lines,
                "totals": totals,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if stale is not UNSET:
            field_dict["stale"] = stale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_info import GrantInfo  # noqa: PLC0415
        from ..models.plan_line import PlanLine  # noqa: PLC0415
        from ..models.plan_totals import PlanTotals  # noqa: PLC0415

        d = dict(src_dict)
        grant = GrantInfo.from_dict(d.pop("grant"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = PlanLine.from_dict(lines_item_data)

            lines.append(lines_item)

        totals = PlanTotals.from_dict(d.pop("totals"))

        def _parse_as_of(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        stale = d.pop("stale", UNSET)

        plan_vs_actual = cls(
            grant=grant,
            lines=lines,
            totals=totals,
            as_of=as_of,
            stale=stale,
        )

        plan_vs_actual.additional_properties = d
        return plan_vs_actual

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
