from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectInfo")


@_attrs_define
class ProjectInfo:
    """
    Attributes:
        id (UUID):
        name (None | str):
        grant_id (None | UUID):
        line_no (int | None):
        level (None | str):
        region (None | str):
        tambon (None | str):
        amount (None | str):
        status (None | str):
        tambon_name (None | str | Unset): the tambon's Thai name (from the registry's feed)
        grant_name (None | str | Unset): the name of the grant the project spends from
    """

    id: UUID
    name: None | str
    grant_id: None | UUID
    line_no: int | None
    level: None | str
    region: None | str
    tambon: None | str
    amount: None | str
    status: None | str
    tambon_name: None | str | Unset = UNSET
    grant_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name: None | str
        name = self.name

        grant_id: None | str
        if isinstance(self.grant_id, UUID):
            grant_id = str(self.grant_id)
        else:
            grant_id = self.grant_id

        line_no: int | None
        line_no = self.line_no

        level: None | str
        level = self.level

        region: None | str
        region = self.region

        tambon: None | str
        tambon = self.tambon

        amount: None | str
        amount = self.amount

        status: None | str
        status = self.status

        tambon_name: None | str | Unset
        if isinstance(self.tambon_name, Unset):
            tambon_name = UNSET
        else:
            tambon_name = self.tambon_name

        grant_name: None | str | Unset
        if isinstance(self.grant_name, Unset):
            grant_name = UNSET
        else:
            grant_name = self.grant_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "grant_id": grant_id,
                "line_no": line_no,
                "level": level,
                "region": region,
                "tambon": tambon,
                "amount": amount,
                "status": status,
            }
        )
        if tambon_name is not UNSET:
            field_dict["tambon_name"] = tambon_name
        if grant_name is not UNSET:
            field_dict["grant_name"] = grant_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_grant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grant_id_type_0 = UUID(data)

                return grant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        grant_id = _parse_grant_id(d.pop("grant_id"))

        def _parse_line_no(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line_no = _parse_line_no(d.pop("line_no"))

        def _parse_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level = _parse_level(d.pop("level"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_tambon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tambon = _parse_tambon(d.pop("tambon"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_tambon_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon_name = _parse_tambon_name(d.pop("tambon_name", UNSET))

        def _parse_grant_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_name = _parse_grant_name(d.pop("grant_name", UNSET))

        project_info = cls(
            id=id,
            name=name,
            grant_id=grant_id,
            line_no=line_no,
            level=level,
            region=region,
            tambon=tambon,
            amount=amount,
            status=status,
            tambon_name=tambon_name,
            grant_name=grant_name,
        )

        project_info.additional_properties = d
        return project_info

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
