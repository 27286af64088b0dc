from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartnerIn")


@_attrs_define
class PartnerIn:
    """A partner agency. ``kind`` is free text; the seed uses government, public_organization,
    state_enterprise, foundation, international.

        Attributes:
            code (str):
            name_th (str):
            name_en (str):
            kind (str):
    """

    code: str
    name_th: str
    name_en: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        kind = d.pop("kind")

        partner_in = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            kind=kind,
        )

        return partner_in
