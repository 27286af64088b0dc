from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FacilitatorRow")


@_attrs_define
class FacilitatorRow:
    """
    Attributes:
        region (str):
        name_th (str | Unset):  Default: ''.
        community (int | Unset):  Default: 0.
        intensive (int | Unset):  Default: 0.
        other (int | Unset):  Default: 0.
        total (int | Unset):  Default: 0.
    """

    region: str
    name_th: str | Unset = ""
    community: int | Unset = 0
    intensive: int | Unset = 0
    other: int | Unset = 0
    total: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        name_th = self.name_th

        community = self.community

        intensive = self.intensive

        other = self.other

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
            }
        )
        if name_th is not UNSET:
            field_dict["name_th"] = name_th
        if community is not UNSET:
            field_dict["community"] = community
        if intensive is not UNSET:
            field_dict["intensive"] = intensive
        if other is not UNSET:
            field_dict["other"] = other
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = d.pop("region")

        name_th = d.pop("name_th", UNSET)

        community = d.pop("community", UNSET)

        intensive = d.pop("intensive", UNSET)

        other = d.pop("other", UNSET)

        total = d.pop("total", UNSET)

        facilitator_row = cls(
            region=region,
            name_th=name_th,
            community=community,
            intensive=intensive,
            other=other,
            total=total,
        )

        facilitator_row.additional_properties = d
        return facilitator_row

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
