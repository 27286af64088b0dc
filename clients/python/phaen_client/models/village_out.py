from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VillageOut")


@_attrs_define
class VillageOut:
    """
    Attributes:
        code (str): tambon code + 2-digit village number
        tambon (str):
        no (int):
        name_th (str):
        has_plan (bool):
    """

    code: str
    tambon: str
    no: int
    name_th: str
    has_plan: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        tambon = self.tambon

        no = self.no

        name_th = self.name_th

        has_plan = self.has_plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "tambon": tambon,
                "no": no,
                "name_th": name_th,
                "has_plan": has_plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        tambon = d.pop("tambon")

        no = d.pop("no")

        name_th = d.pop("name_th")

        has_plan = d.pop("has_plan")

        village_out = cls(
            code=code,
            tambon=tambon,
            no=no,
            name_th=name_th,
            has_plan=has_plan,
        )

        village_out.additional_properties = d
        return village_out

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
