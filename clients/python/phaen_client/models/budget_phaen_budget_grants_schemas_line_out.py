from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.budget_cofunding_output import BudgetCofundingOutput


T = TypeVar("T", bound="BudgetPhaenBudgetGrantsSchemasLineOut")


@_attrs_define
class BudgetPhaenBudgetGrantsSchemasLineOut:
    """
    Attributes:
        id (UUID):
        grant_id (UUID):
        no (int):
        title (str):
        planned (str):
        percent (str): planned / grant amount x 100, 2 decimals
        actual (str): sum of recorded (not voided) expenses under the line
        variance (str): planned - actual
        reserved (str): sum of approved proposals under the line
        available (str): planned - reserved
        cofunding (list[BudgetCofundingOutput]):
    """

    id: UUID
    grant_id: UUID
    no: int
    title: str
    planned: str
    percent: str
    actual: str
    variance: str
    reserved: str
    available: str
    cofunding: list[BudgetCofundingOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        grant_id = str(self.grant_id)

        no = self.no

        title = self.title

        planned = self.planned

        percent = self.percent

        actual = self.actual

        variance = self.variance

        reserved = self.reserved

        available = self.available

        cofunding = []
        for cofunding_item_data in self.cofunding:
            cofunding_item = cofunding_item_data.to_dict()
            cofunding.append(cofunding_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "no": no,
                "title": title,
                "planned": planned,
                "percent": percent,
                "actual": actual,
                "variance": variance,
                "reserved": reserved,
                "available": available,
                "cofunding": cofunding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_cofunding_output import BudgetCofundingOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        grant_id = UUID(d.pop("grant_id"))

        no = d.pop("no")

        title = d.pop("title")

        planned = d.pop("planned")

        percent = d.pop("percent")

        actual = d.pop("actual")

        variance = d.pop("variance")

        reserved = d.pop("reserved")

        available = d.pop("available")

        cofunding = []
        _cofunding = d.pop("cofunding")
        for cofunding_item_data in _cofunding:
            cofunding_item = BudgetCofundingOutput.from_dict(cofunding_item_data)

            cofunding.append(cofunding_item)

        budget_phaen_budget_grants_schemas_line_out = cls(
            id=id,
            grant_id=grant_id,
            no=no,
            title=title,
            planned=planned,
            percent=percent,
            actual=actual,
            variance=variance,
            reserved=reserved,
            available=available,
            cofunding=cofunding,
        )

        budget_phaen_budget_grants_schemas_line_out.additional_properties = d
        return budget_phaen_budget_grants_schemas_line_out

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
