from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_out_fund import EntryOutFund
from ..models.entry_out_kind import EntryOutKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EntryOut")


@_attrs_define
class EntryOut:
    """
    Attributes:
        id (UUID):
        seq (int):
        account_id (UUID):
        project_id (UUID):
        kind (EntryOutKind):
        fund (EntryOutFund):
        amount (str): + in, - out
        reference (None | str): the bank's own reference
        withdrawal_id (None | UUID):
        actor (str):
        booked_at (datetime.datetime):
        internal_reference (None | str | Unset): a reference Phaen made itself (e.g. `tranche:<project>:<n>`); no bank
            writes it
        owed_by (Literal['CODI'] | None | Unset): a fee is owed back to the account by CODI
        duplicate (bool | Unset): true when this bank_reference was already recorded Default: False.
    """

    id: UUID
    seq: int
    account_id: UUID
    project_id: UUID
    kind: EntryOutKind
    fund: EntryOutFund
    amount: str
    reference: None | str
    withdrawal_id: None | UUID
    actor: str
    booked_at: datetime.datetime
    internal_reference: None | str | Unset = UNSET
    owed_by: Literal["CODI"] | None | Unset = UNSET
    duplicate: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        seq = self.seq

        account_id = str(self.account_id)

        project_id = str(self.project_id)

        kind = self.kind.value

        fund = self.fund.value

        amount = self.amount

        reference: None | str
        reference = self.reference

        withdrawal_id: None | str
        if isinstance(self.withdrawal_id, UUID):
            withdrawal_id = str(self.withdrawal_id)
        else:
            withdrawal_id = self.withdrawal_id

        actor = self.actor

        booked_at = self.booked_at.isoformat()

        internal_reference: None | str | Unset
        if isinstance(self.internal_reference, Unset):
            internal_reference = UNSET
        else:
            internal_reference = self.internal_reference

        owed_by: Literal["CODI"] | None | Unset
        if isinstance(self.owed_by, Unset):
            owed_by = UNSET
        else:
            owed_by = self.owed_by

        duplicate = self.duplicate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "seq": seq,
                "account_id": account_id,
                "project_id": project_id,
                "kind": kind,
                "fund": fund,
                "amount": amount,
                "reference": reference,
                "withdrawal_id": withdrawal_id,
                "actor": actor,
                "booked_at": booked_at,
            }
        )
        if internal_reference is not UNSET:
            field_dict["internal_reference"] = internal_reference
        if owed_by is not UNSET:
            field_dict["owed_by"] = owed_by
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        seq = d.pop("seq")

        account_id = UUID(d.pop("account_id"))

        project_id = UUID(d.pop("project_id"))

        kind = EntryOutKind(d.pop("kind"))

        fund = EntryOutFund(d.pop("fund"))

        amount = d.pop("amount")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

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

        actor = d.pop("actor")

        booked_at = datetime.datetime.fromisoformat(d.pop("booked_at"))

        def _parse_internal_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_reference = _parse_internal_reference(d.pop("internal_reference", UNSET))

        def _parse_owed_by(data: object) -> Literal["CODI"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            owed_by_type_0 = cast(Literal["CODI"], data)
            if owed_by_type_0 != "CODI":
                raise ValueError(f"owed_by_type_0 must match const 'CODI', got '{owed_by_type_0}'")
            return owed_by_type_0
            return cast(Literal["CODI"] | None | Unset, data)

        owed_by = _parse_owed_by(d.pop("owed_by", UNSET))

        duplicate = d.pop("duplicate", UNSET)

        entry_out = cls(
            id=id,
            seq=seq,
            account_id=account_id,
            project_id=project_id,
            kind=kind,
            fund=fund,
            amount=amount,
            reference=reference,
            withdrawal_id=withdrawal_id,
            actor=actor,
            booked_at=booked_at,
            internal_reference=internal_reference,
            owed_by=owed_by,
            duplicate=duplicate,
        )

        entry_out.additional_properties = d
        return entry_out

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
