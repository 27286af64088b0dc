from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GrantInfo")


@_attrs_define
class GrantInfo:
    """
    Attributes:
        id (UUID):
        name (None | str):
        funder (None | str):
        amount (None | str):
        fiscal_year (int | None):
    """

    id: UUID
    name: None | str
    funder: None | str
    amount: None | str
    fiscal_year: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name: None | str
        name = self.name

        funder: None | str
        funder = self.funder

        amount: None | str
        amount = self.amount

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
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
        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_funder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        funder = _parse_funder(d.pop("funder"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))

        grant_info = cls(
            id=id,
            name=name,
            funder=funder,
            amount=amount,
            fiscal_year=fiscal_year,
        )

        grant_info.additional_properties = d
        return grant_info

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
