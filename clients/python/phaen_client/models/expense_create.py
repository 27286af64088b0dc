from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expense_create_category import ExpenseCreateCategory

if TYPE_CHECKING:
    from ..models.budget_voucher import BudgetVoucher
    from ..models.receipt import Receipt


T = TypeVar("T", bound="ExpenseCreate")


@_attrs_define
class ExpenseCreate:
    """
    Attributes:
        project_id (UUID):
        category (ExpenseCreateCategory): Expense category (หมวดค่าใช้จ่าย):

            | code | ไทย | English |
            |---|---|---|
            | `1.1` | ค่าเช่าสถานที่ประชุม | Meetings: room hire |
            | `1.2` | ค่าเช่าเครื่องเสียงและอุปกรณ์ | Meetings: audio-visual equipment |
            | `1.3` | ค่าอาหาร | Meetings: meals |
            | `1.4` | ค่าอาหารว่างและเครื่องดื่ม | Meetings: snacks and drinks |
            | `1.5` | ค่าตอบแทนวิทยากร | Meetings: speaker fees |
            | `2.1` | ค่าที่พัก | Travel: lodging |
            | `2.2` | ค่าพาหนะเดินทาง | Travel: fares |
            | `2.3` | ค่าเช่ารถ | Travel: car hire |
            | `2.4` | ค่าน้ำมันเชื้อเพลิง | Travel: fuel |
            | `3` | ค่าจัดทำเอกสารและรายงาน | Printing and reports |
            | `4` | ค่าวัสดุและสื่อ | Materials and media |
            | `5` | ค่าสาธารณูปโภค | Utilities |
            | `6` | ค่าใช้จ่ายอื่น ๆ | Miscellaneous |
        amount (str):
        spent_on (datetime.date):
        description (str):
        evidence (BudgetVoucher | Receipt):
    """

    project_id: UUID
    category: ExpenseCreateCategory
    amount: str
    spent_on: datetime.date
    description: str
    evidence: BudgetVoucher | Receipt
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.receipt import Receipt  # noqa: PLC0415

        project_id = str(self.project_id)

        category = self.category.value

        amount = self.amount

        spent_on = self.spent_on.isoformat()

        description = self.description

        evidence: dict[str, Any]
        if isinstance(self.evidence, Receipt):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "category": category,
                "amount": amount,
                "spent_on": spent_on,
                "description": description,
                "evidence": evidence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_voucher import BudgetVoucher  # noqa: PLC0415
        from ..models.receipt import Receipt  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        category = ExpenseCreateCategory(d.pop("category"))

        amount = d.pop("amount")

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        description = d.pop("description")

        def _parse_evidence(data: object) -> BudgetVoucher | Receipt:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = Receipt.from_dict(data)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            evidence_type_1 = BudgetVoucher.from_dict(data)

            return evidence_type_1

        evidence = _parse_evidence(d.pop("evidence"))

        expense_create = cls(
            project_id=project_id,
            category=category,
            amount=amount,
            spent_on=spent_on,
            description=description,
            evidence=evidence,
        )

        expense_create.additional_properties = d
        return expense_create

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
