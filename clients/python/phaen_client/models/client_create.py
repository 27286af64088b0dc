from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """A new partner or internal client (ระบบลูกข่าย).

    Attributes:
        name (str):
        roles (list[str]):
        bank (None | str | Unset):
    """

    name: str
    roles: list[str]
    bank: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        roles = self.roles

        bank: None | str | Unset
        if isinstance(self.bank, Unset):
            bank = UNSET
        else:
            bank = self.bank

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "roles": roles,
            }
        )
        if bank is not UNSET:
            field_dict["bank"] = bank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        roles = cast(list[str], d.pop("roles"))

        def _parse_bank(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank = _parse_bank(d.pop("bank", UNSET))

        client_create = cls(
            name=name,
            roles=roles,
            bank=bank,
        )

        return client_create
