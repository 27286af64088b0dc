from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.statement_out_format import StatementOutFormat

if TYPE_CHECKING:
    from ..models.alert_out import AlertOut
    from ..models.budget_phaen_budget_statements_schemas_line_out import BudgetPhaenBudgetStatementsSchemasLineOut
    from ..models.ledger_miss import LedgerMiss


T = TypeVar("T", bound="StatementOut")


@_attrs_define
class StatementOut:
    """The answer of an import (and of importing the same statement again).

    Attributes:
        id (UUID):
        account_id (UUID):
        format_ (StatementOutFormat):
        bank_statement_id (None | str): the bank's own id of the statement (camt.053 Stmt/Id)
        period_from (datetime.date):
        period_to (datetime.date):
        opening_balance (None | str):
        closing_balance (None | str): as the bank states it
        ledger_closing_balance (str): the ledger's balance at the end of period_to
        lines (int):
        matched (int):
        imported_by (str):
        imported_at (datetime.datetime):
        unmatched_bank_lines (list[BudgetPhaenBudgetStatementsSchemasLineOut]):
        unmatched_ledger_entries (list[LedgerMiss]):
        alerts (list[AlertOut]):
    """

    id: UUID
    account_id: UUID
    format_: StatementOutFormat
    bank_statement_id: None | str
    period_from: datetime.date
    period_to: datetime.date
    opening_balance: None | str
    closing_balance: None | str
    ledger_closing_balance: str
    lines: int
    matched: int
    imported_by: str
    imported_at: datetime.datetime
    unmatched_bank_lines: list[BudgetPhaenBudgetStatementsSchemasLineOut]
    unmatched_ledger_entries: list[LedgerMiss]
    alerts: list[AlertOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        format_ = self.format_.value

        bank_statement_id: None | str
        bank_statement_id = self.bank_statement_id

        period_from = self.period_from.isoformat()

        period_to = self.period_to.isoformat()

        opening_balance: None | str
        opening_balance = self.opening_balance

        closing_balance: None | str
        closing_balance = self.closing_balance

        ledger_closing_balance = self.ledger_closing_balance

        lines = self.lines

        matched = self.matched

        imported_by = self.imported_by

        imported_at = self.imported_at.isoformat()

        unmatched_bank_lines = []
        for unmatched_bank_lines_item_data in self.unmatched_bank_lines:
            unmatched_bank_lines_item = unmatched_bank_lines_item_data.to_dict()
            unmatched_bank_lines.append(unmatched_bank_lines_item)

        unmatched_ledger_entries = []
        for unmatched_ledger_entries_item_data in self.unmatched_ledger_entries:
            unmatched_ledger_entries_item = unmatched_ledger_entries_item_data.to_dict()
            unmatched_ledger_entries.append(unmatched_ledger_entries_item)

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "format": format_,
                "bank_statement_id": bank_statement_id,
                "period_from": period_from,
                "period_to": period_to,
                "opening_balance": opening_balance,
                "closing_balance": closing_balance,
                "ledger_closing_balance": ledger_closing_balance,
                "lines": lines,
                "matched": matched,
                "imported_by": imported_by,
                "imported_at": imported_at,
                "unmatched_bank_lines": unmatched_bank_lines,
                "unmatched_ledger_entries": unmatched_ledger_entries,
                "alerts": alerts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_out import AlertOut  # noqa: PLC0415
        from ..models.budget_phaen_budget_statements_schemas_line_out import BudgetPhaenBudgetStatementsSchemasLineOut  # noqa: PLC0415
        from ..models.ledger_miss import LedgerMiss  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        format_ = StatementOutFormat(d.pop("format"))

        def _parse_bank_statement_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_statement_id = _parse_bank_statement_id(d.pop("bank_statement_id"))

        period_from = datetime.date.fromisoformat(d.pop("period_from"))

        period_to = datetime.date.fromisoformat(d.pop("period_to"))

        def _parse_opening_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        opening_balance = _parse_opening_balance(d.pop("opening_balance"))

        def _parse_closing_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closing_balance = _parse_closing_balance(d.pop("closing_balance"))

        ledger_closing_balance = d.pop("ledger_closing_balance")

        lines = d.pop("lines")

        matched = d.pop("matched")

        imported_by = d.pop("imported_by")

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        unmatched_bank_lines = []
        _unmatched_bank_lines = d.pop("unmatched_bank_lines")
        for unmatched_bank_lines_item_data in _unmatched_bank_lines:
            unmatched_bank_lines_item = BudgetPhaenBudgetStatementsSchemasLineOut.from_dict(
                unmatched_bank_lines_item_data
            )

            unmatched_bank_lines.append(unmatched_bank_lines_item)

        unmatched_ledger_entries = []
        _unmatched_ledger_entries = d.pop("unmatched_ledger_entries")
        for unmatched_ledger_entries_item_data in _unmatched_ledger_entries:
            unmatched_ledger_entries_item = LedgerMiss.from_dict(unmatched_ledger_entries_item_data)

            unmatched_ledger_entries.append(unmatched_ledger_entries_item)

        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = AlertOut.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        statement_out = cls(
            id=id,
            account_id=account_id,
            format_=format_,
            bank_statement_id=bank_statement_id,
            period_from=period_from,
            period_to=period_to,
            opening_balance=opening_balance,
            closing_balance=closing_balance,
            ledger_closing_balance=ledger_closing_balance,
            lines=lines,
            matched=matched,
            imported_by=imported_by,
            imported_at=imported_at,
            unmatched_bank_lines=unmatched_bank_lines,
            unmatched_ledger_entries=unmatched_ledger_entries,
            alerts=alerts,
        )

        statement_out.additional_properties = d
        return statement_out

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
