from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reports_cofunding import ReportsCofunding


T = TypeVar("T", bound="PlanLine")


@_attrs_define
class PlanLine:
    """
    Attributes:
        no (int):
        title (None | str):
        planned (str):
        percent (str):
        actual (str):
        variance (str):
        cofunding (list[ReportsCofunding] | Unset):
    """

    no: int
    title: None | str
    planned: str
    percent: str
    actual: str
    variance: str
    cofunding: list[ReportsCofunding] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        no = self.no

        title: None | str
        title = self.title

        planned = self.planned

        percent = self.percent

        actual = self.actual

        variance = self.variance

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
                "percent": percent,
                "actual": actual,
                "variance": variance,
            }
        )
        if cofunding is not UNSET:
            field_dict["cofunding"] = cofunding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reports_cofunding import ReportsCofunding  # noqa: PLC0415

        d = dict(src_dict)
        no = d.pop("no")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        planned = d.pop("planned")

        percent = d.pop("percent")

        actual = d.pop("actual")

        variance = d.pop("variance")

        _cofunding = d.pop("cofunding", UNSET)
        cofunding: list[ReportsCofunding] | Unset = UNSET
        if _cofunding is not UNSET:
            cofunding = []
            for cofunding_item_data in _cofunding:
                cofunding_item = ReportsCofunding.from_dict(cofunding_item_data)

                cofunding.append(cofunding_item)

        plan_line = cls(
            no=no,
            title=title,
            planned=planned,
            percent=percent,
            actual=actual,
            variance=variance,
            cofunding=cofunding,
        )

        plan_line.additional_properties = d
        return plan_line

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
