from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GrantCreate")


@_attrs_define
class GrantCreate:
    """
    Attributes:
        name (str):
        funder (str):
        amount (str):
        fiscal_year (int): Thai government fiscal year, Buddhist Era (Oct-Sep)
    """

    name: str
    funder: str
    amount: str
    fiscal_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        funder = self.funder

        amount = self.amount

        fiscal_year = self.fiscal_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "funder": funder,
                "amount": amount,
                "fiscal_year": fiscal_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        funder = d.pop("funder")

        amount = d.pop("amount")

        fiscal_year = d.pop("fiscal_year")

        grant_create = cls(
            name=name,
            funder=funder,
            amount=amount,
            fiscal_year=fiscal_year,
        )

        grant_create.additional_properties = d
        return grant_create

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
