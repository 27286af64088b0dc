from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deposit_create_kind import DepositCreateKind

T = TypeVar("T", bound="DepositCreate")


@_attrs_define
class DepositCreate:
    """
    Attributes:
        amount (str):
        kind (DepositCreateKind):
        bank_reference (str):
    """

    amount: str
    kind: DepositCreateKind
    bank_reference: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind = self.kind.value

        bank_reference = self.bank_reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "bank_reference": bank_reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = DepositCreateKind(d.pop("kind"))

        bank_reference = d.pop("bank_reference")

        deposit_create = cls(
            amount=amount,
            kind=kind,
            bank_reference=bank_reference,
        )

        deposit_create.additional_properties = d
        return deposit_create

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
