from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChecklistItem")


@_attrs_define
class ChecklistItem:
    """
    Attributes:
        no (str):
        title_th (str):
        title_en (str):
        status (str):
        evidence (list[str]):
        missing (list[str]):
    """

    no: str
    title_th: str
    title_en: str
    status: str
    evidence: list[str]
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        no = self.no

        title_th = self.title_th

        title_en = self.title_en

        status = self.status

        evidence = self.evidence

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "no": no,
                "title_th": title_th,
                "title_en": title_en,
                "status": status,
                "evidence": evidence,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        no = d.pop("no")

        title_th = d.pop("title_th")

        title_en = d.pop("title_en")

        status = d.pop("status")

        evidence = cast(list[str], d.pop("evidence"))

        missing = cast(list[str], d.pop("missing"))

        checklist_item = cls(
            no=no,
            title_th=title_th,
            title_en=title_en,
            status=status,
            evidence=evidence,
            missing=missing,
        )

        checklist_item.additional_properties = d
        return checklist_item

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
