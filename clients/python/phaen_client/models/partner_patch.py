from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerPatch")


@_attrs_define
class PartnerPatch:
    """
    Attributes:
        name_th (None | str | Unset):
        name_en (None | str | Unset):
        kind (None | str | Unset):
    """

    name_th: None | str | Unset = UNSET
    name_en: None | str | Unset = UNSET
    kind: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name_th: None | str | Unset
        if isinstance(self.name_th, Unset):
            name_th = UNSET
        else:
            name_th = self.name_th

        name_en: None | str | Unset
        if isinstance(self.name_en, Unset):
            name_en = UNSET
        else:
            name_en = self.name_en

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name_th is not UNSET:
            field_dict["name_th"] = name_th
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name_th(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_th = _parse_name_th(d.pop("name_th", UNSET))

        def _parse_name_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_en = _parse_name_en(d.pop("name_en", UNSET))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        partner_patch = cls(
            name_th=name_th,
            name_en=name_en,
            kind=kind,
        )

        return partner_patch
