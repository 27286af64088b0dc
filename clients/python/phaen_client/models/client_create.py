from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """A new partner or internal client (ระบบลูกข่าย).

    Attributes:
        name (str):
        roles (list[str]):
    """

    name: str
    roles: list[str]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        roles = cast(list[str], d.pop("roles"))

        client_create = cls(
            name=name,
            roles=roles,
        )

        return client_create
