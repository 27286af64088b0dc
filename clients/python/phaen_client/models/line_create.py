from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_cofunding_input import BudgetCofundingInput


T = TypeVar("T", bound="LineCreate")


@_attrs_define
class LineCreate:
    """
    Attributes:
        no (int):
        title (str):
        planned (str):
        cofunding (list[BudgetCofundingInput] | Unset):
    """

    no: int
    title: str
    planned: str
    cofunding: list[BudgetCofundingInput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        no = self.no

        title = self.title

        planned = self.planned

        cofunding: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cofunding, Unset):
            cofunding = []
            for cofunding_item_data in self.cofunding:
                cofunding_item = cofunding_item_data.to_dict()
                cofunding.append(cofunding_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "no": no,
                "title": title,
                "planned": planned,
            }
        )
        if cofunding is not UNSET:
            field_dict["cofunding"] = cofunding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_cofunding_input import BudgetCofundingInput  # noqa: PLC0415

        d = dict(src_dict)
        no = d.pop("no")

        title = d.pop("title")

        planned = d.pop("planned")

        _cofunding = d.pop("cofunding", UNSET)
        cofunding: list[BudgetCofundingInput] | Unset = UNSET
        if _cofunding is not UNSET:
            cofunding = []
            for cofunding_item_data in _cofunding:
                cofunding_item = BudgetCofundingInput.from_dict(cofunding_item_data)

                cofunding.append(cofunding_item)

        line_create = cls(
            no=no,
            title=title,
            planned=planned,
            cofunding=cofunding,
        )

        line_create.additional_properties = d
        return line_create

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
