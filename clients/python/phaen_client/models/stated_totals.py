from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatedTotals")


@_attrs_define
class StatedTotals:
    """
    Attributes:
        planned (None | str | Unset):
        percent (float | None | str | Unset):
        actual (None | str | Unset):
        variance (None | str | Unset):
    """

    planned: None | str | Unset = UNSET
    percent: float | None | str | Unset = UNSET
    actual: None | str | Unset = UNSET
    variance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        planned: None | str | Unset
        if isinstance(self.planned, Unset):
            planned = UNSET
        else:
            planned = self.planned

        percent: float | None | str | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        actual: None | str | Unset
        if isinstance(self.actual, Unset):
            actual = UNSET
        else:
            actual = self.actual

        variance: None | str | Unset
        if isinstance(self.variance, Unset):
            variance = UNSET
        else:
            variance = self.variance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if planned is not UNSET:
            field_dict["planned"] = planned
        if percent is not UNSET:
            field_dict["percent"] = percent
        if actual is not UNSET:
            field_dict["actual"] = actual
        if variance is not UNSET:
            field_dict["variance"] = variance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_planned(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        planned = _parse_planned(d.pop("planned", UNSET))

        def _parse_percent(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_actual(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actual = _parse_actual(d.pop("actual", UNSET))

        def _parse_variance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        variance = _parse_variance(d.pop("variance", UNSET))

        stated_totals = cls(
            planned=planned,
            percent=percent,
            actual=actual,
            variance=variance,
        )

        stated_totals.additional_properties = d
        return stated_totals

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
