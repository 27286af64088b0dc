from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tranche_block import TrancheBlock
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tranche_state import TrancheState


T = TypeVar("T", bound="ProjectTranches")


@_attrs_define
class ProjectTranches:
    """
    Attributes:
        project_id (UUID):
        name (None | str):
        region (None | str):
        tambon (None | str):
        status (None | str):
        amount (None | str):
        tranches (list[TrancheState]):
        next_tranche (int | None):
        blocked_by (list[TrancheBlock]):
        tambon_name (None | str | Unset): the tambon's Thai name (from the registry's feed)
    """

    project_id: UUID
    name: None | str
    region: None | str
    tambon: None | str
    status: None | str
    amount: None | str
    tranches: list[TrancheState]
    next_tranche: int | None
    blocked_by: list[TrancheBlock]
    tambon_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        name: None | str
        name = self.name

        region: None | str
        region = self.region

        tambon: None | str
        tambon = self.tambon

        status: None | str
        status = self.status

        amount: None | str
        amount = self.amount

        tranches = []
        for tranches_item_data in self.tranches:
            tranches_item = tranches_item_data.to_dict()
            tranches.append(tranches_item)

        next_tranche: int | None
        next_tranche = self.next_tranche

        blocked_by = []
        for blocked_by_item_data in self.blocked_by:
            blocked_by_item = blocked_by_item_data.value
            blocked_by.append(blocked_by_item)

        tambon_name: None | str | Unset
        if isinstance(self.tambon_name, Unset):
            tambon_name = UNSET
        else:
            tambon_name = self.tambon_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "name": name,
                "region": region,
                "tambon": tambon,
                "status": status,
                "amount": amount,
                "tranches": tranches,
                "next_tranche": next_tranche,
                "blocked_by": blocked_by,
            }
        )
        if tambon_name is not UNSET:
            field_dict["tambon_name"] = tambon_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tranche_state import TrancheState  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

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

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        tranches = []
        _tranches = d.pop("tranches")
        for tranches_item_data in _tranches:
            tranches_item = TrancheState.from_dict(tranches_item_data)

            tranches.append(tranches_item)

        def _parse_next_tranche(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_tranche = _parse_next_tranche(d.pop("next_tranche"))

        blocked_by = []
        _blocked_by = d.pop("blocked_by")
        for blocked_by_item_data in _blocked_by:
            blocked_by_item = TrancheBlock(blocked_by_item_data)

            blocked_by.append(blocked_by_item)

        def _parse_tambon_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon_name = _parse_tambon_name(d.pop("tambon_name", UNSET))

        project_tranches = cls(
            project_id=project_id,
            name=name,
            region=region,
            tambon=tambon,
            status=status,
            amount=amount,
            tranches=tranches,
            next_tranche=next_tranche,
            blocked_by=blocked_by,
            tambon_name=tambon_name,
        )

        project_tranches.additional_properties = d
        return project_tranches

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
