from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.budget_phaen_budget_statements_schemas_line_out_matched_by_type_0 import (
    BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0,
)
from ..models.budget_phaen_budget_statements_schemas_line_out_status import (
    BudgetPhaenBudgetStatementsSchemasLineOutStatus,
)

T = TypeVar("T", bound="BudgetPhaenBudgetStatementsSchemasLineOut")


@_attrs_define
class BudgetPhaenBudgetStatementsSchemasLineOut:
    """
    Attributes:
        id (UUID):
        no (int): position in the statement, from 1
        booked_on (datetime.date):
        amount (str): + deposit, - withdrawal
        reference (None | str):
        description (str):
        balance (None | str):
        status (BudgetPhaenBudgetStatementsSchemasLineOutStatus):
        matched_by (BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0 | None): reference: same bank reference and
            amount; amount: same amount on the nearest day in the window
        ledger_entry_id (None | UUID):
        withdrawal_id (None | UUID): an approved withdrawal this debit pays, not yet booked
    """

    id: UUID
    no: int
    booked_on: datetime.date
    amount: str
    reference: None | str
    description: str
    balance: None | str
    status: BudgetPhaenBudgetStatementsSchemasLineOutStatus
    matched_by: BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0 | None
    ledger_entry_id: None | UUID
    withdrawal_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        no = self.no

        booked_on = self.booked_on.isoformat()

        amount = self.amount

        reference: None | str
        reference = self.reference

        description = self.description

        balance: None | str
        balance = self.balance

        status = self.status.value

        matched_by: None | str
        if isinstance(self.matched_by, BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0):
            matched_by = self.matched_by.value
        else:
            matched_by = self.matched_by

        ledger_entry_id: None | str
        if isinstance(self.ledger_entry_id, UUID):
            ledger_entry_id = str(self.ledger_entry_id)
        else:
            ledger_entry_id = self.ledger_entry_id

        withdrawal_id: None | str
        if isinstance(self.withdrawal_id, UUID):
            withdrawal_id = str(self.withdrawal_id)
        else:
            withdrawal_id = self.withdrawal_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "no": no,
                "booked_on": booked_on,
                "amount": amount,
                "reference": reference,
                "description": description,
                "balance": balance,
                "status": status,
                "matched_by": matched_by,
                "ledger_entry_id": ledger_entry_id,
                "withdrawal_id": withdrawal_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        no = d.pop("no")

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        amount = d.pop("amount")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        description = d.pop("description")

        def _parse_balance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        balance = _parse_balance(d.pop("balance"))

        status = BudgetPhaenBudgetStatementsSchemasLineOutStatus(d.pop("status"))

        def _parse_matched_by(data: object) -> BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                matched_by_type_0 = BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0(data)

                return matched_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0 | None, data)

        matched_by = _parse_matched_by(d.pop("matched_by"))

        def _parse_ledger_entry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ledger_entry_id_type_0 = UUID(data)

                return ledger_entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        ledger_entry_id = _parse_ledger_entry_id(d.pop("ledger_entry_id"))

        def _parse_withdrawal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawal_id_type_0 = UUID(data)

                return withdrawal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        withdrawal_id = _parse_withdrawal_id(d.pop("withdrawal_id"))

        budget_phaen_budget_statements_schemas_line_out = cls(
            id=id,
            no=no,
            booked_on=booked_on,
            amount=amount,
            reference=reference,
            description=description,
            balance=balance,
            status=status,
            matched_by=matched_by,
            ledger_entry_id=ledger_entry_id,
            withdrawal_id=withdrawal_id,
        )

        budget_phaen_budget_statements_schemas_line_out.additional_properties = d
        return budget_phaen_budget_statements_schemas_line_out

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
