from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LedgerMiss")


@_attrs_define
class LedgerMiss:
    """
    Attributes:
        id (UUID):
        kind (str):
        amount (str):
        reference (None | str):
        booked_on (datetime.date): the day in Thailand the entry was booked
        withdrawal_id (None | UUID):
    """

    id: UUID
    kind: str
    amount: str
    reference: None | str
    booked_on: datetime.date
    withdrawal_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        amount = self.amount

        reference: None | str
        reference = self.reference

        booked_on = self.booked_on.isoformat()

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
                "kind": kind,
                "amount": amount,
                "reference": reference,
                "booked_on": booked_on,
                "withdrawal_id": withdrawal_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        amount = d.pop("amount")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

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

        ledger_miss = cls(
            id=id,
            kind=kind,
            amount=amount,
            reference=reference,
            booked_on=booked_on,
            withdrawal_id=withdrawal_id,
        )

        ledger_miss.additional_properties = d
        return ledger_miss

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
