from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_phaen_budget_grants_schemas_line_out import BudgetPhaenBudgetGrantsSchemasLineOut
    from ..models.fiscal_period import FiscalPeriod
    from ..models.grant_totals import GrantTotals


T = TypeVar("T", bound="GrantOut")


@_attrs_define
class GrantOut:
    """
    Attributes:
        id (UUID):
        name (str):
        funder (str):
        amount (str):
        fiscal_year (int):
        fiscal_period (FiscalPeriod):
        created_at (datetime.datetime):
        lines (list[BudgetPhaenBudgetGrantsSchemasLineOut]):
        totals (GrantTotals):
    """

    id: UUID
    name: str
    funder: str
    amount: str
    fiscal_year: int
    fiscal_period: FiscalPeriod
    created_at: datetime.datetime
    lines: list[BudgetPhaenBudgetGrantsSchemasLineOut]
    totals: GrantTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        funder = self.funder

        amount = self.amount

        fiscal_year = self.fiscal_year

        fiscal_period = self.fiscal_period.to_dict()

        created_at = self.created_at.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "funder": funder,
                "amount": amount,
                "fiscal_year": fiscal_year,
                "fiscal_period": fiscal_period,
                "created_at": created_at,
                "lines": lines,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_phaen_budget_grants_schemas_line_out import BudgetPhaenBudgetGrantsSchemasLineOut  # noqa: PLC0415
        from ..models.fiscal_period import FiscalPeriod  # noqa: PLC0415
        from ..models.grant_totals import GrantTotals  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        funder = d.pop("funder")

        amount = d.pop("amount")

        fiscal_year = d.pop("fiscal_year")

        fiscal_period = FiscalPeriod.from_dict(d.pop("fiscal_period"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BudgetPhaenBudgetGrantsSchemasLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        totals = GrantTotals.from_dict(d.pop("totals"))

        grant_out = cls(
            id=id,
            name=name,
            funder=funder,
            amount=amount,
            fiscal_year=fiscal_year,
            fiscal_period=fiscal_period,
            created_at=created_at,
            lines=lines,
            totals=totals,
        )

        grant_out.additional_properties = d
        return grant_out

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
