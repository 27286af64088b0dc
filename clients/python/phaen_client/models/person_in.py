from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonIn")


@_attrs_define
class PersonIn:
    """A person; the national ID must carry a valid check digit.

    Attributes:
        full_name (str):
        national_id (None | str | Unset): 13 digits (dashes allowed)
        phone (None | str | Unset):
        tambon (None | str | Unset):
    """

    full_name: str
    national_id: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    tambon: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        national_id: None | str | Unset
        if isinstance(self.national_id, Unset):
            national_id = UNSET
        else:
            national_id = self.national_id

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        tambon: None | str | Unset
        if isinstance(self.tambon, Unset):
            tambon = UNSET
        else:
            tambon = self.tambon

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
            }
        )
        if national_id is not UNSET:
            field_dict["national_id"] = national_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if tambon is not UNSET:
            field_dict["tambon"] = tambon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        def _parse_national_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        national_id = _parse_national_id(d.pop("national_id", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_tambon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon = _parse_tambon(d.pop("tambon", UNSET))

        person_in = cls(
            full_name=full_name,
            national_id=national_id,
            phone=phone,
            tambon=tambon,
        )

        return person_in
