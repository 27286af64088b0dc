from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """
    Attributes:
        id (UUID):
        project_id (None | UUID):
        name (None | str):
        bank (None | str):
        branch (None | str):
        number_last4 (None | str):
        grant_name (None | str | Unset): the name of the grant the account's project spends from
    """

    id: UUID
    project_id: None | UUID
    name: None | str
    bank: None | str
    branch: None | str
    number_last4: None | str
    grant_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        name: None | str
        name = self.name

        bank: None | str
        bank = self.bank

        branch: None | str
        branch = self.branch

        number_last4: None | str
        number_last4 = self.number_last4

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
                "project_id": project_id,
                "name": name,
                "bank": bank,
                "branch": branch,
                "number_last4": number_last4,
            }
        )
        if grant_name is not UNSET:
            field_dict["grant_name"] = grant_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_bank(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank = _parse_bank(d.pop("bank"))

        def _parse_branch(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        branch = _parse_branch(d.pop("branch"))

        def _parse_number_last4(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number_last4 = _parse_number_last4(d.pop("number_last4"))

        def _parse_grant_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grant_name = _parse_grant_name(d.pop("grant_name", UNSET))

        account_info = cls(
            id=id,
            project_id=project_id,
            name=name,
            bank=bank,
            branch=branch,
            number_last4=number_last4,
            grant_name=grant_name,
        )

        account_info.additional_properties = d
        return account_info

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
