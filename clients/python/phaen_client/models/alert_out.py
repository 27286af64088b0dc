from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_out_code import AlertOutCode
from ..models.alert_out_severity import AlertOutSeverity

if TYPE_CHECKING:
    from ..models.alert_out_detail import AlertOutDetail


T = TypeVar("T", bound="AlertOut")


@_attrs_define
class AlertOut:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        project_id (UUID):
        code (AlertOutCode):
        severity (AlertOutSeverity): unauthorised_debit is critical; missing_on_statement and balance_mismatch high
        subject (str): what the alert is about: a bank line, a ledger entry or a day's balance
        detail (AlertOutDetail):
        statement_id (None | UUID):
        line_id (None | UUID):
        ledger_entry_id (None | UUID):
        withdrawal_id (None | UUID):
        raised_at (datetime.datetime):
        open_ (bool):
        resolved_at (datetime.datetime | None):
        resolved_by (None | str):
        resolution_note (None | str):
    """

    id: UUID
    account_id: UUID
    project_id: UUID
    code: AlertOutCode
    severity: AlertOutSeverity
    subject: str
    detail: AlertOutDetail
    statement_id: None | UUID
    line_id: None | UUID
    ledger_entry_id: None | UUID
    withdrawal_id: None | UUID
    raised_at: datetime.datetime
    open_: bool
    resolved_at: datetime.datetime | None
    resolved_by: None | str
    resolution_note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        project_id = str(self.project_id)

        code = self.code.value

        severity = self.severity.value

        subject = self.subject

        detail = self.detail.to_dict()

        statement_id: None | str
        if isinstance(self.statement_id, UUID):
            statement_id = str(self.statement_id)
        else:
            statement_id = self.statement_id

        line_id: None | str
        if isinstance(self.line_id, UUID):
            line_id = str(self.line_id)
        else:
            line_id = self.line_id

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

        raised_at = self.raised_at.isoformat()

        open_ = self.open_

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        resolved_by = self.resolved_by

        resolution_note: None | str
        resolution_note = self.resolution_note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "project_id": project_id,
                "code": code,
                "severity": severity,
                "subject": subject,
                "detail": detail,
                "statement_id": statement_id,
                "line_id": line_id,
                "ledger_entry_id": ledger_entry_id,
                "withdrawal_id": withdrawal_id,
                "raised_at": raised_at,
                "open": open_,
                "resolved_at": resolved_at,
                "resolved_by": resolved_by,
                "resolution_note": resolution_note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_out_detail import AlertOutDetail  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        project_id = UUID(d.pop("project_id"))

        code = AlertOutCode(d.pop("code"))

        severity = AlertOutSeverity(d.pop("severity"))

        subject = d.pop("subject")

        detail = AlertOutDetail.from_dict(d.pop("detail"))

        def _parse_statement_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                statement_id_type_0 = UUID(data)

                return statement_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        statement_id = _parse_statement_id(d.pop("statement_id"))

        def _parse_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_id_type_0 = UUID(data)

                return line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        line_id = _parse_line_id(d.pop("line_id"))

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

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))

        open_ = d.pop("open")

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))

        def _parse_resolution_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution_note = _parse_resolution_note(d.pop("resolution_note"))

        alert_out = cls(
            id=id,
            account_id=account_id,
            project_id=project_id,
            code=code,
            severity=severity,
            subject=subject,
            detail=detail,
            statement_id=statement_id,
            line_id=line_id,
            ledger_entry_id=ledger_entry_id,
            withdrawal_id=withdrawal_id,
            raised_at=raised_at,
            open_=open_,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            resolution_note=resolution_note,
        )

        alert_out.additional_properties = d
        return alert_out

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
