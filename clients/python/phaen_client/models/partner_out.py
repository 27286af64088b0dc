from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerOut")


@_attrs_define
class PartnerOut:
    """
    Attributes:
        code (str):
        name_th (str):
        name_en (str):
        kind (str):
        mou_count (int | Unset):  Default: 0.
    """

    code: str
    name_th: str
    name_en: str
    kind: str
    mou_count: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        kind = self.kind

        mou_count = self.mou_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "kind": kind,
            }
        )
        if mou_count is not UNSET:
            field_dict["mou_count"] = mou_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        kind = d.pop("kind")

        mou_count = d.pop("mou_count", UNSET)

        partner_out = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            kind=kind,
            mou_count=mou_count,
        )

        partner_out.additional_properties = d
        return partner_out

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
