from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PersonOut")


@_attrs_define
class PersonOut:
    """A person. ``national_id`` and ``phone`` are masked to the last 4 digits except for admin,
    secretariat and auditor (``masked`` says which).

        Attributes:
            id (UUID):
            full_name (str):
            national_id (None | str):
            phone (None | str):
            masked (bool):
            tambon (None | str):
            province (None | str):
            region (None | str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: UUID
    full_name: str
    national_id: None | str
    phone: None | str
    masked: bool
    tambon: None | str
    province: None | str
    region: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        full_name = self.full_name

        national_id: None | str
        national_id = self.national_id

        phone: None | str
        phone = self.phone

        masked = self.masked

        tambon: None | str
        tambon = self.tambon

        province: None | str
        province = self.province

        region: None | str
        region = self.region

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "full_name": full_name,
                "national_id": national_id,
                "phone": phone,
                "masked": masked,
                "tambon": tambon,
                "province": province,
                "region": region,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        full_name = d.pop("full_name")

        def _parse_national_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        national_id = _parse_national_id(d.pop("national_id"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        masked = d.pop("masked")

        def _parse_tambon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tambon = _parse_tambon(d.pop("tambon"))

        def _parse_province(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        province = _parse_province(d.pop("province"))

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        person_out = cls(
            id=id,
            full_name=full_name,
            national_id=national_id,
            phone=phone,
            masked=masked,
            tambon=tambon,
            province=province,
            region=region,
            created_at=created_at,
            updated_at=updated_at,
        )

        person_out.additional_properties = d
        return person_out

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
