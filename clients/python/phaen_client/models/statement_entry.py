from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatementEntry")


@_attrs_define
class StatementEntry:
    """
    Attributes:
        id (UUID):
        booked_at (datetime.datetime | None):
        kind (None | str):
        reference (None | str):
        receipt (str):
        payment (str):
        balance (str):
    """

    id: UUID
    booked_at: datetime.datetime | None
    kind: None | str
    reference: None | str
    receipt: str
    payment: str
    balance: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        booked_at: None | str
        if isinstance(self.booked_at, datetime.datetime):
            booked_at = self.booked_at.isoformat()
        else:
            booked_at = self.booked_at

        kind: None | str
        kind = self.kind

        reference: None | str
        reference = self.reference

        receipt = self.receipt

        payment = self.payment

        balance = self.balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "booked_at": booked_at,
                "kind": kind,
                "reference": reference,
                "receipt": receipt,
                "payment": payment,
                "balance": balance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_booked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booked_at_type_0 = datetime.datetime.fromisoformat(data)

                return booked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        booked_at = _parse_booked_at(d.pop("booked_at"))

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        receipt = d.pop("receipt")

        payment = d.pop("payment")

        balance = d.pop("balance")

        statement_entry = cls(
            id=id,
            booked_at=booked_at,
            kind=kind,
            reference=reference,
            receipt=receipt,
            payment=payment,
            balance=balance,
        )

        statement_entry.additional_properties = d
        return statement_entry

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
