from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.user_create_region_type_0 import UserCreateRegionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """A new user (ผู้ใช้งาน).

    Attributes:
        username (str):
        password (str):
        display_name (str):
        roles (list[str]):
        region (None | Unset | UserCreateRegionType0):
        province (None | str | Unset): DOPA province code
        tambon (None | str | Unset): DOPA subdistrict code
        person_id (None | Unset | UUID): the registry person this user is (needs a valid national ID on record)
    """

    username: str
    password: str
    display_name: str
    roles: list[str]
    region: None | Unset | UserCreateRegionType0 = UNSET
    province: None | str | Unset = UNSET
    tambon: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        display_name = self.display_name

        roles = self.roles

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, UserCreateRegionType0):
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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
                "display_name": display_name,
                "roles": roles,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        display_name = d.pop("display_name")

        roles = cast(list[str], d.pop("roles"))

        def _parse_region(data: object) -> None | Unset | UserCreateRegionType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = UserCreateRegionType0(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserCreateRegionType0, data)

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

        user_create = cls(
            username=username,
            password=password,
            display_name=display_name,
            roles=roles,
            region=region,
            province=province,
            tambon=tambon,
            person_id=person_id,
        )

        return user_create
