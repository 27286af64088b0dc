from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatedLine")


@_attrs_define
class StatedLine:
    """One line as printed; percent and variance are the cells to check.

    Attributes:
        no (int):
        planned (str):
        actual (str):
        title (str | Unset):  Default: ''.
        percent (float | None | str | Unset):
        variance (None | str | Unset):
    """

    no: int
    planned: str
    actual: str
    title: str | Unset = ""
    percent: float | None | str | Unset = UNSET
    variance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        no = self.no

        planned = self.planned

        actual = self.actual

        title = self.title

        percent: float | None | str | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        variance: None | str | Unset
        if isinstance(self.variance, Unset):
            variance = UNSET
        else:
            variance = self.variance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "no": no,
                "planned": planned,
                "actual": actual,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if percent is not UNSET:
            field_dict["percent"] = percent
        if variance is not UNSET:
            field_dict["variance"] = variance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        no = d.pop("no")

        planned = d.pop("planned")

        actual = d.pop("actual")

        title = d.pop("title", UNSET)

        def _parse_percent(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_variance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        variance = _parse_variance(d.pop("variance", UNSET))

        stated_line = cls(
            no=no,
            planned=planned,
            actual=actual,
            title=title,
            percent=percent,
            variance=variance,
        )

        stated_line.additional_properties = d
        return stated_line

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
