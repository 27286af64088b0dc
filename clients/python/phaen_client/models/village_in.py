from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VillageIn")


@_attrs_define
class VillageIn:
    """
    Attributes:
        name_th (str):
        has_plan (bool | Unset):  Default: False.
    """

    name_th: str
    has_plan: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name_th = self.name_th

        has_plan = self.has_plan

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name_th": name_th,
            }
        )
        if has_plan is not UNSET:
            field_dict["has_plan"] = has_plan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name_th = d.pop("name_th")

        has_plan = d.pop("has_plan", UNSET)

        village_in = cls(
            name_th=name_th,
            has_plan=has_plan,
        )

        return village_in
