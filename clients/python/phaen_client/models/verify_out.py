from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VerifyOut")


@_attrs_define
class VerifyOut:
    """
    Attributes:
        ok (bool):
        entries (int): entries checked before the first bad one (all of them when ok)
        first_bad_seq (int | None | Unset):
    """

    ok: bool
    entries: int
    first_bad_seq: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        entries = self.entries

        first_bad_seq: int | None | Unset
        if isinstance(self.first_bad_seq, Unset):
            first_bad_seq = UNSET
        else:
            first_bad_seq = self.first_bad_seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "entries": entries,
            }
        )
        if first_bad_seq is not UNSET:
            field_dict["first_bad_seq"] = first_bad_seq

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ok = d.pop("ok")

        entries = d.pop("entries")

        def _parse_first_bad_seq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        first_bad_seq = _parse_first_bad_seq(d.pop("first_bad_seq", UNSET))

        verify_out = cls(
            ok=ok,
            entries=entries,
            first_bad_seq=first_bad_seq,
        )

        verify_out.additional_properties = d
        return verify_out

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
