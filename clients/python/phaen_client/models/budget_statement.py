from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stated_line import StatedLine
    from ..models.stated_totals import StatedTotals


T = TypeVar("T", bound="BudgetStatement")


@_attrs_define
class BudgetStatement:
    """
    Attributes:
        lines (list[StatedLine]):
        stated_totals (StatedTotals | Unset):
    """

    lines: list[StatedLine]
    stated_totals: StatedTotals | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        stated_totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stated_totals, Unset):
            stated_totals = self.stated_totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
            }
        )
        if stated_totals is not UNSET:
            field_dict["stated_totals"] = stated_totals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stated_line import StatedLine  # noqa: PLC0415
        from ..models.stated_totals import StatedTotals  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StatedLine.from_dict(lines_item_data)

            lines.append(lines_item)

        _stated_totals = d.pop("stated_totals", UNSET)
        stated_totals: StatedTotals | Unset
        if isinstance(_stated_totals, Unset):
            stated_totals = UNSET
        else:
            stated_totals = StatedTotals.from_dict(_stated_totals)

        budget_statement = cls(
            lines=lines,
            stated_totals=stated_totals,
        )

        budget_statement.additional_properties = d
        return budget_statement

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
