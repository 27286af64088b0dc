from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_create_level import ProjectCreateLevel
from ..models.project_create_region_type_0 import ProjectCreateRegionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """
    Attributes:
        grant_id (UUID):
        line_no (int):
        name (str):
        level (ProjectCreateLevel):
        region (None | ProjectCreateRegionType0 | Unset):
        tambon (None | str | Unset):
        amount (None | str | Unset):
        tranches (list[float | str] | Unset): percentage shares summing to 100
    """

    grant_id: UUID
    line_no: int
    name: str
    level: ProjectCreateLevel
    region: None | ProjectCreateRegionType0 | Unset = UNSET
    tambon: None | str | Unset = UNSET
    amount: None | str | Unset = UNSET
    tranches: list[float | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_id = str(self.grant_id)

        line_no = self.line_no

        name = self.name

        level = self.level.value

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, ProjectCreateRegionType0):
            region = self.region.value
        else:
            region = self.region

        tambon: None | str | Unset
        if isinstance(self.tambon, Unset):
            tambon = UNSET
        else:
            tambon = self.tambon

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        tranches: list[float | str] | Unset = UNSET
        if not isinstance(self.tranches, Unset):
            tranches = []
            for tranches_item_data in self.tranches:
                tranches_item: float | str
                tranches_item = tranches_item_data
                tranches.append(tranches_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_id": grant_id,
                "line_no": line_no,
                "name": name,
                "level": level,
            }
        )
        if region is not UNSET:
            field_dict["region"] = region
        if tambon is not UNSET:
            field_dict["tambon"] = tambon
        if amount is not UNSET:
            field_dict["amount"] = amount
        if tranches is not UNSET:
            field_dict["tranches"] = tranches

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_id = UUID(d.pop("grant_id"))

        line_no = d.pop("line_no")

        name = d.pop("name")

        level = ProjectCreateLevel(d.pop("level"))

        def _parse_region(data: object) -> None | ProjectCreateRegionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = ProjectCreateRegionType0(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectCreateRegionType0 | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_tambon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon = _parse_tambon(d.pop("tambon", UNSET))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        _tranches = d.pop("tranches", UNSET)
        tranches: list[float | str] | Unset = UNSET
        if _tranches is not UNSET:
            tranches = []
            for tranches_item_data in _tranches:

                def _parse_tranches_item(data: object) -> float | str:
                    return cast(float | str, data)

                tranches_item = _parse_tranches_item(tranches_item_data)

                tranches.append(tranches_item)

        project_create = cls(
            grant_id=grant_id,
            line_no=line_no,
            name=name,
            level=level,
            region=region,
            tambon=tambon,
            amount=amount,
            tranches=tranches,
        )

        project_create.additional_properties = d
        return project_create

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
