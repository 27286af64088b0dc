from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.withdrawal_out_fund import WithdrawalOutFund
from ..models.withdrawal_out_status import WithdrawalOutStatus

if TYPE_CHECKING:
    from ..models.resolution import Resolution
    from ..models.signature_out import SignatureOut


T = TypeVar("T", bound="WithdrawalOut")


@_attrs_define
class WithdrawalOut:
    """
    Attributes:
        id (UUID):
        account_id (UUID):
        project_id (UUID):
        amount (str):
        fund (WithdrawalOutFund):
        purpose (str):
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        status (WithdrawalOutStatus):
        signatures (list[SignatureOut]):
        threshold (int):
        version (int): bumped by every change that voids signatures
        digest (str): SHA-256 of the signing payload of this version
        expires_at (datetime.datetime):
        requested_by (str):
        requested_at (datetime.datetime):
        approved_at (datetime.datetime | None):
        paid_at (datetime.datetime | None):
        bank_reference (None | str):
        cancelled_at (datetime.datetime | None):
        cancel_reason (None | str):
        expired_at (datetime.datetime | None):
    """

    id: UUID
    account_id: UUID
    project_id: UUID
    amount: str
    fund: WithdrawalOutFund
    purpose: str
    resolution: Resolution
    status: WithdrawalOutStatus
    signatures: list[SignatureOut]
    threshold: int
    version: int
    digest: str
    expires_at: datetime.datetime
    requested_by: str
    requested_at: datetime.datetime
    approved_at: datetime.datetime | None
    paid_at: datetime.datetime | None
    bank_reference: None | str
    cancelled_at: datetime.datetime | None
    cancel_reason: None | str
    expired_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        project_id = str(self.project_id)

        amount = self.amount

        fund = self.fund.value

        purpose = self.purpose

        resolution = self.resolution.to_dict()

        status = self.status.value

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        threshold = self.threshold

        version = self.version

        digest = self.digest

        expires_at = self.expires_at.isoformat()

        requested_by = self.requested_by

        requested_at = self.requested_at.isoformat()

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        bank_reference: None | str
        bank_reference = self.bank_reference

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        cancel_reason: None | str
        cancel_reason = self.cancel_reason

        expired_at: None | str
        if isinstance(self.expired_at, datetime.datetime):
            expired_at = self.expired_at.isoformat()
        else:
            expired_at = self.expired_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "project_id": project_id,
                "amount": amount,
                "fund": fund,
                "purpose": purpose,
                "resolution": resolution,
                "status": status,
                "signatures": signatures,
                "threshold": threshold,
                "version": version,
                "digest": digest,
                "expires_at": expires_at,
                "requested_by": requested_by,
                "requested_at": requested_at,
                "approved_at": approved_at,
                "paid_at": paid_at,
                "bank_reference": bank_reference,
                "cancelled_at": cancelled_at,
                "cancel_reason": cancel_reason,
                "expired_at": expired_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415
        from ..models.signature_out import SignatureOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        project_id = UUID(d.pop("project_id"))

        amount = d.pop("amount")

        fund = WithdrawalOutFund(d.pop("fund"))

        purpose = d.pop("purpose")

        resolution = Resolution.from_dict(d.pop("resolution"))

        status = WithdrawalOutStatus(d.pop("status"))

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignatureOut.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        threshold = d.pop("threshold")

        version = d.pop("version")

        digest = d.pop("digest")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        requested_by = d.pop("requested_by")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_bank_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_reference = _parse_bank_reference(d.pop("bank_reference"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        def _parse_cancel_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))

        def _parse_expired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expired_at_type_0 = datetime.datetime.fromisoformat(data)

                return expired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expired_at = _parse_expired_at(d.pop("expired_at"))

        withdrawal_out = cls(
            id=id,
            account_id=account_id,
            project_id=project_id,
            amount=amount,
            fund=fund,
            purpose=purpose,
            resolution=resolution,
            status=status,
            signatures=signatures,
            threshold=threshold,
            version=version,
            digest=digest,
            expires_at=expires_at,
            requested_by=requested_by,
            requested_at=requested_at,
            approved_at=approved_at,
            paid_at=paid_at,
            bank_reference=bank_reference,
            cancelled_at=cancelled_at,
            cancel_reason=cancel_reason,
            expired_at=expired_at,
        )

        withdrawal_out.additional_properties = d
        return withdrawal_out

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
