from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeviceKeyOut")


@_attrs_define
class DeviceKeyOut:
    """
    Attributes:
        id (UUID):
        owner (str): the user id the key signs for
        owner_person (None | str): the registry person of that user
        public_key (str):
        label (str):
        created_at (datetime.datetime):
        revoked_at (datetime.datetime | None):
        revoked_by (None | str):
    """

    id: UUID
    owner: str
    owner_person: None | str
    public_key: str
    label: str
    created_at: datetime.datetime
    revoked_at: datetime.datetime | None
    revoked_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        owner = self.owner

        owner_person: None | str
        owner_person = self.owner_person

        public_key = self.public_key

        label = self.label

        created_at = self.created_at.isoformat()

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        revoked_by: None | str
        revoked_by = self.revoked_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "owner": owner,
                "owner_person": owner_person,
                "public_key": public_key,
                "label": label,
                "created_at": created_at,
                "revoked_at": revoked_at,
                "revoked_by": revoked_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        owner = d.pop("owner")

        def _parse_owner_person(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_person = _parse_owner_person(d.pop("owner_person"))

        public_key = d.pop("public_key")

        label = d.pop("label")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        def _parse_revoked_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_by = _parse_revoked_by(d.pop("revoked_by"))

        device_key_out = cls(
            id=id,
            owner=owner,
            owner_person=owner_person,
            public_key=public_key,
            label=label,
            created_at=created_at,
            revoked_at=revoked_at,
            revoked_by=revoked_by,
        )

        device_key_out.additional_properties = d
        return device_key_out

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
