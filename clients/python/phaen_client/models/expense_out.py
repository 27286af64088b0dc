from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.expense_out_evidence_kind import ExpenseOutEvidenceKind
from ..models.expense_out_flags_item import ExpenseOutFlagsItem
from ..models.expense_out_status import ExpenseOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.expense_out_evidence import ExpenseOutEvidence


T = TypeVar("T", bound="ExpenseOut")


@_attrs_define
class ExpenseOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        grant_id (UUID):
        line_no (int):
        category (str):
        amount (str):
        spent_on (datetime.date):
        description (str):
        evidence_kind (ExpenseOutEvidenceKind):
        evidence (ExpenseOutEvidence): national IDs masked except for admin, secretariat and auditor
        status (ExpenseOutStatus):
        void_reason (None | str):
        voided_by (None | str):
        voided_at (datetime.datetime | None):
        created_by (str):
        created_at (datetime.datetime):
        flags (list[ExpenseOutFlagsItem] | Unset): auditor flags set when recorded: beyond_paid_out = the project's live
            expenses, this one included, exceeded what its account had paid out (withdrawals paid); duplicate_receipt =
            recorded before receipts were normalised, and the same receipt as an earlier live expense once they are
    """

    id: UUID
    project_id: UUID
    grant_id: UUID
    line_no: int
    category: str
    amount: str
    spent_on: datetime.date
    description: str
    evidence_kind: ExpenseOutEvidenceKind
    evidence: ExpenseOutEvidence
    status: ExpenseOutStatus
    void_reason: None | str
    voided_by: None | str
    voided_at: datetime.datetime | None
    created_by: str
    created_at: datetime.datetime
    flags: list[ExpenseOutFlagsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        grant_id = str(self.grant_id)

        line_no = self.line_no

        category = self.category

        amount = self.amount

        spent_on = self.spent_on.isoformat()

        description = self.description

        evidence_kind = self.evidence_kind.value

        evidence = self.evidence.to_dict()

        status = self.status.value

        void_reason: None | str
        void_reason = self.void_reason

        voided_by: None | str
        voided_by = self.voided_by

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        flags: list[str] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = []
            for flags_item_data in self.flags:
                flags_item = flags_item_data.value
                flags.append(flags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "grant_id": grant_id,
                "line_no": line_no,
                "category": category,
                "amount": amount,
                "spent_on": spent_on,
                "description": description,
                "evidence_kind": evidence_kind,
                "evidence": evidence,
                "status": status,
                "void_reason": void_reason,
                "voided_by": voided_by,
                "voided_at": voided_at,
                "created_by": created_by,
                "created_at": created_at,
            }
        )
        if flags is not UNSET:
            field_dict["flags"] = flags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expense_out_evidence import ExpenseOutEvidence  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        grant_id = UUID(d.pop("grant_id"))

        line_no = d.pop("line_no")

        category = d.pop("category")

        amount = d.pop("amount")

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        description = d.pop("description")

        evidence_kind = ExpenseOutEvidenceKind(d.pop("evidence_kind"))

        evidence = ExpenseOutEvidence.from_dict(d.pop("evidence"))

        status = ExpenseOutStatus(d.pop("status"))

        def _parse_void_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        void_reason = _parse_void_reason(d.pop("void_reason"))

        def _parse_voided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voided_by = _parse_voided_by(d.pop("voided_by"))

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _flags = d.pop("flags", UNSET)
        flags: list[ExpenseOutFlagsItem] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = ExpenseOutFlagsItem(flags_item_data)

                flags.append(flags_item)

        expense_out = cls(
            id=id,
            project_id=project_id,
            grant_id=grant_id,
            line_no=line_no,
            category=category,
            amount=amount,
            spent_on=spent_on,
            description=description,
            evidence_kind=evidence_kind,
            evidence=evidence,
            status=status,
            void_reason=void_reason,
            voided_by=voided_by,
            voided_at=voided_at,
            created_by=created_by,
            created_at=created_at,
            flags=flags,
        )

        expense_out.additional_properties = d
        return expense_out

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
