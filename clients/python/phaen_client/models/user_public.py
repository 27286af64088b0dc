from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_public_region_type_0 import UserPublicRegionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserPublic")


@_attrs_define
class UserPublic:
    """A user as the API shows it (no password, no hash).

    Attributes:
        id (UUID):
        username (str):
        display_name (str):
        roles (list[str]):
        disabled (bool):
        created_at (datetime.datetime):
        region (None | Unset | UserPublicRegionType0):
        province (None | str | Unset): DOPA province code
        tambon (None | str | Unset): DOPA subdistrict code
        person_id (None | Unset | UUID):
        disabled_at (datetime.datetime | None | Unset):
    """

    id: UUID
    username: str
    display_name: str
    roles: list[str]
    disabled: bool
    created_at: datetime.datetime
    region: None | Unset | UserPublicRegionType0 = UNSET
    province: None | str | Unset = UNSET
    tambon: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    disabled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        display_name = self.display_name

        roles = self.roles

        disabled = self.disabled

        created_at = self.created_at.isoformat()

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, UserPublicRegionType0):
            region = self.region.value
        else:
            region = self.region

        province: None | str | Unset
        if isinstance(self.province, Unset):
            province = UNSET
        else:
            province = self.province

        tambon: None | str | Unset
        if isinstance(self.tambon, Unset):
            tambon = UNSET
        else:
            tambon = self.tambon

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "roles": roles,
                "disabled": disabled,
                "created_at": created_at,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region
        if province is not UNSET:
            field_dict["province"] = province
        if tambon is not UNSET:
            field_dict["tambon"] = tambon
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        display_name = d.pop("display_name")

        roles = cast(list[str], d.pop("roles"))

        disabled = d.pop("disabled")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_region(data: object) -> None | Unset | UserPublicRegionType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = UserPublicRegionType0(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserPublicRegionType0, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_province(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        province = _parse_province(d.pop("province", UNSET))

        def _parse_tambon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon = _parse_tambon(d.pop("tambon", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))

        user_public = cls(
            id=id,
            username=username,
            display_name=display_name,
            roles=roles,
            disabled=disabled,
            created_at=created_at,
            region=region,
            province=province,
            tambon=tambon,
            person_id=person_id,
            disabled_at=disabled_at,
        )

        user_public.additional_properties = d
        return user_public

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
